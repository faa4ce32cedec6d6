import Foundation
import NetexportTestSupport
import Testing

/// Standard error, filled by a reader thread; read only after it signals.
final class ErrorCollector: @unchecked Sendable {
  var data = Data()
}

/// Runs the built `netexport` as a user would, in a project in a temporary folder
/// (`TestProject`, shared with the other suites).
struct CLI {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The executable SwiftPM built next to this test bundle.
  static let executable: URL = {
    var folder = Bundle.main.bundleURL
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("netexport")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      folder.deleteLastPathComponent()
    }
    return Repository.url(".build/debug/netexport")
  }()

  /// The project the tool runs in (its current folder).
  let project: TestProject

  var folder: URL { project.root }

  /// A copy of this repository's project in English only: the NET document, its English
  /// catalog, the labels and the glossary.
  init() throws { project = try TestProject.repository() }

  init(_ project: TestProject) { self.project = project }

  func write(_ text: String, to relative: String) throws { try project.write(text, to: relative) }

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

  func read(_ relative: String) throws -> String { try project.read(relative) }

  func exists(_ relative: String) -> Bool { project.exists(relative) }

  /// Replaces `old` (which must be there) with `new` in a file of the project.
  func edit(_ relative: String, replacing old: String, with new: String) throws {
    try project.edit(relative, replacing: old, with: new)
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

/// A small project for the catalog commands: one document of a few messages, its English
/// catalog and glossary, and a complete Spanish catalog and glossary (shipped) that validate
/// cleanly; the labels are the repository's.
enum Leaflet {
  static let document = """
    id: leaflet
    source-locale: en
    metadata:
      title: title
      byline: byline
      reviewed:
        key: reviewed
        arguments:
          reviewed: {date: 2024-02-29}
      publisher: Example Clinic
    sections:
      - id: only
        heading: only.heading
        blocks:
          - paragraph: only.text
          - paragraph:
              key: only.replies
              arguments:
                replies: {number: 7}
    references:
      heading: references.heading
      items: []
    terms:
      - {id: mutation, name: term.mutation}
    do-not-translate: [Mayo Clinic]

    """

  static let english = """
    locale: en
    document: leaflet
    entries:
      title:
        text: "Tumors"
      byline:
        text: "By Mayo Clinic Staff"
      reviewed:
        text: "Reviewed: {reviewed, date, ::yMMMMd}"
      only.heading:
        text: "Overview"
        note: "Section heading."
      only.text:
        text: "A mutation can cause 2 tumors."
      only.replies:
        text: "{replies, plural, one {# reply} other {# replies}}"
      term.mutation:
        text: "mutation"

    """

  static let spanish = """
    locale: es
    document: leaflet
    entries:
      title:
        source: "Tumors"
        text: "Tumores"
        state: translated
      byline:
        source: "By Mayo Clinic Staff"
        text: "Por el personal de Mayo Clinic"
        state: translated
      reviewed:
        source: "Reviewed: {reviewed, date, ::yMMMMd}"
        text: "Revisado: {reviewed, date, ::yMMMMd}"
        state: translated
      only.heading:
        source: "Overview"
        text: "Descripción general"
        state: translated
      only.text:
        source: "A mutation can cause 2 tumors."
        text: "Una mutación puede causar 2 tumores."
        state: translated
      only.replies:
        source: "{replies, plural, one {# reply} other {# replies}}"
        text: "{replies, plural, one {# respuesta} many {# de respuestas} other {# respuestas}}"
        state: translated
      term.mutation:
        source: "mutation"
        text: "mutación"
        state: translated

    """

  static let englishGlossary = """
    locale: en
    glossary:
      term.mutation:
        forms: ["mutations"]

    """

  static let spanishGlossary = """
    locale: es
    glossary:
      term.mutation:
        forms: ["mutaciones"]
        definition: "Un cambio en el ADN de una célula."

    """

  /// The project, with `spanish` as the Spanish catalog (none: no Spanish at all).
  static func project(spanish: String? = Leaflet.spanish) throws -> CLI {
    let project = try TestProject(files: [
      "netexport.yaml": TestProject.manifest(shipped: spanish == nil ? [] : ["es"]),
      "Documents/leaflet.yaml": document,
      "Locales/en/leaflet.yaml": english,
    ])
    try project.copy("Locales/en/labels.yaml")
    try project.write(englishGlossary, to: "Locales/en/glossary.yaml")
    if let spanish {
      try project.write(spanish, to: "Locales/es/leaflet.yaml")
      try project.copy("Locales/es/labels.yaml")
      try project.write(spanishGlossary, to: "Locales/es/glossary.yaml")
    }
    return CLI(project)
  }

  /// The Spanish catalog with one text replaced.
  static func spanish(replacing old: String, with new: String) -> String {
    precondition(spanish.contains(old))
    return spanish.replacingOccurrences(of: old, with: new)
  }
}

/// Markdown handouts for the import and library tests, and the project they go into.
enum Handouts {
  /// The importer's fixture that uses every construct it supports.
  static let everything = Repository.url("Tests/NetexportImportTests/Fixtures/everything.md")
  /// A handout of the NET document's own sentences, rewritten in Markdown.
  static let warningSigns = Repository.url("Tests/NetexportImportTests/Fixtures/net-warning-signs.md")

  static func copy(_ url: URL, into cli: CLI, as name: String) throws {
    try cli.write(try String(contentsOf: url, encoding: .utf8), to: name)
  }

  /// The NET project with Spanish shipped.
  static func net(shipped: [String] = ["es"]) throws -> CLI { CLI(try TestProject.repository(shipped: shipped)) }

  static let exportsOfEverything = [
    "Exports/en/preparing-for-a-scan.txt", "Exports/en/preparing-for-a-scan.html",
    "Exports/en/preparing-for-a-scan.script.txt", "Exports/en/preparing-for-a-scan.ssml",
  ]
}
