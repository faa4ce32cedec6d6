import NetexportExporters
import NetexportICU
import NetexportModel
import NetexportTestSupport
import NetexportWorkspace
import Testing

/// A glossary file's own problems count: a glossary holding messages is an error in the
/// source locale and in a target locale, and stops a target locale's export.
@Suite struct GlossaryCheckTests {
  /// `validate` passed a glossary holding `entries:` (read leniently, its problems were never
  /// reported); found by the hostile inputs.
  @Test(arguments: ["en", "es"])
  func aGlossaryFilesOwnProblemsAreFindings(locale: String) throws {
    let project = try TestProject.repository(shipped: ["es"])
    try project.edit(
      "Locales/\(locale)/glossary.yaml", replacing: "\nglossary:\n",
      with: "\nentries:\n  document.title:\n    text: \"Otro\"\nglossary:\n")
    let workspace = try Workspace.open(project.project)
    let tag = try #require(LanguageTag(locale))
    let checks = workspace.check(try workspace.locales([locale]))
    let findings = try #require(checks.first { $0.locale.tag == tag }?[.glossary]).findings
    #expect(findings.map(\.code) == ["unknown-field"])
    #expect(findings.first?.severity == .error)
    let line = try project.read("Locales/\(locale)/glossary.yaml").split(separator: "\n").firstIndex(of: "entries:")
    #expect(findings.first?.location?.line == line.map { $0 + 1 })
    #expect(findings.first?.description.contains("this file holds the glossary only") == true)

    guard locale != "en" else { return }
    let plan = workspace.render(
      locales: try workspace.locales([locale]), documents: workspace.documents, formats: [.plainText],
      options: ExportOptions(), explicit: true)
    #expect(plan.exports.isEmpty)
    #expect(plan.problems.map(\.code).contains("unknown-field"))
  }

  /// A glossary entry that names no term or abbreviation of any document is a warning, in the
  /// source and a target locale alike; the entries of the document's terms are not.
  @Test(arguments: ["en", "es"])
  func aGlossaryEntryOfNoDocumentIsAWarning(locale: String) throws {
    let project = try TestProject.repository(shipped: ["es"])
    try project.edit(
      "Locales/\(locale)/glossary.yaml", replacing: "\nglossary:\n",
      with: "\nglossary:\n  term.no-such-term:\n    pronunciation: \"no\"\n")
    let workspace = try Workspace.open(project.project)
    let tag = try #require(LanguageTag(locale))
    let checks = workspace.check(try workspace.locales([locale]))
    let findings = try #require(checks.first { $0.locale.tag == tag }?[.glossary]).findings
      .filter { $0.code == "glossary-unknown-key" }
    #expect(findings.map(\.key) == ["term.no-such-term"])
    #expect(findings.first?.severity == .warning)
    #expect(findings.first?.description.contains("names no term or abbreviation of any document") == true)
  }
}
