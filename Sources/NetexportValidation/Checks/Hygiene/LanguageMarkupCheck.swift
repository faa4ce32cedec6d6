import Foundation
import NetexportICU
public import NetexportModel
import NetexportResolution

extension FindingCode {
  public static let languageMarkup = FindingCode(
    "language-markup", .error,
    "A passage in another language (<lang-en>…</lang-en>) names no language ICU knows, not in canonical form, or is not closed.",
    family: HygieneFindings.family)
}

/// Checks the passages a catalog keeps in another language, `<lang-en>…</lang-en>`
/// (docs/catalog-format.md): exports mark each with its language (HTML `lang`, SSML
/// `xml:lang`, the PDF's `/Lang`), so each tag must name a language ICU knows, in the form
/// ICU writes it, and each passage must be closed.
///
/// A tag that is not a language is not markup at all (`InlineMarkup` shows it as text), so a
/// misspelt one would print in the handout: it is an error here, at its character.
struct LanguageMarkupCheck: EntryCheck {
  func check(_ entry: EntryContext, _ findings: inout EntryFindings) {
    // A text without '<lang-' or '</lang-' has no tag to check.
    guard Self.mayHaveLanguageTags(entry.entry.text) else { return }
    for finding in Self.findings(entry.entry, in: entry.catalog.catalog) {
      findings.add(.languageMarkup, at: finding.location, finding.message)
    }
  }

  /// The problems of an entry's language markup, each at its tag.
  static func findings(_ entry: CatalogEntry, in catalog: Catalog) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    func report(_ offset: Int, _ message: String) {
      findings.append(
        Diagnostic(code: .languageMarkup, at: catalog.location(in: entry, utf16Offset: offset), message, key: entry.key)
      )
    }
    var open: [(tag: String, language: LanguageTag, offset: Int)] = []
    for tag in tags(in: entry.text) {
      let written = "<\(tag.closing ? "/" : "")\(InlineMarkup.languagePrefix)\(tag.name)>"
      let read = Self.languages.read(tag.name)
      guard let language = read.tag, read.isKnown else {
        let what =
          read.tag == nil
          ? "'\(tag.name)' is not a BCP 47 language tag" : "'\(tag.name)' is not a language ICU knows"
        report(
          tag.offset,
          "'\(entry.key)' marks a passage with \(written), but \(what); write the language's tag, as in <lang-en>…</lang-en> for English"
        )
        continue
      }
      if language.canonical != tag.name {
        report(
          tag.offset,
          "'\(entry.key)' writes \(written); write <\(tag.closing ? "/" : "")lang-\(language.canonical)>, the tag's canonical form"
        )
      }
      if !tag.closing {
        open.append((tag.name, language, tag.offset))
      } else if let last = open.last, last.language == language {
        open.removeLast()
      } else {
        let inside = open.last.map { " (the open passage is <lang-\($0.tag)>)" } ?? ""
        report(tag.offset, "'\(entry.key)' has \(written) with no passage of that language to close\(inside)")
      }
    }
    for passage in open {
      report(
        passage.offset,
        "'\(entry.key)' opens a passage with <lang-\(passage.tag)> and never closes it; end it with </lang-\(passage.tag)>"
      )
    }
    return findings
  }

  /// What ICU says of the language tags met so far in this run.
  static let languages = LanguageNames()

  /// Every language tag of a text (what starts `<lang-` or `</lang-` and ends at `>`), with
  /// its UTF-16 offset.
  static func tags(in text: String) -> [(name: String, closing: Bool, offset: Int)] {
    var tags: [(name: String, closing: Bool, offset: Int)] = []
    let utf16 = Array(text.utf16)
    let prefix = Array(InlineMarkup.languagePrefix.utf16)
    var index = 0
    while index < utf16.count {
      defer { index += 1 }
      guard utf16[index] == UInt16(UInt8(ascii: "<")) else { continue }
      let closing = index + 1 < utf16.count && utf16[index + 1] == UInt16(UInt8(ascii: "/"))
      let start = index + (closing ? 2 : 1)
      guard start + prefix.count <= utf16.count, Array(utf16[start..<start + prefix.count]) == prefix,
        let end = utf16[(start + prefix.count)...].firstIndex(where: { $0 == UInt16(UInt8(ascii: ">")) })
      else { continue }
      let name = String(decoding: utf16[(start + prefix.count)..<end], as: UTF16.self)
      guard !name.contains(where: { $0 == "<" || $0.isWhitespace }) else { continue }
      tags.append((name, closing, index))
    }
    return tags
  }

  /// The text without its language tags (the passages' words stay), to compare a
  /// translation with its source.
  static func withoutLanguageTags(_ text: String) -> String {
    // Every tag starts with '<': most texts have none, which one memchr tells.
    guard
      TextChecks.containsByte(UInt8(ascii: "<"), in: text),
      TextChecks.contains("<\(InlineMarkup.languagePrefix)", in: text)
        || TextChecks.contains("</\(InlineMarkup.languagePrefix)", in: text)
    else { return text }
    return InlineMarkup.tokens(text).map { token in
      switch token {
      case .text(let literal): literal
      case .open(.language), .close(.language): ""
      case .open(let tag): "<\(tag.name)>"
      case .close(let tag): "</\(tag.name)>"
      }
    }.joined()
  }

  /// Whether a translation that reads as its source does so on purpose: every letter of its
  /// words lies in passages marked as the source's language (`<lang-en>…</lang-en>`), so the
  /// English is kept, not left untranslated.
  static func keepsTheSource(_ text: String, sourceLanguage: LanguageTag) -> Bool {
    var depth = 0
    var outside = ""
    for token in InlineMarkup.tokens(text) {
      switch token {
      case .open(.language(let language)) where language.language == sourceLanguage.language: depth += 1
      case .close(.language(let language)) where language.language == sourceLanguage.language: depth -= 1
      case .text(let literal) where depth == 0: outside += literal
      default: continue
      }
    }
    let words = (try? MessageStructure(outside).literalText) ?? outside
    return TextChecks.contains("<\(InlineMarkup.languagePrefix)", in: text)
      && !words.unicodeScalars.contains { $0.properties.isAlphabetic }
  }

  /// Whether `text` holds `lang-`, as every language tag does: a byte search (Foundation's
  /// `contains` bridged every text, every entry, twice: a third of validation's time).
  static func mayHaveLanguageTags(_ text: String) -> Bool {
    TextChecks.contains(InlineMarkup.languagePrefix, in: text)
  }
}

/// What ICU says of each language tag name: the tag it reads (`nil` for no BCP 47 tag) and
/// whether it knows the language. Read once per run and name: the same few names (`en`)
/// come back in every catalog of a library, and reading one asks ICU several times (its
/// canonical form, its language's name in English), 0.8 % of validation's instructions.
final class LanguageNames: @unchecked Sendable {
  private var names: [String: (tag: LanguageTag?, isKnown: Bool)] = [:]
  /// Catalogs are checked on every core at once.
  private let lock = NSLock()
  /// At most this many names are kept, whatever a library holds.
  private static let limit = 1_000

  func read(_ name: String) -> (tag: LanguageTag?, isKnown: Bool) {
    if let known = lock.withLock({ names[name] }) { return known }
    let tag = LanguageTag(name)
    let read = (tag: tag, isKnown: tag?.isKnownLanguage ?? false)
    lock.withLock {
      if names.count < Self.limit { names[name] = read }
    }
    return read
  }
}
