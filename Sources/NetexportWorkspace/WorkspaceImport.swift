import Foundation
public import NetexportICU
public import NetexportImport
public import NetexportModel

/// What `netexport import` did.
public struct ImportRun: Sendable {
  /// The document as imported.
  public var imported: ImportedDocument
  /// What happened to the keys of the previous import; `nil` for a first import.
  public var reimport: ReimportReport?
  /// The files written (the content model and the source catalog).
  public var written: [String] = []
  /// What the update of every target locale did.
  public var updates: CatalogRun = CatalogRun()
}

extension Workspace {
  /// Creates an empty project: the manifest, the source locale's labels and glossary, and
  /// the `Documents/` and `Exports/` folders.
  ///
  /// - Throws: `DiagnosticError` when the folder holds a project already or is not empty.
  /// - Returns: The paths written.
  public static func create(_ project: Project, sourceLocale: LanguageTag) throws -> [String] {
    let manager = FileManager.default
    if let contents = try? manager.contentsOfDirectory(atPath: project.root.path),
      !contents.filter({ !$0.hasPrefix(".") }).isEmpty
    {
      throw DiagnosticError(
        Diagnostic(
          code: .projectExists, at: SourceLocation(file: project.displayRoot.isEmpty ? "." : project.displayRoot),
          manager.fileExists(atPath: project.manifestURL.path)
            ? "a project is here already (\(project.displayPath(Manifest.fileName)))"
            : "the folder is not empty; create the project in a new or empty folder"))
    }
    var files: [(URL, String, String)] = [
      (
        project.manifestURL, project.displayPath(Manifest.fileName),
        Manifest.newManifestText(sourceLocale: sourceLocale)
      ),
      (
        project.catalogURL(sourceLocale.canonical, .labels),
        project.catalogDisplayPath(sourceLocale.canonical, .labels), try defaultLabels(sourceLocale)
      ),
      (
        project.catalogURL(sourceLocale.canonical, .glossary),
        project.catalogDisplayPath(sourceLocale.canonical, .glossary),
        """
        # The glossary of \(sourceLocale.displayName(in: sourceLocale)), shared by every document: other forms of
        # each term that count as using it, and how to say the harder ones. Entries are named
        # term.<id> and abbr.<id>, after the documents' terms and abbreviations. See
        # docs/catalog-format.md (The glossary).
        locale: \(sourceLocale.canonical)
        glossary:

        """
      ),
    ]
    var pending: [PendingWrite] = []
    do {
      for (url, path, text) in files {
        pending.append(try TextFile.prepare(text, to: url, displayPath: path, createFolders: true, exclusive: true))
      }
      for folder in [project.documentsDirectory, project.exportsDirectory] {
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
      }
      for write in pending { try TextFile.commit(write) }
    } catch {
      pending.forEach(TextFile.discard)
      throw error
    }
    files.sort { $0.1 < $1.1 }
    return files.map(\.1) + [project.displayPath("Documents/"), project.displayPath("Exports/")]
  }

