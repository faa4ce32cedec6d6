import Foundation

/// A catalog file cut into whole lines: the top-level sections, and within `entries` and
/// `obsolete` one block of lines per entry, so that `update` can move, insert and edit
/// entries while every other byte of the file stays as it was.
///
/// Written by hand because no YAML library for Swift edits a file in place while keeping
/// its comments: Yams reads and writes whole documents. The catalog reader's outline says
/// where each key starts; this reader cuts the text at those lines, which end where YAML's do (at any
/// `LineBreak`), and keeps each line's own line break. `text` puts the pieces back together,
/// byte for byte.
struct CatalogLayout {
  /// One line of the file, without its line break. Lines read from the file are slices of
  /// its text, so cutting a file into lines copies none of it.
  struct Line: Hashable {
    /// What ends a line.
    enum Ending: Hashable {
      /// The line break the file has after the line.
      case original(LineBreak)
      /// Nothing: the last line of a file that does not end in a line break.
      case none
      /// The file's more common line ending: for lines `update` writes.
      case usual
    }

    var content: Substring
    var ending: Ending

    init(_ content: some StringProtocol, ending: Ending = .usual) {
      self.content = Substring(content)
      self.ending = ending
    }

    var isBlank: Bool { content.allSatisfy { $0 == " " || $0 == "\t" } }
  }

  /// One entry's lines: comment and blank lines directly above it, then the key line and
  /// its fields.
  struct Block {
    var key: String
    var leading: [Line]
    var lines: [Line]
    var fieldIndent: Int
    /// Field name -> line range within `lines`.
    var fields: [String: Range<Int>]
    var isFlow: Bool

    /// Sets a field to a value (or removes it for `nil`), replacing its lines or adding a line.
    mutating func set(_ name: String, _ value: String?) {
      let newLines =
        value.map {
          // A state is a keyword, written plain like the catalogs netexport creates.
          name == "state"
            ? [Line(String(repeating: " ", count: fieldIndent) + "state: \($0)")]
            : [Line(CatalogWriter.field(name, $0, indent: fieldIndent))]
        } ?? []
      if let range = fields[name] {
        replace(range, with: newLines)
        return
      }
      // New fields go where a reader expects them: previous-source after source, source
      // before text, previous-note after the note, the rest at the end.
      let position: Int
      switch name {
      case "previous-source": position = fields["source"]?.upperBound ?? fields["text"]?.lowerBound ?? lines.count
      case "source": position = fields["text"]?.lowerBound ?? lines.count
      case "note": position = 1
      case "previous-note": position = fields["note"]?.upperBound ?? 1
      default: position = lines.count
      }
      replace(position..<position, with: newLines)
      fields[name] = position..<(position + newLines.count)
    }

    private mutating func replace(_ range: Range<Int>, with newLines: [Line]) {
      lines.replaceSubrange(range, with: newLines)
      let delta = newLines.count - range.count
      for (field, fieldRange) in fields where fieldRange.lowerBound >= range.upperBound && fieldRange != range {
        fields[field] = (fieldRange.lowerBound + delta)..<(fieldRange.upperBound + delta)
      }
      if let name = fields.first(where: { $0.value == range })?.key {
        fields[name] = range.lowerBound..<(range.lowerBound + newLines.count)
      }
    }

    /// The block with its indentation changed, for moving between sections.
    func reindented(to indent: Int) -> Block {
      let current = lines.first.map { $0.content.prefix { $0 == " " }.count } ?? indent
      guard current != indent else { return self }
      let shift = indent - current
      func move(_ line: Line) -> Line {
        guard !line.isBlank else { return line }
        var moved = line
        moved.content =
          shift > 0
          ? Substring(String(repeating: " ", count: shift) + line.content)
          : line.content.dropFirst(min(-shift, line.content.prefix { $0 == " " }.count))
        return moved
      }
      var copy = self
      copy.lines = lines.map(move)
      copy.leading = leading.map(move)
      copy.fieldIndent = fieldIndent + shift
      return copy
    }
  }

  enum Section {
    case verbatim([Line])
    case entries
    case obsolete
  }

  var sections: [Section] = []
  var entries: [Block] = []
  var entriesHeader: [Line] = []
  var entriesTrailer: [Line] = []
  var entryIndent = 2
  var obsolete: [Block] = []
  var obsoleteHeader: [Line]?
  var obsoleteTrailer: [Line] = []
  var obsoleteIndent: Int?
  var hasObsoleteSection = false
  /// The line ending of new lines: CR LF when more lines end in it than in LF.
  var lineEnding = "\n"
  /// Whether the file ends in a line break.
  var endsWithNewline = true

