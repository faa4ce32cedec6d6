import Dispatch
import Foundation
public import NetexportICU
public import NetexportModel
import NetexportValidation

/// A document of the project: its content model and where it was read from.
public struct ProjectDocument: Hashable, Sendable {
  public var id: String
  public var document: Document
  /// `Documents/<id>.yaml` as shown in messages.
  public var file: String

  public init(id: String, document: Document, file: String) {
    self.id = id
    self.document = document
    self.file = file
  }
}

/// A locale of the project, and what the project does with it.
public struct WorkspaceLocale: Hashable, Sendable, CustomStringConvertible {
  public enum Status: String, Hashable, Sendable {
    /// The language the documents are written in.
    case source
    /// Listed in the manifest as shipped: exported by `--all`, required complete by `validate --strict`.
    case shipped
    /// Listed as a draft: validated and reported, never exported by `--all`.
    case draft
    /// A folder in `Locales/` the manifest does not list: treated as a draft, with a warning.
    case unlisted
    /// A generated pseudo-locale (`netexport pseudo`): test material, never shipped.
    case pseudo
  }

  public var tag: LanguageTag
  public var status: Status

  public init(_ tag: LanguageTag, _ status: Status) {
    self.tag = tag
    self.status = status
  }

  public var canonical: String { tag.canonical }
  public var description: String { tag.canonical }
  /// Whether `--all` exports the locale and a whole-project run counts its problems.
  public var isShipped: Bool { status == .source || status == .shipped }
}

/// A netexport project read once: the manifest and every document's content model.
/// Catalogs are read per locale when a command needs them (`catalogs(for:)`).
///
/// This is the layer between the command line and the libraries: commands parse their
/// options, ask the workspace, and print what it returns.
public struct Workspace: Sendable {
  public let project: Project
  public let manifest: Manifest
  /// Every document of the project, by id.
  public let documents: [ProjectDocument]
  /// The glossary keys of every document's terms and abbreviations, made once: every locale's
  /// glossary is checked against them (`glossaryFindings`).
  let glossaryKeys: Set<String>

  public var sourceLocale: LanguageTag { manifest.sourceLocale }

  public init(project: Project, manifest: Manifest, documents: [ProjectDocument]) {
    self.project = project
    self.manifest = manifest
    self.documents = documents
    glossaryKeys = Set(documents.flatMap(\.document.glossaryKeys))
  }

  /// Reads the manifest and every content model in `Documents/`.
  ///
  /// - Throws: `DiagnosticError` with every problem of every file at once: a missing or
  ///   invalid manifest, unreadable or invalid content models, a document whose `id` is not
  ///   its file name, or whose source locale is not the project's.
  public static func open(_ project: Project) throws -> Workspace {
    let manifestPath = project.displayPath(Manifest.fileName)
    guard FileManager.default.fileExists(atPath: project.manifestURL.path) else {
      throw DiagnosticError(
        Diagnostic(
          code: .noProject, at: SourceLocation(file: manifestPath),
          "no project here (\(manifestPath) is missing); run netexport in a project folder, pass --project DIR, or create a project with 'netexport new DIR'"
        ))
    }
    // Every file of the project is read only when it is inside it: a checkout someone else
    // wrote must not make netexport read (and echo) a file elsewhere through a link.
    try project.requireInside(project.manifestURL, displayPath: manifestPath)
    let manifest = try Manifest.parse(
      TextFile.readUTF8(project.manifestURL, displayPath: manifestPath), file: manifestPath)
    // Each content model is read on its own core: a library has hundreds.
    let ids = try documentIDs(in: project)
    let read = ResultSlots<Result<ProjectDocument, any Error>>(count: ids.count)
    DispatchQueue.concurrentPerform(iterations: ids.count) { index in
      read[index] = readDocument(ids[index], in: project, manifest: manifest, manifestPath: manifestPath)
    }
    var problems: [Diagnostic] = []
    var documents: [ProjectDocument] = []
    for result in read.values {
      switch result {
      case .success(let document): documents.append(document)
      case .failure(let error as DiagnosticError): problems += error.diagnostics
      case .failure(let error): throw error
      }
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }
    return Workspace(project: project, manifest: manifest, documents: documents)
  }

  /// Reads one content model and checks that it belongs in the project.
  private static func readDocument(_ id: String, in project: Project, manifest: Manifest, manifestPath: String)
    -> Result<ProjectDocument, any Error>
  {
    let file = project.documentDisplayPath(id)
    do {
      try project.requireInside(project.documentURL(id), displayPath: file)
      let document = try Document.load(project.documentURL(id), displayPath: file)
      if document.id != id {
        return .failure(
          DiagnosticError(
            Diagnostic(
              code: .invalidContent, at: SourceLocation(file: file),
              "the document's id '\(document.id)' is not its file name; rename the file to Documents/\(document.id).yaml or change the id"
            )))
      }
      if document.sourceLocale != manifest.sourceLocale.canonical {
        return .failure(
          DiagnosticError(
            Diagnostic(
              code: .invalidContent, at: SourceLocation(file: file),
              "the document's source-locale '\(document.sourceLocale)' is not the project's ('\(manifest.sourceLocale.canonical)' in \(manifestPath))"
            )))
      }
      return .success(ProjectDocument(id: id, document: document, file: file))
    } catch {
      return .failure(error)
    }
  }

