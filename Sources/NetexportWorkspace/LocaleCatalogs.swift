import Foundation
public import NetexportICU
public import NetexportModel

/// One catalog file of a locale as the workspace read it.
public struct LoadedCatalog: Sendable {
  public var file: CatalogFile
  /// The path as shown in messages.
  public var path: String
  /// The catalog; `nil` when the file does not exist yet, or could not be read at all.
  public var catalog: Catalog?
  /// Why the file could not be read (malformed YAML, invalid UTF-8, ...); empty otherwise.
  public var readProblems: [Diagnostic]

  public var exists: Bool { catalog != nil || !readProblems.isEmpty }
}

/// Every catalog file of one locale: one per document, the labels and the glossary.
public struct LocaleCatalogs: Sendable {
  public var locale: WorkspaceLocale
  public var files: [CatalogFile: LoadedCatalog]

  public subscript(file: CatalogFile) -> LoadedCatalog? { files[file] }

  /// The glossary entries, empty when the locale has no glossary file (yet).
  public var glossary: [GlossaryEntry] { files[.glossary]?.catalog?.glossary ?? [] }
}

extension Workspace {
  /// Reads a locale's catalog files: the given documents' catalogs, the labels and the
  /// glossary. Files are read leniently (see `Catalog.parse`); a file that cannot be read at
  /// all is returned with its problems. A missing file is not a problem here: for a target
  /// locale it means nothing is translated yet.
  public func catalogs(for locale: WorkspaceLocale, documents: [ProjectDocument]? = nil) -> LocaleCatalogs {
    let files = (documents ?? self.documents).map { CatalogFile.document($0.id) } + [.labels, .glossary]
    var loaded: [CatalogFile: LoadedCatalog] = [:]
    for file in files {
      loaded[file] = load(file, locale: locale.canonical)
    }
    return LocaleCatalogs(locale: locale, files: loaded)
  }

  /// Reads one catalog file.
  public func load(_ file: CatalogFile, locale: String) -> LoadedCatalog {
    let url = project.catalogURL(locale, file)
    let path = project.catalogDisplayPath(locale, file)
    guard FileManager.default.fileExists(atPath: url.path) else {
      return LoadedCatalog(file: file, path: path, catalog: nil, readProblems: [])
    }
    do {
      try project.requireInside(url, displayPath: path)
      let catalog = try Catalog.load(url, displayPath: path, expectedLocale: locale, kind: file, lenient: true)
      return LoadedCatalog(file: file, path: path, catalog: catalog, readProblems: [])
    } catch let error as DiagnosticError {
      return LoadedCatalog(
        file: file, path: path, catalog: nil,
        readProblems: error.diagnostics.map {
          var problem = $0
          problem.locale = locale
          return problem
        })
    } catch {
      return LoadedCatalog(
        file: file, path: path, catalog: nil,
        readProblems: [
          Diagnostic(code: .unreadableCatalog, at: SourceLocation(file: path), "\(error)", locale: locale)
        ]
      )
    }
  }
}
