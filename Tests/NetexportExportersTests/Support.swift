import Foundation
import NetexportICU
import NetexportModel
import NetexportResolution
import NetexportTestSupport
import NetexportValidation
import NetexportWorkspace
import Testing

enum Fixtures {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

  /// The NET document in English, from the repository's `Documents/` and `Locales/en/`.
  static func english(spoken: Bool = false) throws -> ResolvedDocument {
    try Repository.resolved("en", spoken: spoken)
  }

  /// The repository's NET document (or `document`) in one of its locales, resolved through
  /// the export gate as `netexport` resolves it (the document's catalog, the labels and the
  /// glossary).
  static func shipped(
    _ locale: String, spoken: Bool = false, project root: URL = packageRoot, document: String = Repository.documentID
  ) throws -> ResolvedDocument {
    let workspace = try Workspace.open(Project(path: root.path))
    let documents = try workspace.documents([document])
    let gate = workspace.gate(
      locale: try #require(try workspace.locales([locale]).first), documents: documents,
      source: workspace.checkSource(documents: documents), explicit: true)
    if !gate.problems.isEmpty { throw DiagnosticError(gate.problems) }
    return try #require(gate.ready.first).resolve(spoken: spoken)
  }

  /// The locales `netexport --all` exports (the source included).
  static func shippedLocales() throws -> [String] {
    try Workspace.open(Project(path: packageRoot.path)).locales().filter(\.isShipped).map(\.canonical)
  }

  /// Resolves a small test document with a catalog made of `texts` (key to message), taking
  /// the `fallback` keys from a source catalog made of `source`, as `--allow-incomplete` does.
  static func resolve(
    _ document: Document, texts: [String: String], locale: String, glossary: [GlossaryEntry] = [],
    source: [String: String] = [:], fallback: Set<String> = [], spoken: Bool = false
  ) throws -> ResolvedDocument {
    func entries(_ texts: [String: String], file: String) -> [CatalogEntry] {
      texts.keys.sorted().map { CatalogEntry(key: $0, text: texts[$0]!, location: SourceLocation(file: file)) }
    }
    let catalog = Catalog(locale: locale, file: "x.yaml", entries: entries(texts, file: "x.yaml"), glossary: glossary)
    let english = Catalog(locale: "en", file: "en.yaml", entries: entries(source, file: "en.yaml"))
    return try Resolver.resolve(
      document, catalog: catalog, locale: try #require(LanguageTag(locale)),
      fallback: fallback.isEmpty
        ? nil : .init(table: MessageTable([english]), locale: LanguageTag("en")!, keys: fallback),
      spoken: spoken)
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

extension String {
  /// Whether the string has `part` in it, code point for code point, as markup parsers read.
  /// (`contains` compares grapheme clusters: "\u{0600}<img" holds no "<img" cluster for cluster.)
  func containsScalars(_ part: String) -> Bool {
    let scalars = Array(unicodeScalars)
    let part = Array(part.unicodeScalars)
    guard part.count <= scalars.count else { return false }
    return (0...(scalars.count - part.count)).contains { scalars[$0..<$0 + part.count].elementsEqual(part) }
  }
}
