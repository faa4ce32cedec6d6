import NetexportICU
import NetexportModel

/// `netexport update` on a document's catalog from the input, against the fixture's English
/// catalog of the document, for the locale the catalog declares (when it is a canonical tag,
/// as a locale's folder name must be), with translation memory for every other message of
/// the document: the text of the input's first translated entry, as if another document of
/// the locale had it.
///
/// - The update refuses with a diagnostic, or gives a catalog that loads strictly, keeps
///   every translation word for word (in `entries` or `obsolete`), has an entry for every
///   source key it did not report skipping, fills from memory exactly the new entries memory
///   has (with its text, word for word, waiting for review), and that a second update leaves
///   as it is. Its own guard (`update-failed`, "please report this") never has to fire.
enum UpdateTarget {
  static func run(_ input: [UInt8]) throws(InvariantViolation) {
    guard let text = String(validating: input, as: UTF8.self),
      let declared = try? Catalog.parse(text, file: Fixture.catalogPath("xx", kind), kind: kind, lenient: true),
      LanguageTag(declared.locale)?.canonical == declared.locale
    else { return }
    let locale = declared.locale
    let file = Fixture.catalogPath(locale, kind)
    let memoryText = declared.entries.first { !$0.text.isEmpty }?.text ?? "Texto de la memoria de traducción"
    let memory = Dictionary(
      uniqueKeysWithValues: Fixture.source.keys.enumerated().filter { $0.offset % 2 == 0 }.map {
        ($0.element, CatalogWriter.MemoryMatch(text: memoryText, file: Fixture.catalogPath(locale, .labels), key: "x"))
      })

    let update: CatalogUpdater.Update
    do {
      update = try CatalogUpdater.update(
        text, file: file, locale: locale, source: Fixture.source, kind: kind, memory: memory)
    } catch let error as DiagnosticError {
      if let failure = error.diagnostics.first(where: { $0.has(.updateFailed) }) {
        throw InvariantViolation("the updater's guard fired: \(failure) (\(error.diagnostics.dropFirst()))")
      }
      return
    } catch {
      throw InvariantViolation("update threw \(type(of: error)), not a diagnostic: \(error)")
    }
    guard update.changed else {
      try require(update.text == text, "an update that changed nothing changed the file")
      return
    }

    let old: Catalog
    let new: Catalog
    do {
      old = try Catalog.parse(text, file: file, expectedLocale: locale, kind: kind)
      new = try Catalog.parse(update.text, file: file, expectedLocale: locale, kind: kind)
    } catch {
      throw InvariantViolation("the updated catalog does not load: \(error)")
    }
    var kept: [String: Set<String>] = [:]
    for entry in new.entries + new.obsolete { kept[entry.key, default: []].insert(entry.text) }
    for entry in old.entries + old.obsolete where !entry.text.isEmpty {
      try require(kept[entry.key]?.contains(entry.text) == true, "the update lost the text of '\(entry.key)'")
    }
    for key in Fixture.source.keys where new[key] == nil {
      try require(
        update.skipped.contains { $0.hasPrefix("\(key):") }, "the update left out '\(key)' without saying so")
    }
    try require(
      update.filledFromMemory == update.added.filter { memory[$0] != nil },
      "memory filled \(update.filledFromMemory), not every added entry it has")
    for key in update.filledFromMemory {
      try require(
        new[key]?.text == memoryText && new[key]?.state == .needsReview,
        "'\(key)' filled from memory reads back as \(String(describing: new[key]?.text)), \(String(describing: new[key]?.state)), not the memory's text waiting for review"
      )
    }

    guard update.skipped.isEmpty else { return }
    do {
      let again = try CatalogUpdater.update(
        update.text, file: file, locale: locale, source: Fixture.source, kind: kind, memory: memory)
      try require(
        !again.changed,
        "a second update changed the catalog again: added \(again.added), review \(again.markedForReview), source \(again.sourceUpdated), notes \(again.notesUpdated), obsolete \(again.movedToObsolete), restored \(again.restored)"
      )
    } catch let violation as InvariantViolation {
      throw violation
    } catch {
      throw InvariantViolation("a second update refused the first one's result: \(error)")
    }
  }

  static let kind = Fixture.documentFile
}
