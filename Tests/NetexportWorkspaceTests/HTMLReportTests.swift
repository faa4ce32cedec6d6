import Foundation
import NetexportFuzzHarness
import NetexportICU
import NetexportModel
import NetexportValidation
import Testing

@testable import NetexportReadability
@testable import NetexportWorkspace

/// A copy of this repository's project (manifest, documents, catalogs, readability targets).
enum ReportProjects {
  static func repositoryCopy() throws -> ScratchProject {
    let folder = try ScratchProject()
    for item in ["netexport.yaml", "readability.yaml", "Documents", "Locales"] {
      try FileManager.default.copyItem(
        at: Fixtures.repositoryRoot.appendingPathComponent(item), to: folder.url(item))
    }
    return folder
  }

  /// The repository's project with a finding of each severity: in Spanish an error (the
  /// byline without "Mayo Clinic"), a warning (a doubled space) and a message not translated;
  /// in Arabic an error and a warning in a byline holding markup; and a draft locale, ja,
  /// not started.
  static func withFindings() throws -> ScratchProject {
    let folder = try repositoryCopy()
    try edit(
      folder, "Locales/es/neuroendocrine-tumors.yaml",
      [
        ("text: \"Por el personal de <lang-en>Mayo Clinic</lang-en>\"", "text: \"Por el personal de la clínica\""),
        ("text: \"Descripción general\"", "text: \"Descripción  general\""),
        ("text: \"Tipos\"\n    state: translated", "text: \"\"\n    state: new"),
      ])
    try edit(
      folder, "Locales/ar/neuroendocrine-tumors.yaml",
      [
        (
          "text: \"بقلم فريق <lang-en>Mayo Clinic</lang-en>\"",
          "text: \"بقلم فريق مايو كلينك <script>alert(1)</script>\""
        )
      ])
    try edit(folder, "netexport.yaml", [("  zh-Hans: shipped\n", "  zh-Hans: shipped\n  ja: draft\n")])
    return folder
  }

  static func edit(_ folder: ScratchProject, _ path: String, _ replacements: [(String, String)]) throws {
    var text = try folder.read(path)
    for (old, new) in replacements {
      try #require(text.contains(old), "\(path) no longer has \(old)")
      text = text.replacingOccurrences(of: old, with: new)
    }
    try folder.write(text, to: path)
  }
}

/// The hostile strings the exports' tests and the fuzz targets start from.
let hostileStrings = HostileStrings.all

