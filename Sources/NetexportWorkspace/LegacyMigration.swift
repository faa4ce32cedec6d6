import Foundation
public import NetexportICU
public import NetexportModel
import NetexportValidation

/// Moves a project from the old layout to the library layout (see the README, A project).
///
/// The old layout has one catalog per locale, `Locales/<locale>.yaml`, holding every
/// message of the one document, the labels and the glossary, and a content model kept
/// outside the project (bundled in netexport, or named with `--content`). The new layout
/// has `netexport.yaml`, `Documents/<id>.yaml`, and per locale `Locales/<locale>/<id>.yaml`,
/// `labels.yaml` and `glossary.yaml`.
///
/// Every entry, obsolete entry, glossary entry and comment moves as text, byte for byte
/// (line endings, quoting, field order, blank lines inside an entry). Before anything is
/// written, every new file is read back with the parser and compared with the old catalog,
/// value by value: the same entries (key, text, note, source, previous source, state,
/// allow), obsolete entries and glossary entries, each once and in the right file, and
/// every comment line once. Any difference refuses the whole migration.
public struct LegacyMigration: Sendable {
  /// A catalog of the old layout.
  public struct LegacyCatalog: Hashable, Sendable {
    /// The locale its file is named for.
    public var locale: String
    /// `Locales/<locale>.yaml`, relative to the project.
    public var path: String
    public var text: String

    public init(locale: String, path: String, text: String) {
      self.locale = locale
      self.path = path
      self.text = text
    }
  }

  /// A file of the new layout.
  public struct NewFile: Hashable, Sendable {
    /// Relative to the project.
    public var path: String
    public var text: String
  }

  /// What a locale becomes in the manifest.
  public enum Role: String, Hashable, Sendable {
    /// The content model's source locale.
    case source
    /// Every message of the source translated and current: listed as shipped.
    case shipped
    /// Something still to translate or review: listed as a draft.
    case draft
    /// A generated pseudo-locale: moved, not listed (the workspace knows it as pseudo).
    case pseudo
  }

  /// What moved for one locale.
  public struct LocaleMove: Hashable, Sendable {
    public var locale: String
    public var role: Role
    /// The old catalog, relative to the project.
    public var from: String
    /// Entries moved to the document's catalog, and obsolete entries moved there.
    public var documentEntries: Int
    public var documentObsolete: Int
    /// Entries moved to `labels.yaml`, and obsolete entries moved there.
    public var labelEntries: Int
    public var labelObsolete: Int
    public var glossaryEntries: Int
    /// Comment lines of the old catalog, each now in one of the new files.
    public var comments: Int
  }

  public let project: Project
  /// The document's id, from the content model.
  public let documentID: String
  public let sourceLocale: LanguageTag
  /// The new files, in the order they are listed (the manifest is put in place last).
  public let files: [NewFile]
  /// The old catalogs, removed once the new files are in place.
  public let legacyCatalogs: [LegacyCatalog]
  /// Per locale, the source first.
  public let moves: [LocaleMove]

  /// The path of the content model in the new layout.
  public var documentPath: String { "Documents/\(documentID).yaml" }

  // MARK: - Planning

  /// Reads a project of the old layout and works out the new files, verified, without
  /// writing anything.
  ///
  /// - Parameters:
  ///   - content: The content model the project's catalogs translate.
  ///   - contentDisplayPath: How to name it in messages.
  /// - Throws: `DiagnosticError`: `project-exists` when the project has a manifest already,
  ///   `no-legacy-catalogs` when `Locales/` holds no catalog of the old layout (or none for
  ///   the source locale), `migration-conflict` when a file of the new layout exists, the
  ///   codes of reading the catalogs and the content model, `migration-unsupported` and
  ///   `migration-mismatch` (see `init(project:catalogs:content:contentPath:)`).
  public static func plan(project: Project, content: URL, contentDisplayPath: String) throws -> LegacyMigration {
    let manifestPath = project.displayPath(Manifest.fileName)
    if FileManager.default.fileExists(atPath: project.manifestURL.path) {
      throw DiagnosticError(
        Diagnostic(
          code: .projectExists, at: SourceLocation(file: manifestPath),
          "this project has a manifest already, so it uses the library layout; there is nothing to migrate"))
    }
    let catalogs = try legacyCatalogs(in: project)
    try project.requireInside(content, displayPath: contentDisplayPath)
    let contentText = try TextFile.readUTF8(content, displayPath: contentDisplayPath)
    let migration = try LegacyMigration(
      project: project, catalogs: catalogs, content: contentText, contentPath: contentDisplayPath)
    let conflicts = migration.files.filter {
      var info = stat()
      return lstat(project.root.appendingPathComponent($0.path).path, &info) == 0
    }
    if !conflicts.isEmpty {
      throw DiagnosticError(
        conflicts.map {
          Diagnostic(
            code: .migrationConflict, at: SourceLocation(file: project.displayPath($0.path)),
            "the migration would write this file, and it exists already; move it away (or finish the migration by hand) and run 'netexport migrate' again; nothing was written"
          )
        })
    }
    return migration
  }

