/// Tests on eight bytes of UTF-8 at once, for the scans that look at every byte of a catalog
/// (line breaks, control characters): a word with none of the bytes sought is passed over
/// with a few instructions, where a walk byte by byte took several per byte. Written by hand
/// because neither the standard library nor Foundation searches bytes for a set of values.
enum ByteScan {
  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highs: UInt64 = 0x8080_8080_8080_8080

  /// Calls `body` with each offset of `bytes` whose byte may be one `mayHold` looks for, and
  /// stops at the first for which `body` says true; `mayHold` is asked about whole words.
  /// Says whether `body` did.
  @inline(__always)
  static func contains(
    _ bytes: UnsafeBufferPointer<UInt8>, wordMayHold mayHold: (UInt64) -> Bool, where body: (Int) -> Bool
  ) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    let count = bytes.count
    var offset = 0
    while offset + 8 <= count {
      if mayHold(UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)) {
        for index in offset..<offset + 8 where body(index) { return true }
      }
      offset += 8
    }
    for index in offset..<count where body(index) { return true }
    return false
  }

  /// Whether some byte of `word` is `byte`. (A byte of `word ^ pattern` is zero where `word`
  /// has `byte`; the classic zero-byte test sets the high bit of a zero byte, and of others
  /// only above a true zero byte, so it never says yes wrongly.)
  @inline(__always)
  static func has(_ word: UInt64, _ byte: UInt8) -> Bool {
    let other = word ^ (ones &* UInt64(byte))
    return (other &- ones) & ~other & highs != 0
  }

  /// Whether some byte of `word` is below `limit` (at most 0x80).
  @inline(__always)
  static func hasBelow(_ word: UInt64, _ limit: UInt8) -> Bool {
    (word &- ones &* UInt64(limit)) & ~word & highs != 0
  }

  /// Whether some byte of `word` is 0x80 or above (not ASCII).
  @inline(__always)
  static func hasNonASCII(_ word: UInt64) -> Bool { word & highs != 0 }
}
