import NetexportICU
import NetexportModel
import NetexportResolution
import NetexportValidation

/// Validating one entry: a locale's catalogs of the fixture's messages, translated (the
/// document's catalog and the labels, in their own files), with one entry's text taken from
/// the input and written into its file in one of the ways a text can be written
/// (`YAMLText.Style`).
///
/// Input: a byte choosing the entry, one choosing the locale, one choosing the style, then
/// the text.
///
/// - Validation only reports: every finding has a documented code (`Rule.all`) and points
///   inside the catalog file, at the very character when it names one.
/// - A locale whose catalogs validation passes with nothing pending exports: the document
///   resolves for print and speech, and every format renders it with only its own markup.
enum EntryTarget {
  static func run(_ input: [UInt8]) throws(InvariantViolation) {
    var input = FuzzInput(input)
    let key = input.pick(Fixture.keys)
    let locale = input.pick(Fixture.locales)
    let style = input.pick(YAMLText.Style.allCases)
    let text = String(decoding: input.rest, as: UTF8.self)

    let home = Fixture.home(of: key)
    let file = Fixture.catalogPath(locale, home)
    let yaml = catalogText(home, locale: locale, key: key, text: text, style: style)
    let check = LocationCheck(yaml, file: file)
    let catalog: Catalog
    do {
      catalog = try Catalog.parse(yaml, file: file, expectedLocale: locale, kind: home, lenient: true)
    } catch let error as DiagnosticError {
      for diagnostic in error.diagnostics { try check.check(diagnostic.location, "\(diagnostic)") }
      return
    } catch {
      throw InvariantViolation("loading threw \(type(of: error)), not a diagnostic: \(error)")
    }
    if let entry = catalog[key] { try check.checkCharacters(of: entry, in: catalog) }

    // The other file of the pair, translated in full (read once per locale).
    let translated = Self.translated[locale]!
    let documentCatalog = home == .labels ? translated.document : catalog
    let labels = home == .labels ? catalog : translated.labels

    let tag = LanguageTag(locale)!
    let findings =
      Fixture.validator.validate(documentCatalog, glossary: [], locale: tag)
      + Fixture.labelsValidator.validate(labels, glossary: [], locale: tag)
    // Findings about the other file (a message of the document that uses the label, say)
    // point there; the rest point into the input's file.
    let other = home == .labels ? translated.document.file : translated.labels.file
    for finding in findings {
      try require(documentedCodes.contains(finding.code), "an undocumented finding code: \(finding)")
      if finding.location?.file != other { try check.check(finding.location, "\(finding)") }
    }
    // The export gate's condition: no error, nothing pending.
    guard !findings.contains(where: { $0.severity == .error || $0.severity == .pending }) else { return }

    let table = MessageTable([documentCatalog, labels], glossary: [])
    let printed: ResolvedDocument
    let spoken: ResolvedDocument
    do {
      printed = try Resolver.resolve(Fixture.document, messages: table, locale: tag, source: Fixture.sourceTable)
      spoken = try Resolver.resolve(
        Fixture.document, messages: table, locale: tag, source: Fixture.sourceTable, spoken: true)
    } catch {
      throw InvariantViolation("catalogs validation passed with nothing pending do not resolve: \(error)")
    }
    try ExportChecks.check(
      printed: printed, spoken: spoken, width: 72, mustRender: true, links: Fixture.document.linkAddresses)
  }

  static let documentedCodes = Set(Rule.all.map(\.code))

  /// Each locale's document catalog and labels, every message translated.
  static let translated: [String: (document: Catalog, labels: Catalog)] = {
    var catalogs: [String: (document: Catalog, labels: Catalog)] = [:]
    for locale in Fixture.locales {
      func read(_ file: CatalogFile) -> Catalog {
        do {
          return try Catalog.parse(
            catalogText(file, locale: locale, key: "", text: "", style: .escaped),
            file: Fixture.catalogPath(locale, file), expectedLocale: locale, kind: file)
        } catch {
          fatalError("the fuzz fixture's \(file) translated into \(locale) does not load: \(error)")
        }
      }
      catalogs[locale] = (read(Fixture.documentFile), read(.labels))
    }
    return catalogs
  }()

  /// A target catalog file (the document's or the labels): every message of its English
  /// counterpart translated (the English text, accepted with `allow: [untranslated]`, and
  /// for plurals every CLDR category, so that every locale can pass), `key` with `text` in
  /// `style`.
  static func catalogText(
    _ file: CatalogFile, locale: String, key: String, text: String, style: YAMLText.Style
  ) -> String {
    let source = file == .labels ? Fixture.labels : Fixture.source
    var lines = ["locale: \(locale)"]
    if let id = file.documentID { lines.append("document: \(id)") }
    lines.append("entries:")
    for entry in source.entries {
      lines.append("  \(entry.key):")
      lines.append(
        entry.key == key
          ? style.field(text, indent: 4)
          : "    text: \(YAMLText.doubleQuoted(allCategories[entry.key] ?? entry.text))")
      lines.append("    source: \(YAMLText.doubleQuoted(entry.text))")
      lines.append("    state: translated")
      // The English stands in for a translation: said so, as a translator says a name that
      // stays the same, since a text left as the English is an error otherwise.
      lines.append("    allow: [untranslated]")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The fixture's plurals with a branch for each of CLDR's categories.
  static let allCategories = [
    "community.discussion.meta":
      "{replies, plural, zero {# Replies} one {# Reply} two {# Replies} few {# Replies} many {# Replies} other {# Replies}} · {posted, date, ::yMMMMEEEEd}",
    "types.announcement":
      "{count, plural, zero {There are # types} one {There is one type} two {There are # types} few {There are # types} many {There are # types} other {There are # types}}",
    "audio.list-count":
      "{count, plural, zero {There are #} one {There is one} two {There are #} few {There are #} many {There are #} other {There are #}}",
  ]
}
