// English formulas. All give a US school grade except Flesch Reading Ease (0-100, higher is
// easier). Constants as published; see docs/readability-formulas.md.

extension Formula {
  static let english: [Formula] = [
    fleschReadingEase, fleschKincaidGrade, smog, gunningFog, colemanLiau, automatedReadabilityIndex,
  ]

  /// 206.835 - 1.015 W/S - 84.6 Sy/W.
  static let fleschReadingEase = Formula(
    id: "flesch-reading-ease", name: "Flesch Reading Ease", scale: .ease,
    source: "Flesch R (1948). A new readability yardstick. Journal of Applied Psychology 32(3):221-233.",
    needsSyllables: true,
    value: { 206.835 - 1.015 * $0.wordsPerSentence - 84.6 * $0.syllablesPerWord },
    band: { Bands.flesch($0, labels: Bands.fleschEnglish) })

  /// 0.39 W/S + 11.8 Sy/W - 15.59.
  static let fleschKincaidGrade = Formula(
    id: "flesch-kincaid-grade", name: "Flesch-Kincaid Grade Level", scale: .grade,
    source:
      "Kincaid JP, Fishburne RP, Rogers RL, Chissom BS (1975). Derivation of new readability formulas "
      + "(Automated Readability Index, Fog Count and Flesch Reading Ease Formula) for Navy enlisted personnel. "
      + "Research Branch Report 8-75, Naval Technical Training Command.",
    needsSyllables: true,
    value: { 0.39 * $0.wordsPerSentence + 11.8 * $0.syllablesPerWord - 15.59 },
    band: Bands.usGrade)

  /// The number of sentences SMOG was normed on.
  static let smogSampleSentences = 30

  /// 1.0430 sqrt(polysyllables x 30/S) + 3.1291: the polysyllable count is scaled to a
  /// 30-sentence sample, as McLaughlin's instructions do for shorter texts.
  static let smog = Formula(
    id: "smog", name: "SMOG Grade", scale: .grade,
    source:
      "McLaughlin GH (1969). SMOG grading: a new readability formula. Journal of Reading 12(8):639-646.",
    needsSyllables: true,
    value: { 1.0430 * ($0.polysyllables * Double(smogSampleSentences) / $0.sentences).squareRoot() + 3.1291 },
    band: Bands.usGrade,
    note: { _, counts in
      guard counts.sentences < Double(smogSampleSentences) else { return nil }
      let sentences = Int(counts.sentences)
      return "Computed on \(sentences) sentence\(sentences == 1 ? "" : "s"), fewer than the 30 SMOG was normed on: "
        + "the polysyllables were scaled to 30 sentences, so the grade is less reliable."
    })

  /// 0.4 (W/S + 100 complex/W), complex words being words of three syllables or more.
  static let gunningFog = Formula(
    id: "gunning-fog", name: "Gunning Fog Index", scale: .grade,
    source: "Gunning R (1952). The Technique of Clear Writing. New York: McGraw-Hill.",
    needsSyllables: true,
    value: { 0.4 * ($0.wordsPerSentence + $0.percentOfWords($0.polysyllables)) },
    band: Bands.usGrade)

  /// 0.0588 L - 0.296 S - 15.8, L letters and S sentences per 100 words.
  static let colemanLiau = Formula(
    id: "coleman-liau", name: "Coleman-Liau Index", scale: .grade,
    source:
      "Coleman M, Liau TL (1975). A computer readability formula designed for machine scoring. "
      + "Journal of Applied Psychology 60(2):283-284.",
    needsSyllables: false,
    value: { 0.0588 * $0.percentOfWords($0.letters) - 0.296 * $0.percentOfWords($0.sentences) - 15.8 },
    band: Bands.usGrade)

  /// 4.71 L/W + 0.5 W/S - 21.43 (characters counted as letters).
  static let automatedReadabilityIndex = Formula(
    id: "ari", name: "Automated Readability Index", scale: .grade,
    source:
      "Senter RJ, Smith EA (1967). Automated Readability Index. AMRL-TR-66-220, Aerospace Medical Research "
      + "Laboratories, Wright-Patterson Air Force Base.",
    needsSyllables: false,
    value: { 4.71 * $0.lettersPerWord + 0.5 * $0.wordsPerSentence - 21.43 },
    band: Bands.usGrade)
}
