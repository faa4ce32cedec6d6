import NetexportICU
import NetexportModel

/// `netexport update` on a target catalog from the input, against the fixture's source
/// catalog, for the locale the catalog declares (when it is a canonical tag, as the command
/// line requires of a catalog's file name).
///
/// - The update refuses with a diagnostic, or gives a catalog that loads strictly, keeps
///   every translation word for word (in `entries` or `obsolete`) and its glossary, has an
///   entry for every source key it did not report skipping, and that a second update leaves
///   as it is. Its own guard (`update-failed`, "please report this") never has to fire.
enum UpdateTarget {
  static func run(_ input: [UInt8]) throws(InvariantViolation) {
    guard let text = String(validating: input, as: UTF8.self),
      let declared = try? Catalog.parse(text, file: "Locales/xx.yaml", lenient: true),
      LanguageTag(declared.locale)?.canonical == declared.locale
    else { return }
    let locale = declared.locale
    let file = "Locales/\(locale).yaml"

    let update: CatalogUpdater.Update
    do {
      update = try CatalogUpdater.update(text, file: file, locale: locale, source: Fixture.source)
    } catch let error as DiagnosticError {
      if let failure = error.diagnostics.first(where: { $0.code == "update-failed" }) {
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
      old = try Catalog.parse(text, file: file, expectedLocale: locale)
      new = try Catalog.parse(update.text, file: file, expectedLocale: locale)
    } catch {
      throw InvariantViolation("the updated catalog does not load: \(error)")
    }
    var kept: [String: Set<String>] = [:]
    for entry in new.entries + new.obsolete { kept[entry.key, default: []].insert(entry.text) }
    for entry in old.entries + old.obsolete where !entry.text.isEmpty {
      try require(kept[entry.key]?.contains(entry.text) == true, "the update lost the text of '\(entry.key)'")
    }
    // The glossary's words, wherever the update moved them.
    let glossary = { (catalog: Catalog) in
      catalog.glossary.map {
        var entry = $0
        entry.location = SourceLocation(file: file)
        return entry
      }
    }
    try require(glossary(new) == glossary(old), "the update changed the glossary")
    for key in Fixture.source.keys where new[key] == nil {
      try require(
        update.skipped.contains { $0.hasPrefix("\(key):") }, "the update left out '\(key)' without saying so")
    }

    guard update.skipped.isEmpty else { return }
    do {
      let again = try CatalogUpdater.update(update.text, file: file, locale: locale, source: Fixture.source)
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
}
