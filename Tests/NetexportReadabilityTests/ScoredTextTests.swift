import NetexportICU
import NetexportModel
import NetexportReadability
import NetexportResolution
import NetexportTestSupport
import Testing

/// What a document's score is made of: the prose a patient reads, not its labels and data.
@Suite struct ScoredTextTests {
  /// A list item's second line (a discussion's reply count and date) is data: a date written
  /// out in full for the reader must not make the handout score as harder.
  @Test func leavesTheSecondLinesOfListItemsOut() throws {
    let resolved = try Repository.resolved("en")
    let details = resolved.sections.flatMap(\.blocks).flatMap { block -> [String] in
      guard case .list(let list) = block else { return [] }
      return list.items.compactMap(\.detail?.text)
    }
    #expect(details.count == 3 && details.allSatisfy { $0.contains("2025") }, "\(details)")
    var withoutDetails = resolved
    for (sectionIndex, section) in resolved.sections.enumerated() {
      for (blockIndex, block) in section.blocks.enumerated() {
        guard case .list(var list) = block else { continue }
        for index in list.items.indices { list.items[index].detail = nil }
        withoutDetails.sections[sectionIndex].blocks[blockIndex] = .list(list)
      }
    }
    let scored = try Readability.score(resolved, targets: [])
    #expect(scored == (try Readability.score(withoutDetails, targets: [])))
    #expect(scored.notes.contains { $0.contains("second lines of list items") })
  }

  /// A translation that misses its target is compared with its source on each language's own
  /// reading-ease formula, as it is: the Portuguese Flesch's 42 points are its adaptation to
  /// longer words, not a shift to take away.
  @Test func comparesThePortugueseFleschAsItIs() throws {
    let target = [ReadabilityTarget(formula: "flesch-pt", min: 90)]
    var portuguese = try Readability.score(Repository.resolved("pt-BR"), targets: target)
    let english = try Readability.score(
      Repository.resolved("en"), targets: [ReadabilityTarget(formula: "flesch-kincaid-grade", max: 1)],
      isSourceLocale: true)
    let ours = try #require(portuguese.whole.assessment.score("flesch-pt")?.value)
    let theirs = try #require(english.whole.assessment.score("flesch-reading-ease")?.value)
    portuguese.compare(withSource: english)
    #expect(portuguese.followsTheSource == (ours >= theirs))
    #expect(portuguese.notes.last?.contains("flesch-pt \(String(format: "%.1f", ours)) against") == true)
  }
}
