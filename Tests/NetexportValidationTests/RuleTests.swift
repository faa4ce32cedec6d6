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

  /// `docs/validation.md` explains every code netexport can print.
  @Test func theDocumentationNamesEveryCode() throws {
    let text = try String(
      contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/validation.md"), encoding: .utf8)
    let missing = Rule.everyCode.map(\.code).filter { !text.contains("`\($0)`") }
    #expect(missing.isEmpty, "docs/validation.md does not mention \(missing)")
  }

  /// The codes the documentation's tables list, with the severity each gives: the rows of
  /// the tables headed `| code | severity |` in `docs/validation.md`'s "Every finding code" and of
  /// the pages that explain a command's own codes (Markdown import, CAT tools).
  static func documentedCodes() throws -> [String: Set<String>] {
    var documented: [String: Set<String>] = [:]
    for (page, from) in [
      ("docs/validation.md", "## Every finding code"), ("docs/markdown-import.md", ""), ("docs/cat-tools.md", ""),
    ] {
      let text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent(page), encoding: .utf8)
      let start = try #require(from.isEmpty ? text.startIndex : text.range(of: from)?.lowerBound, "\(page)")
      // Rows of the tables headed `| code | severity |`; other tables list other things.
      var inTable = false
      for line in text[start...].split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("| code | severity |") { inTable = true }
        guard line.hasPrefix("|") else {
          inTable = false
          continue
        }
        guard inTable, let row = line.firstMatch(of: #/^\| `([a-z0-9-]+)` \| ([a-z]+)/#) else { continue }
        documented[String(row.output.1), default: []].insert(String(row.output.2))
      }
    }
    return documented
  }

  /// The registries and the documentation agree: every code netexport can print has a row
  /// in a table of the documentation, with the registry's severity (the first word of the
  /// cell: "error (warning for ...)" is an error that is a warning in some cases), and
  /// every code the tables list is in a registry, so that a code removed from the sources
  /// does not stay documented.
  @Test func theDocumentationTablesAreTheRegistries() throws {
    let documented = try Self.documentedCodes()
    let registered = Dictionary(uniqueKeysWithValues: Rule.everyCode.map { ($0.code, $0.severity.rawValue) })
    #expect(documented.count >= 100)
    for (code, severity) in registered.sorted(by: { $0.key < $1.key }) {
      let written = documented[code] ?? []
      #expect(written == [severity], "\(code): the registry says \(severity), the documentation \(written.sorted())")
    }
    let unknown = documented.keys.filter { registered[$0] == nil }.sorted()
    #expect(unknown.isEmpty, "documented, but in no registry: \(unknown)")
  }
}
