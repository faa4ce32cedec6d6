public import NetexportModel

extension FindingCode {
  public static let unbalancedBrackets = FindingCode(
    "unbalanced-brackets", .warning, "A bracket or quotation mark without its partner.",
    family: HygieneFindings.family)
}

/// A bracket or quotation mark without its partner in the text a reader sees (in a
/// translation, only where the source text has none: one copied from the source is the
/// source's to fix).
struct BracketCheck: EntryCheck {
  func check(_ entry: EntryContext, _ findings: inout EntryFindings) {
    let mark: String?
    if entry.isSourceEntry {
      // The source catalog itself: worked out once for the message.
      mark = entry.source.unbalanced
    } else {
      mark = entry.source.unbalanced == nil ? TextChecks.unbalanced(in: entry.literal) : nil
    }
    guard let mark else { return }
    findings.add(
      .unbalancedBrackets, at: entry.entry.textLocation, "'\(entry.key)' has a '\(mark)' without its partner")
  }
}
