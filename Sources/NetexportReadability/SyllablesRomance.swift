/// Spanish, Italian and Portuguese syllables by their orthographic rules: a syllable is a
/// vowel nucleus, so the count is the number of nuclei in the word's groups of vowels.
///
/// - Strong vowels (a, e, o, and any vowel with a written accent, since an accented i or u
///   breaks a diphthong: *país*, *río*, *saúde*) are a nucleus each: two strong vowels side by
///   side are a hiatus (*po-e-ta*, *cór-ne-o*, *le-er*).
/// - Weak vowels (i, u, ü, and y not followed by a vowel: *hoy*, *muy*) join a neighbouring
///   vowel in a diphthong or triphthong (*bue-no*, *U-ru-guay*, *buey*); weak vowels alone are one
///   nucleus (*ciu-dad*, *cons-truir*) unless doubled (*chi-i-ta*).
/// - `u` in `qu`, and in `gu` before e or i, is silent (*que*, *guerra*); `ü` is a vowel
///   (*pin-güi-no*).
/// - `h` between vowels does not separate them (*prohi-bir*, *ahu-mar*: Spanish phonetics,
///   as the Real Academia and `pylabeador` count them).
///
/// Italian: `i` is only a spelling sign in `ci`, `gi`, `sci` and `gli` before another vowel
/// (*cia-o* 1, *gior-no* 2, *scien-za* 2, *fi-glio* 2), except in the stressed Greek endings
/// -logia, -algia, -ergia, -urgia, -fagia, -macia (*bio-lo-gi-a*, *far-ma-ci-a*). Italian
/// writes no accent on a stressed i or u inside a word, so such hiatus (*pa-u-ra*, *zi-o*) is
/// counted as a diphthong: one syllable short.
///
/// Portuguese: `ão`, `ãe`, `õe` are one nasal syllable (*co-ra-ção*, *mães*, *li-ções*). A final
/// unstressed i/u + vowel (*his-tó-ria*, *á-gua*) is a rising diphthong when the word carries a
/// written accent elsewhere, and a hiatus otherwise (*di-a*, *ru-a*, *ti-o*): without an accent
/// the stress falls on that i or u.
struct RomanceSyllables: SyllableCounter {
  enum Language: Sendable { case spanish, italian, portuguese }

  var language: Language

  private static let strongVowels: Set<Character> = Set("aeoáéóíúàèìòùâêôãõ")
  private static let weakVowels: Set<Character> = ["i", "u", "ü", "ï"]
  private static let accented: Set<Character> = Set("áéíóúàèìòùâêô")
  private static let italianStressedEndings = [
    "logia", "logie", "algia", "algie", "ergia", "ergie", "urgia", "urgie", "fagia", "fagie", "macia", "macie",
  ]

  func syllables(in word: String) -> Int {
    SyllableText.sum(of: word) { count(Array($0)) }
  }

  private enum Kind { case strong, weak, consonant, transparent }

  private func count(_ letters: [Character]) -> Int {
    var kinds = letters.indices.map { kind(of: $0, in: letters) }
    // h between two vowels leaves them in one group, unless it starts a diphthong (ahue-, -hui-).
    for index in letters.indices where letters[index] == "h" {
      guard index > 0, index + 1 < letters.count, isVowel(kinds[index - 1]), isVowel(kinds[index + 1]) else { continue }
      let startsDiphthong = kinds[index + 1] == .weak && index + 2 < letters.count && isVowel(kinds[index + 2])
      if !startsDiphthong { kinds[index] = .transparent }
    }
    if language == .portuguese { finalPortugueseHiatus(letters, &kinds) }
    var syllables = 0
    var group: [(letter: Character, kind: Kind, afterH: Bool)] = []
    func close() {
      guard !group.isEmpty else { return }
      let strong = group.filter { $0.kind == .strong }.count
      var nuclei = max(1, strong)
      for index in group.indices.dropFirst() where group[index].kind == .weak {
        // A weak vowel after a stressed í or ú is a syllable of its own (sí-u, te-ní-u);
        // a doubled weak vowel too (chi-i-ta), unless an h stands between (nihi-lis-mo).
        let previous = group[index - 1]
        if previous.letter == "í" || previous.letter == "ú" { nuclei += 1 }
        if previous.kind == .weak && previous.letter == group[index].letter && !group[index].afterH { nuclei += 1 }
      }
      syllables += nuclei
      group = []
    }
    for index in letters.indices {
      switch kinds[index] {
      case .strong, .weak: group.append((letters[index], kinds[index], index > 0 && kinds[index - 1] == .transparent))
      case .transparent: continue
      case .consonant: close()
      }
    }
    close()
    return syllables
  }

  private func isVowel(_ kind: Kind) -> Bool { kind == .strong || kind == .weak }

  private func kind(of index: Int, in letters: [Character]) -> Kind {
    let letter = letters[index]
    let previous: Character? = index > 0 ? letters[index - 1] : nil
    let next: Character? = index + 1 < letters.count ? letters[index + 1] : nil
    let nextIsVowel = next.map { Self.strongVowels.contains($0) || Self.weakVowels.contains($0) } ?? false
    if language == .portuguese, letter == "o" || letter == "e", previous == "ã" || previous == "õ" {
      return .weak  // ão, ãe, õe: one nasal diphthong
    }
    switch letter {
    case "u":
      if previous == "q" { return language == .italian ? .weak : .consonant }
      if previous == "g", let next, "eiéíèì".contains(next) { return language == .italian ? .weak : .consonant }
      return .weak
    case "y":
      return nextIsVowel ? .consonant : .weak
    case "i" where language == .italian && nextIsVowel:
      // ci, gi, sci, gli before a vowel: the i only softens the consonant.
      let softens = previous == "c" || previous == "g" || (previous == "l" && index >= 2 && letters[index - 2] == "g")
      guard softens else { return .weak }
      return Self.italianStressedEndings.contains { isInEnding(index, letters, $0) } ? .strong : .consonant
    default:
      if Self.strongVowels.contains(letter) { return .strong }
      if Self.weakVowels.contains(letter) { return .weak }
      return .consonant
    }
  }

  /// Whether the i at `index` is the i of `ending` at the end of the word.
  private func isInEnding(_ index: Int, _ letters: [Character], _ ending: String) -> Bool {
    let endingStart = letters.count - ending.count
    guard endingStart >= 0, String(letters[endingStart...]) == ending else { return false }
    guard let offset = Array(ending).lastIndex(of: "i") else { return false }
    return endingStart + offset == index
  }

  /// Portuguese: a final i or u + vowel (+ s or m) is a hiatus when the word has no written
  /// accent, because the stress then falls on that i or u (dia, rua, tio, Maria).
  private func finalPortugueseHiatus(_ letters: [Character], _ kinds: inout [Kind]) {
    guard !letters.contains(where: { Self.accented.contains($0) || $0 == "ã" || $0 == "õ" }) else { return }
    var end = letters.count
    if let last = letters.last, last == "s" || last == "m" { end -= 1 }
    guard end >= 3, kinds[end - 1] == .strong, kinds[end - 2] == .weak, kinds[end - 3] == .consonant else { return }
    if letters[end - 2] == "u", letters[end - 3] == "q" || letters[end - 3] == "g" { return }
    kinds[end - 2] = .strong
  }
}
