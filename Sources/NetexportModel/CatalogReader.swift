import NetexportICU

/// A YAML node built from libyaml's events: no tag, anchor or resolver (catalogs have none and
/// read every scalar as text), so much lighter than Yams' nodes. The catalog reader builds one
/// per top-level value or entry, never one for the whole file.
enum YAMLNode {
  case scalar(String, YAMLEventReader.ScalarStyle, YAMLEventReader.Position)
  case mapping([(key: YAMLNode, value: YAMLNode)], YAMLEventReader.Position)
  case sequence([YAMLNode], YAMLEventReader.Position)
  case alias(YAMLEventReader.Position)

  var position: YAMLEventReader.Position {
    switch self {
    case .scalar(_, _, let position), .mapping(_, let position), .sequence(_, let position), .alias(let position):
      position
    }
  }

  var scalar: (value: String, style: YAMLEventReader.ScalarStyle)? {
    if case .scalar(let value, let style, _) = self { (value, style) } else { nil }
  }

  /// A scalar's text.
  var string: String? { scalar?.value }

  var mapping: [(key: YAMLNode, value: YAMLNode)]? {
    if case .mapping(let pairs, _) = self { pairs } else { nil }
  }
}

/// Where the keys of a catalog file are, as `update` needs them to cut the file into lines:
/// every top-level key, and in `entries` and `obsolete` every entry's key and field names.
struct CatalogOutline {
  struct Key {
    /// The key's text (`nil` for a key that is not a scalar).
    var name: String?
    var position: YAMLEventReader.Position
    /// For an entry's field read from the events, the last line its value takes (1-based): a
    /// text in quotes may run over several lines, and a line of it that starts with `#` is
    /// not a comment; `nil` when not known.
    var valueEndLine: Int? = nil
  }

  struct Entry {
    var key: Key
    /// Where the value starts (on the key's line for a value written inline).
    var valuePosition: YAMLEventReader.Position
    /// Where the entry's field names are in `fields`, when its value is a mapping.
    var fields: Range<Int>?
  }

  struct Section {
    var key: Key
    var valuePosition: YAMLEventReader.Position
    var valueIsScalar: Bool
    /// The entries, when the value is a mapping and the section is `entries` or `obsolete`
    /// (empty for another mapping).
    var entries: [Entry]?
  }

  var sections: [Section] = []
  /// The field names of every entry, one after another (one array for all, rather than one
  /// per entry, to keep a large catalog's outline small).
  var fields: [Key] = []
}

/// The keys of one mapping read so far, to find a key given twice. An entry's mapping has a
/// handful of fields, looked through in order; a large mapping (`entries`) is hashed once it
/// has more than a few keys: hashing every key of every small mapping cost more than reading
/// it.
struct SeenKeys {
  private var few: [(name: String, position: YAMLEventReader.Position)] = []
  private var many: [String: YAMLEventReader.Position]?

  private static func note(
    _ position: YAMLEventReader.Position, in slot: inout YAMLEventReader.Position?,
    first: inout YAMLEventReader.Position?
  ) {
    if let existing = slot { first = existing } else { slot = position }
  }

  /// Notes a key; when it was there already, where it was first.
  mutating func insert(_ name: String, at position: YAMLEventReader.Position) -> YAMLEventReader.Position? {
    if many == nil {
      if let first = few.first(where: { $0.name == name }) { return first.position }
      few.append((name, position))
      if few.count > 8 { many = Dictionary(few, uniquingKeysWith: { first, _ in first }) }
      return nil
    }
    // One lookup, which inserts when the key is new (a lookup and then an insertion hashed
    // every key of `entries` twice).
    var first: YAMLEventReader.Position?
    Self.note(position, in: &many![name], first: &first)
    return first
  }
}

/// Reads a catalog from libyaml's events in one pass, streaming through the top level, the
/// `entries`, `obsolete` and `glossary` mappings and the fields of each entry, and building a
/// small node tree for each other value (a field's value, a glossary entry). Duplicate keys are
/// found here, with both places (Yams reports only the first).
struct CatalogReader {
  let events: YAMLEventReader
  let file: String
  /// The locale the file name says the catalog holds.
  let expectedLocale: String?
  /// Which file of a project's locale this is; `nil` for a catalog holding everything.
  let kind: CatalogFile?
  var problems: [Diagnostic] = []
  var duplicates: [Diagnostic] = []
  var outline = CatalogOutline()
  /// Where the top-level mapping starts; `nil` when the file is not a mapping.
  var rootPosition: YAMLEventReader.Position?
  var locale: String?
  var entries: [CatalogEntry] = []
  var obsolete: [CatalogEntry] = []
  var glossary: [GlossaryEntry] = []
  /// What `YAMLSupport.checkStructure` refuses, checked on each event as it is read: one pass
  /// over the file instead of two.
  var structure: YAMLSupport.StructureCheck
  /// Whether `YAMLFastPath` read the text.
  private let readFast: Bool
  /// For the outline: the last line any value has reached so far, and how deep in flow
  /// collections (`[...]`, `{...}`) the reader is.
  private var lastValueLine = 0
  private var flowDepth = 0
  /// Whether to note where each entry's key and fields are (`update` needs them).
  let recordsOutline: Bool
  /// Whether to read the entries of `entries` and `obsolete` field by field from the events
  /// (`readEntry`), rather than as a node each (`Catalog.parseEntry`). The nodes are what tests
  /// compare the events' reading with.
  var streamsEntries = true
  var machineTranslated = false

