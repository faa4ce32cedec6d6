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

/// Renders and writes exports: everything is rendered before anything is written, so a
/// problem in one locale never leaves a half-updated `Exports/` folder.
public enum ExportRunner {
  /// Resolves and renders the document for every pair of locale and format.
  ///
  /// - Throws: `DiagnosticError` with the problems of every locale that fails.
  public static func render(
    _ document: Document, project: Project, locales: [LanguageTag], formats: [ExportFormat], options: ExportOptions
  ) throws -> [RenderedExport] {
    var exports: [RenderedExport] = []
    var problems: [Diagnostic] = []
    for locale in locales {
      do {
        let catalog = try project.catalog(for: locale)
        let resolved = try Resolver.resolve(document, catalog: catalog, locale: locale)
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
    return exports
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
