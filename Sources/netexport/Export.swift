import ArgumentParser
import Foundation
import NetexportExporters
import NetexportICU
import NetexportModel

extension ExportFormat: ExpressibleByArgument {
  public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension Paper: ExpressibleByArgument {
  public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write the document in one locale and format, or in all of them.",
    discussion: """
      By default the export goes to Exports/<locale>/<document>.<ext> inside the project, and
      its path is printed. Exports are written atomically: a failed run leaves no partial file.
      """
  )

  @Option(name: .long, help: "The locale to export, as a BCP 47 tag (en, es, pt-BR, zh-Hans).")
  var locale: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The output format: \(ExportFormat.allValueStrings.joined(separator: ", ")) (default: plain-text; with --all, every committed format).",
      valueName: "format"))
  var format: ExportFormat?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The paper of printed handouts: \(Paper.allValueStrings.joined(separator: " or ")) (default: the one used in the locale's region).",
      valueName: "paper"))
  var paper: Paper?

  @Option(name: .long, help: ArgumentHelp("Where to write the export ('-' for standard output).", valueName: "file"))
  var output: String?

  @Option(name: .long, help: ArgumentHelp("The folder holding Locales/ and Exports/.", valueName: "dir"))
  var project: String = "."

  @Option(
    name: .long, help: ArgumentHelp("Export another document (YAML) instead of the bundled one.", valueName: "file"))
  var content: String?

  @Option(name: .long, help: "The widest line of text formats, in columns.")
  var width: Int = 72

  @Flag(name: .long, help: "Export every locale in every committed format (or in the --format given).")
  var all = false

  @Flag(
    name: .long,
    help: "With --all: write nothing; fail if any file in Exports/ differs from what netexport would write now.")
  var check = false

  @Flag(
    name: .long,
    help:
      "Export a locale whose catalog has errors, taking those messages from the source locale (and saying how many)."
  )
  var allowIncomplete = false

  func validate() throws {
    if all {
      guard locale == nil, output == nil else {
        throw ValidationError("--all exports every locale to Exports/; it takes neither --locale nor --output.")
      }
      if check, format != nil {
        throw ValidationError("--check compares every committed export (PDFs are not committed); it takes no --format.")
      }
    } else {
      guard let locale else {
        throw ValidationError("Please give --locale (for example --locale en), or --all for every locale.")
      }
      guard LanguageTag(locale) != nil else {
        throw ValidationError(
          "'\(locale)' is not a valid BCP 47 language tag (for example: en, es, pt-BR, zh-Hans).")
      }
      guard !check else {
        throw ValidationError("--check compares every committed export; use it with --all.")
      }
    }
    try checkOutputOption(output)
    guard ExportOptions.widthRange.contains(width) else {
      throw ValidationError(
        "--width must be between \(ExportOptions.widthRange.lowerBound) and \(ExportOptions.widthRange.upperBound).")
    }
  }

  func run() throws {
    let started = Date()
    try reportingFailures {
      let project = Project(path: project)
      let document = try loadDocument(content, project: project)
      let options = ExportOptions(width: width, paper: paper)
      if all {
        // Pseudo-locales are generated for testing ('netexport pseudo'), not shipped.
        let locales = try project.availableLocales().filter { !PseudoLocalizer.locales.contains($0) }
          .map { try project.locale($0) }
        guard !locales.isEmpty else {
          throw DiagnosticError(
            Diagnostic(
              code: "no-catalogs", at: SourceLocation(file: project.displayPath("Locales/")),
              "there are no catalogs (Locales/<locale>.yaml) to export"))
        }
        let result = try ExportRunner.render(
          document, project: project, locales: locales, formats: format.map { [$0] } ?? ExportFormat.committed,
          options: options,
          allowIncomplete: allowIncomplete)
        printNotes(result.notes)
        if check {
          let problems = try ExportRunner.check(result.exports, project: project, documentID: document.id)
          guard problems.isEmpty else {
            throw DiagnosticError(
              problems
                + [
                  Diagnostic(
                    code: "exports-out-of-date", at: SourceLocation(file: project.displayPath("Exports/")),
                    "\(problems.count) of the committed exports \(problems.count == 1 ? "is" : "are") not what netexport writes now; run 'netexport --all' and commit the result"
                  )
                ])
          }
          try Console.line("\(result.exports.count) exports in \(project.displayPath("Exports/")) are up to date.")
          return
        }
        try write(result.exports, project: project, started: started)
        return
      }
      let tag = try project.locale(locale ?? "")
      let result = try ExportRunner.render(
        document, project: project, locales: [tag], formats: [format ?? .plainText], options: options,
        allowIncomplete: allowIncomplete)
      printNotes(result.notes)
      let exports = result.exports
      switch output {
      case "-":
        try Console.write(exports[0].contents.data)
      case let path?:
        let url = URL(fileURLWithPath: path)
        try project.requireInside(url, displayPath: path)
        try TextFile.writeAtomically(exports[0].contents.data, to: url, displayPath: path)
        // The path is printed as where the export went, except into the output itself.
        if !TextFile.isStandardOutput(url) { try Console.line(path) }
      case nil:
        try write(exports, project: project, started: started)
      }
    }
  }

  /// Writes exports to their places, first removing what an interrupted run left there.
  private func write(_ exports: [RenderedExport], project: Project, started: Date) throws {
    for path in ExportRunner.removeLeftovers(for: exports, project: project, olderThan: started) {
      Console.error("note: removed \(path), a temporary file left by an interrupted netexport run")
    }
    for path in try ExportRunner.write(exports, project: project) { try Console.line(path) }
  }

  private func printNotes(_ notes: [String]) {
    for note in notes { Console.error(note) }
  }
}
