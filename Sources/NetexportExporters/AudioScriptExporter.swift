import Foundation
import NetexportICU
import NetexportModel
public import NetexportResolution

/// A narrator's script in plain text: what to say, in order, with numbers and dates in words,
/// abbreviations explained, and directions to the narrator in square brackets on lines of their
/// own (a pause, the pronunciation guide, and first, for a machine's translation not all
/// reviewed by a person, the sentence that says so). Nothing else on the page is meant only for the eye:
/// no bullets, no web addresses.
///
/// The script's contract: a direction is one line, which starts with `[` and ends with `]`,
/// and no other line has a square bracket. Directions are never wrapped, however long: a
/// wrapped direction would continue on a line that does not show it is one (and a
/// narrator's respelling could be cut at a hyphen, "su-pra-rre-" / "NAL]"). Text from a
/// catalog or a content file, said or inside a direction, has its square brackets written as
/// parentheses and its line breaks as spaces, so that it can neither start a direction of its
/// own nor end one early. In a right-to-left script every line starts and ends with a
/// RIGHT-TO-LEFT MARK (`TextWrapper.markingRightToLeft`): there, "starts" and "ends" are read
/// inside the marks.
public struct AudioScriptExporter: TextExporter, SpokenScriptExporter {
  /// The widest line, in terminal columns.
  public let width: Int

  public init(width: Int = 72) { self.width = width }

  public var spoken: Bool { true }

  public func export(_ document: ResolvedDocument) throws -> String {
    try export(document, script: try SpokenScript(document))
  }

  public func render(_ document: ResolvedDocument, script: SpokenScript) throws -> ExportContents {
    .text(try export(document, script: script))
  }

  /// The export of `script`, which `SpokenScript(document)` built.
  func export(_ document: ResolvedDocument, script: SpokenScript) throws -> String {
    let wrapper = try TextWrapper(width: width, locale: document.locale)
    // Right-to-left lines carry marks so common viewers lay them out right.
    func wrap(_ text: String) throws -> [String] {
      let lines = try wrapper.wrap(text)
      return document.locale.isRightToLeft ? TextWrapper.markingRightToLeft(lines) : lines
    }
    var out: [String] = []
    func direction(_ text: String) {
      let line = Self.direction(text)
      out += document.locale.isRightToLeft ? TextWrapper.markingRightToLeft([line]) : [line]
    }

    // For the staff who record it, never read aloud: a machine made the translation and a
    // person has not reviewed all of it.
    if let notice = document.machineTranslationNotice {
      direction(notice.text)
      out.append("")
    }
    if !script.pronunciations.isEmpty {
      direction(try document.messages.format("audio.pronunciation-guide").text)
      for entry in script.pronunciations {
        direction("\(entry.term): \(entry.pronunciation)")
      }
      out.append("")
    }
    let pause = try document.messages.format("audio.pause").text
    // Where the last pause's line is, while nothing has been said after it: pauses in a row
    // are one, and the script does not end with one.
    var pauseStart: Int?
    for block in script.blocks {
      switch block {
      case .pause:
        if pauseStart == nil {
          pauseStart = out.count
          direction(pause)
          out.append("")
        }
      case .paragraph(let sentences):
        out += try wrap(Self.unbracketed(Self.join(sentences.map(\.written))))
        out.append("")
        pauseStart = nil
      }
    }
    if let pauseStart { out.removeSubrange(pauseStart...) }
    while out.last == "" { out.removeLast() }
    return out.joined(separator: "\n") + "\n"
  }

  /// Sentences joined with a space, except after a full-width stop (Chinese, Japanese), which
  /// needs none.
  static func join(_ sentences: [String]) -> String {
    var text = ""
    for sentence in sentences {
      if let last = text.last, !"。！？：".contains(last) { text += " " }
      text += sentence
    }
    return text
  }

  /// A direction to the narrator as its one line: in square brackets, with the text's own
  /// square brackets as parentheses, its line breaks (LF, CR, U+2028, U+2029) as spaces, and
  /// controls and noncharacters as U+FFFD (`Unrepresentable`), as on every line of the text
  /// exports.
  static func direction(_ text: String) -> String {
    let flat = Unrepresentable.replaced(in: unbracketed(text)).map { $0.isNewline ? " " : $0 }
    return "[" + String(flat).trimmingCharacters(in: .whitespaces) + "]"
  }

  /// `text` with its square brackets as parentheses, code point by code point (a bracket
  /// followed by a combining mark is still a bracket to whoever reads the script).
  static func unbracketed(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0 == "[" || $0 == "]" }) else { return text }
    return String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { $0 == "[" ? "(" : $0 == "]" ? ")" : $0 }))
  }
}
