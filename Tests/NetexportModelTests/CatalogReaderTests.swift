import Foundation
import Testing

@testable import NetexportModel

/// The catalog reader's fast paths give what the plain ones give: entries read field by field
/// from libyaml's events (`CatalogReader.readEntry`) against entries read as a node each
/// (`Catalog.parseEntry`), the line-break scan that skips files whose lines all end in LF, the
/// line starts found only when asked for, and the byte scan for control characters.
@Suite struct CatalogReaderTests {
  /// Everything `Catalog.read` gives, or the diagnostics it throws, in a form tests compare.
  struct Reading: Equatable, CustomStringConvertible {
    var catalog: Catalog?
    var outline: String
    var error: [Diagnostic]?

    init(_ text: String, kind: CatalogFile? = nil, lenient: Bool = true, streamsEntries: Bool) {
      do {
        let (catalog, outline) = try Catalog.read(
          text, file: "Locales/es/guide.yaml", expectedLocale: "es", kind: kind, lenient: lenient,
          streamsEntries: streamsEntries)
        self.catalog = catalog
        // Where values end is known to the event reading alone (update needs it), not to
        // the nodes: compared apart from that.
        var compared = outline
        for index in compared.fields.indices { compared.fields[index].valueEndLine = nil }
        self.outline = String(describing: compared)
        error = nil
      } catch let error as DiagnosticError {
        catalog = nil
        outline = ""
        self.error = error.diagnostics
      } catch {
        catalog = nil
        outline = ""
        self.error = [Diagnostic(code: .malformedYAML, at: SourceLocation(file: "?"), "\(error)")]
      }
    }

    var description: String {
      if let error { return "error: \(error)" }
      return
        "catalog: \(catalog.map { "\($0.entries) \($0.obsolete) \($0.glossary) \($0.problems)" } ?? "-") outline: \(outline)"
    }
  }

