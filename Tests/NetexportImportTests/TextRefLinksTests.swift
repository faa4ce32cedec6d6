import Foundation
import NetexportImport
import NetexportModel
import NetexportTestSupport
import Testing

/// The `links` field that text references gained for Markdown links.
@Suite struct TextRefLinksTests {
  func document(paragraph: String) -> String {
    """
    id: d
    source-locale: en
    metadata: {title: t, byline: b, reviewed: r, publisher: P}
    sections:
      - id: s
        heading: s.heading
        blocks:
          - paragraph: \(paragraph)
    references: {heading: references.heading, items: []}
    """
  }

  @Test func readsLinksAndWritesThemBack() throws {
    let parsed = try Document.parse(
      document(paragraph: #"{key: s.text, links: ["https://example.org/a", "mailto:a@example.org", "tel:+15550100"]}"#),
      file: "d.yaml")
    let ref = try #require(
      parsed.sections.first?.blocks.first.flatMap { if case .paragraph(let r) = $0 { r } else { nil } })
    #expect(ref == TextRef("s.text", links: ["https://example.org/a", "mailto:a@example.org", "tel:+15550100"]))
    let written = ContentWriter.yaml(parsed)
    #expect(try Document.parse(written, file: "written.yaml") == parsed)
    #expect(written.contains("links:"))
    #expect(!written.contains("arguments:"))
  }

  @Test func aReferenceWithoutLinksStaysABareKey() throws {
    let parsed = try Document.parse(document(paragraph: "s.text"), file: "d.yaml")
    #expect(ContentWriter.yaml(parsed).contains("\n      - paragraph: s.text\n"))
  }

  /// The error points at the address itself: line 8, column 42.
  @Test(arguments: [
    "page.html", "ftp://example.org/file", "https://", "javascript:alert(1)", "https://example.org/a b",
  ])
  func refusesAddressesAReaderCannotFollow(address: String) throws {
    let error = try #require(throws: DiagnosticError.self) {
      try Document.parse(document(paragraph: "{key: s.text, links: [\"\(address)\"]}"), file: "d.yaml")
    }
    #expect(
      error.description
        == "d.yaml:8:42: error[invalid-content]: sections[0].blocks[0].paragraph.links[0]: '\(address)' is not a link address netexport can show (write a full web address (http:// or https://), an e-mail address (mailto:) or a phone number (tel:))"
    )
  }

  @Test func theNETDocumentStillDecodesWithoutLinks() throws {
    let document = try Repository.document()
    #expect(document.textRefs.allSatisfy { $0.links.isEmpty })
  }
}
