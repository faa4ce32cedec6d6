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
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard startLine <= lines.count else { return entry.textLocation }
    let mapped: (line: Int, column: Int)?
    switch entry.textStyle {
    case .doubleQuoted, .singleQuoted, .plain:
      mapped = Self.mapFlow(
        target, lines: lines, line: startLine, column: startColumn, style: entry.textStyle)
    case .literal, .folded:
      mapped = Self.mapBlock(target, lines: lines, headerLine: startLine)
    }
    guard let mapped else { return entry.textLocation }
    return SourceLocation(file: file, line: mapped.line, column: mapped.column)
  }

  private static func scalarOffset(_ utf16Offset: Int, in text: String) -> Int? {
    guard utf16Offset >= 0, utf16Offset <= text.utf16.count else { return nil }
    let index = String.Index(utf16Offset: utf16Offset, in: text)
    return text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: index)
  }

  /// Quoted and plain scalars: count the value's scalars while walking the file's.
  private static func mapFlow(
    _ target: Int, lines: [Substring], line startLine: Int, column startColumn: Int, style: CatalogEntry.Style
  ) -> (line: Int, column: Int)? {
    var produced = 0
    var lineIndex = startLine - 1
    var scalars = Array(lines[lineIndex].unicodeScalars)
    var position = startColumn - 1 + (style == .plain ? 0 : 1)
    while lineIndex < lines.count {
      if position >= scalars.count {
        // A line break inside a flow scalar folds into one space; the next line's
        // indentation is not part of the value.
        lineIndex += 1
        guard lineIndex < lines.count else { return nil }
        scalars = Array(lines[lineIndex].unicodeScalars)
        position = scalars.firstIndex { $0 != " " && $0 != "\t" } ?? scalars.count
        produced += 1
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
          produced -= 1
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
  private static func mapBlock(_ target: Int, lines: [Substring], headerLine: Int) -> (line: Int, column: Int)? {
    var produced = 0
    var indent: Int?
    for lineIndex in headerLine..<lines.count {
      let scalars = Array(lines[lineIndex].unicodeScalars)
      let leading = scalars.firstIndex { $0 != " " } ?? scalars.count
      if indent == nil {
        if leading == scalars.count { continue }
        indent = leading
      }
      guard let indent else { continue }
      if leading < indent && leading < scalars.count { return nil }
      let content = max(0, scalars.count - indent)
      if target - produced <= content { return (lineIndex + 1, indent + (target - produced) + 1) }
      produced += content + 1
    }
    return nil
  }
}
