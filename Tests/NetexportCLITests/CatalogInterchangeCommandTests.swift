import Foundation
import NetexportTestSupport
import Testing

/// `netexport catalog export` end to end: the files a translator's CAT tool opens.
@Suite struct CatalogExportCommandTests {
  @Test func writesOneCatalogAsPOToTheDefaultPathOrStandardOutput() throws {
    let project = try Leaflet.project()
    let result = try project.run("catalog", "export", "--locale", "es", "--document", "leaflet", "--format", "po")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "Interchange/leaflet.es.po\n")
    let file = try project.read("Interchange/leaflet.es.po")
    #expect(file.contains("\"Language: es\\n\"\n"))
    #expect(file.contains("\"X-Netexport-Catalog: leaflet\\n\"\n"))
    #expect(
      file.contains(
        """

        #. Section heading.
        #: Locales/es/leaflet.yaml:16
        #, no-c-format, icu-message-format
        msgctxt "only.heading"
        msgid "Overview"
        msgstr "Descripción general"

        """), "\(file)")
    let standardOutput = try project.run(
      "catalog", "export", "--locale", "es", "--document", "leaflet", "--format", "po", "--output", "-")
    #expect(standardOutput.status == 0)
    #expect(standardOutput.stdout == file)
    let labels = try project.run("catalog", "export", "--locale", "es", "--document", "labels", "--format", "po")
    #expect(labels.stdout == "Interchange/labels.es.po\n")
  }

  @Test func writesEveryCatalogOfALocaleAsOneXLIFFFile() throws {
    let project = try Leaflet.project()
    let result = try project.run("catalog", "export", "--locale", "es", "--format", "xliff")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "Interchange/es.xlf\n")
    let file = try project.read("Interchange/es.xlf")
    #expect(file.contains("srcLang=\"en\" trgLang=\"es\""))
    #expect(file.contains("<file id=\"leaflet\" canResegment=\"no\">"))
    #expect(file.contains("<file id=\"labels\" canResegment=\"no\">"))
    let one = try project.run(
      "catalog", "export", "--locale", "es", "--format", "xliff", "--document", "leaflet", "--output", "mine.xlf")
    #expect(one.stdout == "mine.xlf\n")
    #expect(!(try project.read("mine.xlf")).contains("<file id=\"labels\""))
  }

  @Test(arguments: [
    ["catalog", "export", "--locale", "es", "--format", "po"],
    ["catalog", "export", "--locale", "es", "--format", "po", "--document", "leaflet", "--document", "labels"],
    ["catalog", "export", "--locale", "es", "--format", "mo", "--document", "leaflet"],
    ["catalog", "export", "--locale", "es_ES", "--format", "xliff"],
    ["catalog", "export", "--locale", "es", "--format", "xliff", "--document", "Bad id"],
    ["catalog", "export", "--locale", "es", "--format", "xliff", "--output", ""],
    ["catalog", "import"],
  ])
  func usageErrorsExit64(arguments: [String]) throws {
    let project = try Leaflet.project()
    let result = try project.run(arguments: arguments)
    #expect(result.status == 64, "\(result.stderr)")
    #expect(!project.exists("Interchange"))
  }

  /// A catalog the English has moved on from would send the translator the wrong work: run
  /// update first.
  @Test func refusesACatalogNotUpToDateWithTheEnglish() throws {
    let project = try Leaflet.project()
    try project.edit("Locales/en/leaflet.yaml", replacing: "\"Overview\"", with: "\"Summary\"")
    let result = try project.run("catalog", "export", "--locale", "es", "--format", "xliff")
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "Locales/es/leaflet.yaml: error[interchange-out-of-date]: Locales/es/leaflet.yaml is not up to date with the English (1 translated from English that changed since (or not recorded): only.heading); run 'netexport update --locale es' first, then export\n"
    )
    #expect(!project.exists("Interchange"))
    #expect(try project.run("update").status == 0)
    #expect(try project.run("catalog", "export", "--locale", "es", "--format", "xliff").status == 0)
  }

  @Test func refusesTheSourceLocaleAndAnUnknownOne() throws {
    let project = try Leaflet.project()
    let source = try project.run("catalog", "export", "--locale", "en", "--format", "xliff")
    #expect(source.status == 1)
    #expect(source.stderr.hasPrefix("error[source-locale]: 'en' is the source locale"))
    let unknown = try project.run("catalog", "export", "--locale", "it", "--format", "xliff")
    #expect(unknown.status == 1)
    #expect(unknown.stderr.hasPrefix("error[unknown-locale]: 'it' is not a locale of this project"))
  }
}

