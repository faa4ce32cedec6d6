import Foundation
import NetexportICU
import NetexportModel
import NetexportValidation
import Testing

enum Fixtures {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

  static func english(spoken: Bool = false) throws -> ResolvedDocument {
    let catalog = try Catalog.load(
      packageRoot.appendingPathComponent("Locales/en.yaml"), displayPath: "Locales/en.yaml", expectedLocale: "en")
    return try Resolver.resolve(Document.bundledDefault(), catalog: catalog, locale: LanguageTag("en")!, spoken: spoken)
  }

  /// Compares output with `Snapshots/<name>`; with RECORD_SNAPSHOTS set, writes it instead.
  static func assertSnapshot(
    _ output: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let url = snapshots.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
      try Data(output.utf8).write(to: url)
      return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(
      output == expected, "differs from Snapshots/\(name); rerun with RECORD_SNAPSHOTS=1 to re-record",
      sourceLocation: sourceLocation)
  }
}
