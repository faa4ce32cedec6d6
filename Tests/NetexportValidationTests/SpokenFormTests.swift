import NetexportICU
import NetexportModel
import Testing

@testable import NetexportValidation

/// What a glossary may give speech engines to say (`spoken-form`).
@Suite struct SpokenFormTests {
  /// The narrators' respellings the SSML export used to give engines as `sub alias` (issue
  /// 15): every one of them is refused as a spoken form, each for what an engine would get
  /// wrong.
  @Test(arguments: [
    ("zh", "按英文字母逐个读：D-N-A", "instruction '读'"),
    ("zh", "按英文字母读M-E-N，再读“一”（yī）", "instruction '读'"),
    ("fr", "té-ène-eu (trois lettres)", "instruction 'lettres'"),
    ("fr", "cé-cé-èsse (trois lettres)", "instruction 'lettres'"),
    ("pt", "ene, é, eme, DOIS", "'DOIS' in capitals"),
    ("pt", "cê, á, CÊ", "'CÊ' in capitals"),
    ("es", "DÍP-nek", "'DÍP' in capitals"),
    ("en", "A C C", "spells letters as capitals with spaces"),
    ("en", "M E N one", "spells letters as capitals with spaces"),
    ("de", "nem (Typ eins)", "bracket '('"),
    ("en", "nets: plural", "colon"),
    ("en", "\"nets\"", "quotation mark '\"'"),
    ("vi", "em e en 1", "digit '1'"),
    ("en", "say it letter by letter", "instruction 'say'"),
    ("vi", "đọc từng chữ cái", "instruction 'đọc'"),
    ("en", "  ", "is empty"),
  ])
  func refusesWhatAnEngineCannotSay(language: String, spoken: String, problem: String) throws {
    let found = try #require(SpokenFormCheck.problem(in: spoken, language: language), "\(spoken) passed")
    #expect(found.contains(problem), "\(found)")
  }

  /// Plain words in the locale's spelling pass: lower case, letters with accents and tone
  /// marks, Arabic with its vowel marks, an apostrophe inside a word, a capital at the start
  /// of a German noun.
  @Test(arguments: [
    ("en", "nets"), ("en", "dipnek"), ("es", "dípnec"), ("fr", "nème un"), ("fr", "l'adn"), ("de", "Dipnek"),
    ("pt", "dípnec"), ("vi", "em e en một"), ("vi", "a đê en"), ("ar", "إِم إِي إِن واحِد"), ("ar", "دِي إِن إِيه"),
  ])
  func acceptsPlainWords(language: String, spoken: String) {
    #expect(SpokenFormCheck.problem(in: spoken, language: language) == nil)
  }
}

/// A translation may say a number with one of its language's spellout rule sets (an ordinal,
/// a feminine form): `{part, spellout, %spellout-ordinal-masculine}` is the source's
/// `{part, number}`, with digits in print.
@Suite struct SpelloutArgumentTypeTests {
  @Test func aSpelloutArgumentIsTheNumberTheSourceHas() throws {
    let document = Document(
      id: "parts", sourceLocale: "en",
      metadata: Metadata(title: "title", byline: "title", reviewed: "title", publisher: "Example"),
      sections: [
        Section(id: "s", heading: "title", blocks: [.paragraph(TextRef("part", arguments: ["part": .number(1)]))])
      ],
      references: References(heading: "title", items: []))
    let location = SourceLocation(file: "en.yaml")
    let english = Catalog(
      locale: "en", file: "en.yaml",
      entries: [
        CatalogEntry(key: "title", text: "Parts", location: location),
        CatalogEntry(key: "part", text: "Part {part, number}", location: location),
      ])
    func findings(_ text: String) throws -> [String] {
      let arabic = Catalog(
        locale: "ar", file: "ar.yaml",
        entries: [
          CatalogEntry(key: "title", text: "أجزاء", source: "Parts", state: .translated, location: location),
          CatalogEntry(key: "part", text: text, source: "Part {part, number}", state: .translated, location: location),
        ])
      return Validator(document: document, source: english, sourceLocale: LanguageTag("en")!)
        .validate(arabic, locale: LanguageTag("ar")!).map(\.code)
    }
    #expect(try findings("الجزء {part, spellout, %spellout-ordinal-masculine}") == [])
    #expect(try findings("الجزء {part, date, ::yMMMMd}") == ["argument-type"])
  }
}
