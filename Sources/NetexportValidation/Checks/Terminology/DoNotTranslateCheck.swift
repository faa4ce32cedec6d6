public import NetexportModel

extension FindingCode {
  public static let doNotTranslate = FindingCode(
    "do-not-translate", .error, "A do-not-translate item of the source is missing from the translation.",
    family: TerminologyFindings.family)
}

/// A do-not-translate item of the source text must be in the translation exactly.
struct DoNotTranslateCheck: EntryCheck {
  func check(_ entry: EntryContext, _ findings: inout EntryFindings) {
    for item in entry.source.doNotTranslate where !TextChecks.contains(item, in: entry.literal) {
      findings.add(
        .doNotTranslate, at: entry.entry.textLocation,
        "'\(entry.key)' must keep \"\(item)\" exactly as it is (it is on the document's do-not-translate list)")
    }
  }
}
