import Foundation
import NetexportICU

/// Blocks of text to score, in order, each in a part (a section of a document, or the whole
/// text file). Plain values only (texts and places are in arrays beside), so that blocks are
/// copied without reference counting.
struct ScoringInput: Sendable {
  enum Text: Sendable {
    /// Byte ranges of `source` (indices into `pieces`), joined by single spaces: the lines of
    /// a paragraph of a text file.
    case pieces(Range<Int>)
    /// An index into `texts`.
    case own(Int)
  }

  /// Where a block comes from, for the hardest sentences.
  enum Origin: Sendable {
    /// A line of the text file (`file:line`).
    case line(Int)
    /// An index into `places`: the catalog key and `file:line` of a document's block.
    case place(Int)
  }

  struct Block: Sendable {
    var text: Text
    var part: Int
    var origin: Origin
  }

  /// The UTF-8 text that `pieces` are byte ranges of.
  var source = ""
  var pieces: [Range<Int>] = []
  var texts: [String] = []
  var places: [(key: String?, location: String?)] = []
  var blocks: [Block] = []
  var partCount: Int

  /// The UTF-8 size of a block's text (an upper bound of its UTF-16 length).
  func size(of block: Block) -> Int {
    switch block.text {
    case .pieces(let range): pieces[range].reduce(0) { $0 + $1.count + 1 }
    case .own(let index): texts[index].utf8.count
    }
  }
}

/// Scores blocks of text: the statistics of each part, and the hardest sentences.
///
/// The counts are those of `TextAnalyzer` (which scores each block on its own, with Strings),
/// obtained faster:
///
/// - Blocks are scored in chunks of about 128 KB, on every core; counts are sums and the
///   hardest sentences are ranked by difficulty then text order, so the chunks' results merge
///   exactly.
/// - A chunk's blocks are written as UTF-16, one after the other with a line feed between
///   them, and each ICU iterator runs over the chunk once. A line feed is a hard break for
///   both (ICU's sentence rules break after it and start the next sentence as at the start
///   of a text, `{bof}`; its word rules make it a segment of its own), so the boundaries inside
///   each block are those of the block alone; the engine still checks that each block starts
///   and ends on one, and otherwise scores it alone.
/// - Sentences are joined after abbreviations and trimmed with `Segmenter`'s rules, and words
///   counted with `TextAnalyzer`'s, on code units: exact for blocks of `SimpleText`, where
///   each Character is one scalar. Other blocks (combining marks, emoji, CR, ...) go through
///   `TextAnalyzer` itself.
/// - Syllables are looked up by code units (`SyllableCache`); a sentence's word lists are made
///   only when it is among the hardest so far (a bounded list per chunk).
enum ReadabilityEngine {
  struct Result {
    var parts: [TextStatistics]
    var hardest: [ReadabilityReport.HardSentence]
  }

  /// - Parameter chunkBytes: How much UTF-8 text a chunk gets (a block is never split).
  static func score(
    _ input: ScoringInput, locale: LanguageTag, file: String, hardest: Int, chunkBytes: Int = 128 * 1024
  ) throws -> Result {
    let chunks = chunks(of: input, bytes: chunkBytes)
    var results = [ChunkScorer.Result?](repeating: nil, count: chunks.count)
    let workers = min(ProcessInfo.processInfo.activeProcessorCount, chunks.count)
    let shared = Syllables.counter(forLanguage: locale.language).map(SharedSyllables.init)
    if workers <= 1 {
      var scorer = try ChunkScorer(locale: locale, file: file, hardest: hardest, shared: shared)
      for (index, chunk) in chunks.enumerated() {
        results[index] = try scorer.score(input, blocks: chunk, chunk: index)
      }
    } else {
      let queue = WorkQueue(count: chunks.count)
      DispatchQueue.concurrentPerform(iterations: workers) { _ in
        do {
          var scorer = try ChunkScorer(locale: locale, file: file, hardest: hardest, shared: shared)
          while let index = queue.next() {
            queue.store(try scorer.score(input, blocks: chunks[index], chunk: index), at: index)
          }
        } catch {
          queue.fail(error)
        }
      }
      results = try queue.results()
    }
    var parts = [TextStatistics](repeating: TextStatistics(hasSyllables: shared != nil), count: input.partCount)
    var candidates: [ChunkScorer.Candidate] = []
    for result in results.compactMap({ $0 }) {
      for (part, counts) in result.parts.enumerated() { parts[part] = parts[part] + counts }
      candidates += result.candidates
    }
    candidates.sort { ($0.difficulty, -$0.order) > ($1.difficulty, -$1.order) }
    return Result(parts: parts, hardest: candidates.prefix(hardest).map(\.sentence))
  }

