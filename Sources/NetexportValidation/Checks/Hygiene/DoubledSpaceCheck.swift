public import NetexportModel

extension FindingCode {
  public static let doubledSpace = FindingCode(
    "doubled-space", .warning, "Two spaces in a row.", family: HygieneFindings.family)
}

/// Two spaces in a row inside the text (in a translation, only where the source has none).
struct DoubledSpaceCheck: EntryCheck {
  func check(_ entry: EntryContext, _ findings: inout EntryFindings) {
    guard TextChecks.hasDoubledSpace(entry.entry.text),
      entry.isSourceEntry || !TextChecks.hasDoubledSpace(entry.sourceText)
    else { return }
    findings.add(.doubledSpace, at: entry.entry.textLocation, "'\(entry.key)' has two spaces in a row")
  }
}
