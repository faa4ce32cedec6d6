import NetexportReadability
import Testing

/// Which formulas each language gets, and what happens when a language has none or the counts
/// are missing.
@Suite("Formulas per language")
struct FormulaLanguageTests {
  static let englishIDs: Set<String> = [
    "flesch-reading-ease", "flesch-kincaid-grade", "smog", "gunning-fog", "coleman-liau", "ari",
  ]

  /// Counts that every formula can use: letters, syllables, long words and characters.
  static let full = TextStatistics(
    sentences: 12, words: 200, syllables: 340, letters: 1000, polysyllables: 24, monosyllables: 110,
    longWords: 50, ideographs: 0)

  /// A Chinese text: words from ICU's dictionary, characters, no syllables.
  static let chinese = TextStatistics(
    sentences: 8, words: 150, syllables: 0, letters: 260, longWords: 0, ideographs: 240, hasSyllables: false)

  @Test(arguments: [
    (
      "en",
      [
        "flesch-reading-ease", "flesch-kincaid-grade", "smog", "gunning-fog", "coleman-liau", "ari", "lix", "rix",
      ]
    ),
    ("es", ["fernandez-huerta", "szigriszt-pazos", "gutierrez-polini", "crawford", "lix", "rix"]),
    ("fr", ["kandel-moles", "lix", "rix"]),
    ("de", ["amstad", "wiener-sachtextformel", "lix", "rix"]),
    ("it", ["gulpease", "lix", "rix"]),
    ("pt", ["flesch-pt", "lix", "rix"]),
    ("sv", ["lix", "rix"]),
  ])
  func validatedLanguage(_ language: String, _ ids: [String]) {
    let assessment = Formulas.assess(Self.full, language: language)
    #expect(assessment.language == language)
    #expect(assessment.scores.map(\.id) == ids)
    #expect(Formulas.ids(forLanguage: language) == ids)
    #expect(assessment.hasValidatedFormula)
    #expect(assessment.note == nil)
    #expect(assessment.scores.allSatisfy { !$0.source.isEmpty })
  }

  @Test(arguments: ["es", "fr", "de", "it", "pt", "zh", "ar", "vi", "ja", "ko", "ru", "sv"])
  func noEnglishFormulaOutsideEnglish(_ language: String) {
    for statistics in [Self.full, Self.chinese] {
      let ids = Set(Formulas.assess(statistics, language: language).scores.map(\.id))
      #expect(ids.isDisjoint(with: Self.englishIDs), "\(language): \(ids)")
    }
  }

  @Test(arguments: ["zh", "ar", "vi", "ja", "ko", "ru", "zh-Hant", "yue", "xx"])
  func noValidatedFormula(_ language: String) throws {
    for statistics in [Self.full, Self.chinese] {
      let assessment = Formulas.assess(statistics, language: language)
      #expect(!assessment.hasValidatedFormula)
      let note = try #require(assessment.note)
      #expect(note.contains("No readability formula validated for"))
      #expect(note.contains("no English formula"))
    }
  }

  @Test func chineseGetsSentenceLengthInCharactersNotLixOrRix() throws {
    let assessment = Formulas.assess(Self.chinese, language: "zh-Hans")
    #expect(assessment.language == "zh")
    #expect(assessment.scores.map(\.id) == ["average-sentence-length-characters"])
    let score = try #require(assessment.score("average-sentence-length-characters"))
    #expect(score.value == 30)
    #expect(score.band == "intermediate or difficult")
    #expect(score.scale == .index)
    #expect(assessment.note?.contains("LIX and RIX are left out") == true)
    #expect(assessment.note?.contains("CLDC") == true)
    #expect(Formulas.assess(Self.chinese, language: "cmn").scores.first?.band == "intermediate or difficult")
  }

  @Test func japaneseGetsSentenceLengthWithoutTheChineseBands() throws {
    let assessment = Formulas.assess(Self.chinese, language: "ja")
    let score = try #require(assessment.score("average-sentence-length-characters"))
    #expect(score.value == 30)
    #expect(score.band == nil)
    #expect(assessment.scores.count == 1)
    #expect(assessment.note?.contains("kanji and kana") == true)
  }

  @Test(arguments: ["ar", "vi", "ko", "ru", "nl"])
  func wordLanguagesWithoutFormulasGetLixAndRix(_ language: String) {
    let assessment = Formulas.assess(Self.full, language: language)
    #expect(assessment.scores.map(\.id) == ["lix", "rix"])
    #expect(!assessment.hasValidatedFormula)
  }

  @Test func arabicAndVietnameseNotesSayWhy() {
    #expect(Formulas.assess(Self.full, language: "ar").note?.contains("OSMAN") == true)
    #expect(Formulas.assess(Self.full, language: "vi").note?.contains("space between syllables") == true)
  }

  @Test(arguments: [
    TextStatistics(),
    TextStatistics(sentences: 0, words: 12, syllables: 20, letters: 60),
    TextStatistics(sentences: 3, words: 0),
  ])
  func noWordsOrSentencesGiveNoScore(_ statistics: TextStatistics) {
    for language in ["en", "es", "zh", "ar"] {
      let assessment = Formulas.assess(statistics, language: language)
      #expect(assessment.scores.isEmpty)
      #expect(!assessment.hasValidatedFormula)
      #expect(assessment.note?.hasPrefix("No sentences or words were counted") == true)
    }
    for id in Formulas.ids {
      #expect(Formulas.score(id, statistics, language: "zh") == nil)
    }
  }

  @Test func syllableFormulasNeedSyllables() {
    var statistics = Self.full
    statistics.hasSyllables = false
    statistics.syllables = 0
    let english = Formulas.assess(statistics, language: "en")
    #expect(english.scores.map(\.id) == ["coleman-liau", "ari", "lix", "rix"])
    #expect(english.hasValidatedFormula)
    #expect(english.note?.contains("flesch-reading-ease, flesch-kincaid-grade, smog, gunning-fog are left out") == true)
    let spanish = Formulas.assess(statistics, language: "es")
    #expect(spanish.scores.map(\.id) == ["gutierrez-polini", "lix", "rix"])
  }

  @Test func chineseTextWithoutCharactersHasNoScore() {
    let assessment = Formulas.assess(Self.full, language: "zh")
    #expect(assessment.scores.isEmpty)
    #expect(assessment.note?.contains("No Han characters or kana were counted") == true)
  }

  @Test func idsAreUniqueAndKnown() {
    #expect(Set(Formulas.ids).count == Formulas.ids.count)
    #expect(Formulas.score("flesch", Self.full) == nil)
    for language in ["en", "es", "fr", "de", "it", "pt", "zh", "ja", "ar", "vi", "ko"] {
      #expect(Set(Formulas.ids(forLanguage: language)).isSubset(of: Formulas.ids))
    }
  }

  @Test(arguments: [("pt-BR", "pt"), ("ES", "es"), ("zh_Hant", "zh"), ("en-US", "en")])
  func languageTagsAreReducedToTheLanguage(_ tag: String, _ language: String) {
    #expect(Formulas.assess(Self.full, language: tag).language == language)
  }
}
