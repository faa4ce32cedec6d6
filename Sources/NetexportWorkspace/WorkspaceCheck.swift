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
    return SourceSide(
      check: LocaleCheck(locale: locale, files: checked.map(\.check) + [sourceGlossaryCheck(glossaryFile)]),
      validators: validators,
      glossary: glossary)
  }

  /// The check of the source locale's glossary, read as `loaded`.
  ///
  /// - Parameter keepCatalog: Keep the glossary's catalog in its check.
  func sourceGlossaryCheck(_ loaded: LoadedCatalog, keepCatalog: Bool = true) -> CatalogCheck {
    let locale = WorkspaceLocale(sourceLocale, .source)
    var check = CatalogCheck(
      locale: locale, file: .glossary, path: loaded.path, catalog: keepCatalog ? loaded.catalog : nil,
      findings: loaded.readProblems)
    if !loaded.exists {
      // Every project has a source glossary ('netexport new' writes one, empty): it is
      // shared by every document, and holds the source's other forms of each term and what
      // speech engines say for each abbreviation. A missing one was lost or misplaced;
      // reporting nothing would let those checks and spoken forms silently go.
      check.findings.append(
        Diagnostic(
          .error, code: .missingCatalog, at: SourceLocation(file: loaded.path),
          "the source locale has no glossary (\(loaded.path)); every project has one, shared by every document: restore it, or create it with the two lines 'locale: \(locale.canonical)' and 'glossary:' (an empty glossary is fine)",
          locale: locale.canonical))
    } else {
      check.findings += glossaryFindings(loaded, isSource: true)
    }
    return check
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
          .error, code: .missingCatalog, at: SourceLocation(file: loaded.path),
          file == .labels
            ? "the source locale has no labels catalog; every export needs one (copy it from a new project: 'netexport new')"
            : "the document \(file.name) has no source catalog; write its messages here (or import the document: 'netexport import')",
          locale: locale.canonical))
      return (check, nil)
    }
    guard let catalog = loaded.catalog, let uses = uses(of: file) else { return (check, nil) }
    let validator = Validator(uses: uses, source: catalog, sourceGlossary: glossary, sourceLocale: sourceLocale)
    check.findings += validator.validateSource()
    check.status = CatalogStatus(
      catalog: catalog, source: catalog, isSource: true, errorKeys: Set(check.errors.compactMap(\.key)))
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
      check.status = CatalogStatus(
        catalog: catalog, source: validator.source, errorKeys: Set(check.errors.compactMap(\.key)))
    } else if !loaded.exists {
      let total = validator.source.entries.count
      check.findings.append(
        Diagnostic(
          .pending, code: .missingCatalog, at: SourceLocation(file: loaded.path),
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
          .warning, code: .unlistedLocale, at: SourceLocation(file: project.displayPath(Manifest.fileName)),
          "Locales/\(locale.canonical)/ is not listed in \(project.displayPath(Manifest.fileName)); add '\(locale.canonical): draft' (or shipped) under 'locales' (treated as a draft until then)",
          locale: locale.canonical), at: 0)
    }
    return LocaleCheck(locale: locale, files: checks)
  }

  /// Problems of a glossary file: those found reading it (read leniently, the file's
  /// errors are in the catalog's `problems`, not thrown: messages in the glossary file, an
  /// entry of the wrong shape), then entries that name no term or abbreviation of any
  /// document, and what it tells speech engines (`SpokenFormCheck`).
  func glossaryFindings(_ loaded: LoadedCatalog, isSource: Bool) -> [Diagnostic] {
    guard let catalog = loaded.catalog else { return [] }
    let read = catalog.problems.map {
      var problem = $0
      problem.locale = problem.locale ?? catalog.locale
      return problem
    }
    let unknown = catalog.glossary.filter { !glossaryKeys.contains($0.key) }.map {
      Diagnostic(
        .warning, code: .glossaryUnknownKey, at: $0.location,
        "glossary entry '\($0.key)' names no term or abbreviation of any document (terms are term.<id>, abbreviations abbr.<id>)",
        locale: catalog.locale, key: $0.key)
    }
    let language = LanguageTag(catalog.locale)?.language ?? catalog.locale
    return read + unknown + SpokenFormCheck.findings(catalog.glossary, language: language, locale: catalog.locale)
  }

  /// Checks the given locales: every file of each, against the source's.
  ///
  /// Read and checked one file at a time, several at once on the machine's cores, source file
  /// by source file: a source file is read, checked and made into a validator when its first
  /// translation is checked, and dropped after its last, so a library of a thousand
  /// documents never holds more than a few source files and catalogs in memory (the
  /// glossaries, small, are read first). A target's files are checked against the source's;
  /// a source file that could not be read leaves them nothing to be checked against. Its
  /// problems then come first, as a check of the source locale holding those files alone,
  /// even when the source was not asked for: a target checked against nothing must not pass.
  ///
  /// - Parameter keepCatalogs: Keep each catalog read in its `CatalogCheck` (for a report
  ///   that shows their texts); otherwise only the findings and status are kept.
  public func check(
    _ locales: [WorkspaceLocale], documents chosen: [ProjectDocument]? = nil, keepCatalogs: Bool = true
  ) -> [LocaleCheck] {
    let sourceTag = sourceLocale.canonical
    let sourceGlossaryFile = load(.glossary, locale: sourceTag)
    let sourceGlossary = sourceGlossaryFile.catalog?.glossary ?? []
    let messageFiles = checkedFiles(chosen).filter { $0 != .glossary }
    let targets = locales.filter { $0.status != .source }
    let targetGlossaries = ResultSlots<LoadedCatalog>(count: targets.count)
    DispatchQueue.concurrentPerform(iterations: targets.count) { index in
      targetGlossaries[index] = load(.glossary, locale: targets[index].canonical)
    }
    let glossaries = targetGlossaries.values
    let glossaryEntries = glossaries.map { $0.catalog?.glossary ?? [] }

    // One job per source file and target (one for the source file alone when no target is
    // checked), source file by source file: workers take jobs in order, so only the few
    // source files being worked on are in memory.
    let perFile = max(targets.count, 1)
    let sources = messageFiles.map { SourceFileSlot(file: $0, users: perFile, keepCatalog: keepCatalogs) }
    let results = ResultSlots<CatalogCheck>(count: messageFiles.count * targets.count)
    DispatchQueue.concurrentPerform(iterations: messageFiles.count * perFile) { job in
      let slot = sources[job / perFile]
      defer { slot.release() }
      guard !targets.isEmpty else {
        _ = slot.source(self, glossary: sourceGlossary)
        return
      }
      let target = job % perFile
      let locale = targets[target]
      // Read before the source is asked for: another worker may be making the validator.
      let loaded = load(slot.file, locale: locale.canonical)
      let source = slot.source(self, glossary: sourceGlossary)
      var check = checkTargetFile(
        slot.file, of: locale, loaded: loaded, validator: source.validator, sourceKeys: source.keys,
        glossary: glossaryEntries[target])
      if !keepCatalogs { check.catalog = nil }
      results[target * messageFiles.count + job / perFile] = check
    }

    var sourceFiles: [CatalogCheck] = []
    var unreadable: [CatalogCheck] = []
    for slot in sources {
      guard let source = slot.finished else { continue }
      if source.unreadable { unreadable.append(source.check) }
      sourceFiles.append(source.check)
    }
    let sourceGlossaryCheck = sourceGlossaryCheck(sourceGlossaryFile, keepCatalog: keepCatalogs)
    if sourceGlossaryFile.catalog == nil && !sourceGlossaryCheck.errors.isEmpty {
      unreadable.append(sourceGlossaryCheck)
    }
    let checked = results.values
    var checks: [LocaleCheck] = []
    for locale in locales {
      guard let target = targets.firstIndex(of: locale) else {
        checks.append(LocaleCheck(locale: locale, files: sourceFiles + [sourceGlossaryCheck]))
        continue
      }
      let files = Array(checked[(target * messageFiles.count)..<((target + 1) * messageFiles.count)])
      checks.append(localeCheck(locale, files: files, glossary: glossaries[target], keepCatalog: keepCatalogs))
    }
    guard !locales.contains(where: { $0.status == .source }), !locales.isEmpty, !unreadable.isEmpty else {
      return checks
    }
    return [LocaleCheck(locale: WorkspaceLocale(sourceLocale, .source), files: unreadable)] + checks
  }
}

