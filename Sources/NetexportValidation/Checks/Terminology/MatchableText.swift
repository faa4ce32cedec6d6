/// A text as glossary terms are matched: its UTF-8 without invisible format characters (the
/// isolates and marks right-to-left text may carry around a term), lowercased exactly as
/// `String.lowercased()` lowercases it.
///
/// The standard library lowercases each scalar by its full lowercase mapping, without
/// context and without a locale: "İ" gives "i̇" (i and U+0307), "I" gives "i" (no Turkish
/// dotless ı), "Σ" gives "σ" wherever it stands, "ẞ" gives "ß" and "ß" stays. Outside ASCII it
/// makes a `String` of each scalar's mapping and appends it: lowering the texts whose source
/// uses a term was 4.3 % of validation's instructions, and the glossary forms of each
/// catalog 0.8 %. ICU would not keep these results (its case folding turns "ß" into "ss",
/// and its lowercasing gives "ς" at a word's end), so here the standard library's own
/// mappings below U+3000 (Latin, Greek, Cyrillic, Arabic, Hebrew, the scripts of India, Thai,
/// ...) are read once into a table, scripts without case (CJK, kana, Hangul, ...) are
/// copied, and the rest is asked of the standard library as before.
/// `TermMatchingTests` compares every scalar with the standard library and many texts with
/// `lowercased()`, so a Unicode version that changes a mapping fails them.
struct MatchableText: Sendable, Equatable {
  /// The lowercased UTF-8.
  let utf8: [UInt8]

  init(_ text: String) {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var text = text
    // The table is read once per text: each read of a global checks that it is made.
    let table = Self.lowercaseTable
    text.withUTF8 { source in
      var index = 0
      while index < source.count {
        let lead = source[index]
        if lead < 0x80 {
          // ASCII has no format characters, and only A-Z change.
          bytes.append(lead &- 0x41 < 26 ? lead | 0x20 : lead)
          index += 1
          continue
        }
        let (scalar, length) = TextChecks.scalar(inUTF8: source, at: index)
        index += length
        if TextChecks.isFormat(scalar) { continue }
        Self.appendLowercase(scalar, to: &bytes, table: table)
      }
    }
    utf8 = bytes
  }

  /// The text as a `String`.
  var string: String { String(decoding: utf8, as: UTF8.self) }

  /// Whether `form` occurs in the text, byte for byte (an empty form never does).
  func contains(_ form: MatchableText) -> Bool {
    utf8.withUnsafeBufferPointer { text in
      form.utf8.withUnsafeBufferPointer { form in TextChecks.firstOffset(of: form, in: text, from: 0) != nil }
    }
  }

  /// Whether this form occurs in `text`'s own UTF-8, byte for byte; then it occurs in
  /// `MatchableText(text)` too. It starts and ends at scalar boundaries (UTF-8 is
  /// self-synchronizing), its scalars are lowercase mappings of scalars other than format
  /// characters, which lowercase to themselves and are no format characters (which lowering
  /// removes): lowering the text leaves them where they are, side by side. `TermMatchingTests` checks both for every scalar.
  func isIn(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { hay in
      utf8.withUnsafeBufferPointer { form in TextChecks.firstOffset(of: form, in: hay, from: 0) != nil }
    }
  }

  /// Appends the scalar's full lowercase mapping, as the standard library has it, in UTF-8.
  @inline(__always)
  static func appendLowercase(_ scalar: Unicode.Scalar, to bytes: inout [UInt8], table: [UInt16]) {
    let value = scalar.value
    if value < 0x80 {
      let byte = UInt8(value)
      bytes.append(byte &- 0x41 < 26 ? byte | 0x20 : byte)
    } else if value < tableEnd {
      let lowered = table[Int(value - 0x80)]
      if lowered != 0 {
        appendUTF8(UInt32(lowered), to: &bytes)
      } else {
        bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
      }
    } else if isCaseless(value) {
      appendUTF8(value, to: &bytes)
    } else {
      bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
    }
  }

  /// Where the table of mappings ends: U+3000 starts the CJK symbols.
  private static let tableEnd: UInt32 = 0x3000

  /// The lowercase mapping of each scalar from U+0080 to U+2FFF when it is one scalar of the
  /// Basic Multilingual Plane (0 otherwise: U+0130 İ, whose mapping is two scalars), read
  /// from the standard library once: 12,160 look-ups, 24 KB.
  static let lowercaseTable: [UInt16] = (UInt32(0x80)..<tableEnd).map { value in
    let mapping = Unicode.Scalar(value).unsafelyUnwrapped.properties.lowercaseMapping.unicodeScalars
    guard mapping.count == 1, let lowered = mapping.first, lowered.value <= 0xFFFF else { return 0 }
    return UInt16(lowered.value)
  }

  /// Whether a scalar at or above U+3000 is in a run where no scalar changes when
  /// lowercased (Unicode 15: CJK symbols and ideographs, kana, Bopomofo, Yi and Lisu up to
  /// Cyrillic Extended-B at U+A640; from U+A800 to the full-width capitals at U+FF21:
  /// Hangul, private use, compatibility ideographs, Arabic presentation forms).
  private static func isCaseless(_ value: UInt32) -> Bool {
    (0x3000..<0xA640).contains(value) || (0xA800..<0xFF21).contains(value)
  }

  @inline(__always)
  private static func appendUTF8(_ value: UInt32, to bytes: inout [UInt8]) {
    if value < 0x80 {
      bytes.append(UInt8(value))
    } else if value < 0x800 {
      bytes.append(UInt8(0xC0 | value >> 6))
      bytes.append(UInt8(0x80 | value & 0x3F))
    } else if value < 0x1_0000 {
      bytes.append(UInt8(0xE0 | value >> 12))
      bytes.append(UInt8(0x80 | (value >> 6) & 0x3F))
      bytes.append(UInt8(0x80 | value & 0x3F))
    } else {
      bytes.append(UInt8(0xF0 | value >> 18))
      bytes.append(UInt8(0x80 | (value >> 12) & 0x3F))
      bytes.append(UInt8(0x80 | (value >> 6) & 0x3F))
      bytes.append(UInt8(0x80 | value & 0x3F))
    }
  }
}
