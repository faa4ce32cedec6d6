// Spanish formulas. Constants as published; see docs/readability-formulas.md.

extension Formula {
  static let spanish: [Formula] = [fernandezHuerta, szigrisztPazos, gutierrezPolini, crawford]

  /// 206.84 - 60 Sy/W - 1.02 W/S.
  ///
  /// Fernández Huerta's formula is usually printed as 206.84 - 0.60 P - 1.02 F with F the
  /// sentences per 100 words, which makes shorter sentences score as harder. Law (2011) showed
  /// that F must be the words per sentence, as in Flesch's formula it adapts; that corrected
  /// form is the one computed here.
  static let fernandezHuerta = Formula(
    id: "fernandez-huerta", name: "Fernández-Huerta Reading Ease (lecturabilidad)", scale: .ease,
    source:
      "Fernández Huerta J (1959). Medidas sencillas de lecturabilidad. Consigna 214:29-32; sentence term as "
      + "corrected by Law G (2011), Error in the Fernández Huerta readability formula, LINGUIST List 22.2332.",
    needsSyllables: true,
    value: { 206.84 - 60 * $0.syllablesPerWord - 1.02 * $0.wordsPerSentence },
    band: { Bands.flesch($0, labels: Bands.fernandezHuerta) })

  /// 206.835 - 62.3 Sy/W - W/S, read on the INFLESZ scale.
  static let szigrisztPazos = Formula(
    id: "szigriszt-pazos", name: "Szigriszt-Pazos Perspicuity (INFLESZ scale)", scale: .ease,
    source:
      "Szigriszt Pazos F (1993). Sistemas predictivos de legibilidad del mensaje escrito: fórmula de perspicuidad "
      + "(doctoral thesis, Universidad Complutense de Madrid); bands: INFLESZ, Barrio-Cantalejo IM et al. (2008), "
      + "Validación de la Escala INFLESZ, Anales del Sistema Sanitario de Navarra 31(2):135-152.",
    needsSyllables: true,
    value: { 206.835 - 62.3 * $0.syllablesPerWord - $0.wordsPerSentence },
    band: Bands.inflesz)

  /// 95.2 - 9.7 L/W - 0.35 W/S. No interpretation scale was published with it.
  static let gutierrezPolini = Formula(
    id: "gutierrez-polini", name: "Gutiérrez de Polini Comprehensibility", scale: .ease,
    source:
      "Gutiérrez de Polini LE (1972). Investigación sobre lectura en Venezuela. Primeras Jornadas de Educación "
      + "Primaria, Ministerio de Educación, Caracas.",
    needsSyllables: false,
    value: { 95.2 - 9.7 * $0.lettersPerWord - 0.35 * $0.wordsPerSentence },
    band: { _ in nil },
    note: { _, _ in
      "No interpretation scale was published with this formula (lower is harder); "
        + "it was built on school texts for sixth grade."
    })

  /// Years of schooling = -0.205 OP + 0.049 SP - 3.407, OP sentences and SP syllables per 100
  /// words.
  static let crawford = Formula(
    id: "crawford", name: "Crawford Grade Level (años de escolaridad)", scale: .grade,
    source:
      "Crawford AN (1984). A Spanish language Fry-type readability procedure: elementary level. "
      + "Bilingual Education Paper Series 7(8), California State University, Los Angeles.",
    needsSyllables: true,
    value: { -0.205 * $0.percentOfWords($0.sentences) + 0.049 * $0.percentOfWords($0.syllables) - 3.407 },
    band: Bands.crawford,
    note: { value, _ in
      value < 1 || value >= 7
        ? "Outside grades 1-6, the elementary range Crawford's formula was built for: an extrapolation." : nil
    })
}
