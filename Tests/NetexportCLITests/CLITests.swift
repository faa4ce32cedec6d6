import Foundation
import NetexportTestSupport
import Testing

@Suite struct CLIExportTests {
  @Test func printsItsVersionAndICUs() throws {
    let result = try CLI().run("--version")
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("netexport 0.1.0 (ICU 7"))
  }

  @Test func exportsEnglishPlainTextToExportsAndPrintsThePath() throws {
    let cli = try CLI()
    let result = try cli.run("--locale", "en", "--format", "plain-text")
    #expect(result.status == 0)
    #expect(result.stdout == "Exports/en/neuroendocrine-tumors.txt\n")
    #expect(result.stderr == "")
    let written = try cli.read("Exports/en/neuroendocrine-tumors.txt")
    #expect(written.hasPrefix("Neuroendocrine tumors\n=====================\n"))
    #expect(written.contains("  121 Replies · Wednesday, February 5, 2025\n"))
    // The same export on standard output, and through the explicit subcommand.
    #expect(try cli.run("--locale", "en", "--format", "plain-text", "--output", "-").stdout == written)
    #expect(try cli.run("export", "--locale", "en", "--output", "-").stdout == written)
  }

  @Test(arguments: ["Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"])
  func keepsCalendarDatesInEveryTimeZone(zone: String) throws {
    let result = try CLI().run("--locale", "en", "--output", "-", environment: ["TZ": zone])
    #expect(result.status == 0)
    #expect(result.stdout.contains("Reviewed: June 23, 2023\n"))
    #expect(result.stdout.contains("  7 Replies · Wednesday, February 5, 2025\n"))
    #expect(result.stdout.contains("Accessed June 4, 2019."))
  }

  @Test func wrapsAtTheRequestedWidth() throws {
    let result = try CLI().run("--locale", "en", "--output", "-", "--width", "40")
    #expect(result.status == 0)
    #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 40 })
  }

  @Test func exportsEveryLocaleWithAll() throws {
    let cli = try CLI()
    let result = try cli.run("--all")
    #expect(result.status == 0)
    #expect(
      result.stdout
        == "Exports/en/neuroendocrine-tumors.txt\nExports/en/neuroendocrine-tumors.html\nExports/en/neuroendocrine-tumors.script.txt\nExports/en/neuroendocrine-tumors.ssml\n"
    )
  }

  @Test func checksThatCommittedExportsAreUpToDate() throws {
    let cli = try CLI()
    var result = try cli.run("--all", "--check")
    #expect(result.status == 1)
    #expect(
      result.stderr.hasPrefix(
        "Exports/en/neuroendocrine-tumors.txt: error[export-missing]: missing; netexport --all writes it\n"))
    #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("Exports/en").path))
    #expect(try cli.run("--all").status == 0)
    result = try cli.run("--all", "--check")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "4 exports in Exports/ are up to date.\n")

    let script = try cli.read("Exports/en/neuroendocrine-tumors.script.txt")
    try cli.write(
      script.replacingOccurrences(of: "Part two of seven", with: "Part 2 of 7"),
      to: "Exports/en/neuroendocrine-tumors.script.txt")
    try cli.write("left over\n", to: "Exports/xx/neuroendocrine-tumors.txt")
    result = try cli.run("--all", "--check")
    #expect(result.status == 1)
    let line =
      try #require(
        script.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("Part two of seven") })
      + 1
    #expect(
      result.stderr
        == """
        Exports/en/neuroendocrine-tumors.script.txt:\(line): error[export-out-of-date]: out of date: from this line on it differs from what netexport writes now
        Exports/xx/neuroendocrine-tumors.txt: error[export-unexpected]: netexport no longer writes this file (no such document, locale or format); delete it
        Exports/: error[exports-out-of-date]: 2 of the committed exports are not what netexport writes now; run 'netexport --all' and commit the result

        """)
    // --check never writes: the edited export is still as it was.
    #expect(try cli.read("Exports/en/neuroendocrine-tumors.script.txt").contains("Part 2 of 7"))
    #expect(try cli.run("--locale", "en", "--check").status == 64)
  }

  /// A second document in the project, exported by itself from another folder.
  @Test func acceptsAProjectFolderAndAnotherDocument() throws {
    let cli = try CLI()
    try cli.write(
      """
      id: leaflet
      source-locale: en
      metadata: {title: document.title, byline: document.byline, reviewed: {key: document.reviewed, arguments: {reviewed: {date: 2024-01-02}}}, publisher: Example}
      sections: [{id: one, heading: overview.heading, blocks: [{paragraph: overview.where}]}]
      references: {heading: references.heading, items: []}
      """, to: "Documents/leaflet.yaml")
    try cli.write(
      """
      locale: en
      document: leaflet
      entries:
        document.title: {text: "Leaflet"}
        document.byline: {text: "By us"}
        document.reviewed: {text: "Reviewed: {reviewed, date, ::yMMMMd}"}
        overview.heading: {text: "Overview"}
        overview.where: {text: "Where it grows."}
      """, to: "Locales/en/leaflet.yaml")
    let elsewhere = CLI(try TestProject())
    let result = try elsewhere.run("--locale", "en", "--project", cli.folder.path, "--document", "leaflet")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "\(cli.folder.path)/Exports/en/leaflet.txt\n")
    let text = try cli.read("Exports/en/leaflet.txt")
    #expect(text.contains("Reviewed: January 2, 2024"))
    #expect(!text.contains("Types"))
    #expect(!cli.exists("Exports/en/neuroendocrine-tumors.txt"))
  }
}

