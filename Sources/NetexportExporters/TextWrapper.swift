public import NetexportICU
import NetexportModel

/// Wraps text to a width with ICU's line-break rules, so every script wraps where its
/// readers expect: between words in English, between characters in Chinese, never before
/// a closing punctuation mark.
public struct TextWrapper {
  public let width: Int
  private let lineBreaks: BreakIterator

  /// - Throws: `ICUError` when ICU has no line-break rules for the locale.
  public init(width: Int, locale: LanguageTag) throws(ICUError) {
    self.width = width
    self.lineBreaks = try BreakIterator(.line, locale: locale)
  }

  /// Wraps `text` into lines of at most `width` columns including the prefixes.
  ///
  /// - Parameters:
  ///   - firstPrefix: Put before the first line (e.g. a list marker).
  ///   - prefix: Put before every other line (e.g. the indentation under the marker).
  /// - Returns: The lines, without trailing spaces. A piece that cannot be broken and is
  ///   wider than the line (a long URL) stands alone on its line rather than be cut. Controls
  ///   and noncharacters in `text` are U+FFFD (`Unrepresentable`): every line of the text
  ///   exports comes from here, and an ESC or a backspace would drive the reader's terminal.
  public func wrap(_ text: String, firstPrefix: String = "", prefix: String = "") throws(ICUError) -> [String] {
    // Before line breaking, so that a vertical tab, form feed or U+0085 does not break a line.
    let text = Unrepresentable.replaced(in: text)
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
    for segment in try lineBreaks.segments(of: text) {
      var piece = String(text[segment.range])
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

  private func trimmingTrailingSpaces(_ text: String) -> String {
    var result = Substring(text)
    while let last = result.last, last == " " || last == "\u{3000}" || last == "\t" { result = result.dropLast() }
    return String(result)
  }
}
