/// Which formulas a language gets, which of them are validated for it, and what its reader
/// should know. See docs/readability-formulas.md for why.
struct LanguageProfile: Sendable {
  /// Formula ids, in report order.
  var formulas: [String]
  /// The ids among them that were built or validated for the language.
  var validated: Set<String>
  var note: String?

  private static let independent = [Formula.lix.id, Formula.rix.id]

  /// Languages written in Han characters or kana, where a character is the unit of length.
  private static let characterLanguages: Set<String> = ["zh", "cmn", "yue", "wuu", "hak", "nan", "gan", "hsn", "ja"]

  static func `for`(_ language: String) -> LanguageProfile {
    switch language {
    case "en": return validated(Formula.english.map(\.id))
    case "es": return validated(Formula.spanish.map(\.id))
    case "fr": return validated([Formula.kandelMoles.id])
    case "de": return validated([Formula.amstad.id, Formula.wienerSachtextformel.id])
    case "it": return validated([Formula.gulpease.id])
    case "pt": return validated([Formula.fleschPortuguese.id])
    // Björnsson built LIX on Swedish texts and published it for Danish (Læsbarhed, 1971).
    case "sv", "da": return LanguageProfile(formulas: independent, validated: [Formula.lix.id])
    case "zh", "cmn":
      return LanguageProfile(
        formulas: [Formula.characterSentenceLength.id], validated: [],
        note: "No readability formula validated for Chinese is computed, and no English formula is applied. "
          + "Syllable formulas do not fit (a character is a syllable), and LIX and RIX are left out: "
          + "their \"words of more than six letters\" mean nothing for Han characters. "
          + "Shown instead: the average sentence length in characters, banded by the sentence-length "
          + "criteria of Chinese patient-material studies (Wang et al. 2020). The Chinese language difficulty "
          + "coefficient (CLDC: that length plus difficult words per 100 characters) needs the HSK word lists "
          + "and is not computed.")
    case let language where characterLanguages.contains(language):
      let name = languageName(language)
      return LanguageProfile(
        formulas: [Formula.characterSentenceLength.id], validated: [],
        note: "No readability formula validated for \(name) is computed, and no English formula is applied. "
          + "LIX and RIX are left out: their \"words of more than six letters\" mean nothing for "
          + "\(language == "ja" ? "kanji and kana" : "Han characters"). "
          + "Shown instead: the average sentence length in characters, without a band "
          + "(the Chinese criteria were not published for \(name)).")
    case "ar":
      return LanguageProfile(
        formulas: independent, validated: [],
        note: "No readability formula validated for Arabic is computed, and no English formula is applied. "
          + "OSMAN (El-Haj and Rayson 2016) needs syllables counted from short-vowel diacritics, which patient "
          + "texts rarely write, and counts of faseeh words, so it is not applied. "
          + "Shown instead: LIX and RIX, which need only words, sentences and words of more than six letters; "
          + "a word is counted with its attached clitics (و, ال, ب), so compare the values between Arabic texts, "
          + "not with other languages.")
    case "vi":
      return LanguageProfile(
        formulas: independent, validated: [],
        note: "No readability formula validated for Vietnamese is computed, and no English formula is applied. "
          + "Shown instead: LIX and RIX. Vietnamese is written with a space between syllables, so each word "
          + "counted is usually one syllable and words of more than six letters are rare: the values run low; "
          + "compare them between Vietnamese texts, not with other languages.")
    default:
      return LanguageProfile(
        formulas: independent, validated: [],
        note: "No readability formula validated for \(languageName(language)) is built in, and no English formula "
          + "is applied; only the language-independent LIX and RIX are shown.")
    }
  }

  /// A language's formulas followed by LIX and RIX, the former validated.
  private static func validated(_ ids: [String]) -> LanguageProfile {
    LanguageProfile(formulas: ids + independent, validated: Set(ids))
  }

  /// The English name of a language, for notes; the subtag itself when not listed.
  static func languageName(_ language: String) -> String {
    let names = [
      "ar": "Arabic", "bn": "Bengali", "cmn": "Mandarin Chinese", "cs": "Czech", "da": "Danish", "de": "German",
      "el": "Greek", "en": "English", "es": "Spanish", "fa": "Persian", "fi": "Finnish", "fr": "French",
      "gan": "Gan Chinese", "hak": "Hakka Chinese", "he": "Hebrew", "hi": "Hindi", "hsn": "Xiang Chinese",
      "ht": "Haitian Creole", "hu": "Hungarian", "id": "Indonesian", "it": "Italian", "ja": "Japanese",
      "km": "Khmer", "ko": "Korean", "nan": "Min Nan Chinese", "nb": "Norwegian Bokmål", "nl": "Dutch",
      "nn": "Norwegian Nynorsk", "no": "Norwegian", "pa": "Punjabi", "pl": "Polish", "pt": "Portuguese",
      "ro": "Romanian", "ru": "Russian", "so": "Somali", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil",
      "th": "Thai", "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese",
      "wuu": "Wu Chinese", "yue": "Cantonese", "zh": "Chinese",
    ]
    return names[language] ?? "'\(language)'"
  }
}