  /// Consecutive blocks of about `chunkBytes` each.
  static func chunks(of input: ScoringInput, bytes chunkBytes: Int) -> [Range<Int>] {
    var chunks: [Range<Int>] = []
    var start = 0
    var size = 0
    for (index, block) in input.blocks.enumerated() {
      size += input.size(of: block) + 1
      if size >= chunkBytes {
        chunks.append(start..<index + 1)
        start = index + 1
        size = 0
      }
    }
    if start < input.blocks.count || chunks.isEmpty { chunks.append(start..<input.blocks.count) }
    return chunks
  }

  /// Syllable counts of the words the workers have counted, so that a word is counted once
  /// rather than once per worker (each worker first asks its own `SyllableCache`).
  final class SharedSyllables: @unchecked Sendable {
    let counter: any SyllableCounter
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    init(counter: any SyllableCounter) { self.counter = counter }

    func syllables(of word: String) -> Int {
      if let known = lock.withLock({ counts[word] }) { return known }
      let syllables = counter.syllables(in: word)
      lock.withLock {
        if counts.count < 200_000 { counts[word] = syllables }
      }
      return syllables
    }
  }

  /// The chunks still to score, and their results, shared by the workers.
  private final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private var stored: [ChunkScorer.Result?]
    private var error: (any Error)?

    init(count: Int) { stored = Array(repeating: nil, count: count) }

    func next() -> Int? {
      lock.withLock {
        guard error == nil, nextIndex < stored.count else { return nil }
        defer { nextIndex += 1 }
        return nextIndex
      }
    }

    func store(_ result: ChunkScorer.Result, at index: Int) { lock.withLock { stored[index] = result } }

    func fail(_ error: any Error) { lock.withLock { self.error = self.error ?? error } }

    func results() throws -> [ChunkScorer.Result?] {
      try lock.withLock {
        if let error { throw error }
        return stored
      }
    }
  }
}

/// Scores chunks of blocks for one worker: its ICU iterators, syllable cache and buffers.
/// (A struct, so that its buffers are not checked for exclusive access at run time, as a
/// class's properties are.)
struct ChunkScorer {
  struct Result {
    /// The counts of each part of the input in the chunk.
    var parts: [TextStatistics]
    /// The hardest sentences of the chunk, at most as many as asked for.
    var candidates: [Candidate]
    /// Where the easiest of them is, once looked for (nil after a change).
    var easiest: Int? = nil
  }

  struct Candidate {
    var difficulty: Double
    /// The chunk in the high bits, the sentence's place in the chunk in the low ones: text order.
    var order: Int
    var sentence: ReadabilityReport.HardSentence
  }

  /// A chunk's text as UTF-16 and its ICU boundaries (buffers the chunk's scoring keeps
  /// alive), with the cursors of the block being read.
  private struct Segmented {
    var units: UnsafeBufferPointer<UInt16>
    var sentences: UnsafeBufferPointer<Int32>
    var words: UnsafeBufferPointer<Int32>
    /// ICU's rule status of the word segment ending at each boundary: 100-199 numbers,
    /// 200-299 letters, 300-499 kana and ideographs; others are not words.
    var statuses: UnsafeBufferPointer<Int32>
    var sentenceCursor = 0
    var wordCursor = 0

    func isWord(_ segment: Int) -> Bool { (100..<500).contains(statuses[segment + 1]) }

    /// The code units of the word segment starting at boundary `segment`.
    func text(ofSegment segment: Int) -> UnsafeBufferPointer<UInt16> {
      UnsafeBufferPointer(rebasing: units[Int(words[segment])..<Int(words[segment + 1])])
    }
  }

