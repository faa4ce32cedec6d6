import Foundation
import NetexportInterchange
import Testing

/// The XLIFF files against the OASIS XLIFF 2.0 schema, with xmllint and no network.
@Suite(.enabled(if: Tools.schemasAvailable, Tools.xmllintHint))
struct XLIFFSchemaTests {
  func validate(_ text: String) throws -> Tools.Output {
    let folder = try TemporaryFolder()
    let path = try folder.write(text, to: "file.xlf")
    let schema = Tools.schemaFolder.appendingPathComponent("xliff-core-2.0.xsd").path
    return try Tools.run(["xmllint", "--nonet", "--noout", "--schema", schema, path])
  }

  @Test func theWritersFilesAreValid() throws {
    var labels = Samples.document
    labels.catalog = "labels"
    for documents in [[XLIFFTests.small], [Samples.document], [Samples.document, labels]] {
      let checked = try validate(try XLIFF.write(documents))
      #expect(checked.status == 0, "\(checked.stderr)")
      #expect(checked.stderr.hasSuffix("file.xlf validates\n"), "\(checked.stderr)")
    }
  }

  /// The check can fail: a state XLIFF does not have is refused by the schema.
  @Test func theSchemaRefusesAnUnknownState() throws {
    let text = try XLIFF.write(XLIFFTests.small).replacingOccurrences(
      of: "state=\"translated\"", with: "state=\"done\"")
    let checked = try validate(text)
    #expect(checked.status != 0)
    #expect(checked.stderr.contains("'done' is not an element of the set"), "\(checked.stderr)")
  }
}
