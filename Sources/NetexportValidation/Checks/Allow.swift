public import NetexportModel

/// An entry's `allow` list: the warnings a translator accepts for it.
public enum AllowFindings: FindingRegistry {
  public static let family = FindingFamily("allow", title: "Accepted warnings")
  public static let codes: [FindingCode] = [.invalidAllow]
}

extension FindingCode {
  public static let invalidAllow = FindingCode(
    "invalid-allow", .warning, "An 'allow' list names an unknown code or an error.", family: AllowFindings.family)
}