/// The markup of a page: each tag's name and attribute names, in order. Every string the
/// reports show is escaped, so a `<` or `"` in the page is always netexport's own, and two
/// pages made from different strings have the same markup.
func markup(_ html: String) -> [String] {
  let tag = try! Regex(#"<(/?[a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z:-]+(?:="[^"]*")?)*)\s*/?>"#)
  let attribute = try! Regex(#"([a-zA-Z:-]+)(?:="[^"]*")?"#)
  return html.matches(of: tag).map { match in
    let name = String(match.output[1].substring ?? "")
    let attributes = (match.output[2].substring.map(String.init) ?? "").matches(of: attribute).map {
      String($0.output[1].substring ?? "")
    }
    return ([name] + attributes).joined(separator: " ")
  }
}

@Suite struct ValidationHTMLReportTests {
  static func page(_ folder: ScratchProject, locales: [String] = []) throws -> (String, ValidationReport, Workspace) {
    let workspace = try Workspace.open(folder.project)
    let checks = workspace.check(try workspace.locales(locales), documents: workspace.documents)
    let report = workspace.validationReport(checks, named: Set(locales))
    let html = workspace.validationHTMLReport(checks, report: report, toolVersion: "test", strict: false).render()
    return (html, report, workspace)
  }

  @Test func everyFindingIsListedOnceWithItsCodeMessageAndPlace() throws {
    let folder = try ReportProjects.withFindings()
    let (html, report, _) = try Self.page(folder)
    let findings = report.findings
    #expect(Set(findings.map(\.severity)) == [.error, .warning, .pending])
    #expect(html.components(separatedBy: "<li class=\"finding ").count - 1 == findings.count)
    for finding in findings {
      #expect(html.contains("<p class=\"message\">\(HTMLReportText.label(finding.message))</p>"), "\(finding)")
      #expect(html.contains("<code>\(HTMLReportText.label(finding.code))</code>"))
      if let location = finding.location {
        #expect(html.contains(" at <span class=\"path\">\(HTMLReportText.label(location.description))</span>"))
      }
    }
    // In each catalog: errors, then warnings, then pending work (folded).
    let spanish = try #require(html.range(of: "<h2 id=\"locale-3\">Spanish (es)"))
    let rest = html[spanish.upperBound...]
    let errors = try #require(rest.range(of: "<h4>Errors (1)</h4>"))
    let warnings = try #require(rest.range(of: "<h4>Warnings (1)</h4>"))
    let pending = try #require(rest.range(of: "<h4>Pending (1)</h4>\n<details><summary>"))
    #expect(errors.lowerBound < warnings.lowerBound && warnings.lowerBound < pending.lowerBound)
  }

  @Test func aMessageFindingShowsTheEnglishAndTheTranslationSideBySide() throws {
    let folder = try ReportProjects.withFindings()
    let (html, _, workspace) = try Self.page(folder)
    let document = CatalogFile.document("neuroendocrine-tumors")
    func place(_ locale: String) throws -> String {
      let catalog = try #require(workspace.load(document, locale: locale).catalog)
      let entry = try #require(catalog["document.byline"])
      return HTMLReportText.label("\(catalog.file):\(try #require(entry.textLocation.line))")
    }
    let english =
      "<div><dt>English (en), <span class=\"path\">\(try place("en"))</span></dt><dd lang=\"en\" dir=\"ltr\">By Mayo Clinic Staff</dd></div>"
    let spanish =
      "<div><dt>Spanish (es), <span class=\"path\">\(try place("es"))</span>, translated</dt><dd lang=\"es\" dir=\"ltr\">Por el personal de la clínica</dd></div>"
    #expect(html.contains("<dl class=\"pair\">\(english)\(spanish)</dl>"))
    // Arabic right to left, its markup shown as text.
    let arabic =
      "<div><dt>Arabic (ar), <span class=\"path\">\(try place("ar"))</span>, translated</dt><dd lang=\"ar\" dir=\"rtl\">بقلم فريق مايو كلينك &lt;script&gt;alert(1)&lt;/script&gt;</dd></div>"
    #expect(html.contains("<dl class=\"pair\">\(english)\(arabic)</dl>"))
    // A message not translated yet.
    #expect(html.contains("<dd class=\"empty\">no text yet</dd>"))
    #expect(!html.contains("<script>"))
  }

  @Test func theEnglishIsShownWhenOnlyATranslationIsChecked() throws {
    let folder = try ReportProjects.withFindings()
    let (html, report, _) = try Self.page(folder, locales: ["es"])
    #expect(report.locales.allSatisfy { $0.locale == "es" })
    #expect(html.contains("<dd lang=\"en\" dir=\"ltr\">By Mayo Clinic Staff</dd>"))
  }

  @Test func theOverviewHasAProgressBarPerLocaleAndDocumentWithShippedAndDraftMarked() throws {
    let folder = try ReportProjects.withFindings()
    let (html, _, _) = try Self.page(folder)
    let overview = try #require(html.components(separatedBy: "</table>").first)
    // The documents in order (net-warning-signs, neuroendocrine-tumors), then the labels. The
    // byline with an error is not ready, as the untranslated heading is not: 91 of 93.
    #expect(
      overview.contains(
        "<tr><th scope=\"row\"><a href=\"#locale-3\">Spanish (es)</a> <span class=\"status\">shipped</span></th><td><progress max=\"26\" value=\"26\" aria-hidden=\"true\"></progress>100 %<br><span class=\"meta\">26 of 26</span></td><td><progress max=\"93\" value=\"91\" aria-hidden=\"true\"></progress>97 %<br><span class=\"meta\">91 of 93</span><br>1 error, 1 warning</td>"
      ))
    #expect(
      overview.contains(
        "<a href=\"#locale-8\">Japanese (ja)</a> <span class=\"status\">draft</span></th><td><progress max=\"26\" value=\"0\" aria-hidden=\"true\"></progress>0 %<br><span class=\"meta\">0 of 26</span></td><td><progress max=\"93\" value=\"0\" aria-hidden=\"true\"></progress>0 %"
      ))
    #expect(overview.contains("<a href=\"#locale-0\">English (en)</a> <span class=\"status\">source</span>"))
    // One row per locale, one bar per document (two) and the labels.
    #expect(overview.components(separatedBy: "<tr><th scope=\"row\">").count - 1 == 9)
    #expect(overview.components(separatedBy: "<progress ").count - 1 == 27)
  }

  /// Every hostile string in every place a file's text lands on the page (key, code, message,
  /// path, location, locale status, catalog name, the English, the translation, the English it
  /// was made from): the page's markup is the same as with a harmless string, and no control
  /// or noncharacter reaches it.
  @Test(arguments: hostileStrings)
  func hostileTextsAreEscaped(_ hostile: String) throws {
    func page(_ text: String) -> String {
      let path = "Locales/ar/\(text).yaml"
      let location = SourceLocation(file: path, line: 3, column: 5)
      let target = Catalog(
        locale: "ar", file: path,
        entries: [
          CatalogEntry(
            key: text, text: text, source: text, previousSource: "old " + text, state: .needsReview,
            location: location)
        ])
      let source = Catalog(
        locale: "en", file: "Locales/en/\(text).yaml",
        entries: [CatalogEntry(key: text, text: text, location: location)])
      let findings = Diagnostic.Severity.allCases.map {
        // A report passes any code text through, as a report file may hold it.
        var finding = Diagnostic($0, code: .malformedYAML, at: location, text, locale: "ar", key: text)
        finding.code = text
        return finding
      }
      let report = ValidationReport(locales: [
        LocaleReport(
          locale: "ar", file: path, isSource: false, findings: findings, checkedKeys: [text], catalog: text,
          localeStatus: text)
      ])
      return ValidationHTMLReport(
        report: report, toolVersion: text, strict: false,
        progress: [path: CatalogStatus(missingFor: source, locale: "ar", file: path)], catalogs: [path: target],
        sourceCatalogs: [text: source]
      ).render()
    }
    let html = page(hostile)
    #expect(markup(html) == markup(page("harmless")))
    #expect(!html.unicodeScalars.contains { Unrepresentable.contains($0) })
    #expect(html.components(separatedBy: "<li class=\"finding ").count == 4)
  }
}

