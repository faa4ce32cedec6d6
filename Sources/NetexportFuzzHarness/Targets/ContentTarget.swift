import Foundation
import NetexportModel
import NetexportResolution
import NetexportValidation

/// Loading a document's content model (`Documents/<id>.yaml`), then resolving it against the
/// fixture's English catalogs (the document's, the labels and the glossary) and exporting it
/// in every format when it resolves.
///
/// - Bytes that are not UTF-8, malformed YAML and fields of the wrong shape are refused with
///   diagnostics that name the content file, at a place inside it; the content reader's
///   problems (`invalid-content`, all of them at once) each at a line and column, in file
///   order.
/// - A number that is not finite (`1e400`, `.inf`, `.nan`) never reaches a handout: the
///   document is refused when it is loaded or resolved.
/// - What resolves exports in every format with only each format's own markup.
enum ContentTarget {
  static let file = "Documents/fuzz-fixture.yaml"

  static func run(_ input: [UInt8]) throws(InvariantViolation) {
    guard let text = try FuzzInput.decodeUTF8(input, file: file) else { return }
    let check = LocationCheck(text, file: file)
    let document: Document
    do {
      document = try Document.parse(text, file: file)
    } catch let error as DiagnosticError {
      try require(!error.diagnostics.isEmpty, "an empty DiagnosticError")
      for diagnostic in error.diagnostics {
        try require(diagnostic.location != nil, "\(diagnostic) does not name the content file")
        try check.check(diagnostic.location, "\(diagnostic)")
      }
      // The content reader's problems: each at the node it is about, all in file order.
      let content = error.diagnostics.filter { $0.has(.invalidContent) && $0.message != "the file is empty" }
      for diagnostic in content {
        try require(
          diagnostic.location?.line != nil && diagnostic.location?.column != nil, "\(diagnostic) has no line and column"
        )
      }
      let positions = content.map { ($0.location?.line ?? 0, $0.location?.column ?? 0) }
      try require(
        zip(positions, positions.dropFirst()).allSatisfy { $0 <= $1 },
        "the content file's problems are not in file order: \(content)")
      return
    } catch {
      throw InvariantViolation("loading threw \(type(of: error)), not a diagnostic: \(error)")
    }

    let printed: ResolvedDocument
    let spoken: ResolvedDocument
    do {
      printed = try Resolver.resolve(
        document, messages: Fixture.sourceTable, locale: Fixture.sourceLocale, source: nil)
      spoken = try Resolver.resolve(
        document, messages: Fixture.sourceTable, locale: Fixture.sourceLocale, source: nil, spoken: true)
    } catch is DiagnosticError {
      return
    } catch {
      throw InvariantViolation("resolving threw \(type(of: error)), not a diagnostic: \(error)")
    }
    let numbers = document.textRefs.flatMap(\.arguments.values).compactMap { argument -> Double? in
      if case .number(let number) = argument { number } else { nil }
    }
    if let number = numbers.first(where: { !$0.isFinite }) {
      throw InvariantViolation("a document with the number \(number) resolved; it would print as text")
    }
    try ExportChecks.check(
      printed: printed, spoken: spoken, width: 72, mustRender: false, links: document.linkAddresses)
  }
}
