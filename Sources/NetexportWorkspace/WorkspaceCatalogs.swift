import Foundation
public import NetexportICU
public import NetexportModel

/// What `init`, `update` or `import` did to one catalog file.
public struct CatalogChange: Sendable {
  public enum Kind: Sendable {
    /// A new file, with every message to translate.
    case created(messages: Int)
    /// An existing file brought in line with the source.
    case updated(CatalogUpdater.Update)
    /// A new glossary, with an entry to agree on for each term and abbreviation.
    case glossary(entries: Int)
  }

  /// The file as shown in messages.
  public var path: String
  public var kind: Kind
  /// Whether the change was written (not with `--dry-run`).
  public var written: Bool
}

/// What a run of `init` or `update` did, and what it could not do.
public struct CatalogRun: Sendable {
  public var changes: [CatalogChange] = []
  public var problems: [Diagnostic] = []
  /// Lines for the user on standard error.
  public var notes: [String] = []
}

extension Workspace {
  /// The files of a locale that hold messages: each document's catalog and the labels.
  func messageFiles(_ documents: [ProjectDocument]) -> [CatalogFile] {
    documents.map { .document($0.id) } + [.labels]
  }

  /// Starts a new locale: adds it to the manifest as a draft and writes a catalog for each
  /// of `chosen` documents (default: every document) and for the labels, each message with
  /// its source text and an empty text, and the locale's glossary, with an entry to agree on
  /// for each term and abbreviation (`newGlossary`).
  ///
  /// A draft is validated and reported but never exported by `--all`, so a translator can
  /// commit a catalog at 20 % without breaking anyone's exports; ship it by changing
  /// `draft` to `shipped` in the manifest. `update` creates the catalogs of the other
  /// documents when they are wanted.
  ///
  /// - Throws: `DiagnosticError` when the locale is the source, is in the manifest already,
  ///   or has catalogs already (netexport never overwrites a catalog); nothing is written then.
  public func startLocale(_ tag: LanguageTag, documents chosen: [ProjectDocument]? = nil) throws -> CatalogRun {
    let chosen = chosen ?? documents
    let manifestPath = project.displayPath(Manifest.fileName)
    guard tag != sourceLocale else {
      throw DiagnosticError(
        Diagnostic(
          code: .sourceLocale, at: nil,
          "'\(tag.canonical)' is the source locale; its catalogs are \(project.displayPath("Locales/\(tag.canonical)/"))"
        ))
    }
    if let listed = manifest.locales.first(where: { $0.tag == tag }) {
      throw DiagnosticError(
        Diagnostic(
          code: .catalogExists, at: listed.location,
          "'\(tag.canonical)' is a locale of this project already (\(listed.status.rawValue)); use 'netexport update --locale \(tag.canonical)' to bring its catalogs up to date"
        ))
    }
    let existing = (messageFiles(documents) + [.glossary]).map { project.catalogURL(tag.canonical, $0) }
      .filter { FileManager.default.fileExists(atPath: $0.path) }
    if let first = existing.first {
      throw DiagnosticError(
        Diagnostic(
          code: .catalogExists,
          at: SourceLocation(file: project.displayPath("Locales/\(tag.canonical)/\(first.lastPathComponent)")),
          "catalogs for '\(tag.canonical)' exist already; netexport never overwrites a catalog: add '\(tag.canonical): draft' under 'locales' in \(manifestPath), then use 'netexport update --locale \(tag.canonical)'"
        ))
    }
    let source = checkSource()
    let sourceErrors = source.check.files.filter { $0.file != .glossary }.flatMap(\.errors)
    guard sourceErrors.isEmpty else { throw DiagnosticError(sourceErrors) }
    // Every file is prepared before the manifest names the locale: a failure leaves nothing.
    var run = CatalogRun()
    var writes: [PendingWrite] = []
    do {
      for file in messageFiles(chosen) {
        guard let sourceCatalog = source.catalog(file) else { continue }
        let path = project.catalogDisplayPath(tag.canonical, file)
        let url = project.catalogURL(tag.canonical, file)
        try project.requireInside(url, displayPath: path)
        let text = CatalogWriter.newCatalog(
          locale: tag.canonical, languageName: tag.displayName(in: sourceLocale), source: sourceCatalog,
          document: file.documentID)
        writes.append(
          try TextFile.prepare(text, to: url, displayPath: path, createFolders: true, exclusive: true))
        run.changes.append(
          CatalogChange(path: path, kind: .created(messages: sourceCatalog.entries.count), written: true))
      }
      let seeds = glossarySeeds(source)
      let glossaryPath = project.catalogDisplayPath(tag.canonical, .glossary)
      let glossaryURL = project.catalogURL(tag.canonical, .glossary)
      try project.requireInside(glossaryURL, displayPath: glossaryPath)
      let glossary = CatalogWriter.newGlossary(
        locale: tag.canonical, languageName: tag.displayName(in: sourceLocale),
        sourceLanguage: sourceLocale.displayName(in: sourceLocale), seeds: seeds)
      writes.append(
        try TextFile.prepare(
          glossary, to: glossaryURL, displayPath: glossaryPath, createFolders: true, exclusive: true))
      run.changes.append(CatalogChange(path: glossaryPath, kind: .glossary(entries: seeds.count), written: true))
      let manifestText = try TextFile.readUTF8(project.manifestURL, displayPath: manifestPath)
      let added = try Manifest.adding(tag, status: .draft, to: manifestText, file: manifestPath)
      for write in writes { try TextFile.commit(write) }
      writes = []
      try TextFile.writeAtomically(
        added, to: project.manifestURL, displayPath: manifestPath, replacing: manifestText)
    } catch {
      writes.forEach(TextFile.discard)
      throw error
    }
    run.notes.append(
      "note: \(tag.canonical) is a draft in \(manifestPath): validated and reported, not exported by --all; change it to 'shipped' when its translations are complete and reviewed"
    )
    return run
  }

