import Yams

/// Turns Yams' view of a YAML file into netexport's diagnostics, with file:line:column.
enum YAMLSupport {
  /// Parses YAML text into a node tree.
  ///
  /// - Throws: `DiagnosticError` with code `malformed-yaml` or `duplicate-key`.
  ///
  /// - Parameter plainText: Read every scalar as text, without trying to recognise numbers,
  ///   booleans or dates (catalogs hold only text). Much faster on large files: Yams's
  ///   default resolver runs several regular expressions on every scalar and key.
  static func compose(_ text: String, file: String, plainText: Bool = false) throws -> Node? {
    do {
      return try Yams.compose(yaml: text, plainText ? .basic : .default)
    } catch let error as YamlError {
      throw DiagnosticError(diagnostic(for: error, text: text, file: file))
    }
  }

  static func location(_ mark: Mark?, file: String) -> SourceLocation {
    SourceLocation(file: file, line: mark?.line, column: mark?.column)
  }

  private static func diagnostic(for error: YamlError, text: String, file: String) -> Diagnostic {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let during = context.map { " (\($0.text) that starts at line \($0.mark.line), column \($0.mark.column))" } ?? ""
      return Diagnostic(code: "malformed-yaml", at: location(mark, file: file), "malformed YAML: \(problem)\(during)")
    case .reader(let problem, let offset, _, _):
      let position = offset.map { lineAndColumn(ofUTF8Offset: $0, in: text) }
      return Diagnostic(
        code: "malformed-yaml", at: SourceLocation(file: file, line: position?.line, column: position?.column),
        "malformed YAML: \(problem)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      let key = duplicates.first ?? ""
      let first = context.mark
      let second = secondOccurrence(of: key, after: first, in: text)
      let where_ =
        second.map { SourceLocation(file: file, line: $0.line, column: $0.column) } ?? location(first, file: file)
      return Diagnostic(
        code: "duplicate-key", at: where_,
        "duplicate key '\(key)' (first at \(file):\(first.line):\(first.column)); a key may appear only once, so merge the two entries"
      )
    default:
      return Diagnostic(code: "malformed-yaml", at: SourceLocation(file: file), "malformed YAML: \(error)")
    }
  }

  /// Yams reports where a duplicated key first appears; find the repeat, which sits at the
  /// same indentation further down in a block mapping.
  private static func secondOccurrence(of key: String, after mark: Mark, in text: String) -> (line: Int, column: Int)? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard mark.line >= 1, mark.line <= lines.count else { return nil }
    let indent = mark.column - 1
    let candidates = [key + ":", "\"\(key)\":", "'\(key)':"]
    for index in mark.line..<lines.count {
      let line = lines[index]
      let body = line.dropFirst(indent)
      guard line.prefix(indent).allSatisfy({ $0 == " " }) else { continue }
      if candidates.contains(where: { body.hasPrefix($0) }) {
        return (index + 1, mark.column)
      }
    }
    return nil
  }

  static func lineAndColumn(ofUTF8Offset offset: Int, in text: String) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    var consumed = 0
    for scalar in text.unicodeScalars {
      if consumed >= offset { break }
      consumed += UTF8.width(scalar)
      if scalar == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return (line, column)
  }

  /// Follows a decoding path through the node tree, to point at the YAML that a decoding
  /// error is about. Stops at the deepest node that exists.
  static func node(at path: [any CodingKey], in root: Node, preferKey: Bool = false) -> Node {
    var current = root
    for (index, key) in path.enumerated() {
      if let position = key.intValue, let sequence = current.sequence, position < sequence.count {
        current = sequence[position]
      } else if let mapping = current.mapping,
        let pair = mapping.first(where: { $0.key.string == key.stringValue })
      {
        current = preferKey && index == path.count - 1 ? pair.key : pair.value
      } else {
        break
      }
    }
    return current
  }
}