  /// The ids of the documents in `Documents/`, sorted.
  static func documentIDs(in project: Project) throws -> [String] {
    let folder = project.documentsDirectory
    guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    } catch {
      throw DiagnosticError(
        Diagnostic(
          code: .unreadableFile, at: SourceLocation(file: project.displayPath("Documents/")),
          "cannot read the documents folder (\(TextFile.reason(error)))"))
    }
    var ids: [String] = []
    var problems: [Diagnostic] = []
    for name in names.sorted() where name.hasSuffix(".yaml") && !name.hasPrefix(".") {
      let id = String(name.dropLast(5))
      if !DocumentID.isValid(id) || CatalogFile.reservedNames.contains(id) {
        problems.append(
          Diagnostic(
            code: .invalidContent, at: SourceLocation(file: project.displayPath("Documents/\(name)")),
            CatalogFile.reservedNames.contains(id)
              ? "'\(id)' cannot name a document: the locales' shared \(id) catalogs use that name; rename the file"
              : "'\(name)' is not a document file name: a document id uses only a-z, 0-9 and '-'; rename the file"))
        continue
      }
      ids.append(id)
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }
    return ids
  }

  // MARK: Documents

  /// The documents a command works on: those named (each must exist), or every document.
  ///
  /// - Throws: `DiagnosticError` (`unknown-document`) listing the project's documents.
  public func documents(_ requested: [String]) throws -> [ProjectDocument] {
    guard !requested.isEmpty else { return documents }
    var chosen: [ProjectDocument] = []
    var problems: [Diagnostic] = []
    for id in requested {
      if let document = documents.first(where: { $0.id == id }) {
        if !chosen.contains(document) { chosen.append(document) }
      } else {
        problems.append(
          Diagnostic(
            code: .unknownDocument, at: nil,
            "no document '\(id)' (looked for \(project.documentDisplayPath(id))); documents: \(documents.isEmpty ? "none yet (add one with 'netexport import FILE.md')" : documents.map(\.id).joined(separator: ", "))"
          ))
      }
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }
    return chosen
  }

  // MARK: Locales

  /// Every locale of the project: the source, the manifest's locales in its order, then
  /// folders in `Locales/` the manifest does not list (pseudo-locales among them).
  public func locales() throws -> [WorkspaceLocale] {
    var locales = [WorkspaceLocale(sourceLocale, .source)]
    locales += manifest.locales.map { WorkspaceLocale($0.tag, $0.status == .shipped ? .shipped : .draft) }
    for name in try localeFolders() {
      guard let tag = LanguageTag(name), tag.canonical == name,
        !locales.contains(where: { $0.tag == tag })
      else { continue }
      locales.append(WorkspaceLocale(tag, PseudoLocalizer.locales.contains(name) ? .pseudo : .unlisted))
    }
    return locales
  }

  /// The locales a command works on: those named (canonical tags, each must be a locale of
  /// the project), or `default` of every locale.
  ///
  /// - Throws: `DiagnosticError` with `invalid-locale` or `unknown-locale` (which lists the
  ///   project's locales and says how to add one).
  public func locales(_ requested: [String], default include: (WorkspaceLocale) -> Bool = { _ in true }) throws
    -> [WorkspaceLocale]
  {
    let all = try locales()
    guard !requested.isEmpty else { return all.filter(include) }
    var chosen: [WorkspaceLocale] = []
    var problems: [Diagnostic] = []
    for name in requested {
      guard let tag = LanguageTag(name) else {
        problems.append(
          Diagnostic(
            code: .invalidLocale, at: nil,
            "'\(name)' is not a valid BCP 47 language tag (for example: en, es, pt-BR, zh-Hans)"))
        continue
      }
      guard let locale = all.first(where: { $0.tag == tag }) else {
        problems.append(
          Diagnostic(
            code: .unknownLocale, at: nil,
            "'\(tag.canonical)' is not a locale of this project (\(project.displayPath(Manifest.fileName)) lists \(all.map(\.canonical).joined(separator: ", "))); start it with 'netexport init --locale \(tag.canonical)'"
          ))
        continue
      }
      if !chosen.contains(locale) { chosen.append(locale) }
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }
    return chosen
  }

  /// A problem for each folder in `Locales/` whose name is not a language tag in canonical
  /// form (`zh-hans`, `spanish`): such a folder is never read as a locale, so without a word
  /// a translator's catalogs there would be left out of every check and export.
  public func misnamedLocaleFolders() throws -> [Diagnostic] {
    try localeFolders().compactMap { name in
      let tag = LanguageTag(name)
      guard tag?.canonical != name else { return nil }
      let reason =
        tag.map {
          "the folder name '\(name)' is not in canonical form, so its catalogs are not read as a locale; rename the folder to \($0.canonical)"
        }
        ?? "'\(name)' is not a BCP 47 language tag, so the catalogs in this folder are not read as a locale; rename the folder to a locale's tag (for example es, pt-BR, zh-Hans), or move it out of Locales/"
      return Diagnostic(
        code: .invalidLocale, at: SourceLocation(file: project.displayPath("Locales/\(name)/")), reason, locale: name)
    }
  }

  /// The names of the folders in `Locales/`.
  func localeFolders() throws -> [String] {
    let folder = project.localesDirectory
    guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
    do {
      return try FileManager.default.contentsOfDirectory(
        at: folder, includingPropertiesForKeys: [.isDirectoryKey]
      ).filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }
        .map(\.lastPathComponent).filter { !$0.hasPrefix(".") }.sorted()
    } catch {
      throw DiagnosticError(
        Diagnostic(
          code: .unreadableFile, at: SourceLocation(file: project.displayPath("Locales/")),
          "cannot read the catalogs folder (\(TextFile.reason(error)))"))
    }
  }
}

/// The rule for document ids.
public enum DocumentID {
  public static let rule = "a-z, 0-9 and '-', starting with a letter or digit"

  public static func isValid(_ id: String) -> Bool {
    !id.isEmpty && !id.hasPrefix("-")
      && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
  }
}
