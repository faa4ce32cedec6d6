// Measures that need no syllables: LIX and RIX for scripts that write words with letters, and
// sentence length in characters for Chinese and Japanese. See docs/readability-formulas.md.

extension Formula {
  /// W/S + 100 (words of more than six letters)/W.
  static let lix = Formula(
    id: "lix", name: "LIX (läsbarhetsindex)", scale: .index,
    source: "Björnsson CH (1968). Läsbarhet. Stockholm: Liber.",
    needsSyllables: false,
    value: { $0.wordsPerSentence + $0.percentOfWords($0.longWords) },
    band: Bands.lix)

  /// (Words of more than six letters)/S.
  static let rix = Formula(
    id: "rix", name: "RIX", scale: .index,
    source:
      "Anderson J (1983). Lix and Rix: variations on a little-known readability index. "
      + "Journal of Reading 26(6):490-496 (bands: its Rix-to-grade table).",
    needsSyllables: false,
    value: { $0.longWords / $0.sentences },
    band: Bands.rix)

  /// Han characters and kana per sentence.
  ///
  /// Banded for Chinese only, by the sentence-length criteria used in Chinese patient-material
  /// studies (Wang et al. 2020, Table 1): more than 10 sentences per 100 characters is simple
  /// material, 6-10 primary, fewer than 6 intermediate or difficult. The Chinese language
  /// difficulty coefficient there (CLDC = this length + difficult words per 100 characters;
  /// 20-30 intermediate, over 30 difficult) needs the HSK word lists; since CLDC is never below
  /// this length, a length over 30 already means difficult.
  static let characterSentenceLength = Formula(
    id: "average-sentence-length-characters", name: "Average sentence length (characters)", scale: .index,
    source:
      "Wang Q, Xie L, Wang L, Li X, Xu L, Chen P (2020). Readability in printed education materials for "
      + "Chinese patients with systemic lupus erythematosus: a mixed-method design. BMJ Open 10:e038091 "
      + "(Table 1: ANS and CLDC criteria).",
    needsSyllables: false,
    value: { $0.ideographs > 0 ? $0.ideographs / $0.sentences : nil },
    band: Bands.chineseSentenceLength,
    bandLanguages: ["zh", "cmn"])
}
