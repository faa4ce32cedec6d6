/// A short digest of a unit's key and texts, written beside a state that the format cannot say
/// on its own (PO has no `reviewed`; see `docs/cat-tools.md`).
///
/// It guards against accidents, not against intent: a state mark whose fingerprint no longer
/// matches (the translation or the English was edited after export) is ignored, so the unit
/// falls back to what the format itself says. FNV-1a (64 bits) written by hand because
/// Foundation on Linux has no digest API and a cryptographic one is not needed here; Swift's
/// `Hasher` is seeded per process, so its values cannot be written to a file.
enum Fingerprint {
  /// 16 lowercase hex digits over `key`, `source` and `target`, separated by NUL.
  static func of(key: String, source: String, target: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for (index, part) in [key, source, target].enumerated() {
      if index > 0 { hash = (hash ^ 0) &* 0x0000_0100_0000_01b3 }
      for byte in part.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
