import Foundation
import NetexportModel

/// How `netexport validate` prints its findings.
public enum ReportFormat: String, CaseIterable, Sendable {
  /// Compiler-style lines grouped by locale, for people.
  case text
  /// One JSON document; see `docs/schemas/validation-report.schema.json`.
  case json
  /// JUnit XML, as CI servers (Jenkins, GitLab) read test results.
  case junit
  /// GitHub Actions workflow commands, which show as annotations on a pull request.
  case github
  /// SARIF 2.1.0, for code-scanning tools.
  case sarif
  /// One self-contained HTML page for people; see `ValidationHTMLReport`.
  case html
}

/// Renders a validation report. Every format carries the same findings.
public struct ReportRenderer: Sendable {
  public var toolVersion: String
  /// Whether warnings fail the run (`--strict`).
  public var strict: Bool

  public init(toolVersion: String, strict: Bool) {
    self.toolVersion = toolVersion
    self.strict = strict
  }

  public func render(_ report: ValidationReport, as format: ReportFormat) -> String {
    switch format {
    case .text: text(report)
    case .json: json(report)
    case .junit: junit(report)
    case .github: github(report)
    case .sarif: sarif(report)
    case .html: ValidationHTMLReport(report: report, toolVersion: toolVersion, strict: strict).render()
    }
  }

  // MARK: Text

  /// One line per catalog and per finding. Keys, file names and quoted texts come from files
  /// anyone can write, so controls and line breaks in them are printed escaped (`\u{1B}`,
  /// `\n`): a finding can neither rewrite the terminal nor start a line CI reads as a command.
  func text(_ report: ValidationReport) -> String {
    var lines: [String] = []
    for locale in report.locales {
      let role = locale.isSource ? "source" : locale.locale
      if locale.findings.isEmpty {
        lines.append("\(locale.file) (\(role)): no problems")
        continue
      }
      let pending = locale.pendingCount == 0 ? "" : ", \(locale.pendingCount) pending (\(locale.percentReady) % ready)"
      lines.append(
        "\(locale.file) (\(role)): \(Self.counts(errors: locale.errorCount, warnings: locale.warningCount))\(pending)")
      lines += locale.findings.map { "  " + $0.description }
    }
    let verdict = report.passes(strict: strict) ? "passed" : "failed"
    lines.append(
      "\(report.locales.count) catalog\(report.locales.count == 1 ? "" : "s") checked: \(Self.counts(errors: report.errorCount, warnings: report.warningCount))\(Self.pendingSummary(report)); \(verdict)\(strict ? " (--strict: warnings fail too)" : "")."
    )
    return lines.map(PrintableText.escape).joined(separator: "\n") + "\n"
  }

  static func counts(errors: Int, warnings: Int) -> String {
    "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
  }

  /// The pending work, for the summary line: ", 35 pending in 2 catalogs (es/net-warning-signs
  /// 0 % ready, es/labels 0 % ready)", the first five catalogs named; empty when there is
  /// none. Pending work is not counted among the errors, so without it the line would say
  /// "0 errors, 0 warnings" under a list of untranslated messages.
  static func pendingSummary(_ report: ValidationReport) -> String {
    let pending = report.locales.filter { $0.pendingCount > 0 }
    guard !pending.isEmpty else { return "" }
    let shown = pending.prefix(5).map { "\($0.locale)/\($0.catalog ?? $0.file) \($0.percentReady) % ready" }
    let more = pending.count > shown.count ? ", and \(pending.count - shown.count) more" : ""
    return
      ", \(report.pendingCount) pending in \(pending.count) catalog\(pending.count == 1 ? "" : "s") (\(shown.joined(separator: ", "))\(more))"
  }

  // MARK: JSON

  struct JSONReport: Encodable {
    var tool = "netexport"
    var version: String
    var schemaVersion = 1
    var strict: Bool
    var passed: Bool
    var summary: Summary
    var locales: [Locale]

    struct Summary: Encodable {
      var catalogs: Int
      var errors: Int
      var warnings: Int
    }

    struct Locale: Encodable {
      var locale: String
      var file: String
      var source: Bool
      var errors: Int
      var warnings: Int
      var findings: [Finding]
    }

    struct Finding: Encodable {
      var code: String
      var severity: String
      var locale: String?
      var key: String?
      var file: String?
      var line: Int?
      var column: Int?
      var message: String

      func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(severity, forKey: .severity)
        try container.encode(locale, forKey: .locale)
        try container.encode(key, forKey: .key)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encode(message, forKey: .message)
      }

