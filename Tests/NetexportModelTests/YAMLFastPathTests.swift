import Foundation
import Testing

@testable import NetexportModel

/// `YAMLFastPath` reads catalogs in netexport's own layout without libyaml: whatever it reads
/// must come out as the very events libyaml gives (kinds, places, texts, styles), and whatever
/// it cannot read must go to libyaml.
@Suite struct YAMLFastPathTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The YAML files of the repository's own project and of the tests' fixtures.
  static func yamlFiles() throws -> [URL] {
    var files: [URL] = []
    for folder in ["Locales", "Documents", "Tests"] {
      let root = repository.appendingPathComponent(folder)
      guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
      for case let url as URL in walker where url.pathExtension == "yaml" { files.append(url) }
    }
    return files.sorted { $0.path < $1.path }
  }

  static func read(_ url: URL) -> String? {
    guard let data = try? Data(contentsOf: url) else { return nil }
    return String(validating: data, as: UTF8.self)
  }

  @Test func readsTheShippedCatalogsAsLibyamlDoes() throws {
    var catalogs = 0
    for url in try Self.yamlFiles() where url.path.contains("/Locales/") && !url.path.contains("/Tests/") {
      let text = try #require(Self.read(url))
      #expect(YAMLEventReader(text).readFast, "\(url.lastPathComponent): left to libyaml")
      #expect(YAMLFastPath.disagreement(on: text) == nil, "\(url.path)")
      catalogs += 1
    }
    #expect(catalogs >= 30)
  }

  @Test func agreesWithLibyamlOnEveryYAMLFileOfTheRepository() throws {
    for url in try Self.yamlFiles() {
      guard let text = Self.read(url) else { continue }
      #expect(YAMLFastPath.disagreement(on: text) == nil, "\(url.path)")
    }
  }

  /// Texts in the layout, each read by the fast path into libyaml's events.
  @Test(arguments: [
    "a: b\n",
    "a: b",
    "a: b\n\n\n",
    "a: b\n   ",
    "# only a comment first\nlocale: es\n",
    "locale: es  # a comment\nentries:\n  k.a:\n    text: \"x\"\n",
    "entries:\n  k.a:\n    text: \"x\"\n  k.b:\n    text: 'it''s'\n",
    "e:\n  k:\n    text: \"tab\\there \\\"q\\\" \\\\ \\u00e9 \\x41 \\U0001F600 \\N\\_\\L\\P \\0 \\/ \\ \"\n",
    "e:\n    k:\n        t: x\n    l:\n        t: y\nf: z\n",
    "allow: [untranslated, doubled-space]\nforms: [\"é\", 'b', c]\nempty: []\n",
    "text: \"a\\tb\"\nother: plain words, with:colons:inside and a#hash\n",
    "text: \"\u{00e9}\u{4e2d}\u{1F600}\"\n",
    "a: b\n  # a deeper comment after a plain value\nc: d\n",
    "a:\n  # a comment before the first key\n  b: c\n",
    "a: \"  spaces kept  \"\nb: '  too  '\n",
    "a: \"\t\"\n",
    "a: ~\nb: null\nc: 12\nd: true\n",
  ])
  func readsTheLayout(_ text: String) throws {
    #expect(YAMLEventReader(text).readFast)
    #expect(YAMLFastPath.disagreement(on: text) == nil)
  }

  /// Texts outside the layout, left to libyaml (whether it reads them or not).
  @Test(arguments: [
    "",
    "# only a comment\n",
    "---\na: b\n",
    "%YAML 1.1\n---\na: b\n",
    "\u{FEFF}a: b\n",
    "a: b\r\n",
    "a: b\u{85}c: d\n",
    "a: b\u{2028}c: d\n",
    "a: \"\u{7}\"\n",
    "a: \"\u{FFFE}\"\n",
    "a: \"\u{FEFF}\"\n",
    "  a: b\n",
    "a:\n",
    "a:\nb: c\n",
    "a: b\n  c\n",
    "a: \"b\n  c\"\n",
    "a: |\n  b\n",
    "a: >\n  b\n",
    "a:\n  - b\n",
    "a: &x b\n",
    "a: *x\n",
    "a: !!str b\n",
    "a: {b: c}\n",
    "\"a\": b\n",
    "a b: c\n",
    "a:b\n",
    "a:\tb\n",
    "\ta: b\n",
    "a: b\tc\n",
    "a: b: c\n",
    "a: b:\n",
    "a: \"b\" c\n",
    "a: \"b\"#c\n",
    "a: \"\\q\"\n",
    "a: \"\\ud800\"\n",
    "a: \"\\x4\"\n",
    "a: [b,]\n",
    "a: [b c]\n",
    "a: [b\n",
    "a: -b\n",
    "a: ? b\n",
    "a: @b\n",
    "a:\n  b: c\n d: e\n",
    "é: b\n",
  ])
  func leavesOtherTextsToLibyaml(_ text: String) throws {
    #expect(!YAMLEventReader(text).readFast)
  }

  /// Mappings nested deeper than catalogs need go to libyaml, and to the structure check.
  @Test func leavesDeepNestingToLibyaml() throws {
    func nested(_ depth: Int) -> String {
      (0..<depth).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " x\n"
    }
    #expect(YAMLEventReader(nested(16)).readFast)
    #expect(YAMLFastPath.disagreement(on: nested(16)) == nil)
    #expect(!YAMLEventReader(nested(17)).readFast)
    #expect(YAMLSupport.maximumDepth > 16)
  }

  /// Each shipped catalog changed at a few places by characters that matter to YAML: the fast
  /// path either reads the result exactly as libyaml does or leaves it to libyaml.
  @Test func agreesWithLibyamlOnEditedCatalogs() throws {
    let pieces = [
      "#", " #", ":", ": ", " ", "  ", "\"", "'", "''", "\\", "\\\"", "\\n", "\\u00", "\t", "\n", "\n  ", "\n    ",
      "-", "- ", "[", "]", ",", "{", "&a ", "*a", "!", "|", ">", "?", "é", "\u{85}", "\u{2028}", "\u{FEFF}", "\r",
      "~", "...", "---", "\u{0}", "%", "\r\n", "\u{2029}",
    ]
    var random = SplitMix64(seed: 16)
    var read = 0
    for url in try Self.yamlFiles() where url.path.contains("/Locales/") && !url.path.contains("/Tests/") {
      let text = try #require(Self.read(url))
      let bytes = Array(text.utf8)
      for _ in 0..<60 {
        var edited = bytes
        for _ in 0..<Int.random(in: 1...3, using: &random) {
          var offset = Int.random(in: 0...edited.count, using: &random)
          // At a character's start, so the text stays UTF-8.
          while offset < edited.count && edited[offset] & 0xC0 == 0x80 { offset += 1 }
          let piece = pieces.randomElement(using: &random)!
          if Bool.random(using: &random), offset < edited.count {
            edited.remove(at: offset)
            while offset < edited.count && edited[offset] & 0xC0 == 0x80 { edited.remove(at: offset) }
          }
          edited.insert(contentsOf: Array(piece.utf8), at: offset)
        }
        let variant = String(decoding: edited, as: UTF8.self)
        if YAMLEventReader(variant).readFast {
          read += 1
          // Catalog.read skips the line-break findings of a text the fast path reads.
          #expect(LineBreak.findings(in: variant, file: "x.yaml").isEmpty)
        }
        let disagreement = YAMLFastPath.disagreement(on: variant)
        #expect(disagreement == nil, "\(url.lastPathComponent) edited: \(disagreement ?? "")")
      }
    }
    // Most single edits inside a quoted text keep the file in the layout.
    #expect(read > 100)
  }
}