@Suite struct ReadabilityHTMLReportTests {
  static func run(_ folder: ScratchProject) throws -> ReadabilityRun {
    let workspace = try Workspace.open(folder.project)
    let targets = try ReadabilityConfig.load(folder.url("readability.yaml"), displayPath: "readability.yaml")
    return workspace.readability(
      locales: try workspace.locales([]), documents: workspace.documents, targets: targets, hardest: 5,
      explicit: false)
  }

  @Test func eachDocumentAndLocaleHasItsScoresTargetsChartTableAndHardestSentences() throws {
    let folder = try ReportProjects.repositoryCopy()
    let run = try Self.run(folder)
    #expect(run.reports.count == 16)  // 8 locales x 2 documents
    let html = ReadabilityHTMLReport(
      reports: run.reports, toolVersion: "test", strict: false, configPath: "readability.yaml"
    ).render()
    let parts = html.components(separatedBy: "<section aria-labelledby=\"report-").dropFirst()
    #expect(parts.count == run.reports.count)
    for (report, part) in zip(run.reports, parts) {
      let name = HTMLReportText.label("\(report.source), \(HTMLReportText.localeName(report.locale))")
      #expect(part.contains("\">\(name)"), "\(report.locale)")
      for score in report.whole.assessment.scores {
        #expect(part.contains("<td class=\"number\">\(String(format: "%.1f", score.value))</td>"), "\(score.id)")
      }
      for target in report.targets {
        #expect(
          part.contains("\">\(target.met ? "Met" : "Missed")</span>: \(HTMLReportText.label(target.message))</li>"))
      }
      // The chart and its table carry the same numbers.
      let formula = try #require(ReadabilityHTMLReport.chartFormula(report))
      let svg = try #require(part.components(separatedBy: "</svg>").first?.components(separatedBy: "<svg ").last)
      #expect(svg.hasPrefix("role=\"img\" aria-labelledby=\""))
      for section in report.sections {
        let value = try #require(section.assessment.score(formula)?.value)
        let shown = String(format: "%.1f", value)
        #expect(svg.contains(">\(shown)</text>"), "\(report.locale) \(section.id)")
        #expect(svg.contains("\(HTMLReportText.label(section.title)): \(shown)"), "the description")
        #expect(part.contains("</span></th><td class=\"number\">\(section.statistics.sentences)</td>"))
        #expect(part.contains("<td class=\"number\">\(shown)</td>"))
      }
      let language = try #require(LanguageTag(report.locale))
      #expect(svg.contains("direction=\"\(language.isRightToLeft ? "rtl" : "ltr")\" lang=\"\(report.locale)\""))
      let bars = svg.components(separatedBy: "fill=\"#1f4e79\"").count - 1
      #expect(bars == report.sections.count)
      let lines = report.targets.filter { $0.target.formula == formula }.count
      #expect(svg.components(separatedBy: ">target ").count - 1 == lines)
      for sentence in report.hardest {
        #expect(
          part.contains(
            "<p class=\"sentence\" lang=\"\(report.locale)\" dir=\"\(language.isRightToLeft ? "rtl" : "ltr")\">\(HTMLReportText.escape(sentence.text))</p>"
          ))
      }
    }
  }

  /// A report built from hostile strings in every place a catalog or file name lands:
  /// section titles, the document id, sentences, keys, locations, reasons, notes, target
  /// messages.
  @Test(arguments: hostileStrings)
  func hostileTextsAreEscaped(_ hostile: String) throws {
    func page(_ text: String) throws -> String {
      let block = ReadabilityBlock(text: "Take one tablet in the morning. Drink water.", key: text, location: text)
      var report = try Readability.score(
        parts: [("title", text, [block]), ("one", text, [block]), ("two", text, [block])],
        locale: LanguageTag("en")!, source: text,
        targets: [ReadabilityTarget(formula: "flesch-kincaid-grade", max: 1)], hardest: 2, notes: [text])
      report.targets[0].message = text
      for index in report.hardest.indices {
        report.hardest[index].text = text
        report.hardest[index].reasons = [text]
      }
      return ReadabilityHTMLReport(reports: [report], toolVersion: text, strict: false, configPath: text).render()
    }
    let html = try page(hostile)
    #expect(markup(html) == markup(try page("harmless")))
    #expect(!html.unicodeScalars.contains { Unrepresentable.contains($0) })
  }

  @Test func theChartDrawsBarsFromZeroAndTheTargetAsALine() throws {
    let chart = ReadabilityChart(
      id: "c", title: "t", description: "d", locale: "ar",
      bars: [
        .init(label: "A", value: 10), .init(label: "B", value: 20), .init(label: "C", value: nil),
        .init(label: "D", value: -5),
      ],
      targets: [.init(value: 10, isMaximum: true)])
    let svg = chart.render()
    let (low, high, _) = chart.scale()
    #expect(low == -5 && high == 20)
    func x(_ value: Double) -> Double {
      ReadabilityChart.margin + (value - low) / (high - low) * (ReadabilityChart.width - 2 * ReadabilityChart.margin)
    }
    let rect = try! Regex(##"<rect x="([-0-9.]+)" y="[-0-9.]+" width="([-0-9.]+)" height="14" fill="#1f4e79"/>"##)
    let bars = svg.matches(of: rect).map { (Double($0.output[1].substring!)!, Double($0.output[2].substring!)!) }
    try #require(bars.count == 3)
    func near(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 0.11 }
    #expect(near(bars[0].0, x(0)) && near(bars[0].0 + bars[0].1, x(10)))
    #expect(near(bars[1].0 + bars[1].1, x(20)))
    #expect(near(bars[2].0, x(-5)) && near(bars[2].0 + bars[2].1, x(0)))
    #expect(svg.contains(">no score</text>"))
    // The target: dashes at x(10), through every bar; the zero line, since a value is negative.
    let dashes = try! Regex(
      ##"<line x1="([-0-9.]+)" y1="[-0-9.]+" x2="[-0-9.]+" y2="[-0-9.]+" stroke="#000" stroke-width="2""##)
    let lines = svg.matches(of: dashes).map { Double($0.output[1].substring!)! }
    #expect(lines.count == 5 && lines.allSatisfy { near($0, x(10)) })
    #expect(svg.contains(">target ≤ 10</text>"))
    #expect(svg.contains("<line x1=\"\(ReadabilityChart.number(x(0)))\" y1="))
    #expect(svg.contains("text-anchor=\"end\" direction=\"rtl\" lang=\"ar\">A</text>"))
    #expect(svg.hasPrefix("<svg role=\"img\" aria-labelledby=\"c-title\" aria-describedby=\"c-desc\""))
    #expect(svg.contains("<title id=\"c-title\">t</title>\n<desc id=\"c-desc\">d</desc>"))
  }
}

/// Nothing on either page is fetched: no script, no image, no style sheet or font from
/// anywhere, and a Content-Security-Policy that forbids it besides.
@Suite struct HTMLReportNetworkTests {
  @Test func neitherPageNamesAnythingToFetch() throws {
    let folder = try ReportProjects.withFindings()
    let (validation, _, _) = try ValidationHTMLReportTests.page(folder)
    let run = try ReadabilityHTMLReportTests.run(try ReportProjects.repositoryCopy())
    let readability = ReadabilityHTMLReport(
      reports: run.reports, toolVersion: "test", strict: false, configPath: "readability.yaml"
    ).render()
    for html in [validation, readability] {
      #expect(
        html.contains(
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">"
        ))
      let tags = try! Regex(#"<[a-zA-Z][^>]*>"#)
      for tag in html.matches(of: tags).map({ String(html[$0.range]) }) {
        #expect(!tag.contains("src=") && !tag.contains("://") && !tag.contains("url("), "\(tag)")
        if let href = tag.firstRange(of: "href=\"") {
          #expect(tag[href.upperBound...].hasPrefix("#"), "\(tag)")
        }
      }
      #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("@import"))
      #expect(!html.contains("url("))
    }
  }
}
