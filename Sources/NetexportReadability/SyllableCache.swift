import Foundation

/// Syllable counts of the words seen so far, keyed by their UTF-16 code units, so that a word
/// already counted costs a hash and a comparison, not a String. Texts repeat their words (the
/// 1.2 million words of Python's documentation have about 40,000 spellings) and counting is
/// the costly part.
///
/// Written by hand because a Dictionary would need a String (or an Array) for every word
/// looked up; here the key is read straight from the text's buffer. Open addressing with
/// linear probing; the keys live one after the other in `units`.
struct SyllableCache {
  private struct Slot {
    var hash: UInt64 = 0
    var offset: Int = -1
    var length: Int = 0
    var syllables: Int = 0
  }

  private var slots = [Slot](repeating: Slot(), count: 1 << 12)
  private var units: [UInt16] = []
  private(set) var count = 0
  /// Past this many words, new ones are counted but not kept (memory stays bounded).
  let limit: Int

  init(limit: Int = 200_000) { self.limit = limit }

  /// The syllables of `word`, from the cache or from `compute` (whose result is kept).
  mutating func syllables(of word: UnsafeBufferPointer<UInt16>, compute: () -> Int) -> Int {
    let hash = Self.hash(word)
    if let found = lookup(word, hash: hash) { return found }
    let syllables = compute()
    insert(word, hash: hash, syllables: syllables)
    return syllables
  }

  static func hash(_ word: UnsafeBufferPointer<UInt16>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for unit in word { hash = (hash ^ UInt64(unit)) &* 0x0000_0100_0000_01B3 }
    return hash
  }

  func lookup(_ word: UnsafeBufferPointer<UInt16>, hash: UInt64) -> Int? {
    let mask = slots.count - 1
    var index = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
    return slots.withUnsafeBufferPointer { slots in
      units.withUnsafeBufferPointer { units in
        while slots[index].offset >= 0 {
          let slot = slots[index]
          if slot.hash == hash && slot.length == word.count
            && memcmp(units.baseAddress! + slot.offset, word.baseAddress!, word.count * 2) == 0
          {
            return slot.syllables
          }
          index = (index + 1) & mask
        }
        return nil
      }
    }
  }

  /// Keeps a word not yet in the cache (unless the cache is full).
  mutating func insert(_ word: UnsafeBufferPointer<UInt16>, hash: UInt64, syllables: Int) {
    guard count < limit else { return }
    let mask = slots.count - 1
    var index = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
    while slots[index].offset >= 0 { index = (index + 1) & mask }
    slots[index] = Slot(hash: hash, offset: units.count, length: word.count, syllables: syllables)
    units.append(contentsOf: word)
    count += 1
    if count * 2 > slots.count { grow() }
  }

  private mutating func grow() {
    let old = slots
    slots = [Slot](repeating: Slot(), count: old.count * 2)
    let mask = slots.count - 1
    for slot in old where slot.offset >= 0 {
      var index = Int(truncatingIfNeeded: slot.hash ^ (slot.hash >> 29)) & mask
      while slots[index].offset >= 0 { index = (index + 1) & mask }
      slots[index] = slot
    }
  }
}