/// `netexport catalog import` end to end: a translator's file back into the catalogs.
@Suite struct CatalogImportCommandTests {
  /// Exports `es` of the leaflet as PO and returns the file's text.
  func exportPO(_ project: CLI, document: String = "leaflet") throws -> String {
    let result = try project.run("catalog", "export", "--locale", "es", "--document", document, "--format", "po")
    try #require(result.status == 0, "\(result.stderr)")
    return try project.read("Interchange/\(document).es.po")
  }

  /// Replaces `old` (which must be there) with `new` in `text`.
  func replacing(_ old: String, with new: String, in text: String) throws -> String {
    try #require(text.contains(old), "\(old) is not in \(text)")
    return text.replacingOccurrences(of: old, with: new)
  }

  /// Every shipped locale: exporting and importing an untouched file, as PO and as XLIFF,
  /// changes no byte of any catalog.
  @Test(arguments: Repository.shippedLocales)
  func anUntouchedRoundTripChangesNothing(locale: String) throws {
    let project = CLI(try TestProject.repository(shipped: [locale]))
    for arguments in [
      ["--document", Repository.documentID, "--format", "po"], ["--document", "labels", "--format", "po"],
      ["--format", "xliff"],
    ] {
      let exported = try project.run(arguments: ["catalog", "export", "--locale", locale] + arguments)
      try #require(exported.status == 0, "\(exported.stderr)")
    }
    let before = try project.project.snapshot()
    let files = project.project.paths().filter { $0.hasPrefix("Interchange/") && !$0.hasSuffix("/") }
      .filter { $0.hasSuffix(".po") || $0.hasSuffix(".xlf") }
    #expect(files.count == 3, "\(files)")
    let result = try project.run(arguments: ["catalog", "import"] + files)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty, "\(result.stderr)")
    let summaries = result.stdout.split(separator: "\n").filter { !$0.hasPrefix("  ") }
    #expect(summaries.count == 4)
    #expect(summaries.allSatisfy { $0.hasSuffix(" unchanged (nothing to write)") }, "\(summaries)")
    #expect(try project.project.snapshot() == before)
  }

  /// A new translation and a state change go into the catalog in place: only their lines
  /// change; the report lists every entry; a remark the translator left is shown.
  @Test func appliesTranslationsInPlaceAndReportsEachEntry() throws {
    let project = try Leaflet.project()
    var po = try exportPO(project)
    po = try replacing("msgstr \"Descripción general\"", with: "msgstr \"Resumen\"", in: po)
    po = try replacing(
      "#, no-c-format, icu-message-format\nmsgctxt \"byline\"",
      with: "# Checked with the clinic.\n#, fuzzy, no-c-format, icu-message-format\nmsgctxt \"byline\"", in: po)
    try project.write(po, to: "es.po")
    let result = try project.run("catalog", "import", "es.po")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout == """
        es.po -> Locales/es/leaflet.yaml: 2 updated, 5 unchanged
          unchanged: title
          updated: byline: state translated → needs-review
            remark in the file: "Checked with the clinic."
          unchanged: reviewed
          updated: only.heading: text "[-Descripción general-]{+Resumen+}"
          unchanged: only.text
          unchanged: only.replies
          unchanged: term.mutation

        """)
    #expect(
      try project.read("Locales/es/leaflet.yaml")
        == Leaflet.spanish.replacingOccurrences(of: "\"Descripción general\"", with: "\"Resumen\"")
        .replacingOccurrences(
          of: "text: \"Por el personal de Mayo Clinic\"\n    state: translated",
          with: "text: \"Por el personal de Mayo Clinic\"\n    state: needs-review"))
  }

  /// A Spanish leaflet whose heading's note changed since it was translated (`previous-note`,
  /// kept by update when the English note changed).
  static let withPreviousNote = Leaflet.spanish(
    replacing: "text: \"Descripción general\"\n    state: translated",
    with:
      "text: \"Descripción general\"\n    note: \"Section heading.\"\n    previous-note: \"Heading.\"\n    state: translated"
  )

  /// The note a translation was made with goes out with it, and the entry flagged, so that
  /// a translator in a CAT tool sees what changed and checks the translation; an untouched
  /// file changes nothing.
  @Test func aTranslationWhoseNoteChangedGoesOutFlaggedWithTheOldNote() throws {
    let project = try Leaflet.project(spanish: Self.withPreviousNote)
    let po = try exportPO(project)
    #expect(
      po.contains(
        """
        #. netexport-previous-note: Heading.
        #: Locales/es/leaflet.yaml:
        """), "\(po)")
    let entry = try #require(po.components(separatedBy: "\n\n").first { $0.contains("msgctxt \"only.heading\"") })
    #expect(entry.contains("#, fuzzy, no-c-format"), "\(entry)")
    let xliff = try project.run("catalog", "export", "--locale", "es", "--format", "xliff", "--output", "-")
    #expect(xliff.stdout.contains("<note category=\"netexport:previous-note\">Heading.</note>"), "\(xliff.stdout)")
    try project.write(po, to: "es.po")
    try project.write(xliff.stdout, to: "es.xlf")
    let before = try project.project.snapshot()
    let result = try project.run("catalog", "import", "es.po", "es.xlf")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("unchanged: only.heading"), "\(result.stdout)")
    #expect(try project.project.snapshot() == before)
  }

  /// Taking the flag off says the translation was checked against the new note: import
  /// removes `previous-note`, and the note-changed warning goes with it.
  @Test func takingTheFlagOffRemovesThePreviousNote() throws {
    let project = try Leaflet.project(spanish: Self.withPreviousNote)
    var po = try exportPO(project)
    po = try replacing(
      "#, fuzzy, no-c-format, icu-message-format\nmsgctxt \"only.heading\"",
      with: "#, no-c-format, icu-message-format\nmsgctxt \"only.heading\"", in: po)
    try project.write(po, to: "es.po")
    let result = try project.run("catalog", "import", "es.po")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.contains("updated: only.heading: checked against the new note (previous-note removed)"),
      "\(result.stdout)")
    #expect(
      try project.read("Locales/es/leaflet.yaml")
        == Self.withPreviousNote.replacingOccurrences(of: "    previous-note: \"Heading.\"\n", with: ""))
    let validate = try project.run("validate", "--locale", "es")
    #expect(!validate.stdout.contains("note-changed"), "\(validate.stdout)")
  }

  /// A new text left flagged is not a check done: it arrives as needs-review, and the old
  /// note stays, so nothing the translator needs is lost.
  @Test func aNewTextLeftFlaggedKeepsThePreviousNote() throws {
    let project = try Leaflet.project(spanish: Self.withPreviousNote)
    var po = try exportPO(project)
    po = try replacing("msgstr \"Descripción general\"", with: "msgstr \"Resumen\"", in: po)
    try project.write(po, to: "es.po")
    let result = try project.run("catalog", "import", "es.po")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("updated: only.heading"), "\(result.stdout)")
    #expect(
      try project.read("Locales/es/leaflet.yaml")
        == Self.withPreviousNote.replacingOccurrences(
          of:
            "text: \"Descripción general\"\n    note: \"Section heading.\"\n    previous-note: \"Heading.\"\n    state: translated",
          with:
            "text: \"Resumen\"\n    note: \"Section heading.\"\n    previous-note: \"Heading.\"\n    state: needs-review"
        ))
    let validate = try project.run("validate", "--locale", "es")
    #expect(validate.stdout.contains("warning[note-changed]"), "\(validate.stdout)")
  }

  /// A translation changed in the catalog after the file was exported is never lost: when the
  /// file changed it too, its text is rejected (exit 1) and the catalog's kept; when the file
  /// did not, the catalog's newer text stays. Both formats.
  @Test(arguments: ["po", "xliff"])
  func aCatalogEditMadeAfterExportIsNeverOverwritten(format: String) throws {
    let project = try Leaflet.project()
    let exported = try project.run(
      "catalog", "export", "--locale", "es", "--document", "leaflet", "--format", format, "--output", "es.\(format)")
    try #require(exported.status == 0, "\(exported.stderr)")
    // Meanwhile a translator edits two entries in the YAML.
    let catalog = try project.read("Locales/es/leaflet.yaml")
    try project.write(
      try replacing(
        "\"Por el personal de Mayo Clinic\"", with: "\"Por el equipo de Mayo Clinic\"",
        in: try replacing("\"Descripción general\"", with: "\"Resumen\"", in: catalog)),
      to: "Locales/es/leaflet.yaml")
    let edited = try project.read("Locales/es/leaflet.yaml")
    // In the file, one of them is changed too.
    var file = try project.read("es.\(format)")
    file = try replacing("Descripción general", with: "Panorama general", in: file)
    try project.write(file, to: "es.\(format)")
    let result = try project.run("catalog", "import", "es.\(format)")
    #expect(result.status == 1)
    #expect(
      result.stdout.contains(
        "rejected: only.heading: es.\(format):"), "\(result.stdout)")
    #expect(
      result.stdout.contains(
        "the translation in Locales/es/leaflet.yaml was changed since the file was exported (it is now \"Resumen\"), so the file's was not applied and neither is lost; export the file again and make the change there, or edit Locales/es/leaflet.yaml"
      ), "\(result.stdout)")
    #expect(
      result.stdout.contains(
        "unchanged: byline: the translation in Locales/es/leaflet.yaml was changed since the file was exported, and the file's was not: the catalog's is kept"
      ), "\(result.stdout)")
    #expect(try project.read("Locales/es/leaflet.yaml") == edited)
  }

  /// XLIFF carries `reviewed` (checked by a second person); a tool's `final` reads as reviewed.
  @Test func aReviewedStateArrivesThroughXLIFF() throws {
    let project = try Leaflet.project()
    #expect(try project.run("catalog", "export", "--locale", "es", "--format", "xliff").status == 0)
    var xliff = try project.read("Interchange/es.xlf")
    // The unit's first segment state, after its notes.
    let unit = try #require(xliff.range(of: "<unit id=\"title\">"))
    let state = try #require(xliff.range(of: "<segment state=\"translated\">", range: unit.upperBound..<xliff.endIndex))
    xliff.replaceSubrange(state, with: "<segment state=\"final\">")
    try project.write(xliff, to: "es.xlf")
    let result = try project.run("catalog", "import", "es.xlf")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("  updated: title: state translated → reviewed\n"), "\(result.stdout)")
    #expect(
      try project.read("Locales/es/leaflet.yaml")
        == Leaflet.spanish.replacingOccurrences(
          of: "text: \"Tumores\"\n    state: translated", with: "text: \"Tumores\"\n    state: reviewed"))
    let status = try project.run("status")
    #expect(status.stdout.contains("reviewed     es\nleaflet    14 %\n"), "\(status.stdout)")
  }

  /// Every imported text is checked with the full validation: one with errors (a number
  /// lost, an ICU syntax error) is rejected with the file's line and not applied; the rest is.
  @Test func rejectsTextsWithErrorsAndAppliesTheRest() throws {
    let project = try Leaflet.project()
    var po = try exportPO(project)
    po = try replacing(
      "msgstr \"Una mutación puede causar 2 tumores.\"", with: "msgstr \"Una mutación causa tumores.\"", in: po)
    po = try replacing(
      "msgstr \"{replies, plural, one {# respuesta} many {# de respuestas} other {# respuestas}}\"",
      with: "msgstr \"{replies, plural, one {# respuesta} other {# respuestas}\"", in: po)
    po = try replacing("msgstr \"Descripción general\"", with: "msgstr \"Resumen\"", in: po)
    try project.write(po, to: "es.po")
    let line = { (key: String) -> Int in
      let lines = po.split(separator: "\n", omittingEmptySubsequences: false)
      return (lines.firstIndex { $0 == "msgctxt \"\(key)\"" } ?? 0) + 3
    }
    let result = try project.run("catalog", "import", "es.po")
    #expect(result.status == 1)
    #expect(result.stdout.hasPrefix("es.po -> Locales/es/leaflet.yaml: 1 updated, 4 unchanged, 2 rejected\n"))
    #expect(
      result.stdout.contains(
        "  rejected: only.text: es.po:\(line("only.text")):1: error[number-missing]: 'only.text' lacks the number \"2\" of the source text \"A mutation can cause 2 tumors.\"; a changed number can mislead a patient; not applied\n"
      ), "\(result.stdout)")
    #expect(
      result.stdout.contains("  rejected: only.replies: es.po:\(line("only.replies")):1: error[message-syntax]: "),
      "\(result.stdout)")
    #expect(
      try project.read("Locales/es/leaflet.yaml")
        == Leaflet.spanish.replacingOccurrences(of: "\"Descripción general\"", with: "\"Resumen\""))
  }

  /// The English changed after the file was exported: the translation arrives as
  /// needs-review, with the English it was made from, never as translated.
  @Test func anEntryWhoseEnglishChangedArrivesAsNeedsReview() throws {
    let project = try Leaflet.project()
    var po = try exportPO(project)
    po = try replacing("msgstr \"Descripción general\"", with: "msgstr \"Resumen general\"", in: po)
    try project.write(po, to: "es.po")
    try project.edit("Locales/en/leaflet.yaml", replacing: "\"Overview\"", with: "\"Summary\"")
    let result = try project.run("catalog", "import", "es.po")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.contains(
        "  conflict: only.heading: the English changed since the file was exported (the source changed to \"[-Overview-]{+Summary+}\"); imported as needs-review\n"
      ), "\(result.stdout)")
    #expect(
      try project.read("Locales/es/leaflet.yaml").contains(
        "  only.heading:\n    source: \"Summary\"\n    previous-source: \"Overview\"\n    text: \"Resumen general\"\n    state: needs-review\n"
      ))
    let validation = try project.run("validate", "--locale", "es")
    #expect(validation.stdout.contains("pending[needs-review]: 'only.heading' needs review"))
  }

  /// A file for another locale or catalog, or one that does not parse, is refused, naming
  /// file:line, and nothing of it is applied: an XLIFF file with one good catalog and one
  /// unknown one changes neither.
  @Test(arguments: [
    (
      "po", "\"Language: es\\n\"", "\"Language: it\\n\"",
      "es.po:1:1: error[interchange-wrong-locale]: the file is for locale 'it', which is not a target locale of this project (es); import it into the project it was exported from"
    ),
    (
      "po", "\"X-Netexport-Catalog: leaflet\\n\"", "\"X-Netexport-Catalog: brochure\\n\"",
      "es.po:1:1: error[interchange-wrong-catalog]: the file is for catalog 'brochure', which this project does not have (leaflet, labels); import it into the project it was exported from"
    ),
    ("po", "msgstr \"Descripción general\"", "msgstr \"Resumen", "es.po:"),
    (
      "xlf", "<file id=\"labels\" canResegment=\"no\">", "<file id=\"leaflet-2\" canResegment=\"no\">",
      "es.xlf:"
    ),
    ("xlf", "</xliff>", "</xlif>", "es.xlf:"),
  ])
  func refusesAFileForAnotherLocaleOrCatalogOrThatDoesNotParse(
    format: String, old: String, new: String, expected: String
  ) throws {
    let project = try Leaflet.project()
    let exported = try project.run(
      arguments: [
        "catalog", "export", "--locale", "es", "--format", format == "po" ? "po" : "xliff", "--output", "es.\(format)",
      ]
        + (format == "po" ? ["--document", "leaflet"] : []))
    try #require(exported.status == 0, "\(exported.stderr)")
    var text = try project.read("es.\(format)")
    // A change the import would otherwise apply, to show that nothing of the file is.
    text = try replacing(
      "Una mutación puede causar 2 tumores.", with: "Una mutación puede provocar 2 tumores.", in: text)
    try project.write(try replacing(old, with: new, in: text), to: "es.\(format)")
    let before = try project.project.snapshot()
    let result = try project.run("catalog", "import", "es.\(format)")
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix(expected), "\(result.stderr)")
    #expect(result.stderr.hasSuffix("es.\(format): refused; nothing of it was applied\n"), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    #expect(try project.project.snapshot() == before)
  }

  @Test func aDryRunShowsWhatWouldChangeAndWritesNothing() throws {
    let project = try Leaflet.project()
    let po = try replacing("msgstr \"Descripción general\"", with: "msgstr \"Resumen\"", in: try exportPO(project))
    try project.write(po, to: "es.po")
    let before = try project.project.snapshot()
    let dry = try project.run("catalog", "import", "--dry-run", "es.po")
    #expect(dry.status == 0, "\(dry.stderr)")
    #expect(dry.stdout.hasPrefix("es.po -> Locales/es/leaflet.yaml: 1 updated, 6 unchanged (dry run: not written)\n"))
    #expect(dry.stdout.contains("  updated: only.heading: text \"[-Descripción general-]{+Resumen+}\"\n"))
    #expect(try project.project.snapshot() == before)
    let applied = try project.run("catalog", "import", "es.po")
    #expect(applied.stdout.hasPrefix("es.po -> Locales/es/leaflet.yaml: 1 updated, 6 unchanged\n"))
    #expect(try project.project.snapshot() != before)
  }

  /// An empty translation never replaces one (a tool may have cleared it).
  @Test func anEmptyTranslationNeverReplacesOne() throws {
    let project = try Leaflet.project()
    let po = try replacing("msgstr \"Descripción general\"", with: "msgstr \"\"", in: try exportPO(project))
    try project.write(po, to: "es.po")
    let before = try project.project.snapshot()
    let result = try project.run("catalog", "import", "es.po")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.contains(
        "  unchanged: only.heading: the file has no translation and the catalog has one, which is kept\n"))
    #expect(try project.project.snapshot() == before)
  }
}

