import Foundation
import NetexportModel
import Testing

/// A `{number: ...}` argument is a value a handout can show: finite and less than 10^15 in
/// magnitude. Anything else is refused where the content file gives it, before ICU prints
/// "∞ Replies" for 1e400 or fails on NaN.
@Suite struct ArgumentTests {
  let minimal: String

  init() throws {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/minimal-document", withExtension: "yaml"))
    minimal = try String(contentsOf: url, encoding: .utf8)
  }

  func parse(count: String) throws -> Document {
    let text = minimal.replacingOccurrences(
      of: "      reviewed: {date: 2024-02-29}",
      with: "      reviewed: {date: 2024-02-29}\n      count: {number: \(count)}")
    #expect(text != minimal)
    return try Document.parse(text, file: "doc.yaml")
  }

  static let limit =
    "a number must be less than 10^15 in magnitude (at most 999999999999999), so that it is shown exactly"

  @Test(arguments: [
    (".nan", "not a number (NaN); write the value to show, such as 7"),
    (".NaN", "not a number (NaN); write the value to show, such as 7"),
    (".inf", "infinite or too large; \(limit)"),
    ("-.inf", "infinite or too large; \(limit)"),
    ("1e400", "infinite or too large; \(limit)"),
    ("1e300", "1e+300 is too large; \(limit)"),
    ("-1000000000000000", "-1000000000000000 is too large; \(limit)"),
    ("12345678901234567", "12345678901234568 is too large; \(limit)"),
  ])
  func refusesANumberAHandoutCannotShowAtItsPlaceInTheContentFile(count: String, message: String) {
    #expect {
      _ = try parse(count: count)
    } throws: { error in
      (error as? DiagnosticError)?.description
        == "doc.yaml:10:23: error[invalid-content]: metadata.reviewed.arguments.count.number: \(message)"
    }
  }

  @Test(arguments: ["7", "-7", "0.5", "999999999999999", "-999999999999999"])
  func acceptsNumbersWithinTheLimit(count: String) throws {
    let document = try parse(count: count)
    #expect(document.metadata.reviewed.arguments["count"] == .number(Double(count)!))
  }
}
