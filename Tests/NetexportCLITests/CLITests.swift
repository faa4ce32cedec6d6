import Foundation
import Testing

/// Standard error, filled by a reader thread; read only after it signals.
final class ErrorCollector: @unchecked Sendable {
  var data = Data()
}

/// Runs the built `netexport` as a user would, in a scratch copy of the project.
struct CLI {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The executable SwiftPM built next to this test bundle.
  static let executable: URL = {
    var folder = Bundle.main.bundleURL
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("netexport")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      folder.deleteLastPathComponent()
    }
    return packageRoot.appendingPathComponent(".build/debug/netexport")
  }()

  let folder: URL

  /// A fresh project folder holding a copy of the real English catalog.
  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("netexport-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("Locales"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: Self.packageRoot.appendingPathComponent("Locales/en.yaml"),
      to: folder.appendingPathComponent("Locales/en.yaml"))
  }

  func write(_ text: String, to relative: String) throws {
    let url = folder.appendingPathComponent(relative)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  func read(_ relative: String) throws -> String {
    try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
  }

  /// Whether `python3` can import every one of `modules`.
  static func pythonHas(_ modules: String...) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import " + modules.joined(separator: ", ")]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }

  func exists(_ relative: String) -> Bool {
    FileManager.default.fileExists(atPath: folder.appendingPathComponent(relative).path)
  }

  func run(_ arguments: String..., environment: [String: String] = [:]) throws -> Result {
    try run(arguments: arguments, environment: environment)
  }

  /// Runs the tool and waits for it.
  ///
  /// - Parameters:
  ///   - standardOutput: Where the tool's standard output goes (default: a pipe read into
  ///     `Result.stdout`), e.g. `/dev/full` to make every write fail.
  ///   - standardError: The same for standard error.
  func run(
    arguments: [String], environment: [String: String] = [:], standardOutput: FileHandle? = nil,
    standardError: FileHandle? = nil
  ) throws -> Result {
    let process = try start(
      arguments: arguments, environment: environment, standardOutput: standardOutput, standardError: standardError)
    return process.finish()
  }

  /// A running `netexport` whose output is collected.
  final class Running {
    let process: Process
    let out: Pipe?
    let errors = ErrorCollector()
    let errorsDone = DispatchSemaphore(value: 0)

    init(process: Process, out: Pipe?) {
      self.process = process
      self.out = out
    }

    /// Waits for the tool to exit and returns what it wrote.
    func finish() -> Result {
      let stdout = out?.fileHandleForReading.readDataToEndOfFile() ?? Data()
      errorsDone.wait()
      process.waitUntilExit()
      return Result(
        status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
        stderr: String(decoding: errors.data, as: UTF8.self))
    }
  }

  /// Starts the tool without waiting for it. When standard error is not redirected,
  /// `onError` sees all of it so far each time more arrives (the tool saying it waits, for
  /// example), and is called once more, with `ended` true, when the tool closes it.
  func start(
    arguments: [String], environment: [String: String] = [:], standardOutput: FileHandle? = nil,
    standardError: FileHandle? = nil, onError: @escaping @Sendable (_ text: String, _ ended: Bool) -> Void = { _, _ in }
  ) throws -> Running {
    let process = Process()
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.executableURL = Self.executable
    process.arguments = arguments
    process.currentDirectoryURL = folder
    let out = standardOutput == nil ? Pipe() : nil
    let err = standardError == nil ? Pipe() : nil
    process.standardOutput = standardOutput ?? out
    process.standardError = standardError ?? err
    try process.run()
    let running = Running(process: process, out: out)
    // Standard error is read on another thread, so that a child filling one pipe while
    // this thread waits on the other cannot deadlock.
    if let errorPipe = err?.fileHandleForReading {
      let errors = running.errors
      let done = running.errorsDone
      Thread.detachNewThread {
        while case let chunk = errorPipe.availableData, !chunk.isEmpty {
          errors.data += chunk
          onError(String(decoding: errors.data, as: UTF8.self), false)
        }
        onError(String(decoding: errors.data, as: UTF8.self), true)
        done.signal()
      }
    } else {
      running.errorsDone.signal()
    }
    return running
  }
}