/// The CLI's files through the tools translators' toolchains run: GNU gettext, a Poedit-style
/// save, and the OASIS XLIFF 2.0 schema with xmllint.
@Suite struct CatalogInterchangeToolTests {
  static let inCI = ProcessInfo.processInfo.environment["CI"] != nil
  static let schema = Repository.url("Tests/Tools/xliff-schemas/xliff-core-2.0.xsd")

  static func available(_ names: String...) -> Bool {
    inCI
      || names.allSatisfy { name in
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").contains {
          FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
        }
      }
  }

  static let hasGettext = available("msgfmt", "msgmerge", "msgcat")
  static let hasSchema = inCI || (available("xmllint") && FileManager.default.fileExists(atPath: schema.path))

  func tool(_ arguments: [String], in project: CLI) throws -> (status: Int32, stdout: String, stderr: String) {
    try HTMLReportToolTests.run(["sh", "-c", "cd \"$0\" && exec \"$@\"", project.folder.path] + arguments)
  }

  /// The exported PO passes `msgfmt --check`; after `msgcat` and `msgmerge` (with the file as
  /// its own template) it still imports with no change.
  @Test(.enabled(if: hasGettext, "needs GNU gettext (msgfmt, msgmerge, msgcat): apt-get install gettext"))
  func thePOPassesMsgfmtAndSurvivesMsgcatAndMsgmerge() throws {
    let project = CLI(try TestProject.repository(shipped: ["es", "ar"]))
    for locale in ["es", "ar"] {
      for document in [Repository.documentID, "labels"] {
        let file = "\(document).\(locale).po"
        let exported = try project.run(
          "catalog", "export", "--locale", locale, "--document", document, "--format", "po", "--output", file)
        try #require(exported.status == 0, "\(exported.stderr)")
        let checked = try tool(["msgfmt", "--check", "--statistics", "-o", "/dev/null", file], in: project)
        #expect(checked.status == 0, "\(file): \(checked.stderr)")
        let catted = try tool(["msgcat", "-o", "catted-\(file)", file], in: project)
        #expect(catted.status == 0, "\(catted.stderr)")
        let merged = try tool(["msgmerge", "--quiet", "--previous", "-o", "merged-\(file)", file, file], in: project)
        #expect(merged.status == 0, "\(merged.stderr)")
      }
    }
    let before = try project.project.snapshot()
    let files = project.project.paths().filter { $0.hasPrefix("catted-") || $0.hasPrefix("merged-") }
    #expect(files.count == 8)
    let result = try project.run(arguments: ["catalog", "import"] + files)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.split(separator: "\n").filter { !$0.hasPrefix("  ") }.allSatisfy {
        $0.hasSuffix("unchanged (nothing to write)")
      }, "\(result.stdout)")
    #expect(try project.project.snapshot() == before)
  }

  /// What Poedit does on save: lines re-wrapped at 79 columns, the header reordered with its
  /// own fields, the translator's name and date. The translator's one change comes in, and
  /// nothing else changes.
  @Test(.enabled(if: hasGettext, "needs GNU gettext (msgcat): apt-get install gettext"))
  func aPoeditSaveImportsTheTranslatorsChangeAlone() throws {
    let project = CLI(try TestProject.repository(shipped: ["es"]))
    let exported = try project.run(
      "catalog", "export", "--locale", "es", "--document", Repository.documentID, "--format", "po", "--output",
      "es.po")
    try #require(exported.status == 0, "\(exported.stderr)")
    let old = "Los tumores neuroendocrinos son cánceres que empiezan en unas células especializadas"
    let new = "Los tumores neuroendocrinos son cánceres que comienzan en unas células especializadas"
    try project.edit("es.po", replacing: old, with: new)
    let wrapped = try tool(["msgcat", "--width=79", "es.po"], in: project)
    try #require(wrapped.status == 0, "\(wrapped.stderr)")
    var lines = wrapped.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let headerStart = try #require(lines.firstIndex(of: "msgstr \"\"")) + 1
    let headerEnd = try #require(lines[headerStart...].firstIndex(of: ""))
    var header = lines[headerStart..<headerEnd].map {
      $0.hasPrefix("\"Last-Translator:")
        ? #""Last-Translator: Ana García <ana@example.org>\n""#
        : $0.hasPrefix("\"PO-Revision-Date:") ? #""PO-Revision-Date: 2026-12-05 10:42+0100\n""# : $0
    }
    header.reverse()
    header += [#""Plural-Forms: nplurals=2; plural=(n != 1);\n""#, #""X-Poedit-SourceCharset: UTF-8\n""#]
    lines.replaceSubrange(headerStart..<headerEnd, with: header)
    let resaved = lines.joined(separator: "\n")
    #expect(resaved.contains("\"Los tumores neuroendocrinos son cánceres que comienzan en unas células \"\n"))
    try project.write(resaved, to: "es.po")
    let catalog = "Locales/es/\(Repository.documentID).yaml"
    let before = try project.read(catalog)
    let result = try project.run("catalog", "import", "es.po")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("es.po -> \(catalog): 1 updated, 92 unchanged\n"), "\(result.stdout)")
    #expect(result.stdout.contains("  updated: overview.definition: text "))
    #expect(try project.read(catalog) == before.replacingOccurrences(of: old, with: new))
  }

  /// Every shipped locale's XLIFF file, all catalogs in one, is valid against the OASIS schema.
  @Test(
    .enabled(
      if: hasSchema,
      "needs xmllint (apt-get install libxml2-utils) and the OASIS XSDs: run Tests/Tools/fetch-xliff-schemas"))
  func theXLIFFValidatesAgainstTheOASISSchema() throws {
    let project = CLI(try TestProject.repository(shipped: Repository.shippedLocales))
    for locale in Repository.shippedLocales {
      let exported = try project.run("catalog", "export", "--locale", locale, "--format", "xliff")
      try #require(exported.status == 0, "\(exported.stderr)")
      let checked = try tool(
        ["xmllint", "--nonet", "--noout", "--schema", Self.schema.path, "Interchange/\(locale).xlf"], in: project)
      #expect(checked.status == 0, "\(locale): \(checked.stderr)")
      #expect(checked.stderr == "Interchange/\(locale).xlf validates\n", "\(checked.stderr)")
    }
  }
}

