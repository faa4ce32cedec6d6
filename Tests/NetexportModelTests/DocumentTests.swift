import Foundation
import NetexportICU
import NetexportModel
import NetexportTestSupport
import Testing

/// The repository's document, `Documents/neuroendocrine-tumors.yaml`.
@Suite struct NETDocumentTests {
  let document: Document

  init() throws { document = try Repository.document() }

  @Test func keepsTheSeedPagesOrder() {
    #expect(document.id == "neuroendocrine-tumors")
    #expect(document.sourceLocale == "en")
    #expect(
      document.sections.map(\.id) == [
        "overview", "types", "symptoms", "causes", "risk-factors", "community",
      ])
  }

  /// Issue 14: the source page's "Associated Procedures" are links to other pages after its
  /// references, not a section of the document (where they read as its list of treatments).
  @Test func keepsTheAssociatedProceduresAsRelatedLinksAfterTheReferences() {
    #expect(
      document.related == [
        RelatedLinks(
          heading: "procedures.heading",
          items: ["procedures.chemotherapy", "procedures.palliative-care", "procedures.radiation-therapy"])
      ])
    let keys = document.textRefs.map(\.key)
    #expect(keys.firstIndex(of: "procedures.heading")! > keys.firstIndex(of: "references.warner")!)
  }

  @Test func listsTheSixTypesAndFiveSyndromes() throws {
    func lists(_ id: String) -> [ListBlock] {
      document.sections.first { $0.id == id }!.blocks.compactMap { if case .list(let list) = $0 { list } else { nil } }
    }
    #expect(lists("types").first?.items.count == 6)
    #expect(lists("symptoms").map(\.items.count) == [4, 7])
    #expect(lists("risk-factors").first?.items.count == 5)
  }

  @Test func keepsCountsAndDatesAsValues() throws {
    let community = try #require(document.sections.first { $0.id == "community" })
    let items = community.blocks.compactMap { if case .list(let list) = $0 { list.items } else { nil } }.flatMap { $0 }
    let details = items.compactMap(\.detail)
    #expect(details.map { $0.arguments["replies"] } == [.number(7), .number(121), .number(23)])
    let posted = try #require(CalendarDay(iso8601: "2025-02-05"))
    #expect(details.allSatisfy { $0.arguments["posted"] == .date(posted) })
    #expect(document.metadata.reviewed.arguments["reviewed"] == .date(CalendarDay(iso8601: "2023-06-23")!))
    #expect(
      document.references.items.compactMap { $0.arguments.values.first } == [
        .date(CalendarDay(iso8601: "2019-06-04")!), .date(CalendarDay(iso8601: "2019-06-06")!),
        .date(CalendarDay(iso8601: "2019-04-29")!),
      ])
  }

  @Test func modelsTheTermsAndAbbreviationsTheTextUses() {
    let terms = Set(document.terms.map(\.id))
    for id in [
      "neuroendocrine-cells", "functional-tumors", "nonfunctional-tumors", "metastasize", "adrenal-cancer",
      "carcinoid-tumors", "merkel-cell-carcinoma", "pancreatic-nets", "paraganglioma", "pheochromocytoma",
    ] {
      #expect(terms.contains(id), "term \(id)")
    }
    #expect(Set(document.abbreviations.map(\.id)) == ["nets", "men1", "men2", "dna", "dipnech", "acc"])
  }

  /// Every key is in the document's English catalog, or (a label) in the English labels.
  @Test func everyKeyItUsesIsInTheEnglishCatalogs() throws {
    let catalog = try Repository.catalog("en", .document(document.id))
    let labels = try Repository.catalog("en", .labels)
    let missing = document.textRefs.map(\.key).filter { catalog[$0] == nil && labels[$0] == nil }
    #expect(missing.isEmpty)
    #expect(document.textRefs.contains { labels[$0.key] != nil }, "the references heading is a label")
  }
}

@Suite struct DocumentErrorTests {
  let minimal: String

  init() throws {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/minimal-document", withExtension: "yaml"))
    minimal = try String(contentsOf: url, encoding: .utf8)
  }

