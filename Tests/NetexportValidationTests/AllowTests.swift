import Foundation
import NetexportICU
import NetexportModel
import Testing

@testable import NetexportValidation

@Suite struct AllowTests {
  func findings(_ text: String) throws -> [String] {
    let catalog = try Catalog.parse(text, file: "es.yaml", expectedLocale: "es", lenient: true)
    return try Fixtures.validator().validate(catalog, locale: #require(LanguageTag("es"))).map(\.description)
  }

  func clean() throws -> String {
    try String(contentsOf: Fixtures.checks.appendingPathComponent("clean.es.yaml"), encoding: .utf8)
  }

  /// `many` in Spanish holds only exact millions: leaving it out is a warning, which a
  /// translator may accept for the entry; a real error can never be allowed.
  @Test func acceptsTheMillionsWarningButNoError() throws {
    let withoutMany = try clean().replacingOccurrences(of: " many {Quedan # de comprimidos}", with: "")
    let warned = try findings(withoutMany)
    #expect(warned.count == 1)
    #expect(warned.first?.contains("warning[plural-category-missing]") == true)
    let allowed = withoutMany.replacingOccurrences(
      of: "Quedan # comprimidos}}\"\n", with: "Quedan # comprimidos}}\"\n    allow: [plural-category-missing]\n")
    #expect(try findings(allowed) == [])
    let errorAllowed = try clean().replacingOccurrences(
      of: "  dosing.tablets:\n", with: "  dosing.tablets:\n    allow: [number-missing]\n")
    #expect(try findings(errorAllowed).first?.contains("errors cannot be allowed") == true)
  }

  /// Right-to-left text may wrap a term in isolates; the term still counts as used.
  @Test func matchesTermsWithoutTheirInvisibleMarks() {
    #expect(Validator.matchable("\u{2067}NEM 1\u{2069}") == "nem 1")
  }
}