/// Issue 13: a handout or script whose translation a machine made says so, in its own
/// language, until a person has reviewed every message it shows.
@Suite struct MachineTranslationNoticeTests {
  static let notice = "Esta traducción fue hecha por una computadora y una persona no la ha revisado por completo."

  /// The leaflet in Spanish, its catalog and labels marked as made by machine or not, and
  /// every entry reviewed or not.
  func project(machine: Bool, reviewed: Bool) throws -> CLI {
    var spanish = Leaflet.spanish
    if machine {
      spanish = spanish.replacingOccurrences(
        of: "document: leaflet\n", with: "document: leaflet\nmachine-translated: true\n")
    }
    if reviewed { spanish = spanish.replacingOccurrences(of: "state: translated", with: "state: reviewed") }
    let project = try Leaflet.project(spanish: spanish)
    var labels = try project.read("Locales/es/labels.yaml")
    if !machine { labels = labels.replacingOccurrences(of: "machine-translated: true\n", with: "") }
    if reviewed { labels = labels.replacingOccurrences(of: "state: translated", with: "state: reviewed") }
    try project.write(labels, to: "Locales/es/labels.yaml")
    return project
  }

  func export(_ project: CLI, _ format: String, locale: String = "es") throws -> String {
    let result = try project.run("--locale", locale, "--format", format, "--output", "-")
    try #require(result.status == 0, "\(result.stderr)")
    return result.stdout
  }

