import Foundation
import Yams

/// Brings a target catalog in line with the source catalog after the source changed,
/// editing the file's text so that its key order, comments and layout stay as they are.
///
/// - New source keys are added with the source text, an empty text and state `new`, after
///   the entry of the source key before them.
/// - When an entry's source text changed, the new one is recorded in `source`, the one the
///   translation was made from is kept in `previous-source`, and the state becomes
///   `needs-review`; the translation is never touched.
/// - Entries for keys the source no longer has move to the `obsolete` section, and come
///   back from it when the key returns.
///
/// Written by hand because no YAML library for Swift edits a file in place while keeping
/// its comments: Yams reads and writes whole documents. The edit works on whole lines and
/// needs block-style entries (one field per line); where an entry is written otherwise, the
/// change is left out and reported in `Update.skipped`.
public enum CatalogUpdater {
  /// What an update did to one catalog.
  public struct Update: Hashable, Sendable {
    /// The new file text (the old one when nothing changed).
    public var text: String
    public var added: [String] = []
    /// Entries whose source changed (or was not recorded), now `needs-review`.
    public var markedForReview: [String] = []
    /// Entries whose recorded source was updated with nothing to review (not translated yet).
    public var sourceUpdated: [String] = []
    public var notesUpdated: [String] = []
    public var movedToObsolete: [String] = []
    public var restored: [String] = []
    /// Changes that could not be made, and why.
    public var skipped: [String] = []

    public var changed: Bool {
      !(added.isEmpty && markedForReview.isEmpty && sourceUpdated.isEmpty && notesUpdated.isEmpty
        && movedToObsolete.isEmpty && restored.isEmpty)
    }
  }

  /// Computes the updated text of `target` (read from `text`) against `source`.
  ///
  /// - Throws: `DiagnosticError` when the catalog has problems that make editing unsafe
  ///   (run `netexport validate`), or when the result would lose a translation (a bug guard:
  ///   nothing is written then).
  public static func update(
    _ text: String, file: String, locale: String, source: Catalog, kind: CatalogFile? = nil
  ) throws -> Update {
    let target = try Catalog.parse(text, file: file, expectedLocale: locale, kind: kind)
    guard let root = try YAMLSupport.compose(text, file: file, plainText: true), let top = root.mapping else {
      throw DiagnosticError(Diagnostic(code: "invalid-catalog", at: SourceLocation(file: file), "not a catalog"))
    }
    var layout = try Layout(text: text, top: top, file: file)
    var update = Update(text: text)
    let sourceKeys = Set(source.keys)
    let entryKeys = Set(target.keys)
    let obsoleteByKey = Dictionary(target.obsolete.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })

    // Existing entries: edit in place, or move to obsolete.
    var keptBlocks: [String: Block] = [:]
    var blocksInOrder: [(key: String, block: Block)] = []
    var toObsolete: [Block] = []
    // Blank lines above a moved entry stay where they were; its comments move with it.
    var carried: [String] = []
    for block in layout.entries {
      guard let entry = target[block.key] else { continue }
      if sourceKeys.contains(block.key) {
        var edited = block
        edited.leading = carried + edited.leading
        carried = []
        if let sourceEntry = source[block.key] {
          edit(&edited, entry: entry, sourceEntry: sourceEntry, update: &update)
        }
        keptBlocks[block.key] = edited
        blocksInOrder.append((block.key, edited))
      } else {
        var moved = block
        carried += block.leading.filter { $0.trimmingCharacters(in: .whitespaces).isEmpty }
        moved.leading = block.leading.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        toObsolete.append(moved)
        update.movedToObsolete.append(block.key)
      }
    }
    // Blank lines left by entries moved away: one is enough before what follows.
    if layout.entriesTrailer.first?.trimmingCharacters(in: .whitespaces).isEmpty == true
      || blocksInOrder.isEmpty
    {
      carried.removeAll()
    } else if !carried.isEmpty {
      carried = [""]
    }
    layout.entriesTrailer = carried + layout.entriesTrailer

    // Source keys missing from the entries: restore from obsolete, or add.
    var inserts: [String?: [Block]] = [:]
    var previousKept: String?
    var restoredKeys = Set<String>()
    for sourceEntry in source.entries {
      if keptBlocks[sourceEntry.key] != nil {
        previousKept = sourceEntry.key
        continue
      }
      guard !entryKeys.contains(sourceEntry.key) else { continue }
      var block: Block
      if let old = obsoleteByKey[sourceEntry.key],
        let oldBlock = layout.obsolete.first(where: { $0.key == sourceEntry.key })
      {
        block = oldBlock.reindented(to: layout.entryIndent)
        edit(&block, entry: old, sourceEntry: sourceEntry, update: &update)
        restoredKeys.insert(sourceEntry.key)
        update.restored.append(sourceEntry.key)
      } else {
        block = Block(
          key: sourceEntry.key, leading: [], lines: CatalogWriter.newEntry(sourceEntry, indent: layout.entryIndent),
          fieldIndent: layout.entryIndent + 2, fields: [:], isFlow: false)
        update.added.append(sourceEntry.key)
      }
      inserts[previousKept, default: []].append(block)
    }

    guard update.changed else { return update }

