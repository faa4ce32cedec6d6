import NetexportICU
import NetexportModel
import NetexportResolution
import NetexportValidation

/// Rendering every export format from a catalog whose texts come from the input, with no
/// validation in between: the exporters' own guard (escaping, U+FFFD for what no format
/// carries, square brackets in the script) must hold for any text.
///
/// Input: a byte choosing the locale, one choosing the line width (20...275), then texts
/// separated by 0xFF (a byte UTF-8 never uses) for `Fixture.keys` in order and then for the
/// glossary's pronunciations; keys without a text keep the English. The messages go into the
/// document's catalog and the labels' as the workspace has them, the pronunciations into the
/// locale's glossary.
///
/// - Each text is used as a message; when the catalog does not resolve, the same texts are
///   used as literal text (quoted for MessageFormat), which must resolve.
/// - Every format renders with only its own markup: see `ExportChecks`.
enum RenderTarget {
  static func run(_ input: [UInt8]) throws(InvariantViolation) {
    var input = FuzzInput(input)
    let locale = input.pick(Fixture.locales + ["en"])
    let width = 20 + Int(input.byte())
    let texts = input.rest.split(separator: 0xFF, omittingEmptySubsequences: false).map {
      String(decoding: $0, as: UTF8.self)
    }
    let tag = LanguageTag(locale)!

    let printed: ResolvedDocument
    let spoken: ResolvedDocument
    do {
      (printed, spoken) = try documents(texts, locale: tag, literal: false)
    } catch {
      do {
        (printed, spoken) = try documents(texts, locale: tag, literal: true)
      } catch {
        throw InvariantViolation("texts quoted as literal text do not resolve: \(error)")
      }
    }
    try ExportChecks.check(
      printed: printed, spoken: spoken, width: width, mustRender: false, links: Fixture.document.linkAddresses)
  }

  static func documents(_ texts: [String], locale: LanguageTag, literal: Bool) throws -> (
    ResolvedDocument, ResolvedDocument
  ) {
    let table = messages(texts, locale: locale.canonical, literal: literal)
    // The source's messages too, as the export gate passes them (`nil` for English itself).
    let source = locale == Fixture.sourceLocale ? nil : Fixture.sourceTable
    return (
      try Resolver.resolve(Fixture.document, messages: table, locale: locale, source: source),
      try Resolver.resolve(Fixture.document, messages: table, locale: locale, source: source, spoken: true)
    )
  }

  /// The locale's messages: each key's text from `texts` (an empty or missing one keeps the
  /// English) in the document's catalog or the labels, then the glossary's pronunciations.
  static func messages(_ texts: [String], locale: String, literal: Bool) -> MessageTable {
    func catalog(_ file: CatalogFile) -> Catalog {
      let path = Fixture.catalogPath(locale, file)
      let entries = Fixture.keys.enumerated().compactMap { index, key -> CatalogEntry? in
        guard Fixture.home(of: key) == file else { return nil }
        let given = index < texts.count && !texts[index].isEmpty ? texts[index] : nil
        return CatalogEntry(
          key: key, text: given.map { literal ? quoted($0) : $0 } ?? Fixture.english(key),
          source: Fixture.english(key), state: .translated, location: SourceLocation(file: path, line: 1, column: 1))
      }
      return Catalog(locale: locale, file: path, entries: entries)
    }
    var glossary = Fixture.glossary.glossary
    for index in glossary.indices {
      let position = Fixture.keys.count + index
      if position < texts.count { glossary[index].pronunciation = texts[position] }
    }
    return MessageTable([catalog(Fixture.documentFile), catalog(.labels)], glossary: glossary)
  }

  /// `text` as a MessageFormat pattern that formats to `text` itself: apostrophes doubled,
  /// braces quoted. (`#` means something only inside a plural, and these are top level.)
  /// Code point by code point: an apostrophe with a combining mark is still an apostrophe
  /// to ICU.
  static func quoted(_ text: String) -> String {
    var quoted = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "'": quoted += "''"
      case "{": quoted += "'{'"
      case "}": quoted += "'}'"
      default: quoted.unicodeScalars.append(scalar)
      }
    }
    return quoted
  }
}
