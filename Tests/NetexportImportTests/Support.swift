import Foundation
import NetexportICU
import NetexportModel
import NetexportTestSupport
import Testing

@testable import NetexportImport

enum Fixtures {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func text(_ name: String) throws -> String {
    try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
  }

  /// The everything fixture, imported.
  static func everything() throws -> ImportedDocument {
    try MarkdownImporter.parse(markdown: text("everything.md"), file: "Fixtures/everything.md")
  }

  /// Compares `output` with the golden file `Fixtures/<name>`. With RECORD_SNAPSHOTS set, writes
  /// it instead and fails, so that a recording run is never mistaken for a passing one.
  static func assertGolden(
    _ output: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let url = folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
      try Data(output.utf8).write(to: url)
      Issue.record(
        "recorded Fixtures/\(name); review it, then run the tests without RECORD_SNAPSHOTS",
        sourceLocation: sourceLocation)
      return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record("Fixtures/\(name) is missing; record it with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
      return
    }
    if output != expected {
      Issue.record(
        "differs from Fixtures/\(name) (rerun with RECORD_SNAPSHOTS=1 to re-record):\n\(lineDiff(expected: expected, actual: output))",
        sourceLocation: sourceLocation)
    }
  }

  /// The lines that differ, `-` for the golden file and `+` for the output, with line numbers.
  static func lineDiff(expected: String, actual: String) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var lines: [(Int, String)] = []
    for change in new.difference(from: old) {
      switch change {
      case .remove(let offset, let line, _): lines.append((offset, "\(offset + 1): - \(line)"))
      case .insert(let offset, let line, _): lines.append((offset, "\(offset + 1): + \(line)"))
      }
    }
    return lines.map(\.1).joined(separator: "\n")
  }

  /// The imported messages as a catalog, with the shared labels the exports need taken from
  /// the repository's English labels.
  static func catalog(_ imported: ImportedDocument) throws -> Catalog {
    let english = try Repository.catalog("en", .labels)
    let labels = english.entries.filter {
      MarkdownImporter.sharedLabelKeys.contains($0.key) || $0.key.hasPrefix("export.") || $0.key.hasPrefix("audio.")
    }
    let entries =
      imported.messages.map {
        CatalogEntry(key: $0.key, text: $0.text, note: $0.note, location: SourceLocation(file: "imported.yaml"))
      } + labels
    return Catalog(locale: "en", file: "imported.yaml", entries: entries)
  }
}
