import NetexportModel

/// An entry of a translation with a text but no `state` (`state-missing`, an error): nothing
/// says whether the text is a finished translation or one still being made (a file
/// converted by a tool that drops the field, an entry written by hand). It is never taken
/// for a translation.
struct StateMissingCheck: EntryCheck {
  func check(_ entry: EntryContext, _ findings: inout EntryFindings) {
    guard entry.entry.state == nil, !entry.entry.text.isEmpty else { return }
    // A state that is not one of the states is reported by the reader (`invalid-state`).
    let catalog = entry.catalog.catalog
    guard !catalog.problems.contains(where: { $0.has(.invalidState) && $0.key == entry.key }) else { return }
    findings.add(
      .stateMissing, at: entry.entry.location,
      "'\(entry.key)' has a text but no state, so nothing says whether it is a finished translation; set state: translated when it is translated and checked, or state: new while it is not"
    )
  }
}
