import Foundation
import Yams

/// A catalog file cut into whole lines: the top-level sections, and within `entries` and
/// `obsolete` one block of lines per entry, so that `update` can move, insert and edit
/// entries while every other byte of the file stays as it was.
///
/// Written by hand because no YAML library for Swift edits a file in place while keeping
/// its comments: Yams reads and writes whole documents. The parsed node tree says where each
/// key starts; this reader cuts the text at those lines, which end where YAML's do (at any
/// `LineBreak`), and keeps each line's own line break. `text` puts the pieces back together,
/// byte for byte.
struct CatalogLayout {
  /// One line of the file, without its line break.
  struct Line: Hashable {
    var content: String
    /// The line break after it as the file has it: empty for a last line without one, `nil`
    /// for a line `update` wrote, which gets the file's more common line ending.
    var ending: String?

    init(_ content: String, ending: String? = nil) {
      self.content = content
      self.ending = ending
    }

    var isBlank: Bool { content.trimmingCharacters(in: .whitespaces).isEmpty }
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
      // before text, the rest at the end.
      let position: Int
      switch name {
      case "previous-source": position = fields["source"]?.upperBound ?? fields["text"]?.lowerBound ?? lines.count
      case "source": position = fields["text"]?.lowerBound ?? lines.count
      case "note": position = 1
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
          ? String(repeating: " ", count: shift) + line.content
          : String(line.content.dropFirst(min(-shift, line.content.prefix { $0 == " " }.count)))
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

  /// Cuts `text`, whose parsed top-level mapping is `top`, into sections and blocks.
  ///
  /// - Throws: `DiagnosticError` with code `update-unsupported` when `entries` or `obsolete`
  ///   is written in flow style (`{...}`) and so has no lines to cut.
  init(text: String, top: Node.Mapping, file: String) throws {
    var lines: [Line] = []
    var endings: [LineBreak: Int] = [:]
    LineBreak.withUTF8(text) { bytes in
      LineBreak.forEachLine(in: text) { content, lineBreak in
        lines.append(
          Line(
            String(decoding: UnsafeBufferPointer(rebasing: bytes[content]), as: UTF8.self),
            ending: lineBreak?.rawValue ?? ""))
        if let lineBreak { endings[lineBreak, default: 0] += 1 }
      }
    }
    lineEnding = endings[.crlf, default: 0] > endings[.lf, default: 0] ? "\r\n" : "\n"
    endsWithNewline = lines.last.map { $0.ending?.isEmpty == false } ?? false
    let topKeys = top.map { $0 }
    // Line index where each top-level section starts.
    let starts = topKeys.map { ($0.key.mark?.line ?? 1) - 1 }
    var cursor = 0
    for (index, pair) in topKeys.enumerated() {
      let start = starts[index]
      let end = index + 1 < starts.count ? starts[index + 1] : lines.count
      let name = pair.key.string ?? ""
      guard name == "entries" || name == "obsolete" else { continue }
      if start > cursor { sections.append(.verbatim(Array(lines[cursor..<start]))) }
      cursor = end
      var sectionLines = Array(lines[start..<end])
      // Comment and blank lines at the end belong with the next section.
      var trailer: [Line] = []
      while let last = sectionLines.last, sectionLines.count > 1, Self.isTrivia(last) {
        trailer.insert(sectionLines.removeLast(), at: 0)
      }
      let inline = pair.value.mark?.line == pair.key.mark?.line
      guard let mapping = pair.value.mapping, !inline || mapping.isEmpty else {
        if name == "obsolete", pair.value.scalar != nil || pair.value.mapping?.isEmpty == true {
          obsoleteHeader = sectionLines
          obsoleteTrailer = trailer
          hasObsoleteSection = true
          sections.append(.obsolete)
          continue
        }
        throw DiagnosticError(
          Diagnostic(
            code: "update-unsupported", at: YAMLSupport.location(pair.key.mark, file: file),
            "'\(name)' is written in flow style ({...}); write one entry per line so that update can edit the file"))
      }
      var blocks: [Block] = []
      let keyLines = mapping.map { ($0.key.mark?.line ?? 1) - 1 - start }
      let headerEnd = mapping.isEmpty ? sectionLines.count : keyLines[0]
      var header = Array(sectionLines[0..<headerEnd])
      var leading: [Line] = []
      while let last = header.last, header.count > 1, Self.isTrivia(last) {
        leading.insert(header.removeLast(), at: 0)
      }
      for (entryIndex, entryPair) in mapping.enumerated() {
        let blockStart = keyLines[entryIndex]
        let blockEnd = entryIndex + 1 < keyLines.count ? keyLines[entryIndex + 1] : sectionLines.count
        var blockLines = Array(sectionLines[blockStart..<blockEnd])
        var nextLeading: [Line] = []
        while let last = blockLines.last, blockLines.count > 1, Self.isTrivia(last) {
          nextLeading.insert(blockLines.removeLast(), at: 0)
        }
        var fields: [String: Range<Int>] = [:]
        var fieldIndent = (entryPair.key.mark?.column ?? 1) + 1
        // A value on the key's own line is written inline ({...}): its fields share a line.
        let isFlow =
          entryPair.value.mapping == nil || entryPair.value.mark?.line == entryPair.key.mark?.line
        if let fieldMapping = entryPair.value.mapping, !isFlow {
          let fieldLines = fieldMapping.map { ($0.key.mark?.line ?? 1) - 1 - start - blockStart }
          fieldIndent = (fieldMapping.first?.key.mark?.column ?? fieldIndent + 1) - 1
          for (fieldIndex, fieldPair) in fieldMapping.enumerated() {
            let fieldEnd = fieldIndex + 1 < fieldLines.count ? fieldLines[fieldIndex + 1] : blockLines.count
            var fieldRange = fieldLines[fieldIndex]..<fieldEnd
            while fieldRange.count > 1, Self.isTrivia(blockLines[fieldRange.upperBound - 1]) {
              fieldRange = fieldRange.lowerBound..<(fieldRange.upperBound - 1)
            }
            fields[fieldPair.key.string ?? ""] = fieldRange
          }
        }
        blocks.append(
          Block(
            key: entryPair.key.string ?? "", leading: leading, lines: blockLines, fieldIndent: fieldIndent,
            fields: fields, isFlow: isFlow))
        leading = nextLeading
      }
      trailer = leading + trailer
      let indent = mapping.first.map { ($0.key.mark?.column ?? 3) - 1 }
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

  /// The lines of the `entries` section as read.
  var entriesLines: [Line] {
    entriesHeader + entries.flatMap { $0.leading + $0.lines } + entriesTrailer
  }

  /// The lines of the `obsolete` section as read, when there is one.
  var obsoleteLines: [Line]? {
    obsoleteHeader.map { $0 + obsolete.flatMap { $0.leading + $0.lines } + obsoleteTrailer }
  }

  /// The file put together again from its sections; `lines(entries:obsolete:)` with other
  /// sections is how `update` writes its result.
  var text: String { joined(lines(entries: entriesLines, obsolete: obsoleteLines)) }

  /// Every line of the file, with the `entries` and `obsolete` sections replaced; an
  /// `obsolete` section the file did not have goes at the end.
  func lines(entries entryLines: [Line], obsolete obsoleteLines: [Line]?) -> [Line] {
    var output: [Line] = []
    for section in sections {
      switch section {
      case .verbatim(let lines): output += lines
      case .entries: output += entryLines
      case .obsolete: output += obsoleteLines ?? []
      }
    }
    if !hasObsoleteSection, let obsoleteLines {
      while output.last?.content.isEmpty == true { output.removeLast() }
      output += obsoleteLines
    }
    return output
  }

  /// Lines joined, each with its own line break (new lines and a former last line with the
  /// file's usual one), ending in a line break when the file did.
  func joined(_ lines: [Line]) -> String {
    var text = ""
    text.reserveCapacity(lines.reduce(0) { $0 + $1.content.utf8.count + 2 })
    for (index, line) in lines.enumerated() {
      text += line.content
      guard index < lines.count - 1 || endsWithNewline else { continue }
      if let ending = line.ending, !ending.isEmpty { text += ending } else { text += lineEnding }
    }
    return text
  }

  static func isTrivia(_ line: Line) -> Bool {
    let trimmed = line.content.drop { $0 == " " || $0 == "\t" }
    return trimmed.isEmpty || trimmed.hasPrefix("#")
  }
}