  /// What a worker knows of words: TextAnalyzer.count's classes of the scalars met, and the
  /// syllables of the spellings met.
  private struct WordMeasure {
    /// The language's syllable counter behind the workers' shared table; nil for a language
    /// without one. (A class: passing it copies a reference, not the counter's existential.)
    let syllables: ReadabilityEngine.SharedSyllables?
    var cache = SyllableCache()
    /// Per BMP scalar: 0 not yet looked up; else 0x80 | 1 (a letter) | 2 (an ideograph or kana).
    var classes = [UInt8](repeating: 0, count: 0x10000)

    /// A word's letters (Unicode letters and marks), ideographs and kana, and syllables (0
    /// without a counter; 1 for a number, kana or ideographs), as TextAnalyzer.count has them.
    mutating func measure(
      _ word: UnsafeBufferPointer<UInt16>, status: Int32
    ) -> (letters: Int, ideographs: Int, syllables: Int) {
      var letters = 0
      var ideographs = 0
      for unit in word {
        if unit < 0x80 {
          if (unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7A { letters += 1 }
          continue
        }
        var kind = classes[Int(unit)]
        if kind == 0 { kind = learn(unit) }
        letters += Int(kind & 1)
        ideographs += Int(kind >> 1 & 1)
      }
      guard let shared = syllables else { return (letters, ideographs, 0) }
      guard (200..<300).contains(status) else { return (letters, ideographs, 1) }
      let hash = SyllableCache.hash(word)
      if let known = cache.lookup(word, hash: hash) { return (letters, ideographs, max(1, known)) }
      // Every counter lowercases a word first, so an ASCII word is asked for in lowercase:
      // "The" and "the" are counted once between the workers.
      let count = shared.syllables(of: SimpleText.lowercasedIfASCII(word))
      cache.insert(word, hash: hash, syllables: count)
      return (letters, ideographs, max(1, count))
    }

    /// Looks up a scalar's classes and keeps them. Out of line: the Unicode property types it
    /// uses are resilient, and would make every call of `measure` set up room for them.
    @inline(never)
    private mutating func learn(_ unit: UInt16) -> UInt8 {
      let kind = Self.classify(unit)
      classes[Int(unit)] = kind
      return kind
    }

    /// TextAnalyzer.count's classes of a non-ASCII scalar: a letter (alphabetic or a mark),
    /// and an ideograph or kana.
    @inline(never)
    private static func classify(_ unit: UInt16) -> UInt8 {
      guard let scalar = Unicode.Scalar(unit) else { return 0x80 }
      let properties = scalar.properties
      var kind: UInt8 = 0x80
      if properties.isAlphabetic || properties.generalCategory == .nonspacingMark
        || properties.generalCategory == .spacingMark
      {
        kind |= 1
      }
      if properties.isIdeographic || (0x3040...0x30FF).contains(scalar.value) { kind |= 2 }
      return kind
    }
  }

  let locale: LanguageTag
  let file: String
  let hardest: Int
  private let sentenceIterator: BreakIterator
  private let wordIterator: BreakIterator
  private let abbreviations: UTF16Abbreviations
  private var fallbackAnalyzer: TextAnalyzer?
  private var words: WordMeasure
  private var sentenceEnds: [Int] = []
  /// The input's places (catalog keys and locations), for the hardest sentences.
  private var places: [(key: String?, location: String?)] = []

  init(
    locale: LanguageTag, file: String, hardest: Int, shared: ReadabilityEngine.SharedSyllables?
  ) throws(ICUError) {
    self.locale = locale
    self.file = file
    self.hardest = hardest
    words = WordMeasure(syllables: shared)
    sentenceIterator = try BreakIterator(.sentence, locale: locale)
    wordIterator = try BreakIterator(.word, locale: locale)
    abbreviations = UTF16Abbreviations(AbbreviationList(language: locale.language))
  }

