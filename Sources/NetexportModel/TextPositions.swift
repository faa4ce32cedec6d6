import Foundation

extension Catalog {
  /// Where a character of an entry's message is in the file: the place a finding about that
  /// character (a syntax error, a stray control) should point at.
  ///
  /// YAML escapes and quoting make a message's characters and the file's differ, so the
  /// scalar is read again from its start. Written by hand because Yams reports only where a
  /// scalar starts. Falls back to the start of the value when the position cannot be found.
  ///
  /// - Parameter utf16Offset: Offset in the message text, in UTF-16 code units (as ICU reports).
  public func location(in entry: CatalogEntry, utf16Offset: Int) -> SourceLocation {
    guard let startLine = entry.textLocation.line, let startColumn = entry.textLocation.column, !text.isEmpty,
      let target = Self.scalarOffset(utf16Offset, in: entry.text)
    else { return entry.textLocation }
    let lines = FileLines(text: text, starts: lineStarts)
    guard startLine <= lines.count else { return entry.textLocation }
    let mapped: (line: Int, column: Int)?
    switch entry.textStyle {
    case .doubleQuoted, .singleQuoted, .plain:
      mapped = Self.mapFlow(
        target, lines: lines, line: startLine, column: startColumn, style: entry.textStyle)
    case .literal, .folded:
      mapped = Self.mapBlock(target, lines: lines, headerLine: startLine, folded: entry.textStyle == .folded)
    }
    guard let mapped else { return entry.textLocation }
    return SourceLocation(file: file, line: mapped.line, column: mapped.column)
  }

  private static func isBlank(_ line: [Unicode.Scalar]) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" } }

  private static func scalarOffset(_ utf16Offset: Int, in text: String) -> Int? {
    guard utf16Offset >= 0, utf16Offset <= text.utf16.count else { return nil }
    let index = String.Index(utf16Offset: utf16Offset, in: text)
    return text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: index)
  }

  /// Quoted and plain scalars: count the value's scalars while walking the file's.
  private static func mapFlow(
    _ target: Int, lines: FileLines, line startLine: Int, column startColumn: Int,
    style: CatalogEntry.Style
  ) -> (line: Int, column: Int)? {
    var produced = 0
    var lineIndex = startLine - 1
    var scalars = lines[lineIndex]
    var position = startColumn - 1 + (style == .plain ? 0 : 1)
    var escapedBreak = false
    while lineIndex < lines.count {
      // Spaces before a line break are not part of a flow scalar's value.
      if position < scalars.count && isBlank(Array(scalars[position...])) { position = scalars.count }
      if position >= scalars.count {
        // A line break inside a flow scalar folds into one space, or, when blank lines
        // follow, into one line feed per blank line; an escaped line break (`\` at the end
        // of a double-quoted line) into nothing. LS and PS are kept as they are, before the
        // blank lines' line feeds. Indentation is not part of the value.
        let kept = !escapedBreak && lines.lineBreak(after: lineIndex)?.isKeptInText == true
        var blankLines = 0
        repeat {
          lineIndex += 1
          guard lineIndex < lines.count else { return nil }
          if isBlank(lines[lineIndex]) { blankLines += 1 } else { break }
        } while true
        scalars = lines[lineIndex]
        position = scalars.firstIndex { $0 != " " && $0 != "\t" } ?? scalars.count
        produced += kept ? 1 + blankLines : blankLines > 0 ? blankLines : (escapedBreak ? 0 : 1)
        escapedBreak = false
        continue
      }
      if produced >= target { return (lineIndex + 1, position + 1) }
      let scalar = scalars[position]
      switch style {
      case .doubleQuoted where scalar == "\\":
        let next = position + 1 < scalars.count ? scalars[position + 1] : nil
        let width: Int =
          switch next {
          case "x": 4
          case "u": 6
          case "U": 10
          case nil: 1
          default: 2
          }
        if next == nil {
          // An escaped line break: the value goes on at the next line without a space.
          position = scalars.count
          escapedBreak = true
          continue
        }
        position += width
        produced += 1
      case .doubleQuoted where scalar == "\"", .singleQuoted where scalar == "'" && position + 1 >= scalars.count:
        return nil
      case .singleQuoted where scalar == "'":
        if scalars[position + 1] == "'" {
          position += 2
          produced += 1
        } else {
          return nil
        }
      default:
        position += 1
        produced += 1
      }
    }
    return nil
  }

  /// Literal (`|`) and folded (`>`) scalars: the value starts on the line after the header,
  /// at the block's indentation.
  ///
  /// In a literal scalar every line break is kept. In a folded one a break between two lines
  /// of text becomes a space, and one followed by blank lines is dropped (each blank line
  /// gives a line feed), except around more-indented lines, whose breaks are kept.
  private static func mapBlock(
    _ target: Int, lines: FileLines, headerLine: Int, folded: Bool
  ) -> (line: Int, column: Int)? {
    var produced = 0
    var indent: Int?
    // Whether the last line of text before the current run of blank lines was more
    // indented; nil before the first line of text.
    var previousMoreIndented: Bool?
    // Whether the line break after the last line of text is LS or PS, which YAML keeps.
    var previousBreakKept = false
    var blankLines = 0
    for lineIndex in headerLine..<lines.count {
      let scalars = lines[lineIndex]
      let leading = scalars.firstIndex { $0 != " " } ?? scalars.count
      if indent == nil {
        if leading == scalars.count {
          blankLines += 1
          continue
        }
        indent = leading
      }
      guard let indent else { continue }
      if leading < indent && leading < scalars.count { return nil }
      if leading == scalars.count && scalars.count <= indent {
        blankLines += 1
        continue
      }
      let moreIndented = leading > indent || (leading < scalars.count && scalars[leading] == "\t")
      if let previousMoreIndented {
        // The line break after the previous line of text, and the blank lines since.
        let dropsBreak = folded && blankLines > 0 && !previousMoreIndented && !moreIndented && !previousBreakKept
        produced += blankLines + (dropsBreak ? 0 : 1)
      } else {
        // Blank lines before the first line of text are line feeds of the value.
        produced += blankLines
      }
      blankLines = 0
      let content = scalars.count - indent
      if target - produced <= content { return (lineIndex + 1, indent + (target - produced) + 1) }
      produced += content
      previousMoreIndented = moreIndented
      previousBreakKept = lines.lineBreak(after: lineIndex)?.isKeptInText == true
    }
    return nil
  }
}

