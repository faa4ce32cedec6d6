import Foundation
import NetexportModel

#if canImport(FoundationXML)
  import FoundationXML
#endif

extension XLIFF {
  /// Reads an XLIFF 2.0 file (any number of `<file>` elements, units inside `<group>`s,
  /// segments split by a tool, `<cp/>` characters, CDATA) with Foundation's XML parser.
  ///
  /// Checks what the OASIS schema cannot: unit ids unique in their file and file ids unique,
  /// a `subState` with a prefix (`netexport:needs-review`) and an explicit `state`. Inline
  /// codes other than `<cp/>` are refused: netexport's texts have none, so a tag in a target
  /// means a tool took part of the ICU text for markup.
  ///
  /// - Parameters:
  ///   - text: The file's text.
  ///   - file: How to name the file in messages.
  /// - Throws: `DiagnosticError` naming `file:line:column`: `malformed-xliff` (not well-formed
  ///   XML, not XLIFF 2.0, a missing id or language, a bad state), `interchange-duplicate-key`,
  ///   `interchange-inline-code`.
  public static func parse(_ text: String, file: String) throws -> InterchangeFile {
    if text.unicodeScalars.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{FEFF}" }) {
      throw DiagnosticError(
        Diagnostic(
          code: InterchangeCode.malformedXLIFF, at: SourceLocation(file: file, line: 1, column: 1),
          "the file is empty; export it again"))
    }
    func location(of index: String.Index) -> SourceLocation {
      let before = text[..<index]
      let line = before.unicodeScalars.filter { $0 == "\n" }.count + 1
      let column =
        before.unicodeScalars.count
        - (before.unicodeScalars.lastIndex(of: "\n").map {
          before.unicodeScalars.distance(from: before.unicodeScalars.startIndex, to: $0) + 1
        } ?? 0) + 1
      return SourceLocation(file: file, line: line, column: column)
    }
    // XLIFF has no document type; refusing one keeps entity expansion out of the reader.
    if let range = text.range(of: "<!DOCTYPE") {
      throw DiagnosticError(
        Diagnostic(
          code: InterchangeCode.malformedXLIFF, at: location(of: range.lowerBound),
          "the file has a document type (<!DOCTYPE>), which XLIFF files do not have"))
    }
    // Foundation's XML parser on Linux reads a null pointer (and the process crashes) at a
    // processing instruction with nothing after its name, such as `<?x?>`: found by the
    // `interchange` fuzz target. XLIFF files need none; one with content is let through.
    if let range = emptyProcessingInstruction(in: text) {
      throw DiagnosticError(
        Diagnostic(
          code: InterchangeCode.malformedXLIFF, at: location(of: range.lowerBound),
          "the file has a processing instruction with nothing after its name (\(text[range])), which netexport's XML reader cannot read; remove it"
        ))
    }
    let parser = XMLParser(data: Data(text.utf8))
    parser.shouldProcessNamespaces = true
    parser.shouldReportNamespacePrefixes = false
    parser.shouldResolveExternalEntities = false
    let reader = Reader(file: file, text: text, parser: parser)
    parser.delegate = reader
    let parsed = parser.parse()
    if let failure = reader.failure { throw failure }
    guard parsed, reader.sawRoot else {
      let code = (parser.parserError as NSError?)?.code ?? 0
      throw DiagnosticError(
        Diagnostic(
          code: InterchangeCode.malformedXLIFF, at: reader.errorLocation ?? reader.here,
          "the file is not well-formed XML: \(!reader.sawRoot && (code == 0 || code == 5) ? "it has no <xliff> element" : xmlProblem(code)). Fix the markup at this place, or export the file again"
        ))
    }
    return InterchangeFile(documents: reader.documents)
  }

  /// The first processing instruction of `text` whose name is followed by nothing but white
  /// space (`<?x?>`, `<?x ?>`), wherever it is (inside a comment or CDATA too: refusing such a
  /// file is safe, and no tool writes one).
  static func emptyProcessingInstruction(in text: String) -> Range<String.Index>? {
    var search = text.startIndex
    while let start = text[search...].range(of: "<?")?.lowerBound {
      var index = text.unicodeScalars.index(start, offsetBy: 2)
      // The name: up to white space or `?`.
      while index < text.endIndex, !" \t\r\n?".unicodeScalars.contains(text.unicodeScalars[index]) {
        index = text.unicodeScalars.index(after: index)
      }
      while index < text.endIndex, " \t\r\n".unicodeScalars.contains(text.unicodeScalars[index]) {
        index = text.unicodeScalars.index(after: index)
      }
      if text.unicodeScalars[index...].starts(with: "?>".unicodeScalars) {
        return start..<text.unicodeScalars.index(index, offsetBy: 2)
      }
      search = text.unicodeScalars.index(start, offsetBy: 2)
    }
    return nil
  }

  /// What libxml2's error codes (`xmlParserErrors`, which Foundation passes on without a
  /// message on Linux) mean, for the errors a hand-edited file runs into.
  static func xmlProblem(_ code: Int) -> String {
    switch code {
    case 4: "the file is empty"
    case 5, 86: "there is text after the end of the <xliff> element"
    case 9, 81: "it has a character XML does not allow"
    case 22, 23: "an '&' that does not start an entity (write a literal & as &amp;)"
    case 26: "an unknown entity (write a literal & as &amp;)"
    case 38: "a '<' inside an attribute value (write it as &lt;)"
    case 39, 40, 41: "an attribute value is not in quotes, or not closed"
    case 42: "an attribute is given twice"
    case 45: "a comment (<!-- -->) is not closed"
    case 63: "a CDATA section is not closed"
    case 68: "a '<' or '&' without a name after it (write a literal < as &lt; and & as &amp;)"
    case 73: "a tag is not closed with '>'"
    case 76: "a closing tag does not match the element it closes"
    case 77, 85: "an element is not closed before the end of the file"
    default: "libxml2 error \(code)"
    }
  }

  /// The parser's delegate: builds the documents as elements open and close.
  private final class Reader: NSObject, XMLParserDelegate {
    struct Segment {
      var state: String
      var subState: String?
      var source = ""
      var target: String?
      var ignorable: Bool
      var location: SourceLocation
    }

    struct UnitBuilder {
      var id: String
      var location: SourceLocation
      var notes: [(category: String?, text: String)] = []
      var segments: [Segment] = []
      var targetLocation: SourceLocation?
    }

    let file: String
    /// The file's lines, to find where a start tag begins: the parser reports where it ends.
    let lines: [[Unicode.Scalar]]
    unowned let parser: XMLParser
    var failure: DiagnosticError?
    /// Where the parser met a syntax error (its position moves on once parsing stops).
    var errorLocation: SourceLocation?
    var sawRoot = false
    var documents: [InterchangeFile.Located] = []
    var sourceLocale = ""
    var targetLocale = ""

    /// Open elements by local name, outermost first.
    var stack: [String] = []
    /// Depth inside an element of another namespace, skipped whole (extension data).
    var foreignDepth = 0
    var document: InterchangeFile.Located?
    var unitIDs: [String: SourceLocation] = [:]
    var fileIDs: [String: SourceLocation] = [:]
    var unit: UnitBuilder?
    var segment: Segment?
    var noteCategory: String?
    /// The text being collected (inside `<note>`, `<source>` or `<target>`).
    var collected: String?

    init(file: String, text: String, parser: XMLParser) {
      self.file = file
      self.lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
      self.parser = parser
    }

    /// Where the parser is.
    var here: SourceLocation {
      SourceLocation(file: file, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber))
    }

    /// Where the start tag the parser has just read begins: the last '<' before its position.
    var tagStart: SourceLocation {
      var line = max(1, parser.lineNumber)
      guard line <= lines.count else { return here }
      var end = min(max(0, parser.columnNumber - 1), lines[line - 1].count)
      while line >= 1 {
        if let index = lines[line - 1][..<end].lastIndex(of: "<") {
          return SourceLocation(file: file, line: line, column: index + 1)
        }
        line -= 1
        if line >= 1 { end = lines[line - 1].count }
      }
      return here
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
      if errorLocation == nil { errorLocation = here }
    }

    func fail(_ message: String, at location: SourceLocation? = nil) {
      fail(InterchangeCode.malformedXLIFF, message, at: location)
    }

    func fail(_ code: FindingCode, _ message: String, at location: SourceLocation? = nil) {
      guard failure == nil else { return }
      failure = DiagnosticError(Diagnostic(code: code, at: location ?? tagStart, message))
      parser.abortParsing()
    }

    // MARK: Elements

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      guard failure == nil else { return }
      if foreignDepth > 0 || (namespaceURI != XLIFF.namespace && !stack.isEmpty && collected == nil) {
        foreignDepth += 1
        return
      }
      let parent = stack.last
      if collected != nil && parent != "note" {
        // Inside <source> or <target>.
        guard name == "cp", namespaceURI == XLIFF.namespace else {
          fail(
            InterchangeCode.inlineCode,
            "<\(qualifiedName ?? name)> inside <\(parent ?? "")> of unit '\(unit?.id ?? "")': netexport keeps the ICU text whole, without tags; a tool turned part of it into markup, so type the text with its {...} parts as in the source"
          )
          return
        }
        guard let hex = attributes["hex"], let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
          fail("<cp> needs a hex attribute with a code point (<cp hex=\"0007\"/>)")
          return
        }
        collected?.unicodeScalars.append(scalar)
        stack.append(name)
        return
      }
      if collected != nil {
        fail("<\(name)> inside a <note>; a note holds text only")
        return
      }
      stack.append(name)
      switch (parent, name) {
      case (nil, "xliff"):
        startRoot(namespaceURI: namespaceURI, attributes: attributes)
      case ("xliff", "file"):
        startFile(attributes)
      case ("file", "group"), ("group", "group"):
        break
      case ("file", "unit"), ("group", "unit"):
        startUnit(attributes)
      case ("file", "notes"), ("group", "notes"), ("unit", "notes"):
        break
      case ("notes", "note"):
        noteCategory = attributes["category"]
        collected = ""
      case ("unit", "segment"), ("unit", "ignorable"):
        startSegment(name, attributes)
      case ("segment", "source"), ("ignorable", "source"):
        collected = ""
      case ("segment", "target"), ("ignorable", "target"):
        if attributes["order"] != nil {
          fail("<target order=...> reorders segments; netexport keeps each message in one segment")
          return
        }
        unit?.targetLocation = tagStart
        collected = ""
      case ("file", "skeleton"), ("unit", "originalData"):
        foreignDepth = 1
        stack.removeLast()
      default:
        let place = parent.map { "inside <\($0)>" } ?? "as the root element"
        fail("unexpected <\(name)> \(place); is this an XLIFF 2.0 file exported by netexport?")
      }
    }

    private func startRoot(namespaceURI: String?, attributes: [String: String]) {
      sawRoot = true
      let version = attributes["version"] ?? ""
      guard namespaceURI == XLIFF.namespace, version.hasPrefix("2.") else {
        let found =
          namespaceURI == "urn:oasis:names:tc:xliff:document:1.2" || version.hasPrefix("1.")
          ? "XLIFF \(version.isEmpty ? "1.x" : version)" : "not XLIFF 2.0 (namespace \(namespaceURI ?? "none"))"
        fail(
          "the file is \(found); netexport reads XLIFF 2.0: save it as XLIFF 2.0, or export it again with --format xliff"
        )
        return
      }
      guard let source = attributes["srcLang"], !source.isEmpty, let target = attributes["trgLang"], !target.isEmpty
      else {
        fail("<xliff> needs srcLang and trgLang (the languages); export the file again")
        return
      }
      sourceLocale = source
      targetLocale = target
    }

    private func startFile(_ attributes: [String: String]) {
      guard let id = attributes["id"], !id.isEmpty else {
        fail("<file> has no id; netexport reads the catalog name from it")
        return
      }
      if let first = fileIDs[id] {
        fail(
          InterchangeCode.duplicateKey, "a second <file id=\"\(id)\"> (first at \(first)); each catalog appears once")
        return
      }
      fileIDs[id] = tagStart
      unitIDs = [:]
      document = InterchangeFile.Located(
        document: InterchangeDocument(sourceLocale: sourceLocale, targetLocale: targetLocale, catalog: id, units: []),
        location: tagStart, unitLocations: [])
    }

    private func startUnit(_ attributes: [String: String]) {
      guard let id = attributes["id"], !id.isEmpty else {
        fail("<unit> has no id; netexport reads the message key from it")
        return
      }
      if let first = unitIDs[id] {
        fail(InterchangeCode.duplicateKey, "'\(id)' appears twice (first at \(first)); keep one of the two units")
        return
      }
      unitIDs[id] = tagStart
      unit = UnitBuilder(id: id, location: tagStart)
    }

    private func startSegment(_ name: String, _ attributes: [String: String]) {
      let state = attributes["state"]
      let subState = attributes["subState"]
      if let state, !["initial", "translated", "reviewed", "final"].contains(state) {
        fail("state '\(state)' is not one of XLIFF's: initial, translated, reviewed, final")
        return
      }
      if let subState {
        guard state != nil else {
          fail("subState '\(subState)' without a state; XLIFF requires the state to be set with it")
          return
        }
        guard let colon = subState.firstIndex(of: ":"), colon != subState.startIndex else {
          fail("subState '\(subState)' has no prefix; XLIFF requires 'prefix:value', as netexport:needs-review")
          return
        }
      }
      segment = Segment(
        state: state ?? "initial", subState: subState, ignorable: name == "ignorable", location: tagStart)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
      guard failure == nil else { return }
      if foreignDepth > 0 {
        foreignDepth -= 1
        return
      }
      guard let closed = stack.popLast() else { return }
      switch closed {
      case "note":
        unit?.notes.append((noteCategory, collected ?? ""))
        collected = nil
      case "source":
        segment?.source = collected ?? ""
        collected = nil
      case "target":
        segment?.target = collected ?? ""
        collected = nil
      case "segment", "ignorable":
        if let segment { unit?.segments.append(segment) }
        segment = nil
      case "unit":
        finishUnit()
      case "file":
        if let document { documents.append(document) }
        document = nil
      default:
        break
      }
    }

    private func finishUnit() {
      guard let built = unit else { return }
      unit = nil
      guard !built.segments.isEmpty else {
        fail("unit '\(built.id)' has no <segment>", at: built.location)
        return
      }
      var source = ""
      var target = ""
      for segment in built.segments {
        source += segment.source
        // Between segments, an ignorable without a target stands for itself in the translation.
        target += segment.target ?? (segment.ignorable ? segment.source : "")
      }
      let fingerprint = Fingerprint.of(key: built.id, source: source, target: target)
      let states = built.segments.filter { !$0.ignorable }.map { segment -> InterchangeUnit.State in
        switch segment.state {
        case "translated": return .translated
        case "reviewed", "final":
          if let subState = segment.subState, subState.hasPrefix(XLIFF.reviewedPrefix) {
            return subState == XLIFF.reviewedPrefix + fingerprint ? .reviewed : .translated
          }
          return .reviewed
        default: return segment.subState == XLIFF.needsReview ? .needsReview : .new
        }
      }
      var notes: [String] = []
      var locations: [String] = []
      var previous: [String] = []
      var previousNotes: [String] = []
      var bases: [String] = []
      var comments: [String] = []
      for note in built.notes {
        switch note.category {
        case XLIFF.Category.description?: notes.append(note.text)
        case XLIFF.Category.location?: locations.append(note.text)
        case XLIFF.Category.previousSource?: previous.append(note.text)
        case XLIFF.Category.previousNote?: previousNotes.append(note.text)
        case XLIFF.Category.base?: bases.append(note.text)
        default: comments.append(note.text)
        }
      }
      let joined = { (texts: [String]) in texts.isEmpty ? nil : texts.joined(separator: "\n") }
      document?.document.units.append(
        InterchangeUnit(
          key: built.id, source: source, target: target, note: joined(notes), previousNote: joined(previousNotes),
          state: states.min() ?? .new,
          previousSource: joined(previous), location: joined(locations), comment: joined(comments),
          base: joined(bases)))
      document?.unitLocations.append(built.targetLocation ?? built.segments[0].location)
    }

    // MARK: Text

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      guard failure == nil, foreignDepth == 0 else { return }
      if collected != nil {
        collected? += string
      } else if !string.unicodeScalars.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
        fail(
          "text outside <source>, <target> and <note>: '\(string.trimmingCharacters(in: .whitespacesAndNewlines).prefix(40))'",
          at: here)
      }
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
      self.parser(parser, foundCharacters: String(decoding: block, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, foundIgnorableWhitespace whitespace: String) {
      self.parser(parser, foundCharacters: whitespace)
    }
  }
}
