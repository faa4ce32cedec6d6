import NetexportModel
public import NetexportValidation

extension Workspace {
  /// The HTML page of a validation run (`validate --report html`): the report's findings, with
  /// how far each catalog has come and the English and translation of each message a finding
  /// is about, from the catalogs the checks read.
  ///
  /// - Parameters:
  ///   - checks: The checked locales, whose catalogs the report was made from.
  ///   - report: `validationReport(checks, named:)`.
  public func validationHTMLReport(
    _ checks: [LocaleCheck], report: ValidationReport, toolVersion: String, strict: Bool
  ) -> ValidationHTMLReport {
    var progress: [String: CatalogStatus] = [:]
    var catalogs: [String: Catalog] = [:]
    var sourceCatalogs: [String: Catalog] = [:]
    for check in checks {
      for file in check.files {
        if let status = file.status { progress[file.path] = status }
        guard let catalog = file.catalog else { continue }
        catalogs[file.path] = catalog
        if check.locale.status == .source { sourceCatalogs[file.file.name] = catalog }
      }
    }
    // The English of a finding comes from the source catalogs even when the source locale
    // was not among those checked (`validate --locale es`).
    let names = Set(report.locales.compactMap(\.catalog)).subtracting(["glossary"])
    for name in names.sorted() where sourceCatalogs[name] == nil {
      if let catalog = load(CatalogFile(name: name), locale: sourceLocale.canonical).catalog {
        sourceCatalogs[name] = catalog
      }
    }
    return ValidationHTMLReport(
      report: report, toolVersion: toolVersion, strict: strict, progress: progress, catalogs: catalogs,
      sourceCatalogs: sourceCatalogs, sourceLocale: sourceLocale.canonical)
  }
}
