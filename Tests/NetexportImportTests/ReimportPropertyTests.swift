import NetexportModel
import NetexportTestSupport
import Testing

@testable import NetexportImport

/// Seeded random Markdown handouts (`RandomHandout`), edited at random and re-imported round
/// after round, as an author would. Every text has an identity, so the test knows which block
/// each message is.
@Suite struct ReimportPropertyTests {
  typealias Unit = RandomHandout.Unit
  typealias Section = RandomHandout.Section
  typealias Author = RandomHandout.Author

  /// 20 handouts x 10 rounds of 1 to 3 random edits: 200 re-imports.
  @Test(arguments: 1...20)
  func keysFollowTheirBlocksThroughRandomEdits(seed: Int) throws {
    var author = Author(seed: UInt64(seed))
    var sections = (0..<Int.random(in: 2...4, using: &author.random)).map { _ in author.section() }
    func identities(_ sections: [Section]) -> [String: (id: Int, text: String)] {
      var byText: [String: (Int, String)] = [:]
      for section in sections {
        for unit in [section.heading] + section.blocks.flatMap(\.units) { byText[unit.text] = (unit.id, unit.text) }
      }
      return byText
    }
    var previous = try MarkdownImporter.parse(markdown: RandomHandout.markdown(sections), file: "random.md")
    var previousIdentity = identities(sections)
    var retired = Set<String>()
    for round in 1...10 {
      for _ in 0..<Int.random(in: 1...3, using: &author.random) { author.change(&sections) }
      let markdown = RandomHandout.markdown(sections)
      let (current, report) = try MarkdownImporter.reimport(
        markdown: markdown, file: "random.md", previous: PreviousImport(previous), reservedKeys: retired)
      let identity = identities(sections)
      let context = Comment(rawValue: "seed \(seed), round \(round):\n\(markdown)")

      // Keys are unique.
      let keys = current.messages.map(\.key)
      #expect(Set(keys).count == keys.count, context)
      // Every block (or heading) that is unchanged keeps its key.
      let oldKeyOfText = Dictionary(
        previous.messages.map { ($0.text, $0.key) }, uniquingKeysWith: { first, _ in first })
      for message in current.messages {
        guard let unit = identity[message.text] else { continue }  // title, byline, ...
        if let oldKey = oldKeyOfText[message.text], previousIdentity[message.text]?.id == unit.id {
          #expect(
            message.key == oldKey, "unchanged '\(message.text)' moved from \(oldKey) to \(message.key); \(context)")
        }
      }
      // No key is reused for different content: a key kept from the previous import holds the
      // same block (unchanged or edited), and a new key was never used before.
      let previousByKey = Dictionary(uniqueKeysWithValues: previous.messages.map { ($0.key, $0.text) })
      for message in current.messages {
        if let oldText = previousByKey[message.key] {
          if let before = previousIdentity[oldText], let now = identity[message.text] {
            #expect(before.id == now.id, "'\(message.key)' went from '\(oldText)' to '\(message.text)'; \(context)")
          }
        } else {
          #expect(!retired.contains(message.key), "'\(message.key)' was retired; \(context)")
        }
      }
      // The report accounts for every key.
      #expect(
        report.unchanged.count + report.edited.count + report.added.count == current.messages.count, context)
      #expect(Set(report.removed.map(\.key)) == Set(previousByKey.keys).subtracting(keys), context)
      #expect(try Document.parse(ContentWriter.yaml(current.document), file: "random.yaml") == current.document)

      retired.formUnion(report.removed.map(\.key))
      previous = current
      previousIdentity = identity
    }
  }
}
