import NetexportICU

/// How much an English message changed between two versions, for `update`: a *minor* edit
/// touches only punctuation, spacing or letter case ("signs and symptoms" to "signs, and
/// Symptoms"), which cannot change what a translation must say, so the translation keeps its
/// state; any other edit needs a translator's review.
public enum SourceEdit {
  /// Whether `new` differs from `old` only in punctuation, spacing or letter case.
  ///
  /// Both must be valid ICU messages with the same arguments (names, kinds, styles and
  /// branches) and the same plural number signs; then their words, compared without regard
  /// to case, must be the same in the same order. Words are what is left between white space
  /// and punctuation, except that:
  /// - punctuation between two digits is part of the number ("1.5" is not "15", "5-10" not
  ///   "510"), since a changed number can mislead a patient;
  /// - signs that carry meaning are never ignored: `%`, `/`, `&`, `+`, `<`, `>`, `=`, `°`,
  ///   currency and other symbols, and ICU's `{`, `}` and `#`.
  ///
  /// So removing the word "any" is not minor, and adding a comma is.
  public static func isMinor(from old: String, to new: String) -> Bool {
    guard old != new else { return true }
    guard let oldStructure = try? MessageStructure(old), let newStructure = try? MessageStructure(new),
      shape(oldStructure) == shape(newStructure), oldStructure.pluralNumberSigns == newStructure.pluralNumberSigns
    else { return false }
    return words(old) == words(new)
  }

  /// An argument list without offsets: what a translation must reproduce.
  private static func shape(_ structure: MessageStructure) -> [String] {
    structure.arguments.map {
      "\($0.name)\u{1F}\($0.kind.rawValue)\u{1F}\($0.style.lowercased())\u{1F}\($0.styleText)\u{1F}\($0.selectors.joined(separator: "\u{1F}"))\u{1F}\($0.pluralOffset)"
    }
  }

  /// The text's words, lowercased, as `isMinor` compares them.
  static func words(_ text: String) -> [String] {
    let characters = Array(text)
    var words: [String] = []
    var word = ""
    for (index, character) in characters.enumerated() {
      let betweenDigits =
        index > 0 && index + 1 < characters.count && characters[index - 1].isNumber
        && characters[index + 1].isNumber
      if character.isWhitespace || (isIgnorable(character) && !betweenDigits) {
        if !word.isEmpty { words.append(word.lowercased()) }
        word = ""
      } else if character == "{" || character == "}" || character == "#" {
        // ICU syntax stands alone, so that "reply}" and "reply.}" have the same words.
        if !word.isEmpty { words.append(word.lowercased()) }
        words.append(String(character))
        word = ""
      } else {
        word.append(character)
      }
    }
    if !word.isEmpty { words.append(word.lowercased()) }
    return words
  }

  /// Punctuation that only shapes a sentence: full stops, commas, colons, question and
  /// exclamation marks, quotation marks and apostrophes of every kind, parentheses and
  /// brackets, hyphens and dashes, the ellipsis. Chosen by name rather than by Unicode
  /// category, because the categories also hold signs that carry meaning (`%` and `/` are
  /// "other punctuation", `{` an "open punctuation").
  private static func isIgnorable(_ character: Character) -> Bool {
    if ignorable.contains(character) { return true }
    guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else { return false }
    // Opening and closing quotation marks of every script (« », „ “, 「 」 are Ps/Pe or Pi/Pf).
    switch scalar.properties.generalCategory {
    case .initialPunctuation, .finalPunctuation: return true
    default: return false
    }
  }

  private static let ignorable: Set<Character> = [
    ".", ",", ";", ":", "!", "?", "¡", "¿", "…", "'", "\"", "(", ")", "[", "]", "-", "‐", "‑", "‒", "–", "—", "―",
    "·", "。", "、", "，", "：", "；", "！", "？", "（", "）", "「", "」", "『", "』",
  ]
}
