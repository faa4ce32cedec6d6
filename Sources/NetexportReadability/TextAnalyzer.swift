public import NetexportICU

/// Counts words, syllables and letters of sentences in one language.
///
/// `Readability` scores through `ReadabilityEngine`, which applies these same counts to many
/// blocks at once on UTF-16, and calls this class for blocks whose Characters are not all
/// single scalars; its definitions are the reference.
///
/// Not thread safe (it keeps a `Segmenter`): use one per task.
public final class TextAnalyzer {
  public let locale: LanguageTag
  public let segmenter: Segmenter
  /// `nil` for languages measured in characters (Chinese, Japanese).
  public let syllableCounter: (any SyllableCounter)?

  /// One sentence with its counts and the words that make it hard.
  public struct Sentence: Hashable, Sendable {
    public var text: String
    public var statistics: TextStatistics
    /// Words of three syllables or more, in order (empty without a syllable counter).
    public var polysyllabicWords: [String]
    /// Words of more than six letters, in order.
    public var longWords: [String]
  }

  /// Syllable counts of the words seen so far: texts repeat their words (a handout of a few
  /// thousand words has a few hundred distinct ones), and counting is the costly part.
  private var syllableCache: [String: Int] = [:]

  public init(locale: LanguageTag) throws(ICUError) {
    self.locale = locale
    segmenter = try Segmenter(locale: locale)
    syllableCounter = Syllables.counter(forLanguage: locale.language)
  }

  private func syllables(in word: String, counter: any SyllableCounter) -> Int {
    if let cached = syllableCache[word] { return cached }
    let count = counter.syllables(in: word)
    if syllableCache.count < 200_000 { syllableCache[word] = count }
    return count
  }

  /// The sentences of one block of text (a paragraph, a heading, a list item). A block always
  /// gives at least one sentence when it has a word, so headings and list items without a
  /// full stop count as sentences of their own.
  public func sentences(inBlock text: String) throws(ICUError) -> [Sentence] {
    // One pass of each iterator over the whole block; words are then handed to the sentence
    // they start in (both come in text order).
    let ranges = try segmenter.sentences(in: text)
    let words = try segmenter.words(in: text)
    var sentences: [Sentence] = []
    var wordIndex = 0
    for range in ranges {
      while wordIndex < words.count && words[wordIndex].text.startIndex < range.startIndex { wordIndex += 1 }
      let first = wordIndex
      while wordIndex < words.count && words[wordIndex].text.startIndex < range.endIndex { wordIndex += 1 }
      let analysed = count(words[first..<wordIndex], sentence: String(range))
      if analysed.statistics.words > 0 { sentences.append(analysed) }
    }
    return sentences
  }

  /// Counts one sentence.
  public func analyse(_ sentence: String) throws(ICUError) -> Sentence {
    count(try segmenter.words(in: sentence)[...], sentence: sentence)
  }

  private func count(_ words: ArraySlice<Segmenter.Word>, sentence: String) -> Sentence {
    var statistics = TextStatistics(sentences: 1, hasSyllables: syllableCounter != nil)
    var polysyllabic: [String] = []
    var long: [String] = []
    for word in words {
      statistics.words += 1
      var letters = 0
      var ideographs = 0
      for scalar in word.text.unicodeScalars {
        if scalar.isASCII {
          // ASCII fast path: letters are A-Z and a-z; nothing else counts.
          let value = scalar.value
          if (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) { letters += 1 }
          continue
        }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.generalCategory == .nonspacingMark
          || properties.generalCategory == .spacingMark
        {
          letters += 1
        }
        if properties.isIdeographic || (0x3040...0x30FF).contains(scalar.value) { ideographs += 1 }
      }
      statistics.letters += letters
      statistics.ideographs += ideographs
      if letters > 6 {
        statistics.longWords += 1
        long.append(String(word.text))
      }
      guard let syllableCounter else { continue }
      // A number is read as one unit; its syllables depend on how it is spoken, so it counts
      // as one, as in the formulas' original hand counts of "words".
      let syllables = word.kind == .letters ? max(1, syllables(in: String(word.text), counter: syllableCounter)) : 1
      statistics.syllables += syllables
      if syllables >= 3 {
        statistics.polysyllables += 1
        polysyllabic.append(String(word.text))
      }
      if syllables == 1 { statistics.monosyllables += 1 }
    }
    return Sentence(text: sentence, statistics: statistics, polysyllabicWords: polysyllabic, longWords: long)
  }
}
