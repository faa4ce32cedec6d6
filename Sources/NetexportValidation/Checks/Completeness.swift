import NetexportModel
import NetexportResolution

// The completeness family's codes are declared in NetexportModel (`CompletenessFindings`):
// the judge every command shares (`Usability`, NetexportResolution) reports most of them.

/// Whether the translation of a source message exists and can be used, as the judge every
/// command shares sees it (`Usability`: validation, status, readability and export cannot
/// disagree): `missing-key`, `empty-text`, `state-new`, `needs-review`, and `stale-source`
/// of the staleness family.
enum CompletenessCheck {
  /// What keeps the message from being used in a target catalog (pending work); `entry`
  /// is `nil` when the catalog has none.
  static func judge(_ sourceEntry: CatalogEntry, entry: CatalogEntry?, in context: CatalogContext) -> [Diagnostic] {
    let catalog = context.catalog
    let key = sourceEntry.key
    var problems = Usability.problems(
      key: key, entry: entry, sourceText: sourceEntry.text, isSource: false, file: catalog.file,
      entriesLocation: catalog.entriesLocation)
    if entry == nil && context.obsoleteKeys.contains(key), let index = problems.indices.first {
      problems[index].message =
        "no entry '\(key)' (source: \(TextChecks.quote(sourceEntry.text))) in 'entries': it is in 'obsolete'; run 'netexport update' to bring it back"
    }
    return problems
  }
}

/// A translation identical to the source text (`untranslated`), except in a catalog of the
/// source's language (`en-GB`), for a text without letters, or for a text that is a
/// do-not-translate item as a whole.
struct UntranslatedCheck: EntryCheck {
  func check(_ entry: EntryContext, _ findings: inout EntryFindings) {
    let text = entry.entry.text
    guard !entry.catalog.sameLanguage, text == entry.sourceText, TextChecks.hasLetters(text),
      !entry.catalog.validator.uses.doNotTranslate.contains(text)
    else { return }
    findings.add(
      .untranslated, at: entry.entry.textLocation,
      "'\(entry.key)' is the same as the source text \(TextChecks.quote(entry.sourceText)); translate it, or add allow: [untranslated] to the entry if it is right as it is (a name, for example)"
    )
  }
}

/// An entry for a key the source no longer has (`obsolete-key`).
enum ObsoleteKeyCheck {
  static func findings(in catalog: Catalog, validator: Validator) -> [Diagnostic] {
    catalog.entries.filter { validator.sourceInfo[$0.key] == nil }.map { entry in
      Diagnostic(
        code: .obsoleteKey, at: entry.location,
        "the source no longer has '\(entry.key)'; run 'netexport update' to move it to 'obsolete' (its text is kept there)",
        key: entry.key)
    }
  }
}
