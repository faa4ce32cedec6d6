import Foundation
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

  @Test func decodesLinksAndEncodesThemBack() throws {
    let parsed = try Document.parse(
      document(paragraph: #"{key: s.text, links: ["https://example.org/a", "mailto:a@example.org", "tel:+15550100"]}"#),
      file: "d.yaml")
    let ref = try #require(
      parsed.sections.first?.blocks.first.flatMap { if case .paragraph(let r) = $0 { r } else { nil } })
    #expect(ref == TextRef("s.text", links: ["https://example.org/a", "mailto:a@example.org", "tel:+15550100"]))
    let json = try JSONEncoder().encode(ref)
    #expect(try JSONDecoder().decode(TextRef.self, from: json) == ref)
    #expect(String(decoding: json, as: UTF8.self).contains("\"links\""))
    #expect(!String(decoding: json, as: UTF8.self).contains("\"arguments\""))
  }

  @Test func aReferenceWithoutLinksStaysABareKey() throws {
    let json = try JSONEncoder().encode(TextRef("s.text"))
    #expect(String(decoding: json, as: UTF8.self) == #""s.text""#)
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
