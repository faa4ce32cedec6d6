import Foundation
public import NetexportReadability
import NetexportValidation

/// `netexport readability --report html`: one page a coordinator opens in a browser.
///
/// An overview of every document in every locale scored, then for each: its counts, whether it
/// meets its targets, every score with its band, a bar chart of one formula per section with
/// the target drawn as a line (the formula of the locale's first target, or its first score),
/// the same numbers as a table, the hardest sentences with the message each comes from, and
/// the notes. The page is built like the validation report's (`HTMLReportPage`): no script,
/// nothing fetched, every string escaped, section titles and sentences marked with their
/// language and direction.
public struct ReadabilityHTMLReport: Sendable {
  public var reports: [ReadabilityReport]
  public var toolVersion: String
  /// Whether the source's own misses fail the run (`--strict`).
  public var strict: Bool
  /// The targets file as shown to people, e.g. `readability.yaml`.
  public var configPath: String

  public init(reports: [ReadabilityReport], toolVersion: String, strict: Bool, configPath: String) {
    self.reports = reports
    self.toolVersion = toolVersion
    self.strict = strict
    self.configPath = configPath
  }

  typealias Text = HTMLReportText

  /// The language a formula's bands are written in, where it is not English: each band is in
  /// the words of its published scale (`Formulas+Bands.swift`), and a screen reader reads it
  /// in the right voice only when it is marked.
  static let bandLanguages: [String: String] = [
    "fernandez-huerta": "es", "szigriszt-pazos": "es", "kandel-moles": "fr", "amstad": "de",
    "wiener-sachtextformel": "de", "gulpease": "it", "flesch-pt": "pt",
  ]

  public func render() -> String {
    let failing = reports.filter { $0.fails(strict: strict) }
    var body: [String] = []
    body.append("<header>")
    body.append("<h1>Readability</h1>")
    var summary = "\(reports.count) scored; "
    summary +=
      failing.isEmpty
      ? "<span class=\"verdict-passed\">no target missed</span>"
      : "<span class=\"verdict-failed\">targets missed</span> in \(failing.map { Text.label(name($0)) }.joined(separator: "; "))"
    let reportedOnly = reports.filter { !$0.passed && !$0.fails(strict: strict) }
    if !reportedOnly.isEmpty {
      summary +=
        "; misses reported but not failed (the source's own, or following the source's) in \(reportedOnly.map { Text.label(name($0)) }.joined(separator: "; "))"
    }
    body.append("<p>\(summary).</p>")
    body.append(
      "<p class=\"meta\">netexport \(Text.escape(toolVersion)) readability. Targets from \(Text.label(configPath)); the formulas and their scales are described in docs/readability-formulas.md.</p>"
    )
    body.append("</header>")
    body.append("<main>")
    if reports.isEmpty {
      body.append("<p>Nothing was scored.</p>")
    } else {
      body += overview()
    }
    for (index, report) in reports.enumerated() { body += section(report, id: "report-\(index)") }
    body.append("</main>")
    return HTMLReportPage(title: "netexport: readability", body: body.joined(separator: "\n")).render()
  }

  /// "neuroendocrine-tumors, Spanish (es)".
  func name(_ report: ReadabilityReport) -> String { "\(report.source), \(Text.localeName(report.locale))" }

  /// The formula the chart shows: the locale's first target's, or its first score's.
  static func chartFormula(_ report: ReadabilityReport) -> String? {
    let scores = report.whole.assessment
    return report.targets.map(\.target.formula).first { scores.score($0) != nil } ?? scores.scores.first?.id
  }

  static func value(_ value: Double) -> String { String(format: "%.1f", value) }

  func outcome(_ report: ReadabilityReport) -> String {
    if report.targets.isEmpty { return "no target" }
    if report.passed { return "<span class=\"met\">met</span>" }
    if report.fails(strict: strict) { return "<span class=\"missed\">missed</span>" }
    return "<span class=\"missed\">missed</span>, "
      + (report.isSourceLocale ? "reported only (the source's own)" : "reported only (follows the source)")
  }

  func band(_ score: FormulaScore) -> String {
    guard let band = score.band else { return "" }
    guard let language = Self.bandLanguages[score.id] else { return Text.escape(band) }
    return "<span lang=\"\(language)\">\(Text.escape(band))</span>"
  }

  // MARK: Overview