  mutating func score(_ input: ScoringInput, blocks: Range<Int>, chunk: Int) throws -> Result {
    var result = Result(
      parts: Array(repeating: TextStatistics(hasSyllables: words.syllables != nil), count: input.partCount),
      candidates: [])
    var order = chunk << 40
    places = input.places
    // The blocks of simple text, one after the other with a line feed after each.
    var spans: [Range<Int>?] = []
    spans.reserveCapacity(blocks.count)
    let capacity = input.blocks[blocks].reduce(1) { $0 + input.size(of: $1) + 1 }
    let buffer = [UInt16](unsafeUninitializedCapacity: capacity) { buffer, count in
      count = 0
      input.source.utf8.withContiguousStorageIfAvailable { source in
        input.pieces.withUnsafeBufferPointer { allPieces in
          input.blocks.withUnsafeBufferPointer { allBlocks in
            for block in allBlocks[blocks] {
              let start = count
              var simple = true
              switch block.text {
              case .pieces(let pieces):
                for index in pieces where simple {
                  if index > pieces.lowerBound {
                    buffer[count] = 0x20
                    count += 1
                  }
                  simple = Self.transcode(
                    UnsafeBufferPointer(rebasing: source[allPieces[index]]), into: buffer, at: &count)
                }
              case .own(let index):
                var text = input.texts[index]
                simple = text.withUTF8 { Self.transcode($0, into: buffer, at: &count) }
              }
              if simple {
                spans.append(start..<count)
                buffer[count] = 0x0A
                count += 1
              } else {
                spans.append(nil)
                count = start
              }
            }
          }
        }
      }!
    }
    var sentences: [Int32] = []
    var words: (offsets: [Int32], statuses: [Int32]) = ([], [])
    try buffer.withUnsafeBufferPointer { units in
      if !units.isEmpty {
        sentences = try sentenceIterator.boundaries(ofUTF16: units, ruleStatuses: false).offsets
        words = try wordIterator.boundaries(ofUTF16: units, ruleStatuses: true)
      }
    }
    try buffer.withUnsafeBufferPointer { units in
      try sentences.withUnsafeBufferPointer { sentences in
        try words.offsets.withUnsafeBufferPointer { offsets in
          try words.statuses.withUnsafeBufferPointer { statuses in
            var text = Segmented(units: units, sentences: sentences, words: offsets, statuses: statuses)
            for (block, span) in zip(input.blocks[blocks], spans) {
              if let span, scoreSimple(&text, span, block, &order, &result) { continue }
              try scoreAlone(block, input, &order, &result)
            }
          }
        }
      }
    }
    return result
  }

  /// Writes UTF-8 as UTF-16; false (with part of it written) when a scalar is not simple.
  private static func transcode(
    _ bytes: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt16>, at count: inout Int
  ) -> Bool {
    var index = 0
    let raw = UnsafeRawPointer(bytes.baseAddress)
    while index < bytes.count {
      // Eight ASCII bytes at a time when none is a line feed or carriage return.
      if let raw, index + 8 <= bytes.count {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        func hasByte(_ byte: UInt64) -> Bool {
          let masked = word ^ (ones &* byte)
          return (masked &- ones) & ~masked & high != 0
        }
        if word & high == 0 && !hasByte(0x0A) && !hasByte(0x0D) {
          for offset in 0..<8 { buffer[count + offset] = UInt16(truncatingIfNeeded: word >> (8 * offset)) & 0xFF }
          count += 8
          index += 8
          continue
        }
      }
      let lead = UInt32(bytes[index])
      var value: UInt32
      if lead < 0x80 {
        guard lead != 0x0A && lead != 0x0D else { return false }
        buffer[count] = UInt16(lead)
        count += 1
        index += 1
        continue
      } else if lead < 0xE0 {
        value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        index += 2
      } else if lead < 0xF0 {
        value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
        index += 3
      } else {
        return false  // beyond the BMP: never simple
      }
      guard SimpleText.isSimple(value) else { return false }
      buffer[count] = UInt16(value)
      count += 1
    }
    return true
  }

