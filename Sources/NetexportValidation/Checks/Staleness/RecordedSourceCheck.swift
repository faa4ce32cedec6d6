import NetexportModel
import NetexportResolution

// The staleness family's codes are declared in NetexportModel (`StalenessFindings`): the
// judge every command shares (`Usability`) reports `stale-source`, with the word diff of
// `Usability.change(from:to:)`.

/// A translation records the source text it was made from (`missing-source`), so that a
/// change in the source can be noticed.
struct RecordedSourceCheck: EntryCheck {
  func check(_ entry: EntryContext, _ findings: inout EntryFindings) {
    guard entry.entry.source == nil, !entry.entry.text.isEmpty else { return }
    findings.add(
      .missingSource, at: entry.entry.location,
      "'\(entry.key)' does not record the source text it translates, so a change in the source cannot be noticed; run 'netexport update' to add it"
    )
  }
}

extension Validator {
  /// What changed between two versions of a source text, for a message.
  static func change(from old: String, to new: String) -> String { Usability.change(from: old, to: new) }
}
