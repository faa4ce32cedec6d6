/// Exports: a document that is not exported, and committed exports that are not what
/// netexport writes now (`--check`).
public enum ExportFindings: FindingRegistry {
  public static let family = FindingFamily("export", title: "Exports")
  public static let codes: [FindingCode] = [
    .exportRefused, .exportPending, .exportFailed, .icuFailure, .oneDocument, .exportMissing, .exportOutOfDate,
    .exportUnexpected, .exportsOutOfDate, .pdfEngineMissing, .pdfRenderFailed,
  ]
}

extension FindingCode {
  public static let exportRefused = FindingCode(
    "export-refused", .error, "A document is not exported in a locale: its catalogs have errors.",
    family: ExportFindings.family)
  public static let exportPending = FindingCode(
    "export-pending", .error, "A document is not exported in a locale: its translation is not complete.",
    family: ExportFindings.family)
  public static let exportFailed = FindingCode(
    "export-failed", .error, "An export could not be made.", family: ExportFindings.family)
  public static let icuFailure = FindingCode(
    "icu-failure", .error, "ICU failed while formatting a message for an export.", family: ExportFindings.family)
  public static let oneDocument = FindingCode(
    "one-document", .error, "--output writes one export, and more than one document was chosen.",
    family: ExportFindings.family)
  public static let exportMissing = FindingCode(
    "export-missing", .error, "A committed export is missing (--check).", family: ExportFindings.family)
  public static let exportOutOfDate = FindingCode(
    "export-out-of-date", .error, "A committed export differs from what netexport writes now (--check).",
    family: ExportFindings.family)
  public static let exportUnexpected = FindingCode(
    "export-unexpected", .error, "Exports/ holds a file netexport does not write (--check).",
    family: ExportFindings.family)
  public static let exportsOutOfDate = FindingCode(
    "exports-out-of-date", .error, "The summary of --check: how many committed exports are out of date.",
    family: ExportFindings.family)
  public static let pdfEngineMissing = FindingCode(
    "pdf-engine-missing", .error, "The PDF engine (Python 3 with WeasyPrint 70 or later) cannot be run.",
    family: ExportFindings.family)
  public static let pdfRenderFailed = FindingCode(
    "pdf-render-failed", .error, "The PDF engine could not make a handout's PDF.", family: ExportFindings.family)
}
