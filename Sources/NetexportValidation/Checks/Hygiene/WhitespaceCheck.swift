public import NetexportModel

extension FindingCode {
  public static let whitespaceMismatch = FindingCode(
    "whitespace-mismatch", .warning, "Leading or trailing whitespace differs from the source.",
    family: HygieneFindings.family)
}

/// The text starts and ends with the same whitespace as the source text.
struct WhitespaceCheck: EntryCheck {
  func check(_ entry: EntryContext, _ findings: inout EntryFindings) {
    let text = entry.entry.text
    let sourceText = entry.sourceText
    // Most texts and sources start and end with ASCII other than a space: nothing differs.
    if TextChecks.hasNoWhitespaceAtTheEnds(text) && TextChecks.hasNoWhitespaceAtTheEnds(sourceText) { return }
    // Nor do most others, as their first and last scalars tell.
    if TextChecks.endsWithoutWhitespace(text) && TextChecks.endsWithoutWhitespace(sourceText) { return }
    if TextChecks.leadingWhitespace(text) != TextChecks.leadingWhitespace(sourceText)
      || TextChecks.trailingWhitespace(text) != TextChecks.trailingWhitespace(sourceText)
    {
      findings.add(
        .whitespaceMismatch, at: entry.entry.textLocation,
        "'\(entry.key)' starts or ends with other whitespace than the source text; match the source's spaces and line breaks at the ends"
      )
    }
  }
}
