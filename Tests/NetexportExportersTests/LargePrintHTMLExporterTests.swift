import Foundation
import NetexportExporters
import NetexportICU
import NetexportModel
import NetexportResolution
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
    _ texts: [String: String], locale: String = "es", fallback: Set<String> = [], document: Document? = nil,
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
      document ?? self.document, texts: merged, locale: locale, source: merged.mapValues { "EN " + $0 },
      fallback: fallback)
    return try exporter.export(resolved)
  }

  @Test func matchesTheGoldenFileForTheBundledDocument() throws {
    let output = try LargePrintHTMLExporter().export(Fixtures.english())
    try Fixtures.assertSnapshot(output, named: "neuroendocrine-tumors.en.html")
  }

  /// Issue 14: a passage the catalog keeps in another language is marked with its language
  /// (and direction, so that an English name in Arabic is laid out as English), one span for
  /// the whole passage whatever its emphasis or links; a message taken from English as a
  /// whole is marked once, not again inside.
  @Test func marksThePassagesTheCatalogKeepsInAnotherLanguage() throws {
    let output = try html(
      [
        "s.text": "تواصل على <lang-en>Mayo <b>Clinic</b> Connect</lang-en>، وهو مجتمع.",
        "ref": "<lang-en>Neuroendocrine and adrenal tumors.</lang-en> تاريخ الاطلاع.", "title": "الأورام",
      ], locale: "ar")
    #expect(
      output.contains(
        "<p>تواصل على <span lang=\"en\" dir=\"ltr\">Mayo <strong>Clinic</strong> Connect</span>، وهو مجتمع.</p>"))
    #expect(
      output.contains("<li><span lang=\"en\" dir=\"ltr\">Neuroendocrine and adrenal tumors.</span> تاريخ الاطلاع.</li>")
    )
    // English taken whole (--allow-incomplete) holds no second English span.
    let fallback = try html(["s.text": "<lang-en>Mayo</lang-en> x"], fallback: ["s.text"])
    #expect(fallback.contains("<p><span lang=\"en\" dir=\"ltr\">EN Mayo x</span></p>"))
  }

  @Test func escapesEveryCatalogString() throws {
    let hostile = "<script>alert(1)</script> & \"quotes\" 'single' ]]> \u{202E}evil"
    // <b> and <linkN> are netexport's own markup (bold and links); any other tag is text.
    let output = try html(["s.text": hostile, "title": "<i>T</i>", "s.item": "a < b & c"])
    #expect(!output.contains("<script>"))
    #expect(!output.contains("<i>T</i>"))
    #expect(output.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;single&#39; ]]&gt;"))
    #expect(output.contains("<title>&lt;i&gt;T&lt;/i&gt;</title>"))
    #expect(output.contains("<li>a &lt; b &amp; c</li>"))
    // Only the exporter's own elements remain.
    let tags = Set(output.matches(of: /<([a-zA-Z0-9!]+)/).map { String($0.1) })
    #expect(
      tags.isSubset(of: [
        "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "main",
        "section", "ul", "ol", "li", "aside", "footer", "abbr", "span", "br",
      ]))
  }

  /// Issue 11: a prepended mark before `<`, or a combining mark after `"`, makes one grapheme
  /// cluster with the markup character, and an escaper that compared clusters let it through
  /// (a live `<img onerror>`; an `onfocus` outside the `abbr` title).
  @Test func escapesMarkupCharactersInsideAGraphemeCluster() throws {
    let output = try html([
      "title": "\u{0600}<img src=x onerror=document.title=1337 x=\"",
      "abbr.men1.expansion": "type 1\"\u{0301} autofocus onfocus=document.title=1337 x=\"",
      "s.text": "La NEM 1 es rara.",
    ])
    #expect(output.containsScalars("<h1>\u{0600}&lt;img src=x onerror=document.title=1337 x=&quot;</h1>"))
    #expect(output.containsScalars("<title>\u{0600}&lt;img src=x onerror=document.title=1337 x=&quot;</title>"))
    #expect(
      output.containsScalars(
        "<abbr title=\"type 1&quot;\u{0301} autofocus onfocus=document.title=1337 x=&quot;\">NEM 1</abbr>"))
    #expect(!output.containsScalars("<img"))
  }

  /// Controls and noncharacters are parse errors in HTML (the Nu checker rejects them), and
  /// U+FFFE and U+FFFF cannot be in XML at all: text, attributes and CSS get U+FFFD instead.
  @Test func replacesControlsAndNoncharactersEverywhere() throws {
    // (Swift's literals refuse noncharacters, so they are made from their values.)
    let (uFFFF, uFDD0) = (String(Unicode.Scalar(0xFFFF)!), String(Unicode.Scalar(0xFDD0)!))
    let output = try html([
      "title": "A\(uFFFF)B\(uFDD0)C\u{1B}D\u{85}E\u{7F}F",
      "abbr.men1.expansion": "neoplasia\u{0}\u{8}", "s.text": "La NEM 1 es rara.",
      "export.page-counter": "P\u{7}{page, number}\u{C}/{pages, number}",
    ])
    #expect(output.contains("<h1>A\u{FFFD}B\u{FFFD}C\u{FFFD}D\u{FFFD}E\u{FFFD}F</h1>"))
    #expect(output.contains("<title>A\u{FFFD}B\u{FFFD}C\u{FFFD}D\u{FFFD}E\u{FFFD}F</title>"))
    #expect(output.contains("<abbr title=\"neoplasia\u{FFFD}\u{FFFD}\">"))
    #expect(output.contains("content: \"P\u{FFFD}\" counter(page) \"\u{FFFD}/\" counter(pages)"))
  }

  @Test func givesTheReferencesAnIDNoSectionHas() throws {
    var document = self.document
    document.sections += [
      Section(id: "references", heading: "s.heading", blocks: []),
      Section(id: "references-2", heading: "s.heading", blocks: []),
    ]
    let output = try html([:], document: document)
    #expect(output.contains("<section aria-labelledby=\"references\">\n    <h2 id=\"references\">Tipos</h2>"))
    #expect(
      output.contains("<section aria-labelledby=\"references-3\">\n    <h2 id=\"references-3\">Referencias</h2>"))
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

  @Test func printsARunningHeaderAndFooterForThePDF() throws {
    let layout = LargePrintHTMLExporter.PrintLayout(organization: "Clínica Sol", contact: "Tel. 555-0100")
    let output = try html([:], exporter: LargePrintHTMLExporter(print: layout))
    // The title and the review date at the head of every page, where lines start.
    #expect(output.contains("@top-left { content: \"Título\\a Revisado: 23 de junio de 2023\";"))
    // The organization and its contact line at the foot, the page number at the end.
    #expect(output.contains("@bottom-left { content: \"Clínica Sol\\a Tel. 555-0100\";"))
    #expect(output.contains("@bottom-right { content: \"Página \" counter(page) \" de \" counter(pages);"))
    #expect(output.contains("margin: 3.0cm 2.5cm 3.0cm;"))
    // Lists kept together with their lead-ins; headings never at the foot of a page.
    for rule in [
      ".lead-in { break-after: avoid; }", "li:first-child { break-after: avoid; }",
      "li:last-child:not(:first-child) { break-before: avoid; }", "break-after: avoid; page-break-after: avoid;",
    ] {
      #expect(output.contains(rule))
    }
    // Without an organization, only the page number is at the foot.
    let plain = try html([:], exporter: LargePrintHTMLExporter(print: .init()))
    #expect(!plain.contains("@bottom-left"))
  }

  @Test func putsTheRunningHeaderOnTheRightForArabic() throws {
    let output = try html(["title": "الأورام"], locale: "ar", exporter: LargePrintHTMLExporter(print: .init()))
    #expect(output.contains("@top-right { content: \"الأورام\\a "))
    #expect(output.contains("direction: rtl;"))
    #expect(output.contains("@bottom-left { content: "))
  }

  /// WenQuanYi Zen Hei has no bold face: a CJK face that has one comes first for headings.
  @Test(arguments: [("zh-Hans", "SC"), ("zh-Hant", "TC"), ("ja", "JP"), ("ko", "KR")])
  func printsHeadingsInABoldCJKFace(locale: String, region: String) throws {
    let output = try html([:], locale: locale, exporter: LargePrintHTMLExporter(print: .init()))
    #expect(
      output.contains(
        "h1, h2, h3, .subtitle { font-family: \"Noto Sans CJK \(region)\", \"Source Han Sans \(region)\", Arial"))
  }

  @Test func keepsTheHTMLHandoutsOwnPageRules() throws {
    let output = try html([:])
    #expect(output.contains("@bottom-center { content: \"Página \" counter(page)"))
    #expect(!output.contains("@top-left") && !output.contains(".lead-in { break-after"))
  }
}