  /// Scores a block of simple text from the chunk's boundaries; false when the boundaries do
  /// not start and end at the block (then nothing is counted and the cursors move past it).
  private mutating func scoreSimple(
    _ text: inout Segmented, _ span: Range<Int>, _ block: ScoringInput.Block, _ order: inout Int,
    _ result: inout Result
  ) -> Bool {
    let start = span.lowerBound
    let end = span.upperBound
    // The indices of the boundaries from the block's start to the one after its line feed
    // (excluded), which is the next block's start.
    func advance(_ boundaries: UnsafeBufferPointer<Int32>, _ cursor: inout Int) -> Range<Int>? {
      let first = cursor
      var last = cursor
      while last + 1 < boundaries.count && Int(boundaries[last + 1]) <= end + 1 { last += 1 }
      cursor = last
      guard first < boundaries.count, Int(boundaries[first]) == start, Int(boundaries[last]) == end + 1 else {
        return nil
      }
      return first..<last
    }
    let sentenceRange = advance(text.sentences, &text.sentenceCursor)
    let wordRange = advance(text.words, &text.wordCursor)
    guard let sentenceRange, let wordRange else { return false }

    // Sentences: ICU's segments, joined after an abbreviation, trimmed (Segmenter.sentences).
    sentenceEnds.removeAll(keepingCapacity: true)
    for index in sentenceRange.lowerBound + 1...sentenceRange.upperBound {
      let boundary = min(Int(text.sentences[index]), end)
      if boundary > start && sentenceEnds.last != boundary { sentenceEnds.append(boundary) }
    }
    if sentenceEnds.last != end { sentenceEnds.append(end) }
    // Words go to the sentence they start in (TextAnalyzer.sentences); the line feed's
    // segment, last, is no word.
    var segment = wordRange.lowerBound
    var begin: Int?
    var segmentStart = start
    for (index, segmentEnd) in sentenceEnds.enumerated() {
      let from = begin ?? segmentStart
      segmentStart = segmentEnd
      if index < sentenceEnds.count - 1
        && abbreviations.endsWithAbbreviation(text.units, from..<segmentEnd, blockEnd: end)
      {
        begin = from
        continue
      }
      begin = nil
      let sentence = SimpleText.trimmed(text.units, from..<segmentEnd)
      guard !sentence.isEmpty else { continue }
      while segment < wordRange.upperBound && Int(text.words[segment]) < sentence.lowerBound { segment += 1 }
      let first = segment
      while segment < wordRange.upperBound && Int(text.words[segment]) < sentence.upperBound { segment += 1 }
      count(text, first..<segment, sentence: sentence, block: block, &order, &result)
    }
    return true
  }

  /// Counts one sentence's words (TextAnalyzer.count) and adds it to the part and, when it is
  /// among the hardest, to the candidates. A sentence without a word is left out.
  private mutating func count(
    _ text: Segmented, _ segments: Range<Int>, sentence: Range<Int>, block: ScoringInput.Block,
    _ order: inout Int, _ result: inout Result
  ) {
    var statistics = TextStatistics(sentences: 1, hasSyllables: words.syllables != nil)
    for segment in segments where text.isWord(segment) {
      let (letters, ideographs, syllables) = words.measure(
        text.text(ofSegment: segment), status: text.statuses[segment + 1])
      statistics.words += 1
      statistics.letters += letters
      statistics.ideographs += ideographs
      if letters > 6 { statistics.longWords += 1 }
      statistics.syllables += syllables
      if syllables >= 3 { statistics.polysyllables += 1 }
      if syllables == 1 { statistics.monosyllables += 1 }
    }
    guard statistics.words > 0 else { return }
    result.parts[block.part] = result.parts[block.part] + statistics
    let thisOrder = order
    order += 1
    let difficulty = Self.difficulty(statistics)
    guard admits(difficulty, &result) else { return }
    // Among the hardest so far: its text and word lists (TextAnalyzer.Sentence), measured again.
    var polysyllabic: [String] = []
    var long: [String] = []
    for segment in segments where text.isWord(segment) {
      let (letters, _, syllables) = words.measure(text.text(ofSegment: segment), status: text.statuses[segment + 1])
      if syllables >= 3 { polysyllabic.append(SimpleText.string(text.text(ofSegment: segment))) }
      if letters > 6 { long.append(SimpleText.string(text.text(ofSegment: segment))) }
    }
    let analysed = TextAnalyzer.Sentence(
      text: SimpleText.string(UnsafeBufferPointer(rebasing: text.units[sentence])), statistics: statistics,
      polysyllabicWords: polysyllabic, longWords: long)
    result.candidates.append(
      Candidate(difficulty: difficulty, order: thisOrder, sentence: hardSentence(analysed, block)))
  }

