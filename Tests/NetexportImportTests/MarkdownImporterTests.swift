import Foundation
import NetexportICU
import NetexportModel
import NetexportTestSupport
import Synchronization
import Testing

@testable import NetexportImport

/// The fixture that uses every supported construct (Fixtures/everything.md), against its
/// golden content model, catalog and warnings.
@Suite struct EverythingFixtureTests {
  let imported: ImportedDocument

  init() throws { imported = try Fixtures.everything() }

  @Test func givesTheGoldenContentModel() throws {
    try Fixtures.assertGolden(
      ContentWriter.yaml(imported.document, importedFrom: "Fixtures/everything.md"), named: "everything.content.yaml")
  }

  @Test func givesTheGoldenMessages() throws {
    try Fixtures.assertGolden(
      ContentWriter.sourceCatalog(
        imported.messages, locale: "en", documentID: imported.document.id, importedFrom: "Fixtures/everything.md"),
      named: "everything.catalog.yaml")
  }

  @Test func givesTheGoldenWarnings() throws {
    try Fixtures.assertGolden(
      imported.warnings.map(\.description).joined(separator: "\n") + "\n", named: "everything.warnings.txt")
  }

  @Test func mapsTheFrontMatter() throws {
    let document = imported.document
    #expect(document.id == "preparing-for-a-scan")
    #expect(document.sourceLocale == "en")
    #expect(document.metadata.publisher == "Riverside Health")
    #expect(document.metadata.reviewed.key == "document.reviewed")
    #expect(
      document.metadata.reviewed.arguments == ["reviewed": .date(try #require(CalendarDay(iso8601: "2025-03-14")))])
    #expect(document.references.heading.key == "references.heading")
    #expect(document.references.items.map(\.links) == [["https://example.org/safety"], []])
    #expect(document.related.map(\.heading.key) == ["related.heading"])
    #expect(document.related.first?.items.map(\.key) == ["related.item-1", "related.item-2"])
    #expect(document.related.first?.items.map(\.links) == [[], ["https://example.org/mri"]])
    #expect(document.terms.map(\.id) == ["contrast-dye", "pet"])
    #expect(document.terms.map { $0.definition?.key } == ["term.contrast-dye.definition", nil])
    #expect(document.abbreviations.map(\.id) == ["ct"])
    #expect(document.doNotTranslate == ["Riverside Health"])
  }

  @Test func mapsTheBody() throws {
    let sections = imported.document.sections
    #expect(sections.map(\.id) == ["before-your-scan", "during-the-scan", "after-the-scan"])
    let before = sections[0].blocks
    #expect(before.count == 6)
    guard case .list(let bring) = before[1], case .list(let day) = before[2], case .heading = before[3],
      case .callout(let callout) = before[5]
    else {
      Issue.record("unexpected blocks \(before)")
      return
    }
    #expect(bring.leadIn?.key == "before-your-scan.lead-in-1")
    #expect(!bring.ordered && day.ordered)
    #expect(bring.items.map { $0.detail?.key } == [nil, "before-your-scan.item-2.detail", nil])
    #expect(callout.title?.key == "before-your-scan.callout.title-1")
    #expect(callout.body.map(\.key) == ["before-your-scan.callout-1"])
    guard case .paragraph(let contact) = before[4] else { throw DiagnosticError([]) }
    #expect(contact.links == ["tel:+15550100", "mailto:imaging@example.org"])
  }

  @Test func everyReferenceHasOneMessageInReadingOrder() {
    let keys = imported.messages.map(\.key)
    #expect(Set(keys).count == keys.count)
    var seen = Set<String>()
    let used = imported.document.textRefs.map(\.key).filter {
      !MarkdownImporter.sharedLabelKeys.contains($0) && seen.insert($0).inserted
    }
    #expect(keys == used)
    #expect(imported.messages.allSatisfy { $0.note?.isEmpty == false })
  }

  @Test func notesGiveTheContext() throws {
    let notes = Dictionary(uniqueKeysWithValues: imported.messages.map { ($0.key, $0.note ?? "") })
    #expect(
      notes["before-your-scan.item-4"]
        == "List item 1 of 3 under 'Before your scan' (numbered: the order matters).")
    #expect(notes["before-your-scan.paragraph-1"] == "Paragraph under 'Before your scan'.")
    #expect(
      notes["before-your-scan.item-5"]?.contains("The author wrote italics; large print shows them in bold.") == true)
    #expect(notes["after-the-scan.paragraph-1"]?.contains("<link1>…</link1>") == true)
  }

