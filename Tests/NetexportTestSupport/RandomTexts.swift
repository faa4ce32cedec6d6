/// Texts made of random runs of `pieces` (markup, syntax characters, scripts, combining marks),
/// the same on every run, for tests that compare a fast reading of texts with a plain one.
///
/// - Parameters:
///   - count: How many texts.
///   - seed: The state of the linear congruential generator (Knuth's MMIX constants) that picks
///     the lengths and the pieces.
///   - lengthBits: Each text has up to 2^lengthBits - 1 pieces.
public func randomTexts(of pieces: [String], count: Int, seed: UInt64, lengthBits: Int) -> [String] {
  var state = seed
  func next() -> UInt64 {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return state
  }
  var texts: [String] = []
  texts.reserveCapacity(count)
  for _ in 0..<count {
    var text = ""
    for _ in 0..<Int(next() >> (64 - lengthBits)) { text += pieces[Int(next() >> 33) % pieces.count] }
    texts.append(text)
  }
  return texts
}
