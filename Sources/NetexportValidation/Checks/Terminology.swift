public import NetexportModel

/// Terminology: the glossary's agreed terms and the document's do-not-translate items.
public enum TerminologyFindings: FindingRegistry {
  public static let family = FindingFamily("terminology", title: "Terminology")
  public static let codes: [FindingCode] = [.glossaryTerm, .doNotTranslate, .glossaryUnknownKey]
}

extension FindingCode {
  public static let glossaryTerm = FindingCode(
    "glossary-term", .warning,
    "The source uses a glossary term; the translation does not use the agreed term.",
    family: TerminologyFindings.family)
  public static let doNotTranslate = FindingCode(
    "do-not-translate", .error, "A do-not-translate item of the source is missing from the translation.",
    family: TerminologyFindings.family)
  public static let glossaryUnknownKey = FindingCode(
    "glossary-unknown-key", .warning, "A glossary entry names no term or abbreviation of the document.",
    family: TerminologyFindings.family)
}
