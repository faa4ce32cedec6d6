public import NetexportModel

/// `netexport validate --report html`: one page a coordinator opens in a browser.
///
/// An overview of how far each document's translation has come in each locale (a progress bar
/// and its percentage per catalog, shipped and draft locales marked), then, per locale and
/// catalog, the findings grouped by severity (errors, warnings, then pending work), each with
/// its code, message and `file:line:column`, and, for a finding about a message, the English
/// and the translation side by side with the line each is on.
///
/// The findings are the report's; how far each catalog has come and the texts of its messages
/// come with it when the caller has them (`progress`, `catalogs`, `sourceCatalogs`: the
/// workspace fills them in). Without them the page still lists every finding.
public struct ValidationHTMLReport: Sendable {
  public var report: ValidationReport
  public var toolVersion: String
  /// Whether warnings fail the run (`--strict`).
  public var strict: Bool
  /// How far each catalog's translation has come, by its path (`LocaleReport.file`).
  public var progress: [String: CatalogStatus]
  /// The catalogs as read, by path: where a finding's translation comes from.
  public var catalogs: [String: Catalog]
  /// The source locale's catalogs, by catalog name (`LocaleReport.catalog`: a document's id,
  /// `labels`): where a finding's English comes from.
  public var sourceCatalogs: [String: Catalog]
  /// The source locale, e.g. `en`.
  public var sourceLocale: String

  public init(
    report: ValidationReport, toolVersion: String, strict: Bool, progress: [String: CatalogStatus] = [:],
    catalogs: [String: Catalog] = [:], sourceCatalogs: [String: Catalog] = [:], sourceLocale: String = "en"
  ) {
    self.report = report
    self.toolVersion = toolVersion
    self.strict = strict
    self.progress = progress
    self.catalogs = catalogs
    self.sourceCatalogs = sourceCatalogs
    self.sourceLocale = sourceLocale
  }

  typealias Text = HTMLReportText

  /// The reports of one locale, in the report's order.
  struct LocaleGroup {
    var locale: String
    var status: String?
    var files: [LocaleReport]
  }

  var groups: [LocaleGroup] {
    var groups: [LocaleGroup] = []
    for file in report.locales {
      if let index = groups.firstIndex(where: { $0.locale == file.locale }) {
        groups[index].files.append(file)
      } else {
        groups.append(
          LocaleGroup(locale: file.locale, status: file.localeStatus ?? (file.isSource ? "source" : nil), files: [file])
        )
      }
    }
    return groups
  }

  /// The page.
  public func render() -> String {
    let groups = self.groups
    var body: [String] = []
    let passed = report.passes(strict: strict)
    body.append("<header>")
    body.append("<h1>Translation check</h1>")
    body.append(
      "<p>\(Text.count(report.locales.count, "catalog")) in \(Text.count(groups.count, "locale")): \(Text.count(report.errorCount, "error")), \(Text.count(report.warningCount, "warning")), \(report.pendingCount) pending; <span class=\"verdict-\(passed ? "passed" : "failed")\">\(passed ? "passed" : "failed")</span>\(strict ? " (--strict: warnings fail too, and shipped locales must be complete)" : "").</p>"
    )
    body.append(
      "<p class=\"meta\">netexport \(Text.escape(toolVersion)) validate. Pending work (a message not translated yet or waiting for review) is not a mistake; a draft locale's findings are reported but do not fail a run over the whole project.</p>"
    )
    body.append("</header>")
    body.append("<main>")
    body += overview(groups)
    for (index, group) in groups.enumerated() { body += section(group, index: index) }
    body.append("</main>")
    return HTMLReportPage(title: "netexport: translation check", body: body.joined(separator: "\n")).render()
  }

  // MARK: Overview

  /// The catalog names with messages (documents and labels), in the order first seen.
  func messageCatalogs(_ groups: [LocaleGroup]) -> [String] {
    var names: [String] = []
    for file in groups.flatMap(\.files) where file.catalog != "glossary" {
      let name = file.catalog ?? "catalog"
      if !names.contains(name) { names.append(name) }
    }
    return names
  }

