import ArgumentParser
import Foundation
import NetexportICU
import NetexportModel
import NetexportValidation

extension ReportFormat: ExpressibleByArgument {}

/// Options every catalog command shares.
struct ProjectOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("The folder holding Locales/ and Exports/.", valueName: "dir"))
  var project: String = "."

  @Option(
    name: .long, help: ArgumentHelp("Use another document (YAML) instead of the bundled one.", valueName: "file"))
  var content: String?

  func load() throws -> (Project, Document) {
    let project = Project(path: project)
    return (project, try loadDocument(content, project: project))
  }
}

/// The document named by `--content`, or the bundled one.
func loadDocument(_ content: String?, project: Project) throws -> Document {
  guard let content else { return try Document.bundledDefault() }
  let url = URL(fileURLWithPath: content)
  try project.requireInside(url, displayPath: content)
  return try Document.load(url, displayPath: content)
}

/// Checks an `--output` value before anything runs: an empty one is a usage error (64),
/// not the current folder (which `URL(fileURLWithPath: "")` would make of it).
func checkOutputOption(_ output: String?) throws {
  if output?.isEmpty == true { throw ValidationError("--output needs a file name, or '-' for standard output.") }
}

/// Checks `--locale` values before anything runs: a malformed tag is a usage error (64).
func canonicalLocales(_ requested: [String]) throws -> [String] {
  try requested.map { value in
    guard let tag = LanguageTag(value) else {
      throw ValidationError("'\(value)' is not a valid BCP 47 language tag (for example: en, es, pt-BR, zh-Hans).")
    }
    return tag.canonical
  }
}

struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check catalogs against the source catalog and the document.",
    discussion: """
      Checks completeness, staleness, ICU message syntax, arguments and plural categories,
      text hygiene and terminology; docs/validation.md lists every finding code.
      Exit status: 0 when there are no errors (with --strict, no warnings either), 1 when
      there are, 64 for a usage error.
      """
  )

  @Option(
    name: .long, parsing: .singleValue,
    help: "A locale to check (repeatable); default: every catalog in Locales/, the source's included.")
  var locale: [String] = []

  @Option(name: .long, help: "The report format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var report: ReportFormat = .text

  @Flag(name: .long, help: "Fail on warnings too.")
  var strict = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Write the report to a file instead of standard output ('-' for standard output).", valueName: "file"))
  var output: String?

  @OptionGroup var projectOptions: ProjectOptions

  func validate() throws {
    _ = try canonicalLocales(locale)
    try checkOutputOption(output)
  }

  func run() throws {
    try reportingFailures {
      let (project, document) = try projectOptions.load()
      let requested = try canonicalLocales(locale)
      for tag in requested { _ = try project.locale(tag) }
      let validator = try Validator.forProject(project, document: document)
      let result = try validator.validate(project: project, locales: requested.isEmpty ? nil : requested)
      let rendered = ReportRenderer(toolVersion: Netexport.toolVersion, strict: strict).render(result, as: report)
      if let output, output != "-" {
        let url = URL(fileURLWithPath: output)
        try project.requireInside(url, displayPath: output)
        try TextFile.writeAtomically(rendered, to: url, displayPath: output)
      } else {
        try Console.write(rendered)
      }
      if !result.passes(strict: strict) { throw ExitCode.failure }
    }
  }
}
