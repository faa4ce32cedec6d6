import ArgumentParser
import Foundation
import NetexportAudio
import NetexportExporters
import NetexportICU
import NetexportModel
import NetexportWorkspace

extension ExportFormat: ExpressibleByArgument {
  public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension Paper: ExpressibleByArgument {
  public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension AudioFormat: ExpressibleByArgument {
  public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write documents in one locale and format, or in every shipped locale and format.",
    discussion: """
      By default each export goes to Exports/<locale>/<document>.<ext> inside the project, and
      its path is printed. A document is exported in a locale when its translation there is
      complete and valid; one still being translated is reported as pending (with how far it
      has come) and not exported, which is not a failure unless you named it with --document.
      --all exports every document in the source locale and every shipped locale (drafts and
      pseudo-locales are left out); its exit status says only whether something that should
      have exported failed. Exports are written atomically, all or none.

      --format audio speaks the document with espeak-ng into an audio file with a chapter per
      part (Opus, or MP3 or M4B with --audio-format); it needs espeak-ng and opus-tools or
      ffmpeg. A locale no offline voice speaks usably (Chinese) is refused; with --all it is
      skipped with a note.
      """
  )

  @Option(name: .long, help: "The locale to export, as a BCP 47 tag (en, es, pt-BR, zh-Hans).")
  var locale: String?

  @OptionGroup var documents: DocumentOptions

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The output format: \(ExportFormat.allValueStrings.joined(separator: ", ")) (default: plain-text; with --all, every committed format).",
      valueName: "format"))
  var format: ExportFormat?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "With --format audio, the kind of audio file: \(AudioFormat.allValueStrings.joined(separator: ", ")) (default: opus).",
      valueName: "kind"))
  var audioFormat: AudioFormat?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The paper of printed handouts: \(Paper.allValueStrings.joined(separator: " or ")) (default: the manifest's, else the one used in the locale's region).",
      valueName: "paper"))
  var paper: Paper?

  @Option(
    name: .long,
    help: ArgumentHelp("Where to write the export ('-' for standard output); needs one document.", valueName: "file"))
  var output: String?

  @OptionGroup var projectOptions: ProjectOptions

  @Option(name: .long, help: "The widest line of text formats, in columns.")
  var width: Int = 72

  @Flag(
    name: .long,
    help: "Export every document in every shipped locale, in every committed format (or in the --format given).")
  var all = false

  @Flag(
    name: .long,
    help: "With --all: write nothing; fail if any file in Exports/ differs from what netexport would write now.")
  var check = false

  @Flag(
    name: .long,
    help:
      "Export a document whose translation is not finished or has errors in single messages, taking those messages from the source locale (and saying how many)."
  )
  var allowIncomplete = false

  func validate() throws {
    if all {
      guard locale == nil, output == nil else {
        throw ValidationError("--all exports every shipped locale to Exports/; it takes neither --locale nor --output.")
      }
      if check, format != nil {
        throw ValidationError(
          "--check compares every committed export (PDFs and audio files are not committed); it takes no --format.")
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
    if audioFormat != nil, format != .audio {
      throw ValidationError("--audio-format chooses the kind of audio file; use it with --format audio.")
    }
    if format == .audio, output == "-" {
      throw ValidationError(
        "--format audio writes a file, not standard output; give --output a file name, or leave it out to write Exports/<locale>/<document>.\((audioFormat ?? .opus).fileExtension)."
      )
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
      let workspace = try projectOptions.workspace()
      let project = workspace.project
      let manifest = workspace.manifest
      let options = ExportOptions(
        width: width, paper: paper ?? manifest.paper, organization: manifest.organization.name,
        contact: manifest.organization.contact, audioFormat: audioFormat ?? .opus)
      let chosen = try workspace.documents(documents.document)
      let named = !documents.document.isEmpty
      let noDocuments = "the project has no documents yet; add one with 'netexport import FILE.md'"
      // --all fails only when something that should export fails: a new project, with
      // nothing to export yet, passes (its CI runs --all --check from the first commit).
      if chosen.isEmpty && all { Console.error("note: \(noDocuments)") }
      guard !chosen.isEmpty || all else {
        throw DiagnosticError(
          Diagnostic(code: .noDocuments, at: SourceLocation(file: project.displayPath("Documents/")), noDocuments))
      }
      if all {
        let locales = try workspace.locales().filter(\.isShipped)
        let plan = workspace.render(
          locales: locales, documents: chosen, formats: format.map { [$0] } ?? ExportFormat.committed, options: options,
          explicit: named, allowIncomplete: allowIncomplete, skippingLocalesWithoutVoice: true)
        printNotes(plan.notes + plan.warnings.map(\.summary))
        for pending in plan.pending { Console.error(Self.describe(pending)) }
        if plan.failed { throw DiagnosticError(plan.problems) }
        if check {
          let kept = Set(
            plan.pending.flatMap { pending in
              ExportFormat.committed.map {
                Project.exportPath(locale: pending.locale, document: pending.document, fileExtension: $0.fileExtension)
              }
            })
          let result = try ExportRunner.check(plan.exports, project: project, kept: kept)
          printNotes(result.notes)
          guard result.problems.isEmpty else {
            let count = result.problems.count
            throw DiagnosticError(
              result.problems
                + [
                  Diagnostic(
                    code: .exportsOutOfDate, at: SourceLocation(file: project.displayPath("Exports/")),
                    "\(count) of the committed exports \(count == 1 ? "is" : "are") not what netexport writes now; run 'netexport --all' and commit the result"
                  )
                ])
          }
          try Console.line("\(plan.exports.count) exports in \(project.displayPath("Exports/")) are up to date.")
          return
        }
        try write(plan.exports, project: project, started: started)
        return
      }
      let requested = try canonicalLocales([locale ?? ""])
      let locales = try workspace.locales(requested)
      if let status = locales.first?.status, status == .draft || status == .unlisted {
        Console.error("note: \(locales[0]) is a draft: exported because you asked for it; --all leaves it out")
      }
      if output != nil && chosen.count != 1 {
        throw DiagnosticError(
          Diagnostic(
            code: .oneDocument, at: nil,
            "--output writes one export, and the project has \(chosen.count) documents (\(chosen.map(\.id).joined(separator: ", "))); name one with --document ID"
          ))
      }
      let plan = workspace.render(
        locales: locales, documents: chosen, formats: [format ?? .plainText], options: options, explicit: true,
        allowIncomplete: allowIncomplete)
      printNotes(plan.notes + plan.warnings.map(\.summary))
      // Pending documents named with --document are failures (in `problems`); the others
      // are reported, and fail the run only when nothing at all could be exported.
      if !named { for pending in plan.pending { Console.error(Self.describe(pending)) } }
      let problems = named ? plan.problems : plan.problems.filter { $0.code != FindingCode.exportPending.code }
      if !problems.isEmpty { throw DiagnosticError(problems) }
      if plan.exports.isEmpty {
        throw DiagnosticError(
          Diagnostic(
            code: .exportPending, at: nil,
            "nothing to export in \(locales[0]): no document's translation is complete yet ('netexport status' shows how far each has come)"
          ))
      }
      let exports = plan.exports
      switch output {
      case "-":
        for export in exports { try Console.write(export.contents.data) }
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

  static func describe(_ pending: PendingExport) -> String {
    "note: \(pending.locale): \(pending.document) is pending (\(pending.percent) % translated; \(pending.pendingCount) message\(pending.pendingCount == 1 ? "" : "s") to translate or review), so it is not exported"
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