  /// What was read, without the event reader (which must not outlive its text).
  struct Contents {
    var problems: [Diagnostic]
    var outline: CatalogOutline
    var rootPosition: YAMLEventReader.Position?
    var locale: String?
    var entries: [CatalogEntry]
    var obsolete: [CatalogEntry]
    var glossary: [GlossaryEntry]
    var machineTranslated: Bool
  }

  var contents: Contents {
    Contents(
      problems: problems, outline: outline, rootPosition: rootPosition, locale: locale, entries: entries,
      obsolete: obsolete, glossary: glossary, machineTranslated: machineTranslated)
  }

  /// - Parameter outline: Note where each entry's key and fields are, in `outline`.
  init(events: YAMLEventReader, file: String, expectedLocale: String?, kind: CatalogFile? = nil, outline: Bool = true) {
    self.events = events
    readFast = events.readFast
    self.file = file
    self.expectedLocale = expectedLocale
    self.kind = kind
    structure = YAMLSupport.StructureCheck(file: file, textKeys: false)
    recordsOutline = outline
  }

  /// Reads the next event and checks it (see `YAMLSupport.StructureCheck`).
  @discardableResult
  mutating func next() throws -> YAMLEventReader.Kind {
    let kind = try events.next()
    if recordsOutline {
      // The last line a value reached: a scalar's end, a flow collection's closing bracket.
      switch kind {
      case .scalar: lastValueLine = max(lastValueLine, events.scalarEndLine)
      case .sequenceStart, .mappingStart: if events.isFlow || flowDepth > 0 { flowDepth += 1 }
      case .sequenceEnd, .mappingEnd:
        if flowDepth > 0 {
          flowDepth -= 1
          lastValueLine = max(lastValueLine, events.start.line)
        }
      default: break
      }
    }
    // Nothing the check refuses (aliases, anchors, tags, a list or mapping as a key, nesting
    // deeper than 64) is in the layout `YAMLFastPath` reads.
    if !readFast { try structure.observe(events) }
    return kind
  }

  func location(_ position: YAMLEventReader.Position?) -> SourceLocation {
    Catalog.location(position, file: file)
  }

  /// Reads the whole stream: one document, whose top level should be a mapping.
  ///
  /// - Throws: `DiagnosticError` for what `YAMLSupport.checkStructure` refuses, then for
  ///   duplicate keys, then for a second document (nothing in the file can be trusted then);
  ///   `YAMLEventReader.SyntaxError` for malformed YAML. Each is found wherever it is in the
  ///   file, as when the structure was checked in a pass of its own before reading.
  mutating func readDocument() throws {
    try next()  // stream start
    guard try next() == .documentStart else { return try finish(another: nil) }
    try next()
    if events.kind == .mappingStart {
      rootPosition = events.start
      try readTopLevel()
    } else {
      _ = try node()
    }
    try next()  // document end
    var another: Diagnostic?
    if try next() == .documentStart {
      // As Yams reports it, for the same message whichever reader finds it.
      another = Diagnostic(
        code: .malformedYAML, at: location(events.start),
        "malformed YAML: but found another document (expected a single document in the stream that starts at line 1, column 1)"
      )
    }
    try finish(another: another)
  }

  /// Reads the rest of the stream, so that a syntax error or a refused construct anywhere
  /// comes first, then reports what the document held that stops the read.
  private mutating func finish(another: Diagnostic?) throws {
    while events.kind != .streamEnd { try next() }
    if let refused = structure.refused { throw refused }
    if !duplicates.isEmpty { throw DiagnosticError(duplicates) }
    if let another { throw DiagnosticError(another) }
  }

