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
/// glossary's pronunciations; keys without a text keep the English.
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
    try ExportChecks.check(printed: printed, spoken: spoken, width: width, mustRender: false)
  }

  static func documents(_ texts: [String], locale: LanguageTag, literal: Bool) throws -> (
    ResolvedDocument, ResolvedDocument
  ) {
    let catalog = self.catalog(texts, locale: locale.canonical, literal: literal)
    return (
      try Resolver.resolve(Fixture.document, catalog: catalog, locale: locale),
      try Resolver.resolve(Fixture.document, catalog: catalog, locale: locale, spoken: true)
    )
  }

  /// The catalog: each key's text from `texts` (an empty or missing one keeps the English),
  /// then the glossary's pronunciations.
  static func catalog(_ texts: [String], locale: String, literal: Bool) -> Catalog {
    let file = "Locales/\(locale).yaml"
    let entries = Fixture.keys.enumerated().map { index, key in
      let given = index < texts.count && !texts[index].isEmpty ? texts[index] : nil
      return CatalogEntry(
        key: key, text: given.map { literal ? quoted($0) : $0 } ?? Fixture.english(key),
        source: Fixture.english(key), state: .translated, location: SourceLocation(file: file, line: 1, column: 1))
    }
    var glossary = Fixture.source.glossary
    for index in glossary.indices {
      let position = Fixture.keys.count + index
      if position < texts.count { glossary[index].pronunciation = texts[position] }
    }
    return Catalog(locale: locale, file: file, entries: entries, glossary: glossary)
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