  func overview() -> [String] {
    var lines: [String] = []
    lines.append("<section aria-labelledby=\"overview\">")
    lines.append("<h2 id=\"overview\">Overview</h2>")
    lines.append("<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"overview-caption\" tabindex=\"0\">")
    lines.append("<table>")
    lines.append(
      "<caption id=\"overview-caption\">Each document in each locale: the charted score and the targets</caption>")
    lines.append(
      "<thead><tr><th scope=\"col\">Document</th><th scope=\"col\">Locale</th><th scope=\"col\">Formula</th><th scope=\"col\">Score</th><th scope=\"col\">Band</th><th scope=\"col\">Targets</th></tr></thead>"
    )
    lines.append("<tbody>")
    for (index, report) in reports.enumerated() {
      let score = Self.chartFormula(report).flatMap { report.whole.assessment.score($0) }
      lines.append(
        "<tr><th scope=\"row\"><a href=\"#report-\(index)\">\(Text.label(report.source))</a></th><td>\(Text.label(Text.localeName(report.locale)))</td><td>\(score.map { Text.label($0.id) } ?? "none")</td><td class=\"number\">\(score.map { Self.value($0.value) } ?? "")</td><td>\(score.map(band) ?? "")</td><td>\(outcome(report))</td></tr>"
      )
    }
    lines.append("</tbody>")
    lines.append("</table>")
    lines.append("</div>")
    lines.append("</section>")
    return lines
  }

  // MARK: One document in one locale

  func section(_ report: ReadabilityReport, id: String) -> [String] {
    var lines: [String] = []
    let locale = report.locale
    lines.append("<section aria-labelledby=\"\(id)\">")
    lines.append(
      "<h2 id=\"\(id)\">\(Text.label(name(report)))\(report.isSourceLocale ? " <span class=\"status\">source</span>" : "")</h2>"
    )
    let whole = report.whole.statistics
    var counts = "\(Text.count(whole.sentences, "sentence")), \(Text.count(whole.words, "word"))"
    if whole.hasSyllables && whole.words > 0 {
      counts += String(format: ", %.2f syllables per word", Double(whole.syllables) / Double(whole.words))
    }
    if whole.sentences > 0 {
      counts += String(format: ", %.1f words per sentence", Double(whole.words) / Double(whole.sentences))
    }
    lines.append("<p>\(counts).</p>")

    lines.append("<h3>Targets</h3>")
    if report.targets.isEmpty {
      lines.append("<p>No target for this locale in \(Text.label(configPath)).</p>")
    } else {
      lines.append("<ul>")
      for target in report.targets {
        lines.append(
          "<li><span class=\"\(target.met ? "met" : "missed")\">\(target.met ? "Met" : "Missed")</span>: \(Text.label(target.message))</li>"
        )
      }
      lines.append("</ul>")
      lines.append("<p>Outcome: \(outcome(report)).</p>")
    }

    lines.append("<h3>Scores of the whole document</h3>")
    if report.whole.assessment.scores.isEmpty {
      lines.append("<p>No formula could be computed.</p>")
    } else {
      lines.append("<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"\(id)-scores\" tabindex=\"0\">")
      lines.append("<table>")
      lines.append(
        "<caption id=\"\(id)-scores\">Every score of \(Text.label(name(report))), with its band and which way is easier</caption>"
      )
      lines.append(
        "<thead><tr><th scope=\"col\">Formula</th><th scope=\"col\">Score</th><th scope=\"col\">Band</th><th scope=\"col\">Easier when</th></tr></thead>"
      )
      lines.append("<tbody>")
      for score in report.whole.assessment.scores {
        var bandCell = band(score)
        if let note = score.note {
          bandCell += (bandCell.isEmpty ? "" : "<br>") + "<span class=\"meta\">\(Text.label(note))</span>"
        }
        lines.append(
          "<tr><th scope=\"row\">\(Text.label(score.name)) <code>\(Text.label(score.id))</code></th><td class=\"number\">\(Self.value(score.value))</td><td>\(bandCell)</td><td>\(score.scale == .ease ? "higher" : "lower")</td></tr>"
        )
      }
      lines.append("</tbody>")
      lines.append("</table>")
      lines.append("</div>")
    }

    lines += sections(report, id: id)

