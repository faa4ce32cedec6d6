import Foundation
public import NetexportICU
public import NetexportModel
import NetexportResolution
import NetexportValidation

/// One export, rendered in memory and not yet written.
public struct RenderedExport: Sendable, Equatable {
  public var locale: LanguageTag
  public var format: ExportFormat
  /// Where it goes inside the project: `Exports/<locale>/<document id>.<extension>`.
  public var relativePath: String
  public var contents: ExportContents
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
          let used = Set(document.textRefs.map(\.key) + formats.flatMap(\.labelKeys))
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
        var resolved: [Bool: ResolvedDocument] = [:]
        for format in formats {
          let exporter = format.exporter(options: options)
          if resolved[exporter.spoken] == nil {
            resolved[exporter.spoken] = try Resolver.resolve(
              document, catalog: catalog, locale: locale, fallback: fallback, spoken: exporter.spoken)
          }
          exports.append(
            RenderedExport(
              locale: locale, format: format,
              relativePath: "Exports/\(locale.canonical)/\(document.id).\(format.fileExtension)",
              contents: try exporter.render(resolved[exporter.spoken]!)))
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

  /// Compares rendered exports with the files in the project, without writing anything.
  ///
  /// - Returns: One problem per export that is missing or differs (naming the first line
  ///   that differs), per file in an export folder that netexport would not write for
  ///   this document (an export of a locale or format that no longer exists), and per
  ///   temporary file an interrupted run left there.
  public static func check(_ exports: [RenderedExport], project: Project, documentID: String) throws -> [Diagnostic] {
    var problems: [Diagnostic] = []
    let expected = Set(exports.map(\.relativePath))
    for export in exports {
      let url = project.root.appendingPathComponent(export.relativePath)
      let display = project.displayPath(export.relativePath)
      guard FileManager.default.fileExists(atPath: url.path) else {
        problems.append(
          Diagnostic(code: "export-missing", at: SourceLocation(file: display), "missing; netexport --all writes it"))
        continue
      }
      let data: Data
      do {
        try project.requireInside(url, displayPath: display)
        data = try TextFile.readData(url, displayPath: display)
      } catch let error as DiagnosticError {
        problems += error.diagnostics
        continue
      }
      guard data != export.contents.data else { continue }
      let committed = String(decoding: data, as: UTF8.self)
      let old = committed.split(separator: "\n", omittingEmptySubsequences: false)
      let new = (export.contents.text ?? "").split(separator: "\n", omittingEmptySubsequences: false)
      let line =
        (zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)) + 1
      problems.append(
        Diagnostic(
          code: "export-out-of-date", at: SourceLocation(file: display, line: line),
          "out of date: from this line on it differs from what netexport writes now"))
    }
    let exportsFolder = project.root.appendingPathComponent("Exports")
    let folders = (try? FileManager.default.contentsOfDirectory(atPath: exportsFolder.path)) ?? []
    // Exports of pseudo-locales are local test output, not committed.
    for folder in folders.sorted() where !PseudoLocalizer.locales.contains(folder) {
      let files =
        (try? FileManager.default.contentsOfDirectory(atPath: exportsFolder.appendingPathComponent(folder).path)) ?? []
      // PDFs are build products that --all --format pdf writes beside the committed exports.
      let uncommitted = Set(
        ExportFormat.allCases.filter { !$0.isCommitted }.map { "\(documentID).\($0.fileExtension)" })
      for file in files.sorted() {
        let relative = "Exports/\(folder)/\(file)"
        if TextFile.temporaryFileOwner(file) != nil {
          problems.append(
            Diagnostic(
              code: "export-unexpected", at: SourceLocation(file: project.displayPath(relative)),
              "a temporary file left by an interrupted netexport run; delete it ('netexport --all' removes it)"))
        } else if file.hasPrefix(documentID + "."), !uncommitted.contains(file), !expected.contains(relative) {
          problems.append(
            Diagnostic(
              code: "export-unexpected", at: SourceLocation(file: project.displayPath(relative)),
              "netexport no longer writes this file (no such locale or format); delete it"))
        }
      }
    }
    return problems
  }

  /// Writes rendered exports to their places in the project, all or none of them.
  ///
  /// Every export is first written to a temporary file beside its place; only when all of
  /// them are written are they renamed into place. When one cannot be written (a full
  /// disk, a folder in the way), the temporary files are removed and every export that was
  /// there stays as it was. (A rename failing once the others succeeded is left: renames
  /// within a folder fail only when the file system itself does.)
  ///
  /// - Returns: The paths written, as shown to the user.
  /// - Throws: `DiagnosticError` naming the export that could not be written.
  public static func write(_ exports: [RenderedExport], project: Project) throws -> [String] {
    var pending: [PendingWrite] = []
    do {
      for export in exports {
        let display = project.displayPath(export.relativePath)
        let url = project.root.appendingPathComponent(export.relativePath)
        try project.requireInside(url, displayPath: display)
        pending.append(try TextFile.prepare(export.contents.data, to: url, displayPath: display, createFolders: true))
      }
    } catch {
      pending.forEach(TextFile.discard)
      throw error
    }
    for (index, write) in pending.enumerated() {
      do {
        try TextFile.commit(write)
      } catch {
        pending[(index + 1)...].forEach(TextFile.discard)
        throw error
      }
    }
    return pending.map(\.displayPath)
  }

  /// Removes the temporary files an interrupted run left in the folders these exports go
  /// to (see `TextFile.removeLeftovers`).
  ///
  /// - Returns: The paths removed, as shown to the user.
  public static func removeLeftovers(for exports: [RenderedExport], project: Project, olderThan date: Date) -> [String]
  {
    let folders = Set(exports.map { ($0.relativePath as NSString).deletingLastPathComponent })
    return folders.sorted().flatMap { folder in
      TextFile.removeLeftovers(in: project.root.appendingPathComponent(folder), olderThan: date).map {
        project.displayPath(folder + "/" + $0)
      }
    }
  }
}
