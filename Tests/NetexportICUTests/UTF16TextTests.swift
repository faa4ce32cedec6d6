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

  /// A surrogate without its partner becomes U+FFFD, as `String(decoding:as:)` makes it.
  @Test(arguments: [[0xD800], [0xDC00, 0x41], [0x41, 0xD83D], [0xD83D, 0xD83D, 0xDE00], [0xDE00, 0xD83D]])
  func replacesUnpairedSurrogates(units: [UInt16]) {
    #expect(String(utf16Units: units) == String(decoding: units, as: UTF16.self))
    #expect(String(utf16Units: units).unicodeScalars.contains("\u{FFFD}"))
  }
}
