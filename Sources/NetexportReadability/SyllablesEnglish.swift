/// English syllables: groups of vowel letters, adjusted by ordered spelling rules, with an
/// exception list for frequent words the rules miss.
///
/// Hyphenation patterns are not syllables (62 % exact against CMUdict, "neuroendocrine" 3);
/// plain vowel groups reach 79 %. The rules here (`EnglishSyllableRules.text`) mark single
/// letters of the word: a silent vowel (final *e*, *-es*, *-ed*, *e* before *-ment*/*-ful*/...,
/// the *e* of compound heads such as *home-*, *life-*), a syllabic consonant or restored vowel
/// (*-ble*, *-sm*, *-thm*, *-cre*), or a syllable break inside a vowel group (hiatus: *ia*,
/// *io*, *eo*, *ua*, *-ing* after a vowel, *re-*/*co-*/*pre-* before a vowel, medical
/// combining forms such as *gastro-*, *neuro-*, *chemo-* before a vowel). Words with no vowel
/// letter are read as spelled-out abbreviations (`mg` 2, `ct` 2), except interjections.
/// Measured against CMUdict in `benchmarks/syllables.md`.
struct EnglishSyllables: SyllableCounter {
  func syllables(in word: String) -> Int {
    let text = SyllableText.normalized(word)
    guard SyllableText.hasLetter(text) else { return 0 }
    return max(1, count(text))
  }

  /// Counts a word with apostrophes: contractions (`don't`, `isn't`), clitics (`'s`, `'ll`,
  /// `'d`, `'re`, `'ve`, `'m`), and otherwise each part (`o'clock`).
  private func count(_ text: String) -> Int {
    var parts = text.split(separator: "'", omittingEmptySubsequences: false).map(String.init)
    while parts.first?.isEmpty == true { parts.removeFirst() }
    while parts.last?.isEmpty == true { parts.removeLast() }
    if parts.count == 2, parts[1] == "t", parts[0].hasSuffix("n"), parts[0].count > 1 {
      // "don't", "isn't": the base, and a syllable for "n't" after a consonant.
      let base = String(parts[0].dropLast())
      if let last = base.last, "aeiouy".contains(last) { return plain(base + "n") }
      return plain(base) + 1
    }
    if parts.count == 2, ["s", "ll", "d", "re", "ve", "m"].contains(parts[1]) {
      let base = parts[0]
      let syllables = plain(base)
      switch parts[1] {
      case "s":
        let sibilant = ["s", "x", "z", "ch", "sh", "ce", "ge", "se", "ze"].contains { base.hasSuffix($0) }
        return syllables + (sibilant ? 1 : 0)
      case "ll": return syllables + (base.last.map { !"aeiouy".contains($0) } ?? false ? 1 : 0)
      case "d": return syllables + (base.hasSuffix("t") || base.hasSuffix("d") ? 1 : 0)
      default: return syllables
      }
    }
    return parts.reduce(0) { $0 + plain($1) }
  }

  /// A word without apostrophes: each run of letters (split at hyphens, digits, ...).
  private func plain(_ text: String) -> Int {
    SyllableText.letterRuns(text).reduce(0) { $0 + run($1) }
  }

  private func run(_ letters: [Character]) -> Int {
    let word = EnglishWord(letters)
    if !word.hasAccents, let known = EnglishSyllableRules.exceptions[word.ascii] { return known }
    if !word.bytes.contains(where: { EnglishSyllableRules.isVowel($0) }) && !word.hasAccents {
      // An abbreviation read letter by letter ("mg", "ct"; "w" is three syllables) or an
      // interjection ("hmm", "shh").
      if EnglishSyllableRules.interjections.contains(word.ascii) { return 1 }
      return word.bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "w") ? 3 : 1) }
    }
    return max(1, EnglishSyllableRules.shared.count(word))
  }
}

/// A word folded to ASCII lowercase letters for the rules: accents dropped, but a vowel with an
/// accent is never silent (`café`) and one with a diaeresis starts a syllable (`naïve`).
struct EnglishWord {
  var bytes: [UInt8] = []
  var protected: [Bool] = []
  var breakBefore: [Bool] = []
  var hasAccents = false

