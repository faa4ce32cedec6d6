internal import CYaml

/// libyaml's events for a YAML text, read one at a time: what the parser sees, before any
/// node tree exists.
///
/// Yams composes a whole tree before anything can look at it, and its composer expands
/// aliases and hashes mapping keys in full (a few hundred bytes of aliases used as keys take
/// most of a minute); its nodes also cost about ten times the size of the text. Reading
/// events lets netexport refuse what its files never need before composing anything, and
/// read a catalog in one pass without a tree.
///
/// A text in the narrow layout netexport writes catalogs in is read by `YAMLFastPath` instead,
/// into the same events, without libyaml (a third of validation's time went to libyaml).
///
/// This is the only file that uses `CYaml`, the copy of libyaml Yams builds but does not
/// declare as a product: should a Yams release hide it, this file is what changes
/// (`YAMLEventsTests` covers it). Do not link the system's libyaml beside it (duplicate
/// `yaml_*` symbols).
final class YAMLEventReader {
  /// A place in the text as libyaml counts it: lines end at LF, CR, CR LF, NEL, LS and PS.
  struct Position: Hashable, Sendable {
    /// 1-based line.
    var line: Int
    /// 1-based column, in Unicode scalars.
    var column: Int
  }

  enum Kind: Hashable, Sendable {
    case streamStart, streamEnd, documentStart, documentEnd
    case alias, scalar, sequenceStart, sequenceEnd, mappingStart, mappingEnd
  }

