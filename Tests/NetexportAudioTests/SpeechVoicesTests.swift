import NetexportAudio
import NetexportICU
import Testing

/// The voice table, one row per shipped locale: which espeak-ng voice speaks it, what the
/// listener is told, or why no file is made.
struct SpeechVoicesTests {
  @Test(arguments: [
    ("en", "en-us"), ("es", "es-419"), ("fr", "fr-fr"), ("de", "de"), ("pt-BR", "pt-br"), ("vi", "vi"),
  ])
  func aShippedLocaleHasItsVoiceAndNoNote(locale: String, voice: String) {
    #expect(SpeechVoices.choice(for: LanguageTag(locale)!) == .voice(voice))
  }

  @Test func arabicHasItsVoiceAndANoteThatVowelsAreGuessed() throws {
    guard case .voice(let voice, let note) = SpeechVoices.choice(for: LanguageTag("ar")!) else {
      Issue.record("Arabic has no voice")
      return
    }
    #expect(voice == "ar")
    let text = try #require(note)
    #expect(text.hasPrefix("the Arabic audio's vowels are guessed: the text is written without vowel marks"))
  }

  @Test(arguments: ["zh-Hans", "zh", "zh-Hans-CN", "zh-Hant-TW"])
  func chineseIsRefusedBecauseTheOfflineVoiceReadsPinyinInEnglish(locale: String) {
    guard case .refused(let reason) = SpeechVoices.choice(for: LanguageTag(locale)!) else {
      Issue.record("\(locale) is not refused")
      return
    }
    #expect(reason.contains("reads most Chinese characters as English pinyin with a tone digit"))
    #expect(reason.contains("Export SSML instead (--format ssml)"))
  }

  @Test(arguments: [
    ("es-ES", "es"), ("es-MX", "es-419"), ("es-419", "es-419"), ("pt", "pt-br"), ("pt-PT", "pt"), ("en-XA", "en-us"),
    ("fr-CA", "fr-fr"), ("de-AT", "de"),
  ])
  func regionsFallBackToTheirLanguageUnlessListed(locale: String, voice: String) {
    #expect(SpeechVoices.choice(for: LanguageTag(locale)!) == .voice(voice))
  }

  @Test func aLanguageNobodyHasListenedToIsRefused() {
    guard case .refused(let reason) = SpeechVoices.choice(for: LanguageTag("it")!) else {
      Issue.record("it is not refused")
      return
    }
    #expect(
      reason.hasPrefix(
        "no espeak-ng voice has been chosen for Italian (it); voices are chosen by listening, and exist for ar, de, en, es, fr, pt, vi"
      ))
  }
}
