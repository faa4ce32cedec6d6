// French, German, Italian and Portuguese formulas. Constants as published; see
// docs/readability-formulas.md.

extension Formula {
  /// 207 - 1.015 W/S - 73.6 Sy/W (Flesch's formula refitted to French).
  static let kandelMoles = Formula(
    id: "kandel-moles", name: "Kandel-Moles Reading Ease", scale: .ease,
    source:
      "Kandel L, Moles A (1958). Application de l'indice de Flesch à la langue française. "
      + "Cahiers Études de Radio-Télévision 19:253-274; bands: Flesch's 1948 scale, which it keeps.",
    needsSyllables: true,
    value: { 207 - 1.015 * $0.wordsPerSentence - 73.6 * $0.syllablesPerWord },
    band: { Bands.flesch($0, labels: Bands.kandelMoles) })

  /// 180 - W/S - 58.5 Sy/W (Flesch's formula refitted to German).
  static let amstad = Formula(
    id: "amstad", name: "Amstad Reading Ease (Flesch for German)", scale: .ease,
    source: "Amstad T (1978). Wie verständlich sind unsere Zeitungen? Dissertation, Universität Zürich.",
    needsSyllables: true,
    value: { 180 - $0.wordsPerSentence - 58.5 * $0.syllablesPerWord },
    band: { Bands.flesch($0, labels: Bands.amstad) })

  /// First Wiener Sachtextformel: 0.1935 MS + 0.1672 SL + 0.1297 IW - 0.0327 ES - 0.875, with MS
  /// the % of words of three syllables or more, SL the words per sentence, IW the % of words of
  /// more than six letters and ES the % of one-syllable words.
  static let wienerSachtextformel = Formula(
    id: "wiener-sachtextformel", name: "Wiener Sachtextformel (1st)", scale: .grade,
    source: "Bamberger R, Vanecek E (1984). Lesen - Verstehen - Lernen - Schreiben. Wien: Jugend und Volk.",
    needsSyllables: true,
    value: {
      0.1935 * $0.percentOfWords($0.polysyllables) + 0.1672 * $0.wordsPerSentence
        + 0.1297 * $0.percentOfWords($0.longWords) - 0.0327 * $0.percentOfWords($0.monosyllables) - 0.875
    },
    band: Bands.schulstufe,
    note: { value, _ in
      value < 4 || value >= 16
        ? "Outside Schulstufe 4-15, the range of the published scale: an extrapolation." : nil
    })

  /// 89 + (300 S - 10 L) / W, counting letters (not characters with spaces or punctuation).
  static let gulpease = Formula(
    id: "gulpease", name: "Gulpease Index", scale: .ease,
    source:
      "Lucisano P, Piemontese ME (1988). GULPEASE: una formula per la predizione della difficoltà dei testi "
      + "in lingua italiana. Scuola e Città 39(3):110-124.",
    needsSyllables: false,
    value: { 89 + (300 * $0.sentences - 10 * $0.letters) / $0.words },
    band: Bands.gulpease)

  /// 248.835 - 1.015 W/S - 84.6 Sy/W: Flesch's formula with 42 added for Brazilian Portuguese.
  static let fleschPortuguese = Formula(
    id: "flesch-pt", name: "Flesch Reading Ease for Portuguese (Martins et al.)", scale: .ease,
    source:
      "Martins TBF, Ghiraldelo CM, Nunes MGV, Oliveira Jr ON (1996). Readability formulas applied to textbooks "
      + "in Brazilian Portuguese. Notas do ICMSC-USP, Série Computação 28.",
    needsSyllables: true,
    value: { 248.835 - 1.015 * $0.wordsPerSentence - 84.6 * $0.syllablesPerWord },
    band: Bands.fleschPortuguese)
}