@Suite struct CLIErrorTests {
  @Test(arguments: ["../x", "en/../../etc", "not a tag"])
  func rejectsLocalesThatAreNotTags(locale: String) throws {
    let cli = try CLI()
    let result = try cli.run("--locale", locale)
    #expect(result.status == 64)
    #expect(
      result.stderr.hasPrefix(
        "Error: '\(locale)' is not a valid BCP 47 language tag (for example: en, es, pt-BR, zh-Hans).\n"))
    #expect(!cli.exists("Exports"))
  }

  @Test func namesTheAvailableLocalesForAnUnknownOne() throws {
    let result = try CLI().run("--locale", "fr")
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "error[unknown-locale]: 'fr' is not a locale of this project (netexport.yaml lists en); start it with 'netexport init --locale fr'\n"
    )
  }

  @Test func namesTheFormatsForAnUnknownOne() throws {
    let result = try CLI().run("--locale", "en", "--format", "docx")
    #expect(result.status == 64)
    #expect(result.stderr.contains("plain-text, large-print-html, audio-script, ssml, pdf"))
  }

  @Test func laysHandoutsOutForTheChosenPaper() throws {
    let cli = try CLI()
    #expect(
      try cli.run("--locale", "en", "--format", "large-print-html", "--output", "-").stdout.contains("size: letter;"))
    let a4 = try cli.run("--locale", "en", "--format", "large-print-html", "--paper", "a4", "--output", "-")
    #expect(a4.stdout.contains("size: A4;"))
    let wrong = try cli.run("--locale", "en", "--format", "large-print-html", "--paper", "a5")
    #expect(wrong.status == 64)
    #expect(wrong.stderr.contains("'letter'") && wrong.stderr.contains("'a4'"))
  }

  /// The manifest's paper is the default; --paper overrides it.
  @Test func takesThePaperFromTheManifest() throws {
    let cli = try CLI()
    try cli.write("source-locale: en\nlocales:\nhandouts:\n  paper: a4\n", to: "netexport.yaml")
    #expect(
      try cli.run("--locale", "en", "--format", "large-print-html", "--output", "-").stdout.contains("size: A4;"))
    let letter = try cli.run("--locale", "en", "--format", "large-print-html", "--paper", "letter", "--output", "-")
    #expect(letter.stdout.contains("size: letter;"))
  }

  /// PDFs are build products: --all writes only the committed formats, --check leaves the
  /// PDFs that `--all --format pdf` wrote beside them alone, and cannot check PDFs.
  @Test func leavesPDFsOutOfTheCommittedExports() throws {
    let cli = try CLI()
    #expect(try cli.run("--all").status == 0)
    try cli.write("%PDF-1.7 from an earlier run\n", to: "Exports/en/neuroendocrine-tumors.pdf")
    let result = try cli.run("--all", "--check")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "4 exports in Exports/ are up to date.\n")
    for format in ["pdf", "plain-text"] {
      let formatCheck = try cli.run("--all", "--format", format, "--check")
      #expect(formatCheck.status == 64)
      #expect(
        formatCheck.stderr.contains(
          "--check compares every committed export (PDFs and audio files are not committed); it takes no --format."))
    }
  }

  /// A PDF engine that cannot run (here Debian's WeasyPrint 57, played by a stand-in module)
  /// stops the export with what to install, and leaves no file behind.
  @Test func refusesAnOldPDFEngineAndWritesNothing() throws {
    let cli = try CLI()
    try cli.write("__version__ = '57.2'\n", to: "stubs/weasyprint/__init__.py")
    try cli.write("previous\n", to: "handout.pdf")
    let environment = ["PYTHONPATH": cli.folder.appendingPathComponent("stubs").path]
    var result = try cli.run("--locale", "en", "--format", "pdf", "--output", "handout.pdf", environment: environment)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("error[pdf-engine-missing]: cannot make PDFs: WeasyPrint 57.2 is too old"))
    #expect(result.stderr.hasSuffix("install it with: pip install 'weasyprint>=70'\n"))
    #expect(try cli.read("handout.pdf") == "previous\n")
    result = try cli.run("--locale", "en", "--format", "pdf", environment: environment)
    #expect(result.status == 1)
    #expect(!cli.exists("Exports/en"))
  }

  @Test(
    .enabled(
      if: ProcessInfo.processInfo.environment["CI"] != nil || CLI.pythonHas("weasyprint", "pikepdf"),
      "needs weasyprint and pikepdf (pip)"))
  func writesAPDFToStandardOutputOrAFile() throws {
    let cli = try CLI()
    let result = try cli.run("--locale", "en", "--format", "pdf", "--output", "-")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("%PDF-1.7"))
    #expect(try cli.run("--locale", "en", "--format", "pdf").stdout == "Exports/en/neuroendocrine-tumors.pdf\n")
    #expect(
      try Data(contentsOf: cli.folder.appendingPathComponent("Exports/en/neuroendocrine-tumors.pdf")).starts(
        with: Data("%PDF-".utf8)))
  }

  @Test func reportsMalformedYAMLAndKeepsThePreviousExport() throws {
    let cli = try CLI()
    try cli.write("previous export\n", to: "Exports/en/neuroendocrine-tumors.txt")
    var catalog = try cli.read("Locales/en/neuroendocrine-tumors.yaml")
    catalog = catalog.replacingOccurrences(of: "    text: \"Overview\"", with: "    text: \"Overview")
    try cli.write(catalog, to: "Locales/en/neuroendocrine-tumors.yaml")
    let result = try cli.run("--locale", "en")
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("Locales/en/neuroendocrine-tumors.yaml:"))
    #expect(result.stderr.contains(": error[malformed-yaml]: malformed YAML: "))
    #expect(result.stdout == "")
    #expect(try cli.read("Exports/en/neuroendocrine-tumors.txt") == "previous export\n")
  }

  @Test func reportsEntriesOfTheWrongShape() throws {
    let cli = try CLI()
    let catalog = try cli.read("Locales/en/neuroendocrine-tumors.yaml").replacingOccurrences(
      of: "  overview.heading:\n    text: \"Overview\"\n    note: \"Section heading.\"",
      with: "  overview.heading: \"Overview\"")
    try cli.write(catalog, to: "Locales/en/neuroendocrine-tumors.yaml")
    let result = try cli.run("--locale", "en")
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "Locales/en/neuroendocrine-tumors.yaml:21:21: error[invalid-entry]: entry 'overview.heading' must be a mapping with a 'text' field (found text); write it as 'overview.heading:' followed by an indented 'text: ...'\n"
        + "error[export-refused]: nothing can be exported: the source catalogs have 1 error (above); fix them first\n"
    )
  }

  @Test func reportsAMissingMessageAndWritesNothing() throws {
    let cli = try CLI()
    let catalog = try cli.read("Locales/en/neuroendocrine-tumors.yaml").replacingOccurrences(
      of: "  types.paraganglioma:\n    text: \"Paraganglioma\"\n    note: \"List item: a tumor type.\"\n", with: "")
    try cli.write(catalog, to: "Locales/en/neuroendocrine-tumors.yaml")
    let result = try cli.run("--all")
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "Locales/en/neuroendocrine-tumors.yaml:7:1: error[missing-key]: the catalog has no entry 'types.paraganglioma', which the document uses; add it (netexport needs every message to export)\n"
        + "error[export-refused]: nothing can be exported: the source catalogs have 1 error (above); fix them first\n"
    )
    #expect(!cli.exists("Exports"))
  }

  /// A project without documents has nothing to export: `--all` says so and succeeds (nothing
  /// that should have exported failed); an export asked for by locale fails.
  @Test func saysSoWhenThereIsNothingToExport() throws {
    let cli = try CLI()
    try cli.project.remove("Documents/neuroendocrine-tumors.yaml")
    try cli.project.remove("Locales/en/neuroendocrine-tumors.yaml")
    let note = "note: the project has no documents yet; add one with 'netexport import FILE.md'\n"
    let all = try cli.run("--all")
    #expect(all.status == 0, "\(all.stderr)")
    #expect(all.stdout == "")
    #expect(all.stderr == note)
    let check = try cli.run("--all", "--check")
    #expect(check.status == 0, "\(check.stderr)")
    #expect(check.stdout == "0 exports in Exports/ are up to date.\n")
    #expect(check.stderr == note)
    let result = try cli.run("--locale", "en")
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "Documents/: error[no-documents]: the project has no documents yet; add one with 'netexport import FILE.md'\n"
    )
    #expect(!cli.exists("Exports"))
  }

  @Test func reportsAnUnwritableOutputPath() throws {
    let cli = try CLI()
    try cli.write("a file, not a folder\n", to: "blocker")
    let result = try cli.run("--locale", "en", "--output", "blocker/handout.txt")
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "blocker/handout.txt: error[unwritable-output]: cannot write the file (Not a directory)\n")
    #expect(try cli.read("blocker") == "a file, not a folder\n")
  }

  /// Every problem of a content model at once, each at its place, whatever command reads it.
  @Test(arguments: [["--locale", "en"], ["validate"], ["status"], ["--all"]])
  func reportsContentFileErrorsWithTheirLine(arguments: [String]) throws {
    let cli = try CLI()
    try cli.write("id: doc\nsource-locale: en\nmetadta: {}\n", to: "Documents/doc.yaml")
    let result = try cli.run(arguments: arguments)
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "Documents/doc.yaml:1:1: error[invalid-content]: missing field 'sections' in the document\n"
        + "Documents/doc.yaml:1:1: error[invalid-content]: missing field 'references' in the document\n"
        + "Documents/doc.yaml:3:1: error[invalid-content]: unknown field 'metadta' in the document (known fields: id, source-locale, metadata, sections, references, related, terms, abbreviations, do-not-translate)\n"
    )
    #expect(result.stdout == "")
  }

  @Test func reportsInvalidUTF8InACatalog() throws {
    let cli = try CLI()
    let url = cli.folder.appendingPathComponent("Locales/en/neuroendocrine-tumors.yaml")
    var bytes = try Data(contentsOf: url)
    bytes.append(contentsOf: [0xFF, 0x0A])
    try bytes.write(to: url)
    let result = try cli.run("--locale", "en")
    #expect(result.status == 1)
    #expect(result.stderr.contains(": error[invalid-utf8]: the file is not valid UTF-8 (byte 0xFF"))
    #expect(result.stderr.hasPrefix("Locales/en/neuroendocrine-tumors.yaml:"))
  }
}