  /// The catalogs of the old layout: the `*.yaml` files directly in `Locales/`.
  static func legacyCatalogs(in project: Project) throws -> [LegacyCatalog] {
    let folder = project.localesDirectory
    let noneMessage =
      "no catalogs of the old layout (Locales/<locale>.yaml) here to migrate; run 'netexport migrate' in the project folder or pass --project DIR"
    guard
      let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().filter({
        var isFolder: ObjCBool = false
        return $0.hasSuffix(".yaml") && !$0.hasPrefix(".")
          && !(FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path, isDirectory: &isFolder)
            && isFolder.boolValue)
      }), !names.isEmpty
    else {
      throw DiagnosticError(
        Diagnostic(code: .noLegacyCatalogs, at: SourceLocation(file: project.displayPath("Locales/")), noneMessage))
    }
    var catalogs: [LegacyCatalog] = []
    var problems: [Diagnostic] = []
    for name in names {
      let path = "Locales/\(name)"
      let url = folder.appendingPathComponent(name)
      do {
        try project.requireInside(url, displayPath: project.displayPath(path))
        let text = try TextFile.readUTF8(url, displayPath: project.displayPath(path))
        catalogs.append(LegacyCatalog(locale: String(name.dropLast(5)), path: path, text: text))
      } catch let error as DiagnosticError {
        problems += error.diagnostics
      }
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }
    return catalogs
  }

  /// Works out and verifies the new files from the old catalogs' and the content model's text.
  ///
  /// - Parameters:
  ///   - project: For the paths shown in messages.
  ///   - catalogs: Every catalog of the old layout.
  ///   - content: The content model's text.
  ///   - contentPath: The content model as shown in messages.
  /// - Throws: `DiagnosticError` with every problem of every catalog at once: the catalog's
  ///   own problems (it must read without any, as `validate` reads it), `migration-unsupported`
  ///   for a layout the line-based move cannot follow, `migration-mismatch` when a new file
  ///   would not hold exactly what the old one held (a fault of the migration: please report
  ///   it), or `no-legacy-catalogs` without a catalog for the source locale.
  public init(project: Project, catalogs: [LegacyCatalog], content: String, contentPath: String) throws {
    let document = try Document.parse(content, file: contentPath)
    let id = document.id
    guard DocumentID.isValid(id), !CatalogFile.reservedNames.contains(id) else {
      throw DiagnosticError(
        Diagnostic(
          code: .invalidContent, at: SourceLocation(file: contentPath),
          "the document's id '\(id)' cannot name a file of Documents/ (\(DocumentID.rule); not 'labels' or 'glossary'); change the id"
        ))
    }
    guard let sourceTag = LanguageTag(document.sourceLocale), sourceTag.canonical == document.sourceLocale else {
      throw DiagnosticError(
        Diagnostic(
          code: .invalidContent, at: SourceLocation(file: contentPath),
          "the document's source-locale '\(document.sourceLocale)' is not a canonical BCP 47 tag"))
    }
    guard let sourceCatalog = catalogs.first(where: { $0.locale == sourceTag.canonical }) else {
      throw DiagnosticError(
        Diagnostic(
          code: .noLegacyCatalogs,
          at: SourceLocation(file: project.displayPath("Locales/\(sourceTag.canonical).yaml")),
          "no catalog for the document's source locale '\(sourceTag.canonical)' (\(contentPath) says source-locale: \(sourceTag.canonical)); the migration needs it"
        ))
    }
    let ordered =
      [sourceCatalog] + catalogs.filter { $0.locale != sourceTag.canonical }.sorted { $0.locale < $1.locale }

    // Every catalog must read cleanly: a problem the parser reports would move unnoticed.
    var problems: [Diagnostic] = []
    var parsed: [Catalog] = []
    for legacy in ordered {
      do {
        parsed.append(
          try Catalog.parse(legacy.text, file: project.displayPath(legacy.path), expectedLocale: legacy.locale))
      } catch let error as DiagnosticError {
        problems += error.diagnostics
      }
    }
    if !problems.isEmpty {
      throw DiagnosticError(
        problems + [
          Diagnostic(
            code: .migrationUnsupported, at: nil,
            "nothing was migrated: correct the catalogs above (they must read without any problem, so that nothing moves unnoticed), then run 'netexport migrate' again"
          )
        ])
    }

    var files: [NewFile] = []
    var moves: [LocaleMove] = []
    let source = parsed[0]
    for (legacy, catalog) in zip(ordered, parsed) {
      do {
        let cut = try LegacyCatalogText(legacy.text, catalog: catalog, file: project.displayPath(legacy.path))
        let made = Self.split(cut, locale: legacy.locale, from: legacy.path, documentID: id)
        let new = Self.paths(locale: legacy.locale, documentID: id)
        let mismatches = Self.verify(
          old: catalog, oldText: legacy.text, from: legacy.path, locale: legacy.locale, documentID: id,
          document: (project.displayPath(new.document), made.document),
          labels: (project.displayPath(new.labels), made.labels),
          glossary: (project.displayPath(new.glossary), made.glossary))
        guard mismatches.isEmpty else {
          problems += mismatches
          continue
        }
        files += [
          NewFile(path: new.document, text: made.document), NewFile(path: new.labels, text: made.labels),
          NewFile(path: new.glossary, text: made.glossary),
        ]
        let role: Role
        if legacy.locale == sourceTag.canonical {
          role = .source
        } else if PseudoLocalizer.locales.contains(legacy.locale) {
          role = .pseudo
        } else {
          let status = CatalogStatus(catalog: catalog, source: source)
          role = status.translated == status.total ? .shipped : .draft
        }
        let labelObsolete = catalog.obsolete.filter { Labels.isLabel($0.key) }.count
        let labelEntries = catalog.entries.filter { Labels.isLabel($0.key) }.count
        moves.append(
          LocaleMove(
            locale: legacy.locale, role: role, from: legacy.path,
            documentEntries: catalog.entries.count - labelEntries,
            documentObsolete: catalog.obsolete.count - labelObsolete, labelEntries: labelEntries,
            labelObsolete: labelObsolete, glossaryEntries: catalog.glossary.count,
            comments: TextLines(legacy.text).lines.filter(TextLines.isComment).count))
      } catch let error as DiagnosticError {
        problems += error.diagnostics
      }
    }

    var manifest = Manifest.newManifestText(sourceLocale: sourceTag)
    for move in moves where move.role == .shipped || move.role == .draft {
      // The catalogs read cleanly, so their names are canonical tags.
      guard let tag = LanguageTag(move.locale) else { continue }
      manifest = try Manifest.adding(
        tag, status: move.role == .shipped ? .shipped : .draft, to: manifest, file: Manifest.fileName)
    }
    let contentModel = Self.movedContentModel(content, documentID: id)
    let documentPath = "Documents/\(id).yaml"
    if (try? Document.parse(contentModel, file: project.displayPath(documentPath))) != document {
      problems.append(
        Diagnostic(
          code: .migrationMismatch, at: SourceLocation(file: contentPath),
          "the content model would not read the same as \(documentPath); nothing was migrated (a fault of netexport: please report it)"
        ))
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }

    self.project = project
    self.documentID = id
    self.sourceLocale = sourceTag
    self.files =
      [NewFile(path: Manifest.fileName, text: manifest), NewFile(path: documentPath, text: contentModel)] + files
    self.legacyCatalogs = ordered
    self.moves = moves
  }

  static func paths(locale: String, documentID: String) -> (document: String, labels: String, glossary: String) {
    (
      "Locales/\(locale)/\(CatalogFile.document(documentID).name).yaml",
      "Locales/\(locale)/\(CatalogFile.labels.name).yaml",
      "Locales/\(locale)/\(CatalogFile.glossary.name).yaml"
    )
  }

  // MARK: - Splitting

  /// The three new files of a locale, from its old catalog cut into parts.
  static func split(_ cut: LegacyCatalogText, locale: String, from path: String, documentID: String) -> (
    document: String, labels: String, glossary: String
  ) {
    let first = cut.order.first
    let isLabel: (LegacyCatalogText.Entry) -> Bool = { Labels.isLabel($0.key) }
    let isMessage: (LegacyCatalogText.Entry) -> Bool = { !Labels.isLabel($0.key) }
    let localeLines = [cut.locale.keyLine] + cut.locale.body
    // Said of every translation of the catalog, so of both files that take its messages; its
    // comments go with the document's.
    let machineLines = cut.machineTranslated.map { [$0.keyLine] + $0.body } ?? []

    // The document's catalog: the old header, the locale, and every entry but the labels.
    var document = cut.header
    if first != "locale" { document += cut.locale.trivia }
    document += localeLines + ["document: \(documentID)"]
    if let block = cut.machineTranslated {
      document += (first == block.name ? [] : block.trivia) + machineLines
    }
    if first != "entries" { document += cut.entries.block.trivia }
    document += cut.entries.entries.contains(where: isMessage) ? [cut.entries.block.keyLine] : ["entries: {}"]
    document += LegacyCatalogText.lines(of: cut.entries.entries, taking: isMessage) + cut.entries.trailing

    // The labels: a header of their own, the old header's lines about who translated them.
    var labels = labelsHeader(locale: locale, from: path, oldHeader: cut.header) + localeLines + machineLines
    labels += cut.entries.entries.contains(where: isLabel) ? ["entries:"] : ["entries: {}"]
    labels += LegacyCatalogText.lines(of: cut.entries.entries, taking: isLabel)

    if let obsolete = cut.obsolete {
      // The section, with its comments, goes where its entries go: with the document's
      // messages unless every one of them is a label.
      let trivia = first == "obsolete" ? [] : obsolete.block.trivia
      let labelsOnly = !obsolete.entries.isEmpty && obsolete.entries.allSatisfy(isLabel)
      if labelsOnly {
        labels += trivia.drop(while: TextLines.isBlank) + [obsolete.block.keyLine]
        labels += LegacyCatalogText.lines(of: obsolete.entries, taking: isLabel) + obsolete.trailing
      } else {
        document += trivia + [obsolete.block.keyLine]
        document += LegacyCatalogText.lines(of: obsolete.entries, taking: isMessage) + obsolete.trailing
        if obsolete.entries.contains(where: isLabel) {
          labels += ["obsolete:"] + LegacyCatalogText.lines(of: obsolete.entries, taking: isLabel)
        }
      }
    }

    // The glossary: the comments above it in the old file, the locale, the glossary as it was.
    var glossary: [String] = []
    if let block = cut.glossary {
      if first != "glossary" { glossary += block.trivia.drop(while: TextLines.isBlank) }
      glossary += localeLines + [block.keyLine] + block.body
    } else {
      glossary += localeLines + ["glossary:"]
    }
    return (cut.text.joined(document), cut.text.joined(labels), cut.text.joined(glossary))
  }

  /// The comment lines that start a locale's `labels.yaml`: three of its own, then the old
  /// header's lines about who translated the catalog (see `provenance`).
  static func labelsHeader(locale: String, from path: String, oldHeader: [String]) -> [String] {
    let provenance = provenance(oldHeader)
    return labelsIntroduction(locale: locale, from: path, withProvenance: !provenance.isEmpty) + provenance
  }

  static func labelsIntroduction(locale: String, from path: String, withProvenance: Bool) -> [String] {
    let name = LanguageTag(locale).map { "\($0.displayName(in: LanguageTag("en")!)) (\(locale))" } ?? locale
    return [
      "# netexport labels: \(name). The words every export adds around a document's own text:",
      "# the page counter, the audio announcements, the heading of the references.",
      "# Moved here from \(path) by 'netexport migrate'\(withProvenance ? "; from the header of that file:" : ".")",
    ]
  }

  /// The old header's comment lines from the first that says who translated or reviewed the
  /// catalog to its end. They are copied to `labels.yaml` (and stay in the document's
  /// catalog too): they are about the labels' translations as much as the document's.
  static func provenance(_ oldHeader: [String]) -> [String] {
    let comments = oldHeader.filter(TextLines.isComment)
    let first = comments.firstIndex {
      let lowercased = $0.lowercased()
      return lowercased.contains("translated") || lowercased.contains("review")
    }
    return first.map { Array(comments[$0...]) } ?? []
  }

  /// The content model's text for `Documents/<id>.yaml`: as it was, but for comment lines at
  /// its top that name where its text lived (`Locales/<locale>.yaml`) or where it lived itself
  /// (`Sources/…`, "the bundled document").
  static func movedContentModel(_ text: String, documentID: String) -> String {
    let lines = TextLines(text)
    var changed = lines.lines
    for (index, line) in lines.lines.enumerated() {
      guard TextLines.isTrivia(line) else { break }
      guard TextLines.isComment(line) else { continue }
      var new = line.replacing(/Locales\/([^\/\s]+)\.yaml/) { "Locales/\($0.1)/\(documentID).yaml" }
      new = new.replacing(/Sources\/\S+\.yaml/) { _ in "Documents/\(documentID).yaml" }
      new = new.replacing("The bundled document", with: "The document").replacing(
        "the bundled document", with: "the document")
      changed[index] = new
    }
    guard changed != lines.lines else { return text }
    return lines.joined(changed)
  }

  // MARK: - Verifying

  /// An entry's values, field by field.
  struct EntryValues: Equatable, CustomStringConvertible {
    var key, text: String
    var note, previousNote, source, previousSource: String?
    var state: CatalogEntry.State?
    var allow: [String]

    init(_ entry: CatalogEntry) {
      (key, text, note, previousNote, source, previousSource, state, allow) = (
        entry.key, entry.text, entry.note, entry.previousNote, entry.source, entry.previousSource, entry.state,
        entry.allow
      )
    }

    var description: String { key }
  }

  /// A glossary entry's values, field by field.
  struct GlossaryValues: Equatable {
    var key: String
    var forms: [String]
    var pronunciation, spoken, definition, usage: String?
    var letters, expand: Bool

    init(_ entry: GlossaryEntry) {
      (key, forms, pronunciation, spoken, definition, usage) = (
        entry.key, entry.forms, entry.pronunciation, entry.spoken, entry.definition, entry.usage
      )
      (letters, expand) = (entry.letters, entry.expand)
    }
  }

  /// Reads a locale's new files back and compares them with its old catalog.
  ///
  /// - Returns: Every difference, as `migration-mismatch` (or the parser's problems with a
  ///   new file); empty when the new files hold exactly what the old one held.
  static func verify(
    old: Catalog, oldText: String, from: String, locale: String, documentID: String,
    document: (path: String, text: String),
    labels: (path: String, text: String), glossary: (path: String, text: String)
  ) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    func mismatch(_ location: SourceLocation?, _ message: String) {
      problems.append(
        Diagnostic(
          code: .migrationMismatch, at: location,
          "\(message); nothing was migrated (a fault of netexport: please report it with the file)", locale: locale))
    }
    func read(_ file: (path: String, text: String), _ kind: CatalogFile) -> Catalog? {
      do {
        return try Catalog.parse(file.text, file: file.path, expectedLocale: locale, kind: kind)
      } catch let error as DiagnosticError {
        problems += error.diagnostics
        mismatch(SourceLocation(file: file.path), "the new file would not read cleanly (above)")
      } catch {
        mismatch(SourceLocation(file: file.path), "the new file would not read: \(error)")
      }
      return nil
    }
    guard let newDocument = read(document, .document(documentID)), let newLabels = read(labels, .labels),
      let newGlossary = read(glossary, .glossary)
    else { return problems }

    func compare(_ field: String, old: [CatalogEntry], documentSide: [CatalogEntry], labelSide: [CatalogEntry]) {
      for (side, path, isLabelSide) in [(documentSide, document.path, false), (labelSide, labels.path, true)] {
        let expected = old.filter { Labels.isLabel($0.key) == isLabelSide }.map(EntryValues.init)
        let found = side.map(EntryValues.init)
        guard expected != found else { continue }
        for values in expected {
          let location = old.first { $0.key == values.key }?.location
          guard let match = found.first(where: { $0.key == values.key }) else {
            mismatch(location, "'\(field)' entry '\(values.key)' would be missing from \(path)")
            continue
          }
          if match != values {
            mismatch(location, "'\(field)' entry '\(values.key)' would not read the same in \(path)")
          }
        }
        let expectedOrder = expected.map(\.key).filter { key in found.contains { $0.key == key } }
        let foundOrder = found.map(\.key).filter { key in expected.contains { $0.key == key } }
        if let moved = zip(expectedOrder, foundOrder).first(where: { $0 != $1 }) {
          mismatch(
            old.first { $0.key == moved.0 }?.location,
            "'\(field)' entry '\(moved.0)' would move out of its order in \(path) ('\(moved.1)' would be in its place)")
        }
        for extra in found where !expected.contains(where: { $0.key == extra.key }) {
          mismatch(SourceLocation(file: path), "'\(field)' entry '\(extra.key)' would appear in \(path)")
        }
      }
    }
    compare("entries", old: old.entries, documentSide: newDocument.entries, labelSide: newLabels.entries)
    compare("obsolete", old: old.obsolete, documentSide: newDocument.obsolete, labelSide: newLabels.obsolete)
    if old.glossary.map(GlossaryValues.init) != newGlossary.glossary.map(GlossaryValues.init) {
      mismatch(SourceLocation(file: glossary.path), "the glossary would not read the same as in \(old.file)")
    }
    for catalog in [newDocument, newLabels, newGlossary] where catalog.locale != old.locale {
      mismatch(SourceLocation(file: catalog.file), "the locale would change from '\(old.locale)'")
    }
    for catalog in [newDocument, newLabels] where catalog.machineTranslated != old.machineTranslated {
      mismatch(SourceLocation(file: catalog.file), "'\(Catalog.machineTranslatedField)' would not read the same")
    }

    // Every comment line once: the labels' own header (before their first field) is new.
    let labelLines = TextLines(labels.text).lines
    let labelBody = labelLines.drop(while: TextLines.isTrivia)
    let newComments =
      [document.text, glossary.text].flatMap { TextLines($0).lines.filter(TextLines.isComment) }
      + labelBody.filter(TextLines.isComment)
    let oldComments = TextLines(oldText).lines.filter(TextLines.isComment)
    if newComments.sorted() != oldComments.sorted() {
      let lost = oldComments.filter { line in
        oldComments.filter { $0 == line }.count > newComments.filter { $0 == line }.count
      }
      let added = newComments.filter { line in
        newComments.filter { $0 == line }.count > oldComments.filter { $0 == line }.count
      }
      mismatch(
        SourceLocation(file: old.file),
        "the comment lines would not move once each (\(lost.count) lost, \(added.count) added or doubled\(lost.first.map { ", first lost: \($0.trimmingCharacters(in: .whitespaces))" } ?? ""))"
      )
    }
    // Its own header holds only the lines the migration writes there and lines of the old header.
    let allowed = Set(
      labelsIntroduction(locale: locale, from: from, withProvenance: true)
        + labelsIntroduction(locale: locale, from: from, withProvenance: false)
    ).union(oldComments)
    for line in labelLines.prefix(while: TextLines.isTrivia) where !allowed.contains(line) {
      mismatch(SourceLocation(file: labels.path), "the header would gain a line of unknown origin: \(line)")
    }
    return problems
  }

  // MARK: - Writing

  /// What `write()` did.
  public struct WriteResult: Sendable {
    /// The new files, relative to the project, in the order they were put in place.
    public var written: [String]
    /// The old catalogs removed, relative to the project.
    public var removed: [String]
    /// Old catalogs left in place, and why (warnings).
    public var kept: [Diagnostic]
  }

  /// Writes the new files, then removes the old catalogs.
  ///
  /// Every new file is first written to a temporary file beside its place; only when all
  /// are written are they put in place, the manifest last (a project is seen as migrated
  /// only when all its files are there). A failure on the way removes every file this
  /// call wrote and the folders it made, and leaves the old catalogs as they were.
  ///
  /// The old catalogs are removed only after the new files were read back from disk
  /// and hold exactly the verified text, and each only when it still holds the text that
  /// was migrated: removing them leaves one place to edit each message (a stale
  /// `Locales/es.yaml` would be ignored silently), and the repository's history, or the
  /// new files, hold everything they held. One changed meanwhile is kept, with a warning.
  ///
  /// - Throws: `DiagnosticError` with `changed-on-disk` when an old catalog changed since
  ///   it was read, `migration-conflict` when a new file appeared meanwhile,
  ///   `unwritable-output`, or `migration-mismatch` when a file does not read back as written.
  public func write() throws -> WriteResult {
    for legacy in legacyCatalogs where !stillHolds(legacy) {
      throw DiagnosticError(
        Diagnostic(
          code: .changedOnDisk, at: SourceLocation(file: project.displayPath(legacy.path)),
          "the catalog changed on disk since the migration read it (saved from an editor?); nothing was written, so that change is kept: run 'netexport migrate' again"
        ))
    }
    if FileManager.default.fileExists(atPath: project.manifestURL.path) {
      throw DiagnosticError(
        Diagnostic(
          code: .projectExists, at: SourceLocation(file: project.displayPath(Manifest.fileName)),
          "a manifest appeared while migrating; nothing was written"))
    }
    let order = files.filter { $0.path != Manifest.fileName } + files.filter { $0.path == Manifest.fileName }
    let folders = Set(order.map { project.root.appendingPathComponent($0.path).deletingLastPathComponent().path })
      .filter { !FileManager.default.fileExists(atPath: $0) }.sorted { $0.count > $1.count }
    var pending: [PendingWrite] = []
    var committed: [URL] = []
    func undo() {
      for write in pending { TextFile.discard(write) }
      for url in committed { unlink(url.path) }
      for folder in folders { rmdir(folder) }
    }
    do {
      for file in order {
        pending.append(
          try TextFile.prepare(
            file.text, to: project.root.appendingPathComponent(file.path), displayPath: project.displayPath(file.path),
            createFolders: true, exclusive: true))
      }
      for (file, write) in zip(order, pending) {
        try TextFile.commit(write)
        committed.append(project.root.appendingPathComponent(file.path))
      }
      pending = []
      for file in order {
        let url = project.root.appendingPathComponent(file.path)
        guard (try? TextFile.readUTF8(url, displayPath: file.path)) == file.text else {
          throw DiagnosticError(
            Diagnostic(
              code: .migrationMismatch, at: SourceLocation(file: project.displayPath(file.path)),
              "the file does not hold what was written; the migration was undone"))
        }
      }
    } catch {
      undo()
      if let error = error as? DiagnosticError,
        error.diagnostics.contains(where: {
          $0.code == FindingCode.unwritableOutput.code && $0.message.contains("exists already")
        })
      {
        throw DiagnosticError(
          error.diagnostics.map {
            Diagnostic(
              code: .migrationConflict, at: $0.location,
              "the file appeared while migrating; nothing was written")
          })
      }
      throw error
    }

    var removed: [String] = []
    var kept: [Diagnostic] = []
    for legacy in legacyCatalogs {
      let display = project.displayPath(legacy.path)
      guard stillHolds(legacy) else {
        kept.append(
          Diagnostic(
            .warning, code: .legacyCatalogKept, at: SourceLocation(file: display),
            "the file changed while migrating, so it is kept: the new files hold the text it had before; copy the change to Locales/\(legacy.locale)/ and delete it"
          ))
        continue
      }
      if unlink(project.root.appendingPathComponent(legacy.path).path) == 0 {
        removed.append(legacy.path)
      } else {
        kept.append(
          Diagnostic(
            .warning, code: .legacyCatalogKept, at: SourceLocation(file: display),
            "cannot remove the old catalog (\(String(cString: strerror(errno)))); its messages are in Locales/\(legacy.locale)/ now: delete it"
          ))
      }
    }
    return WriteResult(written: order.map(\.path), removed: removed, kept: kept)
  }

  private func stillHolds(_ legacy: LegacyCatalog) -> Bool {
    let url = project.root.appendingPathComponent(legacy.path)
    return (try? TextFile.readUTF8(url, displayPath: legacy.path)) == legacy.text
  }
}
