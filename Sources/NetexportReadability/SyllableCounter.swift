/// Counts the syllables of one word in one language.
public protocol SyllableCounter: Sendable {
  /// The number of syllables of `word` (at least 1 for a word with a letter). `word` is one
  /// word as ICU's word break iterator returns it, in any case.
  func syllables(in word: String) -> Int
}
