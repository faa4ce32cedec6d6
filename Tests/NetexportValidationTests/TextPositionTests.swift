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
    // Line breaks YAML counts and some editors do not: lines and columns as YAML counts them.
    ("lone CR line ends", "    text: \"first\r      second X\"\r"),
    ("NEL line ends", "    text: \"first\u{85}      second X\"\u{85}"),
    ("LS inside a double-quoted text", "    text: \"first\u{2028}      second X\"\n"),
    ("LS before blank lines", "    text: \"first\u{2028}\n\n      second X\"\n"),
    ("PS inside a single-quoted text", "    text: 'first\u{2029}  second X'\n"),
    ("LS inside a plain text", "    text: first\u{2028}      second X\n"),
    ("LS in a literal block", "    text: |\n      one\u{2028}      two X\n"),
    ("LS in a folded block", "    text: >\n      one\u{2028}\n      two X\n"),
    ("LS before the entry", "    note: \"a\u{2028}b\"\n    text: \"one X\"\n"),
  ])
  func mapsAMessageOffsetToTheFile(style: String, entryText: String) throws {
    let yaml = "locale: es\nentries:\n  a:\n" + entryText
    let catalog = try Catalog.parse(yaml, file: "es.yaml", expectedLocale: "es", lenient: true)
    let entry = try #require(catalog["a"])
    let marker = try #require(entry.text.utf16.firstIndex(of: UInt16(UInt8(ascii: "X"))), "\(style): no X in the text")
    let offset = entry.text.utf16.distance(from: entry.text.utf16.startIndex, to: marker)
    #expect(
      catalog.location(in: entry, utf16Offset: offset).description == Self.position(ofX: yaml), "\(style)")
  }

  /// `es.yaml:line:column` of the `X` in the file, counting Unicode scalars, and lines as
  /// YAML does: a line ends at LF, CR LF, CR, NEL, LS or PS.
  static func position(ofX yaml: String) -> String {
    var line = 1
    var column = 1
    var afterCR = false
    for scalar in yaml.unicodeScalars {
      if scalar == "X" { break }
      if scalar == "\n" && afterCR {
        afterCR = false
        continue
      }
      afterCR = scalar == "\r"
      if ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains(scalar) {
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