  /// ICU formats each message to exactly what the author wrote, braces and apostrophes included.
  @Test func messagesFormatToTheAuthorsText() throws {
    let texts = imported.texts
    let english = try #require(LanguageTag("en"))
    func formatted(_ key: String) throws -> String {
      try Formatting.message(try #require(texts[key]), arguments: [:], locale: english)
    }
    #expect(
      try formatted("during-the-scan.paragraph-1")
        == "The scan takes 15 to 45 minutes. Questions in {curly braces} and the 'quoted' words, it's '{all}' kept as written: #1 in care."
    )
    #expect(try formatted("before-your-scan.item-5") == "Do <b>not</b> eat for 4 hours before the scan.")
    #expect(try formatted("document.subtitle") == "What to expect & how to get ready")
    #expect(
      try Formatting.message(
        try #require(texts["document.reviewed"]),
        arguments: ["reviewed": .date(try #require(CalendarDay(iso8601: "2025-03-14")))], locale: english)
        == "Reviewed: March 14, 2025")
  }

  /// cmark-gfm keeps process-wide state that a parser's extensions change: parses running at
  /// once (as the test suite runs them) once read the fixture's `www.` link as plain text.
  @Test func parsesRunningAtOnceGiveTheSameImport() throws {
    let text = try Fixtures.text("everything.md")
    let expected = imported.messages
    let results = Mutex<[Bool]>([])
    DispatchQueue.concurrentPerform(iterations: 256) { _ in
      let same = (try? MarkdownImporter.parse(markdown: text, file: "Fixtures/everything.md"))?.messages == expected
      results.withLock { $0.append(same) }
    }
    #expect(results.withLock { $0.count } == 256)
    #expect(results.withLock { $0.allSatisfy { $0 } })
  }

  @Test func windowsLineEndingsGiveTheSameImport() throws {
    let crlf = try Fixtures.text("everything.md").replacingOccurrences(of: "\n", with: "\r\n")
    let again = try MarkdownImporter.parse(markdown: crlf, file: "Fixtures/everything.md")
    #expect(again.document == imported.document)
    #expect(again.messages == imported.messages)
    #expect(again.warnings == imported.warnings)
  }

  @Test func theContentModelReadsBackEqual() throws {
    let yaml = ContentWriter.yaml(imported.document, importedFrom: "Fixtures/everything.md")
    #expect(try Document.parse(yaml, file: "everything.content.yaml") == imported.document)
  }

  @Test func theCatalogReadsBackWithTheSameTextsAndNotes() throws {
    let yaml = ContentWriter.sourceCatalog(
      imported.messages, locale: "en", documentID: imported.document.id, importedFrom: "Fixtures/everything.md")
    let catalog = try Catalog.parse(yaml, file: "en.yaml", expectedLocale: "en", kind: .document(imported.document.id))
    #expect(catalog.entries.map { SourceMessage(key: $0.key, text: $0.text, note: $0.note) } == imported.messages)
  }
}

@Suite struct MarkdownImporterTests {
  func handout(_ frontMatter: String = "", body: String) -> String {
    "---\ntitle: T\nbyline: B\npublisher: P\nreviewed: 2025-01-01\n\(frontMatter)---\n\n\(body)"
  }

  @Test func takesTheTitleFromTheHashHeadingWhenTheFrontMatterHasNone() throws {
    let text = "---\nbyline: B\npublisher: P\nreviewed: 2025-01-01\n---\n\n# Going *home*\n\n## Care\n\nRest.\n"
    let imported = try MarkdownImporter.parse(markdown: text, file: "home.md")
    #expect(
      imported.messages.first
        == SourceMessage(key: "document.title", text: "Going <b>home</b>", note: imported.messages.first?.note))
    #expect(imported.document.id == "home")
  }

  @Test func aMatchingHashTitleIsAccepted() throws {
    let imported = try MarkdownImporter.parse(markdown: handout(body: "#  T\n\n## S\n\nText.\n"), file: "x.md")
    #expect(imported.texts["document.title"] == "T")
  }

  @Test func theIDComesFromTheCallerTheFrontMatterOrTheFileName() throws {
    #expect(
      try MarkdownImporter.parse(markdown: handout(body: "## S\n\nA.\n"), file: "dir/Après la Scan.md").document.id
        == "apres-la-scan")
    #expect(
      try MarkdownImporter.parse(markdown: handout("id: given\n", body: "## S\n\nA.\n"), file: "x.md").document.id
        == "given")
    #expect(
      try MarkdownImporter.parse(markdown: handout(body: "## S\n\nA.\n"), file: "x.md", id: "asked").document.id
        == "asked")
    let error = try #require(throws: DiagnosticError.self) {
      try MarkdownImporter.parse(markdown: handout("id: given\n", body: "## S\n\nA.\n"), file: "x.md", id: "asked")
    }
    #expect(
      error.description
        == "x.md:6:5: error[markdown-front-matter]: the front matter says id 'given' but the import asks for 'asked'; use one of them"
    )
  }

  @Test func aSharedCatalogNameIsNotADocumentID() throws {
    let error = try #require(throws: DiagnosticError.self) {
      try MarkdownImporter.parse(markdown: handout(body: "## S\n\nA.\n"), file: "labels.md")
    }
    #expect(error.diagnostics.map(\.code) == ["markdown-front-matter"])
  }

  /// A control character (raw, or written as an entity) or, in a left-to-right language, a
  /// bidirectional control is refused at the block or field it is in: the catalog the import
  /// writes refused the one (the error named that file, which the author never wrote), and
  /// validation the other (the import left a project that fails). Found by the Markdown
  /// import fuzz target.
  @Test func controlAndBidiCharactersAreRefusedInTheHandout() throws {
    let markdown = handout(
      "subtitle: \"Now\\ein colour\"\n",
      body: "## Care\n\nRest\u{1B}[2J now.\n\n- Sleep &#x202E;well\n- Eat\n\n## Diet\n\nNo \u{85}salt.\n")
    let error = try #require(throws: DiagnosticError.self) {
      try MarkdownImporter.parse(markdown: markdown, file: "x.md")
    }
    #expect(
      error.diagnostics.map(\.description) == [
        "x.md:6:11: error[control-character]: this text holds the control character U+001B, which no handout may contain; remove it",
        "x.md:11:1: error[control-character]: this text holds the control character U+001B, which no handout may contain; remove it",
        "x.md:13:3: error[bidi-control]: this text holds U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional control that can change the order in which characters are shown, which a left-to-right language does not need; remove it",
        "x.md:18:1: error[control-character]: this text holds the control character U+0085, which no handout may contain; remove it",
      ])
    // An isolate is fine in a right-to-left language; an override never is.
    let arabic = handout(body: "## رعاية\n\nنص \u{2067}abc\u{2069} هنا.\n\nنص \u{202E}x.\n")
    let refused = try #require(throws: DiagnosticError.self) {
      try MarkdownImporter.parse(markdown: arabic, file: "ar.md", sourceLocale: "ar")
    }
    #expect(refused.diagnostics.map(\.code) == ["bidi-control"])
    #expect(refused.diagnostics.first?.location?.line == 12)
  }

  /// A column after a NUL is counted in the author's characters: cmark reads each NUL as
  /// U+FFFD, three bytes, and the raw HTML after three of them was placed six columns too far
  /// right (past the end of its line). Found by the Markdown import fuzz target.
  @Test func columnsAfterANulCountTheAuthorsCharacters() throws {
    let markdown = handout(body: "## Care\n\nA\u{0}\u{0}\u{0} <b>x</b>.\n")
    let error = try #require(throws: DiagnosticError.self) {
      try MarkdownImporter.parse(markdown: markdown, file: "x.md")
    }
    #expect(
      error.diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.code)" } == [
        "10:6 markdown-unsupported", "10:10 markdown-unsupported",
      ])
  }

  /// The front matter is YAML like every other file netexport reads, and refuses the same:
  /// anchors and aliases (an alias bomb took minutes to compose: `import` hung), tags, keys
  /// that are lists, at their line and column in the Markdown file.
  @Test func frontMatterRefusesAliasesTagsAndCollectionKeys() throws {
    let markdown = """
      ---
      title: &t Going home
      byline: *t
      publisher: !!binary UA==
      ? [a, b]
      : c
      reviewed: 2025-01-01
      ---

      ## Care

      Rest.

      """
    let error = try #require(throws: DiagnosticError.self) {
      try MarkdownImporter.parse(markdown: markdown, file: "x.md")
    }
    #expect(
      error.diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.code)" } == [
        "2:8 markdown-front-matter", "3:9 markdown-front-matter", "4:12 markdown-front-matter",
        "5:3 markdown-front-matter",
      ])
    #expect(error.diagnostics.allSatisfy { $0.message.hasPrefix("the front matter's YAML: ") })
  }

  @Test func hardBreaksAndLinkTitlesAreWarnings() throws {
    let imported = try MarkdownImporter.parse(
      markdown: handout(body: "## S\n\nLine one  \nline two, [site](https://example.org \"Our site\").\n"), file: "x.md"
    )
    #expect(imported.texts["s.paragraph-1"] == "Line one line two, <link1>site</link1>.")
    #expect(
      imported.warnings.map(\.description) == [
        "x.md:10:11: warning[markdown-line-break]: a hard line break (two spaces or a backslash at the end of a line) becomes a space: handouts wrap lines themselves; start a new paragraph or list item to separate the text",
        "x.md:11:11: warning[markdown-link-title]: the link's title \"Our site\" is not shown in any export; put what matters in the link text",
      ])
  }

  @Test func sectionIDsAreUniqueAndNeverTakeASharedPrefix() throws {
    let imported = try MarkdownImporter.parse(
      markdown: handout(
        body: "## References\n\nA.\n\n## Notes\n\nB.\n\n## Notes\n\nC.\n\n## 2025 changes\n\nD.\n\n## 检查前\n\nE.\n"),
      file: "x.md")
    #expect(
      imported.document.sections.map(\.id) == [
        "references-section", "notes", "notes-2", "section-2025-changes", "jian-cha-qian",
      ])
    #expect(imported.messages.map(\.key).filter { $0.hasPrefix("references.") }.isEmpty)
  }

  @Test func aCalloutTitleIsOnlyAWhollyBoldFirstLine() throws {
    let imported = try MarkdownImporter.parse(
      markdown: handout(body: "## S\n\n> **Note** this is not a title.\n\n> **A title**\\\n> Body.\n"), file: "x.md")
    guard case .callout(let first) = imported.document.sections[0].blocks[0],
      case .callout(let second) = imported.document.sections[0].blocks[1]
    else { throw DiagnosticError([]) }
    #expect(first.title == nil)
    #expect(imported.texts[first.body[0].key] == "<b>Note</b> this is not a title.")
    #expect(second.title.map { imported.texts[$0.key] } == "A title")
    #expect(imported.texts[second.body[0].key] == "Body.")
    #expect(imported.warnings.isEmpty)
  }

  @Test func aParagraphBeforeAListWithoutAColonStaysAParagraph() throws {
    let imported = try MarkdownImporter.parse(
      markdown: handout(body: "## S\n\nSome things.\n\n- a\n- b\n"), file: "x.md")
    #expect(imported.document.sections[0].blocks.count == 2)
    guard case .list(let list) = imported.document.sections[0].blocks[1] else { throw DiagnosticError([]) }
    #expect(list.leadIn == nil)
  }
}

