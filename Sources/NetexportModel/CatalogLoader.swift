import Foundation
import NetexportICU

extension Catalog {
  /// The fields an entry may have.
  public static let entryFields = ["text", "note", "previous-note", "source", "previous-source", "state", "allow"]
  /// The fields a glossary entry may have.
  public static let glossaryFields = [
    "forms", "pronunciation", "spoken", "letters", "expand", "definition", "usage",
  ]
  /// The fields a catalog file may have at its top level.
  public static let topLevelFields = ["locale", machineTranslatedField, "entries", "obsolete", "glossary"]

  /// The top-level field that says a catalog's translations were made by machine.
  public static let machineTranslatedField = "machine-translated"

  /// The top-level fields a file of a project may have: a document's catalog and the labels
  /// hold messages, the glossary only the glossary; `nil` (one catalog per locale) all.
  public static func topLevelFields(of kind: CatalogFile?) -> [String] {
    switch kind {
    case nil: topLevelFields
    case .document?: ["locale", "document", machineTranslatedField, "entries", "obsolete"]
    case .labels?: ["locale", machineTranslatedField, "entries", "obsolete"]
    case .glossary?: ["locale", "glossary"]
    }
  }

  /// Loads a catalog file.
  ///
  /// - Parameters:
  ///   - url: The YAML file.
  ///   - displayPath: How to name the file in messages.
  ///   - expectedLocale: The locale the file name says it holds; the `locale` field must match.
  ///   - kind: Which file of a project's locale this is (its fields depend on it); `nil` for
  ///     a catalog holding everything.
  ///   - lenient: Return a catalog even when some entries are malformed, with the problems in
  ///     `problems` (for validation); otherwise any error throws (warnings stay in `problems`).
  /// - Throws: `DiagnosticError` with every problem found, each naming file:line:column.
  public static func load(
    _ url: URL, displayPath: String, expectedLocale: String? = nil, kind: CatalogFile? = nil, lenient: Bool = false
  ) throws -> Catalog {
    try parse(
      TextFile.readUTF8(url, displayPath: displayPath), file: displayPath, expectedLocale: expectedLocale,
      kind: kind, lenient: lenient)
  }

  /// Parses catalog YAML text. See `load(_:displayPath:expectedLocale:lenient:)`.
  ///
  /// Malformed YAML, a duplicate key, or a file that is not a mapping always throws: nothing
  /// in it can be trusted. Other problems (an unknown field, an entry without text, a bad
  /// state) leave out only what they affect. Warnings (`mixed-line-endings`) never throw.
  public static func parse(
    _ text: String, file: String, expectedLocale: String? = nil, kind: CatalogFile? = nil, lenient: Bool = false
  ) throws -> Catalog {
    try read(text, file: file, expectedLocale: expectedLocale, kind: kind, lenient: lenient, outline: false).catalog
  }

