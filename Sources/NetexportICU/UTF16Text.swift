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
