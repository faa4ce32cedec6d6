public import NetexportModel

/// Text hygiene: characters a reader cannot see or that change what is shown, and the
/// spacing and pairing of the text.
public enum HygieneFindings: FindingRegistry {
  public static let family = FindingFamily("hygiene", title: "Text hygiene")
  public static let codes: [FindingCode] = [
    .notNFC, .bidiControl, .invisibleCharacter, .whitespaceMismatch, .doubledSpace, .unbalancedBrackets,
  ]
}

extension FindingCode {
  public static let notNFC = FindingCode(
    "not-nfc", .warning, "The text is not in Unicode Normalization Form C.", family: HygieneFindings.family)
  public static let bidiControl = FindingCode(
    "bidi-control", .error, "A bidirectional control character where it is not needed or not closed.",
    family: HygieneFindings.family)
  public static let invisibleCharacter = FindingCode(
    "invisible-character", .warning, "An invisible format character (zero-width space, BOM, ...).",
    family: HygieneFindings.family)
  public static let whitespaceMismatch = FindingCode(
    "whitespace-mismatch", .warning, "Leading or trailing whitespace differs from the source.",
    family: HygieneFindings.family)
  public static let doubledSpace = FindingCode(
    "doubled-space", .warning, "Two spaces in a row.", family: HygieneFindings.family)
  public static let unbalancedBrackets = FindingCode(
    "unbalanced-brackets", .warning, "A bracket or quotation mark without its partner.",
    family: HygieneFindings.family)
}