  /// Parses catalog YAML text, and says where each key is (for `update`, which edits lines).
  ///
  /// Read in one pass over libyaml's events, which also refuses what catalogs never use
  /// (`YAMLSupport.StructureCheck`): no node tree of the whole file is built, and an entry is
  /// read field by field, so time and memory grow with the file's size and no faster.
  ///
  /// - Parameters:
  ///   - outline: Note where each entry's key and fields are (for `update`).
  ///   - streamsEntries: Read entries field by field from the events (see
  ///     `CatalogReader.streamsEntries`; tests compare with `false`).
  static func read(
    _ text: String, file: String, expectedLocale: String? = nil, kind: CatalogFile? = nil, lenient: Bool = false,
    outline: Bool = true, streamsEntries: Bool = true
  ) throws -> (catalog: Catalog, outline: CatalogOutline) {
    // Reported first, and also with a syntax error: they explain line numbers that differ
    // from the editor's. (A text `YAMLFastPath` reads has only LF line breaks.)
    var lineBreaks: [Diagnostic] = []
    func failing(_ diagnostics: [Diagnostic]) -> DiagnosticError {
      DiagnosticError(diagnostics + lineBreaks.filter { $0.severity == .error })
    }
    let reader: CatalogReader.Contents
    do {
      try YAMLSupport.checkSize(text, file: file)
      reader = try YAMLEventReader.reading(text) { events in
        if !events.readFast { lineBreaks = LineBreak.findings(in: text, file: file) }
        var reader = CatalogReader(
          events: events, file: file, expectedLocale: expectedLocale, kind: kind, outline: outline)
        reader.streamsEntries = streamsEntries
        reader.problems = lineBreaks
        try reader.readDocument()
        return reader.contents
      }
    } catch let error as DiagnosticError {
      throw failing(error.diagnostics)
    } catch let error as YAMLEventReader.SyntaxError {
      throw failing([YAMLSupport.diagnostic(for: error, text: text, file: file)])
    }
    guard let rootPosition = reader.rootPosition else {
      throw failing([
        Diagnostic(
          code: .invalidCatalog, at: SourceLocation(file: file, line: 1, column: 1),
          "a catalog must be a mapping with 'locale' and 'entries' at its top level")
      ])
    }
    // Shared with the catalog: a finding of its validation may need lines too.
    let lineStarts = LineStarts(text)
    var problems = reader.problems + commentCuts(in: reader.entries, lines: lineStarts, file: file)
    func problem(_ code: FindingCode, _ position: YAMLEventReader.Position?, _ message: String) {
      problems.append(Diagnostic(code: code, at: location(position, file: file), message))
    }
    if !reader.outline.sections.contains(where: { $0.key.name == "locale" }) {
      problem(.invalidCatalog, rootPosition, "the catalog has no 'locale' field")
    }
    if Catalog.topLevelFields(of: kind).contains("entries")
      && !reader.outline.sections.contains(where: { $0.key.name == "entries" })
    {
      problem(.invalidCatalog, rootPosition, "the catalog has no 'entries' field")
    }
    if problems.contains(where: { $0.severity == .error }) && !lenient { throw DiagnosticError(problems) }
    let entriesPosition = reader.outline.sections.first { $0.key.name == "entries" }?.key.position
    var catalog = Catalog(
      locale: reader.locale ?? "", file: file, entries: reader.entries, obsolete: reader.obsolete,
      glossary: reader.glossary, machineTranslated: reader.machineTranslated, problems: problems,
      entriesLocation: location(entriesPosition ?? rootPosition, file: file),
      text: text)
    catalog.lineStartsOfText = lineStarts
    return (catalog, reader.outline)
  }

  /// Texts not in quotes that YAML cut at ` #`, taking the rest of the line for a comment
  /// (`text: Sintomi e cause #1` is "Sintomi e cause"): reported where the rest looks like
  /// text, a `#` followed directly by a letter, digit or sign; `# ` with a space is taken to
  /// be a comment meant as one.
  static func commentCuts(in entries: [CatalogEntry], lines lineStarts: LineStarts, file: String) -> [Diagnostic] {
    let plain = entries.filter { $0.textStyle == .plain && !$0.text.isEmpty }
    guard !plain.isEmpty else { return [] }
    let lines = lineStarts.lines
    var found: [Diagnostic] = []
    for entry in plain {
      guard let line = entry.textLocation.line, let column = entry.textLocation.column, line <= lines.count else {
        continue
      }
      // A text on one line: the line holds it, then what YAML left out.
      let scalars = lines[line - 1].dropFirst(column - 1)
      let value = Array(entry.text.unicodeScalars)
      guard scalars.starts(with: value) else { continue }
      let rest = scalars.dropFirst(value.count)
      let spaces = rest.prefix { $0 == " " || $0 == "\t" }.count
      let comment = rest.dropFirst(spaces)
      guard spaces > 0, comment.first == "#", let next = comment.dropFirst().first, next != " ", next != "\t"
      else { continue }
      let cut = String(String.UnicodeScalarView(comment))
      found.append(
        Diagnostic(
          code: .textCutByComment,
          at: SourceLocation(file: file, line: line, column: column + value.count + spaces),
          "the text of '\(entry.key)' is not in quotes, so YAML reads '\(cut)' as a comment (a # after a space starts one) and the text ends at \"\(entry.text)\"; write the whole text in double quotes: text: \"\(entry.text)\(String(repeating: " ", count: spaces))\(cut)\"",
          key: entry.key))
    }
    return found
  }