    // Assemble the entries section.
    var entryLines: [String] = layout.entriesHeader
    if layout.entries.isEmpty, let index = entryLines.lastIndex(where: { $0.hasPrefix("entries:") }) {
      entryLines[index] = "entries:"  // was `entries: {}`; entries follow now
    }
    for block in inserts[nil] ?? [] { entryLines += block.leading + block.lines }
    for (key, block) in blocksInOrder {
      entryLines += block.leading + block.lines
      for inserted in inserts[key] ?? [] { entryLines += inserted.leading + inserted.lines }
    }
    entryLines += layout.entriesTrailer

    // Assemble the obsolete section.
    let keptObsolete = layout.obsolete.filter { !restoredKeys.contains($0.key) }
    let moved = toObsolete.map { $0.reindented(to: layout.obsoleteIndent ?? layout.entryIndent) }
    var obsoleteLines: [String]?
    if layout.obsoleteHeader != nil || !moved.isEmpty {
      var lines =
        layout.obsoleteHeader ?? [
          "", "# Entries whose key the source no longer has, kept so that no translation is lost.", "obsolete:",
        ]
      if keptObsolete.isEmpty && moved.isEmpty {
        lines = lines.map { $0.hasPrefix("obsolete:") ? "obsolete: {}" : $0 }
      } else if let last = lines.last, last.trimmingCharacters(in: .whitespaces) == "obsolete: {}" {
        lines[lines.count - 1] = "obsolete:"
      }
      for block in keptObsolete + moved { lines += block.leading + block.lines }
      lines += layout.obsoleteTrailer
      obsoleteLines = lines
    }

    var output: [String] = []
    for section in layout.sections {
      switch section {
      case .verbatim(let lines): output += lines
      case .entries: output += entryLines
      case .obsolete: output += obsoleteLines ?? []
      }
    }
    if !layout.hasObsoleteSection, let obsoleteLines {
      while output.last == "" { output.removeLast() }
      output += obsoleteLines
    }
    update.text = output.joined(separator: layout.lineEnding) + (layout.endsWithNewline ? layout.lineEnding : "")
    try verify(update.text, old: target, file: file, locale: locale, source: source, kind: kind)
    return update
  }

  /// Applies the source's changes to one entry's block.
  private static func edit(_ block: inout Block, entry: CatalogEntry, sourceEntry: CatalogEntry, update: inout Update) {
    let current = sourceEntry.text
    let translated = !entry.text.isEmpty && entry.state != .new
    var changes: [(field: String, value: String?)] = []
    if entry.source != current {
      if translated {
        // previous-source is the source text the translation was last checked against: the
        // recorded source when the entry was reviewed, or the older one kept while a review
        // is still pending.
        let checkedAgainst = entry.state == .needsReview ? (entry.previousSource ?? entry.source) : entry.source
        if let checkedAgainst, checkedAgainst != entry.previousSource {
          changes.append(("previous-source", checkedAgainst))
        }
        changes.append(("source", current))
        if entry.state != .needsReview { changes.append(("state", "needs-review")) }
      } else {
        changes.append(("source", current))
      }
    }
    let noteChanged = sourceEntry.note != nil && entry.note != sourceEntry.note
    if noteChanged { changes.append(("note", sourceEntry.note)) }
    guard !changes.isEmpty else { return }
    if block.isFlow {
      update.skipped.append(
        "\(entry.key): written in flow style ({...}), so it was not changed; write it as one field per line and run update again"
      )
      return
    }
    for change in changes { block.set(change.field, change.value) }
    if entry.source != current {
      if translated {
        update.markedForReview.append(entry.key)
      } else {
        update.sourceUpdated.append(entry.key)
      }
    } else if noteChanged {
      update.notesUpdated.append(entry.key)
    }
  }

  /// Re-reads the new text and checks that every translation of the old catalog is still
  /// there, word for word, in `entries` or `obsolete`.
  private static func verify(
    _ text: String, old: Catalog, file: String, locale: String, source: Catalog, kind: CatalogFile?
  ) throws {
    let new: Catalog
    do {
      new = try Catalog.parse(text, file: file, expectedLocale: locale, kind: kind)
    } catch let error as DiagnosticError {
      throw DiagnosticError(
        [
          Diagnostic(
            code: "update-failed", at: SourceLocation(file: file),
            "the update would not give a valid catalog, so the file was left as it was; please report this")
        ] + error.diagnostics)
    }
    var kept: [String: Set<String>] = [:]
    for entry in new.entries + new.obsolete { kept[entry.key, default: []].insert(entry.text) }
    for entry in old.entries + old.obsolete where !entry.text.isEmpty {
      guard kept[entry.key]?.contains(entry.text) == true else {
        throw DiagnosticError(
          Diagnostic(
            code: "update-failed", at: entry.textLocation,
            "the update would lose the text of '\(entry.key)', so the file was left as it was; please report this"))
      }
    }
    for key in source.keys where new[key] == nil {
      throw DiagnosticError(
        Diagnostic(
          code: "update-failed", at: SourceLocation(file: file),
          "the update would leave out '\(key)', so the file was left as it was; please report this"))
    }
  }

  // MARK: Line layout

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

  /// The file cut into top-level sections, with the `entries` and `obsolete` sections cut
  /// into entry blocks.
  struct Layout {
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

    static func isTrivia(_ line: String) -> Bool {
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      return trimmed.isEmpty || trimmed.hasPrefix("#")
    }
  }
}
