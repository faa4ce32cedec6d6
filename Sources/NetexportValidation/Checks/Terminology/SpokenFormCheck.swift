import Foundation
public import NetexportModel

extension FindingCode {
  public static let spokenForm = FindingCode(
    "spoken-form", .error,
    "A glossary's spoken form has a bracket, quotation mark, colon, digit, instruction or word in capitals, or a speech field on a term.",
    family: TerminologyFindings.family)
}

/// Checks what a glossary tells speech engines (`spoken`, `letters`, `expand`): a spoken
/// form is given to engines as it is (SSML's `sub alias`), so it must be words an engine can
/// say, not a narrator's respelling or a note to a person.
///
/// Each problem is a `spoken-form` error: an engine would read a bracket, a quotation mark, a
/// colon or a digit aloud or stumble on it, say an instruction ("read letter by letter",
/// "三个字母") as if it were the term, and may spell a word written in capitals letter by
/// letter (a respelling's stressed syllable, "DOIS").
public enum SpokenFormCheck {
  /// The problems of a glossary's speech fields.
  ///
  /// - Parameter language: The glossary's language (`en`, `zh`, ...), whose instruction words
  ///   are looked for beside the English ones.
  public static func findings(_ glossary: [GlossaryEntry], language: String, locale: String? = nil) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    func report(_ entry: GlossaryEntry, field: String, _ message: String) {
      findings.append(
        Diagnostic(
          .error, code: .spokenForm, at: entry.fieldLocations[field] ?? entry.location, message, locale: locale,
          key: entry.key))
    }
    for entry in glossary {
      let isAbbreviation = entry.key.hasPrefix("abbr.")
      for field in ["spoken", "letters", "expand"] where !isAbbreviation && entry.fieldLocations[field] != nil {
        report(
          entry, field: field,
          "'\(field)' of glossary entry '\(entry.key)' applies only to abbreviations (abbr.*): speech says a term as the text writes it"
        )
      }
      guard isAbbreviation, let spoken = entry.spoken else { continue }
      if entry.letters {
        report(
          entry, field: "spoken",
          "glossary entry '\(entry.key)' has both a spoken form and 'letters: true'; keep one: the spoken form is said instead of the abbreviation, 'letters' spells it"
        )
      }
      if let problem = problem(in: spoken, language: language) {
        report(entry, field: "spoken", "the spoken form of '\(entry.key)' \(problem)")
      }
    }
    return findings
  }

  /// What makes a text unfit for an engine to say, or nil.
  static func problem(in spoken: String, language: String) -> String? {
    let trimmed = spoken.trimmingCharacters(in: .whitespacesAndNewlines)
    if trimmed.isEmpty {
      return "is empty; write the words an engine should say, or remove the field"
    }
    let lowered = trimmed.lowercased()
    let loweredWords = Set(words(of: trimmed).map { $0.lowercased() })
    for instruction in instructionWords["en", default: []] + instructionWords[language, default: []] {
      // Chinese is written without spaces, and a phrase has them: both are looked for inside
      // the text, other instructions as whole words.
      let inside = instruction.contains(" ") || instruction.unicodeScalars.allSatisfy { $0.value >= 0x3000 }
      let found = inside ? lowered.contains(instruction) : loweredWords.contains(instruction)
      if found {
        return
          "has the instruction '\(instruction)': an engine says it as if it were part of the term; write only the words to say (for letters, 'letters: true'; notes for the narrator go in 'pronunciation')"
      }
    }
    let characters = Array(trimmed)
    for (index, character) in characters.enumerated() {
      if brackets.contains(character) {
        return
          "has the bracket '\(character)': an engine reads what a bracket holds as part of the term; write only the words to say (notes for the narrator go in 'pronunciation')"
      }
      if character == ":" || character == "：" {
        return
          "has a colon: write only the words to say, not an instruction and its object (notes for the narrator go in 'pronunciation')"
      }
      if quotes.contains(character) {
        // An apostrophe inside a word ("don't", "l'ADN") is spelling, not a quotation mark.
        let inWord =
          (character == "'" || character == "’") && index > 0 && index + 1 < characters.count
          && characters[index - 1].isLetter && characters[index + 1].isLetter
        if !inWord {
          return "has the quotation mark '\(character)': an engine may say it or pause; write the words without quotes"
        }
      }
      if character.unicodeScalars.contains(where: { $0.properties.numericType == .decimal }) {
        return "has the digit '\(character)': write the number in words, as it is said"
      }
    }
    let words = words(of: trimmed)
    for word in words
    where word.count >= 2 && word.contains(where: \.isUppercase) && !word.contains(where: \.isLowercase) {
      return
        "writes '\(word)' in capitals: engines may spell a word in capitals letter by letter, and a stressed syllable in capitals is a narrator's mark; write it in lower case, or use 'letters: true' for an abbreviation said letter by letter"
    }
    let capitals = words.filter { $0.count == 1 && $0.first!.isUppercase }
    if capitals.count >= 2 {
      return
        "spells letters as capitals with spaces ('\(capitals.joined(separator: " "))'): an engine reads a lone capital as a word (English 'A' as 'uh'); use 'letters: true' instead"
    }
    return nil
  }

  /// The words of a text: runs of letters and marks, split at everything else (spaces,
  /// hyphens, commas).
  static func words(of text: String) -> [Substring] {
    text.split(whereSeparator: { (character: Character) -> Bool in
      !(character.isLetter || character.unicodeScalars.allSatisfy { isMark($0) })
    })
  }

  private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: true
    default: false
    }
  }

  static let brackets: Set<Character> = [
    "(", ")", "[", "]", "{", "}", "<", ">", "（", "）", "【", "】", "〔", "〕", "［", "］", "「", "」", "『", "』", "《", "》",
  ]
  static let quotes: Set<Character> = ["\"", "'", "“", "”", "‘", "’", "„", "‚", "«", "»", "‹", "›", "＂", "＇"]

  /// Words that instruct a narrator rather than say the term, by language (lower case).
  /// A short list of our own: no library knows them. Whole words, except in languages
  /// written without spaces (Chinese), where they are found inside the text.
  static let instructionWords: [String: [String]] = [
    "en": ["read", "say", "spell", "spelled", "letter", "letters", "pronounce", "pronounced", "stress", "stressed"],
    "es": ["lea", "leer", "léase", "diga", "deletrear", "deletree", "letra", "letras", "pronunciar", "pronuncie"],
    "fr": ["lire", "lisez", "dites", "épeler", "épelez", "lettre", "lettres", "prononcer", "prononcez"],
    "de": ["lesen", "lies", "sprich", "buchstabieren", "buchstabiert", "buchstabe", "buchstaben", "aussprechen"],
    "pt": ["ler", "leia", "diga", "soletrar", "soletre", "letra", "letras", "pronunciar", "pronuncie"],
    "zh": ["读", "念", "字母", "发音", "拼读"],
    "ar": ["اقرأ", "يقرأ", "تقرأ", "انطق", "حرف", "حروف", "تهجئة"],
    "vi": ["đọc", "chữ cái", "phát âm", "đánh vần"],
  ]
}
