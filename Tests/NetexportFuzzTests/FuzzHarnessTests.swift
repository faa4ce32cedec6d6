import Foundation
import NetexportExporters
import NetexportICU
import NetexportModel
import NetexportResolution
import NetexportTestSupport
import NetexportValidation
import NetexportWorkspace
import Testing

@testable import NetexportFuzzHarness

/// The harness itself: its fixture can reach every check, and each check fails on the
/// breakage it is there to see.
@Suite struct FuzzHarnessTests {
  @Test func theFixtureSourceCatalogsValidateWithoutFindings() {
    #expect(Fixture.validator.validateSource() == [])
    #expect(Fixture.labelsValidator.validateSource() == [])
  }

  /// The fixture is a project in the library layout, which netexport itself checks clean
  /// and exports: the targets read its files as the workspace would.
  @Test func theFixtureIsAProjectTheWorkspaceChecksClean() throws {
    let copy = try TestProject()
    try FileManager.default.removeItem(at: copy.root)
    try FileManager.default.copyItem(at: Fixture.folder, to: copy.root)
    let workspace = try Workspace.open(copy.project)
    #expect(workspace.documents.map(\.id) == [Fixture.documentID])
    let checks = workspace.check(try workspace.locales())
    #expect(checks.flatMap(\.files).flatMap(\.findings) == [])
    let plan = workspace.render(
      locales: try workspace.locales(), documents: workspace.documents, formats: ExportFormat.committed,
      options: ExportOptions(), explicit: true)
    #expect(plan.problems == [] && plan.exports.count == ExportFormat.committed.count)
  }

  /// The entry target's promise, "catalogs validation passes export", is only checked when
  /// the fixture's translated catalogs pass in every locale.
  @Test(arguments: Fixture.locales)
  func theTranslatedFixturePassesValidationAndExports(locale: String) throws {
    let tag = try #require(LanguageTag(locale))
    let translated = try #require(EntryTarget.translated[locale])
    let findings =
      Fixture.validator.validate(translated.document, glossary: [], locale: tag)
      + Fixture.labelsValidator.validate(translated.labels, glossary: [], locale: tag)
    #expect(findings.filter { $0.severity == .error || $0.severity == .pending } == [])
    let document = try Resolver.resolve(
      Fixture.document, messages: MessageTable([translated.document, translated.labels]), locale: tag,
      source: Fixture.sourceTable)
    #expect(document.title.text == "Neuroendocrine tumors")
  }

  @Test func entrySeedsMeanWhatTheySay() throws {
    // Key 0, locale 0, style 0 ("escaped"): the title in Spanish, exactly.
    var input = FuzzInput([0, 0, 0] + Array("Tumores".utf8))
    #expect(input.pick(Fixture.keys) == "document.title")
    #expect(input.pick(Fixture.locales) == "es")
    #expect(input.pick(YAMLText.Style.allCases) == .escaped)
    #expect(input.rest == Array("Tumores".utf8))
  }

  /// The entry target's exact style writes any text so that the catalog reads it back (or,
  /// for a control character, reports it).
  @Test(
    arguments: HostileStrings.all + ["", "plain", "line\nbreak", "a\u{FEFF}\u{2028}\u{2029}\u{85}\u{FFFF}\u{10FFFF}"])
  func doubleQuotedYAMLReadsBackAsTheText(text: String) throws {
    let yaml = "locale: es\nentries:\n  k:\n    text: \(YAMLText.doubleQuoted(text))\n"
    let catalog = try Catalog.parse(yaml, file: "x.yaml", lenient: true)
    if catalog.problems.isEmpty {
      #expect(catalog.entries.map(\.text) == [text])
    } else {
      #expect(catalog.problems.map(\.code) == ["control-character"])
    }
  }

  // MARK: Each check fails on what it is there to see

  static func englishHandout() throws -> String {
    let document = try Resolver.resolve(
      Fixture.document, messages: Fixture.sourceTable, locale: LanguageTag("en")!, source: nil)
    return try LargePrintHTMLExporter().export(document)
  }

