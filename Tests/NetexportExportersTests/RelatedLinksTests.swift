import Foundation
import NetexportExporters
import NetexportICU
import NetexportModel
import NetexportResolution
import Testing

/// Issue 14, item 5: links to related topics ("Associated procedures") are shown after the
/// references, under their own heading, and never as part of the document's content.
@Suite struct RelatedLinksTests {
  static let document = Document(
    id: "mini", sourceLocale: "en",
    metadata: Metadata(
      title: "title", byline: "byline",
      reviewed: TextRef("reviewed", arguments: ["reviewed": .date(CalendarDay(iso8601: "2023-06-23")!)]),
      publisher: "Example"),
    sections: [Section(id: "related", heading: "s.heading", blocks: [.paragraph("s.text")])],
    references: References(heading: "refs", items: ["ref"]),
    related: [
      RelatedLinks(heading: "procedures.heading", items: ["procedures.chemo", "procedures.radiation"]),
      RelatedLinks(
        heading: "conditions.heading",
        items: [TextRef("conditions.carcinoid", links: ["https://example.org/carcinoid"])]),
    ])

  static let texts = [
    "title": "Tumores", "byline": "Por el personal", "reviewed": "Revisado: {reviewed, date, ::yMMMMd}",
    "s.heading": "Relacionado", "s.text": "Texto.", "refs": "Referencias", "ref": "Una referencia.",
    "procedures.heading": "Procedimientos asociados", "procedures.chemo": "Quimioterapia",
    "procedures.radiation": "Radioterapia", "conditions.heading": "Afecciones relacionadas",
    "conditions.carcinoid": "<link1>Tumores carcinoides</link1>",
    "export.page-counter": "Página {page, number} de {pages, number}",
  ]

  static func resolved() throws -> ResolvedDocument {
    try Fixtures.resolve(document, texts: texts, locale: "es")
  }

  /// After the references, each group is a heading and a list; a group whose titles link to
  /// their pages is a navigation landmark. Ids stay unique when a section is called "related".
  @Test func theHandoutShowsEachGroupAfterTheReferences() throws {
    let html = try LargePrintHTMLExporter().export(Self.resolved())
    let references = try #require(html.range(of: "<li>Una referencia.</li>"))
    let first = try #require(
      html.range(
        of: """
          <section aria-labelledby="related-2">
              <h2 id="related-2">Procedimientos asociados</h2>
              <ul class="related">
                <li>Quimioterapia</li>
                <li>Radioterapia</li>
              </ul>
            </section>
            <nav aria-labelledby="related-3">
              <h2 id="related-3">Afecciones relacionadas</h2>
              <ul class="related">
                <li><a href="https://example.org/carcinoid">Tumores carcinoides</a></li>
              </ul>
            </nav>
          </footer>
          """))
    #expect(references.upperBound < first.lowerBound)
    #expect(html.contains("<section aria-labelledby=\"related\">\n    <h2 id=\"related\">Relacionado</h2>"))
  }

  @Test func plainTextListsThemAfterTheReferences() throws {
    let text = try PlainTextExporter().export(Self.resolved())
    #expect(
      text.hasSuffix(
        """
        Referencias
        -----------

        1. Una referencia.

        Procedimientos asociados
        ------------------------

        - Quimioterapia
        - Radioterapia

        Afecciones relacionadas
        -----------------------

        - Tumores carcinoides (https://example.org/carcinoid)

        """))
  }

  /// Speech leaves them out: said after the document, three names of procedures sound like
  /// the treatments it gives. The repository's document in every shipped locale.
  @Test(arguments: try Fixtures.shippedLocales())
  func speechLeavesThemOut(locale: String) throws {
    let written = try Fixtures.shipped(locale)
    let related = try #require(written.related.first)
    let spoken = try Fixtures.shipped(locale, spoken: true)
    for format in [AudioScriptExporter(width: 1000) as any TextExporter, SSMLExporter()] {
      let output = try format.export(spoken)
      for text in [related.heading] + related.items {
        #expect(!output.contains(text.text), "\(locale): \(text.text) is said")
      }
    }
    // And the parts are counted without them: "Part … of seven" (six sections and the references).
    #expect(spoken.sections.count == 6)
  }
}
