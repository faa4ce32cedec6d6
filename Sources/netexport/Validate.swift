import ArgumentParser
import Foundation
import NetexportICU
import NetexportModel
import NetexportValidation
import NetexportWorkspace

struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check every catalog of the project against the source and the documents.",
    discussion: """
      Checks completeness, staleness, ICU message syntax, arguments and plural categories,
      text hygiene and terminology, for every document in every locale; docs/validation.md
      lists every finding code. Work not done yet (a message not translated or waiting for
      review) is 'pending', not an error.
      Exit status: 0 when no catalog that counts has errors, 1 when one has, 64 for a usage
      error. Shipped locales count, and any locale named with --locale; a draft's findings
      are reported but do not fail a run over the whole project. With --strict, warnings fail
      too, and every shipped locale must be complete (no pending message).
      """
  )

  @Option(
    name: .long, parsing: .singleValue,
    help: "A locale to check (repeatable); default: every locale of the project, the source's included.")
  var locale: [String] = []

  @OptionGroup var documents: DocumentOptions

  @Option(name: .long, help: "The report format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var report: ReportFormat = .text

  @Flag(name: .long, help: "Fail on warnings too, and on pending work in a shipped locale.")
  var strict = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Write the report to a file ('-' for standard output) instead of standard output.", valueName: "file"))
  var output: String?

  @OptionGroup var projectOptions: ProjectOptions

  func validate() throws {
    _ = try canonicalLocales(locale)
    try checkOutputOption(output)
  }

  func run() throws {
    try reportingFailures {
      let workspace = try projectOptions.workspace()
      let requested = try canonicalLocales(locale)
      let locales = try workspace.locales(requested)
      let chosen = try workspace.documents(documents.document)
      // The HTML page shows the catalogs' texts and progress beside the findings, which the
      // workspace's checks then keep; the other formats need the findings only, so each
      // catalog is let go once it is checked.
      let checks = workspace.check(locales, documents: chosen, keepCatalogs: report == .html)
      let result = workspace.validationReport(checks, named: Set(requested))
      let rendered =
        report == .html
        ? workspace.validationHTMLReport(checks, report: result, toolVersion: Netexport.toolVersion, strict: strict)
          .render()
        : ReportRenderer(toolVersion: Netexport.toolVersion, strict: strict).render(result, as: report)
      try writeReport(rendered, to: output, project: workspace.project)
      if !result.passes(strict: strict) { throw ExitCode.failure }
    }
  }
}
