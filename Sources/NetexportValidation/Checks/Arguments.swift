public import NetexportModel

/// A translation's arguments against the source message's: the same names, types, date
/// styles and plural offsets.
public enum ArgumentFindings: FindingRegistry {
  public static let family = FindingFamily("arguments", title: "Arguments")
  public static let codes: [FindingCode] = [
    .argumentMissing, .argumentUnknown, .argumentType, .argumentStyle, .pluralOffset,
  ]
}

extension FindingCode {
  public static let argumentMissing = FindingCode(
    "argument-missing", .error, "An argument of the source message is missing from the translation.",
    family: ArgumentFindings.family)
  public static let argumentUnknown = FindingCode(
    "argument-unknown", .error, "The translation uses an argument the source message does not have.",
    family: ArgumentFindings.family)
  public static let argumentType = FindingCode(
    "argument-type", .error, "An argument has another type than in the source message.",
    family: ArgumentFindings.family)
  public static let argumentStyle = FindingCode(
    "argument-style", .warning,
    "A date or time argument is formatted with another style than in the source message.",
    family: ArgumentFindings.family)
  public static let pluralOffset = FindingCode(
    "plural-offset", .error, "A plural or selectordinal has another 'offset:' than in the source message.",
    family: ArgumentFindings.family)
}
