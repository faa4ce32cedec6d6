import Foundation
import NetexportTestSupport
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

  /// A project of the old layout: the content model beside it, one catalog per locale.
  static func folder() throws -> CLI {
    CLI(
      try TestProject(files: [
        "pills.yaml": content, "Locales/en.yaml": english, "Locales/es.yaml": spanish,
      ]))
  }

  static let summary = """
    en (source): 5 messages to Locales/en/pills.yaml, 1 label to Locales/en/labels.yaml, 1 glossary entry to Locales/en/glossary.yaml, 0 comment lines
    es (draft): 1 message to Locales/es/pills.yaml, 1 label to Locales/es/labels.yaml, 0 glossary entries to Locales/es/glossary.yaml, 1 comment line

    """

  @Test func dryRunListsWhatItWouldDoAndWritesNothing() throws {
    let folder = try Self.folder()
    let before = folder.project.paths()
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
    #expect(folder.project.paths() == before)
  }

  @Test func migratesAndRemovesTheOldCatalogs() throws {
    let folder = try Self.folder()
    let result = try folder.run("migrate", "--content", "pills.yaml")
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(result.stdout.hasPrefix("wrote netexport.yaml\nwrote Documents/pills.yaml\n"))
    #expect(result.stdout.contains("removed Locales/en.yaml\nremoved Locales/es.yaml\n" + Self.summary))
    #expect(
      folder.project.paths() == [
        "Documents", "Documents/pills.yaml", "Locales", "Locales/en", "Locales/en/glossary.yaml",
        "Locales/en/labels.yaml", "Locales/en/pills.yaml", "Locales/es", "Locales/es/glossary.yaml",
        "Locales/es/labels.yaml", "Locales/es/pills.yaml", "netexport.yaml", "pills.yaml",
      ])

    // The migrated project opens in the new layout: Spanish, incomplete, is a draft, and
    // every message the old catalog held is where it was counted.
    let status = try folder.run("status")
    #expect(status.status == 0, "\(status.stderr)")
    #expect(status.stdout.hasPrefix("document  es (draft)\npills           20 %\nlabels         100 %\n"))

    // A second run refuses: the project has its manifest.
    let again = try folder.run("migrate", "--content", "pills.yaml")
    #expect(again.status == 1)
    #expect(
      again.stderr
        == "netexport.yaml: error[project-exists]: this project has a manifest already, so it uses the library layout; there is nothing to migrate\n"
    )
  }

  @Test func refusesACorruptCatalogWithItsPlaceAndWritesNothing() throws {
    let folder = try Self.folder()
    try folder.write(Self.spanish + "  broken: [\n", to: "Locales/es.yaml")
    let before = folder.project.paths()
    let result = try folder.run("migrate", "--content", "pills.yaml")
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(result.stderr.hasPrefix("Locales/es.yaml:13:1: error[malformed-yaml]: "))
    #expect(result.stderr.contains("error[migration-unsupported]: nothing was migrated"))
    #expect(folder.project.paths() == before)
  }

  @Test(arguments: [["--content", ""], ["--project", ""], ["--bogus"], ["extra"]])
  func usageErrorsExit64(_ arguments: [String]) throws {
    let folder = try Self.folder()
    let before = folder.project.paths()
    let process = try folder.run(arguments: ["migrate", "--content", "pills.yaml"] + arguments)
    #expect(process.status == 64)
    #expect(folder.project.paths() == before)
  }
}