  init(_ letters: [Character]) {
    for letter in letters {
      let scalars = String(letter).decomposedStringWithCanonicalMapping.unicodeScalars
      guard let base = scalars.first else { continue }
      let marks = scalars.dropFirst().map(\.value)
      var byte = UInt8(ascii: "#")  // a letter outside a-z: a consonant for the rules
      if base.isASCII, ("a"..."z").contains(Character(base)) { byte = UInt8(base.value) }
      if letter == "æ" || letter == "œ" { byte = UInt8(ascii: "e") }
      bytes.append(byte)
      protected.append(!marks.isEmpty && EnglishSyllableRules.isVowel(byte))
      breakBefore.append(marks.contains(0x308) && EnglishSyllableRules.isVowel(byte))
      if !marks.isEmpty { hasAccents = true }
    }
  }

  var ascii: String { String(decoding: bytes, as: UTF8.self) }
}

/// The rule engine and its data (`SyllablesEnglishData.swift`).
struct EnglishSyllableRules: Sendable {
  enum Action: Sendable { case silent, vowel, breakBefore, noBreak }

  /// One position of a pattern.
  enum Atom: Sendable {
    case start, end, target
    case letters(ByteSet)
  }

  struct Rule: Sendable {
    var action: Action
    var atoms: [Atom]
    /// Applies only when a vowel letter comes before the match (`%` in the rule text).
    var needsVowelBefore: Bool
    /// Anchored at the start (`^`): it can only match there.
    var atStart: Bool
    /// Anchored at the end (`$`): the number of letters it matches, so where it must start.
    var lengthAtEnd: Int?

    init(action: Action, atoms: [Atom], needsVowelBefore: Bool) {
      self.action = action
      self.atoms = atoms
      self.needsVowelBefore = needsVowelBefore
      atStart = atoms.contains { if case .start = $0 { true } else { false } }
      let letters = atoms.filter { if case .letters = $0 { true } else { false } }.count
      lengthAtEnd = atoms.contains { if case .end = $0 { true } else { false } } ? letters : nil
    }
  }

  /// A set of ASCII bytes.
  struct ByteSet: Sendable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    init(_ characters: String = "") { for byte in characters.utf8 { insert(byte) } }

    mutating func insert(_ byte: UInt8) {
      if byte < 64 { low |= 1 << UInt64(byte) } else if byte < 128 { high |= 1 << UInt64(byte - 64) }
    }

    func contains(_ byte: UInt8) -> Bool {
      byte < 64 ? low & (1 << UInt64(byte)) != 0 : byte < 128 ? high & (1 << UInt64(byte - 64)) != 0 : false
    }

