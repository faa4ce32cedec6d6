import Foundation

/// Brings a target catalog in line with the source catalog after the source changed,
/// editing the file's text so that its key order, comments and layout stay as they are.
///
/// In three steps: `UpdatePlan` decides what changes from the catalogs alone (see there for
/// the rules), `CatalogLayout` cuts the file into whole lines per entry, and `update` applies
/// the plan to those lines and checks the result. The edit needs block-style entries (one
/// field per line); where an entry is written otherwise, the change is left out and
/// reported in `Update.skipped`.
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
    /// Translated entries whose English changed only in punctuation, spacing or letter case
    /// (`SourceEdit.isMinor`): the recorded source is refreshed and the state kept.
    public var minorSourceEdits: [String] = []
    public var notesUpdated: [String] = []
    public var movedToObsolete: [String] = []
    public var restored: [String] = []
    /// Changes that could not be made, and why.
    public var skipped: [String] = []
    /// Added entries started from a translation in another catalog (translation memory),
    /// marked needs-review.
    public var filledFromMemory: [String] = []

    public var changed: Bool {
      !(added.isEmpty && markedForReview.isEmpty && sourceUpdated.isEmpty && minorSourceEdits.isEmpty
        && notesUpdated.isEmpty
        && movedToObsolete.isEmpty && restored.isEmpty)
    }
  }

  /// Computes the updated text of `target` (read from `text`) against `source`.
  ///
  /// - Throws: `DiagnosticError` when the catalog has problems that make editing unsafe
  ///   (run `netexport validate`), or when the result would lose a translation (a bug guard:
  ///   nothing is written then).
  ///
  /// - Parameters:
  ///   - kind: Which file of a project's locale the catalog is; `nil` for one holding everything.
  ///   - memory: Translations a new entry can start from, by key (translation memory): it
  ///     then gets the text, state `needs-review` and a comment naming where it came from.
  public static func update(
    _ text: String, file: String, locale: String, source: Catalog, kind: CatalogFile? = nil,
    memory: [String: CatalogWriter.MemoryMatch] = [:]
  ) throws -> Update {
    try update(
      text, file: file, locale: locale, source: source, kind: kind, memory: memory,
      maximumSize: YAMLSupport.maximumDocumentSize)
  }

  /// `update`, refusing a result larger than `maximumSize` bytes (a parameter for tests).
  static func update(
    _ text: String, file: String, locale: String, source: Catalog, kind: CatalogFile? = nil,
    memory: [String: CatalogWriter.MemoryMatch] = [:], maximumSize: Int
  ) throws -> Update {
    let (target, outline) = try Catalog.read(text, file: file, expectedLocale: locale, kind: kind)
    let layout = try CatalogLayout(text: text, outline: outline, file: file)
    let plan = UpdatePlan(
      target: target, source: source, entryBlocks: layout.entries.map { ($0.key, $0.isFlow) },
      obsoleteBlocks: layout.obsolete.map { ($0.key, $0.isFlow) })
    var update = plan.summary
    update.text = text
    guard update.changed else { return update }
    update.text = apply(plan, to: layout, memory: memory)
    update.filledFromMemory = plan.summary.added.filter { memory[$0] != nil }
    guard update.text.utf8.count <= maximumSize else {
      throw DiagnosticError(
        Diagnostic(
          code: .updateFailed, at: SourceLocation(file: file),
          "the updated catalog would be larger than \(maximumSize >> 20) MiB, the most netexport reads, so the file was left as it was"
        ))
    }
    try verify(update.text, old: target, file: file, locale: locale, source: source, kind: kind)
    return update
  }

  /// The file's text with the plan applied to its lines.
  static func apply(_ plan: UpdatePlan, to layout: CatalogLayout, memory: [String: CatalogWriter.MemoryMatch] = [:])
    -> String
  {
    // Existing entries: edit in place, or move to obsolete.
    var blocksInOrder: [(key: String, block: CatalogLayout.Block)] = []
    var toObsolete: [CatalogLayout.Block] = []
    // Blank lines above a moved entry stay where they were; its comments move with it.
    var carried: [CatalogLayout.Line] = []
    for block in layout.entries {
      switch plan.fates[block.key] {
      case .keep(let changes):
        var edited = block
        edited.leading = carried + edited.leading
        carried = []
        for change in changes { edited.set(change.field, change.value) }
        blocksInOrder.append((block.key, edited))
      case .moveToObsolete:
        var moved = block
        carried += block.leading.filter(\.isBlank)
        moved.leading = block.leading.filter { !$0.isBlank }
        toObsolete.append(moved)
      case nil:
        continue
      }
    }
    // Blank lines left by entries moved away: one is enough before what follows.
    if layout.entriesTrailer.first?.isBlank == true || blocksInOrder.isEmpty {
      carried.removeAll()
    } else if !carried.isEmpty {
      carried = [CatalogLayout.Line("")]
    }
    let entriesTrailer = carried + layout.entriesTrailer

    // The blocks to insert: restored from obsolete, or new.
    var restoredKeys = Set<String>()
    let obsoleteBlocks = Dictionary(layout.obsolete.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    let inserts = plan.inserts.mapValues { insertions in
      insertions.compactMap { insertion -> CatalogLayout.Block? in
        switch insertion {
        case .restore(let key, let changes):
          // The plan restores only keys the obsolete section has.
          guard var block = obsoleteBlocks[key]?.reindented(to: layout.entryIndent) else { return nil }
          for change in changes { block.set(change.field, change.value) }
          restoredKeys.insert(key)
          return block
        case .add(let sourceEntry):
          return CatalogLayout.Block(
            key: sourceEntry.key, leading: [],
            lines: CatalogWriter.newEntry(sourceEntry, indent: layout.entryIndent, memory: memory[sourceEntry.key]).map
            {
              CatalogLayout.Line($0)
            },
            fieldIndent: layout.entryIndent + 2, fields: [:], isFlow: false)
        }
      }
    }

    // Assemble the entries section, in runs of lines.
    var header = layout.entriesHeader
    if layout.entries.isEmpty, let index = header.lastIndex(where: { $0.content.hasPrefix("entries:") }) {
      header[index].content = "entries:"  // was `entries: {}`; entries follow now
    }
    var entryLines = [header]
    for block in inserts[nil] ?? [] { entryLines += [block.leading, block.lines] }
    for (key, block) in blocksInOrder {
      entryLines += [block.leading, block.lines]
      for inserted in inserts[key] ?? [] { entryLines += [inserted.leading, inserted.lines] }
    }
    entryLines.append(entriesTrailer)

    // Assemble the obsolete section.
    let keptObsolete = layout.obsolete.filter { !restoredKeys.contains($0.key) }
    let moved = toObsolete.map { $0.reindented(to: layout.obsoleteIndent ?? layout.entryIndent) }
    var obsoleteLines: [[CatalogLayout.Line]]?
    if layout.obsoleteHeader != nil || !moved.isEmpty {
      var lines =
        layout.obsoleteHeader
        ?? [
          "", "# Entries whose key the source no longer has, kept so that no translation is lost.", "obsolete:",
        ].map { CatalogLayout.Line($0) }
      if keptObsolete.isEmpty && moved.isEmpty {
        for index in lines.indices where lines[index].content.hasPrefix("obsolete:") {
          lines[index].content = "obsolete: {}"
        }
      } else if let last = lines.last, last.content.trimmingCharacters(in: .whitespaces) == "obsolete: {}" {
        lines[lines.count - 1].content = "obsolete:"
      }
      var runs = [lines]
      for block in keptObsolete + moved { runs += [block.leading, block.lines] }
      runs.append(layout.obsoleteTrailer)
      obsoleteLines = runs
    }
    return layout.text(entries: entryLines, obsolete: obsoleteLines)
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
            code: .updateFailed, at: SourceLocation(file: file),
            "the update would not give a valid catalog, so the file was left as it was; please report this")
        ] + error.diagnostics)
    }
    // The new entries are found through the catalog's own index; only obsolete ones need a
    // table of their own (keys are unique within each section).
    let newObsolete = Dictionary(new.obsolete.map { ($0.key, $0.text) }, uniquingKeysWith: { first, _ in first })
    for entry in [old.entries, old.obsolete].joined() where !entry.text.isEmpty {
      guard new[entry.key]?.text == entry.text || newObsolete[entry.key] == entry.text else {
        throw DiagnosticError(
          Diagnostic(
            code: .updateFailed, at: entry.textLocation,
            "the update would lose the text of '\(entry.key)', so the file was left as it was; please report this"))
      }
    }
    for key in source.keys where new[key] == nil {
      throw DiagnosticError(
        Diagnostic(
          code: .updateFailed, at: SourceLocation(file: file),
          "the update would leave out '\(key)', so the file was left as it was; please report this"))
    }
  }
}