  /// The labels of a new project: netexport's English labels for an English project; for
  /// another source language, the same entries with empty texts for the author to write
  /// (validation reports each until it is written).
  static func defaultLabels(_ locale: LanguageTag) throws -> String {
    guard let url = Bundle.module.url(forResource: "labels.en", withExtension: "yaml") else {
      throw DiagnosticError(
        Diagnostic(code: .missingResource, at: nil, "netexport's default labels are missing from this installation"))
    }
    let english = try TextFile.readUTF8(url, displayPath: "labels.en.yaml")
    if locale.language == "en" {
      return english.replacingOccurrences(of: "\nlocale: en\n", with: "\nlocale: \(locale.canonical)\n")
    }
    let catalog = try Catalog.parse(english, file: "labels.en.yaml", kind: .labels)
    var lines = [
      "# netexport labels: the words every export adds around a document's own text. Write each",
      "# in \(locale.displayName(in: LanguageTag("en")!)); the English is in 'note'. Validation reports an empty one.",
      "locale: \(locale.canonical)",
      "entries:",
    ]
    for entry in catalog.entries {
      lines.append("  \(entry.key):")
      lines.append("    text: \"\"")
      lines.append("    note: \(CatalogWriter.quote("English: \(entry.text). \(entry.note ?? "")"))")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Imports a Markdown file as a document of the project, or imports it again.
  ///
  /// The first import writes the content model (`Documents/<id>.yaml`) and the source
  /// catalog. Importing again keeps the keys of unchanged and edited blocks, gives new blocks
  /// new keys, and lists removed ones; then every target locale is updated: edited messages
  /// are marked needs-review, removed ones go to `obsolete`, and a locale with no catalog for
  /// the document gets one. Nothing a translator wrote is lost.
  ///
  /// - Parameters:
  ///   - url: The Markdown file.
  ///   - path: How to name it in messages and in the generated files' headers.
  ///   - id: The document id (`--id`); otherwise the front matter's, or one from the file name.
  /// - Throws: `DiagnosticError` with every problem of the Markdown file; nothing is written.
  public func importMarkdown(_ url: URL, path: String, id: String?, dryRun: Bool) throws -> ImportRun {
    let markdown = try TextFile.readUTF8(url, displayPath: path)
    let first = try MarkdownImporter.parse(
      markdown: markdown, file: path, id: id, sourceLocale: sourceLocale.canonical)
    let documentID = first.document.id
    let contentURL = project.documentURL(documentID)
    let contentPath = project.documentDisplayPath(documentID)
    let catalogURL = project.catalogURL(sourceLocale.canonical, .document(documentID))
    let catalogPath = project.catalogDisplayPath(sourceLocale.canonical, .document(documentID))
    try project.requireInside(contentURL, displayPath: contentPath)
    try project.requireInside(catalogURL, displayPath: catalogPath)
    var run: ImportRun
    if let previous = documents.first(where: { $0.id == documentID }) {
      let existing = try TextFile.readUTF8(contentURL, displayPath: contentPath)
      guard existing.hasPrefix("# Generated by `netexport import`") else {
        throw DiagnosticError(
          Diagnostic(
            code: .documentExists, at: SourceLocation(file: contentPath, line: 1),
            "\(contentPath) was not made by 'netexport import', so importing would overwrite it; import under another id (--id)"
          ))
      }
      let sourceCatalog = try Catalog.load(
        catalogURL, displayPath: catalogPath, expectedLocale: sourceLocale.canonical, kind: .document(documentID))
      let texts = Dictionary(sourceCatalog.entries.map { ($0.key, $0.text) }, uniquingKeysWith: { first, _ in first })
      let (imported, report) = try MarkdownImporter.reimport(
        markdown: markdown, file: path, id: documentID, sourceLocale: sourceLocale.canonical,
        previous: PreviousImport(document: previous.document, texts: texts),
        reservedKeys: retiredKeys(of: documentID))
      run = ImportRun(imported: imported, reimport: report)
    } else {
      run = ImportRun(imported: first)
    }
    let document = run.imported.document
    let content = ContentWriter.yaml(document, importedFrom: path)
    let catalog = ContentWriter.sourceCatalog(
      run.imported.messages, locale: sourceLocale.canonical, documentID: document.id, importedFrom: path)
    // Both files are read back before anything is written.
    _ = try Document.parse(content, file: contentPath)
    _ = try Catalog.parse(
      catalog, file: catalogPath, expectedLocale: sourceLocale.canonical, kind: .document(document.id))
    run.written = [contentPath, catalogPath]
    guard !dryRun else { return run }
    let writes = [
      try TextFile.prepare(content, to: contentURL, displayPath: contentPath, createFolders: true),
      try TextFile.prepare(catalog, to: catalogURL, displayPath: catalogPath, createFolders: true),
    ]
    for write in writes { try TextFile.commit(write) }
    // The target locales follow the new source.
    let updated = try Workspace.open(project)
    guard let projectDocument = updated.documents.first(where: { $0.id == document.id }) else { return run }
    let source = updated.checkSource(documents: [projectDocument])
    for locale in try updated.locales() where locale.status != .source && locale.status != .pseudo {
      let result = updated.update(locale, documents: [projectDocument], source: source, dryRun: false)
      run.updates.changes += result.changes
      run.updates.problems += result.problems
      run.updates.notes += result.notes
    }
    return run
  }

  /// The keys waiting in the `obsolete` sections of a document's catalogs, which a new
  /// message must never take (its old translations would come back for it).
  func retiredKeys(of documentID: String) -> Set<String> {
    var keys = Set<String>()
    for locale in (try? locales()) ?? [] {
      let loaded = load(.document(documentID), locale: locale.canonical)
      keys.formUnion(loaded.catalog?.obsolete.map(\.key) ?? [])
    }
    return keys
  }
}