  /// Cuts `text`, whose keys are where `outline` says, into sections and blocks.
  ///
  /// - Throws: `DiagnosticError` with code `update-unsupported` when `entries` or `obsolete`
  ///   is written in flow style (`{...}`) and so has no lines to cut.
  init(text: String, outline: CatalogOutline, file: String) throws {
    var lines: [Line] = []
    var endings: [LineBreak: Int] = [:]
    let utf8 = text.utf8
    var previous = (offset: 0, index: utf8.startIndex)
    LineBreak.forEachLine(in: text) { content, lineBreak in
      // Line breaks fall between Unicode scalars, so these are valid string indices.
      let start = utf8.index(previous.index, offsetBy: content.lowerBound - previous.offset)
      let end = utf8.index(start, offsetBy: content.count)
      previous = (content.upperBound, end)
      lines.append(Line(text[start..<end], ending: lineBreak.map { .original($0) } ?? .none))
      if let lineBreak { endings[lineBreak, default: 0] += 1 }
    }
    lineEnding = endings[.crlf, default: 0] > endings[.lf, default: 0] ? "\r\n" : "\n"
    endsWithNewline = lines.last.map { $0.ending != .none } ?? false
    // The outline and the lines count lines alike; should they ever disagree, stop here
    // rather than cut the file in the wrong places.
    var keyLines: [Int] = []
    for section in outline.sections {
      keyLines.append(section.key.position.line - 1)
      for entry in section.entries ?? [] {
        keyLines.append(entry.key.position.line - 1)
        keyLines += outline.fields[entry.fields ?? 0..<0].map { $0.position.line - 1 }
      }
    }
    guard keyLines.allSatisfy({ lines.indices.contains($0) }), zip(keyLines, keyLines.dropFirst()).allSatisfy(<=)
    else {
      throw DiagnosticError(
        Diagnostic(
          code: .updateFailed, at: SourceLocation(file: file),
          "could not find the lines of the catalog's keys, so the file was left as it was; please report this"))
    }
    // Trivia lines (blank, comment) at the end of lines[start..<end] go with what follows.
    func triviaStart(_ start: Int, _ end: Int) -> Int {
      var stop = end
      while stop - start > 1, Self.isTrivia(lines[stop - 1]) { stop -= 1 }
      return stop
    }
    // Line index where each top-level section starts.
    let starts = outline.sections.map { $0.key.position.line - 1 }
    var cursor = 0
    for (index, section) in outline.sections.enumerated() {
      let start = starts[index]
      let end = index + 1 < starts.count ? starts[index + 1] : lines.count
      let name = section.key.name ?? ""
      guard name == "entries" || name == "obsolete" else { continue }
      if start > cursor { sections.append(.verbatim(Array(lines[cursor..<start]))) }
      cursor = end
      // Comment and blank lines at the end belong with the next section.
      let sectionEnd = triviaStart(start, end)
      var trailer = Array(lines[sectionEnd..<end])
      let inline = section.valuePosition.line == section.key.position.line
      guard let entryOutlines = section.entries, !inline || entryOutlines.isEmpty else {
        if name == "obsolete", section.valueIsScalar || section.entries?.isEmpty == true {
          obsoleteHeader = Array(lines[start..<sectionEnd])
          obsoleteTrailer = trailer
          hasObsoleteSection = true
          sections.append(.obsolete)
          continue
        }
        throw DiagnosticError(
          Diagnostic(
            code: .updateUnsupported, at: Catalog.location(section.key.position, file: file),
            "'\(name)' is written in flow style ({...}); write one entry per line so that update can edit the file"))
      }
      var blocks: [Block] = []
      blocks.reserveCapacity(entryOutlines.count)
      let keyLines = entryOutlines.map { $0.key.position.line - 1 }
      let headerEnd = keyLines.first ?? sectionEnd
      let headerStop = triviaStart(start, headerEnd)
      let header = Array(lines[start..<headerStop])
      var leading = Array(lines[headerStop..<headerEnd])
      for (entryIndex, entry) in entryOutlines.enumerated() {
        let blockStart = keyLines[entryIndex]
        let blockEnd = entryIndex + 1 < keyLines.count ? keyLines[entryIndex + 1] : sectionEnd
        // Not above the end of the entry's last value: a line of a text in quotes that
        // starts with `#` is not a comment.
        let valueEnd = entry.fields.flatMap { outline.fields[$0].last?.valueEndLine }
        let blockStop = min(max(triviaStart(blockStart, blockEnd), valueEnd ?? 0), blockEnd)
        let blockLines = Array(lines[blockStart..<blockStop])
        var fields: [String: Range<Int>] = [:]
        var fieldIndent = entry.key.position.column + 1
        // A value on the key's own line is written inline ({...}): its fields share a line.
        let isFlow = entry.fields == nil || entry.valuePosition.line == entry.key.position.line
        if let fieldKeys = entry.fields.map({ outline.fields[$0] }), !isFlow {
          let fieldLines = fieldKeys.map { $0.position.line - 1 - blockStart }
          fieldIndent = (fieldKeys.first?.position.column ?? fieldIndent + 1) - 1
          for (fieldIndex, field) in zip(fieldLines.indices, fieldKeys) {
            let fieldEnd = fieldIndex + 1 < fieldLines.count ? fieldLines[fieldIndex + 1] : blockLines.count
            var fieldRange = fieldLines[fieldIndex]..<fieldEnd
            // Lines up to the end of the value are the field's, whatever they start with.
            let valueEnd = field.valueEndLine.map { $0 - blockStart } ?? 0
            while fieldRange.count > 1, fieldRange.upperBound > valueEnd,
              Self.isTrivia(blockLines[fieldRange.upperBound - 1])
            {
              fieldRange = fieldRange.lowerBound..<(fieldRange.upperBound - 1)
            }
            fields[field.name ?? ""] = fieldRange
          }
        }
        blocks.append(
          Block(
            key: entry.key.name ?? "", leading: leading, lines: blockLines, fieldIndent: fieldIndent,
            fields: fields, isFlow: isFlow))
        leading = Array(lines[blockStop..<blockEnd])
      }
      trailer = leading + trailer
      let indent = entryOutlines.first.map { $0.key.position.column - 1 }
      if name == "entries" {
        entries = blocks
        entriesHeader = header
        entriesTrailer = trailer
        entryIndent = indent ?? 2
        sections.append(.entries)
      } else {
        obsolete = blocks
        obsoleteHeader = header
        obsoleteTrailer = trailer
        obsoleteIndent = indent
        hasObsoleteSection = true
        sections.append(.obsolete)
      }
    }
    if cursor < lines.count { sections.append(.verbatim(Array(lines[cursor...]))) }
  }

