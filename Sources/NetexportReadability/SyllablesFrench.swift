/// French syllables as spoken in standard French: groups of vowel letters, after dropping the
/// silent final *e*, *es* and verbal *ent*.
///
/// - Final *-e* and *-es* are silent when another vowel comes before them (*ta-ble* 1,
///   *vi-es* 1, *an-nées* 2; *le*, *les* keep theirs). Inner mute *e* is counted (*sa-me-di* 3),
///   as in careful reading.
/// - Final *-ent* is silent (third-person plural verbs: *ils par-lent* 1), except in adverbs
///   and nouns in vowel + *-ment* (*ra-pi-de-ment*, *trai-te-ment*, *mo-ment*), in *-mment*
///   (*é-vi-dem-ment*), and in the nouns and adjectives listed in `pronouncedEnt`.
/// - A group of vowel letters is one syllable (*eau*, *oi*, *ou*, *ai*, *ien*: *na-tion* 2,
///   *pied* 1), except: *é* next to another vowel (*ré-a-li-té*, *cré-er*, *a-é-rien*, but
///   *jou-é*), a diaeresis (*na-ïf*, *No-ël*), *y* between vowels (*pay-er*, *voy-a-ge*), *i*
///   after a consonant + l/r before a vowel (*cli-ent*, *ou-vri-er*), and *coo-* (*co-o-pé-rer*).
/// - *u* after *q* is not a vowel (*qu'il*: the elided *qu'* adds nothing, *l'hô-pi-tal* 3).
struct FrenchSyllables: SyllableCounter {
  static let vowels: Set<Character> = Set("aeiouyàâæèéêëîïôœùûüÿ")
  private static let diaeresis: Set<Character> = ["ë", "ï", "ü", "ÿ"]

  /// Nouns, adjectives and adverbs in -ent whose ending is pronounced (the verbs in -ent are
  /// silent); the common ones of health and everyday texts, from general French vocabulary.
  static let pronouncedEnt: Set<String> = [
    "absent", "accent", "accident", "adhérent", "adolescent", "agent", "antécédent", "apparent", "ardent", "argent",
    "arpent", "auvent", "cent", "client", "cohérent", "comment", "compétent", "concurrent", "confident", "conséquent",
    "content", "continent", "contingent", "couvent", "décadent", "décent", "dent", "différent", "diligent",
    "éloquent", "éminent", "équivalent", "évident", "excellent", "fréquent", "gent", "imminent", "impatient",
    "impudent", "incident", "incohérent", "incompétent", "incontinent", "indifférent", "indolent", "indulgent",
    "inhérent", "innocent", "insolent", "intelligent", "intermittent", "latent", "lent", "mécontent", "négligent",
    "occident", "omniprésent", "parent", "patent", "pénitent", "permanent", "pertinent", "pourcent", "présent",
    "président", "prudent", "récent", "récurrent", "régent", "résident", "sergent", "serpent", "somnolent",
    "souvent", "strident", "subséquent", "succulent", "talent", "torrent", "transparent", "turbulent", "urgent",
    "vent", "violent", "opulent", "corpulent", "fraudulent", "inconscient", "conscient", "orient", "quotient",
    "coefficient", "ingrédient", "récipient", "expédient", "inconvénient", "patient", "efficient", "omnipotent",
  ]

  /// Verbs in vowel + -ment whose -ent is silent (*ils aiment*), against the adverbs and nouns.
  static let silentMent: Set<String> = [
    "aiment", "animent", "estiment", "expriment", "impriment", "priment", "riment", "suppriment", "sèment",
    "ferment", "dorment", "forment", "calment", "arriment", "liment", "déciment", "intiment", "périment",
  ]

  func syllables(in word: String) -> Int {
    SyllableText.sum(of: word) { count(Array($0)) }
  }

  private func isVowel(_ letter: Character) -> Bool { Self.vowels.contains(letter) }

  private func count(_ original: [Character]) -> Int {
    var letters = withoutSilentEnding(original)
    // u after q is not a vowel (qui, quand, qu').
    for index in letters.indices.dropFirst() where letters[index] == "u" && letters[index - 1] == "q" {
      letters[index] = "w"
    }
    var syllables = 0
    for index in letters.indices {
      let letter = letters[index]
      guard isVowel(letter) else { continue }
      if index == 0 && letter == "y" && letters.count > 1 && isVowel(letters[1]) { continue }  // yeux
      if index == 0 || !isVowel(letters[index - 1]) || startsSyllable(index, letters) { syllables += 1 }
    }
    return syllables
  }

  /// Whether the vowel at `index`, which follows another vowel, starts a syllable of its own.
  private func startsSyllable(_ index: Int, _ letters: [Character]) -> Bool {
    let letter = letters[index]
    let previous = letters[index - 1]
    if Self.diaeresis.contains(letter) { return true }
    if letter == "é" && "aeéèêâô".contains(previous) { return true }
    if previous == "é" { return true }
    if previous == "y" && index >= 2 && isVowel(letters[index - 2]) { return true }  // payer, voyage
    if previous == "i", index >= 3, "lr".contains(letters[index - 2]), !isVowel(letters[index - 3]) {
      return true  // client, ouvrier
    }
    if letter == "o" && previous == "o" && index == 2 && letters[0] == "c" { return true }  // coopérer
    return false
  }

  /// The word without its silent final -e, -es or verbal -ent.
  private func withoutSilentEnding(_ letters: [Character]) -> [Character] {
    let word = String(letters)
    func vowelBefore(_ end: Int) -> Bool { letters[..<end].contains(where: isVowel) }
    if word.hasSuffix("ent"), letters.count > 4, vowelBefore(letters.count - 3) {
      if Self.pronouncedEnt.contains(word) || word.hasSuffix("mment") { return letters }
      if word.hasSuffix("ment"), isVowel(letters[letters.count - 5]), !Self.silentMent.contains(word) {
        return letters
      }
      return Array(letters.dropLast(3))
    }
    if word.hasSuffix("es"), letters.count > 2, vowelBefore(letters.count - 2) { return Array(letters.dropLast(2)) }
    if word.hasSuffix("e"), letters.count > 1, vowelBefore(letters.count - 1) { return Array(letters.dropLast()) }
    return letters
  }
}
