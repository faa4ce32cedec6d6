import NetexportModel
import NetexportResolution

/// The source catalog's messages formatted with the values the document gives them, as an
/// export will (through the resolver, which every export uses).
enum SourceFormatting {
  /// What the resolver reports, and the keys of the messages it could not read although
  /// `MessagePattern` reads them (`FormattingCheck` then says where).
  static func check(_ validator: Validator) -> (findings: [Diagnostic], unformattable: Set<String>) {
    let source = validator.source
    var findings: [Diagnostic] = []
    var reported = Set<String>()
    var unformattable = Set<String>()
    let unreadableKeys = Validator.unreadableKeys(of: source)
    let table = MessageTable([source])
    for ref in validator.uses.refs {
      do {
        _ = try Resolver.format(ref, in: table, locale: validator.sourceLocale)
      } catch let error as DiagnosticError {
        for diagnostic in error.diagnostics where reported.insert("\(diagnostic.code) \(ref.key)").inserted {
          var finding = diagnostic
          finding.key = ref.key
          // Syntax errors are reported with their exact position: by SyntaxCheck when
          // MessagePattern finds them, otherwise (an unknown type, a bad skeleton) by
          // FormattingCheck.
          if finding.has(.messageSyntax) {
            unformattable.insert(ref.key)
          } else if !(finding.has(.missingKey) && unreadableKeys.contains(ref.key)) {
            findings.append(finding)
          }
        }
      } catch {
        findings.append(
          Diagnostic(code: .messageArguments, at: source[ref.key]?.textLocation, "\(error)", key: ref.key))
      }
    }
    return (findings, unformattable)
  }
}
