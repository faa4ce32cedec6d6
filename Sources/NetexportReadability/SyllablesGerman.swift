/// German syllables: each vowel letter is a syllable's nucleus, except the diphthongs *ei*,
/// *ai*, *au*, *äu*, *eu* (and *ey*, *ay*), the long-vowel spellings *ie*, *aa*, *ee*, *oo*,
/// and French *ou*, which are one nucleus each. Every other pair of vowels is two
/// (*The-a-ter*, *Na-ti-on*, *ak-tu-ell*, *neu-ro-en-do-krin*).
///
/// Known exceptions handled: *eum*/*äum* at the end (*Mu-se-um*, *Ju-bi-lä-um*); *-ien* after
/// another syllable (*Fa-mi-li-en*, *The-ra-pi-en*, but *Wien*); *ie* before *nt* or *ll*
/// (*Pa-ti-ent*, *spe-zi-ell*, but *dient*); *-een* after another syllable (*I-de-en*); and
/// the nouns in unstressed *-ie* of `twoSyllableIe` (*Fa-mi-li-e*, *Ar-te-ri-e*; stressed *-ie*
/// as in *The-ra-pie*, *Bi-op-sie* is one syllable). `u` after `q` is not a vowel.
struct GermanSyllables: SyllableCounter {
  static let vowels: Set<Character> = Set("aeiouyäöü")
  static let digraphs: Set<String> = ["ei", "ai", "au", "äu", "eu", "ey", "ay", "ie", "aa", "ee", "oo", "ou"]

  /// Nouns ending in unstressed -ie (two syllables: i-e), also at the end of compounds
  /// (*Großfamilie*); from general and medical German vocabulary.
  static let twoSyllableIe = [
    "familie", "linie", "lilie", "petersilie", "arterie", "bakterie", "serie", "materie", "prämie", "hernie",
    "glorie", "historie", "tragödie", "komödie", "akazie", "begonie", "geranie", "kastanie", "studie", "grazie",
    "aktie", "pinie", "folie", "mumie", "hostie",
  ]

  func syllables(in word: String) -> Int {
    SyllableText.sum(of: word) { count(Array($0)) }
  }

  private func isVowel(_ letter: Character) -> Bool { Self.vowels.contains(letter) }

  private func count(_ original: [Character]) -> Int {
    var letters = original
    for index in letters.indices.dropFirst() where letters[index] == "u" && letters[index - 1] == "q" {
      letters[index] = "w"
    }
    if letters.first == "y", letters.count > 1, isVowel(letters[1]) { letters[0] = "j" }
    let word = String(letters)
    var syllables = 0
    var index = 0
    while index < letters.count {
      guard isVowel(letters[index]) else {
        index += 1
        continue
      }
      syllables += 1
      if index + 1 < letters.count, Self.digraphs.contains(String(letters[index...index + 1])),
        !splitsDigraph(at: index, letters, word)
      {
        index += 2
      } else {
        index += 1
      }
    }
    if Self.twoSyllableIe.contains(where: { word.hasSuffix($0) }) { syllables += 1 }
    return syllables
  }

  /// Whether the digraph at `index` is two syllables here.
  private func splitsDigraph(at index: Int, _ letters: [Character], _ word: String) -> Bool {
    let pair = String(letters[index...index + 1])
    let rest = String(letters[(index + 2)...])
    let vowelBefore = letters[..<index].contains(where: isVowel)
    switch pair {
    case "eu", "äu": return rest == "m" || rest == "ms"
    case "ie":
      if rest == "n" && vowelBefore { return true }
      if rest.hasPrefix("nt") { return index == 0 || letters[index - 1] != "d" }
      return rest.hasPrefix("ll")
    case "ee": return rest == "n" && vowelBefore
    default: return false
    }
  }
}
