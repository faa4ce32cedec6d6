import Dispatch
import Foundation
public import NetexportICU
public import NetexportModel
import NetexportResolution
public import NetexportValidation

/// One catalog file checked: its findings and how far its translation has come.
public struct CatalogCheck: Sendable {
  public var locale: WorkspaceLocale
  public var file: CatalogFile
  /// The file as shown in messages.
  public var path: String
  /// The catalog as read; `nil` when the file does not exist or could not be read at all.
  public var catalog: Catalog?
  public var findings: [Diagnostic]
  /// The source messages the file translates, with how many are ready (`nil` for the
  /// glossary, which has no messages).
  public var status: CatalogStatus?
  /// The source message keys the file was checked against.
  public var checkedKeys: [String] = []

  public var errors: [Diagnostic] { findings.filter { $0.severity == .error } }
  public var pending: [Diagnostic] { findings.filter { $0.severity == .pending } }
}

/// Every catalog file of one locale, checked.
public struct LocaleCheck: Sendable {
  public var locale: WorkspaceLocale
  public var files: [CatalogCheck]

  public subscript(file: CatalogFile) -> CatalogCheck? { files.first { $0.file == file } }
}

extension Workspace {
  /// The source locale's catalogs, read and checked once per run: what every target
  /// catalog is checked against.
  public struct SourceSide: Sendable {
    public var check: LocaleCheck
    /// One validator per catalog file (documents and labels).
    var validators: [CatalogFile: Validator]
    public var glossary: [GlossaryEntry]

    /// The source catalog of a file; `nil` when it could not be read.
    public func catalog(_ file: CatalogFile) -> Catalog? { check[file]?.catalog }
  }

  /// What a file of a locale must translate: the messages the document uses, or the labels.
  func uses(of file: CatalogFile) -> MessageUses? {
    switch file {
    case .document(let id): documents.first { $0.id == id }?.document.uses
    case .labels: Labels.uses
    case .glossary: nil
    }
  }

  /// Reads and checks the source locale's catalogs: every document's (or those given), the
  /// labels and the glossary.
  public func checkSource(documents chosen: [ProjectDocument]? = nil) -> SourceSide {
    let locale = WorkspaceLocale(sourceLocale, .source)
    let catalogs = self.catalogs(for: locale, documents: chosen)
    let glossary = catalogs.glossary
    var validators: [CatalogFile: Validator] = [:]
    var files: [CatalogCheck] = []
    for file in catalogs.files.keys.sorted() {
      guard let loaded = catalogs[file] else { continue }
      var check = CatalogCheck(
        locale: locale, file: file, path: loaded.path, catalog: loaded.catalog, findings: loaded.readProblems)
      if file == .glossary && !loaded.exists {
        // Every project has a source glossary ('netexport new' writes one, empty): it is
        // shared by every document, and holds the source's other forms of each term and what
        // speech engines say for each abbreviation. A missing one was lost or misplaced;
        // reporting nothing would let those checks and spoken forms silently go.
        check.findings.append(
          Diagnostic(
            .error, code: .missingCatalog, at: SourceLocation(file: loaded.path),
            "the source locale has no glossary (\(loaded.path)); every project has one, shared by every document: restore it, or create it with the two lines 'locale: \(locale.canonical)' and 'glossary:' (an empty glossary is fine)",
            locale: locale.canonical))
      } else if file == .glossary {
        check.findings += glossaryFindings(loaded, isSource: true)
      } else if !loaded.exists {
        check.findings.append(
          Diagnostic(
            .error, code: .missingCatalog, at: SourceLocation(file: loaded.path),
            file == .labels
              ? "the source locale has no labels catalog; every export needs one (copy it from a new project: 'netexport new')"
              : "the document \(file.name) has no source catalog; write its messages here (or import the document: 'netexport import')",
            locale: locale.canonical))
      } else if let catalog = loaded.catalog, let uses = uses(of: file) {
        let validator = Validator(uses: uses, source: catalog, sourceGlossary: glossary, sourceLocale: sourceLocale)
        validators[file] = validator
        check.findings += validator.validateSource()
        check.status = CatalogStatus(
          catalog: catalog, source: catalog, isSource: true, errorKeys: Set(check.errors.compactMap(\.key)))
        check.checkedKeys = catalog.keys
      }
      files.append(check)
    }
    return SourceSide(check: LocaleCheck(locale: locale, files: files), validators: validators, glossary: glossary)
  }