  static func parseEntry(
    _ keyNode: YAMLNode, _ value: YAMLNode, file: String,
    report: (FindingCode, YAMLEventReader.Position?, String, String?) -> Void
  ) -> CatalogEntry? {
    guard let key = keyNode.scalar?.value, CatalogKey.isValid(key) else {
      report(
        .invalidKey, keyNode.position, "'\(keyNode.string ?? "?")' is not a valid message key (\(CatalogKey.rule))",
        nil)
      return nil
    }
    guard let fields = value.mapping else {
      report(
        .invalidEntry, value.position,
        "entry '\(key)' must be a mapping with a 'text' field (found \(describe(value))); write it as '\(key):' followed by an indented 'text: ...'",
        key)
      return nil
    }
    var entry = EntryFields(key: key, at: keyNode.position, file: file)
    for (fieldNode, fieldValue) in fields { entry.add(fieldNode, fieldValue, report: report) }
    return entry.finish(valuePosition: value.position, report: report)
  }

  /// An entry of `entries` or `obsolete` read one field at a time, in file order: the catalog
  /// reader gives it each field as libyaml's events bring it, without a node for the whole
  /// entry (`parseEntry` gives it the fields of such a node).
  struct EntryFields {
    let key: String
    let file: String
    private var entry: CatalogEntry
    private var hasText = false
    /// Whether the entry has a field named `text`, usable or not.
    private var hasTextField = false
    /// A control character in the text: the entry is left out, and its later fields are not
    /// looked at.
    private var dropped = false

    init(key: String, at position: YAMLEventReader.Position, file: String) {
      self.key = key
      self.file = file
      entry = CatalogEntry(key: key, text: "", location: Catalog.location(position, file: file))
    }

    /// Reads one field (its name, and its value).
    ///
    /// - Parameter controlFree: The value is known to hold no control character (a scalar
    ///   without escapes that `YAMLFastPath` read, which gives up at any control but tab), so
    ///   its text need not be scanned for one.
    mutating func add(
      _ fieldNode: YAMLNode, _ fieldValue: YAMLNode, controlFree: Bool = false,
      report: (FindingCode, YAMLEventReader.Position?, String, String?) -> Void
    ) {
      let field = fieldNode.string ?? "?"
      if field == "text" { hasTextField = true }
      guard !dropped else { return }
      guard let known = Field(field) else {
        report(
          .unknownField, fieldNode.position,
          "unknown field '\(field)' in entry '\(key)' (known fields: \(entryFields.joined(separator: ", ")))", key)
        return
      }
      if known == .allow {
        guard let list = stringList(fieldValue) else {
          report(
            .invalidEntry, fieldValue.position,
            "'allow' of entry '\(key)' must be a list of finding codes, e.g. [untranslated]", key)
          return
        }
        entry.allow = list
        return
      }
      guard let string = scalarText(fieldValue) else {
        report(
          .invalidEntry, fieldValue.position,
          "'\(field)' of entry '\(key)' must be text (found \(describe(fieldValue)))",
          key)
        return
      }
      if !controlFree, mayHoldForbiddenControl(string),
        let control = string.unicodeScalars.first(where: isForbiddenControl)
      {
        report(
          .controlCharacter, fieldValue.position,
          "'\(field)' of entry '\(key)' contains the control character U+\(hex(control.value)); remove it", key)
        if known == .text { dropped = true }
        return
      }
      switch known {
      case .text:
        hasText = true
        entry.text = string
        entry.textLocation = location(fieldValue.position, file: file)
        entry.textStyle = style(of: fieldValue)
      case .note: entry.note = string
      case .previousNote: entry.previousNote = string
      case .source: entry.source = string
      case .previousSource: entry.previousSource = string
      case .allow: break
      case .state:
        entry.state = Self.state(named: string)
        if entry.state == nil {
          report(
            .invalidState, fieldValue.position,
            "state '\(string)' of entry '\(key)' is not one of: \(CatalogEntry.State.allCases.map(\.rawValue).joined(separator: ", "))",
            key)
        }
      }
    }

