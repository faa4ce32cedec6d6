import Foundation
import NetexportICU
import NetexportImport
import NetexportModel
import NetexportResolution
import NetexportValidation

/// `netexport import` of a Markdown handout: the file read as UTF-8, parsed with cmark-gfm
/// and turned into a content model and its English messages (`MarkdownImporter.parse`), then
/// written and read back as the command writes them, and exported.
///
/// - Bytes that are not UTF-8 are refused with `invalid-utf8`.
/// - The import fails with diagnostics each at a line and column inside the file, or
///   succeeds with warnings placed the same way.
/// - What it succeeds with is what the command writes: the content model and the source
///   catalog read back the same; the catalog passes validation against the document with no
///   error; importing the same text again keeps every key and text; and the document exports
///   in every format (with the labels of a new project) with only each format's own markup.
enum MarkdownTarget {
  static let file = "handouts/fuzz.md"

  static func run(_ input: [UInt8]) throws(InvariantViolation) {
    guard let text = try FuzzInput.decodeUTF8(input, file: file) else { return }
    let check = LocationCheck(text, file: file)
    func checkPlaced(_ diagnostic: Diagnostic) throws(InvariantViolation) {
      try require(
        diagnostic.location?.line != nil && diagnostic.location?.column != nil,
        "\(diagnostic) has no line and column")
      try check.check(diagnostic.location, "\(diagnostic)")
    }

    let imported: ImportedDocument
    do {
      imported = try MarkdownImporter.parse(markdown: text, file: file)
    } catch let error as DiagnosticError {
      try require(!error.diagnostics.isEmpty, "an empty DiagnosticError")
      for diagnostic in error.diagnostics { try checkPlaced(diagnostic) }
      return
    } catch {
      throw InvariantViolation("import threw \(type(of: error)), not a diagnostic: \(error)")
    }
    for warning in imported.warnings { try checkPlaced(warning) }

    let id = imported.document.id
    let contentFile = "Documents/\(id).yaml"
    let catalogFile = Fixture.catalogPath("en", .document(id))
    let catalog: Catalog
    do {
      let content = ContentWriter.yaml(imported.document, importedFrom: file)
      try require(
        try Document.parse(content, file: contentFile) == imported.document,
        "the content model does not read back the same")
      catalog = try Catalog.parse(
        ContentWriter.sourceCatalog(imported.messages, locale: "en", documentID: id, importedFrom: file),
        file: catalogFile, expectedLocale: "en", kind: .document(id))
    } catch let violation as InvariantViolation {
      throw violation
    } catch {
      throw InvariantViolation("what the import writes does not read back: \(error)")
    }
    try require(
      catalog.entries.map { SourceMessage(key: $0.key, text: $0.text, note: $0.note) } == imported.messages,
      "the source catalog does not read back with the import's messages")

    let english = Fixture.sourceLocale
    let findings = Validator(
      uses: imported.document.uses, source: catalog, sourceGlossary: [], sourceLocale: english
    ).validateSource()
    if let error = findings.first(where: { $0.severity == .error }) {
      throw InvariantViolation("the imported source catalog does not validate: \(error)")
    }

    do {
      let (again, report) = try MarkdownImporter.reimport(
        markdown: text, file: file, previous: PreviousImport(imported))
      try require(
        again.messages == imported.messages && report.edited.isEmpty && report.added.isEmpty
          && report.removed.isEmpty,
        "importing the same text again changed keys or texts: \(report)")
    } catch let violation as InvariantViolation {
      throw violation
    } catch {
      throw InvariantViolation("importing the same text again failed: \(error)")
    }

    let table = MessageTable([catalog, Fixture.labels], glossary: [])
    let printed: ResolvedDocument
    let spoken: ResolvedDocument
    do {
      printed = try Resolver.resolve(imported.document, messages: table, locale: english, source: nil)
      spoken = try Resolver.resolve(imported.document, messages: table, locale: english, source: nil, spoken: true)
    } catch {
      throw InvariantViolation("the imported document does not resolve: \(error)")
    }
    try ExportChecks.check(
      printed: printed, spoken: spoken, width: 72, mustRender: true, links: imported.document.linkAddresses)
  }
}
