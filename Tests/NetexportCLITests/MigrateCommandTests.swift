import Foundation
import Testing

/// `netexport migrate`, run as a user would on a small project of the old layout.
@Suite struct MigrateCommandTests {
  static let content = """
    id: pills
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
    references:
      heading: references.heading
      items: []

    """

  static let english = """
    locale: en
    entries:
      title:
        text: "Pills"
      byline:
        text: "By us"
      reviewed:
        text: "Reviewed: {reviewed, date, ::yMMMMd}"
      only.heading:
        text: "Only"
      only.text:
        text: "Text."
      references.heading:
        text: "References"
    glossary:
      term.pill:
        forms: ["pill"]

    """

  static let spanish = """
    # Spanish, translated by a test.
    locale: es
    entries:
      title:
        source: "Pills"
        text: "Pastillas"
        state: translated
      references.heading:
        source: "References"
        text: "Referencias"
        state: translated

    """

  /// A scratch project folder with the old layout.
  struct Folder {
    let root: URL

    init() throws {
      root = FileManager.default.temporaryDirectory.appendingPathComponent("netexport-migrate-cli-\(UUID().uuidString)")
      try FileManager.default.createDirectory(
        at: root.appendingPathComponent("Locales"), withIntermediateDirectories: true)
      try Data(MigrateCommandTests.content.utf8).write(to: root.appendingPathComponent("pills.yaml"))
      try Data(MigrateCommandTests.english.utf8).write(to: root.appendingPathComponent("Locales/en.yaml"))
      try Data(MigrateCommandTests.spanish.utf8).write(to: root.appendingPathComponent("Locales/es.yaml"))
    }

    /// Every path under the folder, sorted.
    func paths() -> [String] {
      (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []).sorted()
    }

    func run(_ arguments: String...) throws -> CLI.Result { try run(arguments: arguments) }

    func run(arguments: [String]) throws -> CLI.Result {
      let process = Process()
      process.executableURL = CLI.executable
      process.arguments = arguments
      process.currentDirectoryURL = root
      let out = Pipe()
      let errors = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID().uuidString)")
      _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
      defer { try? FileManager.default.removeItem(at: errors) }
      process.standardOutput = out
      process.standardError = try FileHandle(forWritingTo: errors)
      try process.run()
      let stdout = out.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return CLI.Result(
        status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
        stderr: String(decoding: try Data(contentsOf: errors), as: UTF8.self))
    }
  }

  static let summary = """
    en (source): 5 messages to Locales/en/pills.yaml, 1 label to Locales/en/labels.yaml, 1 glossary entry to Locales/en/glossary.yaml, 0 comment lines
    es (draft): 1 message to Locales/es/pills.yaml, 1 label to Locales/es/labels.yaml, 0 glossary entries to Locales/es/glossary.yaml, 1 comment line

    """

  @Test func dryRunListsWhatItWouldDoAndWritesNothing() throws {
    let folder = try Folder()
    let before = folder.paths()
    let result = try folder.run("migrate", "--content", "pills.yaml", "--dry-run")
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(
      result.stdout == """
        would write netexport.yaml
        would write Documents/pills.yaml
        would write Locales/en/pills.yaml
        would write Locales/en/labels.yaml
        would write Locales/en/glossary.yaml
        would write Locales/es/pills.yaml
        would write Locales/es/labels.yaml
        would write Locales/es/glossary.yaml
        would remove Locales/en.yaml
        would remove Locales/es.yaml

        """ + Self.summary + """
          Checked 2 locales of pills: every entry, glossary entry and comment would read the same in the new files. netexport.yaml lists source en, 0 shipped, 1 draft.
          Nothing was written (--dry-run).

          """)
    #expect(folder.paths() == before)
  }

  @Test func migratesAndRemovesTheOldCatalogs() throws {
    let folder = try Folder()
    let result = try folder.run("migrate", "--content", "pills.yaml")
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(result.stdout.hasPrefix("wrote netexport.yaml\nwrote Documents/pills.yaml\n"))
    #expect(result.stdout.contains("removed Locales/en.yaml\nremoved Locales/es.yaml\n" + Self.summary))
    #expect(
      folder.paths() == [
        "Documents", "Documents/pills.yaml", "Locales", "Locales/en", "Locales/en/glossary.yaml",
        "Locales/en/labels.yaml", "Locales/en/pills.yaml", "Locales/es", "Locales/es/glossary.yaml",
        "Locales/es/labels.yaml", "Locales/es/pills.yaml", "netexport.yaml", "pills.yaml",
      ])

    // A second run refuses: the project has its manifest.
    let again = try folder.run("migrate", "--content", "pills.yaml")
    #expect(again.status == 1)
    #expect(
      again.stderr
        == "netexport.yaml: error[project-exists]: this project has a manifest already, so it uses the library layout; there is nothing to migrate\n"
    )
  }

  @Test func refusesACorruptCatalogWithItsPlaceAndWritesNothing() throws {
    let folder = try Folder()
    try Data((Self.spanish + "  broken: [\n").utf8).write(to: folder.root.appendingPathComponent("Locales/es.yaml"))
    let before = folder.paths()
    let result = try folder.run("migrate", "--content", "pills.yaml")
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(result.stderr.hasPrefix("Locales/es.yaml:13:1: error[malformed-yaml]: "))
    #expect(result.stderr.contains("error[migration-unsupported]: nothing was migrated"))
    #expect(folder.paths() == before)
  }

  @Test(arguments: [["--content", ""], ["--project", ""], ["--bogus"], ["extra"]])
  func usageErrorsExit64(_ arguments: [String]) throws {
    let folder = try Folder()
    let before = folder.paths()
    let process = try folder.run(arguments: ["migrate", "--content", "pills.yaml"] + arguments)
    #expect(process.status == 64)
    #expect(folder.paths() == before)
  }
}
