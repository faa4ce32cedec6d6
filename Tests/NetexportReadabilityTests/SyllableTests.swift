import NetexportReadability
import Testing

@Suite struct SyllableTests {
  func count(_ word: String, _ language: String) throws -> Int {
    try #require(Syllables.counter(forLanguage: language)).syllables(in: word)
  }

  /// Spanish by its orthographic rules: hiatus, diphthongs, triphthongs, accents, silent u.
  @Test(arguments: [
    ("córneo", 3), ("poeta", 3), ("país", 2), ("río", 2), ("pingüino", 3), ("hoy", 1), ("muy", 1),
    ("guerra", 2), ("guitarra", 3), ("que", 1), ("buey", 1), ("Uruguay", 3), ("construcción", 3),
    ("ciudad", 2), ("huir", 1), ("chiita", 3), ("leer", 2), ("aéreo", 4), ("oído", 3), ("reír", 2),
    ("Raúl", 2), ("prohibir", 2), ("búho", 2), ("alcohol", 3), ("cacahuete", 4), ("averigüéis", 4),
    ("neuroendocrino", 6), ("páncreas", 3), ("diarrea", 3), ("quimioterapia", 5), ("y", 1), ("guion", 1),
  ])
  func spanish(word: String, expected: Int) throws {
    #expect(try count(word, "es") == expected)
  }

  /// English: silent e, -es, -ed, syllabic -le, vowel teams, hiatus, prefixes, contractions.
  @Test(arguments: [
    ("the", 1), ("table", 2), ("tables", 2), ("hoped", 1), ("wanted", 2), ("created", 3), ("idea", 3),
    ("quiet", 2), ("science", 2), ("being", 2), ("flying", 2), ("every", 3), ("people", 2), ("poem", 2),
    ("react", 2), ("reality", 4), ("little", 2), ("rhythm", 2), ("prism", 2), ("boxes", 2), ("makes", 1),
    ("homework", 2), ("statement", 2), ("someone", 2), ("yes", 1), ("player", 2), ("guide", 1),
    ("league", 1), ("queue", 1), ("lovely", 2),
  ])
  func english(word: String, expected: Int) throws {
    #expect(try count(word, "en") == expected)
  }

  /// Medical terms of patient education (the figures of the issue, by dictionary respelling).
  @Test(arguments: [
    ("neuroendocrine", 5), ("octreotide", 4), ("everolimus", 5), ("pheochromocytoma", 7),
    ("paraganglioma", 6), ("carcinoid", 3), ("pancreatic", 4), ("metastasize", 4), ("diagnosis", 4),
    ("hormone", 2), ("appendix", 3), ("somatostatin", 5), ("chemotherapy", 5), ("gastrointestinal", 6),
    ("hypoglycemia", 6), ("adenocarcinoma", 7), ("radiotherapy", 6), ("chemoembolization", 7),
    ("lanreotide", 4), ("serotonin", 4), ("insulinoma", 5), ("diarrhea", 4), ("biopsy", 3),
  ])
  func englishMedical(word: String, expected: Int) throws {
    #expect(try count(word, "en") == expected)
  }

  /// Apostrophes: contractions and clitics in English, elision in French and Italian.
  @Test(arguments: [
    ("en", "don't", 1), ("en", "isn't", 2), ("en", "can't", 1), ("en", "shouldn't", 2), ("en", "it's", 1),
    ("en", "she'll", 1), ("en", "it'll", 2), ("en", "James's", 2), ("en", "o'clock", 2),
    ("en", "don\u{2019}t", 1), ("fr", "l'hôpital", 3), ("fr", "qu'il", 1), ("fr", "aujourd'hui", 3),
    ("fr", "l\u{2019}hôpital", 3), ("it", "l'ospedale", 4), ("it", "dell'anno", 3),
  ])
  func apostrophes(language: String, word: String, expected: Int) throws {
    #expect(try count(word, language) == expected)
  }

  /// Digits and hyphens separate the parts of a word; a word without letters has none.
  @Test(arguments: [
    ("en", "COVID-19", 2), ("en", "B12", 1), ("en", "hormone-producing", 5), ("en", "well-being", 3),
    ("en", "mg", 2), ("en", "hmm", 1), ("es", "COVID-19", 2), ("de", "5-HIAA", 2),
    ("en", "", 0), ("en", "42", 0), ("en", "—", 0), ("es", "", 0), ("fr", "2023", 0), ("vi", "", 0),
  ])
  func digitsHyphensAndNoLetters(language: String, word: String, expected: Int) throws {
    #expect(try count(word, language) == expected)
  }

