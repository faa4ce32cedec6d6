import Foundation
import NetexportExporters
import NetexportICU
import NetexportModel
import NetexportValidation
import Testing

@Suite struct LargePrintHTMLExporterTests {
  let spanish = LanguageTag("es")!
  let document = Document(
    id: "mini", sourceLocale: "en",
    metadata: Metadata(
      title: "title", byline: "byline",
      reviewed: TextRef("reviewed", arguments: ["reviewed": .date(CalendarDay(iso8601: "2023-06-23")!)]),
      publisher: "Example"),
    sections: [
      Section(
        id: "s", heading: "s.heading",
        blocks: [.paragraph("s.text"), .list(ListBlock(items: [ListItem("s.item")]))])
    ],
    references: References(heading: "refs", items: ["ref"]),
    abbreviations: [Abbreviation(id: "men1", short: "abbr.men1", expansion: "abbr.men1.expansion")])

  func html(
    _ texts: [String: String], locale: String = "es", fallback: Set<String> = [],
    exporter: LargePrintHTMLExporter = LargePrintHTMLExporter()
  ) throws -> String {
    let defaults = [
      "title": "Título", "byline": "Por el personal", "reviewed": "Revisado: {reviewed, date, ::yMMMMd}",
      "s.heading": "Tipos", "s.text": "Texto", "s.item": "Uno", "refs": "Referencias", "ref": "Una referencia",
      "abbr.men1": "NEM 1", "abbr.men1.expansion": "neoplasia endocrina múltiple de tipo 1",
      "export.page-counter": "Página {page, number} de {pages, number}",
    ]
    let merged = defaults.merging(texts) { $1 }
    let resolved = try Fixtures.resolve(
      document, texts: merged, locale: locale, source: merged.mapValues { "EN " + $0 }, fallback: fallback)
    return try exporter.export(resolved)
  }

  @Test func matchesTheGoldenFileForTheBundledDocument() throws {
    let output = try LargePrintHTMLExporter().export(Fixtures.english())
    try Fixtures.assertSnapshot(output, named: "neuroendocrine-tumors.en.html")
  }

  @Test func escapesEveryCatalogString() throws {
    let hostile = "<script>alert(1)</script> & \"quotes\" 'single' ]]> \u{202E}evil"
    let output = try html(["s.text": hostile, "title": "<b>T</b>", "s.item": "a < b & c"])
    #expect(!output.contains("<script>"))
    #expect(!output.contains("<b>T</b>"))
    #expect(output.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;single&#39; ]]&gt;"))
    #expect(output.contains("<title>&lt;b&gt;T&lt;/b&gt;</title>"))
    #expect(output.contains("<li>a &lt; b &amp; c</li>"))
    // Only the exporter's own elements remain.
    let tags = Set(output.matches(of: /<([a-zA-Z0-9!]+)/).map { String($0.1) })
    #expect(
      tags.isSubset(of: [
        "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "main",
        "section", "ul", "ol", "li", "aside", "footer", "abbr", "span", "br",
      ]))
  }

  @Test func escapesThePageCounterInsideTheStyleSheet() throws {
    let output = try html(["export.page-counter": "</style><script>x</script> \"{page, number}\" / {pages, number}"])
    #expect(!output.contains("</style><script>"))
    #expect(output.contains("counter(page)"))
    #expect(output.contains("counter(pages)"))
  }

  @Test func setsTheLanguageOfThePageAndOfPassagesInAnother() throws {
    let output = try html([:], fallback: ["s.text"])
    #expect(output.contains("<html lang=\"es\" dir=\"ltr\">"))
    #expect(output.contains("<p><span lang=\"en\" dir=\"ltr\">EN Texto</span></p>"))
    #expect(output.contains("size: A4"))
    #expect(output.contains("content: \"Página \" counter(page) \" de \" counter(pages)"))
  }

  @Test func takesAPageCounterThatIsNotReadyFromTheSource() throws {
    let output = try html([:], fallback: ["export.page-counter"])
    #expect(output.contains("content: \"EN Página \" counter(page) \" de \" counter(pages)"))
  }

  @Test func writesRightToLeftPagesForArabic() throws {
    let output = try html(["title": "الأورام"], locale: "ar")
    #expect(output.contains("<html lang=\"ar\" dir=\"rtl\">"))
  }

  @Test func marksAbbreviationsWithTheirExpansionsWithoutChangingTheText() throws {
    let output = try html(["s.text": "La NEM 1 es rara."])
    #expect(
      output.contains(
        "<p>La <abbr title=\"neoplasia endocrina múltiple de tipo 1\">NEM 1</abbr> es rara.</p>"))
  }

  @Test func usesLargePrintStyles() throws {
    let output = try html([:])
    #expect(output.contains("font-size: 24px"))
    #expect(output.contains("line-height: 1.5"))
    #expect(!output.contains("justify"))
    #expect(!output.contains("italic"))
    #expect(!output.contains("uppercase"))
    #expect(!output.contains("<link") && !output.contains("<script") && !output.contains("<img"))
  }

  /// The paper is CLDR's for the locale's region (its likely region when the tag has none),
  /// unless one is chosen.
  @Test(arguments: [
    ("es", "A4"), ("en", "letter"), ("en-GB", "A4"), ("es-MX", "letter"), ("es-CO", "letter"), ("fr-CA", "letter"),
    ("pt-BR", "A4"),
  ])
  func laysThePageOutForTheLocalesPaper(locale: String, size: String) throws {
    #expect(try html([:], locale: locale).contains("@page { size: \(size);"))
  }

  @Test func laysThePageOutForAChosenPaper() throws {
    #expect(try html([:], exporter: LargePrintHTMLExporter(paper: .letter)).contains("@page { size: letter;"))
    #expect(try html([:], locale: "en", exporter: LargePrintHTMLExporter(paper: .a4)).contains("@page { size: A4;"))
  }
}
