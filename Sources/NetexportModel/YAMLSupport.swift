import Yams

/// Turns libyaml's and Yams' view of a YAML file into netexport's diagnostics, with
/// file:line:column, and refuses the YAML netexport's files never use.
package enum YAMLSupport {
  /// Parses YAML text into a Yams node tree (for content files and the manifest; catalogs are
  /// read from events), after `checkStructure` has refused what would make composing unsafe.
  ///
  /// Every scalar is composed as text, without Yams' default resolver: it runs several
  /// regular expressions on every scalar and key (a third of reading a content file), and
  /// its readers parse the few numbers and booleans themselves (`ContentReader.booleans`).
  ///
  /// - Throws: `DiagnosticError` with code `malformed-yaml`, `unsupported-yaml` or
  ///   `duplicate-key`.
  ///
  /// - Parameter plainText: The file is read as text only (the manifest). Otherwise (content
  ///   files, whose values follow YAML's default schema) keys must read as text in that
  ///   schema too.
  static func compose(_ text: String, file: String, plainText: Bool = false) throws -> Node? {
    try checkStructure(text, file: file, textKeys: !plainText)
    do {
      return try Yams.compose(yaml: text, .basic)
    } catch let error as YamlError {
      throw DiagnosticError(diagnostic(for: error, text: text, file: file))
    }
  }

  /// How deep mappings and sequences may nest. A catalog needs four levels (the file, its
  /// sections, an entry, an `allow` list) and a content file about ten; the limit keeps a
  /// hostile file from exhausting the stack of a recursive reader.
  static let maximumDepth = 64

  /// The largest YAML text netexport parses: the largest file the file reader reads, so that
  /// text that reaches the parser some other way gets the same limit, and `update` never
  /// writes a catalog too large to read back. Parsing is linear in the text's size; the
  /// limit bounds the time and memory.
  static let maximumDocumentSize = TextFile.maximumInputSize

  /// Refuses, from libyaml's events and before any node tree is composed, what catalogs and
  /// content files never need and what makes composing dangerous: anchors and aliases (an
  /// alias "bomb" used as mapping keys takes minutes to compose), tags (`!!binary`,
  /// `!!python/object:...`, which would otherwise be silently read as text), keys that are
  /// lists or mappings, and nesting deeper than `maximumDepth`.
  ///
  /// - Parameter textKeys: Also refuse plain keys that YAML's default schema reads as
  ///   something other than text (`1:`, `true:`, `~:`), for files decoded with that schema.
  /// - Throws: `DiagnosticError` with code `malformed-yaml` for a syntax error,
  ///   `unsupported-yaml` at the line and column of the first refused construct of each
  ///   kind, saying how many more the file has, or `unreadable-file` for a text over
  ///   `maximumDocumentSize`.
  package static func checkStructure(_ text: String, file: String, textKeys: Bool) throws {
    try checkSize(text, file: file)
    var check = StructureCheck(file: file, textKeys: textKeys)
    do {
      try YAMLEventReader.reading(text) { events in
        while try events.next() != .streamEnd { try check.observe(events) }
      }
    } catch let error as YAMLEventReader.SyntaxError {
      throw DiagnosticError(diagnostic(for: error, text: text, file: file))
    }
    if let refused = check.refused { throw refused }
  }

  /// Refuses a text over `maximumDocumentSize`, before any YAML is read.
  static func checkSize(_ text: String, file: String) throws {
    guard text.utf8.count <= maximumDocumentSize else {
      throw DiagnosticError(
        Diagnostic(
          code: .unreadableFile, at: SourceLocation(file: file),
          "cannot read the file: it is larger than \(maximumDocumentSize >> 20) MiB, the most netexport reads (a catalog or document is far smaller; is this the right file?)"
        ))
    }
  }

  /// What `checkStructure` refuses, found one event at a time, so that a reader of libyaml's
  /// events can check the structure in the same pass (the catalog reader does: reading the
  /// file twice cost as much as all the rest of reading it).
  struct StructureCheck {
    /// An open mapping or sequence; for a mapping, whether its next node is a key.
    enum Frame {
      case mapping(nextIsKey: Bool)
      case sequence
    }

    enum Kind: Hashable { case alias, anchor, tag, collectionKey, typedKey }

    let file: String
    let textKeys: Bool
    private var stack: [Frame] = []
    /// The first of each kind, as a diagnostic, and how many of that kind there are.
    private var found: [(kind: Kind, diagnostic: Diagnostic)] = []
    private var counts: [Kind: Int] = [:]
    // What each key reads as, asked of Yams' resolver once per distinct key: it runs a regular
    // expression per type on every scalar, and a content file repeats a few dozen keys.
    private var typedKinds: [String: String?] = [:]

    init(file: String, textKeys: Bool) {
      self.file = file
      self.textKeys = textKeys
    }

    /// Everything refused in the events observed, each kind at its first place, saying how
    /// many more the file has; `nil` when nothing was.
    var refused: DiagnosticError? {
      guard !found.isEmpty else { return nil }
      return DiagnosticError(
        found.map { kind, diagnostic in
          var diagnostic = diagnostic
          let more = (counts[kind] ?? 1) - 1
          if more > 0 { diagnostic.message += " (the file has \(more) more)" }
          return diagnostic
        })
    }

    private mutating func refuse(
      _ kind: Kind, _ position: YAMLEventReader.Position, _ message: @autoclosure () -> String
    ) {
      counts[kind, default: 0] += 1
      guard counts[kind] == 1 else { return }
      found.append(
        (kind, Diagnostic(code: .unsupportedYAML, at: location(position, file: file), message())))
    }

    /// A node ended: in a mapping, a key is followed by its value and a value by a key.
    private mutating func ended() {
      if case .mapping(let nextIsKey) = stack.last { stack[stack.count - 1] = .mapping(nextIsKey: !nextIsKey) }
    }

    /// Looks at the event `events` has just read.
    ///
    /// - Throws: `DiagnosticError` (`unsupported-yaml`) as soon as mappings and lists nest
    ///   deeper than `maximumDepth`, before a recursive reader goes any deeper.
    mutating func observe(_ events: YAMLEventReader) throws {
      let kind = events.kind
      switch kind {
      case .alias, .scalar, .sequenceStart, .mappingStart:
        let isKey: Bool
        if case .mapping(nextIsKey: true) = stack.last { isKey = true } else { isKey = false }
        let isCollection = kind == .sequenceStart || kind == .mappingStart
        let anchor = events.anchor
        let tag = events.tag
        if kind == .alias {
          refuse(
            .alias, events.start,
            "an alias (*\(anchor ?? "")): catalogs and content files do not use YAML anchors and aliases; write the value out in full"
          )
        } else if let anchor {
          refuse(
            .anchor, events.start,
            "an anchor (&\(anchor)): catalogs and content files do not use YAML anchors and aliases; remove it")
        }
        if let tag, !tag.isEmpty {
          refuse(
            .tag, events.start,
            "a tag (\(shortTag(tag))): netexport reads values as text, numbers and lists, never by YAML tag; remove the tag"
          )
        }
        if isKey && isCollection {
          refuse(
            .collectionKey, events.start, "a key that is a \(kind == .mappingStart ? "mapping" : "list"); keys are text"
          )
        } else if isKey && textKeys && kind == .scalar && events.style == .plain && tag == nil {
          let value = events.value
          let typed: String?
          if let known = typedKinds[value] {
            typed = known
          } else {
            typed = typedKind(value)
            typedKinds[value] = .some(typed)
          }
          if let typed {
            refuse(
              .typedKey, events.start,
              "the key '\(value)' is read as \(typed), not as text; write it in quotes (\"\(value)\") if it is meant as text"
            )
          }
        }
        if isCollection {
          stack.append(kind == .mappingStart ? .mapping(nextIsKey: true) : .sequence)
          if stack.count > maximumDepth {
            throw DiagnosticError(
              Diagnostic(
                code: .unsupportedYAML, at: location(events.start, file: file),
                "mappings and lists nest more than \(maximumDepth) levels deep here; no catalog or content file needs that many"
              ))
          }
        } else {
          ended()
        }
      case .sequenceEnd, .mappingEnd:
        stack.removeLast()
        ended()
      case .streamStart, .documentStart, .documentEnd, .streamEnd:
        break
      }
    }
  }

  static func location(_ position: YAMLEventReader.Position, file: String) -> SourceLocation {
    SourceLocation(file: file, line: position.line, column: position.column)
  }

  /// What YAML's default schema reads a plain scalar as, when that is not text.
  private static func typedKind(_ value: String) -> String? {
    // Of the default resolver's rules only the booleans and null match a scalar that starts
    // with an ASCII letter; most keys ("id", "lead-in") are settled here, without compiling
    // the resolver's regular expressions (9 million instructions, once per process).
    if let first = value.utf8.first, (65...90).contains(first) || (97...122).contains(first),
      ContentReader.booleans[value] == nil, !["null", "Null", "NULL"].contains(value)
    {
      return nil
    }
    return switch Resolver.default.resolveTag(of: Node(value)) {
    case .str: nil
    case .int, .float: "a number"
    case .bool: "true or false"
    case .null: "null (no value)"
    case .timestamp: "a date"
    default: "a YAML keyword"
    }
  }

  /// A tag as it was probably written: libyaml expands `!!` to `tag:yaml.org,2002:`.
  private static func shortTag(_ tag: String) -> String {
    let prefix = "tag:yaml.org,2002:"
    return tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
  }

  static func diagnostic(for error: YAMLEventReader.SyntaxError, text: String, file: String) -> Diagnostic {
    if let offset = error.offset {
      let position = lineAndColumn(ofUTF8Offset: offset, in: text)
      return Diagnostic(
        code: .malformedYAML, at: SourceLocation(file: file, line: position.line, column: position.column),
        "malformed YAML: \(error.problem)")
    }
    if let (position, message) = YAMLMistake.explain(error, in: text) {
      return Diagnostic(
        code: .malformedYAML, at: SourceLocation(file: file, line: position.line, column: position.column),
        "malformed YAML: \(message)")
    }
    let during =
      error.context.flatMap { $0.isEmpty ? nil : $0 }.map { context in
        " (\(context) that starts at line \(error.contextPosition?.line ?? 0), column \(error.contextPosition?.column ?? 0))"
      } ?? ""
    return Diagnostic(
      code: .malformedYAML,
      at: SourceLocation(file: file, line: error.position?.line, column: error.position?.column),
      "malformed YAML: \(error.problem)\(during)")
  }

  static func location(_ mark: Mark?, file: String) -> SourceLocation {
    SourceLocation(file: file, line: mark?.line, column: mark?.column)
  }

  private static func diagnostic(for error: YamlError, text: String, file: String) -> Diagnostic {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let during = context.map { " (\($0.text) that starts at line \($0.mark.line), column \($0.mark.column))" } ?? ""
      return Diagnostic(code: .malformedYAML, at: location(mark, file: file), "malformed YAML: \(problem)\(during)")
    case .reader(let problem, let offset, _, _):
      let position = offset.map { lineAndColumn(ofUTF8Offset: $0, in: text) }
      return Diagnostic(
        code: .malformedYAML, at: SourceLocation(file: file, line: position?.line, column: position?.column),
        "malformed YAML: \(problem)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      let key = duplicates.first ?? ""
      let first = context.mark
      let second = secondOccurrence(of: key, after: first, in: text)
      let where_ =
        second.map { SourceLocation(file: file, line: $0.line, column: $0.column) } ?? location(first, file: file)
      return Diagnostic(
        code: .duplicateKey, at: where_,
        "duplicate key '\(key)' (first at \(file):\(first.line):\(first.column)); a key may appear only once, so merge the two entries"
      )
    default:
      return Diagnostic(code: .malformedYAML, at: SourceLocation(file: file), "malformed YAML: \(error)")
    }
  }

  /// Yams reports where a duplicated key first appears; find the repeat, which sits at the
  /// same indentation further down in a block mapping.
  private static func secondOccurrence(of key: String, after mark: Mark, in text: String) -> (line: Int, column: Int)? {
    let lines = FileLines(text: text, starts: FileLines.starts(of: text))
    guard mark.line >= 1, mark.line <= lines.count else { return nil }
    let indent = mark.column - 1
    let candidates = [key + ":", "\"\(key)\":", "'\(key)':"].map { Array($0.unicodeScalars) }
    for index in mark.line..<lines.count {
      let line = lines[index]
      guard line.count >= indent, line.prefix(indent).allSatisfy({ $0 == " " }) else { continue }
      let body = line.dropFirst(indent)
      if candidates.contains(where: { body.starts(with: $0) }) {
        return (index + 1, mark.column)
      }
    }
    return nil
  }

  static func lineAndColumn(ofUTF8Offset offset: Int, in text: String) -> (line: Int, column: Int) {
    FileLines.lineAndColumn(ofUTF8Offset: offset, in: text)
  }
}
