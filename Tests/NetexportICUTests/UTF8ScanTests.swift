import CNetexportICU
import NetexportTestSupport
import Testing

@testable import NetexportICU

/// The hand-written UTF-8 readings (`[UInt16](utf16Of:)`, `UTF8Scan`) give exactly what the
/// standard library's readings they replace give, on every kind of text.
@Suite struct UTF8ScanTests {
  /// Texts of every kind: ICU syntax, quoting, nested plurals, markup, every UTF-8 length,
  /// surrogate pairs, combining marks; and random texts from those pieces, long enough to
  /// cross the eight-byte steps of the scans at every alignment.
  static let texts: [String] = {
    var texts = [
      "", "a", "{", "}", "'", "abcdefg{", "abcdefgh}", "abcdefghi'", "{n, plural, one {# day} other {# days}}",
      "{g, select, f {{n, plural, =0 {none} one {# item} other {# items}}} other {x}}", "l'{d, date, ::yMMMMd}",
      "don''t '{'braces'}' '#'", "<b>bold</b> <link1>link</link1> <lang-en>NET</lang-en>", "Síntomas y causas",
      "\u{2FF}\u{300}", "x\u{301}", "\u{CB}", "ͣ", "الأورام العصبية", "神经内分泌肿瘤 病1型", "emoji 👩🏽‍⚕️ and 𝄞 and 🇺🇸",
      "\u{0}nul\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}", "spellout", "{n, spellout}", "spelloutx",
      "sspellout", "spellou", "ends with a separator\u{1F}", String(repeating: "é{", count: 40),
    ]
    let pieces: [String] = [
      "a", "Z", " ", "#", "|", "{", "}", "'", "''", "é", "ß", "\u{2FF}", "\u{300}", "\u{301}", "中", "😀", "𝄞", "\u{1F}",
      "<", ">", "\n", "\r\n", "plural", "spellout", "spell", "{n, number}", "\u{FFFF}", "\u{10FFFF}", "ÿ", "\u{CC}",
    ]
    texts += randomTexts(of: pieces, count: 2000, seed: 0x2545_F491_4F6C_DD1D, lengthBits: 6)
    return texts
  }()

  @Test func convertsToTheUnitsOfTheUTF16View() {
    for text in Self.texts {
      #expect([UInt16](utf16Of: text) == Array(text.utf16), "\(text.debugDescription)")
    }
    // Every scalar of every UTF-8 length, on its own and between ASCII.
    for value in stride(from: 0, through: 0x10FFFF, by: 97) {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let text = "a\(scalar)b\(scalar)"
      #expect([UInt16](utf16Of: text) == Array(text.utf16), "U+\(String(value, radix: 16))")
    }
  }

  @Test func findsSyntaxBytesAsTheUTF8ViewDoes() {
    for text in Self.texts {
      let expected = text.utf8.contains {
        $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: "'")
      }
      #expect(
        UTF8Scan.contains(UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "'"), in: text) == expected,
        "\(text.debugDescription)")
    }
  }

  @Test func tellsTextsBelowCombiningMarksAsTheScalarsDo() {
    for text in Self.texts {
      #expect(
        UTF8Scan.allScalarsBelow0300(text) == text.unicodeScalars.allSatisfy({ $0.value < 0x300 }),
        "\(text.debugDescription)")
    }
  }

  @Test func findsAWordAsTheUTF8ViewDoes() {
    for text in Self.texts {
      let bytes = Array("spellout".utf8)
      let expected = (0..<max(0, text.utf8.count - bytes.count + 1)).contains {
        Array(text.utf8.dropFirst($0).prefix(bytes.count)) == bytes
      }
      #expect(Formatting.mentions("spellout", in: text) == expected, "\(text.debugDescription)")
    }
  }

  /// `isPlainText` as it read the UTF-8 view before the scan.
  static func isPlainTextByTheUTF8View(_ pattern: String) -> Bool {
    for byte in pattern.utf8 where byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "'") {
      return false
    }
    return pattern.utf8.count <= MessageLimits.maxLength || pattern.utf16.count <= MessageLimits.maxLength
  }

  @Test func plainTextsAreTheSame() throws {
    let long = [
      String(repeating: "a", count: MessageLimits.maxLength),
      String(repeating: "a", count: MessageLimits.maxLength + 1),
      String(repeating: "é", count: MessageLimits.maxLength),
      String(repeating: "😀", count: MessageLimits.maxLength / 2 + 1),
    ]
    for text in Self.texts + long {
      #expect(MessagePattern.isPlainText(text) == Self.isPlainTextByTheUTF8View(text), "\(text.debugDescription)")
    }
    // A plain text's structure is still ICU's, whichever byte ends it.
    for text in Self.texts where MessagePattern.isPlainText(text) {
      #expect(try MessageStructure(text) == MessageStructure(MessagePattern(text)), "\(text.debugDescription)")
    }
  }

  /// Whether a text is in NFC, and its NFC, as ICU says from the standard library's UTF-16.
  @Test func normalizationIsTheSame() throws {
    for text in Self.texts + ["e\u{301}", "\u{212B}", "Å", "한국어", "\u{1100}\u{1161}", "x\u{0344}", "😀\u{301}"] {
      let units = Array(text.utf16)
      var status: Int32 = 0
      let isNFC = netx_is_nfc(units, Int32(units.count), &status) == 1 && status <= 0
      #expect(Normalization.isNFC(text) == isNFC, "\(text.debugDescription)")
      var out = [UInt16](repeating: 0, count: units.count * 3 + 16)
      status = 0
      let length = netx_to_nfc(units, Int32(units.count), &out, Int32(out.count), &status)
      #expect(status <= 0)
      #expect(try Array(Normalization.nfc(text).utf16) == Array(out.prefix(Int(length))), "\(text.debugDescription)")
    }
  }
}
