import NetexportReadability
import Testing

/// A formula applied to published (or, where none exists, hand-worked) counts.
struct WorkedExample: Sendable, CustomTestStringConvertible {
  var formula: String
  var statistics: TextStatistics
  var expected: Double
  /// How far the value may be from `expected`: 0.005 for values worked to two decimals, more
  /// for values a source printed rounded.
  var tolerance: Double
  var band: String?
  var source: String
  var language: String? = nil

  var testDescription: String { "\(formula) = \(expected) (\(source))" }
}

@Suite("Formula worked examples")
struct FormulaWorkedExampleTests {
  static let examples: [WorkedExample] = [
    // "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.":
    // 1 sentence, 13 words, 26 syllables, as counted in the READMEs of the `flesch` (1.0.0)
    // and `flesch-kincaid` npm packages, which print 24.44 and 13.08.
    WorkedExample(
      formula: "flesch-reading-ease", statistics: TextStatistics(sentences: 1, words: 13, syllables: 26),
      expected: 24.44, tolerance: 0.005, band: "very difficult", source: "flesch README, platypus sentence"),
    // "The cat sat on the mat": 1 sentence, 6 words, 6 syllables; the flesch README prints 116.145.
    WorkedExample(
      formula: "flesch-reading-ease", statistics: TextStatistics(sentences: 1, words: 6, syllables: 6),
      expected: 116.145, tolerance: 0.0005, band: "very easy", source: "flesch README, cat sentence"),
    // Sentences of two one-syllable words: about 120, the highest score the flesch README gives.
    WorkedExample(
      formula: "flesch-reading-ease", statistics: TextStatistics(sentences: 3, words: 6, syllables: 6),
      expected: 120.205, tolerance: 0.0005, band: "very easy", source: "flesch README, two-word sentences"),
    WorkedExample(
      formula: "flesch-kincaid-grade", statistics: TextStatistics(sentences: 1, words: 13, syllables: 26),
      expected: 13.08, tolerance: 0.005, band: "college", source: "flesch-kincaid README, platypus sentence"),
    // One-word sentences of one syllable: "the lowest grade level score in theory is -3.40"
    // (Wikipedia, Flesch-Kincaid readability tests).
    WorkedExample(
      formula: "flesch-kincaid-grade", statistics: TextStatistics(sentences: 4, words: 4, syllables: 4),
      expected: -3.40, tolerance: 0.005, band: "below 1st grade", source: "Wikipedia, lowest possible grade"),
    // McLaughlin's approximate rule on 64 polysyllables in 30 sentences gives 3 + sqrt(64) = 11
    // (Nirmaldasan, "Special SMOG Grading", 2010); the exact regression gives 1.0430 x 8 + 3.1291.
    WorkedExample(
      formula: "smog", statistics: TextStatistics(sentences: 30, words: 600, syllables: 900, polysyllables: 64),
      expected: 11.4731, tolerance: 0.00005, band: "11th grade", source: "64 polysyllables in 30 sentences"),
    // No published worked example with counts found; by hand: 0.4 x (100/5 + 100 x 10/100)
    // = 0.4 x (20 + 10) = 12.
    WorkedExample(
      formula: "gunning-fog", statistics: TextStatistics(sentences: 5, words: 100, syllables: 150, polysyllables: 10),
      expected: 12.0, tolerance: 1e-9, band: "12th grade", source: "by hand"),
    // The abstract of Coleman and Liau (1975): 5 sentences, 119 words, 639 letters, so L = 537,
    // S = 4.20 and CLI = 14.5 (Wikipedia, Coleman-Liau index).
    WorkedExample(
      formula: "coleman-liau", statistics: TextStatistics(sentences: 5, words: 119, letters: 639),
      expected: 14.5, tolerance: 0.05, band: "college", source: "Coleman and Liau's abstract, per Wikipedia"),
    // "Congratulations! Today is your day. You're off to Great Places! You're off and away!":
    // 65 letters, 4 sentences, 14 words, "Grade 3" (Harvard CS50, problem set "Readability").
    WorkedExample(
      formula: "coleman-liau", statistics: TextStatistics(sentences: 4, words: 14, letters: 65),
      expected: 3.04, tolerance: 0.005, band: "3rd grade", source: "CS50 Readability, Dr. Seuss"),
    // No published worked example with counts found; by hand: 4.71 x 470/100 + 0.5 x 100/10
    // - 21.43 = 22.137 + 5 - 21.43 = 5.707.
    WorkedExample(
      formula: "ari", statistics: TextStatistics(sentences: 10, words: 100, letters: 470),
      expected: 5.707, tolerance: 1e-9, band: "5th grade", source: "by hand"),
    // By hand, corrected form (Law 2011): 206.84 - 60 x 1.8 - 1.02 x 20 = 206.84 - 108 - 20.4.
    WorkedExample(
      formula: "fernandez-huerta", statistics: TextStatistics(sentences: 5, words: 100, syllables: 180),
      expected: 78.44, tolerance: 1e-9, band: "algo fácil", source: "by hand"),
    // By hand: 206.835 - 62.3 x 2 - 100/5 = 206.835 - 124.6 - 20.
    WorkedExample(
      formula: "szigriszt-pazos", statistics: TextStatistics(sentences: 5, words: 100, syllables: 200),
      expected: 62.235, tolerance: 1e-9, band: "normal", source: "by hand"),
    // By hand: 95.2 - 9.7 x 4.5 - 0.35 x 20 = 95.2 - 43.65 - 7. No published band.
    WorkedExample(
      formula: "gutierrez-polini", statistics: TextStatistics(sentences: 5, words: 100, letters: 450),
      expected: 44.55, tolerance: 1e-9, band: nil, source: "by hand"),
    // By hand: -0.205 x 10 + 0.049 x 180 - 3.407 = -2.05 + 8.82 - 3.407.
    WorkedExample(
      formula: "crawford", statistics: TextStatistics(sentences: 10, words: 100, syllables: 180),
      expected: 3.363, tolerance: 1e-9, band: "3rd grade", source: "by hand"),
    // By hand: 207 - 1.015 x 20 - 73.6 x 1.5 = 207 - 20.3 - 110.4.
    WorkedExample(
      formula: "kandel-moles", statistics: TextStatistics(sentences: 5, words: 100, syllables: 150),
      expected: 76.3, tolerance: 1e-9, band: "assez facile", source: "by hand"),
    // By hand: 180 - 10 - 58.5 x 1.7 = 180 - 10 - 99.45.
    WorkedExample(
      formula: "amstad", statistics: TextStatistics(sentences: 10, words: 100, syllables: 170),
      expected: 70.55, tolerance: 1e-9, band: "mittelleicht", source: "by hand"),
    // By hand: 0.1935 x 15 + 0.1672 x 20 + 0.1297 x 30 - 0.0327 x 50 - 0.875
    // = 2.9025 + 3.344 + 3.891 - 1.635 - 0.875.
    WorkedExample(
      formula: "wiener-sachtextformel",
      statistics: TextStatistics(
        sentences: 5, words: 100, syllables: 180, polysyllables: 15, monosyllables: 50, longWords: 30),
      expected: 7.6275, tolerance: 1e-9, band: "Schulstufe 7", source: "by hand"),
    // By hand: 89 + (300 x 5 - 10 x 500)/100 = 89 - 35.
    WorkedExample(
      formula: "gulpease", statistics: TextStatistics(sentences: 5, words: 100, letters: 500),
      expected: 54, tolerance: 1e-9, band: "difficile per chi ha la licenza media", source: "by hand"),
    // The platypus counts with Martins et al.'s constant: 24.44 + 42.
    WorkedExample(
      formula: "flesch-pt", statistics: TextStatistics(sentences: 1, words: 13, syllables: 26),
      expected: 66.44, tolerance: 0.005, band: "fácil", source: "platypus counts, Flesch + 42"),
    // Swedish Wikipedia (Läsbarhetsindex): 437 words in 21 sentences, 112 of them over six
    // letters: 437/21 + 100 x 112/437 = 20.81 + 25.63.
    WorkedExample(
      formula: "lix", statistics: TextStatistics(sentences: 21, words: 437, longWords: 112),
      expected: 46.44, tolerance: 0.005, band: "medium", source: "Swedish Wikipedia, Läsbarhetsindex"),
    // The same counts: 112/21 long words per sentence, grade 11 in Anderson's table (5.3 to 6.2).
    WorkedExample(
      formula: "rix", statistics: TextStatistics(sentences: 21, words: 437, longWords: 112),
      expected: 5.3333, tolerance: 0.00005, band: "11th grade", source: "Swedish Wikipedia counts"),
    // By hand: 300 characters in 10 sentences; 3.3 sentences per 100 characters.
    WorkedExample(
      formula: "average-sentence-length-characters",
      statistics: TextStatistics(sentences: 10, words: 180, letters: 300, ideographs: 300, hasSyllables: false),
      expected: 30, tolerance: 1e-9, band: "intermediate or difficult", source: "by hand", language: "zh"),
  ]

