import NetexportICU
import NetexportModel

// The message family's codes (message-syntax, other-branch-missing, message-arguments) are
// declared in NetexportModel (`MessageFindings`): the resolver and the pseudo-localizer
// report them too.

/// ICU must be able to read the message; reported at the character where it stops, with
/// its own code for a plural, selectordinal or select without `other`.
struct SyntaxCheck: EntryCheck {
  func check(_ entry: EntryContext, _ findings: inout EntryFindings) {
    guard let error = entry.syntaxError else { return }
    let location = error.utf16Offset.map { entry.location(utf16Offset: $0) } ?? entry.entry.textLocation
    if error.limit != nil {
      findings.add(
        .messageSyntax, at: location, "'\(entry.key)' is too complex for netexport: \(error); simplify it")
    } else if error.name == "U_DEFAULT_KEYWORD_MISSING" {
      findings.add(
        .otherBranchMissing, at: location,
        "'\(entry.key)' has a plural, selectordinal or select without an 'other' branch; ICU needs one for every value the other branches do not match"
      )
    } else {
      findings.add(
        .messageSyntax, at: location,
        "'\(entry.key)' is not a valid ICU message: \(error). Braces must pair up, and a literal { or } is written '{' or '}'"
      )
    }
  }
}
