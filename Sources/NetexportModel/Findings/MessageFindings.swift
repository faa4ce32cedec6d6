/// ICU MessageFormat: a message ICU cannot read, or cannot format with the document's
/// values. Validation reports them (`NetexportValidation/Checks/Message/`); the resolver and
/// the pseudo-localizer report the same problems when they meet them (all but
/// `apostrophe-quote`, which only validation finds).
public enum MessageFindings: FindingRegistry {
  public static let family = FindingFamily("message", title: "ICU MessageFormat")
  public static let codes: [FindingCode] = [
    .messageSyntax, .apostropheQuote, .otherBranchMissing, .messageArguments,
  ]
}

extension FindingCode {
  public static let messageSyntax = FindingCode(
    "message-syntax", .error, "ICU cannot parse the message.", family: MessageFindings.family)
  public static let apostropheQuote = FindingCode(
    "apostrophe-quote", .error,
    "An apostrophe after a letter starts ICU quoted text, which swallows a '{', '}' or '#'.",
    family: MessageFindings.family)
  public static let otherBranchMissing = FindingCode(
    "other-branch-missing", .error, "A plural, selectordinal or select has no 'other' branch.",
    family: MessageFindings.family)
  public static let messageArguments = FindingCode(
    "message-arguments", .error, "The message uses a value the document does not give, or cannot format it.",
    family: MessageFindings.family)
}
