import NetexportExporters
import NetexportICU
import NetexportModel
import NetexportResolution
import NetexportValidation
import Testing

@testable import NetexportImport

/// The imported fixture goes through the resolver and every exporter: its `<b>` and `<linkN>`
/// markup becomes bold and links in the handout, addresses in plain text, and nothing in
/// speech.
@Suite struct ImportedExportTests {
  let imported: ImportedDocument
  let catalog: Catalog
  let english = LanguageTag("en")!

  init() throws {
    imported = try Fixtures.everything()
    catalog = try Fixtures.catalog(imported)
  }

  @Test func theResolverGetsEveryMessage() throws {
    let resolved = try Resolver.resolve(imported.document, catalog: catalog, locale: english)
    #expect(resolved.title.text == "Preparing for a scan")
    #expect(resolved.reviewed.text == "Reviewed: March 14, 2025")
    #expect(resolved.references.heading.text == "References")
    let texts = resolved.sections.flatMap { section in
      [section.heading.text]
        + section.blocks.flatMap { block -> [String] in
          switch block {
          case .heading(let text), .paragraph(let text): [text.text]
          case .list(let list):
            (list.leadIn.map { [$0.text] } ?? [])
              + list.items.flatMap { [$0.text.text] + ($0.detail.map { [$0.text] } ?? []) }
          case .callout(let callout): (callout.title.map { [$0.text] } ?? []) + callout.body.map(\.text)
          }
        }
    }
    #expect(texts.count == 21)
    #expect(
      texts.contains(
        "The scan takes 15 to 45 minutes. Questions in {curly braces} and the 'quoted' words, it's '{all}' kept as written: #1 in care."
      ))
    #expect(texts.contains("Someone to drive you home, if you will get a sedative"))
    #expect(texts.allSatisfy { !$0.isEmpty })
  }

  // The committed formats, which are text; the PDF prints the large-print HTML, and needs
  // WeasyPrint (RealToolTests).
  @Test(arguments: ExportFormat.committed)
  func exportsInEveryFormat(format: ExportFormat) throws {
    let exporter = try #require(format.exporter(options: ExportOptions()))
    let resolved = try Resolver.resolve(imported.document, catalog: catalog, locale: english, spoken: exporter.spoken)
    let output = try #require(try exporter.render(resolved).text)
    #expect(output.contains("Before your scan"))
    #expect(output.contains("Tell the staff if you could be pregnant."))
    // Print lists the references; speech says that the printed handout lists them.
    #expect(output.contains("Radiology Society.") == !exporter.spoken)
    #expect(!output.contains("<b>") && !output.contains("<link1>") && !output.contains("&lt;b&gt;"))
    switch format {
    case .largePrintHTML:
      #expect(output.contains("if you will get a <strong>sedative</strong>"))
      #expect(output.contains("call us at <a href=\"tel:+15550100\">tel:+15550100</a>"))
      #expect(output.contains("<a href=\"mailto:imaging@example.org\">imaging@example.org</a>"))
      #expect(output.contains("a[href]::after { content: \" (\" attr(href) \")\""))
    case .plainText:
      let flowing = output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      #expect(flowing.contains("if you will get a sedative"))
      #expect(flowing.contains("write to imaging@example.org (mailto:imaging@example.org)."))
    default:
      // Speech says a link's words (here the address itself, for the telephone number the
      // author wrote as an autolink), never an address the words do not show.
      #expect(!output.contains("mailto:"), "speech says no address")
    }
  }
}