  /// Scores a block as `TextAnalyzer` does, alone (a block that is not simple text).
  private mutating func scoreAlone(
    _ block: ScoringInput.Block, _ input: ScoringInput, _ order: inout Int, _ result: inout Result
  ) throws {
    let text: String
    switch block.text {
    case .pieces(let pieces):
      let utf8 = input.source.utf8
      text = input.pieces[pieces].map { piece in
        String(
          input.source[
            utf8.index(
              utf8.startIndex, offsetBy: piece.lowerBound)..<utf8.index(
                utf8.startIndex, offsetBy: piece.upperBound)])
      }.joined(separator: " ")
    case .own(let index): text = input.texts[index]
    }
    if fallbackAnalyzer == nil { fallbackAnalyzer = try TextAnalyzer(locale: locale) }
    for sentence in try fallbackAnalyzer!.sentences(inBlock: text) {
      result.parts[block.part] = result.parts[block.part] + sentence.statistics
      let thisOrder = order
      order += 1
      let difficulty = Self.difficulty(sentence.statistics)
      guard admits(difficulty, &result) else { continue }
      result.candidates.append(
        Candidate(difficulty: difficulty, order: thisOrder, sentence: hardSentence(sentence, block)))
    }
  }

  /// The difficulty the hardest sentences are ranked by (see `Readability.hardSentence`).
  private static func difficulty(_ statistics: TextStatistics) -> Double {
    let usesCharacters = statistics.ideographs * 2 > statistics.letters
    let difficulty =
      usesCharacters
      ? Double(statistics.ideographs)
      : Double(statistics.words + 2 * statistics.longWords + 2 * statistics.polysyllables)
    return (difficulty * 10).rounded() / 10
  }

  /// Whether a sentence of this difficulty, coming after every candidate in text order, is
  /// among the chunk's hardest; makes room for it when it is. The list holds at most
  /// `hardest` (at most 100) sentences and changes seldom, so its easiest is found by a scan
  /// after each change.
  private func admits(_ difficulty: Double, _ result: inout Result) -> Bool {
    guard hardest > 0 else { return false }
    if result.candidates.count < hardest { return true }
    if result.easiest == nil {
      // The easiest candidate, the last in text order among equals.
      var easiest = 0
      for (index, candidate) in result.candidates.enumerated()
      where (candidate.difficulty, -candidate.order)
        < (result.candidates[easiest].difficulty, -result.candidates[easiest].order)
      {
        easiest = index
      }
      result.easiest = easiest
    }
    guard let easiest = result.easiest, difficulty > result.candidates[easiest].difficulty else { return false }
    result.candidates.remove(at: easiest)
    result.easiest = nil
    return true
  }

  private func hardSentence(
    _ sentence: TextAnalyzer.Sentence, _ block: ScoringInput.Block
  ) -> ReadabilityReport.HardSentence {
    let place: ReadabilityBlock
    switch block.origin {
    case .line(let line): place = ReadabilityBlock(text: "", location: "\(file):\(line)")
    case .place(let index):
      place = ReadabilityBlock(text: "", key: places[index].key, location: places[index].location)
    }
    return Readability.hardSentence(sentence, block: place, locale: locale)
  }

}

/// A language's abbreviations as UTF-16, for `Segmenter`'s check on simple text: each in NFC
/// (its Characters compare by canonical equivalence, and simple text has only composed
/// scalars); one with a Character that is not a simple scalar can match no simple text and
/// is left out.
struct UTF16Abbreviations {
  let whole: [[UInt16]]
  let ends: [[UInt16]]
  let splits: [(head: [UInt16], tail: [UInt16])]

