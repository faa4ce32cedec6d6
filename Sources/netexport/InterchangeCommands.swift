import ArgumentParser
import Foundation
import NetexportICU
import NetexportModel
import NetexportWorkspace

extension InterchangeFormat: ExpressibleByArgument {}

/// `netexport catalog export|import`: catalogs to and from the files CAT tools read.
struct CatalogCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "catalog",
    abstract: "Exchange catalogs with CAT tools (Poedit, OmegaT, memoQ, Trados, Weblate) as PO or XLIFF 2.0 files.",
    discussion: "See docs/cat-tools.md for a translator's path through Poedit or OmegaT.",
    subcommands: [CatalogExport.self, CatalogImport.self]
  )
}

struct CatalogExport: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write a locale's catalogs as a PO or XLIFF 2.0 file for a translator's CAT tool.",
    discussion: """
      One message per entry: the key, the English, the translation, the note for translators,
      the state (needs-review with the English it was made from) and where the entry lives.
      ICU messages stay whole. A PO file holds one catalog (--document ID, or --document labels);
      an XLIFF file holds the catalogs named, or every document's and the labels, one <file>
      each. Default output: Interchange/<catalog>.<locale>.po or .xlf for one catalog,
      Interchange/<locale>.xlf for several; '--output -' writes to standard output. The
      catalogs must be up to date with the English: run 'netexport update' first.
      """
  )

  @Option(name: .long, help: "The locale to export (es, pt-BR).")
  var locale: String

  @Option(
    name: .long, parsing: .singleValue,
    help: ArgumentHelp(
      "A document's catalog to export, by id, or 'labels' (repeatable); default: every one (XLIFF only).",
      valueName: "id"))
  var document: [String] = []

  @Option(name: .long, help: "po or xliff.")
  var format: InterchangeFormat

  @Option(name: .long, help: ArgumentHelp("Where to write ('-' for standard output).", valueName: "file"))
  var output: String?

  @OptionGroup var projectOptions: ProjectOptions

  func validate() throws {
    _ = try canonicalLocales([locale])
    try checkOutputOption(output)
    for id in document where id != CatalogFile.labels.name && !DocumentID.isValid(id) {
      throw ValidationError("'\(id)' is not a document id (\(DocumentID.rule)) nor 'labels'.")
    }
    if format == .po && document.count != 1 {
      throw ValidationError(
        "A PO file holds one catalog: name it with --document ID (a document's id, or 'labels'), or use --format xliff."
      )
    }
  }

  func run() throws {
    try reportingFailures {
      let workspace = try projectOptions.workspace()
      let chosen = try workspace.locales(try canonicalLocales([locale]))
      let files = try workspace.interchangeFiles(document)
      let text = try workspace.exportInterchange(chosen[0], files: files, format: format)
      let path =
        output
        ?? workspace.project.displayPath(workspace.interchangePath(locale: chosen[0], files: files, format: format))
      if path == "-" {
        try Console.write(text)
        return
      }
      let url =
        output.map { URL(fileURLWithPath: $0) }
        ?? workspace.project.root.appendingPathComponent(
          workspace.interchangePath(locale: chosen[0], files: files, format: format))
      try workspace.project.requireInside(url, displayPath: path)
      try TextFile.writeAtomically(text, to: url, displayPath: path, createFolders: output == nil)
      try Console.line(path)
    }
  }
}

struct CatalogImport: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Apply the translations of PO or XLIFF files a translator sends back.",
    discussion: """
      Each file goes into the catalogs it was exported from, edited in place (order, comments
      and layout kept). Every text is checked with the full validation first: an entry with
      errors is rejected (reported, not applied); an entry whose English changed since the
      export arrives as needs-review; an empty translation never replaces one. A file that
      does not parse, or is for a locale or catalog the project does not have, is refused,
      naming file:line, and nothing of it is applied. Each entry is reported as updated,
      unchanged, conflict or rejected. Exit status 1 when a file was refused or an entry
      rejected.
      """
  )

  @ArgumentParser.Argument(help: ArgumentHelp("The PO or XLIFF files.", valueName: "file"))
  var files: [String]

  @Flag(name: .long, help: "Show what would change without writing anything.")
  var dryRun = false

  @OptionGroup var projectOptions: ProjectOptions

  func validate() throws {
    guard !files.isEmpty else { throw ValidationError("Please name the PO or XLIFF files to import.") }
  }

  func run() throws {
    try reportingFailures {
      let workspace = try projectOptions.workspace()
      var failed = false
      for file in files {
        do {
          let result = try workspace.importInterchange(
            URL(fileURLWithPath: file), displayPath: file, dryRun: dryRun)
          try Console.line(Self.summary(result, dryRun: dryRun))
          for warning in result.warnings { Console.error(warning.printableDescription) }
          if result.hasRejections { failed = true }
        } catch let error as DiagnosticError {
          report(error)
          Console.error("\(file): refused; nothing of it was applied")
          failed = true
        }
      }
      if failed { throw ExitCode.failure }
    }
  }

  static func summary(_ result: InterchangeImport, dryRun: Bool) -> String {
    var lines: [String] = []
    for catalog in result.catalogs {
      let counts = InterchangeImport.Outcome.Kind.allCases.compactMap { kind -> String? in
        let count = catalog.count(kind)
        return count == 0 ? nil : "\(count) \(kind.rawValue)"
      }
      let written =
        !catalog.changed ? " (nothing to write)" : dryRun ? " (dry run: not written)" : ""
      lines.append(
        "\(result.path) -> \(catalog.path): \(counts.joined(separator: ", "))\(written)")
      for outcome in catalog.outcomes {
        var line = "  \(outcome.kind.rawValue): \(outcome.key)"
        if let reason = outcome.reason {
          line += outcome.kind == .rejected ? ": \(outcome.location): \(reason)" : ": \(reason)"
        }
        lines.append(PrintableText.escape(line))
        for note in outcome.notes { lines.append(PrintableText.escape("    \(note)")) }
      }
    }
    return lines.joined(separator: "\n")
  }
}
