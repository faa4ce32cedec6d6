import NetexportModel
import Testing

/// What `update` counts as a minor edit of the English: punctuation, spacing and letter case
/// only, never a word, a number or an argument.
@Suite struct SourceEditTests {
  static let sentence =
    "Make an appointment with your doctor if you have any persistent signs and symptoms that worry you."

  @Test(arguments: [
    // Minor: punctuation, spacing, letter case, quotation marks.
    (sentence, sentence.replacingOccurrences(of: "doctor if", with: "doctor, if"), true),
    (sentence, sentence.replacingOccurrences(of: "you.", with: "you"), true),
    (sentence, sentence.replacingOccurrences(of: "Make an", with: "Make  an"), true),
    (sentence, sentence.replacingOccurrences(of: "Make", with: "make"), true),
    ("Symptoms & causes", "Symptoms  &  Causes", true),
    ("Don't stop", "Don’t stop", true),
    ("the \"functional\" tumors", "the “functional” tumors (rare)", false),
    ("Cancers (NETs) can spread", "Cancers, NETs, can spread", true),
    ("non-functional tumors", "non functional tumors", true),
    (
      "{count, plural, one {# reply} other {# replies}}", "{count, plural, one {# Reply.} other {# Replies.}}",
      true
    ),
    // Not minor: a word removed or added, a number, a sign that carries meaning, an argument.
    (sentence, sentence.replacingOccurrences(of: "have any persistent", with: "have persistent"), false),
    (sentence, sentence.replacingOccurrences(of: "doctor", with: "doctor now"), false),
    ("Take 1.5 mg", "Take 15 mg", false),
    ("Take 5-10 mg", "Take 510 mg", false),
    ("Take 1,000 mg", "Take 1000 mg", false),
    ("About 10% of people", "About 10 of people", false),
    ("and/or", "and or", false),
    ("nonfunctional tumors", "non-functional tumors", false),
    ("Reviewed: {reviewed, date, ::yMMMMd}", "Reviewed: {reviewed, date, ::yMMMd}", false),
    ("Page {page} of {pages}", "Page {pages} of {page}", false),
    ("{count, plural, one {# reply} other {# replies}}", "{count, plural, one {one reply} other {# replies}}", false),
    (
      "{n, plural, one {# reply} other {# replies}}", "{n, plural, =0 {no reply} one {# reply} other {# replies}}",
      false
    ),
    ("Use {braces}", "Use '{braces}'", false),
    ("Broken {", "Broken {.", false),
  ])
  func minorEdits(old: String, new: String, minor: Bool) {
    #expect(SourceEdit.isMinor(from: old, to: new) == minor, "\(old) -> \(new)")
  }
}