    /// The entry, once every field is read; `nil` when it has no usable text.
    ///
    /// - Parameter valuePosition: Where the entry's mapping starts.
    func finish(
      valuePosition: YAMLEventReader.Position, report: (FindingCode, YAMLEventReader.Position?, String, String?) -> Void
    ) -> CatalogEntry? {
      guard hasText, !dropped else {
        if !hasTextField && !dropped {
          report(
            .invalidEntry, valuePosition,
            "entry '\(key)' has no 'text' field (use text: \"\" for a string not translated yet)", key)
        }
        return nil
      }
      return entry
    }

    /// The state a name is, as `CatalogEntry.State(rawValue:)` finds it, with the name's
    /// length picking the one state it may be: every entry of a target catalog has a state, and
    /// the standard library's search of the raw values took about 300 instructions for each.
    static func state(named name: String) -> CatalogEntry.State? {
      let byLength: CatalogEntry.State? =
        switch name.utf8.count {
        case 3: name == "new" ? .new : nil
        case 8: name == "reviewed" ? .reviewed : nil
        case 10: name == "translated" ? .translated : nil
        case 12: name == "needs-review" ? .needsReview : nil
        default: nil
        }
      // As for `Field`: only a name of other characters can equal one of another length.
      guard byLength == nil, name.utf8.contains(where: { $0 >= 0x80 }) else { return byLength }
      return CatalogEntry.State(rawValue: name)
    }

    /// The fields an entry may have (`entryFields`).
    enum Field: CaseIterable {
      case text, note, previousNote, source, previousSource, state, allow

      /// The field a name is. Every field of every entry is looked up (by the reader, then by
      /// `add`), so the name's length picks the one or two names it may be and only those are
      /// compared: comparing with each name in turn took twice as long.
      init?(_ name: String) {
        let byLength: Field? =
          switch name.utf8.count {
          case 4: name == "text" ? .text : name == "note" ? .note : nil
          case 5: name == "state" ? .state : name == "allow" ? .allow : nil
          case 6: name == "source" ? .source : nil
          case 13: name == "previous-note" ? .previousNote : nil
          case 15: name == "previous-source" ? .previousSource : nil
          default: nil
          }
        if let byLength {
          self = byLength
          return
        }
        // Only a name of other characters can equal one of another length (strings compare by
        // canonical equivalence); none does, but it is compared as strings all the same.
        guard name.utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        switch name {
        case "text": self = .text
        case "note": self = .note
        case "previous-note": self = .previousNote
        case "source": self = .source
        case "previous-source": self = .previousSource
        case "state": self = .state
        case "allow": self = .allow
        default: return nil
        }
      }
    }
  }

