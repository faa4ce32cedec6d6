import NetexportModel
import Testing

@testable import NetexportImport

/// Re-importing an edited Markdown file keeps the keys that carry translations.
@Suite struct ReimportTests {
  static let frontMatter = "---\ntitle: Preparing for a scan\nbyline: B\npublisher: P\nreviewed: 2025-01-01\n---\n\n"
  static let original = """
    ## Before your scan

    Your care team uses scans to see inside your body.

    Please read this handout a few days before the appointment.

    Bring the following:

    - Your health card
    - A list of the medicines you take

    ## After the scan

    You can go back to your usual activities.

    """

  func importing(_ body: String) throws -> ImportedDocument {
    try MarkdownImporter.parse(markdown: Self.frontMatter + body, file: "scan.md")
  }

  func reimporting(_ body: String, over previous: ImportedDocument, reserved: Set<String> = []) throws -> (
    ImportedDocument, ReimportReport
  ) {
    try MarkdownImporter.reimport(
      markdown: Self.frontMatter + body, file: "scan.md", previous: PreviousImport(previous), reservedKeys: reserved)
  }

  @Test func anUnchangedFileKeepsEveryKeyAndText() throws {
    let first = try importing(Self.original)
    let (second, report) = try reimporting(Self.original, over: first)
    #expect(second.document == first.document)
    #expect(second.messages == first.messages)
    #expect(report == ReimportReport(unchanged: first.messages.map(\.key)))
  }

