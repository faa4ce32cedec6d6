import Foundation
import NetexportInterchange
import Testing

/// Random unit sets from an alphabet of what breaks writers: every format's markup and escape
/// characters, ICU syntax, controls, line ends, right-to-left and combining marks, emoji. For
/// each, writing and parsing gives the units back, scalar for scalar, in both formats.
struct RoundTripPropertyTests {
  /// SplitMix64 with a fixed seed: the same 200 cases on every run, so a failure can be replayed.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// Characters for messages: both formats carry all of them (PO refuses only NUL and U+0004).
  static let textAlphabet: [String] =
    [
      "a", "Z", "0", " ", "  ", "\n", "\r", "\r\n", "\t", "\"", "'", "''", "\\", "\\n", "{", "}", "#", "%s", "%d",
      "<", ">", "&", "&amp;", "]]>", "<![CDATA[", "<cp hex=\"0041\"/>", "msgid \"", "#~ ", "é", "e\u{301}", "ß",
      "ك", "\u{200F}", "\u{200E}", "ئ", "中", "👩‍⚕️", "🇪🇸", "\u{00A0}", "\u{2028}", "\u{85}", "\u{1}", "\u{7}",
      "\u{8}", "\u{B}", "\u{C}", "\u{1B}", "\u{1F}", "\u{7F}", "\u{FFFE}", "\u{FFFF}", "\u{FEFF}", "\u{10FFFF}",
      "{n, plural, one {# x} other {# y}}", "l'{a}", "=0", "\u{D7FF}",
    ]
  /// Characters for notes, comments and the previous English: no carriage return (PO comments
  /// are lines) and nothing XML cannot hold outside source and target (XLIFF notes have no `<cp/>`).
  static let noteAlphabet: [String] = textAlphabet.filter { text in
    text.unicodeScalars.allSatisfy {
      $0 == "\n" || $0 == "\t" || ($0.value >= 0x20 && $0 != "\u{FFFE}" && $0 != "\u{FFFF}")
    }
  }

  static func text(_ alphabet: [String], _ generator: inout Generator, maximum: Int = 12) -> String {
    (0..<Int.random(in: 0...maximum, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
      .joined()
  }

  static func units(_ generator: inout Generator) -> [InterchangeUnit] {
    (0..<Int.random(in: 1...6, using: &generator)).map { index in
      let optional = { (alphabet: [String], generator: inout Generator) -> String? in
        Bool.random(using: &generator) ? text(alphabet, &generator) : nil
      }
      // A comment line may not end with a backslash: gettext joins such a line to the next.
      let comment = { (generator: inout Generator) -> String? in
        optional(noteAlphabet, &generator).map {
          $0.replacingOccurrences(of: "\\\n", with: "\\.\n") + ($0.hasSuffix("\\") ? "." : "")
        }
      }
      let locationWords = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
        "Locales/es/doc-\(Int.random(in: 0...99, using: &generator)).yaml:\(Int.random(in: 1...999, using: &generator))"
      }
      return InterchangeUnit(
        key: "k\(index).\(["a-b", "c_d", "e:f", "é", "x"].randomElement(using: &generator)!)",
        source: text(textAlphabet, &generator), target: text(textAlphabet, &generator),
        note: comment(&generator), previousNote: comment(&generator),
        state: InterchangeUnit.State.allCases.randomElement(using: &generator)!,
        previousSource: optional(noteAlphabet, &generator),
        location: Bool.random(using: &generator) ? locationWords.joined(separator: " ") : nil,
        comment: comment(&generator),
        base: Bool.random(using: &generator)
          ? InterchangeUnit.digest(key: "k\(index)", text: text(textAlphabet, &generator)) : nil)
    }
  }

  static let cases: [[InterchangeUnit]] = {
    var generator = Generator(state: 13)
    return (0..<200).map { _ in units(&generator) }
  }()

  @Test func poRoundTripsEveryRandomSet() throws {
    for (index, units) in Self.cases.enumerated() {
      let document = InterchangeDocument(sourceLocale: "en", targetLocale: "ar", catalog: "labels", units: units)
      let text = try PO.write(document)
      let parsed = try PO.parse(text, file: "case\(index).po").documents[0].document
      #expect(exact(parsed.units) == exact(units), "case \(index)")
      #expect(try PO.write(parsed) == text, "case \(index)")
    }
  }

  @Test func xliffRoundTripsEveryRandomSet() throws {
    for (index, units) in Self.cases.enumerated() {
      let document = InterchangeDocument(sourceLocale: "en", targetLocale: "ar", catalog: "labels", units: units)
      let text = try XLIFF.write(document)
      let parsed = try XLIFF.parse(text, file: "case\(index).xlf").documents[0].document
      #expect(exact(parsed.units) == exact(units), "case \(index)")
      #expect(try XLIFF.write(parsed) == text, "case \(index)")
    }
  }

  /// Through gettext too: msgcat rewrites each random file and the units survive.
  @Test(.enabled(if: Tools.available("msgcat"), Tools.gettextHint))
  func msgcatKeepsEveryRandomSet() throws {
    let folder = try TemporaryFolder()
    for (index, units) in Self.cases.enumerated() where index % 4 == 0 {
      let document = InterchangeDocument(sourceLocale: "en", targetLocale: "ar", catalog: "labels", units: units)
      let path = try folder.write(try PO.write(document), to: "case\(index).po")
      let catted = try Tools.run(["msgcat", path])
      try #require(catted.status == 0, "case \(index): \(catted.stderr)")
      let parsed = try PO.parse(catted.stdout, file: "case\(index).po").documents[0].document
      #expect(exact(parsed.units) == exact(units), "case \(index)")
    }
  }
}
