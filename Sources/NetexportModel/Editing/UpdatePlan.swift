/// What `update` does to a target catalog, decided from the catalogs alone: which entries
/// stay and which of their fields change, which move to `obsolete`, which come back from it,
/// and which are added where. `CatalogUpdater` applies a plan to the file's lines.
///
/// - New source keys are added with the source text, an empty text and state `new`, after
///   the entry of the source key before them.
/// - When an entry's source text changed, the new one is recorded in `source`, the one the
///   translation was made from is kept in `previous-source`, and the state becomes
///   `needs-review`; the translation is never touched. A minor edit (only punctuation,
///   spacing or letter case: `SourceEdit.isMinor`) just refreshes `source`: the state stays.
/// - When the source's note changed, the new one is recorded in `note`; a translated entry
///   keeps the note it was translated with in `previous-note`.
/// - Entries for keys the source no longer has move to the `obsolete` section, and come
///   back from it when the key returns.
struct UpdatePlan {
  /// A field to set to a value, or to remove (`nil`).
  struct FieldChange: Hashable {
    var field: String
    var value: String?
  }

  /// What happens to an entry of the `entries` section.
  enum Fate: Hashable {
    /// It stays, with these changes (none when nothing changed).
    case keep([FieldChange])
    case moveToObsolete
  }

  /// An entry that goes into the `entries` section.
  enum Insertion: Hashable {
    /// Back from `obsolete`, with these changes.
    case restore(key: String, changes: [FieldChange])
    /// A new entry for this source entry.
    case add(CatalogEntry)
  }

  /// The fate of each key of the `entries` section.
  var fates: [String: Fate] = [:]
  /// Entries to insert after the kept entry with this key (`nil`: before every kept entry),
  /// in source order.
  var inserts: [String?: [Insertion]] = [:]
  /// What the plan does, as `update` reports it (everything but the text).
  var summary = CatalogUpdater.Update(text: "")

  /// The plan for `target` against `source`.
  ///
  /// - Parameters:
  ///   - entryBlocks: The keys of the file's `entries` section in file order, and whether
  ///     each entry is written in flow style (`{...}`), which `update` does not edit.
  ///   - obsoleteBlocks: The same for the `obsolete` section.
  init(
    target: Catalog, source: Catalog, entryBlocks: [(key: String, isFlow: Bool)],
    obsoleteBlocks: [(key: String, isFlow: Bool)]
  ) {
    let sourceKeys = Set(source.keys)
    let entryKeys = Set(target.keys)
    let obsoleteByKey = Dictionary(target.obsolete.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    let obsoleteFlow = Dictionary(obsoleteBlocks.map { ($0.key, $0.isFlow) }, uniquingKeysWith: { first, _ in first })

    // Existing entries: edit in place, or move to obsolete.
    for block in entryBlocks {
      guard let entry = target[block.key] else { continue }
      if sourceKeys.contains(block.key) {
        var changes: [FieldChange] = []
        if let sourceEntry = source[block.key] {
          changes = edit(entry, sourceEntry: sourceEntry, isFlow: block.isFlow)
        }
        fates[block.key] = .keep(changes)
      } else {
        fates[block.key] = .moveToObsolete
        summary.movedToObsolete.append(block.key)
      }
    }

    // Source keys missing from the entries: restore from obsolete, or add.
    var previousKept: String?
    for sourceEntry in source.entries {
      if case .keep = fates[sourceEntry.key] {
        previousKept = sourceEntry.key
        continue
      }
      guard !entryKeys.contains(sourceEntry.key) else { continue }
      if let old = obsoleteByKey[sourceEntry.key], let isFlow = obsoleteFlow[sourceEntry.key] {
        let changes = edit(old, sourceEntry: sourceEntry, isFlow: isFlow)
        summary.restored.append(sourceEntry.key)
        inserts[previousKept, default: []].append(.restore(key: sourceEntry.key, changes: changes))
      } else {
        summary.added.append(sourceEntry.key)
        inserts[previousKept, default: []].append(.add(sourceEntry))
      }
    }
  }

  /// The changes the source brings to one entry, noted in the summary; none for an entry
  /// written in flow style, which is reported as skipped instead.
  private mutating func edit(_ entry: CatalogEntry, sourceEntry: CatalogEntry, isFlow: Bool) -> [FieldChange] {
    let current = sourceEntry.text
    let translated = !entry.text.isEmpty && entry.state != .new
    var changes: [FieldChange] = []
    // Only punctuation, spacing or letter case: nothing for a translator to review.
    let minor = translated && entry.source.map { SourceEdit.isMinor(from: $0, to: current) } == true
    if entry.source != current {
      if minor {
        changes.append(FieldChange(field: "source", value: current))
      } else if translated {
        // previous-source is the source text the translation was last checked against: the
        // recorded source when the entry was reviewed, or the older one kept while a review
        // is still pending.
        let checkedAgainst = entry.state == .needsReview ? (entry.previousSource ?? entry.source) : entry.source
        if let checkedAgainst, checkedAgainst != entry.previousSource {
          changes.append(FieldChange(field: "previous-source", value: checkedAgainst))
        }
        changes.append(FieldChange(field: "source", value: current))
        if entry.state != .needsReview { changes.append(FieldChange(field: "state", value: "needs-review")) }
      } else {
        changes.append(FieldChange(field: "source", value: current))
      }
    }
    let noteChanged = sourceEntry.note != nil && entry.note != sourceEntry.note
    if noteChanged {
      // The note a translation was made with is kept, as its English is (previous-source):
      // validation asks the translator to check the translation against the new note.
      if translated, entry.previousNote == nil, let recorded = entry.note {
        changes.append(FieldChange(field: "previous-note", value: recorded))
      }
      changes.append(FieldChange(field: "note", value: sourceEntry.note))
    }
    guard !changes.isEmpty else { return [] }
    if isFlow {
      summary.skipped.append(
        "\(entry.key): written in flow style ({...}), so it was not changed; write it as one field per line and run update again"
      )
      return []
    }
    if entry.source != current {
      if minor {
        summary.minorSourceEdits.append(entry.key)
      } else if translated {
        summary.markedForReview.append(entry.key)
      } else {
        summary.sourceUpdated.append(entry.key)
      }
    } else if noteChanged {
      summary.notesUpdated.append(entry.key)
    }
    return changes
  }
}