  enum ScalarStyle: Hashable, Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded
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
    /// The last scalar read before the problem: a quoted text that ran on past its line, or
    /// ended early at a quotation mark inside it, is what most malformed catalogs have.
    var lastScalar: ScalarSpan?
  }

  /// Where a scalar starts and ends, and how it is written.
  struct ScalarSpan: Hashable, Sendable {
    var start: Position
    /// Just after the scalar (after its closing quote).
    var end: Position
    var style: ScalarStyle
  }

  /// The events `YAMLFastPath` found, when it read the text: the reader then gives these, and
  /// libyaml is not asked.
  private let fastEvents: [YAMLFastPath.Event]
  private let usesFastPath: Bool
  private var fastIndex = -1
  /// The text's bytes, for the fast path's scalars.
  private let input: UnsafeBufferPointer<UInt8>

  private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
  private let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
  private var hasEvent = false
  private var lastScalar: ScalarSpan?
  /// A copy of the text's UTF-8 bytes this reader owns, when it was made with `init(_:)`.
  private let ownedBytes: UnsafeMutableBufferPointer<UInt8>?

  /// Prepares to read `text` from a copy of it; `next()` reads the first event (stream start).
  ///
  /// - Parameter fastPath: Read the text with `YAMLFastPath` when it can (the events are the
  ///   same); `false` asks libyaml whatever the text (tests compare the two).
  convenience init(_ text: String, fastPath: Bool = true) {
    // One byte more than the text: libyaml wants an input pointer even for empty text.
    let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: text.utf8.count + 1)
    _ = bytes.initialize(from: text.utf8)
    self.init(input: UnsafeBufferPointer(rebasing: bytes[..<text.utf8.count]), owning: bytes, fastPath: fastPath)
  }

  /// Reads `text` in place, without copying it: the reader is valid only inside `body`.
  static func reading<Result>(
    _ text: String, fastPath: Bool = true, _ body: (YAMLEventReader) throws -> Result
  ) rethrows -> Result {
    try LineBreak.withUTF8(text) { bytes in
      guard bytes.baseAddress != nil else { return try body(YAMLEventReader(text, fastPath: fastPath)) }
      return try body(YAMLEventReader(input: bytes, owning: nil, fastPath: fastPath))
    }
  }

  private init(input: UnsafeBufferPointer<UInt8>, owning: UnsafeMutableBufferPointer<UInt8>?, fastPath: Bool) {
    ownedBytes = owning
    self.input = input
    if fastPath, let events = YAMLFastPath.events(input) {
      fastEvents = events
      usesFastPath = true
    } else {
      fastEvents = []
      usesFastPath = false
    }
    parser.initialize(to: yaml_parser_t())
    event.initialize(to: yaml_event_t())
    if usesFastPath { return }
    // yaml_parser_initialize fails only when it cannot allocate its buffers; the first
    // `next()` reports that as a memory error.
    yaml_parser_initialize(parser)
    yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
    yaml_parser_set_input_string(parser, input.baseAddress, input.count)
  }

  deinit {
    if hasEvent { yaml_event_delete(event) }
    if !usesFastPath { yaml_parser_delete(parser) }
    parser.deallocate()
    event.deallocate()
    ownedBytes?.deallocate()
  }

  /// Reads the next event; its details are then this reader's properties, until the next call.
  ///
  /// - Throws: `SyntaxError` when libyaml finds the text malformed here.
  @discardableResult
  func next() throws -> Kind {
    if usesFastPath {
      // Past the stream's end, as libyaml: the end again.
      if fastIndex < fastEvents.count - 1 { fastIndex += 1 }
      return fastEvents[fastIndex].kind
    }
    if hasEvent {
      yaml_event_delete(event)
      hasEvent = false
    }
    guard yaml_parser_parse(parser, event) == 1 else { throw syntaxError() }
    hasEvent = true
    let kind = self.kind
    if kind == .scalar {
      lastScalar = ScalarSpan(start: start, end: Self.position(event.pointee.end_mark), style: style)
    }
    return kind
  }

  /// Whether `YAMLFastPath` read the text (libyaml was not needed).
  var readFast: Bool { usesFastPath }

  /// The line (1-based) where the current scalar's text ends: its closing quote, its last
  /// character (a block scalar, whose end libyaml marks at the start of the next line, ends
  /// on the line before).
  var scalarEndLine: Int {
    if usesFastPath { return fastEvents[fastIndex].line + 1 }  // one line each
    let end = event.pointee.end_mark
    return end.column > 0 ? end.line + 1 : max(end.line, 1)
  }

  /// Whether the current scalar, read by `YAMLFastPath`, is written with escapes (`\` in
  /// double quotes, `''` in single quotes); `true` when libyaml read it, which does not say.
  var hasEscapes: Bool { usesFastPath ? fastEvents[fastIndex].escaped : true }

  var kind: Kind {
    if usesFastPath { return fastEvents[fastIndex].kind }
    return switch event.pointee.type {
    case YAML_STREAM_START_EVENT: .streamStart
    case YAML_DOCUMENT_START_EVENT: .documentStart
    case YAML_DOCUMENT_END_EVENT: .documentEnd
    case YAML_ALIAS_EVENT: .alias
    case YAML_SCALAR_EVENT: .scalar
    case YAML_SEQUENCE_START_EVENT: .sequenceStart
    case YAML_SEQUENCE_END_EVENT: .sequenceEnd
    case YAML_MAPPING_START_EVENT: .mappingStart
    case YAML_MAPPING_END_EVENT: .mappingEnd
    default: .streamEnd
    }
  }

  /// Where the event starts: for a node with an anchor or a tag, where the first of them is.
  var start: Position {
    if usesFastPath {
      let event = fastEvents[fastIndex]
      return Position(line: event.line + 1, column: event.column + 1)
    }
    return Self.position(event.pointee.start_mark)
  }

  /// The anchor a node declares (`&name`), or the one an alias refers to (`*name`).
  var anchor: String? {
    if usesFastPath { return nil }
    let data = event.pointee.data
    switch event.pointee.type {
    case YAML_ALIAS_EVENT: return Self.string(data.alias.anchor)
    case YAML_SCALAR_EVENT: return Self.string(data.scalar.anchor)
    case YAML_SEQUENCE_START_EVENT: return Self.string(data.sequence_start.anchor)
    case YAML_MAPPING_START_EVENT: return Self.string(data.mapping_start.anchor)
    default: return nil
    }
  }

  /// A tag written on a node (`!!binary`, `!custom`), as libyaml expands it
  /// (`tag:yaml.org,2002:binary`).
  var tag: String? {
    if usesFastPath { return nil }
    let data = event.pointee.data
    switch event.pointee.type {
    case YAML_SCALAR_EVENT: return Self.string(data.scalar.tag)
    case YAML_SEQUENCE_START_EVENT: return Self.string(data.sequence_start.tag)
    case YAML_MAPPING_START_EVENT: return Self.string(data.mapping_start.tag)
    default: return nil
    }
  }

  /// A scalar's text; empty for other events.
  var value: String {
    if usesFastPath {
      let event = fastEvents[fastIndex]
      return event.kind == .scalar ? YAMLFastPath.value(of: event, in: input) : ""
    }
    guard event.pointee.type == YAML_SCALAR_EVENT else { return "" }
    let scalar = event.pointee.data.scalar
    // A scalar may hold NUL characters, so its length counts, not a terminator.
    return String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
  }

  var style: ScalarStyle {
    if usesFastPath { return fastEvents[fastIndex].style }
    guard event.pointee.type == YAML_SCALAR_EVENT else { return .plain }
    switch event.pointee.data.scalar.style {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
    case YAML_LITERAL_SCALAR_STYLE: return .literal
    case YAML_FOLDED_SCALAR_STYLE: return .folded
    default: return .plain
    }
  }

  /// Whether a mapping or sequence is written in flow style (`{...}`, `[...]`).
  var isFlow: Bool {
    if usesFastPath { return fastEvents[fastIndex].isFlow }
    return switch event.pointee.type {
    case YAML_SEQUENCE_START_EVENT: event.pointee.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
    case YAML_MAPPING_START_EVENT: event.pointee.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
    default: false
    }
  }

  private func syntaxError() -> SyntaxError {
    let problem = parser.pointee.problem.map { String(cString: $0) } ?? "out of memory"
    if parser.pointee.error == YAML_READER_ERROR {
      return SyntaxError(problem: problem, offset: parser.pointee.problem_offset)
    }
    return SyntaxError(
      problem: problem, position: Self.position(parser.pointee.problem_mark),
      context: parser.pointee.context.map { String(cString: $0) },
      contextPosition: parser.pointee.context == nil ? nil : Self.position(parser.pointee.context_mark),
      lastScalar: lastScalar)
  }

  private static func position(_ mark: yaml_mark_t) -> Position {
    Position(line: mark.line + 1, column: mark.column + 1)
  }

  private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    pointer.map { String(cString: $0) }
  }
}