  /// The entries of a new glossary: every key of the source glossary, in its order, then
  /// the terms and abbreviations of the documents it has no entry for (the glossary is
  /// shared by every document, whichever a locale starts with), each with what the source
  /// says of it.
  func glossarySeeds(_ source: SourceSide) -> [CatalogWriter.GlossarySeed] {
    var texts: [String: String] = [:]
    for document in documents {
      guard let catalog = source.catalog(.document(document.id)) else { continue }
      for term in document.document.uses.terms where texts[term.glossaryKey] == nil {
        if let text = catalog[term.key]?.text { texts[term.glossaryKey] = text }
      }
    }
    var keys = source.glossary.map(\.key)
    for key in documents.flatMap(\.document.glossaryKeys) where !keys.contains(key) { keys.append(key) }
    return keys.map { key in
      CatalogWriter.GlossarySeed(
        key: key, sourceText: texts[key], sourceEntry: source.glossary.first { $0.key == key })
    }
  }

  /// Brings a target locale's catalogs in line with the source: creates the catalog of a
  /// document the locale has none for yet, and updates the others in place (new messages
  /// added, changed ones marked needs-review, removed ones moved to `obsolete`; never a
  /// translation changed or lost; order, comments and layout kept).
  ///
  /// - Parameter onWait: Called when another netexport holds a catalog's lock.
  public func update(
    _ locale: WorkspaceLocale, documents chosen: [ProjectDocument], source: SourceSide, dryRun: Bool,
    onWait: (String) -> Void = { _ in }
  ) -> CatalogRun {
    var run = CatalogRun()
    guard locale.status != .source else {
      run.problems.append(
        Diagnostic(
          code: .sourceLocale, at: nil,
          "'\(locale)' is the source locale; update brings target catalogs in line with it"))
      return run
    }
    for file in messageFiles(chosen) {
      guard let sourceCatalog = source.catalog(file) else { continue }
      let path = project.catalogDisplayPath(locale.canonical, file)
      let url = project.catalogURL(locale.canonical, file)
      do {
        try project.requireInside(url, displayPath: path)
        if !FileManager.default.fileExists(atPath: url.path) {
          let memory = translationMemory(locale.canonical, excluding: file)
          let matches = sourceCatalog.entries.reduce(into: [String: CatalogWriter.MemoryMatch]()) { matches, entry in
            if let match = memory[entry.text] { matches[entry.key] = match }
          }
          let text = CatalogWriter.newCatalog(
            locale: locale.canonical, languageName: locale.tag.displayName(in: sourceLocale), source: sourceCatalog,
            document: file.documentID, memory: matches)
          if !matches.isEmpty {
            run.notes.append(
              "note: \(path): \(matches.count) message\(matches.count == 1 ? "" : "s") filled by translation memory from other catalogs of \(locale), marked needs-review"
            )
          }
          if !dryRun {
            try TextFile.writeAtomically(text, to: url, displayPath: path, createFolders: true, exclusive: true)
          }
          run.changes.append(
            CatalogChange(path: path, kind: .created(messages: sourceCatalog.entries.count), written: !dryRun))
          continue
        }
        var change: CatalogChange?
        // Locked against another netexport, and refused when the file changes (a
        // translator's save) between this read and the write.
        let memory = translationMemory(locale.canonical, excluding: file)
        let matches = sourceCatalog.entries.reduce(into: [String: CatalogWriter.MemoryMatch]()) { matches, entry in
          if let match = memory[entry.text] { matches[entry.key] = match }
        }
        try TextFile.rewrite(url, displayPath: path, onWait: { onWait(path) }) { text in
          let update = try CatalogUpdater.update(
            text, file: path, locale: locale.canonical, source: sourceCatalog, kind: file, memory: matches)
          change = CatalogChange(path: path, kind: .updated(update), written: update.changed && !dryRun)
          return update.changed && !dryRun ? update.text : nil
        }
        if let change { run.changes.append(change) }
      } catch let error as DiagnosticError {
        run.problems += error.diagnostics
      } catch {
        run.problems.append(Diagnostic(code: .updateFailed, at: SourceLocation(file: path), "\(error)"))
      }
    }
    return run
  }
}