  static func parseGlossaryEntry(
    _ keyNode: YAMLNode, _ value: YAMLNode, file: String,
    report: (FindingCode, YAMLEventReader.Position?, String, String?) -> Void
  ) -> GlossaryEntry? {
    guard let key = keyNode.scalar?.value, CatalogKey.isValid(key) else {
      report(
        .invalidKey, keyNode.position,
        "'\(keyNode.string ?? "?")' is not a valid glossary key (the message key of a term or abbreviation)", nil)
      return nil
    }
    guard let fields = value.mapping else {
      report(
        .invalidEntry, value.position,
        "glossary entry '\(key)' must be a mapping with fields such as 'forms' and 'pronunciation'",
        key)
      return nil
    }
    var entry = GlossaryEntry(key: key, location: location(keyNode.position, file: file))
    for (fieldNode, fieldValue) in fields {
      switch fieldNode.string {
      case "forms":
        guard let forms = stringList(fieldValue), !forms.contains(where: \.isEmpty) else {
          report(
            .invalidEntry, fieldValue.position,
            "'forms' of glossary entry '\(key)' must be a list of non-empty texts",
            key)
          continue
        }
        entry.forms = forms
      case "pronunciation", "spoken":
        let name = fieldNode.string ?? ""
        guard let text = scalarText(fieldValue) else {
          report(.invalidEntry, fieldValue.position, "'\(name)' of glossary entry '\(key)' must be text", key)
          continue
        }
        if name == "pronunciation" { entry.pronunciation = text } else { entry.spoken = text }
        entry.fieldLocations[name] = location(fieldValue.position, file: file)
      case "letters", "expand":
        let name = fieldNode.string ?? ""
        guard let scalar = fieldValue.scalar, scalar.style == .plain, ["true", "false"].contains(scalar.value) else {
          report(
            .invalidEntry, fieldValue.position, "'\(name)' of glossary entry '\(key)' must be true or false", key)
          continue
        }
        if name == "letters" { entry.letters = scalar.value == "true" } else { entry.expand = scalar.value == "true" }
        entry.fieldLocations[name] = location(fieldValue.position, file: file)
      case "definition", "usage":
        let name = fieldNode.string ?? ""
        guard let text = scalarText(fieldValue) else {
          report(.invalidEntry, fieldValue.position, "'\(name)' of glossary entry '\(key)' must be text", key)
          continue
        }
        if name == "definition" { entry.definition = text } else { entry.usage = text }
      default:
        report(
          .unknownField, fieldNode.position,
          "unknown field '\(fieldNode.string ?? "?")' in glossary entry '\(key)' (known fields: \(glossaryFields.joined(separator: ", ")))",
          key)
      }
    }
    return entry
  }

  static func location(_ position: YAMLEventReader.Position?, file: String) -> SourceLocation {
    SourceLocation(file: file, line: position?.line, column: position?.column)
  }

  /// A scalar's text; an empty plain scalar (`text:`) is the empty string.
  static func scalarText(_ node: YAMLNode) -> String? {
    guard let scalar = node.scalar else { return nil }
    if isNull(scalar) { return "" }
    return scalar.value
  }

  static func isNull(_ scalar: (value: String, style: YAMLEventReader.ScalarStyle)) -> Bool {
    scalar.style == .plain && (scalar.value == "~" || scalar.value == "null" || scalar.value.isEmpty)
  }

  static func stringList(_ node: YAMLNode) -> [String]? {
    guard case .sequence(let items, _) = node else { return nil }
    var list: [String] = []
    for item in items {
      guard let scalar = item.scalar else { return nil }
      list.append(scalar.value)
    }
    return list
  }

  static func style(of node: YAMLNode) -> CatalogEntry.Style {
    switch node.scalar?.style {
    case .singleQuoted: .singleQuoted
    case .doubleQuoted: .doubleQuoted
    case .literal: .literal
    case .folded: .folded
    default: .plain
    }
  }

  static func describe(_ node: YAMLNode) -> String {
    switch node {
    case .scalar: "text"
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .alias: "an alias"
    }
  }

  /// C0 and C1 controls other than tab and line feed have no place in patient text: they
  /// can rewrite a terminal or break an export.
  static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
  }

  /// Whether a text's UTF-8 has a byte of a forbidden control: one below 0x20 other than tab
  /// and line feed, DEL, or the lead byte 0xC2 of a C1 control (U+0080-U+009F). Every entry's
  /// fields are scanned, and bytes are read faster than scalars are decoded (from the string's
  /// storage, eight at a time: through its `utf8` view the scan cost as much again as reading
  /// the fields' YAML).
  static func mayHoldForbiddenControl(_ text: String) -> Bool {
    func mayBe(_ byte: UInt8) -> Bool { (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F || byte == 0xC2 }
    return LineBreak.withUTF8(text) { bytes in
      ByteScan.contains(
        bytes, wordMayHold: { ByteScan.hasBelow($0, 0x20) || ByteScan.has($0, 0x7F) || ByteScan.has($0, 0xC2) },
        where: { mayBe(bytes[$0]) })
    }
  }

  static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
