import Foundation

/// The syllable counter for each language.
///
/// Each language has its own method, chosen for how its spelling shows syllables (measured
/// figures and known misses: `benchmarks/syllables.md`, re-measured by
/// `scripts/benchmark-syllables`):
///
/// - `es`, `it`, `pt`: orthographic rules (`RomanceSyllables`): strong and weak vowels,
///   diphthongs, triphthongs, hiatus, written accents, silent `u` in `qu`/`gu`, Italian
///   `ci`/`gi`/`gli`, Portuguese nasal `ão`/`ãe`/`õe`.
/// - `en`: vowel groups adjusted by ordered spelling rules (silent *e*, *-es*, *-ed*, syllabic
///   *-le*/*-sm*, hiatus such as *io*/*ia*/*eo*, prefixes and medical combining forms), with an
///   exception list for frequent words the rules miss (`EnglishSyllables`).
/// - `fr`: vowel groups with silent final *e*/*es*/*ent* (`FrenchSyllables`).
/// - `de`: vowel groups with the German diphthongs and long-vowel digraphs (`GermanSyllables`).
/// - `vi`: one syllable per written syllable (`VietnameseSyllables`).
/// - Chinese, Japanese and Cantonese have no counter: their readability measures count
///   characters.
/// - Arabic, Persian, Urdu, Hebrew, Yiddish and Pashto have no counter: they are written without
///   most short vowels (abjads), so a word's syllables cannot be read off undiacritized text
///   (OSMAN needs diacritics, which patient texts rarely carry); no syllable formula is applied.
/// - Thai, Lao, Khmer, Burmese and Tibetan have no counter: vowels are written around
///   consonants and words are not separated, so a spelling rule would be guesswork.
/// - Any other language gets `GenericSyllables` (vowel groups in Latin, Greek and Cyrillic
///   letters, one syllable per Hangul block), for language-independent statistics only.
public enum Syllables {
  /// The counter for a language (a BCP 47 language subtag such as `en`, `es`, `pt`), or `nil`
  /// when syllables are not a unit of the language's readability measures (Chinese, Japanese)
  /// or cannot be read from its spelling (Arabic and other abjads).
  public static func counter(forLanguage language: String) -> (any SyllableCounter)? {
    let code = language.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
    switch code {
    case "en": return EnglishSyllables()
    case "es": return RomanceSyllables(language: .spanish)
    case "it": return RomanceSyllables(language: .italian)
    case "pt": return RomanceSyllables(language: .portuguese)
    case "fr": return FrenchSyllables()
    case "de": return GermanSyllables()
    case "vi": return VietnameseSyllables()
    case "zh", "ja", "yue": return nil
    case "ar", "fa", "ur", "he", "yi", "ps": return nil
    case "th", "lo", "km", "my", "bo": return nil
    default: return GenericSyllables()
    }
  }
}

/// Helpers shared by the counters.
enum SyllableText {
  /// Apostrophes that join the parts of a word (`don't`, `l'hôpital`).
  static let apostrophes: Set<Character> = ["'", "\u{2019}", "\u{02BC}", "\u{2018}"]

  /// The word in lowercase, composed (NFC), with every apostrophe as `'`.
  static func normalized(_ word: String) -> String {
    // ASCII is its own NFC and has no other apostrophe: only the case changes.
    if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.lowercased() }
    return String(word.lowercased().precomposedStringWithCanonicalMapping.map { apostrophes.contains($0) ? "'" : $0 })
  }

  /// Whether the word has at least one letter.
  static func hasLetter(_ word: String) -> Bool {
    if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.utf8.contains { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A } }
    return word.contains { $0.isLetter }
  }

  /// The runs of letters of a word, split at apostrophes, hyphens, digits and anything else
  /// that is not a letter (`covid-19` gives `covid`; `l'hôpital` gives `l`, `hôpital`).
  static func letterRuns(_ word: String) -> [[Character]] {
    var runs: [[Character]] = []
    var run: [Character] = []
    for character in word {
      if character.isLetter {
        run.append(character)
      } else if !run.isEmpty {
        runs.append(run)
        run = []
      }
    }
    if !run.isEmpty { runs.append(run) }
    return runs
  }

  /// Counts the runs of a word with `count` and returns at least 1 when the word has a letter
  /// (an elided article such as French `l'` adds nothing), 0 when it has none.
  static func sum(of word: String, _ count: ([Character]) -> Int) -> Int {
    let runs = letterRuns(normalized(word))
    guard !runs.isEmpty else { return 0 }
    return max(1, runs.reduce(0) { $0 + count($1) })
  }
}

/// Vietnamese is written one syllable at a time, with a space (or a hyphen in some older
/// texts) between syllables: every separated token with a letter is one syllable.
struct VietnameseSyllables: SyllableCounter {
  func syllables(in word: String) -> Int {
    word.split(whereSeparator: { $0.isWhitespace || $0 == "-" || $0 == "\u{2010}" })
      .filter { SyllableText.hasLetter(String($0)) }.count
  }
}

/// Languages without rules of their own: groups of vowel letters (Latin, Greek, Cyrillic,
/// with or without accents), and one syllable per Hangul syllable block. Good enough for
/// statistics that do not depend on it; no formula of those languages uses it.
struct GenericSyllables: SyllableCounter {
  static let vowels: Set<Character> = Set(
    "aeiouyåæøœəıаеёиоуыэюяіїєөүαεηιουωάέήίόύώϊϋΐΰ")

  func syllables(in word: String) -> Int {
    SyllableText.sum(of: word) { run in
      var count = 0
      var previousVowel = false
      for character in run {
        if let scalar = character.unicodeScalars.first, (0xAC00...0xD7A3).contains(scalar.value) {
          count += 1
          previousVowel = false
          continue
        }
        let base = Character(String(character).decomposedStringWithCanonicalMapping.unicodeScalars.first ?? " ")
        let vowel = Self.vowels.contains(base) || Self.vowels.contains(character)
        if vowel && !previousVowel { count += 1 }
        previousVowel = vowel
      }
      return count
    }
  }
}
