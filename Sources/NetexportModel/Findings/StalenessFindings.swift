/// Staleness: whether a translation was made from the current source text.
///
/// `Usability` (NetexportResolution) reports `stale-source`; validation `missing-source`.
public enum StalenessFindings: FindingRegistry {
  public static let family = FindingFamily("staleness", title: "Staleness")
  public static let codes: [FindingCode] = [.staleSource, .missingSource]
}

extension FindingCode {
  public static let staleSource = FindingCode(
    "stale-source", .pending, "The source text recorded in the entry differs from the current source.",
    family: StalenessFindings.family)
  public static let missingSource = FindingCode(
    "missing-source", .warning, "The entry does not record the source text it translates.",
    family: StalenessFindings.family)
}