  @Test func anEditedParagraphKeepsItsKeyWithTheNewText() throws {
    let first = try importing(Self.original)
    let edited = Self.original.replacingOccurrences(
      of: "a few days before the appointment", with: "two or three days before your appointment")
    let (second, report) = try reimporting(edited, over: first)
    #expect(second.messages.map(\.key) == first.messages.map(\.key))
    #expect(
      report.edited == [
        .init(
          key: "before-your-scan.paragraph-2",
          oldText: "Please read this handout a few days before the appointment.",
          newText: "Please read this handout two or three days before your appointment.")
      ])
    #expect(report.added.isEmpty && report.removed.isEmpty)
  }

  @Test func anInsertedParagraphGetsANewKeyAndTheOthersKeepTheirs() throws {
    let first = try importing(Self.original)
    let inserted = Self.original.replacingOccurrences(
      of: "Please read", with: "The staff will explain each step.\n\nPlease read")
    let (second, report) = try reimporting(inserted, over: first)
    #expect(Set(first.messages.map(\.key)).isSubset(of: second.messages.map(\.key)))
    #expect(report.added.map(\.key) == ["before-your-scan.paragraph-3"])
    #expect(report.added.map(\.text) == ["The staff will explain each step."])
    #expect(report.edited.isEmpty && report.removed.isEmpty)
    // The new paragraph sits second, under the key the first import never used.
    guard case .paragraph(let ref) = second.document.sections[0].blocks[1] else { throw DiagnosticError([]) }
    #expect(ref.key == "before-your-scan.paragraph-3")
  }

  @Test func aDeletedBlockIsListedAsRemoved() throws {
    let first = try importing(Self.original)
    let deleted = Self.original.replacingOccurrences(
      of: "Please read this handout a few days before the appointment.\n\n", with: "")
    let (second, report) = try reimporting(deleted, over: first)
    #expect(
      report.removed == [
        .init(key: "before-your-scan.paragraph-2", text: "Please read this handout a few days before the appointment.")
      ])
    #expect(!second.messages.map(\.key).contains("before-your-scan.paragraph-2"))
  }

  @Test func aRenamedHeadingKeepsItsSectionsKeys() throws {
    let first = try importing(Self.original)
    let renamed = Self.original.replacingOccurrences(of: "## Before your scan", with: "## Getting ready")
    let (second, report) = try reimporting(renamed, over: first)
    #expect(second.document.sections.map(\.id) == ["before-your-scan", "after-the-scan"])
    #expect(second.messages.map(\.key) == first.messages.map(\.key))
    #expect(
      report.edited == [.init(key: "before-your-scan.heading", oldText: "Before your scan", newText: "Getting ready")])
  }

  @Test func aNewBlockNeverTakesARetiredKey() throws {
    let first = try importing(Self.original)
    // paragraph-2 is deleted and paragraph-3 waits in a catalog's obsolete section.
    let replaced = Self.original.replacingOccurrences(
      of: "Please read this handout a few days before the appointment.", with: "Eat a light meal the night before.")
    let (second, report) = try reimporting(replaced, over: first, reserved: ["before-your-scan.paragraph-3"])
    #expect(report.removed.map(\.key) == ["before-your-scan.paragraph-2"])
    #expect(report.added.map(\.key) == ["before-your-scan.paragraph-4"])
    #expect(second.texts["before-your-scan.paragraph-4"] == "Eat a light meal the night before.")
  }

  @Test func aMovedBlockKeepsItsKeyInItsNewSection() throws {
    let first = try importing(Self.original)
    let moved =
      Self.original.replacingOccurrences(of: "Your care team uses scans to see inside your body.\n\n", with: "")
      + "\nYour care team uses scans to see inside your body.\n"
    let (second, report) = try reimporting(moved, over: first)
    #expect(report.unchanged.count == first.messages.count)
    guard case .paragraph(let ref) = second.document.sections[1].blocks.last else { throw DiagnosticError([]) }
    #expect(ref.key == "before-your-scan.paragraph-1")
  }

  @Test func aRespelledTermKeepsItsDerivedID() throws {
    let terms = "terms:\n  - {term: contrast die}\n"
    let withTerm = { (term: String) in
      Self.frontMatter.replacingOccurrences(
        of: "---\n\n", with: terms.replacingOccurrences(of: "contrast die", with: term) + "---\n\n")
    }
    let first = try MarkdownImporter.parse(markdown: withTerm("contrast die") + Self.original, file: "scan.md")
    let (second, report) = try MarkdownImporter.reimport(
      markdown: withTerm("contrast dye") + Self.original, file: "scan.md", previous: PreviousImport(first))
    #expect(second.document.terms.map(\.id) == ["contrast-die"])
    #expect(report.edited == [.init(key: "term.contrast-die", oldText: "contrast die", newText: "contrast dye")])
  }

  /// Links to related pages keep their keys when a title is corrected, when a title is added
  /// in front of them, and when a group is added after them.
  @Test func relatedLinksKeepTheirKeys() throws {
    let withRelated = { (related: String) in
      Self.frontMatter.replacingOccurrences(of: "---\n\n", with: "related:\n" + related + "---\n\n")
    }
    let before = """
        - heading: Associated procedures
          items:
            - Sedation for a scan
            - "[MRI scan](https://example.org/mri)"

      """
    let after = """
        - heading: Associated procedures
          items:
            - Contrast dye
            - Sedation for scans
            - "[MRI scan](https://example.org/mri)"
        - heading: Related topics
          items:
            - Claustrophobia

      """
    let first = try MarkdownImporter.parse(markdown: withRelated(before) + Self.original, file: "scan.md")
    #expect(first.document.related.map(\.heading.key) == ["related.heading"])
    #expect(first.document.related[0].items.map(\.key) == ["related.item-1", "related.item-2"])
    let (second, report) = try MarkdownImporter.reimport(
      markdown: withRelated(after) + Self.original, file: "scan.md", previous: PreviousImport(first))
    #expect(second.document.related.map(\.heading.key) == ["related.heading", "related.heading-2"])
    #expect(
      second.document.related.map { $0.items.map(\.key) } == [
        ["related.item-3", "related.item-1", "related.item-2"], ["related.item-4"],
      ])
    #expect(
      report.edited == [.init(key: "related.item-1", oldText: "Sedation for a scan", newText: "Sedation for scans")])
    #expect(report.added.map(\.key) == ["related.item-3", "related.heading-2", "related.item-4"])
    #expect(report.removed.isEmpty)
  }

  @Test func previousTextsOnlyFromItsCatalogAreMatched() throws {
    let first = try importing(Self.original)
    // The previous import as the lead's update reads it back: content model and catalog texts.
    let previous = PreviousImport(document: first.document, texts: first.texts)
    let (_, report) = try MarkdownImporter.reimport(
      markdown: Self.frontMatter + Self.original, file: "scan.md", previous: previous)
    #expect(report.unchanged.count == first.messages.count)
    #expect(!report.unchanged.contains("references.heading"))
  }
}