  func overview(_ groups: [LocaleGroup]) -> [String] {
    let names = messageCatalogs(groups)
    var lines: [String] = []
    lines.append("<section aria-labelledby=\"overview\">")
    lines.append("<h2 id=\"overview\">Overview</h2>")
    lines.append(
      "<p>Messages ready to export (translated from the current English), per locale and document; the bars show the same numbers as the percentages.</p>"
    )
    lines.append("<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"overview-caption\" tabindex=\"0\">")
    lines.append("<table>")
    lines.append("<caption id=\"overview-caption\">Translation progress and findings by locale</caption>")
    lines.append(
      "<thead><tr><th scope=\"col\">Locale</th>"
        + names.map { "<th scope=\"col\">\(Text.label($0))</th>" }.joined()
        + "<th scope=\"col\">Findings</th></tr></thead>")
    lines.append("<tbody>")
    for (index, group) in groups.enumerated() {
      var row =
        "<tr><th scope=\"row\"><a href=\"#locale-\(index)\">\(Text.label(Text.localeName(group.locale)))</a>\(statusBadge(group.status))</th>"
      for name in names {
        guard let file = group.files.first(where: { ($0.catalog ?? "catalog") == name }) else {
          row += "<td>not checked</td>"
          continue
        }
        row += "<td>\(progressCell(file))</td>"
      }
      let all = group.files.flatMap(\.findings)
      row += "<td>\(findingCounts(all) ?? "none")</td></tr>"
      lines.append(row)
    }
    lines.append("</tbody>")
    lines.append("</table>")
    lines.append("</div>")
    lines.append("</section>")
    return lines
  }

  func statusBadge(_ status: String?) -> String {
    guard let status else { return "" }
    return " <span class=\"status\">\(Text.label(status))</span>"
  }

  /// A progress bar with its percentage; the bar is hidden from screen readers, which read
  /// the same numbers as text.
  func progressCell(_ file: LocaleReport) -> String {
    guard let status = progress[file.file] else {
      return findingCounts(file.findings) ?? "no problems"
    }
    var cell =
      "<progress max=\"\(max(status.total, 1))\" value=\"\(status.total == 0 ? 1 : status.translated)\" aria-hidden=\"true\"></progress>"
    cell += "\(status.percentComplete) %<br><span class=\"meta\">\(status.translated) of \(status.total)</span>"
    if let counts = findingCounts(file.findings.filter { $0.severity != .pending }) {
      cell += "<br>\(counts)"
    }
    return cell
  }

  /// "1 error, 2 warnings, 3 pending", leaving out what is zero; `nil` when all are.
  func findingCounts(_ findings: [Diagnostic]) -> String? {
    let errors = findings.count { $0.severity == .error }
    let warnings = findings.count { $0.severity == .warning }
    let pending = findings.count { $0.severity == .pending }
    let parts = [
      errors > 0 ? Text.count(errors, "error") : nil, warnings > 0 ? Text.count(warnings, "warning") : nil,
      pending > 0 ? "\(pending) pending" : nil,
    ].compactMap { $0 }
    return parts.isEmpty ? nil : parts.joined(separator: ", ")
  }

  // MARK: Per locale

  func section(_ group: LocaleGroup, index: Int) -> [String] {
    var lines: [String] = []
    let id = "locale-\(index)"
    lines.append("<section aria-labelledby=\"\(id)\">")
    lines.append("<h2 id=\"\(id)\">\(Text.label(Text.localeName(group.locale)))\(statusBadge(group.status))</h2>")
    let all = group.files.flatMap(\.findings)
    var summary = "\(Text.count(group.files.count, "catalog")): \(findingCounts(all) ?? "no problems")."
    if let file = group.files.first {
      if file.isSource {
        summary += " The source: what every translation is checked against."
      } else if !file.counted {
        summary +=
          " Reported only: a \(Text.label(group.status ?? "draft")) locale does not fail a run over the whole project."
      } else if file.requiresComplete {
        summary += " Shipped: errors fail the run, and with --strict so do warnings and pending work."
      }
    }
    lines.append("<p>\(summary)</p>")
    for (fileIndex, file) in group.files.enumerated() {
      lines += catalogSection(file, id: "\(id)-\(fileIndex)")
    }
    lines.append("</section>")
    return lines
  }

