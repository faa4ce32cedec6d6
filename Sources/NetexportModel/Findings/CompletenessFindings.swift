/// Completeness: whether every message of the source has a usable translation.
///
/// Pending in a target catalog (work not done yet: never a failure, except that a shipped
/// locale must be complete under `--strict`); errors in the source catalog. The judge every
/// command shares, `Usability` (NetexportResolution), reports most of them; validation adds
/// `obsolete-key`, `untranslated` and `state-missing`, the workspace `missing-catalog`.
/// `untranslated` and `state-missing` are mistakes, not work still to do: errors.
public enum CompletenessFindings: FindingRegistry {
  public static let family = FindingFamily("completeness", title: "Completeness")
  public static let codes: [FindingCode] = [
    .missingCatalog, .missingKey, .obsoleteKey, .emptyText, .stateNew, .needsReview, .untranslated, .stateMissing,
  ]
}

extension FindingCode {
  public static let missingCatalog = FindingCode(
    "missing-catalog", .pending, "A locale has no catalog for a document yet.", family: CompletenessFindings.family)
  public static let missingKey = FindingCode(
    "missing-key", .pending, "The source has a message the catalog lacks.", family: CompletenessFindings.family)
  public static let obsoleteKey = FindingCode(
    "obsolete-key", .warning, "The catalog has a message the source no longer has.",
    family: CompletenessFindings.family)
  public static let emptyText = FindingCode(
    "empty-text", .pending, "The message has no text yet.", family: CompletenessFindings.family)
  public static let stateNew = FindingCode(
    "state-new", .pending, "The entry is still marked new.", family: CompletenessFindings.family)
  public static let needsReview = FindingCode(
    "needs-review", .pending, "The entry is marked needs-review (the source changed).",
    family: CompletenessFindings.family)
  public static let untranslated = FindingCode(
    "untranslated", .error, "The text is the same as the source text (and not marked allow: [untranslated]).",
    family: CompletenessFindings.family)
  public static let stateMissing = FindingCode(
    "state-missing", .error, "The entry has a text but no state.", family: CompletenessFindings.family)
}
