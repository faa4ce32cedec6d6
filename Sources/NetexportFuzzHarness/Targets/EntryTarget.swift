import NetexportICU
import NetexportModel
import NetexportResolution
import NetexportValidation

/// Validating one entry: a target catalog of the fixture's messages, translated, with one
/// entry's text taken from the input and written into the file in one of the ways a text can
/// be written (`YAMLText.Style`).
///
/// Input: a byte choosing the entry, one choosing the locale, one choosing the style, then
/// the text.
///
/// - Validation only reports: every finding has a documented code (`Rule.all`) and points
///   inside the catalog file, at the very character when it names one.
/// - A catalog validation passes without errors exports: it resolves for print and speech,
///   and every format renders it with only its own markup.
enum EntryTarget {
  static func run(_ input: [UInt8]) throws(InvariantViolation) {
    var input = FuzzInput(input)
    let key = input.pick(Fixture.keys)
    let locale = input.pick(Fixture.locales)
    let style = input.pick(YAMLText.Style.allCases)
    let text = String(decoding: input.rest, as: UTF8.self)

    let file = "Locales/\(locale).yaml"
    let yaml = catalogText(locale: locale, key: key, text: text, style: style)
    let check = LocationCheck(yaml, file: file)
    let catalog: Catalog
    do {
      catalog = try Catalog.parse(yaml, file: file, expectedLocale: locale, lenient: true)
    } catch let error as DiagnosticError {
      for diagnostic in error.diagnostics { try check.check(diagnostic.location, "\(diagnostic)") }
      return
    } catch {
      throw InvariantViolation("loading threw \(type(of: error)), not a diagnostic: \(error)")
    }
    if let entry = catalog[key] { try check.checkCharacters(of: entry, in: catalog) }

    let tag = LanguageTag(locale)!
    let findings = Fixture.validator.validate(catalog, locale: tag)
    for finding in findings {
      try require(documentedCodes.contains(finding.code), "an undocumented finding code: \(finding)")
      try check.check(finding.location, "\(finding)")
    }
    guard !findings.contains(where: { $0.severity == .error }) else { return }

    let printed: ResolvedDocument
    let spoken: ResolvedDocument
    do {
      printed = try Resolver.resolve(Fixture.document, catalog: catalog, locale: tag)
      spoken = try Resolver.resolve(Fixture.document, catalog: catalog, locale: tag, spoken: true)
    } catch {
      throw InvariantViolation("a catalog validation passed does not resolve: \(error)")
    }
    try ExportChecks.check(printed: printed, spoken: spoken, width: 72, mustRender: true)
  }

  static let documentedCodes = Set(Rule.all.map(\.code))

  /// The target catalog: every fixture message translated (the English text, and for plurals
  /// every CLDR category, so that every locale can pass), `key` with `text` in `style`.
  static func catalogText(locale: String, key: String, text: String, style: YAMLText.Style) -> String {
    var lines = ["locale: \(locale)", "entries:"]
    for entry in Fixture.source.entries {
      lines.append("  \(entry.key):")
      lines.append(
        entry.key == key
          ? style.field(text, indent: 4)
          : "    text: \(YAMLText.doubleQuoted(allCategories[entry.key] ?? entry.text))")
      lines.append("    source: \(YAMLText.doubleQuoted(entry.text))")
      lines.append("    state: translated")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The fixture's plurals with a branch for each of CLDR's categories.
  static let allCategories = [
    "community.discussion.meta":
      "{replies, plural, zero {# Replies} one {# Reply} two {# Replies} few {# Replies} many {# Replies} other {# Replies}} · {posted, date, ::EEEyMMMdd}",
    "audio.list-count":
      "{count, plural, zero {There are # items:} one {There is # item:} two {There are # items:} few {There are # items:} many {There are # items:} other {There are # items:}}",
  ]
}
