/// The readability formulas netexport computes, chosen per language.
///
/// Every formula has a stable id used in every report (`flesch-kincaid-grade`,
/// `szigriszt-pazos`, `lix`, ...), its published constants, an interpretation band in the words
/// of its published scale, and its source. A language gets the formulas validated for it plus
/// the language-independent LIX and RIX; a language with no validated formula gets only what
/// can honestly be computed for it, and a note saying so. An English formula is never applied
/// to another language. The formulas, bands and decisions are listed in
/// `docs/readability-formulas.md`.
///
/// ```swift
/// let stats = TextStatistics(sentences: 5, words: 100, syllables: 180)
/// let assessment = Formulas.assess(stats, language: "es")
/// assessment.score("szigriszt-pazos")?.band  // "bastante fácil"
/// ```
public enum Formulas {
  /// Every formula id, in the order scores are reported.
  public static let ids: [String] = Formula.all.map(\.id)

  /// The scores of a text in one language.
  ///
  /// - Parameters:
  ///   - statistics: the counts of the text.
  ///   - language: a BCP 47 language subtag (`en`, `es`, `zh`); a longer tag (`pt-BR`,
  ///     `zh-Hans`) is reduced to its language subtag.
  /// - Returns: the scores that can be computed, in the order of ``ids``, with what the reader
  ///   should know in `note` (no validated formula, counts missing, no words).
  public static func assess(_ statistics: TextStatistics, language: String) -> LanguageAssessment {
    let language = primaryLanguage(of: language)
    let profile = LanguageProfile.for(language)
    var notes: [String] = []
    var scores: [FormulaScore] = []
    if statistics.sentences <= 0 || statistics.words <= 0 {
      notes.append("No sentences or words were counted, so no formula can be computed.")
    } else {
      var missingSyllables: [String] = []
      for id in profile.formulas {
        guard let formula = Formula.byID[id] else { continue }
        if formula.needsSyllables && !statistics.hasSyllables {
          missingSyllables.append(id)
          continue
        }
        if let score = score(id, statistics, language: language) { scores.append(score) }
      }
      if !missingSyllables.isEmpty {
        notes.append(
          "Syllables were not counted for this text, so \(missingSyllables.joined(separator: ", ")) "
            + "\(missingSyllables.count == 1 ? "is" : "are") left out.")
      }
      if profile.formulas.contains(Formula.characterSentenceLength.id) && statistics.ideographs <= 0 {
        notes.append("No Han characters or kana were counted, so the sentence length in characters is not shown.")
      }
    }
    if let note = profile.note { notes.append(note) }
    return LanguageAssessment(
      language: language, scores: scores,
      hasValidatedFormula: scores.contains { profile.validated.contains($0.id) },
      note: notes.isEmpty ? nil : notes.joined(separator: " "))
  }

  /// One formula's score for a text, whatever the text's language (for tests and for tools
  /// that name a formula); ``assess(_:language:)`` is what chooses formulas for a language.
  ///
  /// - Parameters:
  ///   - id: one of ``ids``.
  ///   - statistics: the counts of the text.
  ///   - language: the text's language subtag. Only bands published for one language depend on
  ///     it: `average-sentence-length-characters` is banded for Chinese (`zh`, `cmn`) only.
  /// - Returns: `nil` for an unknown id, a text without sentences or words, a formula that needs
  ///   syllables when none were counted, or a character measure on a text without Han
  ///   characters or kana.
  public static func score(_ id: String, _ statistics: TextStatistics, language: String? = nil) -> FormulaScore? {
    guard let formula = Formula.byID[id], let counts = Counts(statistics) else { return nil }
    if formula.needsSyllables && !statistics.hasSyllables { return nil }
    guard let value = formula.value(counts), value.isFinite else { return nil }
    var band = formula.band(value)
    if let bandLanguages = formula.bandLanguages,
      !bandLanguages.contains(language.map(primaryLanguage(of:)) ?? "")
    {
      band = nil
    }
    return FormulaScore(
      id: formula.id, name: formula.name, value: value, scale: formula.scale, band: band, source: formula.source,
      note: formula.note(value, counts))
  }

  /// The ids of the formulas ``assess(_:language:)`` computes for a language (when the counts
  /// allow), in report order.
  public static func ids(forLanguage language: String) -> [String] {
    LanguageProfile.for(primaryLanguage(of: language)).formulas
  }

  /// `pt-BR` → `pt`, `zh_Hans` → `zh`, `ES` → `es`.
  static func primaryLanguage(of tag: String) -> String {
    String(tag.prefix { $0 != "-" && $0 != "_" }).lowercased()
  }
}

/// One formula: its constants live in `value`, its published scale in `band`.
struct Formula: Sendable {
  var id: String
  var name: String
  var scale: FormulaScore.Scale
  var source: String
  /// Whether the formula counts syllables (and so needs a syllable counter for the language).
  var needsSyllables: Bool
  /// The formula itself; `nil` when the text lacks what it measures.
  var value: @Sendable (Counts) -> Double?
  /// The interpretation band of a value, in the words of the published scale.
  var band: @Sendable (Double) -> String?
  /// The languages the band was published for, when it was published for some only.
  var bandLanguages: Set<String>? = nil
  /// A caveat about one result.
  var note: @Sendable (Double, Counts) -> String? = { _, _ in nil }

  /// Every formula, in report order.
  static let all: [Formula] =
    english + spanish + [kandelMoles, amstad, wienerSachtextformel, gulpease, fleschPortuguese]
    + [lix, rix, characterSentenceLength]

  static let byID: [String: Formula] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
}

/// The counts of a text as numbers, for a text with at least one sentence and one word (so no
/// formula divides by zero).
struct Counts: Sendable {
  var sentences: Double
  var words: Double
  var syllables: Double
  var letters: Double
  var polysyllables: Double
  var monosyllables: Double
  var longWords: Double
  var ideographs: Double

  init?(_ statistics: TextStatistics) {
    guard statistics.sentences > 0, statistics.words > 0 else { return nil }
    sentences = Double(statistics.sentences)
    words = Double(statistics.words)
    syllables = Double(statistics.syllables)
    letters = Double(statistics.letters)
    polysyllables = Double(statistics.polysyllables)
    monosyllables = Double(statistics.monosyllables)
    longWords = Double(statistics.longWords)
    ideographs = Double(statistics.ideographs)
  }

  /// Average sentence length in words (Flesch's ASL).
  var wordsPerSentence: Double { words / sentences }
  /// Average word length in syllables (Flesch's ASW).
  var syllablesPerWord: Double { syllables / words }
  /// Average word length in letters.
  var lettersPerWord: Double { letters / words }
  /// `count` as a percentage of the words.
  func percentOfWords(_ count: Double) -> Double { 100 * count / words }
}
