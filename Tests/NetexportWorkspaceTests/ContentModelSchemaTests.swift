import Foundation
import Testing

/// `docs/schemas/content-model.schema.json` says what a content model may hold, for editors
/// that check YAML against a JSON Schema. These tests keep it true to netexport's own reader:
/// every document netexport writes or ships validates, and a misspelt field does not.
@Suite struct ContentModelSchemaTests {
  static let schema = Fixtures.repositoryRoot.appendingPathComponent("docs/schemas/content-model.schema.json")

  /// Validates YAML files against the schema with Python's `jsonschema` (the reference
  /// validator) and PyYAML; returns each file's verdict ("ok" or the first error).
  static func verdicts(_ files: [URL]) throws -> [String]? {
    let script = """
      import json, sys, yaml, jsonschema
      schema = json.load(open(sys.argv[1]))
      for path in sys.argv[2:]:
          # YAML dates become text, as the content model writes them (YYYY-MM-DD).
          document = json.loads(json.dumps(yaml.safe_load(open(path, encoding="utf-8")), default=str))
          try:
              jsonschema.validate(document, schema)
              print("ok")
          except jsonschema.ValidationError as error:
              print("invalid: " + error.message.replace("\\n", " "))
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, schema.path] + files.map(\.path)
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      if ProcessInfo.processInfo.environment["CI"] != nil {
        Issue.record("python3 with jsonschema and PyYAML is needed in CI (pip install jsonschema pyyaml)")
      } else {
        print("note: skipping the content-model schema check: needs python3 with jsonschema and PyYAML")
      }
      return nil
    }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
  }

  @Test func everyDocumentOfTheRepositoryAndOfAnImportValidates() throws {
    let documents = try FileManager.default.contentsOfDirectory(
      at: Fixtures.repositoryRoot.appendingPathComponent("Documents"), includingPropertiesForKeys: nil
    ).filter { $0.pathExtension == "yaml" }
    let imported = Fixtures.repositoryRoot.appendingPathComponent(
      "Tests/NetexportImportTests/Fixtures/everything.content.yaml")
    let files = documents + [imported]
    guard let verdicts = try Self.verdicts(files) else { return }
    #expect(verdicts == Array(repeating: "ok", count: files.count), "\(zip(files.map(\.lastPathComponent), verdicts))")
  }

  @Test func aMisspeltFieldOrAMissingOneIsRefused() throws {
    let project = try ScratchProject(files: [
      "misspelt.yaml": """
      id: leaflet
      source-locale: en
      metadata: {title: document.title, byline: document.byline, reviewed: document.reviewed, publisher: X}
      sections:
        - id: one
          heading: one.heading
          blocks:
            - paragrah: one.paragraph-1
      references: {heading: references.heading, items: []}
      """,
      "no-heading.yaml": """
      id: leaflet
      source-locale: en
      metadata: {title: document.title, byline: document.byline, reviewed: document.reviewed, publisher: X}
      sections:
        - id: one
          blocks: []
      references: {heading: references.heading, items: []}
      """,
    ])
    let files = ["misspelt.yaml", "no-heading.yaml"].map { project.root.appendingPathComponent($0) }
    guard let verdicts = try Self.verdicts(files) else { return }
    #expect(verdicts.count == 2)
    #expect(verdicts.allSatisfy { $0.hasPrefix("invalid: ") }, "\(verdicts)")
  }
}