  /// Reads `text` both ways, for each kind of file and both leniencies, and says where they
  /// differ.
  static func expectSameReading(
    _ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    for kind in [nil, CatalogFile.document("guide"), .labels, .glossary] {
      for lenient in [true, false] {
        let streamed = Reading(text, kind: kind, lenient: lenient, streamsEntries: true)
        let fromNodes = Reading(text, kind: kind, lenient: lenient, streamsEntries: false)
        #expect(
          streamed == fromNodes, "\(name) (\(String(describing: kind)), lenient \(lenient)) read differently",
          sourceLocation: sourceLocation)
      }
    }
  }

  static let tricky: [(name: String, text: String)] = [
    (
      "block scalars, comments, quoted keys",
      """
      # A comment before everything.
      locale: es
      entries:
        # A comment before an entry.
        literal:
          "source": |
            Line one
            line two
          'text': |-
            Línea uno

            línea dos
          note: >
            Folded
            note
          state: translated   # after a value
        folded.keep:
          text: >+
            kept

        indented:
          text: |2
              two more spaces
        "quoted.key":
          text: 'it''s'
        plain.multi:
          text: a plain text
            on two lines
        cut:
          text: Sintomi e cause #1
      """
    ),
    (
      "flow styles",
      """
      locale: es
      entries:
        flow: {source: "Flow", text: "Flujo", state: translated, allow: [untranslated, doubled-space]}
        block.allow:
          text: "x"
          allow:
            - untranslated
        empty.allow: {text: "y", allow: []}
      obsolete: {gone: {text: "Ido"}, "also.gone": {text: ''}}
      """
    ),
    (
      "mistakes in entries",
      """
      locale: es
      entries:
        no.text:
          note: "only a note"
        text.is.a.list:
          text: [a, b]
          note: {a: b}
        unknown.field:
          text: "x"
          colour: red
          colour: blue
        duplicate.fields:
          text: "x"
          note: "one"
          note: "two"
          text: "y"
        bad.state:
          text: "x"
          state: done
        control.in.text:
          note: "\\u0007 bell"
          text: "a\\u0001b"
          state: nonsense
          colour: red
        control.in.second.text:
          text: "fine"
          text: "a\\u0085b"
        "bad key!":
          text: "x"
        scalar.entry: "just text"
        list.entry: [a]
        empty.entry:
        null.text:
          text: ~
        null.word:
          text: null
        empty.plain:
          text:
        allow.scalar:
          text: "x"
          allow: untranslated
        allow.nested:
          text: "x"
          allow: [[a]]
        bad.key.mapping:
          text: "x"
        bad.key.mapping:
          text: "again"
        many.fields:
          text: "x"
          a: 1
          b: 2
          c: 3
          d: 4
          e: 5
          f: 6
          g: 7
          h: 8
          i: 9
          a: 10
      glossary:
        term.x:
          forms: [a, b]
      """
    ),
    (
      "CRLF",
      "locale: es\r\nentries:\r\n  a:\r\n    text: |\r\n      one\r\n      two\r\n    note: \"n\"\r\n  b: {text: x}\r\n"
    ),
    ("mixed line endings", "locale: es\nentries:\r\n  a:\n    text: \"one\r\n      two\"\n"),
    ("BOM", "\u{FEFF}locale: es\nentries:\n  a:\n    text: \"x\"\n"),
    ("NEL, LS and PS", "locale: es\nentries:\n  a:\u{85}    text: \"x\u{2028}y\"\u{2029}    note: n\n"),
    ("CR alone", "locale: es\rentries:\r  a:\r    text: \"x\"\r"),
    ("tabs", "locale: es\nentries:\n  a:\n    text: \"x\"\t# tab\n    note:\t\"n\"\n"),
    ("anchors and aliases", "locale: es\nentries:\n  a: &e\n    text: \"x\"\n  b: *e\n"),
    ("a tag", "locale: es\nentries:\n  a:\n    text: !!str \"x\"\n"),
    ("a key that is a list", "locale: es\nentries:\n  a:\n    [text]: \"x\"\n    note: y\n"),
    ("a key that is a mapping", "locale: es\nentries:\n  ? {a: b}\n  : text: \"x\"\n"),
    ("malformed after entries", "locale: es\nentries:\n  a:\n    text: \"x\"\n    note: \"unclosed\n"),
    ("a second document", "locale: es\nentries:\n  a:\n    text: \"x\"\n---\nlocale: fr\n"),
    ("entries is a list", "locale: es\nentries:\n  - text: x\n"),
    ("entries is empty", "locale: es\nentries:\n"),
    ("no entries", "locale: es\n"),
    ("not a mapping", "- a\n- b\n"),
    ("empty", ""),
    ("duplicate entries", "locale: es\nentries:\n  a:\n    text: \"x\"\n  a:\n    text: \"y\"\n"),
    (
      "duplicate sections",
      "locale: es\nentries:\n  a: {text: x}\nentries:\n  b: {text: y}\nobsolete:\n  a: {text: z}\n"
    ),
    ("document field", "locale: es\ndocument: other\nmachine-translated: true\nentries:\n  a: {text: x}\n"),
    (
      "deep nesting",
      "locale: es\nentries:\n  a:\n    text: \"x\"\n    allow: " + String(repeating: "[", count: 70)
        + String(repeating: "]", count: 70) + "\n"
    ),
    ("glossary only", "locale: es\nglossary:\n  term.a:\n    forms: [x]\n    spoken: s\n    letters: true\n"),
  ]

  @Test func entriesReadFromEventsAsFromNodesOnTrickyYAML() {
    for (name, text) in Self.tricky { Self.expectSameReading(text, name) }
  }

  /// Every committed catalog, the hostile inputs and the fuzz regressions.
  @Test func entriesReadFromEventsAsFromNodesOnTheRepositorysFiles() throws {
    let root = CatalogLayoutTests.packageRoot
    var files = CatalogLayoutTests.catalogs
    for folder in ["Tests/Hostile", "Tests/Fuzz/Regressions"] {
      let walker = FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path)
      while let path = walker?.nextObject() as? String {
        // The .yaml files are among the catalogs already.
        if !path.hasSuffix(".yaml") { files.append("\(folder)/\(path)") }
      }
    }
    var read = 0
    for path in files {
      let url = root.appendingPathComponent(path)
      guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
        let data = try? Data(contentsOf: url), data.count < 1 << 22, let text = String(data: data, encoding: .utf8)
      else { continue }
      Self.expectSameReading(text, path)
      read += 1
    }
    #expect(read >= 100, "only \(read) files read")
  }

  /// The reading compared is the one the fast path changes: without `streamsEntries` the
  /// entries go through nodes, with it they do not, and both give entries.
  @Test func bothReadingsReadEntries() throws {
    let text = "locale: es\nentries:\n  a:\n    text: \"x\"\n    note: n\n"
    for streams in [true, false] {
      let (catalog, outline) = try Catalog.read(text, file: "es.yaml", streamsEntries: streams)
      #expect(catalog.entries.map(\.key) == ["a"])
      #expect(catalog.entries.first?.note == "n")
      #expect(outline.fields.map(\.name) == ["text", "note"])
    }
  }

  @Test func entryFieldNamesAreTheKnownFields() {
    let fields = Catalog.entryFields.compactMap { Catalog.EntryFields.Field($0) }
    #expect(fields.count == Catalog.entryFields.count)
    #expect(Set(fields.map { "\($0)" }).count == fields.count)
    #expect(Catalog.EntryFields.Field("Text") == nil)
    #expect(Catalog.EntryFields.Field("texts") == nil)
  }

  /// The eight-bytes-at-a-time scan finds every line break other than LF that a byte-by-byte
  /// walk finds, wherever it falls in a word, and nothing in text that has none.
  @Test func lineBreakScanFindsWhatTheWalkFinds() {
    let pieces = ["a", "é", "\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}", "—", "\u{A0}", "\u{2027}", "\u{C5}"]
    var random = SystemRandomNumberGenerator()
    for length in 0..<40 {
      for _ in 0..<60 {
        let text = (0..<length).map { _ in pieces.randomElement(using: &random)! }.joined()
        var walked = false
        LineBreak.forEachLine(in: text) { _, lineBreak in
          if let lineBreak, lineBreak != .lf { walked = true }
        }
        let scanned = LineBreak.withUTF8(text, LineBreak.hasBreakOtherThanLF)
        #expect(scanned == walked, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
      }
    }
    // Each break at each offset of two words of ASCII.
    for lineBreak in LineBreak.allCases {
      for offset in 0..<17 {
        let text =
          String(repeating: "x", count: offset) + lineBreak.rawValue + String(repeating: "y", count: 17 - offset)
        #expect(
          LineBreak.withUTF8(text, LineBreak.hasBreakOtherThanLF) == (lineBreak != .lf), "\(lineBreak) at \(offset)")
      }
    }
  }

  @Test func filesWithOnlyLFHaveNoLineBreakFindings() {
    #expect(LineBreak.findings(in: "a: b\nc: \"d — é\u{A0}\"\n", file: "f.yaml").isEmpty)
    #expect(LineBreak.findings(in: "a: b\r\nc: d\n", file: "f.yaml").map(\.code) == [FindingCode.mixedLineEndings.code])
    #expect(
      LineBreak.findings(in: "a: b\nc: d\u{2028}", file: "f.yaml").map(\.code) == [FindingCode.unusualLineBreak.code])
  }

  /// Line starts found when first asked for are the text's, also after the text changes, and
  /// a catalog that has found them equals one that has not.
  @Test func lineStartsAreFoundWhenAskedForAndDoNotChangeEquality() throws {
    let text = "locale: es\r\nentries:\n  a:\u{2028}    text: \"x {\"\n"
    let first = try Catalog.parse(text, file: "es.yaml", lenient: true)
    let second = try Catalog.parse(text, file: "es.yaml", lenient: true)
    #expect(first.lineStarts == FileLines.starts(of: text))
    #expect(first == second)
    #expect(first.hashValue == second.hashValue)
    var changed = first
    changed.text = "a\nb\nc"
    #expect(changed.lineStarts == [0, 2, 4])
    #expect(first.lineStarts == FileLines.starts(of: text))
    #expect(changed != first)
  }

  /// The eight-bytes-at-a-time scan for control characters says yes exactly where a byte it
  /// looks for is, wherever that byte falls in a word, and for every scalar a forbidden control.
  @Test func controlScanFindsWhatTheBytesHave() {
    func byteWalk(_ text: String) -> Bool {
      text.utf8.contains { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A) || $0 == 0x7F || $0 == 0xC2 }
    }
    for value in 0..<0x250 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      for offset in 0..<12 {
        let text = String(repeating: "x", count: offset) + String(Character(scalar)) + String(repeating: "é", count: 6)
        #expect(Catalog.mayHoldForbiddenControl(text) == byteWalk(text), "U+\(String(value, radix: 16)) at \(offset)")
        if Catalog.isForbiddenControl(scalar) { #expect(Catalog.mayHoldForbiddenControl(text)) }
      }
    }
    for text in [
      "", "\u{85}", "x\u{9F}", "plain text, é — ✓ 中文 \t\n and more", "\u{7F}" + String(repeating: "a", count: 20),
    ] {
      #expect(Catalog.mayHoldForbiddenControl(text) == byteWalk(text), "\(text.unicodeScalars.map(\.value))")
    }
  }
}