      enum CodingKeys: String, CodingKey { case code, severity, locale, key, file, line, column, message }
    }
  }

  func json(_ report: ValidationReport) -> String {
    let document = JSONReport(
      version: toolVersion, strict: strict, passed: report.passes(strict: strict),
      summary: .init(catalogs: report.locales.count, errors: report.errorCount, warnings: report.warningCount),
      locales: report.locales.map { locale in
        .init(
          locale: locale.locale, file: locale.file, source: locale.isSource, errors: locale.errorCount,
          warnings: locale.warningCount,
          findings: locale.findings.map {
            .init(
              code: $0.code, severity: $0.severity.rawValue, locale: $0.locale, key: $0.key, file: $0.location?.file,
              line: $0.location?.line, column: $0.location?.column, message: $0.message)
          })
      })
    return Self.encode(document)
  }

  /// JSON as every netexport report writes it: indented, keys sorted, ending in a newline.
  ///
  /// JSONEncoder escapes C0 controls; DEL, C1 controls, the line and paragraph separators and
  /// the bidirectional controls it leaves raw, which is valid JSON but acts on a terminal the
  /// report is printed to. They can only stand inside strings, so they are escaped as
  /// `\uXXXX` too: a reader of the JSON gets the same strings.
  public static func encode(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding these plain structures cannot fail.
    let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
    let json = String(decoding: data, as: UTF8.self)
    guard json.unicodeScalars.contains(where: { $0.value >= 0x7F && PrintableText.needsEscape($0) }) else {
      return json + "\n"
    }
    var escaped = ""
    escaped.reserveCapacity(json.utf8.count + 16)
    for scalar in json.unicodeScalars {
      if scalar.value >= 0x7F && PrintableText.needsEscape(scalar) {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        escaped += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
      } else {
        escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped + "\n"
  }

  // MARK: JUnit XML

  /// One test suite per catalog file (named `<locale>/<file>`, so that no two share a
  /// name) and one test case per source message (plus `(catalog)` for findings about the
  /// whole file). A finding is a failure when it fails the run: an error in a catalog that
  /// counts, and with `--strict` a warning, or pending work in a shipped locale; the others
  /// go to `system-out`. Written by hand: the format is a handful of elements, and
  /// Foundation's XML writer is not available on Linux.
  func junit(_ report: ValidationReport) -> String {
    var suites: [String] = []
    var totalTests = 0
    var totalFailures = 0
    for locale in report.locales {
      let byKey = Dictionary(grouping: locale.findings) { $0.key ?? "" }
      var caseNames = ["(catalog)"] + locale.checkedKeys
      let checked = Set(locale.checkedKeys)
      caseNames += byKey.keys.filter { !$0.isEmpty && !checked.contains($0) }.sorted()
      var cases: [String] = []
      var failures = 0
      for name in caseNames {
        let findings = byKey[name == "(catalog)" ? "" : name] ?? []
        let failing = findings.filter { locale.fails(strict: strict, because: $0) }
        let passing = findings.filter { !locale.fails(strict: strict, because: $0) }
        let line = findings.first?.location?.line.map { " line=\"\($0)\"" } ?? ""
        var element =
          "    <testcase classname=\"netexport.validate.\(XMLText.escape(locale.locale))\" name=\"\(XMLText.escape(name))\" file=\"\(XMLText.escape(locale.file))\"\(line)"
        if failing.isEmpty && passing.isEmpty {
          cases.append(element + "/>")
          continue
        }
        element += ">"
        if !failing.isEmpty {
          failures += 1
          let body = failing.map(\.description).joined(separator: "\n")
          element +=
            "\n      <failure type=\"\(XMLText.escape(failing[0].code))\" message=\"\(XMLText.escape(failing[0].message))\">\(XMLText.escape(body))</failure>"
        }
        if !passing.isEmpty {
          element +=
            "\n      <system-out>\(XMLText.escape(passing.map(\.description).joined(separator: "\n")))</system-out>"
        }
        cases.append(element + "\n    </testcase>")
      }
      totalTests += caseNames.count
      totalFailures += failures
      suites.append(
        "  <testsuite name=\"\(XMLText.escape(locale.catalog.map { "\(locale.locale)/\($0)" } ?? locale.locale))\" tests=\"\(caseNames.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
          + cases.joined(separator: "\n") + "\n  </testsuite>")
    }
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <testsuites name="netexport validate" tests="\(totalTests)" failures="\(totalFailures)" errors="0">
      \(suites.joined(separator: "\n"))
      </testsuites>

      """
  }

  // MARK: GitHub Actions

  /// Workflow commands (`::error file=...,line=...::message`), which GitHub shows as
  /// annotations on the lines of a pull request.
  ///
  /// Escaped as GitHub's toolkit does (`%`, CR and LF in the message; also `:` and `,` in
  /// property values), after controls have been made visible as in the text report, so that
  /// nothing a catalog holds can end a command or start another.
  func github(_ report: ValidationReport) -> String {
    var lines: [String] = []
    for finding in report.findings {
      var properties: [String] = []
      if let location = finding.location {
        properties.append("file=\(Self.githubProperty(location.file))")
        if let line = location.line { properties.append("line=\(line)") }
        if let column = location.column { properties.append("col=\(column)") }
      }
      let scope = [finding.locale, finding.key].compactMap { $0 }.joined(separator: " ")
      properties.append(
        "title=\(Self.githubProperty("netexport \(finding.code)\(scope.isEmpty ? "" : " (\(scope))")"))")
      lines.append(
        "::\(Self.githubCommand(finding.severity)) \(properties.joined(separator: ","))::\(Self.githubData(finding.message))"
      )
    }
    let summary =
      "netexport validate: \(report.locales.count) catalog\(report.locales.count == 1 ? "" : "s"), \(Self.counts(errors: report.errorCount, warnings: report.warningCount))"
    lines.append(report.passes(strict: strict) ? "::notice::\(summary)" : "::error::\(summary)")
    return lines.joined(separator: "\n") + "\n"
  }

  /// The workflow command for a severity: GitHub has `error`, `warning` and `notice`, and
  /// pending work is a notice.
  static func githubCommand(_ severity: Diagnostic.Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .pending: "notice"
    }
  }

  static func githubData(_ text: String) -> String {
    githubEscape(PrintableText.escape(text), [("%", "%25"), ("\r", "%0D"), ("\n", "%0A")])
  }

  static func githubProperty(_ text: String) -> String {
    githubEscape(
      PrintableText.escape(text), [("%", "%25"), ("\r", "%0D"), ("\n", "%0A"), (":", "%3A"), (",", "%2C")])
  }

  /// Replaces Unicode scalars, not characters: a CR LF is one Swift character, which matches
  /// neither "\r" nor "\n".
  private static func githubEscape(_ text: String, _ replacements: [(Unicode.Scalar, String)]) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
      if let replacement = replacements.first(where: { $0.0 == scalar }) {
        escaped += replacement.1
      } else {
        escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }

  // MARK: SARIF

  struct SARIFLog: Encodable {
    var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    var version = "2.1.0"
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
      case schema = "$schema"
      case version, runs
    }

    struct Run: Encodable {
      var tool: Tool
      var columnKind = "unicodeCodePoints"
      var results: [Result]
    }

    struct Tool: Encodable { var driver: Driver }

    struct Driver: Encodable {
      var name = "netexport"
      var version: String
      var rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Encodable {
      var id: String
      var shortDescription: Message
      var defaultConfiguration: Configuration
    }

    struct Configuration: Encodable { var level: String }

    struct Message: Encodable { var text: String }

    struct Result: Encodable {
      var ruleId: String
      var ruleIndex: Int?
      var level: String
      var message: Message
      var locations: [Location]
      var properties: [String: String]
    }

    struct Location: Encodable { var physicalLocation: PhysicalLocation }

    struct PhysicalLocation: Encodable {
      var artifactLocation: ArtifactLocation
      var region: Region?
    }

    struct ArtifactLocation: Encodable {
      var uri: String
      /// Relative paths are relative to the project's root; absolute ones stand alone.
      var uriBaseId: String?
    }

    struct Region: Encodable {
      var startLine: Int
      var startColumn: Int?
    }
  }

  func sarif(_ report: ValidationReport) -> String {
    let rules = Rule.all
    let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.code, $0) })
    let results = report.findings.map { finding in
      SARIFLog.Result(
        ruleId: finding.code, ruleIndex: index[finding.code], level: Self.sarifLevel(finding.severity),
        message: .init(text: finding.message),
        locations: finding.location.map { location in
          [
            SARIFLog.Location(
              physicalLocation: .init(
                artifactLocation: .init(
                  uri: Self.uri(location.file), uriBaseId: location.file.hasPrefix("/") ? nil : "%SRCROOT%"),
                region: location.line.map { SARIFLog.Region(startLine: $0, startColumn: location.column) }))
          ]
        } ?? [],
        properties: ["locale": finding.locale, "key": finding.key].compactMapValues { $0 })
    }
    let log = SARIFLog(runs: [
      .init(
        tool: .init(
          driver: .init(
            version: toolVersion,
            rules: rules.map {
              .init(
                id: $0.code, shortDescription: .init(text: $0.summary),
                defaultConfiguration: .init(level: Self.sarifLevel($0.severity)))
            })), results: results)
    ])
    return Self.encode(log)
  }

  /// The SARIF level of a severity: SARIF has `error`, `warning` and `note` (and `none`), and
  /// pending work is a note.
  static func sarifLevel(_ severity: Diagnostic.Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .pending: "note"
    }
  }

  /// A relative file path as a URI reference (spaces and other reserved characters escaped).
  static func uri(_ path: String) -> String {
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: ":")
    let escaped = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    return path.hasPrefix("/") ? "file://" + escaped : escaped
  }
}
