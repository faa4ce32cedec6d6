internal import CYaml

/// libyaml's event stream for a YAML text: what the parser sees, one event at a time, before
/// any node tree exists.
///
/// Yams composes a whole tree before anything can look at it, and its composer expands
/// aliases and hashes mapping keys in full (a few hundred bytes of aliases used as keys take
/// most of a minute). Reading events lets netexport refuse what its files never need before
/// composing, and load a catalog without building a tree.
///
/// This is the only file that uses `CYaml`, the copy of libyaml Yams builds but does not
/// declare as a product: should a Yams release hide it, this file is what changes
/// (`YAMLEventsTests` covers it). Do not link the system's libyaml beside it (duplicate
/// `yaml_*` symbols).
enum YAMLEvents {
  /// A place in the text as libyaml counts it: lines end at LF, CR, CR LF, NEL, LS and PS.
  struct Position: Hashable, Sendable {
    /// 1-based line.
    var line: Int
    /// 1-based column, in Unicode scalars.
    var column: Int
  }

  struct Event {
    enum Kind: Hashable, Sendable {
      case streamStart, streamEnd, documentStart, documentEnd
      case alias, scalar, sequenceStart, sequenceEnd, mappingStart, mappingEnd
    }

    enum ScalarStyle: Hashable, Sendable {
      case plain, singleQuoted, doubleQuoted, literal, folded
    }

    var kind: Kind
    /// Where the event starts: for a node with an anchor or a tag, where the first of them is.
    var start: Position
    /// The anchor a node declares (`&name`), or the one an alias refers to (`*name`).
    var anchor: String?
    /// A tag written on a node (`!!binary`, `!custom`), as libyaml expands it.
    var tag: String?
    /// A scalar's text; empty for other events.
    var value: String = ""
    var style: ScalarStyle = .plain
    /// Whether a mapping or sequence is written in flow style (`{...}`, `[...]`).
    var isFlow = false
  }

  /// A syntax error libyaml reports.
  struct SyntaxError: Error, Hashable, Sendable {
    var problem: String
    /// Where the problem is, for scanner and parser errors.
    var position: Position?
    /// What was being read (`while parsing a block mapping`) and where that started.
    var context: String?
    var contextPosition: Position?
    /// The UTF-8 offset of the problem, for errors of libyaml's reader (a character YAML
    /// does not allow), which carry no line and column.
    var offset: Int?
  }

  /// Reads `text`, calling `visit` with each event in order, from stream start to stream end.
  ///
  /// - Throws: `SyntaxError` when libyaml finds the text malformed (events before the error
  ///   have been visited), or what `visit` throws, which stops the reading.
  static func read(_ text: String, _ visit: (Event) throws -> Void) throws {
    var text = text
    try text.withUTF8 { buffer in
      var parser = yaml_parser_t()
      guard yaml_parser_initialize(&parser) == 1 else { throw SyntaxError(problem: "out of memory") }
      defer { yaml_parser_delete(&parser) }
      yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
      // libyaml asserts that the input pointer is not null, which an empty buffer's may be.
      let empty: [UInt8] = [0]
      try empty.withUnsafeBufferPointer { fallback in
        yaml_parser_set_input_string(&parser, buffer.baseAddress ?? fallback.baseAddress, buffer.count)
        var event = yaml_event_t()
        while true {
          guard yaml_parser_parse(&parser, &event) == 1 else { throw syntaxError(parser) }
          defer { yaml_event_delete(&event) }
          let converted = convert(event)
          try visit(converted)
          if converted.kind == .streamEnd { return }
        }
      }
    }
  }

  private static func convert(_ event: yaml_event_t) -> Event {
    let start = position(event.start_mark)
    switch event.type {
    case YAML_STREAM_START_EVENT: return Event(kind: .streamStart, start: start)
    case YAML_DOCUMENT_START_EVENT: return Event(kind: .documentStart, start: start)
    case YAML_DOCUMENT_END_EVENT: return Event(kind: .documentEnd, start: start)
    case YAML_ALIAS_EVENT: return Event(kind: .alias, start: start, anchor: string(event.data.alias.anchor))
    case YAML_SCALAR_EVENT:
      let scalar = event.data.scalar
      let style: Event.ScalarStyle =
        switch scalar.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
      // A scalar may hold NUL characters, so its length counts, not a terminator.
      let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
      return Event(
        kind: .scalar, start: start, anchor: string(scalar.anchor), tag: string(scalar.tag), value: value,
        style: style)
    case YAML_SEQUENCE_START_EVENT:
      let sequence = event.data.sequence_start
      return Event(
        kind: .sequenceStart, start: start, anchor: string(sequence.anchor), tag: string(sequence.tag),
        isFlow: sequence.style == YAML_FLOW_SEQUENCE_STYLE)
    case YAML_SEQUENCE_END_EVENT: return Event(kind: .sequenceEnd, start: start)
    case YAML_MAPPING_START_EVENT:
      let mapping = event.data.mapping_start
      return Event(
        kind: .mappingStart, start: start, anchor: string(mapping.anchor), tag: string(mapping.tag),
        isFlow: mapping.style == YAML_FLOW_MAPPING_STYLE)
    case YAML_MAPPING_END_EVENT: return Event(kind: .mappingEnd, start: start)
    default: return Event(kind: .streamEnd, start: start)
    }
  }

  private static func syntaxError(_ parser: yaml_parser_t) -> SyntaxError {
    let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
    if parser.error == YAML_READER_ERROR {
      return SyntaxError(problem: problem, offset: parser.problem_offset)
    }
    return SyntaxError(
      problem: problem, position: position(parser.problem_mark), context: parser.context.map { String(cString: $0) },
      contextPosition: parser.context == nil ? nil : position(parser.context_mark))
  }

  private static func position(_ mark: yaml_mark_t) -> Position {
    Position(line: mark.line + 1, column: mark.column + 1)
  }

  private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    pointer.map { String(cString: $0) }
  }
}
