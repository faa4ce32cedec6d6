import Foundation
import NetexportICU
import Testing

@testable import NetexportReadability

/// The readability pipeline against the one it replaced, on random texts full of what sets
/// them apart (abbreviations, list items, underlines, CR LF, combining marks, emoji, Hangul
/// jamo, canonical singletons, format characters), in chunks of every size down to one block.
@Suite struct ReadabilityEngineTests {
  /// The pipeline as it was at commit d5cb295: the plain-text reader on Characters, then
  /// `TextAnalyzer` on each block alone, and every sentence ranked.
  enum Reference {
    static func blocks(text: String, file: String) -> [ReadabilityBlock] {
      var blocks: [ReadabilityBlock] = []
      var current: [String] = []
      var currentLine = 0
      func flush() {
        let joined = current.joined(separator: " ").trimmingWhitespace()
        if !joined.isEmpty { blocks.append(ReadabilityBlock(text: String(joined), location: "\(file):\(currentLine)")) }
        current = []
      }
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      for (index, rawLine) in lines.enumerated() {
        let line = rawLine.trimmingWhitespace()
        let isUnderline = !line.isEmpty && line.allSatisfy { "=-~".contains($0) } && line.count >= 3
        if line.isEmpty || isUnderline {
          flush()
          continue
        }
        let startsItem =
          line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("• ")
          || (line.first?.isNumber == true && line.contains(". ") && line.prefix { $0.isNumber }.count < 4
            && line.dropFirst(line.prefix { $0.isNumber }.count).hasPrefix(". "))
        let nextIsUnderline =
          index + 1 < lines.count
          && {
            let next = lines[index + 1].trimmingWhitespace()
            return next.count >= 3 && next.allSatisfy { "=-~".contains($0) }
          }()
        if startsItem || nextIsUnderline { flush() }
        if current.isEmpty { currentLine = index + 1 }
        current.append(String(startsItem ? line.drop { $0 != " " }.trimmingWhitespace() : line))
        if nextIsUnderline { flush() }
      }
      flush()
      return blocks
    }

    static func score(
      _ blocks: [ReadabilityBlock], locale: LanguageTag, hardest: Int
    ) throws -> (TextStatistics, [ReadabilityReport.HardSentence]) {
      let analyzer = try TextAnalyzer(locale: locale)
      var statistics = TextStatistics(hasSyllables: analyzer.syllableCounter != nil)
      var candidates: [ReadabilityReport.HardSentence] = []
      for block in blocks {
        for sentence in try analyzer.sentences(inBlock: block.text) {
          statistics = statistics + sentence.statistics
          candidates.append(Readability.hardSentence(sentence, block: block, locale: locale))
        }
      }
      let hardestSentences = candidates.enumerated().sorted {
        ($0.element.difficulty, -$0.offset) > ($1.element.difficulty, -$1.offset)
      }.prefix(hardest).map(\.element)
      return (statistics, Array(hardestSentences))
    }
  }

