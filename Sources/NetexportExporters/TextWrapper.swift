public import NetexportICU
import NetexportModel

/// Wraps text to a width with ICU's line-break rules, so every script wraps where its
/// readers expect: between words in English and Arabic, never before a closing punctuation
/// mark.
///
/// Chinese and Japanese paragraphs are left whole, one line each. They have no spaces between
/// words, and ICU's line breaking (like UAX #14) allows a break between almost any two
/// characters, inside words too ("神/经内分泌细胞", "肿/瘤", "29/日"); a word processor or
/// e-mail program that joins the lines back puts a space where each one ended. Wrapping only
/// where a line break is also a word boundary (ICU's dictionary word breaks) would still break
/// between "29" and "日", and still leave those spaces. Every program that shows plain text
/// wraps long lines itself.
public struct TextWrapper {
  public let width: Int
  /// Whether paragraphs are left whole (Chinese, Japanese), not wrapped to `width`.
  public let keepsParagraphsWhole: Bool
  private let lineBreaks: BreakIterator

  /// - Throws: `ICUError` when ICU has no line-break rules for the locale.
  public init(width: Int, locale: LanguageTag) throws(ICUError) {
    self.width = width
    self.keepsParagraphsWhole = ["Hans", "Hant", "Hani", "Jpan"].contains(locale.likelyScript ?? "")
    self.lineBreaks = try BreakIterator(.line, locale: locale)
  }

  /// Right-to-left lines as common plain-text viewers show them right: each line starts and
  /// ends with a RIGHT-TO-LEFT MARK (U+200F).
  ///
  /// - gedit and GNOME's text editor (GTK, Pango) choose each line's direction from its first
  ///   strong character: without the mark, a line that starts with a Latin word ("DNA",
  ///   "Mayo Clinic") is laid out left to right, flush left, in the middle of Arabic text.
  /// - Notepad, VS Code and terminals (less passes the marks through unchanged) lay every
  ///   line out left to right. There, by the bidirectional algorithm (UAX #9, rule N1), a
  ///   list's dash or number and a sentence's final full stop take the direction of the
  ///   strong characters on both sides: the marks at both ends make those right-to-left, so
  ///   the dash stands before the text and the full stop after it, as an Arabic reader
  ///   expects (only the alignment stays left).
  ///
  /// Marks, not embeddings or isolates (RLE…PDF, RLI…PDI): a mark needs no closing partner,
  /// so a line cut anywhere stays well formed, and marks are the only bidirectional controls
  /// netexport's catalog checks accept in right-to-left text (`bidi-control`). VS Code shows
  /// every one of these controls, marks included, as a visible symbol
  /// (`editor.renderControlCharacters`), so none is invisible there.
  public static func markingRightToLeft(_ lines: [String]) -> [String] {
    lines.map { $0.isEmpty ? $0 : "\u{200F}" + $0 + "\u{200F}" }
  }

  /// Wraps `text` into lines of at most `width` columns including the prefixes.
  ///
  /// - Parameters:
  ///   - firstPrefix: Put before the first line (e.g. a list marker).
  ///   - prefix: Put before every other line (e.g. the indentation under the marker).
  /// - Returns: The lines, without trailing spaces. A piece that cannot be broken and is
  ///   wider than the line (a long URL) stands alone on its line rather than be cut. Chinese
  ///   and Japanese text (`keepsParagraphsWhole`) is not wrapped: one line for each line of
  ///   the text. Controls and noncharacters in `text` are U+FFFD (`Unrepresentable`): every
  ///   line of the text exports comes from here, and an ESC or a backspace would drive the
  ///   reader's terminal.
  public func wrap(_ text: String, firstPrefix: String = "", prefix: String = "") throws(ICUError) -> [String] {
    // Before line breaking, so that a vertical tab, form feed or U+0085 does not break a line.
    let text = Unrepresentable.replaced(in: text)
    if keepsParagraphsWhole {
      return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated().map {
        trimmingTrailingSpaces(($0.offset == 0 ? firstPrefix : prefix) + $0.element)
      }
    }
    var lines: [String] = []
    var current = firstPrefix
    var currentWidth = TextColumns.count(firstPrefix)
    var lineHasText = false
    func finishLine() {
      lines.append(trimmingTrailingSpaces(current))
      current = prefix
      currentWidth = TextColumns.count(prefix)
      lineHasText = false
    }
    // ICU allows a break after "/", "-" and "?" inside a web address; a reader who copies a
    // wrapped address gets a broken one. Segments that end inside an address are joined to
    // the next, so an address moves to the next line whole (alone there if it is too long).
    let addresses = Self.addressRanges(in: text)
    var pieceStart: String.Index?
    for segment in try lineBreaks.segments(of: text) {
      let end = segment.range.upperBound
      if addresses.contains(where: { $0.lowerBound < end && end < $0.upperBound }) {
        if pieceStart == nil { pieceStart = segment.range.lowerBound }
        continue
      }
      var piece = String(text[(pieceStart ?? segment.range.lowerBound)..<end])
      pieceStart = nil
      let isHardBreak = segment.ruleStatus >= 100
      if isHardBreak { piece = String(piece.filter { !$0.isNewline }) }
      let visibleWidth = TextColumns.count(trimmingTrailingSpaces(piece))
      if lineHasText && currentWidth + visibleWidth > width {
        finishLine()
      }
      current += piece
      currentWidth += TextColumns.count(piece)
      lineHasText = true
      if isHardBreak { finishLine() }
    }
    if lineHasText || lines.isEmpty { lines.append(trimmingTrailingSpaces(current)) }
    return lines
  }

  /// Where the web and e-mail addresses of a text are: each runs from `https://`, `http://`,
  /// `www.`, `mailto:` or `tel:` (at the start of a word) to the next space, and ends before
  /// punctuation that closes a sentence or a bracket.
  ///
  /// Written by hand: Foundation's `NSDataDetector` is not implemented on Linux, and the
  /// wrapper needs only where an address starts and ends, as validation finds them
  /// (`url-changed`). An address ends at punctuation outside ASCII too (the ideographic full
  /// stop "。"), which no address contains.
  package static func addressRanges(in text: String) -> [Range<String.Index>] {
    let prefixes = ["https://", "http://", "www.", "mailto:", "tel:"]
    var ranges: [Range<String.Index>] = []
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      let previous = index == text.startIndex ? nil : text[text.index(before: index)]
      guard "hHwWmMtT".contains(character), previous.map({ !$0.isLetter && !$0.isNumber }) ?? true,
        let prefix = prefixes.first(where: { text[index...].prefix($0.count).lowercased() == $0 })
      else {
        index = text.index(after: index)
        continue
      }
      var end = text.index(index, offsetBy: prefix.count)
      while end < text.endIndex {
        let next = text[end]
        if next.isWhitespace || (!next.isASCII && next.isPunctuation)
          || next.unicodeScalars.first?.properties.generalCategory == .format
        {
          break
        }
        end = text.index(after: end)
      }
      var last = end
      while last > index, ".,;:!?)]}>\"'".contains(text[text.index(before: last)]) {
        last = text.index(before: last)
      }
      if text.distance(from: index, to: last) > prefix.count { ranges.append(index..<last) }
      index = end
    }
    return ranges
  }

  private func trimmingTrailingSpaces(_ text: String) -> String {
    var result = Substring(text)
    while let last = result.last, last == " " || last == "\u{3000}" || last == "\t" { result = result.dropLast() }
    return String(result)
  }
}
