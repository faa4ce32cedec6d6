import Foundation
public import NetexportResolution

/// Finds the document's abbreviations in running text, as whole words.
///
/// "Whole word" means no letter or digit of a script written with spaces touches the match:
/// "MEN 1" is found in "(MEN 1)" but not in "WOMEN 1"; in Chinese, where words touch,
/// "DNA" is found in "细胞的DNA发生".
struct AbbreviationFinder {
  struct Match {
    var range: Range<String.Index>
    var abbreviation: ResolvedDocument.Abbreviation
  }

  private let abbreviations: [ResolvedDocument.Abbreviation]

  init(_ abbreviations: [ResolvedDocument.Abbreviation]) {
    // Longest first, so "MEN 2" is not taken for a shorter abbreviation inside it.
    self.abbreviations = abbreviations.filter { !$0.short.text.isEmpty }
      .sorted { $0.short.text.count > $1.short.text.count }
  }

  /// The abbreviation whose short form is `text`, ignoring case and surrounding spaces.
  func abbreviation(named text: String) -> ResolvedDocument.Abbreviation? {
    let wanted = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    return abbreviations.first { $0.short.text.lowercased() == wanted }
  }

  /// The first whole-word occurrence of any abbreviation in `text[from...]`.
  func first(in text: String, from start: String.Index? = nil) -> Match? {
    var best: Match?
    let from = start ?? text.startIndex
    let asciiText = text.utf8.allSatisfy { $0 < 0x80 }
    for abbreviation in abbreviations {
      var searchStart = from
      while let range = Self.range(of: abbreviation.short.text, in: text[searchStart...], asciiText: asciiText) {
        let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
        let after = range.upperBound < text.endIndex ? text[range.upperBound] : nil
        if !Self.joins(before) && !Self.joins(after) {
          if best == nil || range.lowerBound < best!.range.lowerBound {
            best = Match(range: range, abbreviation: abbreviation)
          }
          break
        }
        searchStart = range.upperBound
      }
    }
    return best
  }

  /// Where `needle` first occurs in `text`, as Foundation's `range(of:)` finds it (which
  /// treats canonically equivalent characters alike). Between ASCII texts that is where the
  /// bytes match, found here without bridging both to `NSString` for every search (an
  /// eighth of `--all`); other texts go to Foundation.
  static func range(of needle: String, in text: Substring, asciiText: Bool) -> Range<String.Index>? {
    guard asciiText, needle.utf8.allSatisfy({ $0 < 0x80 }) else { return text.range(of: needle) }
    let pattern = Array(needle.utf8)
    guard let first = pattern.first else { return text.range(of: needle) }
    let utf8 = text.utf8
    var index = utf8.startIndex
    while let found = utf8[index...].firstIndex(of: first) {
      if utf8[found...].starts(with: pattern) {
        return found..<utf8.index(found, offsetBy: pattern.count)
      }
      index = utf8.index(after: found)
    }
    return nil
  }

  /// Whether a neighbouring character would make the match part of a longer word.
  private static func joins(_ character: Character?) -> Bool {
    guard let character, character.isLetter || character.isNumber else { return false }
    // Han, kana and Hangul are written without spaces between words.
    return !character.unicodeScalars.contains {
      $0.properties.isIdeographic || (0x3040...0x30FF).contains($0.value) || (0xAC00...0xD7AF).contains($0.value)
    }
  }
}
