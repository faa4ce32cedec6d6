import NetexportModel
import NetexportValidation

extension Diagnostic {
  /// A finding with its code as text, as a report holds it: for tests of the report
  /// renderers, which must pass any text through. (Sources name a `FindingCode`.)
  init(
    _ severity: Severity = .error, code: String, at location: SourceLocation?, _ message: String,
    locale: String? = nil, key: String? = nil
  ) {
    self.init(severity, code: Rule.named(code) ?? .malformedYAML, at: location, message, locale: locale, key: key)
    self.code = code
  }
}
