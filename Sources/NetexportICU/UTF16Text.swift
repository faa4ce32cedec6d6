/// Strings from the UTF-16 code units ICU works in.
///
/// Written by hand because the standard library's `String(decoding:as: UTF16.self)` takes a
/// generic path that decodes one scalar at a time through its parser protocols (about 700
/// instructions per short string under callgrind, 10 % of validating a catalog); this loop
/// writes the UTF-8 directly, with the same result: an unpaired surrogate becomes U+FFFD.
extension String {
  init<Units: Collection<UInt16>>(utf16Units units: Units) {
    let converted = units.withContiguousStorageIfAvailable { String(utf16Buffer: $0) }
    self = converted ?? Array(units).withUnsafeBufferPointer { String(utf16Buffer: $0) }
  }

  private init(utf16Buffer units: UnsafeBufferPointer<UInt16>) {
    // A UTF-16 unit takes at most 3 bytes of UTF-8 (a surrogate pair, 2 units, takes 4).
    self.init(unsafeUninitializedCapacity: units.count * 3) { bytes in
      var written = 0
      var index = 0
      while index < units.count {
        let unit = UInt32(units[index])
        index += 1
        var scalar = unit
        if unit < 0x80 {
          bytes[written] = UInt8(unit)
          written += 1
          continue
        }
        if (0xD800...0xDBFF).contains(unit), index < units.count, (0xDC00...0xDFFF).contains(units[index]) {
          scalar = 0x10000 + ((unit - 0xD800) << 10) + (UInt32(units[index]) - 0xDC00)
          index += 1
        } else if (0xD800...0xDFFF).contains(unit) {
          scalar = 0xFFFD
        }
        switch scalar {
        case ..<0x800:
          bytes[written] = UInt8(0xC0 | (scalar >> 6))
          bytes[written + 1] = UInt8(0x80 | (scalar & 0x3F))
          written += 2
        case ..<0x10000:
          bytes[written] = UInt8(0xE0 | (scalar >> 12))
          bytes[written + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
          bytes[written + 2] = UInt8(0x80 | (scalar & 0x3F))
          written += 3
        default:
          bytes[written] = UInt8(0xF0 | (scalar >> 18))
          bytes[written + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
          bytes[written + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
          bytes[written + 3] = UInt8(0x80 | (scalar & 0x3F))
          written += 4
        }
      }
      return written
    }
  }
}

/// A text's UTF-16 code units from its UTF-8, and questions about its ASCII bytes, for the
/// conversions and scans on every message.
///
/// Written by hand because `Array(text.utf16)` takes the standard library's generic path,
/// which decodes one scalar at a time through `String.UTF16View`'s iterator (about 30
/// instructions a unit under callgrind; 4 % of validating a catalog); a `String`'s UTF-8 is
/// always well formed, so this loop decodes it directly, with the same units.
extension Array where Element == UInt16 {
  init(utf16Of text: String) {
    var text = text
    self = text.withUTF8 { bytes in
      // No scalar takes more UTF-16 units than UTF-8 bytes.
      [UInt16](unsafeUninitializedCapacity: bytes.count) { units, count in
        count = UTF8Scan.decode(bytes, into: units.baseAddress!)
      }
    }
  }
}

enum UTF8Scan {
  /// Writes the UTF-16 of well-formed UTF-8 to `units` (room for `bytes.count` units) and
  /// returns how many it wrote.
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, into units: UnsafeMutablePointer<UInt16>) -> Int {
    let count = bytes.count
    var index = 0
    var written = 0
    while index < count {
      let lead = UInt32(bytes[index])
      if lead < 0x80 {
        units[written] = UInt16(truncatingIfNeeded: lead)
        written += 1
        index += 1
      } else if lead < 0xE0 {
        units[written] = UInt16(truncatingIfNeeded: (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F))
        written += 1
        index += 2
      } else if lead < 0xF0 {
        units[written] = UInt16(
          truncatingIfNeeded: (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
            | UInt32(bytes[index + 2] & 0x3F))
        written += 1
        index += 3
      } else {
        let scalar =
          (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
          | UInt32(bytes[index + 3] & 0x3F)
        units[written] = UInt16(truncatingIfNeeded: 0xD7C0 + (scalar >> 10))
        units[written + 1] = UInt16(truncatingIfNeeded: 0xDC00 | (scalar & 0x3FF))
        written += 2
        index += 4
      }
    }
    return written
  }

  /// Whether any byte of `text`'s UTF-8 is `a`, `b` or `c`, read eight bytes at a time.
  static func contains(_ a: UInt8, _ b: UInt8, _ c: UInt8, in text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      let count = bytes.count
      guard let base = bytes.baseAddress else { return false }
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      // Nonzero exactly when some byte of `word` is zero.
      func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
      var index = 0
      while index + 8 <= count {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        if hasZeroByte(word ^ (ones &* UInt64(a))) || hasZeroByte(word ^ (ones &* UInt64(b)))
          || hasZeroByte(word ^ (ones &* UInt64(c)))
        {
          return true
        }
        index += 8
      }
      while index < count {
        let byte = base[index]
        if byte == a || byte == b || byte == c { return true }
        index += 1
      }
      return false
    }
  }

  /// Whether every scalar of `text` is below U+0300: every byte of its UTF-8 is below 0xCC,
  /// the lead byte of U+0300 (continuation bytes are 0x80...0xBF).
  static func allScalarsBelow0300(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      let count = bytes.count
      guard let base = bytes.baseAddress else { return true }
      var index = 0
      while index + 8 <= count {
        // Eight ASCII bytes at once; otherwise byte by byte.
        if UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
          index += 8
          continue
        }
        for offset in index..<(index + 8) where base[offset] >= 0xCC { return false }
        index += 8
      }
      while index < count {
        if base[index] >= 0xCC { return false }
        index += 1
      }
      return true
    }
  }

  /// Whether the bytes of an ASCII word occur in `text`'s UTF-8.
  static func contains(word: StaticString, in text: String) -> Bool {
    let needle = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    guard let first = needle.first else { return true }
    var text = text
    return text.withUTF8 { bytes in
      guard needle.count <= bytes.count else { return false }
      var index = 0
      let last = bytes.count - needle.count
      outer: while index <= last {
        defer { index += 1 }
        guard bytes[index] == first else { continue }
        for offset in 1..<needle.count where bytes[index + offset] != needle[offset] { continue outer }
        return true
      }
      return false
    }
  }
}
