import Foundation
import NetexportExporters
import NetexportModel
import NetexportTestSupport
import NetexportWorkspace
import Testing

/// Locales are gated and documents rendered on several cores at once; the plan still lists
/// everything in the order of the locales, their documents and the formats, every run.
@Suite struct ExportPlanOrderTests {
  @Test func thePlanListsLocalesDocumentsAndFormatsInOrder() throws {
    let folder = try TestProject.repository(shipped: ["es", "de", "fr"])
    let id = Repository.documentID
    try folder.write(
      try folder.read("Documents/\(id).yaml").replacingOccurrences(of: "id: \(id)\n", with: "id: another\n"),
      to: "Documents/another.yaml")
    for locale in ["en", "es", "de", "fr"] {
      try folder.write(
        try folder.read("Locales/\(locale)/\(id).yaml").replacingOccurrences(
          of: "document: \(id)\n", with: "document: another\n"),
        to: "Locales/\(locale)/another.yaml")
    }
    // German's second document is not finished; French's first has an error.
    try folder.edit("Locales/de/another.yaml", replacing: "state: translated", with: "state: needs-review")
    try folder.edit("Locales/fr/\(id).yaml", replacing: "text: \"Symptômes et causes\"", with: "text: \"{Symptômes\"")
    let workspace = try Workspace.open(folder.project)
    let locales = try workspace.locales([])
    let formats: [ExportFormat] = [.plainText, .audioScript]
    var plans: [ExportPlan] = []
    for _ in 0..<3 {
      plans.append(
        workspace.render(
          locales: locales, documents: workspace.documents, formats: formats, options: ExportOptions(),
          explicit: false))
    }
    let plan = plans[0]
    var expected: [String] = []
    for locale in ["en", "es", "de", "fr"] {
      for document in ["another", id] {
        if locale == "de" && document == "another" || locale == "fr" && document == id { continue }
        expected += ["Exports/\(locale)/\(document).txt", "Exports/\(locale)/\(document).script.txt"]
      }
    }
    #expect(plan.exports.map(\.relativePath) == expected)
    #expect(plan.pending.map { "\($0.locale) \($0.document)" } == ["de another"])
    #expect(plan.problems.map(\.code) == ["message-syntax", "export-refused"])
    #expect(plan.problems.last?.message.hasPrefix("not exporting \(id) in fr") == true)
    for other in plans.dropFirst() {
      #expect(other.exports == plan.exports)
      #expect(other.pending == plan.pending)
      #expect(other.problems == plan.problems)
      #expect(other.notes == plan.notes)
    }
  }
}
