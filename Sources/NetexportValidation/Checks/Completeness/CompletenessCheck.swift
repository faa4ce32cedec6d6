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
  /// - Parameters:
  ///   - key: The message's key.
  ///   - sourceText: The source entry's text (the entry is not copied whole for it).
  static func judge(key: String, sourceText: String, entry: CatalogEntry?, in context: CatalogContext) -> [Diagnostic] {
    let catalog = context.catalog
    var problems = Usability.problems(
      key: key, entry: entry, sourceText: sourceText, isSource: false, file: catalog.file,
      entriesLocation: catalog.entriesLocation)
    if entry == nil && context.obsoleteKeys.contains(key), let index = problems.indices.first {
      problems[index].message =
        "no entry '\(key)' (source: \(TextChecks.quote(sourceText))) in 'entries': it is in 'obsolete'; run 'netexport update' to bring it back"
    }
    return problems
  }
}
