import NetexportModel

// Its code, note-changed, is declared with the staleness family's in NetexportModel
// (`StalenessFindings`).

/// The translator's note changed since the translation was made (`note-changed`, a
/// warning): a new length limit or a new "keep this name" applies to a translation made
/// without it. A target entry records the note it was made with (`init` and `update` copy
/// the source's note into it); `update` writes the new note and keeps the recorded one in
/// `previous-note` until the translator has checked the translation against the new one and
/// removed it. Entries not translated yet are left out: their translator reads the note
/// when translating.
struct NoteChangedCheck: EntryCheck {
  func check(_ context: EntryContext, _ findings: inout EntryFindings) {
    let entry = context.entry
    guard !entry.text.isEmpty, entry.state != .new, !context.isSourceEntry else { return }
    if let previous = entry.previousNote {
      findings.add(
        .noteChanged, at: entry.location,
        "'\(entry.key)': the translator note changed since the translation was made, from \(TextChecks.quote(previous)) to \(TextChecks.quote(entry.note ?? "")); check the translation against the new note, then remove previous-note"
      )
    } else if let recorded = entry.note, let note = context.sourceNote, recorded != note {
      findings.add(
        .noteChanged, at: entry.location,
        "'\(entry.key)': the translator note is now \(TextChecks.quote(note)), not \(TextChecks.quote(recorded)) as when the translation was made; run 'netexport update' to record it, then check the translation against it"
      )
    }
  }
}
