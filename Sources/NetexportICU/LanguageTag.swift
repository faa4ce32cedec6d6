internal import CNetexportICU

/// A BCP 47 language tag that ICU accepts, in ICU's canonical form.
public struct LanguageTag: Hashable, Sendable, CustomStringConvertible {
  /// The canonical tag, e.g. "pt-BR" or "zh-Hans".
  public let canonical: String
  /// ICU's locale ID for the tag, e.g. "pt_BR" or "zh_Hans"; what ICU services take.
  public let localeID: String

  /// Parses and canonicalizes a tag.
  ///
  /// - Returns: `nil` when `tag` is not a well-formed BCP 47 language tag (ICU must consume
  ///   all of it, and it may hold only ASCII letters, digits and hyphens).
  public init?(_ tag: String) {
    guard !tag.isEmpty, tag.utf8.count <= 64,
      tag.unicodeScalars.allSatisfy({
        $0 == "-" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
      })
    else { return nil }
    var parsed: Int32 = 0
    guard
      let localeID = try? cStringResult(
        "parse the language tag '\(tag)'",
        { out, capacity, status in
          netx_locale_for_language_tag(tag, out, capacity, &parsed, &status)
        }),
      Int(parsed) == tag.utf8.count, !localeID.isEmpty,
      let canonical = try? cStringResult(
        "canonicalize the locale '\(localeID)'",
        { out, capacity, status in
          netx_locale_to_language_tag(localeID, out, capacity, &status)
        }),
      canonical != "und"
    else { return nil }
    self.localeID = localeID
    self.canonical = canonical
  }

  public var description: String { canonical }

  /// The language subtag alone: `pt` for `pt-BR`, `zh` for `zh-Hans`.
  public var language: String { String(canonical.split(separator: "-").first ?? Substring(canonical)).lowercased() }

  /// Whether the locale's script is written right to left (Arabic, Hebrew, ...).
  public var isRightToLeft: Bool { netx_locale_is_right_to_left(localeID) != 0 }

  /// The ISO 15924 code of the script the locale is most likely written in ("Latn",
  /// "Arab", "Hans"), from CLDR's likely subtags; `nil` when ICU does not know.
  public var likelyScript: String? {
    let script = try? cStringResult("find the script of '\(canonical)'") { out, capacity, status in
      netx_locale_likely_script(localeID, out, capacity, &status)
    }
    return script?.isEmpty == false ? script : nil
  }

  /// Whether ICU knows the tag's language: it has a name for it in English ("xx", a
  /// well-formed tag, has none; ICU then gives back the code).
  public var isKnownLanguage: Bool {
    guard let language = LanguageTag(language), let english = LanguageTag("en") else { return false }
    return language.displayName(in: english) != language.canonical
  }

  /// The locale's name in another locale's language, e.g. "Spanish" for `es` in `en`.
  public func displayName(in displayLocale: LanguageTag) -> String {
    (try? utf16Result("name the locale '\(canonical)'") { out, capacity, status in
      netx_locale_display_name(localeID, displayLocale.localeID, out, capacity, &status)
    }) ?? canonical
  }
}
