import Foundation
import NetexportValidation
import Testing

@Suite struct RuleTests {
  /// The JSON report's schema lists the finding codes a report may hold: every rule's.
  @Test func theReportSchemaListsEveryCode() throws {
    let url = Fixtures.packageRoot.appendingPathComponent("docs/schemas/validation-report.schema.json")
    let text = try String(contentsOf: url, encoding: .utf8)
    let missing = Rule.all.map(\.code).filter { !text.contains("\"\($0)\"") }
    #expect(missing.isEmpty, "docs/schemas/validation-report.schema.json does not list \(missing)")
  }
}