@Suite struct CLIExportTests {
  @Test func printsItsVersionAndICUs() throws {
    let result = try CLI().run("--version")
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("netexport 0.1.0 (ICU 7"))
  }

  @Test func exportsEnglishPlainTextToExportsAndPrintsThePath() throws {
    let cli = try CLI()
    let result = try cli.run("--locale", "en", "--format", "plain-text")
    #expect(result.status == 0)
    #expect(result.stdout == "Exports/en/neuroendocrine-tumors.txt\n")
    #expect(result.stderr == "")
    let written = try cli.read("Exports/en/neuroendocrine-tumors.txt")
    #expect(written.hasPrefix("Neuroendocrine tumors\n=====================\n"))
    #expect(written.contains("  121 Replies · Wed, Feb 05, 2025\n"))
    // The same export on standard output, and through the explicit subcommand.
    #expect(try cli.run("--locale", "en", "--format", "plain-text", "--output", "-").stdout == written)
    #expect(try cli.run("export", "--locale", "en", "--output", "-").stdout == written)
  }

  @Test(arguments: ["Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"])
  func keepsCalendarDatesInEveryTimeZone(zone: String) throws {
    let result = try CLI().run("--locale", "en", "--output", "-", environment: ["TZ": zone])
    #expect(result.status == 0)
    #expect(result.stdout.contains("Reviewed: June 23, 2023\n"))
    #expect(result.stdout.contains("  7 Replies · Wed, Feb 05, 2025\n"))
    #expect(result.stdout.contains("Accessed June 4, 2019."))
  }

  @Test func wrapsAtTheRequestedWidth() throws {
    let result = try CLI().run("--locale", "en", "--output", "-", "--width", "40")
    #expect(result.status == 0)
    #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 40 })
  }

  @Test func exportsEveryLocaleWithAll() throws {
    let cli = try CLI()
    let result = try cli.run("--all")
    #expect(result.status == 0)
    #expect(
      result.stdout
        == "Exports/en/neuroendocrine-tumors.txt\nExports/en/neuroendocrine-tumors.html\nExports/en/neuroendocrine-tumors.script.txt\nExports/en/neuroendocrine-tumors.ssml\n"
    )
  }

  @Test func checksThatCommittedExportsAreUpToDate() throws {
    let cli = try CLI()
    var result = try cli.run("--all", "--check")
    #expect(result.status == 1)
    #expect(
      result.stderr.hasPrefix(
        "Exports/en/neuroendocrine-tumors.txt: error[export-missing]: missing; netexport --all writes it\n"))
    #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("Exports/en").path))
    #expect(try cli.run("--all").status == 0)
    result = try cli.run("--all", "--check")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "4 exports in Exports/ are up to date.\n")

    let script = try cli.read("Exports/en/neuroendocrine-tumors.script.txt")
    try cli.write(
      script.replacingOccurrences(of: "Part two of eight", with: "Part 2 of 8"),
      to: "Exports/en/neuroendocrine-tumors.script.txt")
    try cli.write("left over\n", to: "Exports/xx/neuroendocrine-tumors.txt")
    result = try cli.run("--all", "--check")
    #expect(result.status == 1)
    let line =
      try #require(
        script.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("Part two of eight") })
      + 1
    #expect(
      result.stderr
        == """
        Exports/en/neuroendocrine-tumors.script.txt:\(line): error[export-out-of-date]: out of date: from this line on it differs from what netexport writes now
        Exports/xx/neuroendocrine-tumors.txt: error[export-unexpected]: netexport no longer writes this file (no such locale or format); delete it
        Exports/: error[exports-out-of-date]: 2 of the committed exports are not what netexport writes now; run 'netexport --all' and commit the result

        """)
    // --check never writes: the edited export is still as it was.
    #expect(try cli.read("Exports/en/neuroendocrine-tumors.script.txt").contains("Part 2 of 8"))
    #expect(try cli.run("--locale", "en", "--check").status == 64)
  }

  @Test func acceptsAProjectFolderAndAnotherDocument() throws {
    let cli = try CLI()
    try cli.write(
      """
      id: leaflet
      source-locale: en
      metadata: {title: document.title, byline: document.byline, reviewed: {key: document.reviewed, arguments: {reviewed: {date: 2024-01-02}}}, publisher: Example}
      sections: [{id: one, heading: overview.heading, blocks: [{paragraph: overview.where}]}]
      references: {heading: references.heading, items: []}
      """, to: "leaflet.yaml")
    let result = try CLI().run(
      "--locale", "en", "--project", cli.folder.path, "--content",
      cli.folder.appendingPathComponent("leaflet.yaml").path)
    #expect(result.status == 0, "\(result.stderr)")
    let text = try cli.read("Exports/en/leaflet.txt")
    #expect(text.contains("Reviewed: January 2, 2024"))
    #expect(!text.contains("Types"))
  }
}

