import NetexportICU
import Testing

/// `BreakIterator.boundaries(ofUTF16:ruleStatuses:)`, the iterator the readability pipeline runs
/// over UTF-16 buffers, finds what `segments(of:)` finds on the same text.
@Suite struct BreakIteratorUTF16Tests {
  @Test(arguments: [
    (BreakIterator.Kind.sentence, "en", "See Dr. Lee at 2.5 p.m. today. Then rest! Why?\nNext line"),
    (.word, "en", "Don't take 2.5 mg of it\u{2019}s drug, e.g. \u{1F468}\u{200D}\u{1F469} caf\u{E9} na\u{EF}ve."),
    (.word, "zh-Hans", "神经内分泌肿瘤是一种癌症。它们生长缓慢！"),
    (.sentence, "zh-Hans", "神经内分泌肿瘤是一种癌症。它们生长缓慢！你知道吗？"),
    (.word, "en", ""),
  ])
  func agreesWithSegments(kind: BreakIterator.Kind, locale: String, text: String) throws {
    let tag = try #require(LanguageTag(locale))
    let segments = try BreakIterator(kind, locale: tag).segments(of: text)
    let expectedOffsets = [0] + segments.map { text.utf16.distance(from: text.startIndex, to: $0.range.upperBound) }
    let expectedStatuses = [0] + segments.map { Int($0.ruleStatus) }
    let units = Array(text.utf16)
    let iterator = try BreakIterator(kind, locale: tag)
    for withStatuses in [true, false] {
      let found = try units.withUnsafeBufferPointer {
        try iterator.boundaries(ofUTF16: $0, ruleStatuses: withStatuses)
      }
      #expect(found.offsets.map(Int.init) == (text.isEmpty ? [0] : expectedOffsets))
      #expect(found.statuses.map(Int.init) == (withStatuses ? (text.isEmpty ? [0] : expectedStatuses) : []))
    }
  }
}
