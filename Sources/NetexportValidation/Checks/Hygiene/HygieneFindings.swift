public import NetexportModel

/// Text hygiene: characters a reader cannot see or that change what is shown, and the
/// spacing and pairing of the text.
///
/// Each code is declared in the file of the check that reports it.
public enum HygieneFindings: FindingRegistry {
  public static let family = FindingFamily("hygiene", title: "Text hygiene")
  public static let codes: [FindingCode] = [
    .notNFC, .bidiControl, .invisibleCharacter, .whitespaceMismatch, .doubledSpace, .quotedText,
    .unbalancedBrackets,
  ]
}
