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
    // ASCII without an apostrophe (nearly every English word): `plain` of the lowercased
    // bytes, as below, without making the lowercased String.
    let fast = word.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
      guard bytes.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "'") }) else { return nil }
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { lowered in
        var hasLetter = false
        for (index, byte) in bytes.enumerated() {
          let isUpper = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
          lowered[index] = isUpper ? byte | 0x20 : byte
          if isUpper || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) { hasLetter = true }
        }
        guard hasLetter else { return 0 }
        return max(1, Self.asciiPlain(UnsafeBufferPointer(lowered)) ?? 0)
      }
    }
    if let fast, let fast { return fast }
    let text = SyllableText.normalized(word)
    guard SyllableText.hasLetter(text) else { return 0 }
    return max(1, count(text))
  }

  /// Counts a word with apostrophes: contractions (`don't`, `isn't`), clitics (`'s`, `'ll`,
  /// `'d`, `'re`, `'ve`, `'m`), and otherwise each part (`o'clock`).
  private func count(_ text: String) -> Int {
    if !text.utf8.contains(UInt8(ascii: "'")) { return plain(text) }
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
    // ASCII (nearly every English word): the runs `letterRuns` gives, read from the bytes
    // without building Characters or decomposing each letter with Foundation.
    if let total = text.utf8.withContiguousStorageIfAvailable({ Self.asciiPlain($0) }), let total { return total }
    return SyllableText.letterRuns(text).reduce(0) { $0 + Self.run(EnglishWord($1)) }
  }

  /// The syllables of an ASCII word's letter runs, or nil when the word is not ASCII.
  private static func asciiPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var total = 0
    var runStart: Int?
    for index in 0...bytes.count {
      let byte = index < bytes.count ? bytes[index] : 0
      if byte >= 0x80 { return nil }
      let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
      if isLetter {
        if runStart == nil { runStart = index }
      } else if let start = runStart {
        total += EnglishSyllables.run(EnglishWord(ascii: UnsafeBufferPointer(rebasing: bytes[start..<index])))
        runStart = nil
      }
    }
    return total
  }

  private static func run(_ word: EnglishWord) -> Int {
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

  /// A run of ASCII letters, as `init(_:)` folds them: a-z as they are, capitals (which
  /// `SyllableText.normalized` has already lowered) as a consonant.
  init(ascii letters: UnsafeBufferPointer<UInt8>) {
    bytes = letters.map { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") ? $0 : UInt8(ascii: "#") }
    protected = Array(repeating: false, count: bytes.count)
    breakBefore = protected
  }

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

  /// One rule, compiled for matching: the letters it matches one after the other (a range of
  /// `letterSets`), and where its target and anchors fall, in letters from its start.
  struct Rule: Sendable {
    var action: Action
    /// Applies only when a vowel letter comes before the match (`%` in the rule text).
    var needsVowelBefore: Bool
    /// Where the sets of its letters are in `letterSets`.
    var letters: Range<Int>
    /// The target letter, counted from the start of the match.
    var target: Int
    /// Anchored at the start (`^`): it can only match at the first letter.
    var atStart: Bool
    /// Anchored at the end (`$`): how many of its letters come before the end.
    var beforeEnd: Int?

    /// Compiles one sequence of atoms, adding its letter sets to `sets`; nil for a sequence
    /// that can never match (no target, `^` after a letter, `$` at two places).
    init?(action: Action, atoms: [Atom], needsVowelBefore: Bool, sets: inout [ByteSet]) {
      self.action = action
      self.needsVowelBefore = needsVowelBefore
      var letterSets: [ByteSet] = []
      var target: Int?
      atStart = false
      for atom in atoms {
        switch atom {
        case .start:
          guard letterSets.isEmpty else { return nil }
          atStart = true
        case .end:
          guard beforeEnd == nil || beforeEnd == letterSets.count else { return nil }
          beforeEnd = letterSets.count
        case .target: target = letterSets.count
        case .letters(let set): letterSets.append(set)
        }
      }
      // `$` before a letter leaves that letter nowhere to be.
      guard let target, beforeEnd == nil || beforeEnd == letterSets.count else { return nil }
      self.target = target
      letters = sets.count..<sets.count + letterSets.count
      sets += letterSets
    }
  }

  /// Rules listed by two letters their match must have at known places (one for a rule of one
  /// letter), so that a word tries only the rules that can match it. Words hold only a-z, `#`,
  /// `Y` and `W` (see `EnglishWord` and `marked`): each is a symbol of its own, and any other
  /// byte is one more symbol, under which are the rules with any such byte in their set.
  struct RuleIndex: Sendable {
    static let alphabet = Array("abcdefghijklmnopqrstuvwxyz#YW".utf8)
    static let other = alphabet.count
    static let symbolCount = alphabet.count + 1
    /// The symbol of each byte.
    static let symbols: [Int] = (0..<256).map { byte in alphabet.firstIndex(of: UInt8(byte)) ?? other }

    /// Where each key's list of indices into `rules` starts in `entries`, and where the last
    /// one ends: pairs of symbols first, then single symbols for rules of one letter.
    let offsets: [Int]
    let entries: [Int]

    /// - Parameter letters: The sets of the two letters looked up (or of the one), in the
    ///   order `range(_:_:)` is given them.
    init(_ rules: [Rule], where include: (Rule) -> Bool, letters: (Rule) -> [ByteSet]) {
      func symbols(_ set: ByteSet) -> [Int] {
        var found = Self.alphabet.indices.filter { set.contains(Self.alphabet[$0]) }
        if (0..<128).contains(where: { set.contains(UInt8($0)) && Self.symbols[$0] == Self.other }) {
          found.append(Self.other)
        }
        return found
      }
      let count = Self.symbolCount
      var lists = [[Int]](repeating: [], count: count * count + count)
      for (index, rule) in rules.enumerated() where include(rule) {
        let sets = letters(rule).map(symbols)
        for first in sets[0] {
          if sets.count == 1 {
            lists[count * count + first].append(index)
          } else {
            for second in sets[1] { lists[first * count + second].append(index) }
          }
        }
      }
      var offsets: [Int] = []
      var entries: [Int] = []
      for list in lists {
        offsets.append(entries.count)
        entries += list
      }
      offsets.append(entries.count)
      self.offsets = offsets
      self.entries = entries
    }

    /// Where in `entries` the rules of two letters or more that can start with these two are.
    func range(_ first: UInt8, _ second: UInt8) -> Range<Int> {
      let key = Self.symbols[Int(first)] * Self.symbolCount + Self.symbols[Int(second)]
      return offsets[key]..<offsets[key + 1]
    }

    /// Where in `entries` the rules of one letter that can be this one are.
    func range(_ letter: UInt8) -> Range<Int> {
      let key = Self.symbolCount * Self.symbolCount + Self.symbols[Int(letter)]
      return offsets[key]..<offsets[key + 1]
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
      for word in words.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x0A }) {
        table[String(decoding: word, as: UTF8.self)] = syllables
      }
    }
    return table
  }()

  let rules: [Rule]
  /// The letter sets of all rules, one after the other.
  let letterSets: [ByteSet]
  /// `^` rules by their first letter, `$` rules by their last, the others by their first.
  let anchoredAtStart: RuleIndex
  let anchoredAtEnd: RuleIndex
  let unanchored: RuleIndex
  /// Rules without a letter, tried at every start.
  let withoutLetters: [Int]

  /// Parses the rule text: one action and its patterns per line, `#` comments.
  init(text: String) {
    var rules: [Rule] = []
    var sets: [ByteSet] = []
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
          if let rule = Rule(action: action, atoms: atoms, needsVowelBefore: guarded, sets: &sets) {
            rules.append(rule)
          }
        }
      }
    }
    self.rules = rules
    letterSets = sets
    func firstTwo(_ rule: Rule) -> [ByteSet] { Array(sets[rule.letters.prefix(2)]) }
    func lastTwo(_ rule: Rule) -> [ByteSet] { Array(sets[rule.letters.suffix(2)].reversed()) }
    anchoredAtStart = RuleIndex(rules, where: { $0.atStart && !$0.letters.isEmpty }, letters: firstTwo)
    anchoredAtEnd = RuleIndex(
      rules, where: { !$0.atStart && $0.beforeEnd != nil && !$0.letters.isEmpty }, letters: lastTwo)
    unanchored = RuleIndex(
      rules, where: { !$0.atStart && $0.beforeEnd == nil && !$0.letters.isEmpty }, letters: firstTwo)
    withoutLetters = rules.indices.filter { rules[$0].letters.isEmpty }
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
    let firstVowel = bytes.firstIndex(where: Self.isVowel) ?? length
    // Every (rule, start) that matches, found through the indexes; matching does not depend
    // on what earlier rules did, so they are applied afterwards, rule by rule and start by
    // start, as the rule text says: a later rule overrides an earlier one at the same letter.
    var found: [(rule: Int, start: Int)] = []
    guard length > 0 else { return 0 }
    rules.withUnsafeBufferPointer { rules in
      letterSets.withUnsafeBufferPointer { sets in
        bytes.withUnsafeBufferPointer { bytes in
          // Records the rule when it matches at `start`: its anchors allow the start, its
          // letters fit and are in its sets, its target is a letter, and a vowel letter comes
          // before it if it needs one.
          func consider(_ index: Int, at start: Int) {
            let rule = rules[index]
            guard start >= 0, start == 0 || !rule.atStart, start + rule.letters.count <= length,
              start + rule.target < length, !rule.needsVowelBefore || firstVowel < start,
              rule.beforeEnd.map({ start + $0 == length }) ?? true
            else { return }
            var offset = start
            for set in rule.letters {
              guard sets[set].contains(bytes[offset]) else { return }
              offset += 1
            }
            found.append((index, start))
          }
          // Rules of two letters or more by their first two (their last two for `$` rules),
          // then rules of one letter.
          let last = bytes[length - 1]
          let second = length > 1 ? bytes[1] : 0xFF
          let beforeLast = length > 1 ? bytes[length - 2] : 0xFF
          for range in [anchoredAtStart.range(bytes[0], second), anchoredAtStart.range(bytes[0])] {
            for index in range { consider(anchoredAtStart.entries[index], at: 0) }
          }
          for range in [anchoredAtEnd.range(last, beforeLast), anchoredAtEnd.range(last)] {
            for index in range {
              let rule = anchoredAtEnd.entries[index]
              consider(rule, at: length - rules[rule].letters.count)
            }
          }
          for start in 0..<length {
            let next = start + 1 < length ? bytes[start + 1] : 0xFF
            for index in unanchored.range(bytes[start], next) { consider(unanchored.entries[index], at: start) }
            for index in unanchored.range(bytes[start]) { consider(unanchored.entries[index], at: start) }
          }
          for index in withoutLetters {
            for start in 0...length { consider(index, at: start) }
          }
        }
      }
    }
    found.sort { ($0.rule, $0.start) < ($1.rule, $1.start) }
    for (index, start) in found {
      let target = start + rules[index].target
      switch rules[index].action {
      case .silent: if !word.protected[target] { vowel[target] = false }
      case .vowel: vowel[target] = true
      case .breakBefore: breakBefore[target] = true
      case .noBreak: breakBefore[target] = word.breakBefore[target]
      }
    }
    var syllables = 0
    for index in 0..<length where vowel[index] && (index == 0 || !vowel[index - 1] || breakBefore[index]) {
      syllables += 1
    }
    return syllables
  }
}
