import NetexportModel
import Testing

/// `Catalog.location(in:utf16Offset:)` against what the YAML parser reads: each catalog has
/// one entry whose text holds a single `X`, written literally in the file; the position of
/// that `X` in the message must map to its line and column in the file.
@Suite struct TextPositionTests {
  @Test(arguments: [
    ("double-quoted", "    text: \"Revisi\\u00f3n \\\"m\u{E9}dica\\\" \\U0001F48A \u{1F48A} X\"\n"),
    ("double-quoted over lines", "    text: \"first line   \n      second line\n\n      third X\"\n"),
    ("double-quoted, escaped line break", "    text: \"abc\\\n      def X\"\n"),
    ("double-quoted, blank lines", "    text: \"one\n\n\n      two X\"\n"),
    ("single-quoted", "    text: 'it''s\n      fine X'\n"),
    ("plain", "    text: plain words\n      more X\n"),
    ("literal", "    text: |\n\n      one\n\n      two X\n"),
    ("literal, kept breaks", "    text: |-\n      one\n        indented\n      X\n"),
    ("folded", "    text: >\n      one\n\n      two\n      three X\n"),
    ("folded, more-indented", "    text: >\n      one\n        indented\n\n      X end\n"),
    ("CRLF line ends", "    text: \"first\r\n      second X\"\r\n"),
  ])
  func mapsAMessageOffsetToTheFile(style: String, entryText: String) throws {
    let yaml = "locale: es\nentries:\n  a:\n" + entryText
    let catalog = try Catalog.parse(yaml, file: "es.yaml", expectedLocale: "es")
    let entry = try #require(catalog["a"])
    let marker = try #require(entry.text.utf16.firstIndex(of: UInt16(UInt8(ascii: "X"))), "\(style): no X in the text")
    let offset = entry.text.utf16.distance(from: entry.text.utf16.startIndex, to: marker)
    #expect(
      catalog.location(in: entry, utf16Offset: offset).description == Self.position(ofX: yaml), "\(style)")
  }

  /// `es.yaml:line:column` of the `X` in the file, counting Unicode scalars.
  static func position(ofX yaml: String) -> String {
    var line = 1
    var column = 1
    for scalar in yaml.unicodeScalars {
      if scalar == "X" { break }
      if scalar == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return "es.yaml:\(line):\(column)"
  }

  @Test func fallsBackToTheStartOfTheText() throws {
    let catalog = try Catalog.parse("locale: es\nentries:\n  a:\n    text: \"abc\"\n", file: "es.yaml")
    let entry = try #require(catalog["a"])
    #expect(catalog.location(in: entry, utf16Offset: 99).description == "es.yaml:4:11")
    #expect(catalog.location(in: entry, utf16Offset: 0).description == "es.yaml:4:12")
  }
}
