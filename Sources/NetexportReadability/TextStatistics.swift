/// The counts every readability formula is computed from, for one stretch of text
/// (a sentence, a section, a whole document).
///
/// Words are what ICU's word break iterator marks as letters, numbers, kana or ideographs
/// (punctuation and spaces are not words); sentences come from `Segmenter`, with list items
/// and headings as sentences of their own.
public struct TextStatistics: Hashable, Sendable, Codable {
  public var sentences: Int
  public var words: Int
  /// Syllables of all words, by the language's `SyllableCounter`; 0 when the language has
  /// no syllable counter (Chinese, Japanese).
  public var syllables: Int
  /// Letters of all words (Unicode letters and marks; digits and punctuation not counted).
  public var letters: Int
  /// Words of three syllables or more (SMOG's polysyllables, Gunning Fog's complex words,
  /// the Wiener Sachtextformel's MS).
  public var polysyllables: Int
  /// Words of one syllable (the Wiener Sachtextformel's ES).
  public var monosyllables: Int
  /// Words of more than six letters (LIX, RIX, the Wiener Sachtextformel's IW).
  public var longWords: Int
  /// Characters of all words that are ideographs or kana (for Chinese and Japanese, where a
  /// character is the unit of length).
  public var ideographs: Int
  /// Whether syllables were counted (a counter exists for the language).
  public var hasSyllables: Bool

  public init(
    sentences: Int = 0, words: Int = 0, syllables: Int = 0, letters: Int = 0, polysyllables: Int = 0,
    monosyllables: Int = 0, longWords: Int = 0, ideographs: Int = 0, hasSyllables: Bool = true
  ) {
    self.sentences = sentences
    self.words = words
    self.syllables = syllables
    self.letters = letters
    self.polysyllables = polysyllables
    self.monosyllables = monosyllables
    self.longWords = longWords
    self.ideographs = ideographs
    self.hasSyllables = hasSyllables
  }

  /// The counts of two stretches together.
  public static func + (lhs: TextStatistics, rhs: TextStatistics) -> TextStatistics {
    TextStatistics(
      sentences: lhs.sentences + rhs.sentences, words: lhs.words + rhs.words, syllables: lhs.syllables + rhs.syllables,
      letters: lhs.letters + rhs.letters, polysyllables: lhs.polysyllables + rhs.polysyllables,
      monosyllables: lhs.monosyllables + rhs.monosyllables, longWords: lhs.longWords + rhs.longWords,
      ideographs: lhs.ideographs + rhs.ideographs, hasSyllables: lhs.hasSyllables && rhs.hasSyllables)
  }
}

/// One formula's result.
public struct FormulaScore: Hashable, Sendable, Codable {
  /// How to read the value.
  public enum Scale: String, Hashable, Sendable, Codable {
    /// A school grade (US grades for English formulas): lower is easier.
    case grade
    /// A 0-100 ease score (Flesch and its adaptations): higher is easier.
    case ease
    /// An index where lower is easier (LIX, RIX, sentence length).
    case index
  }

  /// The formula's stable id, e.g. `flesch-kincaid-grade`, `szigriszt-pazos`, `lix`.
  public var id: String
  /// Its name as people cite it, e.g. "Flesch-Kincaid Grade Level".
  public var name: String
  public var value: Double
  public var scale: Scale
  /// The interpretation band the value falls in, in the words of the formula's published
  /// scale (e.g. INFLESZ "bastante fácil", "8th grade").
  public var band: String?
  /// Where the formula and its constants come from.
  public var source: String
  /// A caveat about this result (e.g. SMOG computed on fewer than 30 sentences).
  public var note: String?

  public init(
    id: String, name: String, value: Double, scale: Scale, band: String? = nil, source: String, note: String? = nil
  ) {
    self.id = id
    self.name = name
    self.value = value
    self.scale = scale
    self.band = band
    self.source = source
    self.note = note
  }
}

/// The scores of a text in one language.
public struct LanguageAssessment: Hashable, Sendable, Codable {
  /// The language the formulas were chosen for (a BCP 47 language subtag, e.g. `es`).
  public var language: String
  public var scores: [FormulaScore]
  /// Whether a formula validated for this language is among the scores (false for
  /// Chinese, Arabic, Vietnamese, ...: then only language-independent measures are given).
  public var hasValidatedFormula: Bool
  /// What the reader of the report should know, e.g. "No readability formula has been
  /// validated for Vietnamese; only language-independent measures are shown."
  public var note: String?

  public init(language: String, scores: [FormulaScore], hasValidatedFormula: Bool, note: String? = nil) {
    self.language = language
    self.scores = scores
    self.hasValidatedFormula = hasValidatedFormula
    self.note = note
  }

  /// The score with this id, if the language has it.
  public func score(_ id: String) -> FormulaScore? { scores.first { $0.id == id } }
}
