import Dispatch
import Foundation
import NetexportICU
public import NetexportModel

/// The findings for one catalog file.
public struct LocaleReport: Hashable, Sendable {
  public var locale: String
  /// The catalog file as shown in messages.
  public var file: String
  /// Whether this is the source locale's catalog.
  public var isSource: Bool
  public var findings: [Diagnostic]
  /// The source message keys the catalog was checked against (none when it could not be read).
  public var checkedKeys: [String]
  /// Which file of the locale this is: a document's id, `labels` or `glossary`; `nil` for a
  /// catalog holding everything.
  public var catalog: String?
  /// What the project does with the locale: `source`, `shipped`, `draft`, `unlisted`,
  /// `pseudo`; `nil` outside a project.
  public var localeStatus: String?
  /// Whether the findings decide the run's exit status: a shipped locale's, or one the user
  /// named. A draft's findings are reported and do not fail a run over the whole project.
  public var counted: Bool
  /// Whether pending work fails the run under `--strict`: a shipped locale must be complete.
  public var requiresComplete: Bool

  public init(
    locale: String, file: String, isSource: Bool, findings: [Diagnostic], checkedKeys: [String],
    catalog: String? = nil, localeStatus: String? = nil, counted: Bool = true, requiresComplete: Bool = true
  ) {
    self.locale = locale
    self.file = file
    self.isSource = isSource
    self.findings = findings
    self.checkedKeys = checkedKeys
    self.catalog = catalog
    self.localeStatus = localeStatus
    self.counted = counted
    self.requiresComplete = requiresComplete
  }

  public var errorCount: Int { findings.count { $0.severity == .error } }
  public var warningCount: Int { findings.count { $0.severity == .warning } }
  public var pendingCount: Int { findings.count { $0.severity == .pending } }

  /// The messages ready to use, as a share of those checked, in percent, rounded down (100
  /// only when every one is): a message is not ready while work on it is pending or a
  /// mistake in it is an error, as `status` counts. A pending finding of the whole file (a
  /// catalog not started) leaves none ready.
  public var percentReady: Int {
    guard !checkedKeys.isEmpty else { return pendingCount == 0 ? 100 : 0 }
    let blocking = findings.filter { $0.severity == .pending || $0.severity == .error }
    if blocking.contains(where: { $0.severity == .pending && $0.key == nil }) { return 0 }
    let notReady = Set(blocking.compactMap(\.key)).intersection(checkedKeys)
    return (checkedKeys.count - notReady.count) * 100 / checkedKeys.count
  }

  /// Whether this catalog fails the run.
  public func fails(strict: Bool) -> Bool { findings.contains { fails(strict: strict, because: $0) } }

  /// Whether one of the catalog's findings fails the run: an error in a catalog that counts,
  /// and with `strict` a warning, or pending work where the locale must be complete.
  public func fails(strict: Bool, because finding: Diagnostic) -> Bool {
    guard counted else { return false }
    switch finding.severity {
    case .error: return true
    case .warning: return strict
    case .pending: return strict && requiresComplete
    }
  }
}

/// The findings for every catalog checked in one run.
public struct ValidationReport: Hashable, Sendable {
  public var locales: [LocaleReport]

  public init(locales: [LocaleReport]) { self.locales = locales }

  public var findings: [Diagnostic] { locales.flatMap(\.findings) }
  public var errorCount: Int { locales.reduce(0) { $0 + $1.errorCount } }
  public var warningCount: Int { locales.reduce(0) { $0 + $1.warningCount } }
  public var pendingCount: Int { locales.reduce(0) { $0 + $1.pendingCount } }

  /// Whether the run passes: no errors in a catalog that counts, and with `strict` no
  /// warnings either, and every shipped locale complete.
  public func passes(strict: Bool) -> Bool { !locales.contains { $0.fails(strict: strict) } }
}