  /// The node that starts at the current event, read to its end.
  mutating func node() throws -> YAMLNode {
    let start = events.start
    switch events.kind {
    case .scalar:
      return .scalar(events.value, events.style, start)
    case .sequenceStart:
      var items: [YAMLNode] = []
      while try next() != .sequenceEnd { items.append(try node()) }
      return .sequence(items, start)
    case .mappingStart:
      var pairs: [(key: YAMLNode, value: YAMLNode)] = []
      var seen = SeenKeys()
      while try next() != .mappingEnd {
        let key = try node()
        noteKey(key, seen: &seen)
        try next()
        pairs.append((key, try node()))
      }
      return .mapping(pairs, start)
    default:
      // An alias (refused before reading); nothing else starts a node.
      return .alias(start)
    }
  }

  /// Records a key of a mapping, reporting it when the mapping has it already.
  mutating func noteKey(_ key: YAMLNode, seen: inout SeenKeys) {
    guard let name = key.string else { return }
    if let first = seen.insert(name, at: key.position) { duplicate(name, at: key.position, first: first) }
  }

  private mutating func duplicate(
    _ name: String, at position: YAMLEventReader.Position, first: YAMLEventReader.Position
  ) {
    duplicates.append(
      Diagnostic(
        code: .duplicateKey, at: location(position),
        "duplicate key '\(name)' (first at \(file):\(first.line):\(first.column)); a key may appear only once, so merge the two entries"
      ))
  }

  private mutating func problem(_ code: FindingCode, _ position: YAMLEventReader.Position?, _ message: String) {
    problems.append(Diagnostic(code: code, at: location(position), message))
  }

  private mutating func readTopLevel() throws {
    var seen = SeenKeys()
    while try next() != .mappingEnd {
      let keyNode = try node()
      noteKey(keyNode, seen: &seen)
      let name = keyNode.string
      try next()
      var section = CatalogOutline.Section(
        key: .init(name: name, position: keyNode.position), valuePosition: events.start,
        valueIsScalar: events.kind == .scalar)
      let allowed = Catalog.topLevelFields(of: kind)
      guard allowed.contains(name ?? "") else {
        _ = try node()
        let hint =
          kind == .glossary && name == "entries"
          ? " (messages go in the documents' catalogs and labels.yaml; this file holds the glossary only)"
          : name == "glossary" && kind != nil ? " (the glossary goes in glossary.yaml, beside this file)" : ""
        problem(
          .unknownField, keyNode.position,
          "unknown top-level field '\(name ?? "?")' (known fields: \(allowed.joined(separator: ", ")))\(hint)")
        outline.sections.append(section)
        continue
      }
      // Each name needs its own `where`: in `case "a", "b" where c` the condition guards "b"
      // alone, and a section read as a mapping when it is not one never ends.
      switch name {
      case "document":
        let value = try node()
        if case .document(let id)? = kind, value.string != id {
          problem(
            .localeMismatch, value.position,
            "the file is named for document '\(id)' but says document '\(value.string ?? "?")'; it belongs in that document's own file"
          )
        }
      case Catalog.machineTranslatedField:
        let value = try node()
        guard let scalar = value.scalar, scalar.style == .plain, ["true", "false"].contains(scalar.value) else {
          problem(
            .invalidCatalog, value.position,
            "'\(Catalog.machineTranslatedField)' must be true (the translations were made by machine) or false")
          break
        }
        machineTranslated = scalar.value == "true"
      case "entries" where events.kind == .mappingStart, "obsolete" where events.kind == .mappingStart,
        "glossary" where events.kind == .mappingStart:
        section.entries = try readSection(name ?? "")
      case "locale":
        let value = try node()
        guard let declared = value.string, !declared.isEmpty else {
          problem(.invalidCatalog, value.position, "'locale' must be a language tag such as 'es' or 'pt-BR'")
          break
        }
        locale = declared
        if let canonical = LanguageTag(declared)?.canonical {
          if canonical != declared {
            problem(
              .invalidLocale, value.position, "locale '\(declared)' is not in canonical form; write '\(canonical)'")
          }
        } else {
          problem(.invalidLocale, value.position, "locale '\(declared)' is not a valid BCP 47 language tag")
        }
        if let expectedLocale, declared != expectedLocale {
          problem(
            .localeMismatch, value.position,
            "the file is named for '\(expectedLocale)' but declares locale '\(declared)'")
        }
      case "entries", "obsolete", "glossary":
        let value = try node()
        if name != "entries", let scalar = value.scalar, Catalog.isNull(scalar) { break }
        problem(
          .invalidCatalog, value.position,
          name == "glossary"
            ? "'glossary' must be a mapping from a term's message key to its forms"
            : "'\(name ?? "")' must be a mapping from message key to entry")
      default:
        _ = try node()
        problem(
          .unknownField, keyNode.position,
          "unknown top-level field '\(name ?? "?")' (known fields: \(Catalog.topLevelFields.joined(separator: ", ")))")
      }
      outline.sections.append(section)
    }
  }

