import NetexportModel

/// The lines of a file, with the line ending it uses, so that text cut into parts and put
/// together again keeps every byte of the parts.
struct TextLines {
  /// `"\r\n"` when the file uses it anywhere, else `"\n"`.
  var newline: String
  var lines: [String]

  init(_ text: String) {
    newline = text.contains("\r\n") ? "\r\n" : "\n"
    lines = text.components(separatedBy: newline)
    // The line ending after the last line starts no new line.
    if lines.last == "" { lines.removeLast() }
  }

  /// Lines joined with the file's line ending, each ended by it.
  func joined(_ lines: [String]) -> String { lines.map { $0 + newline }.joined() }

  static func isBlank(_ line: String) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" } }

  /// A line holding only a comment (at any indentation).
  static func isComment(_ line: String) -> Bool { line.drop(while: { $0 == " " || $0 == "\t" }).first == "#" }

  static func isTrivia(_ line: String) -> Bool { isBlank(line) || isComment(line) }

  /// The number of spaces a line starts with.
  static func indentation(_ line: String) -> Int { line.prefix(while: { $0 == " " }).count }
}

/// A catalog of the old layout (one file per locale holding every message and the glossary)
/// cut, line by line, into the parts that move to the new files.
///
/// Cut by hand rather than rewritten through a YAML library: none for Swift keeps comments,
/// blank lines, quoting and field order when it writes a file, and a translator's file must
/// move byte for byte. The YAML parser still decides what is what: each entry's key line is
/// where `Catalog.parse` found the key, and the migration reads every file it makes back
/// and compares it, value by value, with the old one.
struct LegacyCatalogText {
  /// A top-level field (`locale:`, `entries:`, `obsolete:`, `glossary:`) and its lines.
  struct Block {
    var name: String
    /// The blank and comment lines directly above the field's line.
    var trivia: [String]
    /// The field's own line.
    var keyLine: String
    /// Every line after the field's line up to the next field's trivia (or the end).
    var body: [String]
    /// The 0-based index of the field's line in the file.
    var line: Int
  }

  /// One entry of `entries` or `obsolete`.
  struct Entry {
    var key: String
    /// The blank and comment lines directly above its key line.
    var trivia: [String]
    /// Its key line and every line of the entry after it.
    var body: [String]
  }

  /// `entries` or `obsolete`, cut into entries.
  struct Section {
    var block: Block
    var entries: [Entry]
    /// Blank and comment lines after the last entry (or all of the body, with no entries).
    var trailing: [String]
  }

  var text: TextLines
  /// The comment lines (and blank lines) before the first top-level field.
  var header: [String]
  var locale: Block
  var entries: Section
  var obsolete: Section?
  var glossary: Block?
  /// `machine-translated:`, which both the document's catalog and the labels take.
  var machineTranslated: Block?
  /// The top-level fields in file order.
  var order: [String]

  /// Cuts a catalog's text, using the parsed catalog for where each entry's key is.
  ///
  /// - Throws: `DiagnosticError` with code `migration-unsupported` when the file is laid out
  ///   in a way this line-based cut cannot follow (a quoted top-level field, `entries` written
  ///   on one line, a YAML directive); the message says what to change.
  init(_ source: String, catalog: Catalog, file: String) throws {
    text = TextLines(source)
    let lines = text.lines
    func unsupported(_ line: Int?, _ message: String) -> DiagnosticError {
      DiagnosticError(
        Diagnostic(
          code: .migrationUnsupported, at: SourceLocation(file: file, line: line.map { $0 + 1 }, column: 1),
          "\(message); nothing was migrated"))
    }

    // Top-level fields start at column 1; everything else is indented, blank or a comment.
    var fields: [(name: String, line: Int)] = []
    for (index, line) in lines.enumerated() {
      guard let first = line.first, first != " ", first != "\t", first != "#" else { continue }
      guard let match = line.wholeMatch(of: /([A-Za-z][A-Za-z0-9_-]*)[ \t]*:([ \t].*)?/) else {
        throw unsupported(
          index,
          "'netexport migrate' moves catalogs whose top-level fields are written as 'locale:', 'entries:', 'obsolete:' and 'glossary:' at the start of a line, and cannot follow this line (a quoted field name, a YAML directive or '---'); write it that way"
        )
      }
      fields.append((String(match.1), index))
    }
    var blocks: [Block] = []
    for (position, field) in fields.enumerated() {
      // A field's trivia: the blank lines and column-1 comments right above it, back to the
      // previous field's last indented line.
      let floor = position == 0 ? 0 : fields[position - 1].line + 1
      var start = field.line
      if position == 0 {
        start = 0
      } else {
        while start > floor, TextLines.isBlank(lines[start - 1]) || lines[start - 1].hasPrefix("#") { start -= 1 }
      }
      if position > 0 { blocks[position - 1].body = Array(lines[(fields[position - 1].line + 1)..<start]) }
      blocks.append(
        Block(
          name: field.name, trivia: Array(lines[start..<field.line]), keyLine: lines[field.line], body: [],
          line: field.line))
    }
    if let last = fields.last { blocks[blocks.count - 1].body = Array(lines[(last.line + 1)...]) }
    if let first = blocks.first, first.trivia.contains(where: { !TextLines.isTrivia($0) }) {
      throw unsupported(0, "the file starts with lines that are neither comments nor a top-level field")
    }
    order = blocks.map(\.name)
    func block(_ name: String) -> Block? { blocks.first { $0.name == name } }
    guard let localeBlock = block("locale"), let entriesBlock = block("entries") else {
      throw unsupported(nil, "the catalog needs 'locale:' and 'entries:' at the start of a line")
    }
    header = blocks[0].trivia
    locale = localeBlock
    entries = try Self.section(entriesBlock, catalog.entries, file: file, unsupported: unsupported)
    obsolete = try block("obsolete").map {
      try Self.section($0, catalog.obsolete, file: file, unsupported: unsupported)
    }
    glossary = block("glossary")
    machineTranslated = block(Catalog.machineTranslatedField)
  }

