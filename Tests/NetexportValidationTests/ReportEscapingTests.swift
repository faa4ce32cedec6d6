import Foundation
import NetexportModel
import NetexportValidation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A key, a file name and a message quoting them can hold anything a file can: ESC (which
/// starts a terminal control sequence), BEL, line breaks (a new line starting `::` is a
/// GitHub workflow command), LS, a bidirectional override. No report may pass them on raw
/// where they act; JSON and SARIF keep them exactly, escaped by JSON's own rules.
@Suite struct ReportEscapingTests {
  static let key = "evil\u{1B}[2J\u{7}\n::error file=x::pwned\r\u{2028}\u{202E}end"
  static let file = "Locales/es\u{1B}]0;title\u{7}.yaml"
  static let report = ValidationReport(locales: [
    LocaleReport(
      locale: "es", file: file, isSource: false,
      findings: [
        Diagnostic(
          code: "invalid-key", at: SourceLocation(file: file, line: 3, column: 3),
          "'\(key)' is not a valid message key, 100%", locale: "es", key: key)
      ], checkedKeys: [])
  ])
  static let renderer = ReportRenderer(toolVersion: "test", strict: false)

  /// Controls that act in a terminal or end a line.
  static func hasRawControls(_ text: String) -> Bool {
    text.unicodeScalars.contains {
      ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{202E}"
    }
  }

  @Test func textReportShowsControlsEscapedOnePerLine() {
    let text = Self.renderer.render(Self.report, as: .text)
    #expect(
      text == #"""
        Locales/es\u{1B}]0;title\u{7}.yaml (es): 1 error, 0 warnings
          Locales/es\u{1B}]0;title\u{7}.yaml:3:3: error[invalid-key]: 'evil\u{1B}[2J\u{7}\n::error file=x::pwned\r\u{2028}\u{202E}end' is not a valid message key, 100%
        1 catalog checked: 1 error, 0 warnings; failed.

        """#)
    #expect(!Self.hasRawControls(text))
  }

  @Test func githubReportKeepsEachCommandOnItsOwnLine() {
    let github = Self.renderer.render(Self.report, as: .github)
    #expect(
      github == #"""
        ::error file=Locales/es\u{1B}]0;title\u{7}.yaml,line=3,col=3,title=netexport invalid-key (es evil\u{1B}[2J\u{7}\n%3A%3Aerror file=x%3A%3Apwned\r\u{2028}\u{202E}end)::'evil\u{1B}[2J\u{7}\n::error file=x::pwned\r\u{2028}\u{202E}end' is not a valid message key, 100%25
        ::error::netexport validate: 1 catalog, 1 error, 0 warnings

        """#)
    #expect(!Self.hasRawControls(github))
  }

  @Test(arguments: [ReportFormat.json, .sarif])
  func jsonReportsKeepTheTextExactly(format: ReportFormat) throws {
    let json = Self.renderer.render(Self.report, as: format)
    #expect(!Self.hasRawControls(json))
    let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8))
    let message = "'\(Self.key)' is not a valid message key, 100%"
    #expect(Self.strings(in: parsed).contains(message))
  }

  @Test func junitReportIsWellFormedXML() {
    let junit = Self.renderer.render(Self.report, as: .junit)
    let parser = XMLParser(data: Data(junit.utf8))
    #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
  }

  static func strings(in value: Any) -> [String] {
    switch value {
    case let string as String: [string]
    case let array as [Any]: array.flatMap(strings)
    case let dictionary as [String: Any]: dictionary.values.flatMap(strings)
    default: []
    }
  }
}
