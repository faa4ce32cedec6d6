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
    // ICU's answer for the tag, kept by `netx_language_tag` after the first time; the two
    // calls below when it does not fit in the buffers.
    let kept: (localeID: String, canonical: String)?? = withUnsafeTemporaryAllocation(
      of: CChar.self, capacity: 2 * Self.keptCapacity
    ) { buffer in
      let localeBuffer = buffer.baseAddress!
      let canonicalBuffer = localeBuffer + Self.keptCapacity
      var localeLength: Int32 = 0
      var canonicalLength: Int32 = 0
      let capacity = Int32(Self.keptCapacity)
      switch netx_language_tag(
        tag, localeBuffer, capacity, &localeLength, canonicalBuffer, capacity, &canonicalLength)
      {
      case 1:
        func string(_ start: UnsafeMutablePointer<CChar>, _ length: Int32) -> String {
          start.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
            String(decoding: UnsafeBufferPointer(start: $0, count: Int(length)), as: UTF8.self)
          }
        }
        return .some((string(localeBuffer, localeLength), string(canonicalBuffer, canonicalLength)))
      case 0: return .some(nil)
      default: return nil
      }
    }
    if let kept {
      guard let kept else { return nil }
      self.localeID = kept.localeID
      self.canonical = kept.canonical
      return
    }
    guard let parsed = Self.parse(tag) else { return nil }
    self.localeID = parsed.localeID
    self.canonical = parsed.canonical
  }

  /// The bytes a locale ID or canonical tag may take in `init`'s buffers.
  private static let keptCapacity = 256

  /// ICU's locale ID and canonical tag for a tag, asked of ICU (`init` asks
  /// `netx_language_tag`, which keeps them); `nil` when it is not a tag `init` accepts.
  static func parse(_ tag: String) -> (localeID: String, canonical: String)? {
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
    return (localeID, canonical)
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
      netx_locale_display_name_kept(localeID, displayLocale.localeID, out, capacity, &status)
    }) ?? canonical
  }
}

extension LanguageTag {
  /// A part of a tag that ICU cannot serve.
  public enum UnknownSubtag: Hashable, Sendable, CustomStringConvertible {
    /// A language ICU has no locale data for: its plural rules, dates and numbers would be
    /// ICU's defaults (every count takes the `other` branch: "1 risposte").
    case language(String)
    /// A script or region ICU has no name for (`Zzzz` and `ZZ`, "unknown", among them).
    case script(String)
    case region(String)

    public var description: String {
      switch self {
      case .language(let code): "'\(code)' is not a language ICU has data for"
      case .script(let code): "'\(code)' is not a script ICU knows"
      case .region(let code): "'\(code)' is not a region ICU knows"
      }
    }
  }

  /// What ICU does not know about this tag: empty for `it`, `it-IT`, `pt-BR`, `zh-Hans`,
  /// `es-419`; the language of `italian` and `xx`, the language and region of `zz-ZZ`.
  public var unknownSubtags: [UnknownSubtag] {
    var unknown: [UnknownSubtag] = []
    if !Self.dataLanguages.contains(language) { unknown.append(.language(language)) }
    let unnamed = netx_locale_unnamed_subtags(localeID)
    let subtags = canonical.split(separator: "-").dropFirst()
    if unnamed & Int32(NETX_SUBTAG_SCRIPT) != 0, let script = subtags.first(where: { $0.count == 4 }) {
      unknown.append(.script(String(script)))
    }
    if unnamed & Int32(NETX_SUBTAG_REGION) != 0,
      let region = subtags.first(where: { $0.count == 2 || ($0.count == 3 && $0.allSatisfy(\.isNumber)) })
    {
      unknown.append(.region(String(region)))
    }
    return unknown
  }

  /// Every language ICU has locale data for (`it`, `pt`, `zh`), from its available locales.
  public static let dataLanguages: Set<String> = {
    var languages: Set<String> = []
    for index in 0..<netx_locale_available_count() {
      guard let id = netx_locale_available(index) else { continue }
      let name = String(cString: id)
      languages.insert(String(name.prefix { $0 != "_" }).lowercased())
    }
    return languages
  }()

  /// The languages ICU has data for whose name is `name`, ignoring case, in `displayLocale`'s
  /// language or in English: `Italian` gives `it`, `español` `es`. For the advice when
  /// someone writes a language's name where its tag belongs.
  public static func languages(named name: String, in displayLocale: LanguageTag) -> [LanguageTag] {
    let english = LanguageTag("en")
    let wanted = name.lowercased()
    return dataLanguages.sorted().compactMap { code -> LanguageTag? in
      guard let tag = LanguageTag(code) else { return nil }
      let names = [
        tag.displayName(in: displayLocale), english.map { tag.displayName(in: $0) }, tag.displayName(in: tag),
      ]
      return names.contains { $0?.lowercased() == wanted } ? tag : nil
    }
  }
}