extension Validator {
  /// Builds a validator for a project: loads the source locale's catalog.
  ///
  /// - Throws: `DiagnosticError` when the source catalog cannot be read at all (malformed
  ///   YAML, a duplicate key): nothing can be checked against it.
  public static func forProject(_ project: Project, document: Document) throws -> Validator {
    guard let sourceLocale = LanguageTag(document.sourceLocale) else {
      throw DiagnosticError(
        Diagnostic(
          code: .invalidLocale, at: nil, "the document's source locale '\(document.sourceLocale)' is not valid"))
    }
    let source = try project.catalog(for: project.locale(sourceLocale.canonical), lenient: true)
    return Validator(document: document, source: source, sourceLocale: sourceLocale)
  }

  /// Validates catalogs of a project, several at once on the machine's cores.
  ///
  /// - Parameter locales: The locales to check (canonical tags); `nil` checks every catalog
  ///   in `Locales/`, the source locale's included.
  public func validate(project: Project, locales: [String]? = nil) throws -> ValidationReport {
    let names = try locales ?? project.availableLocales()
    let results = ResultSlots<LocaleReport>(count: names.count)
    DispatchQueue.concurrentPerform(iterations: names.count) { index in
      results[index] = validateFile(project: project, name: names[index])
    }
    return ValidationReport(locales: results.values)
  }

  /// Validates one catalog file, `Locales/<name>.yaml`.
  public func validateFile(project: Project, name: String) -> LocaleReport {
    checkFile(project: project, name: name).report
  }

  /// Validates one catalog file and returns the catalog it read (`nil` when it could not be
  /// read), so that a caller going on to export does not read and parse it again.
  public func checkFile(project: Project, name: String) -> (report: LocaleReport, catalog: Catalog?) {
    let file = project.displayPath("Locales/\(name).yaml")
    let isSource = name == sourceLocale.canonical
    guard let tag = LanguageTag(name) else {
      return failed(
        LocaleReport(
          locale: name, file: file, isSource: false,
          findings: [
            Diagnostic(
              code: .invalidLocale, at: SourceLocation(file: file),
              "'\(name)' is not a valid BCP 47 language tag, so this file is not a catalog netexport can use; rename it (for example es.yaml, pt-BR.yaml)",
              locale: name)
          ], checkedKeys: []))
    }
    guard tag.canonical == name else {
      return failed(
        LocaleReport(
          locale: name, file: file, isSource: false,
          findings: [
            Diagnostic(
              code: .invalidLocale, at: SourceLocation(file: file),
              "the file name '\(name)' is not in canonical form; rename it to \(tag.canonical).yaml", locale: name)
          ], checkedKeys: []))
    }
    if isSource {
      return (
        LocaleReport(locale: name, file: file, isSource: true, findings: validateSource(), checkedKeys: source.keys),
        source
      )
    }
    let catalog: Catalog
    do {
      catalog = try project.catalog(for: tag, lenient: true)
    } catch let error as DiagnosticError {
      return failed(
        LocaleReport(
          locale: name, file: file, isSource: false,
          findings: error.diagnostics.map {
            var finding = $0
            finding.locale = name
            return finding
          }, checkedKeys: []))
    } catch {
      return failed(
        LocaleReport(
          locale: name, file: file, isSource: false,
          findings: [
            Diagnostic(code: .unreadableCatalog, at: SourceLocation(file: file), "\(error)", locale: name)
          ], checkedKeys: []))
    }
    return (
      LocaleReport(
        locale: name, file: file, isSource: false, findings: validate(catalog, locale: tag), checkedKeys: source.keys),
      catalog
    )
  }
}

/// A report for a catalog that could not be read.
private func failed(_ report: LocaleReport) -> (report: LocaleReport, catalog: Catalog?) { (report, nil) }

/// Results written by concurrent workers, one slot each.
package final class ResultSlots<Value>: @unchecked Sendable {
  private var slots: [Value?]
  private let lock = NSLock()

  package init(count: Int) { slots = Array(repeating: nil, count: count) }

  package subscript(index: Int) -> Value? {
    get { lock.withLock { slots[index] } }
    set { lock.withLock { slots[index] = newValue } }
  }

  package var values: [Value] { lock.withLock { slots.compactMap { $0 } } }
}
