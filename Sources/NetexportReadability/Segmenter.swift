public import NetexportICU

/// Cuts text into sentences and words with ICU, for one locale.
///
/// Sentences come from ICU's sentence break iterator, without ICU's own abbreviation
/// suppressions (`@ss=standard`): those match list entries as word *suffixes*, so German
/// "Fieber." (`r.`) or Portuguese "hospital." (`l.`) would wrongly run two sentences together,
/// and English's list lacks "Dr.". Instead, a break right after a whole-word abbreviation
/// from the locale's list (`Abbreviations`) is removed. Decimals ("2.5 mg", "2,5 mg") never
/// split: ICU does not break inside a number.
///
/// Not thread safe (it keeps its ICU iterators): use one per task.
public final class Segmenter {
  public let locale: LanguageTag
  private let sentenceIterator: BreakIterator
  private let wordIterator: BreakIterator
  private let abbreviations: AbbreviationList

  /// A word as ICU's word break iterator classifies it.
  public struct Word: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
      case letters, number, kana, ideographs
    }

    public var text: Substring
    public var kind: Kind
  }

  public init(locale: LanguageTag) throws(ICUError) {
    self.locale = locale
    sentenceIterator = try BreakIterator(.sentence, locale: locale)
    wordIterator = try BreakIterator(.word, locale: locale)
    abbreviations = AbbreviationList(language: locale.language)
  }

  /// The sentences of a text, without surrounding whitespace; empty ones left out.
  public func sentences(in text: String) throws(ICUError) -> [Substring] {
    let segments = try sentenceIterator.segments(of: text)
    var sentences: [Substring] = []
    var start: String.Index?
    for (index, segment) in segments.enumerated() {
      let begin = start ?? segment.range.lowerBound
      let isLast = index == segments.count - 1
      if !isLast
        && endsWithAbbreviation(text[begin..<segment.range.upperBound], next: text[segment.range.upperBound...])
      {
        start = begin
        continue
      }
      start = nil
      let sentence = text[begin..<segment.range.upperBound].trimmingWhitespace()
      if !sentence.isEmpty { sentences.append(sentence) }
    }
    return sentences
  }

  /// The words of a text: letters, numbers, kana and ideographs; punctuation and spaces left out.
  public func words(in text: String) throws(ICUError) -> [Word] {
    try wordIterator.segments(of: text).compactMap { segment in
      let kind: Word.Kind
      switch segment.ruleStatus {
      case 100..<200: kind = .number
      case 200..<300: kind = .letters
      case 300..<400: kind = .kana
      case 400..<500: kind = .ideographs
      default: return nil
      }
      return Word(text: text[segment.range], kind: kind)
    }
  }

  /// Whether the text before a sentence break ends with one of the locale's abbreviations
  /// as a whole word ("Dr." but not "Fieber." for "r."), so that the break is not real.
  private func endsWithAbbreviation(_ before: Substring, next: Substring) -> Bool {
    let trimmed = before.trimmingWhitespace()
    guard trimmed.last == "." else { return false }
    // The token before the break ("Dr.", "e.g.", "B."): only abbreviations ending with it
    // need a closer look.
    let scalars = trimmed.unicodeScalars
    let tokenStart =
      scalars.lastIndex { $0.properties.isWhitespace }.map { scalars.index(after: $0) } ?? scalars.startIndex
    let lastToken = trimmed[tokenStart...]
    guard abbreviations.ends.contains(where: { lastToken.hasSuffix($0) }) else { return false }
    for abbreviation in abbreviations.whole {
      if Self.hasWholeWordSuffix(trimmed, abbreviation) { return true }
    }
    for (head, tail) in abbreviations.splits
    where Self.hasWholeWordSuffix(trimmed, head) && next.drop(while: \.isWhitespace).hasPrefix(tail) {
      return true  // a multi-part abbreviation ICU split in the middle: "z." | "B. ..."
    }
    return false
  }

  private static func hasWholeWordSuffix(_ text: Substring, _ word: String) -> Bool {
    guard text.hasSuffix(word) else { return false }
    let start = text.index(text.endIndex, offsetBy: -word.count)
    guard start > text.startIndex else { return true }
    let before = text[text.index(before: start)]
    return !(before.isLetter || before.isNumber || before == ".")
  }
}

extension StringProtocol {
  func trimmingWhitespace() -> SubSequence {
    let start = firstIndex { !$0.isWhitespace } ?? endIndex
    let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
    return self[start..<Swift.max(start, end)]
  }
}

/// A language's abbreviations, and the parts the sentence check looks for.
struct AbbreviationList: Sendable {
  /// Each abbreviation as a whole ("z. B.").
  let whole: [String]
  /// The last space-separated part of each abbreviation, and of each head of a multi-part one.
  let ends: Set<String>
  /// Multi-part abbreviations cut at each space: ("z.", "B.") for "z. B.".
  let splits: [(head: String, tail: String)]

  init(language: String) {
    whole = Abbreviations.list(forLanguage: language)
    var splits: [(head: String, tail: String)] = []
    var ends = Set<String>()
    for abbreviation in whole {
      let parts = abbreviation.split(separator: " ").map(String.init)
      ends.insert(parts.last ?? abbreviation)
      for split in 1..<max(1, parts.count) {
        splits.append((parts[..<split].joined(separator: " "), parts[split...].joined(separator: " ")))
        ends.insert(parts[split - 1])
      }
    }
    self.ends = ends
    self.splits = splits
  }
}

/// Abbreviations after which a full stop does not end a sentence, per language: whole words,
/// checked against the word boundary before them. Titles, and the Latin and local short
/// forms patient texts use; case matters ("No." is "number", "no." is not).
public enum Abbreviations {
  public static func list(forLanguage language: String) -> [String] {
    switch language {
    case "en":
      [
        "Dr.", "Drs.", "Mr.", "Mrs.", "Ms.", "Prof.", "St.", "Jr.", "Sr.", "e.g.", "i.e.", "E.g.", "I.e.", "vs.", "No.",
        "Nos.", "approx.", "Fig.", "Vol.", "Pa.", "U.S.", "Inc.", "Ltd.", "Co.", "Mt.", "Ave.", "Dept.", "Jan.", "Feb.",
        "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
      ]
    case "es":
      [
        "Sr.", "Sra.", "Srta.", "Dr.", "Dra.", "Ud.", "Uds.", "Vd.", "Vds.", "Dña.", "p. ej.", "etc.", "aprox.",
        "núm.", "pág.", "tel.", "EE. UU.", "Lic.", "Ing.",
      ]
    case "fr":
      [
        "M.", "MM.", "Mme.", "Mlle.", "Dr.", "Pr.", "p. ex.", "etc.", "env.", "cf.", "n°.", "St.", "Ste.", "av.",
        "J.-C.",
      ]
    case "de":
      [
        "Dr.", "Prof.", "Hr.", "Fr.", "z. B.", "d. h.", "u. a.", "bzw.", "ca.", "usw.", "vgl.", "Nr.", "ggf.",
        "evtl.", "inkl.", "z. T.", "Std.", "Tel.",
      ]
    case "pt":
      [
        "Sr.", "Sra.", "Srta.", "Dr.", "Dra.", "p. ex.", "etc.", "aprox.", "n.º", "pág.", "tel.", "Av.", "Prof.",
        "Profa.",
      ]
    case "it":
      [
        "Sig.", "Sig.ra", "Sigg.", "Dott.", "Dott.ssa", "Prof.", "Avv.", "Ing.", "ecc.", "es.", "ad es.", "pag.",
        "tel.",
      ]
    default:
      ["Dr.", "Prof.", "St."]
    }
  }
}