/// Where each line of a text starts (`FileLines.starts(of:)`), found when first asked for and
/// then kept: a catalog is read and checked on one thread but copied freely, so the copies
/// share one computation behind a lock.
///
/// Compares equal to any other: it is derived from the text, which whoever holds it compares
/// (`Catalog`'s synthesized `Hashable`).
final class LineStarts: Hashable, @unchecked Sendable {
  let text: String
  private let lock = NSLock()
  private var found: [Int]?

  init(_ text: String) { self.text = text }

  /// UTF-8 offset where each line starts.
  var starts: [Int] {
    lock.lock()
    defer { lock.unlock() }
    if let found { return found }
    let starts = FileLines.starts(of: text)
    found = starts
    return starts
  }

  var lines: FileLines { FileLines(text: text, starts: starts) }

  static func == (lhs: LineStarts, rhs: LineStarts) -> Bool { true }
  func hash(into hasher: inout Hasher) {}
}

/// A file's lines as Unicode scalars, without their line breaks (any `LineBreak`, as YAML
/// counts lines), decoded only when asked for: a finding needs two or three lines of a file
/// that may hold thousands.
struct FileLines {
  let text: String
  /// UTF-8 offset where each line starts.
  let starts: [Int]

  var count: Int { starts.count }

  subscript(index: Int) -> [Unicode.Scalar] {
    let utf8 = text.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: starts[index])
    let end = utf8.index(utf8.startIndex, offsetBy: starts[index] + contentCount(index))
    return Array(text[start..<end].unicodeScalars)
  }

  /// The line break that ends a line (`nil` for the last line, when nothing follows it).
  func lineBreak(after index: Int) -> LineBreak? {
    guard index + 1 < starts.count else { return nil }
    return LineBreak.withUTF8(text) { LineBreak.before(starts[index + 1], in: $0) }
  }

  /// The number of UTF-8 bytes of a line without its line break.
  private func contentCount(_ index: Int) -> Int {
    guard index + 1 < starts.count else { return text.utf8.count - starts[index] }
    return starts[index + 1] - starts[index] - (lineBreak(after: index)?.utf8Count ?? 0)
  }

  /// Where each line of a text starts, in UTF-8 offsets. A text ending in a line break has
  /// an empty last line, as an editor shows it.
  static func starts(of text: String) -> [Int] {
    var starts = [0]
    LineBreak.forEachLine(in: text) { content, lineBreak in
      if let lineBreak { starts.append(content.upperBound + lineBreak.utf8Count) }
    }
    return starts
  }

  /// The 1-based line and column (in Unicode scalars) of a UTF-8 offset in `text`.
  static func lineAndColumn(ofUTF8Offset offset: Int, in text: String) -> (line: Int, column: Int) {
    let starts = starts(of: text)
    let offset = min(max(offset, 0), text.utf8.count)
    // The last line starting at or before the offset.
    var low = 0
    var high = starts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if starts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    let utf8 = text.utf8
    let lineStart = utf8.index(utf8.startIndex, offsetBy: starts[low])
    let position = utf8.index(utf8.startIndex, offsetBy: offset)
    return (low + 1, text.unicodeScalars.distance(from: lineStart, to: position) + 1)
  }
}
