import NetexportModel

/// Findings point into the file they are about: the right file, a line and column that exist,
/// and, for a character inside a message, that very character.
struct LocationCheck {
  let file: String
  let text: String
  /// The number of lines, counting every break any YAML reader or editor makes (line feed,
  /// carriage return, U+0085, U+2028, U+2029): a generous bound.
  let lineCount: Int
  /// The longest line's length in Unicode scalars, lines ending at line feeds only: the
  /// generous bound for a column, whichever breaks the reporter counted.
  let longestLine: Int
  /// The file's lines in Unicode scalars, or nil when a line break other than LF or CRLF
  /// makes readers disagree on them.
  let editorLines: [[Unicode.Scalar]]?

  init(_ text: String, file: String) {
    self.file = file
    self.text = text
    var lines = 1
    var length = 0
    var longest = 0
    var editorLines: [[Unicode.Scalar]] = []
    var agreed = true
    var current: [Unicode.Scalar] = []
    let scalars = Array(text.unicodeScalars)
    for (index, scalar) in scalars.enumerated() {
      switch scalar {
      case "\r" where index + 1 < scalars.count && scalars[index + 1] == "\n": continue
      case "\n":
        lines += 1
        longest = max(longest, length)
        length = 0
        editorLines.append(current)
        current = []
      case "\r", "\u{85}", "\u{2028}", "\u{2029}":
        // A break for YAML, not for every reader: another line, but the same line's
        // length goes on (a column counted from the last line feed stays in bounds).
        lines += 1
        length += 1
        agreed = false
      default:
        length += 1
        current.append(scalar)
      }
    }
    editorLines.append(current)
    self.editorLines = agreed ? editorLines : nil
    lineCount = lines
    longestLine = max(longest, length)
  }

  /// Checks that `location` names the file and, when it has a line, lies inside it (a
  /// column may sit one past the end of the longest line, and a position at the start of the
  /// line after the last, where an unexpected end of the file is reported).
  func check(_ location: SourceLocation?, _ what: @autoclosure () -> String) throws(InvariantViolation) {
    guard let location else { return }
    try require(location.file == file, "\(what()) names \(location.file), not \(file)")
    guard let line = location.line else {
      try require(location.column == nil, "\(what()) has a column but no line")
      return
    }
    // libyaml reports the end of a file that does not end with a line break at the start of
    // the line after it.
    if line == lineCount + 1 && (location.column ?? 1) == 1 { return }
    try require(line >= 1 && line <= lineCount, "\(what()) is on line \(line) of a file of \(lineCount) lines")
    if let column = location.column {
      try require(
        column >= 1 && column <= longestLine + 2,
        "\(what()) is at column \(column), past the longest line (\(longestLine))")
    }
  }

  /// Checks that `catalog.location(in:utf16Offset:)` finds, for the first characters of
  /// `entry`'s text that are not white space, that very character in the file (or the `\`
  /// of its escape in a double-quoted text), or falls back to the start of the value.
  ///
  /// Where a carriage return, U+0085, U+2028 or U+2029 breaks a line for YAML but not for
  /// an editor, only the bounds are checked.
  func checkCharacters(of entry: CatalogEntry, in catalog: Catalog, limit: Int = 48) throws(InvariantViolation) {
    var offset = 0
    var checked = 0
    for scalar in entry.text.unicodeScalars {
      defer { offset += scalar.utf16.count }
      if scalar.properties.isWhitespace { continue }
      checked += 1
      if checked > limit { break }
      let location = catalog.location(in: entry, utf16Offset: offset)
      try check(location, "the position of a character of '\(entry.key)'")
      guard let editorLines, location != entry.textLocation, let line = location.line, let column = location.column
      else { continue }
      let found =
        line <= editorLines.count && column <= editorLines[line - 1].count ? editorLines[line - 1][column - 1] : nil
      try require(
        found == scalar || (entry.textStyle == .doubleQuoted && found == "\\"),
        "'\(entry.key)': character \(checked) \(scalar.debugDescription) is placed at \(line):\(column), which holds \(found.map { $0.debugDescription } ?? "nothing")"
      )
    }
  }
}
