internal import CNetexportICU

/// Strings from the UTF-16 code units ICU works in, converted by ICU (`u_strToUTF8WithSub`,
/// an unpaired surrogate becoming U+FFFD): the standard library's
/// `String(decoding:as: UTF16.self)` takes a generic path that decodes one scalar at a time
/// through its parser protocols (about 700 instructions per short string under callgrind, 10 %
/// of validating a catalog).
extension String {
  init<Units: Collection<UInt16>>(utf16Units units: Units) {
    let converted = units.withContiguousStorageIfAvailable { String(utf16Buffer: $0) }
    self = converted ?? Array(units).withUnsafeBufferPointer { String(utf16Buffer: $0) }
  }

  private init(utf16Buffer units: UnsafeBufferPointer<UInt16>) {
    guard let source = units.baseAddress, !units.isEmpty else {
      self = ""
      return
    }
    // ASCII (argument names, types and selectors, English texts) is copied unit for byte:
    // no call to ICU, and room for no more bytes than the text has, so that a short text
    // stays a small String (none of a heap allocation).
    if units.allSatisfy({ $0 < 0x80 }) {
      self.init(unsafeUninitializedCapacity: units.count) { bytes in
        for index in 0..<units.count { bytes[index] = UInt8(truncatingIfNeeded: source[index]) }
        return units.count
      }
      return
    }
    // A UTF-16 unit takes at most 3 bytes of UTF-8 (a surrogate pair, 2 units, takes 4).
    self.init(unsafeUninitializedCapacity: units.count * 3) { bytes in
      let written = bytes.withMemoryRebound(to: CChar.self) {
        netx_utf8_from_utf16(source, Int32(units.count), $0.baseAddress!, Int32($0.count))
      }
      precondition(written >= 0, "ICU could not convert UTF-16 to UTF-8")
      return Int(written)
    }
  }
}

/// A text's UTF-16 code units from its UTF-8, converted by ICU (`u_strFromUTF8`):
/// `Array(text.utf16)` takes the standard library's generic path, which decodes one scalar at a
/// time through `String.UTF16View`'s iterator (about 30 instructions a unit under callgrind;
/// 4 % of validating a catalog).
extension Array where Element == UInt16 {
  init(utf16Of text: String) {
    var text = text
    self = text.withUTF8 { bytes in
      // No scalar takes more UTF-16 units than UTF-8 bytes.
      [UInt16](unsafeUninitializedCapacity: bytes.count) { units, count in
        guard let source = bytes.baseAddress, let target = units.baseAddress else {
          count = 0
          return
        }
        // The ASCII at the start (all of most texts) is widened byte for unit; ICU converts
        // the rest, from the first byte that starts a longer scalar.
        var ascii = 0
        while ascii < bytes.count, source[ascii] < 0x80 {
          target[ascii] = UInt16(source[ascii])
          ascii += 1
        }
        guard ascii < bytes.count else {
          count = ascii
          return
        }
        let rest = bytes.count - ascii
        let written = (source + ascii).withMemoryRebound(to: CChar.self, capacity: rest) {
          netx_utf16_from_utf8($0, Int32(rest), target + ascii, Int32(rest))
        }
        // A String's UTF-8 is always well formed, so ICU cannot fail on it.
        precondition(written >= 0, "ICU could not convert well-formed UTF-8 to UTF-16")
        count = ascii + Int(written)
      }
    }
  }
}

/// Questions about a text's ASCII bytes, for the scans on every message.
enum UTF8Scan {
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
