import NetexportModel
import NetexportValidation
import Testing

/// The text report's counts: pending work is not an error, and the lines that count errors
/// and warnings say how much is pending too, so "0 errors, 0 warnings" never stands above a
/// list of untranslated messages as if nothing were left.
@Suite struct TextReportTests {
  static func finding(
    _ severity: Diagnostic.Severity, _ code: String, _ file: String, line: Int, key: String?, _ message: String
  ) -> Diagnostic {
    Diagnostic(severity, code: code, at: SourceLocation(file: file, line: line, column: 3), message, key: key)
  }

  static let document = "Locales/es/handout.yaml"
  static let labels = "Locales/es/labels.yaml"
  static let report = ValidationReport(locales: [
    LocaleReport(
      locale: "en", file: "Locales/en/handout.yaml", isSource: true, findings: [], checkedKeys: ["a", "b", "c", "d"],
      catalog: "handout"),
    LocaleReport(
      locale: "es", file: document, isSource: false,
      findings: [
        finding(.pending, "state-new", document, line: 4, key: "a", "'a' is still new"),
        finding(.pending, "needs-review", document, line: 8, key: "b", "'b' needs review"),
        finding(.pending, "stale-source", document, line: 8, key: "b", "'b' is stale"),
        finding(.error, "message-syntax", document, line: 12, key: "c", "'c' is not a valid ICU message"),
      ], checkedKeys: ["a", "b", "c", "d"], catalog: "handout"),
    LocaleReport(
      locale: "es", file: labels, isSource: false,
      findings: [Diagnostic(.pending, code: "missing-catalog", at: SourceLocation(file: labels), "not started")],
      checkedKeys: ["x", "y"], catalog: "labels"),
  ])

  @Test func saysHowMuchIsPendingBesideTheErrorsAndWarnings() {
    let text = ReportRenderer(toolVersion: "test", strict: false).render(Self.report, as: .text)
    #expect(
      text == """
        Locales/en/handout.yaml (source): no problems
        Locales/es/handout.yaml (es): 1 error, 0 warnings, 3 pending (25 % ready)
          Locales/es/handout.yaml:4:3: pending[state-new]: 'a' is still new
          Locales/es/handout.yaml:8:3: pending[needs-review]: 'b' needs review
          Locales/es/handout.yaml:8:3: pending[stale-source]: 'b' is stale
          Locales/es/handout.yaml:12:3: error[message-syntax]: 'c' is not a valid ICU message
        Locales/es/labels.yaml (es): 0 errors, 0 warnings, 1 pending (0 % ready)
          Locales/es/labels.yaml: pending[missing-catalog]: not started
        3 catalogs checked: 1 error, 0 warnings, 4 pending in 2 catalogs (es/handout 25 % ready, es/labels 0 % ready); failed.

        """)
  }

  @Test func namesTheFirstFivePendingCatalogsAndCountsTheRest() {
    let many = ValidationReport(
      locales: (1...7).map { index in
        LocaleReport(
          locale: "es", file: "Locales/es/d\(index).yaml", isSource: false,
          findings: [Self.finding(.pending, "state-new", "Locales/es/d\(index).yaml", line: 4, key: "a", "new")],
          checkedKeys: ["a", "b"], catalog: "d\(index)")
      })
    let text = ReportRenderer(toolVersion: "test", strict: false).render(many, as: .text)
    #expect(
      text.hasSuffix(
        "7 catalogs checked: 0 errors, 0 warnings, 7 pending in 7 catalogs (es/d1 50 % ready, es/d2 50 % ready, es/d3 50 % ready, es/d4 50 % ready, es/d5 50 % ready, and 2 more); passed.\n"
      ))
  }

  @Test func leavesTheLinesAsTheyWereWhenNothingIsPending() {
    let clean = ValidationReport(locales: [Self.report.locales[0]])
    #expect(
      ReportRenderer(toolVersion: "test", strict: true).render(clean, as: .text)
        == "Locales/en/handout.yaml (source): no problems\n1 catalog checked: 0 errors, 0 warnings; passed (--strict: warnings fail too).\n"
    )
  }
}