/// A source file as the checks of its translations share it: read, checked and made into a
/// validator by the first job that needs it, and let go when the last is done.
private final class SourceFileSlot: @unchecked Sendable {
  struct Source {
    var check: CatalogCheck
    var validator: Validator?
    var keys: [String]
    /// Whether the file could not be read (or does not exist), with errors to say why.
    var unreadable: Bool
  }

  let file: CatalogFile
  /// Whether the check keeps the catalog read once every job is done.
  let keepCatalog: Bool
  private let lock = NSLock()
  private var users: Int
  private var made: Source?
  /// The source file's check once every job is done, its validator (and unless kept, its
  /// catalog) let go.
  private(set) var finished: Source?

  init(file: CatalogFile, users: Int, keepCatalog: Bool) {
    self.file = file
    self.users = users
    self.keepCatalog = keepCatalog
  }

  /// The source file, read and checked on first use.
  func source(_ workspace: Workspace, glossary: [GlossaryEntry]) -> Source {
    lock.withLock {
      if let made { return made }
      let (check, validator) = workspace.checkSourceFile(file, glossary: glossary)
      let source = Source(
        check: check, validator: validator, keys: validator?.source.keys ?? [],
        unreadable: check.catalog == nil && !check.errors.isEmpty)
      made = source
      return source
    }
  }

  /// One job is done with the file; after the last, only its check is kept.
  func release() {
    lock.withLock {
      users -= 1
      guard users == 0, var source = made else { return }
      source.validator = nil
      if !keepCatalog { source.check.catalog = nil }
      finished = source
      made = nil
    }
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