  /// Reads the mapping of `entries`, `obsolete` or `glossary`, one entry at a time.
  ///
  /// - Returns: The entries' keys and fields, for `entries` and `obsolete`.
  private mutating func readSection(_ name: String) throws -> [CatalogOutline.Entry] {
    var seen = SeenKeys()
    var outlineEntries: [CatalogOutline.Entry] = []
    let file = file
    var found: [Diagnostic] = []
    func report(_ code: FindingCode, _ position: YAMLEventReader.Position?, _ message: String, _ key: String?) {
      found.append(Diagnostic(code: code, at: Catalog.location(position, file: file), message, key: key))
    }
    while try next() != .mappingEnd {
      let keyNode = try node()
      noteKey(keyNode, seen: &seen)
      try next()
      if streamsEntries, name != "glossary", events.kind == .mappingStart, let key = keyNode.string,
        CatalogKey.isValid(key)
      {
        let (entry, outlineEntry) = try readEntry(key, at: keyNode.position, report: report)
        if let outlineEntry { outlineEntries.append(outlineEntry) }
        if let entry {
          if name == "entries" { entries.append(entry) } else { obsolete.append(entry) }
        }
        continue
      }
      let value = try node()
      if name == "glossary" {
        if let entry = Catalog.parseGlossaryEntry(keyNode, value, file: file, report: report) { glossary.append(entry) }
        continue
      }
      var fields: Range<Int>?
      if recordsOutline, let pairs = value.mapping {
        let first = outline.fields.count
        outline.fields += pairs.map { .init(name: $0.key.string, position: $0.key.position) }
        fields = first..<outline.fields.count
      }
      if recordsOutline {
        outlineEntries.append(
          CatalogOutline.Entry(
            key: .init(name: keyNode.string, position: keyNode.position), valuePosition: value.position,
            fields: fields))
      }
      if let entry = Catalog.parseEntry(keyNode, value, file: file, report: report) {
        if name == "entries" { entries.append(entry) } else { obsolete.append(entry) }
      }
    }
    problems += found
    return outlineEntries
  }

  /// Reads the mapping of an entry whose key is valid, from its start event to its end, into a
  /// `CatalogEntry`: the same entry and findings as `Catalog.parseEntry` makes from the entry's
  /// node, without the node (its pairs, and an array of keys to find a field given twice).
  private mutating func readEntry(
    _ key: String, at keyPosition: YAMLEventReader.Position,
    report: (FindingCode, YAMLEventReader.Position?, String, String?) -> Void
  ) throws -> (CatalogEntry?, CatalogOutline.Entry?) {
    let valuePosition = events.start
    var fields = Catalog.EntryFields(key: key, at: keyPosition, file: file)
    // Where each known field was first; other names (rare, and reported as unknown) as any
    // mapping's keys.
    var known = FieldPositions()
    var others = SeenKeys()
    let firstField = outline.fields.count
    while try next() != .mappingEnd {
      let fieldNode = try node()
      if let name = fieldNode.string {
        if let field = Catalog.EntryFields.Field(name) {
          if let first = known[field] {
            duplicate(name, at: fieldNode.position, first: first)
          } else {
            known[field] = fieldNode.position
          }
        } else {
          noteKey(fieldNode, seen: &others)
        }
      }
      if recordsOutline { outline.fields.append(.init(name: fieldNode.string, position: fieldNode.position)) }
      try next()
      let controlFree = readFast && events.kind == .scalar && !events.hasEscapes
      fields.add(fieldNode, try node(), controlFree: controlFree, report: report)
      if recordsOutline { outline.fields[outline.fields.count - 1].valueEndLine = lastValueLine }
    }
    let outlineEntry =
      recordsOutline
      ? CatalogOutline.Entry(
        key: .init(name: key, position: keyPosition), valuePosition: valuePosition,
        fields: firstField..<outline.fields.count) : nil
    return (fields.finish(valuePosition: valuePosition, report: report), outlineEntry)
  }
}

/// Where each known field of an entry first is, kept inline: an array (or `SeenKeys`) per entry
/// cost an allocation for every entry of every catalog.
private struct FieldPositions {
  private var text, note, previousNote, source, previousSource, state, allow: YAMLEventReader.Position?

  subscript(field: Catalog.EntryFields.Field) -> YAMLEventReader.Position? {
    get {
      switch field {
      case .text: text
      case .note: note
      case .previousNote: previousNote
      case .source: source
      case .previousSource: previousSource
      case .state: state
      case .allow: allow
      }
    }
    set {
      switch field {
      case .text: text = newValue
      case .note: note = newValue
      case .previousNote: previousNote = newValue
      case .source: source = newValue
      case .previousSource: previousSource = newValue
      case .state: state = newValue
      case .allow: allow = newValue
      }
    }
  }
}
