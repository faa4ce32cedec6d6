import Foundation
public import NetexportICU
public import NetexportModel
import NetexportResolution

/// One export, rendered in memory and not yet written.
public struct RenderedExport: Sendable, Equatable {
  public var locale: LanguageTag
  public var format: ExportFormat
  /// Where it goes inside the project: `Exports/<locale>/<document id>.<extension>`.
  public var relativePath: String
  public var contents: ExportContents

  public init(locale: LanguageTag, format: ExportFormat, relativePath: String, contents: ExportContents) {
    self.locale = locale
    self.format = format
    self.relativePath = relativePath
    self.contents = contents
  }
}

/// Writes exports, and compares them with the committed files: everything is rendered before
/// anything is written (by the workspace), so a problem in one locale never leaves a
/// half-updated `Exports/` folder.
public enum ExportRunner {
  /// Compares rendered exports with the files in the project, without writing anything.
  ///
  /// - Parameters:
  ///   - kept: Exports not written now whose earlier copy may stay: a document whose
  ///     translation is pending in a locale keeps the export it had (reported, not failed).
  /// - Returns: The problems: one per export that is missing or differs (naming the first
  ///   line that differs), per file in an export folder that netexport would not write (an
  ///   export of a document, locale or committed format that no longer exists), and per
  ///   temporary file an interrupted run left there; and the notes, one per kept export.
  ///   PDFs and audio files beside the exports are build products, not compared.
  public static func check(_ exports: [RenderedExport], project: Project, kept: Set<String> = []) throws -> (
    problems: [Diagnostic], notes: [String]
  ) {
    var problems: [Diagnostic] = []
    var notes: [String] = []
    let expected = Set(exports.map(\.relativePath))
    for export in exports {
      let url = project.root.appendingPathComponent(export.relativePath)
      let display = project.displayPath(export.relativePath)
      guard FileManager.default.fileExists(atPath: url.path) else {
        problems.append(
          Diagnostic(code: .exportMissing, at: SourceLocation(file: display), "missing; netexport --all writes it"))
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
          code: .exportOutOfDate, at: SourceLocation(file: display, line: line),
          "out of date: from this line on it differs from what netexport writes now"))
    }
    let exportsFolder = project.root.appendingPathComponent("Exports")
    let folders = (try? FileManager.default.contentsOfDirectory(atPath: exportsFolder.path)) ?? []
    // Exports of pseudo-locales are local test output, not committed.
    for folder in folders.sorted() where !PseudoLocalizer.locales.contains(folder) {
      let files =
        (try? FileManager.default.contentsOfDirectory(atPath: exportsFolder.appendingPathComponent(folder).path)) ?? []
      for file in files.sorted() {
        let relative = "Exports/\(folder)/\(file)"
        if TextFile.temporaryFileOwner(file) != nil {
          problems.append(
            Diagnostic(
              code: .exportUnexpected, at: SourceLocation(file: project.displayPath(relative)),
              "a temporary file left by an interrupted netexport run; delete it ('netexport --all' removes it)"))
        } else if expected.contains(relative) || !ExportFormat.isCommittedExport(file) {
          continue
        } else if kept.contains(relative) {
          notes.append(
            "note: \(project.displayPath(relative)) is kept from an earlier export: the document's translation is pending in \(folder), so it is not exported now"
          )
        } else {
          problems.append(
            Diagnostic(
              code: .exportUnexpected, at: SourceLocation(file: project.displayPath(relative)),
              "netexport no longer writes this file (no such document, locale or format); delete it"))
        }
      }
    }
    return (problems, notes)
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
