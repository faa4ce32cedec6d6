import Foundation
import NetexportICU
import NetexportModel
import NetexportResolution
import NetexportValidation
import Testing

/// When the document gives a value of another kind than a message needs (a text for a
/// plural), the finding says which value and what the message needs, and it is reported
/// once, on the source catalog, rather than as an ICU status code on every translation.
@Suite struct DocumentValueTests {
  /// The fixture document with `{tablets}` given as `value`.
  static func document(tablets value: String) throws -> Document {
    let text = try String(contentsOf: Fixtures.folder.appendingPathComponent("document.yaml"), encoding: .utf8)
    let changed = text.replacingOccurrences(of: "tablets: {number: 3}", with: "tablets: \(value)")
    #expect(changed != text)
    return try Document.parse(changed, file: "document.yaml")
  }

  static func needsANumber(given: String = "the text \"tres\"") -> String {
    "needs a number for {tablets} (its plural), but the document gives \(given); the message and the document's content file must agree on what {tablets} is"
  }

  @Test(arguments: [("{string: tres}", "the text \"tres\""), ("{date: 2024-02-29}", "the date 2024-02-29")])
  func theSourceCatalogGetsOneFindingThatNamesTheValue(value: String, given: String) throws {
    let validator = Validator(
      document: try Self.document(tablets: value), source: try Fixtures.english(), sourceLocale: Fixtures.sourceLocale)
    #expect(
      validator.validateSource().map(\.description) == [
        "en.yaml:22:11: error[message-arguments]: entry 'dosing.tablets' \(Self.needsANumber(given: given))"
      ])
    let spanish = try Catalog.load(
      Fixtures.checks.appendingPathComponent("clean.es.yaml"), displayPath: "es.yaml", expectedLocale: "es",
      lenient: true)
    #expect(validator.validate(spanish, locale: LanguageTag("es")!).map(\.description) == [])
  }

  @Test(arguments: [false, true])
  func resolutionSaysWhichValueTheMessageCannotUse(spoken: Bool) throws {
    let spanish = try Catalog.load(
      Fixtures.checks.appendingPathComponent("clean.es.yaml"), displayPath: "es.yaml", expectedLocale: "es",
      lenient: true)
    #expect {
      _ = try Resolver.resolve(
        Self.document(tablets: "{string: tres}"), catalog: spanish, locale: LanguageTag("es")!, spoken: spoken)
    } throws: { error in
      (error as? DiagnosticError)?.description
        == "es.yaml:38:11: error[message-arguments]: entry 'dosing.tablets' \(Self.needsANumber())"
    }
  }
}