@Suite struct CLIErrorTests {
  @Test(arguments: ["../x", "en/../../etc", "not a tag"])
  func rejectsLocalesThatAreNotTags(locale: String) throws {
    let cli = try CLI()
    let result = try cli.run("--locale", locale)
    #expect(result.status == 64)
    #expect(
      result.stderr.hasPrefix(
        "Error: '\(locale)' is not a valid BCP 47 language tag (for example: en, es, pt-BR, zh-Hans).\n"))
    #expect(!cli.exists("Exports"))
  }

  @Test func namesTheAvailableLocalesForAnUnknownOne() throws {
    let result = try CLI().run("--locale", "fr")
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "error[unknown-locale]: no catalog for locale 'fr' (looked for Locales/fr.yaml); available locales: en\n")
  }

  @Test func namesTheFormatsForAnUnknownOne() throws {
    let result = try CLI().run("--locale", "en", "--format", "docx")
    #expect(result.status == 64)
    #expect(result.stderr.contains("plain-text, large-print-html, audio-script, ssml, pdf"))
  }

  @Test func laysHandoutsOutForTheChosenPaper() throws {
    let cli = try CLI()
    #expect(
      try cli.run("--locale", "en", "--format", "large-print-html", "--output", "-").stdout.contains("size: letter;"))
    let a4 = try cli.run("--locale", "en", "--format", "large-print-html", "--paper", "a4", "--output", "-")
    #expect(a4.stdout.contains("size: A4;"))
    let wrong = try cli.run("--locale", "en", "--format", "large-print-html", "--paper", "a5")
    #expect(wrong.status == 64)
    #expect(wrong.stderr.contains("'letter'") && wrong.stderr.contains("'a4'"))
  }

  /// PDFs are build products: --all writes only the committed formats, --check leaves the
  /// PDFs that `--all --format pdf` wrote beside them alone, and cannot check PDFs.
  @Test func leavesPDFsOutOfTheCommittedExports() throws {
    let cli = try CLI()
    #expect(try cli.run("--all").status == 0)
    try cli.write("%PDF-1.7 from an earlier run\n", to: "Exports/en/neuroendocrine-tumors.pdf")
    let result = try cli.run("--all", "--check")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "4 exports in Exports/ are up to date.\n")
    for format in ["pdf", "plain-text"] {
      let formatCheck = try cli.run("--all", "--format", format, "--check")
      #expect(formatCheck.status == 64)
      #expect(
        formatCheck.stderr.contains(
          "--check compares every committed export (PDFs are not committed); it takes no --format."))
    }
  }

  /// A PDF engine that cannot run (here Debian's WeasyPrint 57, played by a stand-in module)
  /// stops the export with what to install, and leaves no file behind.
  @Test func refusesAnOldPDFEngineAndWritesNothing() throws {
    let cli = try CLI()
    try cli.write("__version__ = '57.2'\n", to: "stubs/weasyprint/__init__.py")
    try cli.write("previous\n", to: "handout.pdf")
    let environment = ["PYTHONPATH": cli.folder.appendingPathComponent("stubs").path]
    var result = try cli.run("--locale", "en", "--format", "pdf", "--output", "handout.pdf", environment: environment)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("error[pdf-engine-missing]: cannot make PDFs: WeasyPrint 57.2 is too old"))
    #expect(result.stderr.hasSuffix("install it with: pip install 'weasyprint>=70'\n"))
    #expect(try cli.read("handout.pdf") == "previous\n")
    result = try cli.run("--locale", "en", "--format", "pdf", environment: environment)
    #expect(result.status == 1)
    #expect(!cli.exists("Exports"))
  }

  @Test(
    .enabled(
      if: ProcessInfo.processInfo.environment["CI"] != nil || CLI.pythonHas("weasyprint", "pikepdf"),
      "needs weasyprint and pikepdf (pip)"))
  func writesAPDFToStandardOutputOrAFile() throws {
    let cli = try CLI()
    let result = try cli.run("--locale", "en", "--format", "pdf", "--output", "-")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("%PDF-1.7"))
    #expect(try cli.run("--locale", "en", "--format", "pdf").stdout == "Exports/en/neuroendocrine-tumors.pdf\n")
    #expect(
      try Data(contentsOf: cli.folder.appendingPathComponent("Exports/en/neuroendocrine-tumors.pdf")).starts(
        with: Data("%PDF-".utf8)))
  }

  @Test func reportsMalformedYAMLAndKeepsThePreviousExport() throws {
    let cli = try CLI()
    try cli.write("previous export\n", to: "Exports/en/neuroendocrine-tumors.txt")
    var catalog = try cli.read("Locales/en.yaml")
    catalog = catalog.replacingOccurrences(of: "    text: \"Overview\"", with: "    text: \"Overview")
    try cli.write(catalog, to: "Locales/en.yaml")
    let result = try cli.run("--locale", "en")
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("Locales/en.yaml:"))
    #expect(result.stderr.contains(": error[malformed-yaml]: malformed YAML: "))
    #expect(result.stdout == "")
    #expect(try cli.read("Exports/en/neuroendocrine-tumors.txt") == "previous export\n")
  }

  @Test func reportsEntriesOfTheWrongShape() throws {
    let cli = try CLI()
    let catalog = try cli.read("Locales/en.yaml").replacingOccurrences(
      of: "  overview.heading:\n    text: \"Overview\"\n    note: \"Section heading.\"",
      with: "  overview.heading: \"Overview\"")
    try cli.write(catalog, to: "Locales/en.yaml")
    let result = try cli.run("--locale", "en")
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "Locales/en.yaml:20:21: error[invalid-entry]: entry 'overview.heading' must be a mapping with a 'text' field (found text); write it as 'overview.heading:' followed by an indented 'text: ...'\n"
        + "Locales/en.yaml: error[export-refused]: not exporting en: its catalog has 1 error (above); fix them first\n"
    )
  }

  @Test func reportsAMissingMessageAndWritesNothing() throws {
    let cli = try CLI()
    let catalog = try cli.read("Locales/en.yaml").replacingOccurrences(
      of: "  types.paraganglioma:\n    text: \"Paraganglioma\"\n    note: \"List item: a tumor type.\"\n", with: "")
    try cli.write(catalog, to: "Locales/en.yaml")
    let result = try cli.run("--all")
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "Locales/en.yaml: error[missing-key]: the catalog has no entry 'types.paraganglioma', which the document uses; add it (netexport needs every message to export)\n"
        + "Locales/en.yaml: error[export-refused]: not exporting en: its catalog has 1 error (above); fix them first\n"
    )
    #expect(!cli.exists("Exports"))
  }

  @Test func saysSoWhenThereIsNothingToExport() throws {
    let cli = try CLI()
    try FileManager.default.removeItem(at: cli.folder.appendingPathComponent("Locales/en.yaml"))
    let result = try cli.run("--all")
    #expect(result.status == 1)
    #expect(result.stderr == "Locales/: error[no-catalogs]: there are no catalogs (Locales/<locale>.yaml) to export\n")
  }

  @Test func reportsAnUnwritableOutputPath() throws {
    let cli = try CLI()
    try cli.write("a file, not a folder\n", to: "blocker")
    let result = try cli.run("--locale", "en", "--output", "blocker/handout.txt")
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "blocker/handout.txt: error[unwritable-output]: cannot write the file (Not a directory)\n")
    #expect(try cli.read("blocker") == "a file, not a folder\n")
  }

  @Test func reportsContentFileErrorsWithTheirLine() throws {
    let cli = try CLI()
    try cli.write("id: x\nsource-locale: en\nmetadta: {}\n", to: "doc.yaml")
    let result = try cli.run("--locale", "en", "--content", "doc.yaml")
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "doc.yaml:3:1: error[invalid-content]: unknown field 'metadta' in the document (known fields: id, source-locale, metadata, sections, references, terms, abbreviations, do-not-translate)\n"
    )
  }

  @Test func reportsInvalidUTF8InACatalog() throws {
    let cli = try CLI()
    let url = cli.folder.appendingPathComponent("Locales/en.yaml")
    var bytes = try Data(contentsOf: url)
    bytes.append(contentsOf: [0xFF, 0x0A])
    try bytes.write(to: url)
    let result = try cli.run("--locale", "en")
    #expect(result.status == 1)
    #expect(result.stderr.contains(": error[invalid-utf8]: the file is not valid UTF-8 (byte 0xFF"))
    #expect(result.stderr.hasPrefix("Locales/en.yaml:"))
  }
}