  /// SplitMix64: the same texts on every run.
  struct Random {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((z ^ (z >> 31)) % UInt64(bound))
    }
    mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
  }

  static let words = [
    "the", "tumor", "grows", "slowly", "Dr.", "Mrs.", "St.", "e.g.", "i.e.", "etc.", "z.", "B.", "p.", "ej.", "EE.",
    "UU.",
    "Sig.ra", "n.º", "n°.", "J.-C.", "No.", "U.S.", "vs.", "2.5", "1,000", "3.14", "mg", "neuroendocrine",
    "pheochromocytoma", "caf\u{E9}", "cafe\u{301}", "na\u{EF}ve", "don't", "it\u{2019}s", "\u{201C}quoted\u{201D}",
    "\u{2014}", "\u{2026}", "(see", "this)", "\u{2126}", "\u{212A}elvin", "\u{1F600}", "\u{1F468}\u{200D}\u{1F469}",
    "\u{D55C}\u{AD6D}\u{C5B4}", "\u{1112}\u{1161}\u{11AB}", "\u{795E}\u{7ECF}\u{5185}", "\u{3072}\u{3089}\u{304C}",
    "\u{627}\u{644}\u{639}\u{631}\u{628}\u{64A}\u{629}", "\u{643}\u{64E}\u{62A}\u{64E}\u{628}\u{64E}", "Vi\u{1EC7}t",
    "Vie\u{323}\u{302}t", "\u{DC}bel", "stra\u{DF}e", "soft\u{AD}hyphen", "zero\u{200B}width", "Stra\u{DF}e",
    "\u{41D}\u{435}\u{439}\u{440}\u{43E}", "\u{3C4}\u{3BF}", "\u{37E}", "A\u{30A}", "\u{212B}", "hormone-producing",
    "covid-19", "o'clock", "NASA", "x", "I", "a", "Hello!", "Why?", "Yes...", "end.", "(Done.)", "\u{A0}", "\u{3000}",
  ]
  static let lineStarts = ["", "", "", "", "- ", "* ", "\u{2022} ", "1. ", "12. ", "1234. ", "  ", "\t", "-", "2."]
  static let endings = ["", ".", ". ", "!", "?", ":", ";", " ", "\u{301}", " \u{301}"]
  static let separators = [
    "\n", "\n", "\n", "\n\n", "\n\n\n", "\n\r\n", "\r\n\n", "\r\n", "\r\n\r\n", "\n===\n", "\n---\n", "\n~~~~\n",
    "\n--\n", "\r",
  ]

  static func text(_ random: inout Random) -> String {
    var text = ""
    for _ in 0..<random.next(40) {
      var line = random.pick(lineStarts)
      for index in 0..<random.next(14) {
        if index > 0 { line += random.next(8) == 0 ? random.pick([" ", "  ", "\t", "\u{A0}"]) : " " }
        line += random.pick(words)
      }
      text += line + random.pick(endings) + random.pick(separators)
    }
    return text
  }

  @Test(arguments: ["en", "de", "es", "fr", "pt-BR", "it", "zh-Hans", "ar", "vi", "ru", "ko"])
  func agreesWithTheReference(language: String) throws {
    let tag = try #require(LanguageTag(language))
    var random = Random(state: UInt64(language.utf8.reduce(5381) { $0 &* 33 &+ Int($1) }.magnitude))
    for round in 0..<40 {
      let text = Self.text(&random)
      let file = "random-\(round).txt"
      let (statistics, hardest) = try Reference.score(Reference.blocks(text: text, file: file), locale: tag, hardest: 7)
      // Read in parts of 1 byte (cut at every paragraph end), 64 bytes or whole; scored in chunks
      // of one block, about 200 bytes, or all at once.
      for (segmentBytes, chunkBytes) in [(1, 1), (64, 200), (1 << 20, 128 * 1024)] {
        let report = try Readability.score(
          PlainTextReader.input(text: text, file: file, segmentBytes: segmentBytes), titles: [("text", file)],
          locale: tag, source: file, file: file, targets: [], hardest: 7, notes: [], chunkBytes: chunkBytes)
        let how = "\(language) round \(round), parts of \(segmentBytes), chunks of \(chunkBytes)"
        #expect(report.whole.statistics == statistics, "\(how)")
        #expect(report.hardest == hardest, "\(how)")
      }
    }
  }

  /// The engine asks the counters for ASCII words in lowercase (so that "The" and "the" are
  /// counted once): every counter gives a word's lowercase form the same count.
  @Test(arguments: ["en", "es", "it", "pt", "fr", "de", "vi", "nl", "ru"])
  func countersIgnoreTheCaseOfASCIIWords(language: String) throws {
    let counter = try #require(Syllables.counter(forLanguage: language))
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/Golden")
    var words = Set(Self.words)
    for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.path) where name.hasSuffix(".txt") {
      let text = try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
      words.formUnion(text.split(whereSeparator: \.isWhitespace).map(String.init))
    }
    let ascii = words.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
    #expect(ascii.count > 500)
    for word in ascii.sorted() {
      for variant in [word, word.uppercased(), word.capitalized] {
        #expect(counter.syllables(in: variant) == counter.syllables(in: variant.lowercased()), "\(language) \(variant)")
      }
    }
  }

  /// Sections of a document are parts of their own, whatever chunk their blocks fall in.
  @Test func sumsEachPartApart() throws {
    let tag = try #require(LanguageTag("en"))
    var random = Random(state: 42)
    let parts = (0..<5).map { index in
      (
        id: "part-\(index)", title: "Part \(index)",
        blocks: (0..<8).map { _ in ReadabilityBlock(text: Self.text(&random), key: "key", location: "x.yaml:1") }
      )
    }
    let whole = try Readability.score(
      parts: parts, locale: tag, source: "doc", targets: [], hardest: 9, notes: [])
    for (index, part) in parts.enumerated() {
      let (statistics, _) = try Reference.score(part.blocks, locale: tag, hardest: 0)
      #expect(whole.sections[index].statistics == statistics)
    }
    let (statistics, hardest) = try Reference.score(parts.flatMap(\.blocks), locale: tag, hardest: 9)
    #expect(whole.whole.statistics == statistics)
    #expect(whole.hardest == hardest)
  }
}