  func catalogSection(_ file: LocaleReport, id: String) -> [String] {
    var lines: [String] = []
    // Not a landmark: every locale has a section of this name, and landmarks must differ.
    lines.append("<section>")
    lines.append("<h3 id=\"\(id)\">\(Text.label(file.catalog ?? "catalog"))</h3>")
    lines.append("<p class=\"path\">\(Text.label(file.file))</p>")
    if let status = progress[file.file], file.catalog != "glossary" {
      let parts = [
        "\(status.translated) ready", status.errors > 0 ? "\(status.errors) with a mistake to fix" : nil,
        status.needsReview > 0 ? "\(status.needsReview) waiting for review" : nil,
        status.stale > 0 ? "\(status.stale) made from an English text that has changed" : nil,
        status.missing > 0 ? "\(status.missing) not translated" : nil,
      ].compactMap { $0 }
      lines.append(
        "<p><progress max=\"\(max(status.total, 1))\" value=\"\(status.total == 0 ? 1 : status.translated)\" aria-hidden=\"true\"></progress>\(status.percentComplete) % of \(Text.count(status.total, "message")): \(parts.joined(separator: ", ")).</p>"
      )
    }
    if file.findings.isEmpty {
      lines.append("<p>No problems.</p>")
    }
    for severity in [Diagnostic.Severity.error, .warning, .pending] {
      let findings = file.findings.filter { $0.severity == severity }
      guard !findings.isEmpty else { continue }
      let title =
        switch severity {
        case .error: "Errors"
        case .warning: "Warnings"
        case .pending: "Pending"
        }
      lines.append("<h4>\(title) (\(findings.count))</h4>")
      let items = ["<ol class=\"findings\">"] + findings.map { finding(_: $0, in: file) } + ["</ol>"]
      if severity == .pending {
        // Pending work can be every message of a new locale: folded, so errors stay in view.
        lines.append(
          "<details><summary>Show the \(Text.count(findings.count, "pending message"))</summary>")
        lines += items
        lines.append("</details>")
      } else {
        lines += items
      }
    }
    lines.append("</section>")
    return lines
  }

  // MARK: A finding

  func finding(_ finding: Diagnostic, in file: LocaleReport) -> String {
    let severity =
      switch finding.severity {
      case .error: "Error"
      case .warning: "Warning"
      case .pending: "Pending"
      }
    var head = "<span class=\"severity\">\(severity)</span> <code>\(Text.label(finding.code))</code>"
    if let location = finding.location { head += " at <span class=\"path\">\(Text.label(location.description))</span>" }
    if let key = finding.key { head += ", key <code>\(Text.label(key))</code>" }
    var item = "<li class=\"finding \(finding.severity.rawValue)\">"
    item += "<p>\(head)</p>"
    item += "<p class=\"message\">\(Text.label(finding.message))</p>"
    if let key = finding.key, let pair = pair(key: key, in: file) { item += pair }
    return item + "</li>"
  }

  /// The English and the translation of a message, side by side: each with its locale, its
  /// `file:line`, and its text in its own language and direction.
  func pair(key: String, in file: LocaleReport) -> String? {
    guard file.catalog != "glossary" else { return nil }
    let sourceCatalog = file.isSource ? catalogs[file.file] : file.catalog.flatMap { sourceCatalogs[$0] }
    let source = sourceCatalog?[key]
    let target = file.isSource ? nil : catalogs[file.file]?[key]
    guard source != nil || target != nil else { return nil }
    var sides: [String] = []
    let sourceLocale = file.isSource ? file.locale : self.sourceLocale
    sides.append(side(source, locale: sourceLocale, path: sourceCatalog?.file, missing: "not in the source catalog"))
    if !file.isSource {
      sides.append(side(target, locale: file.locale, path: catalogs[file.file]?.file, missing: "not in the catalog"))
      if let target, let previous = target.previousSource, previous != source?.text {
        sides.append(
          "<div><dt>The English it was translated from</dt><dd \(Text.languageAttributes(sourceLocale))>\(Text.escape(previous))</dd></div>"
        )
      }
    }
    return "<dl class=\"pair\">" + sides.joined() + "</dl>"
  }

  func side(_ entry: CatalogEntry?, locale: String, path: String?, missing: String) -> String {
    var term = Text.label(Text.localeName(locale))
    if let entry, let path {
      let line = entry.textLocation.line.map { ":\($0)" } ?? ""
      term += ", <span class=\"path\">\(Text.label(path + line))</span>"
      if let state = entry.state { term += ", \(Text.label(state.rawValue))" }
    }
    let description: String
    if let entry, !entry.text.isEmpty {
      description = "<dd \(Text.languageAttributes(locale))>\(Text.escape(entry.text))</dd>"
    } else {
      description = "<dd class=\"empty\">\(entry == nil ? missing : "no text yet")</dd>"
    }
    return "<div><dt>\(term)</dt>\(description)</div>"
  }
}
