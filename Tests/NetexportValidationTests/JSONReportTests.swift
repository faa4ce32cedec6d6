import Foundation
import NetexportModel
import Testing

@testable import NetexportValidation

/// The JSON report is written by hand (`JSONReport.written`); these tests hold it to the bytes
/// JSONEncoder makes of the same report (`ReportRenderer.encode`).
@Suite struct JSONReportTests {
  typealias Report = ReportRenderer.JSONReport

  static func finding(_ message: String, locale: String? = "es", key: String? = "k", line: Int? = 3) -> Report.Finding {
    Report.Finding(
      code: "code-\(message.count)", severity: "error", locale: locale, key: key, file: line == nil ? nil : "a/b.yaml",
      line: line, column: line.map { $0 + 1 }, message: message)
  }

  static func report(_ locales: [Report.Locale], passed: Bool = false) -> Report {
    Report(
      version: "0.1.0 \"dev\"", strict: !passed, passed: passed,
      summary: .init(catalogs: locales.count, errors: 2, warnings: 0), locales: locales)
  }

  @Test func sameBytesAsJSONEncoder() {
    // Every C0 control, the characters JSON escapes, a slash, DEL, a line separator, a bidi
    // control, letters of several scripts and an emoji.
    let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
    let texts = [
      "", "plain", controls, "\"quoted\" \\ back/slash", "\u{7F}\u{85}\u{2028}\u{202E}", "señal ‘x’ 中文 👩🏽‍⚕️",
      "tab\there\r\nline",
    ]
    let findings =
      texts.map { Self.finding($0) } + [
        Self.finding("no place", locale: nil, key: nil, line: nil), Self.finding("x", line: 0),
      ]
    let reports = [
      Self.report([]),
      Self.report([
        Report.Locale(locale: "en", file: "Locales/en/doc.yaml", source: true, errors: 0, warnings: 0, findings: [])
      ]),
      Self.report(
        [
          Report.Locale(
            locale: "es", file: "Locales/es/\"a\"\n.yaml", source: false, errors: 2, warnings: 1, findings: findings),
          Report.Locale(locale: "ar", file: "Locales/ar/doc.yaml", source: false, errors: 0, warnings: 0, findings: []),
          Report.Locale(locale: "fr", file: "", source: false, errors: 1, warnings: 0, findings: [findings[1]]),
        ], passed: true),
    ]
    for report in reports {
      #expect(ReportRenderer.escapingControls(report.written()) == ReportRenderer.encode(report))
    }
  }

  /// What `validate --report json` writes, on a report with findings.
  @Test func renderedReportIsTheEncodersBytes() {
    let report = ValidationReport(locales: [
      LocaleReport(
        locale: "es", file: "Locales/es/doc.yaml", isSource: false,
        findings: [
          Diagnostic(
            .error, code: .missingKey, at: SourceLocation(file: "Locales/es/doc.yaml", line: 2, column: 1),
            "no \"x\"\n", key: "x"),
          Diagnostic(.warning, code: .obsoleteKey, at: nil, "gone\u{1}"),
        ], checkedKeys: ["x"], requiresComplete: false)
    ])
    let renderer = ReportRenderer(toolVersion: "1.0", strict: false)
    let rendered = renderer.render(report, as: .json)
    let document = Report(
      version: "1.0", strict: false, passed: report.passes(strict: false),
      summary: .init(catalogs: 1, errors: report.errorCount, warnings: report.warningCount),
      locales: report.locales.map { locale in
        Report.Locale(
          locale: locale.locale, file: locale.file, source: locale.isSource, errors: locale.errorCount,
          warnings: locale.warningCount,
          findings: locale.findings.map {
            Report.Finding(
              code: $0.code, severity: $0.severity.rawValue, locale: $0.locale, key: $0.key, file: $0.location?.file,
              line: $0.location?.line, column: $0.location?.column, message: $0.message)
          })
      })
    #expect(rendered == ReportRenderer.encode(document))
    #expect(rendered.contains("\"message\" : \"no \\\"x\\\"\\n\""))
  }
}