  @Test(arguments: examples)
  func workedExample(_ example: WorkedExample) throws {
    let score = try #require(Formulas.score(example.formula, example.statistics, language: example.language))
    #expect(abs(score.value - example.expected) <= example.tolerance, "got \(score.value)")
    #expect(score.band == example.band)
    #expect(score.id == example.formula)
    #expect(!score.source.isEmpty)
  }

  @Test("every formula has a worked example")
  func everyFormulaHasAnExample() {
    #expect(Set(Self.examples.map(\.formula)) == Set(Formulas.ids))
  }

  /// McLaughlin's SMOG conversion table (polysyllables in 30 sentences to grade, from his
  /// approximate rule, as reprinted in health-literacy guides), which he gives as accurate to
  /// within 1.5 grades: the exact formula stays within that at both ends of every row.
  @Test(arguments: [
    (0, 2, 4), (3, 6, 5), (7, 12, 6), (13, 20, 7), (21, 30, 8), (31, 42, 9), (43, 56, 10), (57, 72, 11),
    (73, 90, 12), (91, 110, 13), (111, 132, 14), (133, 156, 15), (157, 182, 16), (183, 210, 17), (211, 240, 18),
  ])
  func smogAgreesWithMcLaughlinsTable(_ low: Int, _ high: Int, _ grade: Int) throws {
    for count in [low, high] {
      let statistics = TextStatistics(sentences: 30, words: 600, syllables: 900, polysyllables: count)
      let score = try #require(Formulas.score("smog", statistics))
      #expect(abs(score.value - Double(grade)) <= 1.5, "\(count) polysyllables: \(score.value)")
    }
  }