@Suite struct ContentWriterTests {
  @Test func theNETDocumentReadsBackEqual() throws {
    let net = try Repository.document()
    #expect(!net.related.isEmpty)
    let yaml = ContentWriter.yaml(net)
    #expect(try Document.parse(yaml, file: "net.yaml") == net)
  }

  /// Text YAML would read as something else (a number, a date, a boolean, a comment) is quoted.
  @Test(arguments: [
    "2024", "yes", "No", "a: b", "#hash", "x #y", "null", "- dash", "trailing ", "\"quoted\"", "It's fine",
    "Plymouth Meeting, Pa.", "1e3", "Ünïcode", "tab\there", "~",
  ])
  func plainTextRoundTrips(text: String) throws {
    let document = Document(
      id: "d", sourceLocale: "en",
      metadata: Metadata(title: "t", byline: "b", reviewed: "r", publisher: text), sections: [],
      references: References(heading: "references.heading", items: []), doNotTranslate: [text])
    #expect(try Document.parse(ContentWriter.yaml(document), file: "d.yaml") == document)
  }

  @Test func referencesWithArgumentsAndLinksReadBackEverywhere() throws {
    let day = try #require(CalendarDay(iso8601: "2024-02-29"))
    let rich = TextRef(
      "s.rich", arguments: ["n": .number(2.5), "d": .date(day), "s": .string("a \"b\"")], links: ["https://example.org"]
    )
    let document = Document(
      id: "d", sourceLocale: "en",
      metadata: Metadata(title: rich, subtitle: rich, byline: "b", reviewed: rich, publisher: "P"),
      sections: [
        Section(
          id: "s", heading: rich,
          blocks: [
            .heading(rich), .paragraph(rich),
            .list(
              ListBlock(
                leadIn: rich,
                items: [ListItem(rich, detail: rich), ListItem("s.plain", detail: "s.d"), ListItem(rich)], ordered: true
              )),
            .list(ListBlock(items: [])),
            .callout(Callout(title: rich, body: [rich, "s.plain"])),
          ])
      ],
      references: References(heading: rich, items: [rich, "r.plain"]),
      related: [
        RelatedLinks(heading: "related.heading", items: [rich, "related.plain"]),
        RelatedLinks(heading: rich, items: ["related.other"]),
      ],
      terms: [Term(id: "t", name: rich, definition: rich), Term(id: "u", name: "term.u")],
      abbreviations: [Abbreviation(id: "a", short: rich, expansion: "abbr.a.expansion")])
    #expect(try Document.parse(ContentWriter.yaml(document), file: "d.yaml") == document)
  }
}
