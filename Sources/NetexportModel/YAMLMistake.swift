/// The mistakes people make most in a YAML file they edit by hand, told in their terms and
/// at the line where they made them.
///
/// libyaml reports where it got lost, which is often lines below the mistake: a quotation
/// mark left unclosed on line 30 is "did not find expected key" at 33:14, where the next
/// quotation mark happens to close it. The last text libyaml read before the error (its
/// `SyntaxError.lastScalar`) and the character at the error say what happened. Written by
/// hand because no YAML library explains its errors for a person; anything not recognized
/// keeps libyaml's own message.
enum YAMLMistake {
  /// Where the mistake is and what to do, or `nil` when the error is none of those known.
  static func explain(
    _ error: YAMLEventReader.SyntaxError, in text: String
  ) -> (position: YAMLEventReader.Position, message: String)? {
    guard let position = error.position else { return nil }
    let lines = FileLines(text: text, starts: FileLines.starts(of: text))
    func line(_ number: Int) -> [Unicode.Scalar] {
      number >= 1 && number <= lines.count ? lines[number - 1] : []
    }
    func character(at position: YAMLEventReader.Position) -> Unicode.Scalar? {
      let scalars = line(position.line)
      return position.column >= 1 && position.column <= scalars.count ? scalars[position.column - 1] : nil
    }

    // A tab: in the indentation (libyaml reports the line), or where a token should start.
    let errorLine = line(position.line)
    if let tab = errorLine.firstIndex(of: "\t"),
      character(at: position) == "\t" || error.problem.contains("tab")
        || errorLine.prefix(tab).allSatisfy({ $0 == " " })
    {
      return (
        YAMLEventReader.Position(line: position.line, column: tab + 1),
        "a tab: YAML indents with spaces, never tabs; replace the tab with spaces (as many as the lines around it use)"
      )
    }

    // A quoted text never closed before the end of the file.
    if error.context == "while scanning a quoted scalar", let start = error.contextPosition {
      let double = character(at: start) == "\""
      return (start, unclosed(double: double, runsTo: nil))
    }

    if let scalar = error.lastScalar, scalar.style == .doubleQuoted || scalar.style == .singleQuoted {
      let double = scalar.style == .doubleQuoted
      // A quoted text that runs on past its line: its closing quotation mark is missing, and
      // the next one in the file closed it instead.
      if scalar.start.line < scalar.end.line && position.line == scalar.end.line {
        return (scalar.start, unclosed(double: double, runsTo: scalar.end.line))
      }
      // A quoted text that ends early, at a quotation mark inside it, with words after it.
      if scalar.start.line == scalar.end.line && position.line == scalar.end.line
        && position.column >= scalar.end.column
        && errorLine.dropFirst(scalar.end.column - 1).prefix(position.column - scalar.end.column).allSatisfy({
          $0 == " "
        }) && character(at: position) != "#"
      {
        let closing = YAMLEventReader.Position(line: scalar.end.line, column: scalar.end.column - 1)
        return (
          closing,
          double
            ? "this quotation mark ends the text in double quotes that starts at column \(scalar.start.column), and YAML cannot read what follows it; inside double quotes write a quotation mark as \\\" (or use “ ” in the text)"
            : "this apostrophe ends the text in single quotes that starts at column \(scalar.start.column), and YAML cannot read what follows it; inside single quotes write an apostrophe as '' (two apostrophes), or write the text in double quotes"
        )
      }
    }

    // "Nota: questo" without quotes: YAML takes "Nota" for a key.
    if error.problem == "mapping values are not allowed in this context" {
      return (
        position,
        "a colon followed by a space inside a text that is not in quotes, which YAML reads as a key; write the whole text in double quotes (text: \"...\")"
      )
    }
    return nil
  }

  private static func unclosed(double: Bool, runsTo line: Int?) -> String {
    let mark = double ? "\"" : "'"
    let what = double ? "double quotes" : "single quotes"
    guard let line else {
      return
        "the text in \(what) that starts here is never closed, so YAML reads on to the end of the file; end it with \(mark) (\(inside(double)))"
    }
    return
      "the text in \(what) that starts here is not closed on its line, so YAML reads on to the next \(mark) (line \(line)) and cannot make sense of what follows it; end it with \(mark) (\(inside(double)))"
  }

  private static func inside(_ double: Bool) -> String {
    double ? "a quotation mark inside the text is written \\\"" : "an apostrophe inside the text is written ''"
  }
}
