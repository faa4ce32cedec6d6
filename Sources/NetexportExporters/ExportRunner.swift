import Foundation
public import NetexportICU
public import NetexportModel
import NetexportValidation

/// One export, rendered in memory and not yet written.
public struct RenderedExport: Sendable, Equatable {
  public var locale: LanguageTag
  public var format: ExportFormat
  /// Where it goes inside the project: `Exports/<locale>/<document id>.<extension>`.
  public var relativePath: String
  public var contents: String
}

/// What a render produced, and what the user should know about it.
public struct RenderResult: Sendable {
  public var exports: [RenderedExport]
  /// One line per locale that took messages from the source locale (`--allow-incomplete`).
  public var notes: [String]
}

/// Renders and writes exports: everything is rendered before anything is written, so a
/// problem in one locale never leaves a half-updated `Exports/` folder.
public enum ExportRunner {
  /// Validates, resolves and renders the document for every pair of locale and format.
  ///
  /// A locale whose catalog has validation errors is refused, naming them: a handout must
  /// never mix languages or drop a sentence. With `allowIncomplete`, the messages with
  /// errors are taken from the source locale instead (and marked as such), and a note
  /// says how many; problems that are not about one message still refuse the locale.
  ///
  /// - Throws: `DiagnosticError` with the problems of every locale that fails.
  public static func render(
    _ document: Document, project: Project, locales: [LanguageTag], formats: [ExportFormat], options: ExportOptions,
    allowIncomplete: Bool = false
  ) throws -> RenderResult {
    let validator = try Validator.forProject(project, document: document)
    var exports: [RenderedExport] = []
    var notes: [String] = []
    var problems: [Diagnostic] = []
    for locale in locales {
      do {
        let (report, checked) = validator.checkFile(project: project, name: locale.canonical)
        let errors = report.findings.filter { $0.severity == .error }
        var fallback: Resolver.Fallback?
        if !errors.isEmpty {
          let perMessage = errors.filter { $0.key != nil }
          let canFill = allowIncomplete && !report.isSource && perMessage.count == errors.count
          guard canFill else {
            let hint =
              report.isSource
              ? "fix them first"
              : allowIncomplete
                ? "these are not about single messages, so --allow-incomplete cannot fill them; fix them first"
                : "fix them, or pass --allow-incomplete to fill the gaps from \(validator.sourceLocale)"
            throw DiagnosticError(
              errors
                + [
                  Diagnostic(
                    code: "export-refused", at: SourceLocation(file: report.file),
                    "not exporting \(locale): its catalog has \(errors.count) error\(errors.count == 1 ? "" : "s") (above); \(hint)",
                    locale: locale.canonical)
                ])
          }
          let keys = Set(perMessage.compactMap(\.key))
          fallback = Resolver.Fallback(catalog: validator.source, locale: validator.sourceLocale, keys: keys)
          let used = Set(document.textRefs.map(\.key))
          let filled = keys.intersection(used).count
          var byCode: [String: Int] = [:]
          for error in perMessage where used.contains(error.key ?? "") { byCode[error.code, default: 0] += 1 }
          let reasons = byCode.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
          notes.append(
            "note: \(locale): \(filled) of \(used.count) messages are in \(validator.sourceLocale.displayName(in: validator.sourceLocale)) (\(validator.sourceLocale)), taken from the source because their translation is not ready (\(reasons))"
          )
        }
        // Without errors the catalog validation read is complete; with them, only the messages
        // the fallback replaces are missing.
        guard let catalog = checked else { throw DiagnosticError(errors) }
        let resolved = try Resolver.resolve(document, catalog: catalog, locale: locale, fallback: fallback)
        for format in formats {
          guard let exporter = format.exporter(options: options) else {
            throw DiagnosticError(
              Diagnostic(code: "format-unavailable", at: nil, "the '\(format.rawValue)' format is not built yet"))
          }
          exports.append(
            RenderedExport(
              locale: locale, format: format,
              relativePath: "Exports/\(locale.canonical)/\(document.id).\(format.fileExtension)",
              contents: try exporter.export(resolved)))
        }
      } catch let error as DiagnosticError {
        problems += error.diagnostics
      } catch let error as ICUError {
        problems.append(Diagnostic(code: "icu-failure", at: nil, "\(locale): \(error)"))
      }
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }
    return RenderResult(exports: exports, notes: notes)
  }

  /// Writes rendered exports to their places in the project, each atomically.
  ///
  /// - Returns: The paths written, as shown to the user.
  public static func write(_ exports: [RenderedExport], project: Project) throws -> [String] {
    try exports.map { export in
      let display = project.displayPath(export.relativePath)
      try TextFile.writeAtomically(
        export.contents, to: project.root.appendingPathComponent(export.relativePath), displayPath: display,
        createFolders: true)
      return display
    }
  }
}