  @Test func loadsAMinimalDocument() throws {
    let document = try Document.parse(minimal, file: "doc.yaml")
    #expect(
      document.textRefs.map(\.key) == [
        "title", "only.heading", "only.text", "byline", "reviewed", "references.heading",
      ])
  }

  /// A list's announcement is said with the number of its items, which the document does
  /// not write: the count is the list's own, and is not written back.
  @Test func givesAListsAnnouncementItsCount() throws {
    let text = minimal.replacingOccurrences(
      of: "      - paragraph: only.text",
      with: "      - list:\n          announcement: only.count\n          items: [only.one, only.two, only.three]")
    let document = try Document.parse(text, file: "doc.yaml")
    let announcement = try #require(document.textRefs.first { $0.key == "only.count" })
    #expect(announcement.arguments == ["count": .number(3)])
  }

  @Test(arguments: [
    (
      "  publisher: Example Clinic\n", "  publisher: Example Clinic\n  auther: me\n",
      "doc.yaml:11:3: error[invalid-content]: unknown field 'auther' in metadata (known fields: title, subtitle, byline, reviewed, publisher)"
    ),
    (
      "      reviewed: {date: 2024-02-29}", "      reviewed: {date: 2023-02-29}",
      "doc.yaml:9:24: error[invalid-content]: metadata.reviewed.arguments.reviewed.date: '2023-02-29' is not a calendar date (write YYYY-MM-DD)"
    ),
    (
      "      - paragraph: only.text", "      - paragraph: only.text\n        heading: only.heading",
      "doc.yaml:15:9: error[invalid-content]: sections[0].blocks[0]: a block must have exactly one of 'heading', 'paragraph', 'list' or 'callout' (found 'heading', 'paragraph')"
    ),
    (
      "  publisher: Example Clinic\n", "", "doc.yaml:4:3: error[invalid-content]: missing field 'publisher' in metadata"
    ),
    (
      "  - id: only", "  - id: Only!",
      "doc.yaml:12:9: error[invalid-content]: section id 'Only!' must use only a-z, 0-9 and '-'"
    ),
    (
      "      - paragraph: only.text", "      - paragraph: [only.text]",
      "doc.yaml:15:20: error[invalid-content]: sections[0].blocks[0].paragraph: expected a message key, or a mapping with 'key' and 'arguments'"
    ),
    (
      "  items: []", "  items: [1 2]",
      "doc.yaml:18:11: error[invalid-content]: references.items[0]: '1 2' is not a valid message key (letters, digits, '.', '-' and '_', starting with a letter)"
    ),
    (
      "title: title", "title: [title",
      "doc.yaml:5:9: error[malformed-yaml]: malformed YAML: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 4, column 10)"
    ),
    (
      "  publisher: Example Clinic", "  publisher: !!python/object:os.system Example Clinic",
      "doc.yaml:10:14: error[unsupported-yaml]: a tag (!!python/object:os.system): netexport reads values as text, numbers and lists, never by YAML tag; remove the tag"
    ),
    (
      "  publisher: Example Clinic", "  publisher: !!binary RXhhbXBsZQ==",
      "doc.yaml:10:14: error[unsupported-yaml]: a tag (!!binary): netexport reads values as text, numbers and lists, never by YAML tag; remove the tag"
    ),
    (
      "title: title", "title: &t title\n  subtitle: *t",
      "doc.yaml:4:10: error[unsupported-yaml]: an anchor (&t): catalogs and content files do not use YAML anchors and aliases; remove it\ndoc.yaml:5:13: error[unsupported-yaml]: an alias (*t): catalogs and content files do not use YAML anchors and aliases; write the value out in full"
    ),
    (
      "  publisher: Example Clinic\n", "  publisher: Example Clinic\n  1: x\n",
      "doc.yaml:11:3: error[unsupported-yaml]: the key '1' is read as a number, not as text; write it in quotes (\"1\") if it is meant as text"
    ),
    (
      "  publisher: Example Clinic\n", "  publisher: Example Clinic\n  true:\n",
      "doc.yaml:11:3: error[unsupported-yaml]: the key 'true' is read as true or false, not as text; write it in quotes (\"true\") if it is meant as text"
    ),
    (
      "  publisher: Example Clinic\n", "  publisher: Example Clinic\n  ? [a]\n  : b\n",
      "doc.yaml:11:5: error[unsupported-yaml]: a key that is a list; keys are text"
    ),
    (
      "      reviewed: {date: 2024-02-29}", "      reviewed: {date: 2024-02-29}\n      2024-02-29: {number: 1}",
      "doc.yaml:10:7: error[unsupported-yaml]: the key '2024-02-29' is read as a date, not as text; write it in quotes (\"2024-02-29\") if it is meant as text"
    ),
    (
      // A plain text broken by an LS: YAML reads "Clinic" as the next line.
      "  publisher: Example Clinic\n", "  publisher: Example\u{2028}Clinic\n",
      "doc.yaml:12:1: error[malformed-yaml]: malformed YAML: could not find expected ':' (while scanning a simple key that starts at line 11, column 1)\ndoc.yaml:10:21: error[unusual-line-break]: U+2028 LINE SEPARATOR, which YAML reads as a line break but many editors do not; line numbers after it count it as one. Replace it with a normal line break (or, inside a double-quoted text that needs it, write \\L)."
    ),
    (
      "  publisher: Example Clinic\n", "  publisher: \"Example\u{2029}Clinic\"\n",
      "doc.yaml:10:22: error[unusual-line-break]: U+2029 PARAGRAPH SEPARATOR, which YAML reads as a line break but many editors do not; line numbers after it count it as one. Replace it with a normal line break (or, inside a double-quoted text that needs it, write \\P)."
    ),
  ])
  func reportsWhereTheContentIsWrong(original: String, replacement: String, expected: String) throws {
    let text = minimal.replacingOccurrences(of: original, with: replacement)
    #expect(text != minimal)
    #expect {
      _ = try Document.parse(text, file: "doc.yaml")
    } throws: { error in
      (error as? DiagnosticError)?.description == expected
    }
  }
}