    var inverted: ByteSet {
      var set = ByteSet()
      set.low = ~low
      set.high = ~high
      return set
    }
  }

  static let shared = EnglishSyllableRules(text: EnglishSyllableRules.text)
  static let vowelSet = ByteSet("aeiouy")
  static func isVowel(_ byte: UInt8) -> Bool { vowelSet.contains(byte) }

  /// The exception list: word -> syllables.
  static let exceptions: [String: Int] = {
    var table: [String: Int] = [:]
    for (syllables, words) in exceptionText {
      for word in words.split(whereSeparator: { $0 == " " || $0 == "\n" }) { table[String(word)] = syllables }
    }
    return table
  }()

  let rules: [Rule]

  /// Parses the rule text: one action and its patterns per line, `#` comments.
  init(text: String) {
    var rules: [Rule] = []
    for line in text.split(separator: "\n") {
      let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
      let fields = content.split(separator: " ")
      guard let name = fields.first else { continue }
      let action: Action
      switch name {
      case "silent": action = .silent
      case "vowel": action = .vowel
      case "break": action = .breakBefore
      case "nobreak": action = .noBreak
      default: preconditionFailure("unknown syllable rule action \(name)")
      }
      for field in fields.dropFirst() {
        var pattern = Array(field.utf8)
        let guarded = pattern.first == UInt8(ascii: "%")
        if guarded { pattern.removeFirst() }
        var index = 0
        for atoms in Self.parse(pattern, &index) {
          rules.append(Rule(action: action, atoms: atoms, needsVowelBefore: guarded))
        }
      }
    }
    self.rules = rules
  }

  /// Parses a pattern up to `)` or `|` into every sequence it stands for (alternatives
  /// `(a|b)` are expanded).
  private static func parse(_ pattern: [UInt8], _ index: inout Int) -> [[Atom]] {
    var sequences: [[Atom]] = [[]]
    func append(_ atom: Atom) { sequences = sequences.map { $0 + [atom] } }
    while index < pattern.count {
      let byte = pattern[index]
      switch byte {
      case UInt8(ascii: ")"), UInt8(ascii: "|"):
        return sequences
      case UInt8(ascii: "("):
        var alternatives: [[Atom]] = []
        repeat {
          index += 1
          alternatives += parse(pattern, &index)
        } while index < pattern.count && pattern[index] == UInt8(ascii: "|")
        index += 1  // ")"
        sequences = sequences.flatMap { prefix in alternatives.map { prefix + $0 } }
        continue
      case UInt8(ascii: "^"): append(.start)
      case UInt8(ascii: "$"): append(.end)
      case UInt8(ascii: "!"): append(.target)
      case UInt8(ascii: "."): append(.letters(ByteSet().inverted))
      case UInt8(ascii: "V"): append(.letters(vowelSet))
      case UInt8(ascii: "C"): append(.letters(vowelSet.inverted))
      case UInt8(ascii: "["):
        index += 1
        let negated = pattern[index] == UInt8(ascii: "^")
        if negated { index += 1 }
        var set = ByteSet()
        while pattern[index] != UInt8(ascii: "]") {
          set.insert(pattern[index])
          index += 1
        }
        append(.letters(negated ? set.inverted : set))
      default:
        var set = ByteSet()
        set.insert(byte)
        append(.letters(set))
      }
      index += 1
    }
    return sequences
  }

  /// Marks consonantal letters: `y` before a vowel at the start or after a vowel (`yes`,
  /// `player`) becomes `Y`; `u` after `q`, and after `g` before a vowel (`guide`, `league`,
  /// but not `argue`, `ambiguous`), becomes `W`.
  static func marked(_ word: [UInt8]) -> [UInt8] {
    var bytes = word
    let y = UInt8(ascii: "y")
    let u = UInt8(ascii: "u")
    let plainVowels = ByteSet("aeiou")
    for index in bytes.indices {
      let next: UInt8? = index + 1 < word.count ? word[index + 1] : nil
      let previous: UInt8? = index > 0 ? bytes[index - 1] : nil
      if word[index] == y, let next, plainVowels.contains(next),
        index == 0 || previous.map({ plainVowels.contains($0) }) == true
      {
        bytes[index] = UInt8(ascii: "Y")
      } else if word[index] == u, previous == UInt8(ascii: "q") {
        bytes[index] = UInt8(ascii: "W")
      } else if word[index] == u, previous == UInt8(ascii: "g"), let next, ByteSet("aeiy").contains(next),
        !(index + 2 < word.count && word[index + 1] == UInt8(ascii: "o") && word[index + 2] == u),
        !(index >= 2 && word[index - 2] == UInt8(ascii: "r"))
      {
        bytes[index] = UInt8(ascii: "W")
      }
    }
    return bytes
  }

  func count(_ word: EnglishWord) -> Int {
    let bytes = Self.marked(word.bytes)
    let length = bytes.count
    var vowel = bytes.enumerated().map { Self.isVowel($0.element) || word.protected[$0.offset] }
    var breakBefore = word.breakBefore
    for rule in rules {
      var starts = 0...length
      if rule.atStart {
        starts = 0...0
      } else if let lengthAtEnd = rule.lengthAtEnd {
        guard lengthAtEnd <= length else { continue }
        starts = (length - lengthAtEnd)...(length - lengthAtEnd)
      }
      for start in starts {
        guard let target = Self.match(rule.atoms, bytes, at: start), target < length else { continue }
        if rule.needsVowelBefore && !bytes[..<start].contains(where: Self.isVowel) { continue }
        switch rule.action {
        case .silent: if !word.protected[target] { vowel[target] = false }
        case .vowel: vowel[target] = true
        case .breakBefore: breakBefore[target] = true
        case .noBreak: breakBefore[target] = word.breakBefore[target]
        }
      }
    }
    var syllables = 0
    for index in 0..<length where vowel[index] && (index == 0 || !vowel[index - 1] || breakBefore[index]) {
      syllables += 1
    }
    return syllables
  }

  /// The target position when the pattern matches at `start`, else nil.
  private static func match(_ atoms: [Atom], _ bytes: [UInt8], at start: Int) -> Int? {
    var index = start
    var target: Int?
    for atom in atoms {
      switch atom {
      case .start: if index != 0 { return nil }
      case .end: if index != bytes.count { return nil }
      case .target: target = index
      case .letters(let set):
        guard index < bytes.count, set.contains(bytes[index]) else { return nil }
        index += 1
      }
    }
    return target
  }
}