  /// McLaughlin's instructions for texts under 30 sentences multiply the polysyllables by
  /// 30/sentences: 30 polysyllables in 22 sentences are read as 30 x 30/22 in 30.
  @Test func smogScalesShortTextsToThirtySentences() throws {
    let short = try #require(
      Formulas.score("smog", TextStatistics(sentences: 22, words: 300, syllables: 450, polysyllables: 30)))
    #expect(abs(short.value - (1.0430 * (30.0 * 30 / 22).squareRoot() + 3.1291)) < 1e-12)
    #expect(short.note?.contains("22 sentences") == true)
    let long = try #require(
      Formulas.score("smog", TextStatistics(sentences: 30, words: 400, syllables: 600, polysyllables: 41)))
    #expect(long.note == nil)
  }

  /// Law (2011): the usual printing, 206.84 - 0.60 P - 1.02 F with F sentences per 100 words,
  /// scores shorter sentences as harder. The corrected form uses words per sentence.
  @Test func fernandezHuertaUsesTheCorrectedSentenceTerm() throws {
    let statistics = TextStatistics(sentences: 5, words: 100, syllables: 180)
    let score = try #require(Formulas.score("fernandez-huerta", statistics))
    let corrected = 206.84 - 60 * 1.8 - 1.02 * 20
    let misprinted = 206.84 - 0.60 * 180 - 1.02 * 5
    #expect(abs(score.value - corrected) < 1e-9)
    #expect(abs(score.value - misprinted) > 10)
    // Law's sanity check: the same words cut into more sentences read easier.
    let shorterSentences = try #require(
      Formulas.score("fernandez-huerta", TextStatistics(sentences: 10, words: 100, syllables: 180)))
    #expect(shorterSentences.value > score.value)
  }

  /// Martins et al. (1996) add 42 to Flesch's constant and keep its weights.
  @Test(arguments: [(1, 13, 26), (5, 100, 180), (12, 250, 520)])
  func fleschPortugueseIsFleschPlus42(_ sentences: Int, _ words: Int, _ syllables: Int) throws {
    let statistics = TextStatistics(sentences: sentences, words: words, syllables: syllables)
    let portuguese = try #require(Formulas.score("flesch-pt", statistics))
    let english = try #require(Formulas.score("flesch-reading-ease", statistics))
    #expect(abs(portuguese.value - english.value - 42) < 1e-9)
  }

  /// Gulpease counts letters: the counts' `letters` (no spaces, digits or punctuation).
  @Test func gulpeaseUsesLettersNotCharacters() throws {
    let score = try #require(Formulas.score("gulpease", TextStatistics(sentences: 2, words: 20, letters: 100)))
    #expect(abs(score.value - (89 + (300 * 2 - 10 * 100) / 20.0)) < 1e-9)
  }
}
