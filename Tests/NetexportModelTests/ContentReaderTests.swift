import Foundation
import NetexportModel
import Testing

/// The repository's document and the Markdown importer's golden content file read to the
/// values recorded in `Fixtures/records/` (recorded with the `YAMLDecoder`-based reader that
/// the hand-written one replaced).
@Suite struct ContentRecordTests {
  @Test(arguments: [
    ("Documents/neuroendocrine-tumors.yaml", "neuroendocrine-tumors.txt"),
    ("Tests/NetexportImportTests/Fixtures/everything.content.yaml", "everything.txt"),
  ])
  func readsToTheRecordedValues(path: String, record: String) throws {
    let document = try Document.load(Paths.packageRoot.appendingPathComponent(path), displayPath: path)
    try DocumentRecord.expect(document, matches: record)
  }
}