  @Test func aMachineTranslationNotAllReviewedSaysSoWhereStaffSeeIt() throws {
    // Everything reviewed but one label: the notice is still there.
    let project = try project(machine: true, reviewed: true)
    try project.edit(
      "Locales/es/labels.yaml", replacing: "text: \"Referencias\"\n    state: reviewed",
      with: "text: \"Referencias\"\n    state: translated")
    let text = try export(project, "plain-text")
    #expect(
      text.hasPrefix(
        "Esta traducción fue hecha por una computadora y una persona no la ha\nrevisado por completo.\n\nTumores\n"))
    let script = try export(project, "audio-script")
    #expect(script.hasPrefix("[\(Self.notice)]\n\n"), "\(script)")
    let html = try export(project, "large-print-html")
    #expect(html.contains("<h1>Tumores</h1>\n  <p class=\"machine-translation\">\(Self.notice)</p>\n</header>"))
    // At the foot of every printed page, at the body's size.
    #expect(html.contains("@bottom-left { content: \"\(Self.notice)\"; font-family: "), "\(html)")
    // Said by no speech engine.
    let ssml = try export(project, "ssml")
    #expect(!ssml.contains("computadora"))
    // The source is never marked.
    #expect(!(try export(project, "plain-text", locale: "en")).contains("computer"))
  }

  @Test(arguments: [(true, true), (false, false), (false, true)])
  func noNoticeWhenPeopleMadeOrReviewedEverything(machine: Bool, reviewed: Bool) throws {
    let project = try project(machine: machine, reviewed: reviewed)
    for format in ["plain-text", "audio-script", "large-print-html"] {
      let output = try export(project, format)
      #expect(!output.contains("computadora"), "\(format)")
      #expect(!output.contains("machine-translation"), "\(format)")
    }
  }
}
