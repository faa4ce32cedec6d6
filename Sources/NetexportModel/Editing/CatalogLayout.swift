import Foundation
import Yams

/// A catalog file cut into whole lines: the top-level sections, and within `entries` and
/// `obsolete` one block of lines per entry, so that `update` can move, insert and edit
/// entries while every other byte of the file stays as it was.
///
/// Written by hand because no YAML library for Swift edits a file in place while keeping
/// its comments: Yams reads and writes whole documents. The parsed node tree says where each
/// key starts; this reader cuts the text at those lines. `text` puts the pieces back
/// together, byte for byte.
struct CatalogLayout {
  /// One entry's lines: comment and blank lines directly above it, then the key line and
  /// its fields.
  struct Block {
    var key: String
    var leading: [String]
    var lines: [String]
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
            ? [String(repeating: " ", count: fieldIndent) + "state: \($0)"]
            : [CatalogWriter.field(name, $0, indent: fieldIndent)]
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

    private mutating func replace(_ range: Range<Int>, with newLines: [String]) {
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
      let current = lines.first.map { $0.prefix { $0 == " " }.count } ?? indent
      guard current != indent else { return self }
      let shift = indent - current
      func move(_ line: String) -> String {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return line }
        return shift > 0
          ? String(repeating: " ", count: shift) + line
          : String(line.dropFirst(min(-shift, line.prefix { $0 == " " }.count)))
      }
      var copy = self
      copy.lines = lines.map(move)
      copy.leading = leading.map(move)
      copy.fieldIndent = fieldIndent + shift
      return copy
    }
  }

  enum Section {
    case verbatim([String])
    case entries
    case obsolete
  }

  var sections: [Section] = []
  var entries: [Block] = []
  var entriesHeader: [String] = []
  var entriesTrailer: [String] = []
  var entryIndent = 2
  var obsolete: [Block] = []
  var obsoleteHeader: [String]?
  var obsoleteTrailer: [String] = []
  var obsoleteIndent: Int?
  var hasObsoleteSection = false
  var lineEnding = "\n"
  var endsWithNewline = true

  /// Cuts `text`, whose parsed top-level mapping is `top`, into sections and blocks.
  ///
  /// - Throws: `DiagnosticError` with code `update-unsupported` when `entries` or `obsolete`
  ///   is written in flow style (`{...}`) and so has no lines to cut.
  init(text: String, top: Node.Mapping, file: String) throws {
    lineEnding = text.contains("\r\n") ? "\r\n" : "\n"
    endsWithNewline = text.hasSuffix("\n")
    var lines = text.components(separatedBy: lineEnding)
    if endsWithNewline { lines.removeLast() }
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
      var trailer: [String] = []
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
      var leading: [String] = []
      while let last = header.last, header.count > 1, Self.isTrivia(last) {
        leading.insert(header.removeLast(), at: 0)
      }
      for (entryIndex, entryPair) in mapping.enumerated() {
        let blockStart = keyLines[entryIndex]
        let blockEnd = entryIndex + 1 < keyLines.count ? keyLines[entryIndex + 1] : sectionLines.count
        var blockLines = Array(sectionLines[blockStart..<blockEnd])
        var nextLeading: [String] = []
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
  var entriesLines: [String] {
    entriesHeader + entries.flatMap { $0.leading + $0.lines } + entriesTrailer
  }

  /// The lines of the `obsolete` section as read, when there is one.
  var obsoleteLines: [String]? {
    obsoleteHeader.map { $0 + obsolete.flatMap { $0.leading + $0.lines } + obsoleteTrailer }
  }

  /// The file put together again from its sections; `lines(entries:obsolete:)` with other
  /// sections is how `update` writes its result.
  var text: String { joined(lines(entries: entriesLines, obsolete: obsoleteLines)) }

  /// Every line of the file, with the `entries` and `obsolete` sections replaced; an
  /// `obsolete` section the file did not have goes at the end.
  func lines(entries entryLines: [String], obsolete obsoleteLines: [String]?) -> [String] {
    var output: [String] = []
    for section in sections {
      switch section {
      case .verbatim(let lines): output += lines
      case .entries: output += entryLines
      case .obsolete: output += obsoleteLines ?? []
      }
    }
    if !hasObsoleteSection, let obsoleteLines {
      while output.last == "" { output.removeLast() }
      output += obsoleteLines
    }
    return output
  }

  /// Lines joined with the file's line ending, ending in one when the file did.
  func joined(_ lines: [String]) -> String {
    lines.joined(separator: lineEnding) + (endsWithNewline ? lineEnding : "")
  }

  static func isTrivia(_ line: String) -> Bool {
    let trimmed = line.drop { $0 == " " || $0 == "\t" }
    return trimmed.isEmpty || trimmed.hasPrefix("#")
  }
}
