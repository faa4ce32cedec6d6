public import NetexportICU

/// Which espeak-ng voice speaks a locale, or why none does.
public enum VoiceChoice: Hashable, Sendable {
  /// An espeak-ng voice name (`espeak-ng --voices`), and what a listener should be told
  /// about it, if anything.
  case voice(String, note: String? = nil)
  /// No usable offline voice: why, for the person who asked for the audio.
  case refused(String)
}

/// The voice table: for each language netexport ships, the espeak-ng 1.51 voice that speaks
/// it, from the listening review of the bundled document (issue 15), or the reason there is
/// none. `es-ES` and `pt-PT` are listed so that they do not fall back to the other variety.
///
/// A locale is looked up by its canonical tag (`pt-BR`), then by language and region
/// (`zh-CN` for `zh-Hans-CN`), then by language (`zh`). A language not in the table is
/// refused: a voice is added only after someone has listened to it.
///
/// Choices that need a reason:
/// - `en` speaks with `en-us`, since the bundled document is American (Mayo Clinic);
/// - `es` speaks with `es-419` (Latin American Spanish, with seseo: "cinco" is /s/), since
///   the Spanish catalog is written for patients in Latin America and the US; `es-ES`
///   gets the Castilian `es` voice. espeak-ng keeps `-v es-419` for SSML marked
///   `xml:lang="es"` (checked with `espeak-ng -x`; a test keeps it checked);
/// - `pt` alone means Brazilian Portuguese in CLDR, as `pt-BR` does; `pt-PT` gets `pt`;
/// - `fr` speaks with `fr-fr` (the voice `fr` names); `de`, `vi` and `ar` by their names;
/// - Arabic is intelligible, but its text has no vowel marks, so espeak-ng guesses vowels;
/// - Mandarin is refused: espeak-ng's `cmn` voice reads 266 of the 314 distinct characters
///   of the Chinese handout as English pinyin with a tone digit ("shen two"). MBROLA voices
///   are not in Debian main, and no better offline voice exists in Debian or PyPI.
public enum SpeechVoices {
  /// The table, by canonical tag, language-region, or language.
  public static let table: [String: VoiceChoice] = [
    "en": .voice("en-us"),
    "es": .voice("es-419"),
    "es-ES": .voice("es"),
    "fr": .voice("fr-fr"),
    "de": .voice("de"),
    "pt": .voice("pt-br"),
    "pt-BR": .voice("pt-br"),
    "pt-PT": .voice("pt"),
    "vi": .voice("vi"),
    "ar": .voice(
      "ar",
      note:
        "the Arabic audio's vowels are guessed: the text is written without vowel marks (tashkeel), so espeak-ng chooses them and sometimes chooses wrongly; have a native speaker listen before giving it to patients"
    ),
    "zh": .refused(
      "espeak-ng, the offline speech engine netexport uses, has no usable Mandarin voice: its cmn voice reads most Chinese characters as English pinyin with a tone digit (266 of the 314 distinct characters of the bundled handout), which patients cannot follow. Export SSML instead (--format ssml) for a speech engine that speaks Mandarin, or give a narrator the audio script (--format audio-script)"
    ),
  ]

  /// The choice for a locale.
  public static func choice(for locale: LanguageTag) -> VoiceChoice {
    for key in lookupKeys(locale) {
      if let choice = table[key] { return choice }
    }
    let listed = Set(table.keys.map { $0.split(separator: "-")[0] }).sorted().joined(separator: ", ")
    return .refused(
      "no espeak-ng voice has been chosen for \(locale.displayName(in: LanguageTag("en")!)) (\(locale)); voices are chosen by listening, and exist for \(listed). Add one to SpeechVoices.table after listening to `espeak-ng -v <voice>`, or export SSML (--format ssml) for another speech engine"
    )
  }

  /// The tags to try, most specific first: the canonical tag, language-region, language.
  static func lookupKeys(_ locale: LanguageTag) -> [String] {
    let subtags = locale.canonical.split(separator: "-").map(String.init)
    var keys = [locale.canonical]
    // A region is two letters or three digits (BCP 47); a script (four letters) is skipped.
    if let region = subtags.dropFirst().first(where: {
      ($0.count == 2 && $0.allSatisfy(\.isLetter)) || ($0.count == 3 && $0.allSatisfy(\.isNumber))
    }) {
      keys.append("\(locale.language)-\(region.uppercased())")
    }
    keys.append(locale.language)
    var unique: [String] = []
    for key in keys where !unique.contains(key) { unique.append(key) }
    return unique
  }
}
