import ArgumentParser
import Foundation
import NetexportICU
import NetexportModel
import NetexportReadability
import NetexportResolution
import NetexportValidation
import NetexportWorkspace

struct ReadabilityCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "readability",
    abstract: "Score the readability of each locale's document, or of a text file.",
    discussion: """
      Scores each section and the whole with the formulas validated for the locale's language
      (docs/readability-formulas.md), lists the hardest sentences with their catalog key and
      file:line, and checks the targets in readability.yaml (docs/readability.md).
      Exit status: 0 when every target is met, 1 when one is missed or a catalog cannot be
      used, 64 for a usage error.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, html
  }

  @Option(name: .long, parsing: .singleValue, help: "A locale to score (repeatable); default: every catalog.")
  var locale: [String] = []

  @Option(name: .long, help: ArgumentHelp("Score this plain-text file instead of the document.", valueName: "file"))
  var text: String?

  @Option(name: .long, help: "The language of --text, as a BCP 47 tag.")
  var language: String?

  @Option(name: .long, help: "The report format: text, json or html (one page for a browser).")
  var report: Format = .text

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Write the report to a file ('-' for standard output) instead of standard output.", valueName: "file"))
  var output: String?

  @Option(name: .long, help: "Also require every grade-level score to be at most N.")
  var maxGrade: Double?

  @Flag(name: .long, help: "Fail when the source locale misses its own target too.")
  var strict = false

  @Option(name: .long, help: "How many of the hardest sentences to list.")
  var hardest: Int = 5

  @Option(
    name: .long,
    help: ArgumentHelp("The targets file (default: readability.yaml in the project).", valueName: "file"))
  var config: String?

  @OptionGroup var documents: DocumentOptions

  @OptionGroup var projectOptions: ProjectOptions

  func validate() throws {
    if text != nil {
      guard let language else { throw ValidationError("--text needs --language (for example --language en).") }
      guard LanguageTag(language) != nil else {
        throw ValidationError("'\(language)' is not a valid BCP 47 language tag (for example: en, es, pt-BR).")
      }
      guard locale.isEmpty else { throw ValidationError("--text scores one file; it takes no --locale.") }
    } else if language != nil {
      throw ValidationError("--language goes with --text; for catalogs use --locale.")
    }
    _ = try canonicalLocales(locale)
    try checkOutputOption(output)
    guard hardest >= 0 && hardest <= 100 else { throw ValidationError("--hardest must be between 0 and 100.") }
  }

  func run() throws {
    try reportingFailures {
      let project = Project(path: projectOptions.project)
      let configPath = config ?? project.displayPath("readability.yaml")
      let configURL = config.map { URL(fileURLWithPath: $0) } ?? project.root.appendingPathComponent("readability.yaml")
      try project.requireInside(configURL, displayPath: configPath)
      let configuration = try ReadabilityConfig.load(configURL, displayPath: configPath)
      var reports: [ReadabilityReport] = []
      if let text, let tag = language.flatMap(LanguageTag.init) {
        let url = URL(fileURLWithPath: text)
        try project.requireInside(url, displayPath: text)
        let content = try TextFile.readUTF8(url, displayPath: text)
        reports.append(
          try Readability.score(
            text: content, file: text, locale: tag, targets: configuration.targets[tag.canonical] ?? [],
            hardest: hardest))
      } else {
        let workspace = try Workspace.open(project)
        let requested = try canonicalLocales(locale)
        let run = workspace.readability(
          locales: try workspace.locales(requested) { $0.status != .pseudo },
          documents: try workspace.documents(documents.document), targets: configuration, hardest: hardest,
          explicit: !requested.isEmpty)
        reports = run.reports
        for pending in run.pending {
          Console.error(
            "note: \(pending.locale): \(pending.document) is not scored: its translation is \(pending.percent) % done")
        }
        if !run.problems.isEmpty {
          throw DiagnosticError(
            run.problems
              + [
                Diagnostic(
                  code: .readabilitySkipped, at: nil,
                  "these documents cannot be scored until their catalogs validate ('netexport validate')")
              ])
        }
      }
      if let maxGrade {
        for index in reports.indices {
          let locale = LanguageTag(reports[index].locale)!
          for score in reports[index].whole.assessment.scores where score.scale == .grade {
            reports[index].targets.append(
              Readability.check(
                ReadabilityTarget(formula: score.id, max: maxGrade), reports[index].whole.assessment, locale: locale))
          }
        }
      }
      let rendered =
        switch report {
        case .json: ReadabilityPrinter.json(reports, strict: strict)
        case .text: ReadabilityPrinter.text(reports, configPath: configPath, strict: strict)
        case .html:
          ReadabilityHTMLReport(
            reports: reports, toolVersion: Netexport.toolVersion, strict: strict, configPath: configPath
          ).render()
        }
      try writeReport(rendered, to: output, project: project)
      if reports.contains(where: { $0.fails(strict: strict) }) { throw ExitCode.failure }
    }
  }
}

/// Renders readability reports for people and tools.
enum ReadabilityPrinter {
  static func json(_ reports: [ReadabilityReport], strict: Bool) -> String {
    struct Output: Encodable {
      var passed: Bool
      var reports: [ReadabilityReport]
    }
    // "passed" follows the exit status.
    return ReportRenderer.encode(Output(passed: !reports.contains { $0.fails(strict: strict) }, reports: reports))
  }

  static func value(_ score: FormulaScore) -> String { String(format: "%.1f", score.value) }

  static func text(_ reports: [ReadabilityReport], configPath: String, strict: Bool) -> String {
    var lines: [String] = []
    for report in reports {
      let whole = report.whole.statistics
      lines.append("\(report.locale): \(report.source)")
      var counts = "  \(whole.sentences) sentences, \(whole.words) words"
      if whole.hasSyllables && whole.words > 0 {
        counts += String(format: ", %.2f syllables per word", Double(whole.syllables) / Double(whole.words))
      }
      if whole.sentences > 0 {
        counts += String(format: ", %.1f words per sentence", Double(whole.words) / Double(whole.sentences))
      }
      lines.append(counts)
      let idWidth = report.whole.assessment.scores.map(\.id.count).max() ?? 0
      for score in report.whole.assessment.scores {
        let pad = String(repeating: " ", count: idWidth - score.id.count)
        var line = "  \(score.id)\(pad)  \(value(score).leftPadded(to: 6))"
        if let band = score.band { line += "  \(band)" }
        if let note = score.note { line += " (\(note))" }
        lines.append(line)
      }
      if !report.sections.isEmpty {
        lines.append("  by section:")
        let shown = report.whole.assessment.scores.prefix(3).map(\.id)
        for section in report.sections {
          let scores = shown.compactMap { id in section.assessment.score(id).map { "\(id) \(value($0))" } }
          lines.append(
            "    \(section.id): \(section.statistics.sentences) sentences, \(section.statistics.words) words; \(scores.joined(separator: ", "))"
          )
        }
      }
      if !report.hardest.isEmpty {
        lines.append("  hardest sentences:")
        for (index, sentence) in report.hardest.enumerated() {
          let place = [sentence.location, sentence.key.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
          lines.append("    \(index + 1). \(place): \(sentence.reasons.joined(separator: "; "))")
          lines.append("       \"\(sentence.text)\"")
        }
      }
      if !report.targets.isEmpty {
        lines.append("  targets (\(configPath)):")
        for target in report.targets { lines.append("    \(target.met ? "met" : "MISSED"): \(target.message)") }
      }
      for note in report.notes { lines.append("  note: \(note)") }
      lines.append("")
    }
    let failing = reports.filter { $0.fails(strict: strict) }.map(\.locale)
    let sourceOnly = reports.filter { !$0.passed && !$0.fails(strict: strict) }.map(\.locale)
    var summary = "\(reports.count) scored; "
    summary += failing.isEmpty ? "no target missed" : "targets missed in: \(failing.joined(separator: ", "))"
    if !sourceOnly.isEmpty {
      summary +=
        "; misses reported but not failed (the source's own, or following the source's): \(sourceOnly.joined(separator: ", "))"
    }
    lines.append(summary + ".")
    return lines.joined(separator: "\n") + "\n"
  }
}

extension String {
  func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
