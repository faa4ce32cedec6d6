/// The syllable counter for each language. (Being written: the language rules replace this.)
public enum Syllables {
  /// The counter for a language (a BCP 47 language subtag such as `en`, `es`, `pt`), or `nil`
  /// when syllables are not a unit of the language's readability measures (Chinese, Japanese).
  public static func counter(forLanguage language: String) -> (any SyllableCounter)? {
    ["zh", "ja"].contains(language) ? nil : VowelGroups()
  }
}

struct VowelGroups: SyllableCounter {
  func syllables(in word: String) -> Int {
    var count = 0
    var previousVowel = false
    for character in word.lowercased() {
      let vowel = "aeiouyáéíóúàèìòùâêîôûäëïöüãõ".contains(character)
      if vowel && !previousVowel { count += 1 }
      previousVowel = vowel
    }
    return max(1, count)
  }
}