  /// Every shipped translation's catalogs, as `catalog export` writes them in both formats,
  /// pass the interchange target: read, written back and read again the same.
  @Test func theShippedCatalogsPassTheInterchangeTarget() throws {
    let seeds = try #require(try Seeds.make(root: packageRoot)[.interchange]).filter { !$0.name.hasPrefix("hostile-") }
    for locale in Repository.shippedLocales {
      #expect(seeds.contains { $0.name == "\(locale).labels.po" }, "\(locale)")
      #expect(seeds.contains { $0.name == "\(locale).neuroendocrine-tumors.xlf" }, "\(locale)")
    }
    for seed in seeds {
      do {
        try FuzzTarget.interchange.run(seed.bytes)
      } catch {
        Issue.record("\(seed.name): \(error)")
      }
    }
  }

  /// A file cut in the middle, an XLIFF file that is only its start, and bytes that are not
  /// UTF-8 are refusals the target accepts (placed diagnostics), not broken promises.
  @Test func theInterchangeTargetTakesBrokenFilesAsRefusals() throws {
    let seeds = try #require(try Seeds.make(root: packageRoot)[.interchange])
    let po = try #require(seeds.first { $0.name == "es.labels.po" })
    let text = String(decoding: po.bytes, as: UTF8.self)
    let cut = Array(text.utf8.prefix(text.utf8.count / 2))
    try FuzzTarget.interchange.run(cut)
    try FuzzTarget.interchange.run(Array("\u{FEFF}  \n<xliff".utf8))
    try FuzzTarget.interchange.run([0xFF, 0xFE, 0x00])
  }

  /// The Markdown handouts of the tests (the importer's complete example with related pages
  /// among them) pass the markdown target, as the fuzzer runs them before any mutation.
  @Test func theMarkdownSeedsPass() throws {
    let seeds = try #require(try Seeds.make(root: packageRoot)[.markdown]).filter { !$0.name.hasPrefix("hostile-") }
    #expect(seeds.contains { $0.name.hasSuffix("everything.md") })
    for seed in seeds {
      do {
        try FuzzTarget.markdown.run(seed.bytes)
      } catch {
        Issue.record("\(seed.name): \(error)")
      }
    }
  }

  @Test func theHandoutCheckPassesTheExportersOwnHandout() throws {
    try HTMLCheck.check(try Self.englishHandout(), locale: "en", links: Fixture.document.linkAddresses)
  }