  /// Reads and checks a target locale's catalogs against the source's.
  public func check(_ locale: WorkspaceLocale, against source: SourceSide, documents chosen: [ProjectDocument]? = nil)
    -> LocaleCheck
  {
    guard locale.status != .source else { return source.check }
    let catalogs = self.catalogs(for: locale, documents: chosen)
    let glossary = catalogs.glossary
    var files: [CatalogCheck] = []
    for file in catalogs.files.keys.sorted() {
      guard let loaded = catalogs[file] else { continue }
      // A glossary is optional: a locale without one has nothing to check there.
      if file == .glossary && !loaded.exists { continue }
      var check = CatalogCheck(
        locale: locale, file: file, path: loaded.path, catalog: loaded.catalog, findings: loaded.readProblems)
      if file == .glossary {
        check.findings += glossaryFindings(loaded, isSource: false)
      } else if let validator = source.validators[file] {
        check.checkedKeys = validator.source.keys
        if let catalog = loaded.catalog {
          check.findings += validator.validate(catalog, glossary: glossary, locale: locale.tag)
          check.status = CatalogStatus(
            catalog: catalog, source: validator.source,
            errorKeys: Set(check.errors.compactMap(\.key)))
        } else if !loaded.exists {
          let total = validator.source.entries.count
          check.findings.append(
            Diagnostic(
              .pending, code: .missingCatalog, at: SourceLocation(file: loaded.path),
              "not started: \(total) message\(total == 1 ? "" : "s") to translate; run 'netexport update --locale \(locale.canonical)' to create the catalog",
              locale: locale.canonical))
          check.status = CatalogStatus(missingFor: validator.source, locale: locale.canonical, file: loaded.path)
        }
      }
      if locale.status == .unlisted, file == catalogs.files.keys.sorted().first {
        check.findings.insert(
          Diagnostic(
            .warning, code: .unlistedLocale, at: SourceLocation(file: project.displayPath(Manifest.fileName)),
            "Locales/\(locale.canonical)/ is not listed in \(project.displayPath(Manifest.fileName)); add '\(locale.canonical): draft' (or shipped) under 'locales' (treated as a draft until then)",
            locale: locale.canonical), at: 0)
      }
      files.append(check)
    }
    return LocaleCheck(locale: locale, files: files)
  }

  /// Problems of a glossary file: those found reading it (read leniently, the file's
  /// errors are in the catalog's `problems`, not thrown: messages in the glossary file, an
  /// entry of the wrong shape), then entries that name no term or abbreviation of any
  /// document, and what it tells speech engines (`SpokenFormCheck`).
  func glossaryFindings(_ loaded: LoadedCatalog, isSource: Bool) -> [Diagnostic] {
    guard let catalog = loaded.catalog else { return [] }
    let known = Set(documents.flatMap { $0.document.glossaryKeys })
    let read = catalog.problems.map {
      var problem = $0
      problem.locale = problem.locale ?? catalog.locale
      return problem
    }
    let unknown = catalog.glossary.filter { !known.contains($0.key) }.map {
      Diagnostic(
        .warning, code: .glossaryUnknownKey, at: $0.location,
        "glossary entry '\($0.key)' names no term or abbreviation of any document (terms are term.<id>, abbreviations abbr.<id>)",
        locale: catalog.locale, key: $0.key)
    }
    let language = LanguageTag(catalog.locale)?.language ?? catalog.locale
    return read + unknown + SpokenFormCheck.findings(catalog.glossary, language: language, locale: catalog.locale)
  }

  /// Checks the given locales, each on its own core.
  ///
  /// A target's files are checked against the source's; a source file that could not be read
  /// leaves them nothing to be checked against. Its problems then come first, as a check of
  /// the source locale holding those files alone, even when the source was not asked for:
  /// a target checked against nothing must not pass.
  public func check(_ locales: [WorkspaceLocale], documents chosen: [ProjectDocument]? = nil) -> [LocaleCheck] {
    let source = checkSource(documents: chosen)
    let slots = ResultSlots<LocaleCheck>(count: locales.count)
    DispatchQueue.concurrentPerform(iterations: locales.count) { index in
      slots[index] = check(locales[index], against: source, documents: chosen)
    }
    let unreadable = source.check.files.filter { $0.catalog == nil && !$0.errors.isEmpty }
    guard !locales.contains(where: { $0.status == .source }), !locales.isEmpty, !unreadable.isEmpty else {
      return slots.values
    }
    return [LocaleCheck(locale: source.check.locale, files: unreadable)] + slots.values
  }
}

extension Workspace {
  /// The validation report of checked locales; for a run over every locale (none named),
  /// also the folders of `Locales/` that are not read as a locale (`misnamedLocaleFolders`).
  ///
  /// - Parameter named: The locales the user named; their findings count even for a draft.
  public func validationReport(_ checks: [LocaleCheck], named: Set<String> = []) -> ValidationReport {
    var reports: [LocaleReport] = []
    if named.isEmpty {
      // `locales()` has read the folder already to make the checks: it cannot fail here.
      for problem in (try? misnamedLocaleFolders()) ?? [] {
        reports.append(
          LocaleReport(
            locale: problem.locale ?? "", file: problem.location?.file ?? "Locales/", isSource: false,
            findings: [problem], checkedKeys: [], requiresComplete: false))
      }
    }
    for check in checks {
      let counted = check.locale.isShipped || named.contains(check.locale.canonical)
      for file in check.files {
        reports.append(
          LocaleReport(
            locale: check.locale.canonical, file: file.path, isSource: check.locale.status == .source,
            findings: file.findings.map {
              var finding = $0
              finding.locale = check.locale.canonical
              return finding
            }, checkedKeys: file.checkedKeys,
            catalog: file.file.name, localeStatus: check.locale.status.rawValue, counted: counted,
            requiresComplete: check.locale.isShipped))
      }
    }
    return ValidationReport(locales: reports)
  }
}