  /// Letter case does not matter.
  @Test(arguments: [
    ("en", "Neuroendocrine"), ("en", "HORMONE"), ("en", "PaNcReAtIc"), ("es", "CÓRNEO"), ("es", "Pingüino"),
    ("fr", "HÔPITAL"), ("de", "FAMILIE"), ("it", "GIORNO"), ("pt", "CORAÇÃO"),
  ])
  func caseInsensitive(language: String, word: String) throws {
    #expect(try count(word, language) == count(word.lowercased(), language))
  }

  /// Every counter gives at least one syllable to a word with a letter.
  @Test(arguments: ["en", "es", "it", "pt", "fr", "de", "vi", "nl", "ru", "ko"])
  func atLeastOneForAnyWord(language: String) throws {
    for word in ["x", "brr", "st", "l'", "ß", "ñ", "y", "Й", "한"] {
      #expect(try count(word, language) >= 1, "\(language) \(word)")
    }
  }

  /// Italian: ci/gi/sci/gli before a vowel, stressed Greek endings, diphthongs and hiatus.
  @Test(arguments: [
    ("giorno", 2), ("ciao", 2), ("scienza", 2), ("figlio", 2), ("gli", 1), ("famiglia", 3), ("camicia", 3),
    ("biologia", 4), ("farmacia", 4), ("chirurgia", 4), ("questo", 2), ("guerra", 2), ("aiuola", 3), ("più", 1),
    ("paese", 3), ("aereo", 4), ("poeta", 3), ("uomo", 2),
  ])
  func italian(word: String, expected: Int) throws {
    #expect(try count(word, "it") == expected)
  }

  /// Portuguese: nasal diphthongs, final hiatus without a written accent, accents.
  @Test(arguments: [
    ("coração", 3), ("mães", 1), ("lições", 2), ("pão", 1), ("história", 3), ("água", 2), ("família", 3),
    ("dia", 2), ("rua", 2), ("tio", 2), ("saúde", 3), ("país", 2), ("poeta", 3), ("voo", 2), ("quando", 2),
    ("queijo", 2), ("ideia", 3), ("muito", 2),
  ])
  func portuguese(word: String, expected: Int) throws {
    #expect(try count(word, "pt") == expected)
  }

  /// French: silent final e/es/ent of verbs, pronounced -ment, é and diaeresis hiatus.
  @Test(arguments: [
    ("table", 1), ("tables", 1), ("parlent", 1), ("mangent", 1), ("moment", 2), ("rapidement", 4),
    ("évidemment", 4), ("souvent", 2), ("client", 2), ("patient", 2), ("naïf", 2), ("Noël", 2),
    ("réalité", 4), ("créer", 2), ("payer", 2), ("nation", 2), ("années", 2), ("le", 1), ("eau", 1),
    ("traitement", 3),
  ])
  func french(word: String, expected: Int) throws {
    #expect(try count(word, "fr") == expected)
  }

  /// German: diphthongs and long-vowel digraphs are one syllable, other vowel pairs two.
  @Test(arguments: [
    ("Familie", 4), ("Familien", 4), ("Therapie", 3), ("Therapien", 4), ("Museum", 3), ("Patient", 3),
    ("dient", 1), ("speziell", 3), ("Theater", 3), ("Nation", 3), ("neuroendokrin", 5), ("Ideen", 3),
    ("Wien", 1), ("Frauen", 2), ("Feuer", 2), ("Quelle", 2), ("Häuser", 2), ("Bauchspeicheldrüse", 5),
  ])
  func german(word: String, expected: Int) throws {
    #expect(try count(word, "de") == expected)
  }

  /// Vietnamese: one syllable per written syllable.
  @Test(arguments: [("ung", 1), ("thư", 1), ("bệnh viện", 2), ("nội tiết", 2), ("Việt-Nam", 2)])
  func vietnamese(word: String, expected: Int) throws {
    #expect(try count(word, "vi") == expected)
  }

  /// Languages whose readability measures count characters, or whose script hides vowels.
  @Test(arguments: ["zh", "ja", "ar", "fa", "he", "zh-Hans", "ar-EG"])
  func noCounter(language: String) {
    #expect(Syllables.counter(forLanguage: language) == nil)
  }

  /// A region or script subtag, or capital letters, select the language's counter.
  @Test(arguments: [("en-US", "table", 2), ("pt-BR", "coração", 3), ("ES", "córneo", 3)])
  func languageTags(language: String, word: String, expected: Int) throws {
    #expect(try count(word, language) == expected)
  }
}
