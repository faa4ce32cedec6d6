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

  /// The files of a locale the checks read, in the order reports list them: each document's
  /// catalog (by id), the labels, the glossary.
  func checkedFiles(_ chosen: [ProjectDocument]?) -> [CatalogFile] {
    Set((chosen ?? documents).map { CatalogFile.document($0.id) } + [.labels, .glossary]).sorted()
  }

  /// Reads and checks the source locale's catalogs: every document's (or those given), the
  /// labels and the glossary, several files at once on the machine's cores.
  public func checkSource(documents chosen: [ProjectDocument]? = nil) -> SourceSide {
    let locale = WorkspaceLocale(sourceLocale, .source)
    let glossaryFile = load(.glossary, locale: sourceLocale.canonical)
    let glossary = glossaryFile.catalog?.glossary ?? []
    let files = checkedFiles(chosen).filter { $0 != .glossary }
    let slots = ResultSlots<(check: CatalogCheck, validator: Validator?)>(count: files.count)
    DispatchQueue.concurrentPerform(iterations: files.count) { index in
      slots[index] = checkSourceFile(files[index], glossary: glossary)
    }
    let checked = slots.values
    var validators: [CatalogFile: Validator] = [:]
    for (file, result) in zip(files, checked) { validators[file] = result.validator }
    var glossaryCheck = CatalogCheck(
      locale: locale, file: .glossary, path: glossaryFile.path, catalog: glossaryFile.catalog,
      findings: glossaryFile.readProblems)
    glossaryCheck.findings += glossaryFindings(glossaryFile, isSource: true)
    return SourceSide(
      check: LocaleCheck(locale: locale, files: checked.map(\.check) + [glossaryCheck]), validators: validators,
      glossary: glossary)
  }

  /// Reads and checks one of the source locale's message files (a document's catalog or the
  /// labels), and makes the validator its translations are checked with.
  ///
  /// - Parameter glossary: The source locale's glossary.
  func checkSourceFile(_ file: CatalogFile, glossary: [GlossaryEntry]) -> (check: CatalogCheck, validator: Validator?) {
    let locale = WorkspaceLocale(sourceLocale, .source)
    let loaded = load(file, locale: sourceLocale.canonical)
    var check = CatalogCheck(
      locale: locale, file: file, path: loaded.path, catalog: loaded.catalog, findings: loaded.readProblems)
    guard loaded.exists else {
      check.findings.append(
        Diagnostic(
          code: "missing-catalog", at: SourceLocation(file: loaded.path),
          file == .labels
            ? "the source locale has no labels catalog; every export needs one (copy it from a new project: 'netexport new')"
            : "the document \(file.name) has no source catalog; write its messages here (or import the document: 'netexport import')",
          locale: locale.canonical))
      return (check, nil)
    }
    guard let catalog = loaded.catalog, let uses = uses(of: file) else { return (check, nil) }
    let validator = Validator(uses: uses, source: catalog, sourceGlossary: glossary, sourceLocale: sourceLocale)
    check.findings += validator.validateSource()
    check.status = CatalogStatus(catalog: catalog, source: catalog, isSource: true)
    check.checkedKeys = catalog.keys
    return (check, validator)
  }

  /// Reads and checks a target locale's catalogs against the source's, several files at once.
  public func check(_ locale: WorkspaceLocale, against source: SourceSide, documents chosen: [ProjectDocument]? = nil)
    -> LocaleCheck
  {
    guard locale.status != .source else { return source.check }
    let glossaryFile = load(.glossary, locale: locale.canonical)
    let glossary = glossaryFile.catalog?.glossary ?? []
    let files = checkedFiles(chosen).filter { $0 != .glossary }
    let slots = ResultSlots<CatalogCheck>(count: files.count)
    DispatchQueue.concurrentPerform(iterations: files.count) { index in
      let file = files[index]
      let validator = source.validators[file]
      slots[index] = checkTargetFile(
        file, of: locale, loaded: load(file, locale: locale.canonical), validator: validator,
        sourceKeys: validator?.source.keys ?? [], glossary: glossary)
    }
    return localeCheck(locale, files: slots.values, glossary: glossaryFile)
  }

  /// Checks one of a target locale's message files against its validator (`nil` when the
  /// source file could not be read: there is nothing to check it against).
  ///
  /// - Parameter sourceKeys: The source file's message keys (`validator.source.keys`, made
  ///   once per source file and shared by every locale's check).
  func checkTargetFile(
    _ file: CatalogFile, of locale: WorkspaceLocale, loaded: LoadedCatalog, validator: Validator?,
    sourceKeys: [String], glossary: [GlossaryEntry]
  ) -> CatalogCheck {
    var check = CatalogCheck(
      locale: locale, file: file, path: loaded.path, catalog: loaded.catalog, findings: loaded.readProblems)
    guard let validator else { return check }
    check.checkedKeys = sourceKeys
    if let catalog = loaded.catalog {
      check.findings += validator.validate(catalog, glossary: glossary, locale: locale.tag)
      check.status = CatalogStatus(catalog: catalog, source: validator.source)
    } else if !loaded.exists {
      let total = validator.source.entries.count
      check.findings.append(
        Diagnostic(
          .pending, code: "missing-catalog", at: SourceLocation(file: loaded.path),
          "not started: \(total) message\(total == 1 ? "" : "s") to translate; run 'netexport update --locale \(locale.canonical)' to create the catalog",
          locale: locale.canonical))
      check.status = CatalogStatus(missingFor: validator.source, locale: locale.canonical, file: loaded.path)
    }
    return check
  }

  /// A target locale's checks in report order: its message files, then its glossary (a
  /// locale without one has nothing to check there), with the warning for a locale the
  /// manifest does not list on the first file.
  ///
  /// - Parameter keepCatalog: Keep the glossary's catalog in its check.
  func localeCheck(_ locale: WorkspaceLocale, files: [CatalogCheck], glossary: LoadedCatalog, keepCatalog: Bool = true)
    -> LocaleCheck
  {
    var checks = files
    if glossary.exists {
      var check = CatalogCheck(
        locale: locale, file: .glossary, path: glossary.path, catalog: keepCatalog ? glossary.catalog : nil,
        findings: glossary.readProblems)
      check.findings += glossaryFindings(glossary, isSource: false)
      checks.append(check)
    }
    if locale.status == .unlisted, !checks.isEmpty {
      checks[0].findings.insert(
        Diagnostic(
          .warning, code: "unlisted-locale", at: SourceLocation(file: project.displayPath(Manifest.fileName)),
          "Locales/\(locale.canonical)/ is not listed in \(project.displayPath(Manifest.fileName)); add '\(locale.canonical): draft' (or shipped) under 'locales' (treated as a draft until then)",
          locale: locale.canonical), at: 0)
    }
    return LocaleCheck(locale: locale, files: checks)
  }

  /// Problems of a glossary file beyond its reading: entries that name no term or
  /// abbreviation of any document, and what it tells speech engines (`SpokenFormCheck`).
  func glossaryFindings(_ loaded: LoadedCatalog, isSource: Bool) -> [Diagnostic] {
    guard let catalog = loaded.catalog else { return [] }
    let known = Set(documents.flatMap { $0.document.glossaryKeys })
    let unknown = catalog.glossary.filter { !known.contains($0.key) }.map {
      Diagnostic(
        .warning, code: "glossary-unknown-key", at: $0.location,
        "glossary entry '\($0.key)' names no term or abbreviation of any document (terms are term.<id>, abbreviations abbr.<id>)",
        locale: catalog.locale, key: $0.key)
    }
    let language = LanguageTag(catalog.locale)?.language ?? catalog.locale
    return unknown + SpokenFormCheck.findings(catalog.glossary, language: language, locale: catalog.locale)
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
  /// The validation report of checked locales.
  ///
  /// - Parameter named: The locales the user named; their findings count even for a draft.
  public func validationReport(_ checks: [LocaleCheck], named: Set<String> = []) -> ValidationReport {
    var reports: [LocaleReport] = []
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
