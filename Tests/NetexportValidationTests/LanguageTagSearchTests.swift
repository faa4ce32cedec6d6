import NetexportICU
import Testing

@testable import NetexportValidation

/// The language-tag helpers the untranslated and language-markup checks call on every entry
/// find tags by bytes; these pin what they give against what the texts hold.
@Suite struct LanguageTagSearchTests {
  @Test(arguments: [
    ("Mayo Clinic", "Mayo Clinic", false),
    ("<lang-en>Mayo Clinic</lang-en> Connect", "Mayo Clinic Connect", true),
    ("solo el cierre </lang-en> aquí", "solo el cierre  aquí", true),
    ("una palabra lang-en sin etiqueta", "una palabra lang-en sin etiqueta", true),
    ("<b>negrita</b> y <lang-fr>mot</lang-fr>", "<b>negrita</b> y mot", true),
    ("", "", false),
    ("中文 <lang-en>NET</lang-en>", "中文 NET", true),
  ])
  func tagsAreFoundAndLeftOut(text: String, without: String, mayHave: Bool) {
    #expect(LanguageMarkupCheck.mayHaveLanguageTags(text) == mayHave)
    #expect(LanguageMarkupCheck.withoutLanguageTags(text) == without)
  }

  @Test func aTranslationKeptInEnglishOnPurposeIsRecognised() throws {
    let english = try #require(LanguageTag("en"))
    #expect(LanguageMarkupCheck.keepsTheSource("<lang-en>Mayo Clinic Connect</lang-en>", sourceLanguage: english))
    #expect(!LanguageMarkupCheck.keepsTheSource("Mayo Clinic Connect", sourceLanguage: english))
    #expect(!LanguageMarkupCheck.keepsTheSource("<lang-en>Mayo</lang-en> Clinic", sourceLanguage: english))
  }
}
