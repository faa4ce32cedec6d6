/// How alike two message texts are, as GNU gettext's msgmerge measures it for fuzzy matches.
///
/// msgmerge uses `fstrcmp`: the number of characters the two strings share in their longest
/// common subsequence, twice, over the sum of their lengths (1 for equal texts, 0 for texts
/// with nothing in common), and calls a pair a fuzzy match at 0.6 or more
/// (`FUZZY_THRESHOLD`). The same measure and threshold here, over Unicode scalars, with the
/// shortest edit script from the standard library's `difference(from:)` (Myers' algorithm):
/// the common subsequence is what the script keeps.
enum Similarity {
  /// msgmerge's `FUZZY_THRESHOLD`.
  static let threshold = 0.6

  static func ratio(_ first: String, _ second: String) -> Double {
    if first == second { return 1 }
    let old = Array(first.unicodeScalars)
    let new = Array(second.unicodeScalars)
    let total = old.count + new.count
    guard total > 0 else { return 1 }
    let edits = new.difference(from: old).count
    return Double(total - edits) / Double(total)
  }
}
