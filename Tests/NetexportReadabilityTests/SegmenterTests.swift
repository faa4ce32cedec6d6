import NetexportICU
import NetexportReadability
import Testing

@Suite struct SegmenterTests {
  func sentences(_ text: String, _ locale: String) throws -> [String] {
    try Segmenter(locale: #require(LanguageTag(locale))).sentences(in: text).map(String.init)
  }

  /// Titles and Latin abbreviations before a capital letter, where ICU alone would break.
  @Test(arguments: [
    ("en", "See Dr. Smith today. Then rest.", ["See Dr. Smith today.", "Then rest."]),
    ("en", "Ask Mrs. Jones or St. Mary's staff. They help.", ["Ask Mrs. Jones or St. Mary's staff.", "They help."]),
    ("en", "Some signs, e.g. Flushing, come and go.", ["Some signs, e.g. Flushing, come and go."]),
    ("es", "El Sr. García llegó. Luego se fue.", ["El Sr. García llegó.", "Luego se fue."]),
    ("es", "Consulte a la Dra. Pérez. Ella le ayudará.", ["Consulte a la Dra. Pérez.", "Ella le ayudará."]),
    (
      "de", "Manche Tumoren, z. B. Karzinoide, wachsen langsam.", ["Manche Tumoren, z. B. Karzinoide, wachsen langsam."]
    ),
    ("pt", "O Dr. Silva atende hoje. Marque uma consulta.", ["O Dr. Silva atende hoje.", "Marque uma consulta."]),
  ])
  func keepsAbbreviationsInsideSentences(locale: String, text: String, expected: [String]) throws {
    #expect(try sentences(text, locale) == expected)
  }

  /// The errors of ICU's own suppression list (`@ss=standard`), which matches entries as word
  /// suffixes: netexport's whole-word lists must not merge these.
  @Test(arguments: [
    ("de", "Sie hat Fieber. Das Kind schläft.", ["Sie hat Fieber.", "Das Kind schläft."]),
    ("de", "Der Tumor wächst langsam. Er wird beobachtet.", ["Der Tumor wächst langsam.", "Er wird beobachtet."]),
    ("pt", "Ele foi ao hospital. Depois voltou.", ["Ele foi ao hospital.", "Depois voltou."]),
    ("es", "Llame si lo necesita usted. Estamos aquí.", ["Llame si lo necesita usted.", "Estamos aquí."]),
    ("en", "Vitamin D. Calcium too.", ["Vitamin D.", "Calcium too."]),
  ])
  func splitsAfterWordsThatOnlyEndLikeAbbreviations(locale: String, text: String, expected: [String]) throws {
    #expect(try sentences(text, locale) == expected)
  }

  @Test func icuAloneBreaksAfterTitles() throws {
    // Why the lists exist: ICU's plain rules end a sentence at "Dr." before a capital.
    let iterator = try BreakIterator(.sentence, locale: #require(LanguageTag("en")))
    #expect(try iterator.segments(of: "See Dr. Smith today.").count == 2)
  }

  @Test(arguments: [
    ("en", "Take 2.5 mg twice a day. Then stop.", 2),
    ("es", "Tome 2,5 mg dos veces al día. Luego pare.", 2),
    ("de", "Nehmen Sie 2,5 mg. Dann 1.000 mg.", 2),
    ("en", "The dose is 0.5 mg.", 1),
  ])
  func neverSplitsDecimals(locale: String, text: String, count: Int) throws {
    let found = try sentences(text, locale)
    #expect(found.count == count)
    #expect(!found.contains { $0.hasSuffix("2.") || $0.hasSuffix("2,") || $0.hasSuffix("0.") })
  }

  @Test func countsLettersAndNumbersAsWordsButNotPunctuation() throws {
    let segmenter = try Segmenter(locale: #require(LanguageTag("en")))
    let words = try segmenter.words(in: "Take 2.5 mg — don't wait!").map(\.text)
    #expect(words == ["Take", "2.5", "mg", "don't", "wait"])
  }

  @Test func breaksChineseIntoDictionaryWords() throws {
    let segmenter = try Segmenter(locale: #require(LanguageTag("zh-Hans")))
    let words = try segmenter.words(in: "神经内分泌肿瘤很少见。")
    #expect(words.count >= 3 && words.count < 10)
    #expect(words.allSatisfy { $0.kind == .ideographs })
    #expect(words.map(\.text).joined() == "神经内分泌肿瘤很少见")
  }
}

@Suite struct TextAnalyzerTests {
  @Test func headingsAndListItemsAreSentencesOfTheirOwn() throws {
    let analyzer = try TextAnalyzer(locale: #require(LanguageTag("en")))
    #expect(try analyzer.sentences(inBlock: "Symptoms").count == 1)
    #expect(try analyzer.sentences(inBlock: "Flushing of the face and neck").count == 1)
    #expect(try analyzer.sentences(inBlock: "  ").isEmpty)
  }

  @Test func countsWordsLettersAndLongWords() throws {
    let analyzer = try TextAnalyzer(locale: #require(LanguageTag("en")))
    let sentence = try analyzer.analyse("Neuroendocrine tumors are rare.")
    #expect(sentence.statistics.words == 4)
    #expect(sentence.statistics.letters == 27)
    #expect(sentence.longWords == ["Neuroendocrine"])
    #expect(sentence.statistics.longWords == 1)
  }

  @Test func countsChineseInCharacters() throws {
    let analyzer = try TextAnalyzer(locale: #require(LanguageTag("zh-Hans")))
    let sentence = try analyzer.analyse("神经内分泌肿瘤很少见。")
    #expect(sentence.statistics.ideographs == 10)
    #expect(!sentence.statistics.hasSyllables)
    #expect(sentence.statistics.syllables == 0)
  }
}