  /// A link is one of the elements a text brings, but where it goes is the content model's:
  /// an address the model does not have is a broken promise, whatever the element.
  @Test func theHandoutCheckFailsOnALinkToAnAddressTheModelDoesNotHave() throws {
    let html = try Self.englishHandout()
    let range = try #require(html.range(of: "<p>There are"))
    let linked = html.replacingCharacters(
      in: range, with: "<p><a href=\"https://evil.example/?a=1&amp;b=2\">There</a> are")
    #expect(
      throws: InvariantViolation(
        "large-print-html links to \"https://evil.example/?a=1&b=2\", not an address of the content model")
    ) {
      try HTMLCheck.check(linked, locale: "en", links: ["https://example.org/"])
    }
  }

  @Test(arguments: [
    ("<p>There are", "<p><img src=x onerror=alert(1)>There are"),
    ("<p>There are", "<p><img src=\"x\">There are"),
    ("<h1>", "<h1 onclick=\"x\">"),
    ("<p>There are", "<p>\u{0600}<b>There</b> are"),
    ("Overview", "Over\"view"),
    ("Overview", "Over &nbsp view"),
    ("<title>", "<title></title><script>x</script><title>"),
    ("html { background", "</style><style>html { background"),
    ("@bottom-center { content: ", "@bottom-center { content: \"\\a\" } body { display: none } x { content: "),
  ])
  func theHandoutCheckFailsOnMarkupTheExporterDoesNotWrite(original: String, replacement: String) throws {
    let html = try Self.englishHandout()
    let range = try #require(html.range(of: original))
    #expect(throws: InvariantViolation.self) {
      try HTMLCheck.check(
        html.replacingCharacters(in: range, with: replacement), locale: "en", links: Fixture.document.linkAddresses)
    }
  }

  @Test(arguments: [
    "<speak version=\"1.1\" xml:lang=\"en\" xmlns=\"http://www.w3.org/2001/10/synthesis\"><p xml:lang=\"en\"><!-- x --></p></speak>",
    "<speak version=\"1.1\" xml:lang=\"en\" xmlns=\"http://www.w3.org/2001/10/synthesis\"><audio src=\"x\"/></speak>",
    "<speak version=\"1.1\" xml:lang=\"en\" xmlns=\"http://www.w3.org/2001/10/synthesis\"><p xml:lang=\"en\" onload=\"x\"/></speak>",
    "<speak version=\"1.1\" xml:lang=\"en\" xmlns=\"http://www.w3.org/2001/10/synthesis\"><p>a & b</p></speak>",
    "<speak version=\"1.1\" xml:lang=\"en\" xmlns=\"http://www.w3.org/2001/10/synthesis\"></speak><speak/>",
  ])
  func theSSMLCheckFailsOnWhatTheExporterDoesNotWrite(ssml: String) {
    #expect(throws: InvariantViolation.self) { try SSMLCheck.check(ssml) }
  }

  @Test func theSSMLCheckPassesTheExportersOwnSSML() throws {
    let document = try Resolver.resolve(
      Fixture.document, messages: Fixture.sourceTable, locale: LanguageTag("en")!, source: nil, spoken: true)
    try SSMLCheck.check(try SSMLExporter().export(document))
  }

  @Test(arguments: ["Text\n[pause]\nread [this] aloud", "[pause\nnever closed", "[a [nested] direction]", "text]"])
  func theScriptCheckFailsOnABrokenDirection(script: String) {
    #expect(throws: InvariantViolation.self) { try ScriptCheck.check(script) }
  }

  @Test func theScriptCheckPassesDirectionsOverSeveralLines() throws {
    try ScriptCheck.check("[How to say\nthe words:]\n[term: TURM]\nSpoken text.\n\n[pause]\n")
  }

  /// A right-to-left script marks each line's ends with U+200F; the bracket after the mark
  /// still opens a direction, and one inside a spoken line is still a bracket.
  @Test func theScriptCheckReadsRightToLeftMarkedLines() throws {
    try ScriptCheck.check("\u{200F}[وقفة]\u{200F}\n\u{200F}نص منطوق.\u{200F}\n")
    #expect(throws: InvariantViolation.self) { try ScriptCheck.check("\u{200F}نص [وقفة] منطوق.\u{200F}\n") }
    #expect(throws: InvariantViolation.self) { try ScriptCheck.check("\u{200F}[وقفة\u{200F}\n") }
  }

  @Test func theLocationCheckFailsOutsideTheFile() {
    let check = LocationCheck("a: 1\nb: 2\n", file: "x.yaml")
    #expect(throws: InvariantViolation.self) { try check.check(SourceLocation(file: "x.yaml", line: 9, column: 1), "") }
    #expect(throws: InvariantViolation.self) {
      try check.check(SourceLocation(file: "x.yaml", line: 1, column: 40), "")
    }
    #expect(throws: InvariantViolation.self) { try check.check(SourceLocation(file: "y.yaml", line: 1, column: 1), "") }
    #expect(throws: Never.self) { try check.check(SourceLocation(file: "x.yaml", line: 3, column: 1), "") }
  }

  @Test func theLocationCheckFailsOnAPositionThatHoldsAnotherCharacter() throws {
    let text = "locale: es\nentries:\n  k:\n    text: \"abc\"\n"
    let catalog = try Catalog.parse(text, file: "x.yaml")
    var entry = try #require(catalog["k"])
    let check = LocationCheck(text, file: "x.yaml")
    try check.checkCharacters(of: entry, in: catalog)
    // The same entry read as if its text started one column later.
    entry.textLocation.column! += 1
    #expect(throws: InvariantViolation.self) { try check.checkCharacters(of: entry, in: catalog) }
  }
}
