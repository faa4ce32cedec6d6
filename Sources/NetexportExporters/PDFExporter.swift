public import NetexportICU
public import NetexportResolution

/// The large-print handout as a PDF/UA-1 file, ready to print on the locale's paper.
///
/// The page is the large-print HTML handout's, laid out for print
/// (`LargePrintHTMLExporter.PrintLayout`): the paper set explicitly (Letter or A4 as CLDR
/// gives it for the locale's region, or as chosen), so 18 pt text prints at 18 pt; a running
/// header with the title and review date; a footer with the organization, its contact line
/// and the page number; lists kept together with their lead-ins. `PDFEngine` prints it and
/// makes it tagged: headings, paragraphs, lists with labels and bodies, the language of the
/// document and of passages in another language, bookmarks in reading order, the running
/// header and footer as artifacts that assistive technology skips, every font embedded.
public struct PDFExporter: Exporter {
  public var paper: Paper?
  public var organization: String?
  public var contact: String?
  public var engine: PDFEngine

  public init(paper: Paper? = nil, organization: String? = nil, contact: String? = nil, engine: PDFEngine = PDFEngine())
  {
    self.paper = paper
    self.organization = organization
    self.contact = contact
    self.engine = engine
  }

  /// The HTML the engine prints.
  public func printableHTML(_ document: ResolvedDocument) throws -> String {
    try LargePrintHTMLExporter(
      paper: paper, print: LargePrintHTMLExporter.PrintLayout(organization: organization, contact: contact)
    ).export(document)
  }

  public func render(_ document: ResolvedDocument) throws -> ExportContents {
    .binary(try engine.render(html: printableHTML(document), what: document.locale.canonical))
  }
}
