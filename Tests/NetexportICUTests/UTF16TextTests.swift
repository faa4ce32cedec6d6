import Testing

@testable import NetexportICU

/// The hand-written UTF-16 to String conversion gives what the standard library's does.
@Suite struct UTF16TextTests {
  @Test(arguments: [
    "", "plain ASCII {n, number}", "Síntomas y causas", "الأورام العصبية الصماوية", "病1型 二〇二三年",
    "emoji 👩🏽‍⚕️ and 𝄞", "\u{202B}isolated\u{202C}", "\u{0}nul\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}",
  ])
  func convertsAsTheStandardLibraryDoes(text: String) {
    let units = Array(text.utf16)
    #expect(String(utf16Units: units) == text)
    #expect(String(utf16Units: units[...]) == String(decoding: units, as: UTF16.self))
  }

  /// ASCII is copied unit for byte, in both directions, and ICU converts the rest: texts
  /// that are all ASCII, that start with it and go on otherwise (at each length around the
  /// eight bytes of a word and the fifteen of a small String), or that start otherwise.
  @Test func convertsASCIIAndWhatFollowsItAsTheStandardLibraryDoes() {
    var texts = ["{n, plural, one {# Reply} other {# Replies}}", "count", "selectordinal", "é", "éa", "\u{7F}\u{80}"]
    for length in 0...20 {
      let ascii = String(repeating: "a", count: length)
      texts += [ascii, ascii + "é", ascii + "病", ascii + "👩🏽‍⚕️ x", "é" + ascii, ascii + "\u{0}" + ascii]
    }
    for text in texts {
      let units = [UInt16](utf16Of: text)
      #expect(units == Array(text.utf16), "\(text)")
      #expect(String(utf16Units: units) == text, "\(text)")
      #expect(String(utf16Units: units[...]).utf8.elementsEqual(text.utf8), "\(text)")
    }
  }

  /// A surrogate without its partner becomes U+FFFD, as `String(decoding:as:)` makes it.
  @Test(arguments: [[0xD800], [0xDC00, 0x41], [0x41, 0xD83D], [0xD83D, 0xD83D, 0xDE00], [0xDE00, 0xD83D]])
  func replacesUnpairedSurrogates(units: [UInt16]) {
    #expect(String(utf16Units: units) == String(decoding: units, as: UTF16.self))
    #expect(String(utf16Units: units).unicodeScalars.contains("\u{FFFD}"))
  }
}