    lines.append("<h3>Hardest sentences</h3>")
    if report.hardest.isEmpty {
      lines.append("<p>None listed.</p>")
    } else {
      lines.append("<ol class=\"sentences\">")
      for (index, sentence) in report.hardest.enumerated() {
        var place = [sentence.location, sentence.key].compactMap { $0 }.map {
          "<span class=\"path\">\(Text.label($0))</span>"
        }
        .joined(separator: ", key ")
        if place.isEmpty { place = "sentence" }
        lines.append(
          "<li><p>\(index + 1). \(place): \(Text.label(sentence.reasons.joined(separator: "; ")))</p><p class=\"sentence\" \(Text.languageAttributes(locale))>\(Text.escape(sentence.text))</p></li>"
        )
      }
      lines.append("</ol>")
    }
    if !report.notes.isEmpty {
      lines.append("<h3>Notes</h3>")
      lines.append("<ul>")
      for note in report.notes { lines.append("<li>\(Text.label(note))</li>") }
      lines.append("</ul>")
    }
    lines.append("</section>")
    return lines
  }

  /// The chart of one formula per section, and the same numbers as a table.
  func sections(_ report: ReadabilityReport, id: String) -> [String] {
    guard !report.sections.isEmpty else { return [] }
    var lines: [String] = []
    guard let formula = Self.chartFormula(report) else {
      lines.append("<h3>By section</h3>")
      lines.append("<p>No formula could be computed, so there is nothing to chart.</p>")
      return lines
    }
    let scoreName = report.whole.assessment.score(formula)?.name ?? formula
    let scale = report.whole.assessment.score(formula)?.scale
    let easier = scale == .ease ? "higher is easier" : "lower is easier"
    let targets = report.targets.filter { $0.target.formula == formula }.flatMap { result in
      [
        result.target.max.map { ReadabilityChart.Line(value: $0, isMaximum: true) },
        result.target.min.map { ReadabilityChart.Line(value: $0, isMaximum: false) },
      ]
      .compactMap { $0 }
    }
    let values = report.sections.map { $0.assessment.score(formula)?.value }
    lines.append("<h3>By section: \(Text.label(scoreName))</h3>")
    let described = zip(report.sections, values).map { section, value in
      "\(section.title): \(value.map(Self.value) ?? "no score")"
    }
    let targetText =
      targets.isEmpty
      ? "no target"
      : targets.map { "target \($0.isMaximum ? "at most" : "at least") \(ReadabilityChart.number($0.value))" }.joined(
        separator: " and ")
    let chart = ReadabilityChart(
      id: "\(id)-chart", title: "\(scoreName) by section, \(name(report))",
      description:
        "\(described.joined(separator: "; ")). \(targets.isEmpty ? "No target" : "The line: \(targetText) for the whole document"); \(easier).",
      locale: report.locale, bars: zip(report.sections, values).map { .init(label: $0.title, value: $1) },
      targets: targets)
    lines.append("<figure>")
    lines.append(chart.render())
    lines.append(
      "<figcaption>\(Text.label(scoreName)) of each section (\(easier)); \(targets.isEmpty ? "no target is set for this locale, so no line is drawn" : "the dashed line is the document's \(targetText)"). The table below has the same numbers.</figcaption>"
    )
    lines.append("</figure>")
    lines.append("<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"\(id)-sections\" tabindex=\"0\">")
    lines.append("<table>")
    lines.append(
      "<caption id=\"\(id)-sections\">\(Text.label(scoreName)) by section, \(Text.label(name(report)))</caption>")
    var head =
      "<thead><tr><th scope=\"col\">Section</th><th scope=\"col\">Sentences</th><th scope=\"col\">Words</th><th scope=\"col\">\(Text.label(formula))</th><th scope=\"col\">Band</th>"
    if !targets.isEmpty { head += "<th scope=\"col\">Against the target</th>" }
    lines.append(head + "</tr></thead>")
    lines.append("<tbody>")
    for (section, value) in zip(report.sections, values) {
      let score = section.assessment.score(formula)
      var row =
        "<tr><th scope=\"row\"><span \(Text.languageAttributes(report.locale))>\(Text.escape(section.title))</span></th><td class=\"number\">\(section.statistics.sentences)</td><td class=\"number\">\(section.statistics.words)</td><td class=\"number\">\(value.map(Self.value) ?? "no score")</td><td>\(score.map(band) ?? "")</td>"
      if !targets.isEmpty {
        let meets = value.map { value in targets.allSatisfy { $0.isMaximum ? value <= $0.value : value >= $0.value } }
        row += "<td>\(meets.map { $0 ? "within" : "past the line" } ?? "")</td>"
      }
      lines.append(row + "</tr>")
    }
    lines.append("</tbody>")
    lines.append("</table>")
    lines.append("</div>")
    return lines
  }
}
