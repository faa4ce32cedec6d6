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