  /// The lines of the `entries` section as read, in runs.
  var entriesLines: [[Line]] {
    [entriesHeader] + entries.flatMap { [$0.leading, $0.lines] } + [entriesTrailer]
  }

  /// The lines of the `obsolete` section as read, in runs, when there is one.
  var obsoleteLines: [[Line]]? {
    obsoleteHeader.map { [$0] + obsolete.flatMap { [$0.leading, $0.lines] } + [obsoleteTrailer] }
  }

  /// The file put together again from its sections; `text(entries:obsolete:)` with other
  /// sections is how `update` writes its result.
  var text: String { text(entries: entriesLines, obsolete: obsoleteLines) }

  /// The file's text with the `entries` and `obsolete` sections replaced by these runs of
  /// lines (an `obsolete` section the file did not have goes at the end). Each line gets its
  /// own line break (lines `update` wrote, and a former last line, the file's usual one), and
  /// the text ends in a line break when the file did.
  func text(entries: [[Line]], obsolete: [[Line]]?) -> String {
    var runs: [[Line]] = []
    for section in sections {
      switch section {
      case .verbatim(let lines): runs.append(lines)
      case .entries: runs += entries
      case .obsolete: runs += obsolete ?? []
      }
    }
    if !hasObsoleteSection, let obsolete {
      // No empty lines before the new section, however many the file ended with.
      while let last = runs.last, last.last?.content.isEmpty != false {
        if last.isEmpty { runs.removeLast() } else { runs[runs.count - 1].removeLast() }
      }
      runs += obsolete
    }
    var text = ""
    text.reserveCapacity(runs.reduce(0) { $0 + $1.reduce(0) { $0 + $1.content.utf8.count + 2 } })
    var lastEnding = ""
    for line in runs.joined() {
      text += line.content
      switch line.ending {
      case .original(let lineBreak): lastEnding = lineBreak.rawValue
      case .none, .usual: lastEnding = lineEnding
      }
      text += lastEnding
    }
    if !endsWithNewline { text.unicodeScalars.removeLast(lastEnding.unicodeScalars.count) }
    return text
  }

  static func isTrivia(_ line: Line) -> Bool {
    let trimmed = line.content.drop { $0 == " " || $0 == "\t" }
    return trimmed.isEmpty || trimmed.hasPrefix("#")
  }
}