  init(_ list: AbbreviationList) {
    func units(_ text: String) -> [UInt16]? {
      let composed = text.precomposedStringWithCanonicalMapping
      guard composed.count == composed.unicodeScalars.count,
        composed.unicodeScalars.allSatisfy({ $0.value <= 0xFFFF && SimpleText.isSimple($0.value) })
      else { return nil }
      return Array(composed.utf16)
    }
    whole = list.whole.compactMap(units)
    ends = list.ends.compactMap(units)
    splits = list.splits.compactMap { split in
      units(split.head).flatMap { head in units(split.tail).map { (head, $0) } }
    }
  }

  /// Segmenter.endsWithAbbreviation on code units: whether the text before a sentence break
  /// ends with an abbreviation as a whole word, or with the head of a multi-part one whose
  /// tail comes after the break.
  func endsWithAbbreviation(_ units: UnsafeBufferPointer<UInt16>, _ before: Range<Int>, blockEnd: Int) -> Bool {
    let trimmed = SimpleText.trimmed(units, before)
    guard !trimmed.isEmpty, units[trimmed.upperBound - 1] == 0x2E else { return false }
    var tokenStart = trimmed.upperBound
    while tokenStart > trimmed.lowerBound && !SimpleText.isWhitespace(units[tokenStart - 1]) { tokenStart -= 1 }
    let token = tokenStart..<trimmed.upperBound
    guard ends.contains(where: { Self.hasSuffix(units, token, $0) }) else { return false }
    for abbreviation in whole where Self.hasWholeWordSuffix(units, trimmed, abbreviation) { return true }
    var next = before.upperBound
    while next < blockEnd && SimpleText.isWhitespace(units[next]) { next += 1 }
    for (head, tail) in splits
    where Self.hasWholeWordSuffix(units, trimmed, head) && Self.hasPrefix(units, next..<blockEnd, tail) {
      return true
    }
    return false
  }

  private static func hasSuffix(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, _ suffix: [UInt16]) -> Bool {
    guard range.count >= suffix.count else { return false }
    let start = range.upperBound - suffix.count
    return suffix.indices.allSatisfy { units[start + $0] == suffix[$0] }
  }

  private static func hasPrefix(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, _ prefix: [UInt16]) -> Bool {
    guard range.count >= prefix.count else { return false }
    return prefix.indices.allSatisfy { units[range.lowerBound + $0] == prefix[$0] }
  }

  /// The text ends with `word`, and the character before it (if any) is not a letter, a
  /// digit or a full stop.
  private static func hasWholeWordSuffix(
    _ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, _ word: [UInt16]
  ) -> Bool {
    guard hasSuffix(units, range, word) else { return false }
    let start = range.upperBound - word.count
    guard start > range.lowerBound else { return true }
    let before = units[start - 1]
    return !(SimpleText.isLetterOrNumber(before) || before == 0x2E)
  }
}

extension SimpleText {
  /// The String of UTF-16 code units; ASCII (most words) is copied byte by byte, since the
  /// standard library's UTF-16 decoding takes its general path for any UTF-16.
  static func string(_ units: UnsafeBufferPointer<UInt16>) -> String {
    guard units.allSatisfy({ $0 < 0x80 }) else { return String(decoding: units, as: UTF16.self) }
    return String(unsafeUninitializedCapacity: units.count) { bytes in
      for (index, unit) in units.enumerated() { bytes[index] = UInt8(truncatingIfNeeded: unit) }
      return units.count
    }
  }

  /// The word's String, lowercased when it is ASCII (as `SyllableText.normalized` does first).
  static func lowercasedIfASCII(_ units: UnsafeBufferPointer<UInt16>) -> String {
    guard units.allSatisfy({ $0 < 0x80 }) else { return String(decoding: units, as: UTF16.self) }
    return String(unsafeUninitializedCapacity: units.count) { bytes in
      for (index, unit) in units.enumerated() {
        let byte = UInt8(truncatingIfNeeded: unit)
        bytes[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
      }
      return units.count
    }
  }

  /// The range without whitespace at either end (trimmingWhitespace on simple text).
  static func trimmed(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Range<Int> {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper && isWhitespace(units[lower]) { lower += 1 }
    while upper > lower && isWhitespace(units[upper - 1]) { upper -= 1 }
    return lower..<upper
  }
}
