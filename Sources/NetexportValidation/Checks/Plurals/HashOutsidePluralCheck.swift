public import NetexportModel

extension FindingCode {
  public static let hashOutsidePlural = FindingCode(
    "hash-outside-plural", .warning, "A '#' outside a plural branch, which prints as '#'.",
    family: PluralFindings.family)
}

/// A `#` outside a plural branch prints as `#`, not the number: reported where the
/// translation has more such `#` than the source text.
struct HashOutsidePluralCheck: EntryCheck {
  func check(_ entry: EntryContext, _ findings: inout EntryFindings) {
    guard TextChecks.hashSigns(in: entry.literal) > entry.source.literalHashes else { return }
    findings.add(
      .hashOutsidePlural, at: entry.entry.textLocation,
      "'\(entry.key)' has a '#' outside a plural branch; there it prints as '#' and does not stand for the number")
  }
}
