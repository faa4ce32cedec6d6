public import NetexportModel

/// Terminology: the glossary's agreed terms, what it tells speech engines, and the document's
/// do-not-translate items.
///
/// Each code is declared in the file of the check that reports it.
public enum TerminologyFindings: FindingRegistry {
  public static let family = FindingFamily("terminology", title: "Terminology")
  public static let codes: [FindingCode] = [.glossaryTerm, .doNotTranslate, .glossaryUnknownKey, .spokenForm]
}
