public import NetexportModel

/// Text hygiene: characters a reader cannot see or that change what is shown, and the
/// spacing and pairing of the text.
///
/// Each code is declared in the file of the check that reports it, except `bidi-control`,
/// declared in NetexportModel (`BidiControlFinding.swift`) because the Markdown import
/// refuses the same characters in a document it reads.
public enum HygieneFindings: FindingRegistry {
  public static let family = FindingFamily.hygiene
  public static let codes: [FindingCode] = [
    .notNFC, .bidiControl, .invisibleCharacter, .whitespaceMismatch, .doubledSpace, .quotedText,
    .unbalancedBrackets, .languageMarkup,
  ]
}