extension Workspace {
  /// The locale's translations, by the English they translate, from every document's
  /// catalog and the labels except `excluded`: what a new message with the same English can
  /// start from. Only finished translations count (state translated or reviewed, with the English they
  /// were made from recorded); the first in file order wins.
  func translationMemory(_ locale: String, excluding excluded: CatalogFile) -> [String: CatalogWriter.MemoryMatch] {
    var memory: [String: CatalogWriter.MemoryMatch] = [:]
    for file in messageFiles(documents) where file != excluded {
      guard let catalog = load(file, locale: locale).catalog else { continue }
      for entry in catalog.entries where entry.state?.isDone == true && !entry.text.isEmpty {
        guard let english = entry.source, memory[english] == nil else { continue }
        memory[english] = CatalogWriter.MemoryMatch(text: entry.text, file: catalog.file, key: entry.key)
      }
    }
    return memory
  }

  /// Generates a pseudo-locale's catalogs (`en-XA`, `ar-XB`) from the source: every
  /// document's, the labels and the glossary. Only files it generated itself are replaced.
  ///
  /// - Returns: Each file written, with how many messages it holds.
  public func generatePseudoLocale(_ locale: String, onWait: (String) -> Void = { _ in }) throws -> [(
    path: String, messages: Int
  )] {
    let source = checkSource()
    let sourceErrors = source.check.files.filter { $0.file != .glossary }.flatMap(\.errors)
    guard sourceErrors.isEmpty else { throw DiagnosticError(sourceErrors) }
    let keep = Array(Set(documents.flatMap(\.document.doNotTranslate))).sorted()
    var texts: [(CatalogFile, String, Int)] = []
    for file in messageFiles(documents) {
      guard let catalog = source.catalog(file) else { continue }
      let names = file.documentID.flatMap { id in documents.first { $0.id == id }?.document.doNotTranslate } ?? keep
      texts.append(
        (
          file, try PseudoLocalizer.catalog(locale: locale, source: catalog, keep: names, document: file.documentID),
          catalog.entries.count
        ))
    }
    texts.append(
      (.glossary, try PseudoLocalizer.glossary(locale: locale, glossary: source.glossary, keep: keep), 0))
    var written: [(path: String, messages: Int)] = []
    for (file, text, count) in texts {
      let url = project.catalogURL(locale, file)
      let path = project.catalogDisplayPath(locale, file)
      try project.requireInside(url, displayPath: path)
      var info = stat()
      if lstat(url.path, &info) == 0 {
        // Replaced only if it is still a generated catalog when the new one goes in.
        try TextFile.rewrite(url, displayPath: path, onWait: { onWait(path) }) { existing in
          guard existing.hasPrefix("# netexport pseudo-locale") else {
            throw DiagnosticError(
              Diagnostic(
                code: .catalogExists, at: SourceLocation(file: path, line: 1),
                "\(path) exists and was not generated by 'netexport pseudo'; netexport never overwrites a translation"
              ))
          }
          return text
        }
      } else {
        try TextFile.writeAtomically(text, to: url, displayPath: path, createFolders: true, exclusive: true)
      }
      written.append((path, count))
    }
    return written
  }
}