  /// Cuts a section into its entries at the lines where the parser found their keys.
  private static func section(
    _ block: Block, _ parsed: [CatalogEntry], file: String, unsupported: (Int?, String) -> DiagnosticError
  ) throws -> Section {
    let first = block.line + 1
    let keyLines = parsed.map { ($0.key, ($0.location.line ?? 0) - 1, ($0.location.column ?? 0) - 1) }
    guard let indent = keyLines.first?.2 else {
      guard block.body.allSatisfy(TextLines.isTrivia) else {
        throw unsupported(
          block.line,
          "'\(block.name)' is written on one line; write it as a block ('\(block.name):', then one indented 'key:' line per entry)"
        )
      }
      return Section(block: block, entries: [], trailing: block.body)
    }
    for (key, line, column) in keyLines {
      let offset = line - first
      guard offset >= 0, offset < block.body.count, column == indent,
        TextLines.indentation(block.body[offset]) == indent
      else {
        throw unsupported(
          line >= 0 ? line : block.line,
          "cannot find the line of entry '\(key)' where '\(block.name):' has its entries; write '\(block.name)' as a block ('\(block.name):', then one '\(String(repeating: " ", count: max(indent, 2)))key:' line per entry, all at the same indentation)"
        )
      }
    }
    let offsets = keyLines.map { $0.1 - first }
    guard offsets == offsets.sorted() else {
      throw unsupported(block.line, "the entries of '\(block.name)' are not in the order the parser read them")
    }
    guard block.body[..<offsets[0]].allSatisfy(TextLines.isTrivia) else {
      throw unsupported(first + offsets[0], "'\(block.name)' has lines before its first entry that are not comments")
    }
    var entries: [Entry] = []
    var trivia = Array(block.body[..<offsets[0]])
    var trailing: [String] = []
    for (index, offset) in offsets.enumerated() {
      let next = index + 1 < offsets.count ? offsets[index + 1] : block.body.count
      // Blank lines and comments no deeper than the keys, right above the next key, belong
      // to that key; deeper comments stay inside the entry they are in.
      var end = next
      while end > offset + 1,
        TextLines.isBlank(block.body[end - 1])
          || (TextLines.isComment(block.body[end - 1]) && TextLines.indentation(block.body[end - 1]) <= indent)
      {
        end -= 1
      }
      entries.append(Entry(key: keyLines[index].0, trivia: trivia, body: Array(block.body[offset..<end])))
      trivia = Array(block.body[end..<next])
      if index + 1 == offsets.count { trailing = trivia }
    }
    return Section(block: block, entries: entries, trailing: trailing)
  }

  /// The section's lines for a file that takes some of its entries, in their order.
  ///
  /// Blank lines group entries: the first entry taken loses the blank lines above it (it
  /// starts the section), and an entry whose group separator stayed behind with an entry
  /// not taken gets one, so that groups stay apart.
  static func lines(of entries: [Entry], taking taken: (Entry) -> Bool) -> [String] {
    var lines: [String] = []
    var previous: Int?
    for (index, entry) in entries.enumerated() where taken(entry) {
      var trivia = entry.trivia
      if let previous {
        let skipped = entries[(previous + 1)..<index]
        if !(trivia.first.map(TextLines.isBlank) ?? false),
          skipped.contains(where: { $0.trivia.contains(where: TextLines.isBlank) })
        {
          trivia.insert("", at: 0)
        }
      } else {
        trivia = Array(trivia.drop(while: TextLines.isBlank))
      }
      lines += trivia + entry.body
      previous = index
    }
    return lines
  }
}
