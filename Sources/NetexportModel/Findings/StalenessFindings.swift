/// Staleness: whether a translation was made from the current source text.
///
/// `Usability` (NetexportResolution) reports `stale-source`; validation `missing-source` and
/// `note-changed`.
public enum StalenessFindings: FindingRegistry {
  public static let family = FindingFamily("staleness", title: "Staleness")
  public static let codes: [FindingCode] = [.staleSource, .missingSource, .noteChanged]
}

extension FindingCode {
  public static let staleSource = FindingCode(
    "stale-source", .pending, "The source text recorded in the entry differs from the current source.",
    family: StalenessFindings.family)
  public static let missingSource = FindingCode(
    "missing-source", .warning, "The entry does not record the source text it translates.",
    family: StalenessFindings.family)
  public static let noteChanged = FindingCode(
    "note-changed", .warning, "The translator note changed since the translation was made.",
    family: StalenessFindings.family)
}
