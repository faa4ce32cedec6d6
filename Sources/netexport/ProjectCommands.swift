import ArgumentParser
import Foundation
import NetexportICU
import NetexportImport
import NetexportModel
import NetexportWorkspace

struct New: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Create a new, empty project.",
    discussion: """
      Writes netexport.yaml (the manifest), Locales/<source>/labels.yaml (the words every
      export adds, such as the page counter), Locales/<source>/glossary.yaml, and empty
      Documents/ and Exports/ folders. Then add documents with 'netexport import FILE.md' and
      locales with 'netexport init --locale ID'.
      """
  )

  @ArgumentParser.Argument(help: ArgumentHelp("The folder to create the project in (new, or empty).", valueName: "dir"))
  var folder: String

  @Option(name: .long, help: "The language the documents are written in, as a BCP 47 tag.")
  var sourceLocale: String = "en"

  func validate() throws {
    guard !folder.isEmpty else { throw ValidationError("Please name the folder for the new project.") }
    _ = try canonicalLocales([sourceLocale])
  }

  func run() throws {
    try reportingFailures {
      guard let tag = LanguageTag(sourceLocale) else { throw ExitCode.validationFailure }
      for path in try Workspace.create(Project(path: folder), sourceLocale: tag) { try Console.line(path) }
      if tag.language != "en" {
        Console.error(
          "note: write the labels in \(tag.displayName(in: LanguageTag("en")!)) in \(Project(path: folder).catalogDisplayPath(tag.canonical, .labels)) (each has its English in 'note')"
        )
      }
    }
  }
}

struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Import a Markdown file as a document of the project, or import it again after an edit.",
    discussion: """
      Reads CommonMark with YAML front matter (docs/markdown-import.md) and writes
      Documents/<id>.yaml and the source catalog Locales/<source>/<id>.yaml. Importing the same
      document again keeps the keys of unchanged and edited blocks, so translations stay with
      their text; then every target locale is updated: edited messages are marked
      needs-review, removed ones go to 'obsolete', new ones are added to translate. What
      netexport cannot show (tables, images, HTML, code, ...) is an error naming
      file:line:column, and nothing is written.
      """
  )

  @ArgumentParser.Argument(help: ArgumentHelp("The Markdown file.", valueName: "file.md"))
  var file: String

  @Option(name: .long, help: "The document's id (default: the front matter's 'id', or one made from the file name).")
  var id: String?

  @Flag(name: .long, help: "Show what the import would do without writing anything.")
  var dryRun = false

  @OptionGroup var projectOptions: ProjectOptions

  func validate() throws {
    if let id, !DocumentID.isValid(id) { throw ValidationError("'\(id)' is not a document id (\(DocumentID.rule)).") }
  }

  func run() throws {
    try reportingFailures {
      let workspace = try projectOptions.workspace()
      let run = try workspace.importMarkdown(
        URL(fileURLWithPath: file), path: file, id: id, dryRun: dryRun)
      for warning in run.imported.warnings { Console.error(warning.description) }
      let notWritten = dryRun ? " (dry run: not written)" : ""
      let document = run.imported.document
      if let report = run.reimport {
        try Console.line(
          "\(document.id): \(report.unchanged.count) unchanged, \(report.edited.count) edited, \(report.added.count) added, \(report.removed.count) removed\(notWritten)"
        )
        for edit in report.edited { try Console.line("  edited: \(edit.key)") }
        for message in report.added { try Console.line("  added: \(message.key)") }
        for removal in report.removed { try Console.line("  removed: \(removal.key)") }
      } else {
        let messages = run.imported.messages.count
        let sections = document.sections.count
        try Console.line(
          "\(document.id): \(messages) message\(messages == 1 ? "" : "s") in \(sections) section\(sections == 1 ? "" : "s")\(notWritten)"
        )
      }
      for path in run.written { try Console.line("\(path)\(notWritten)") }
      for change in run.updates.changes { try Console.line(Update.summary(change, dryRun: false)) }
      for note in run.updates.notes { Console.error(note) }
      if !run.updates.problems.isEmpty { throw DiagnosticError(run.updates.problems) }
    }
  }
}
