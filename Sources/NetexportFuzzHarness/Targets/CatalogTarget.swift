import Foundation
import NetexportModel

/// Loading a catalog file, as `validate` (lenient) and export and `update` (strict) do, as
/// each kind of file a locale has: a document's catalog, the labels, the glossary, and the
/// one catalog per locale of the old layout (which `migrate` reads).
///
/// - Bytes that are not UTF-8 are refused with `invalid-utf8` at a place in the file.
/// - Lenient and strict loading agree: strict loading succeeds, with the same catalog (and the
///   same warnings), exactly when lenient loading finds no error, and otherwise throws every
///   problem lenient loading found.
/// - Every problem, entry and character of a message is placed inside the file (see
///   `LocationCheck`); only diagnostics are thrown.
/// - A glossary file holds no messages, and the others no glossary, whatever the input says.
/// - When `YAMLFastPath` reads the text (libyaml not asked), its events are libyaml's, at the
///   same places, with the same texts and styles.
enum CatalogTarget {
  /// Each kind of catalog file, with its path in a locale `xx`.
  static let kinds: [(kind: CatalogFile?, file: String)] =
    [Fixture.documentFile, .labels, .glossary].map { ($0, Fixture.catalogPath("xx", $0)) } + [(nil, "Locales/xx.yaml")]

  static func run(_ input: [UInt8]) throws(InvariantViolation) {
    let file = kinds[0].file
    let text: String
    do {
      text = try TextFile.decodeUTF8(Data(input), displayPath: file)
    } catch let error as DiagnosticError {
      try require(error.diagnostics.map(\.code) == ["invalid-utf8"], "undecodable bytes gave \(error)")
      let check = LocationCheck(String(decoding: input, as: UTF8.self), file: file)
      try check.check(error.diagnostics[0].location, "the invalid-utf8 error")
      return
    } catch {
      throw InvariantViolation("decoding threw \(type(of: error)): \(error)")
    }
    if let disagreement = YAMLFastPath.disagreement(on: text) {
      throw InvariantViolation("the YAML fast path and libyaml disagree: \(disagreement)")
    }
    for (kind, file) in kinds { try run(text, kind: kind, file: file) }
  }

  static func run(_ text: String, kind: CatalogFile?, file: String) throws(InvariantViolation) {
    let check = LocationCheck(text, file: file)

    let lenient: Catalog
    do {
      lenient = try Catalog.parse(text, file: file, kind: kind, lenient: true)
    } catch let error as DiagnosticError {
      // Nothing in the file can be trusted: the strict reading must fail the same way.
      try require(!error.diagnostics.isEmpty, "an empty DiagnosticError")
      for diagnostic in error.diagnostics { try check.check(diagnostic.location, "\(diagnostic)") }
      do {
        _ = try Catalog.parse(text, file: file, kind: kind)
        throw InvariantViolation("strict loading accepted a file lenient loading refused: \(error)")
      } catch let strict as DiagnosticError {
        try require(strict.diagnostics == error.diagnostics, "strict and lenient loading refuse differently")
      } catch let violation as InvariantViolation {
        throw violation
      } catch {
        throw InvariantViolation("strict loading threw \(type(of: error)): \(error)")
      }
      return
    } catch {
      throw InvariantViolation("lenient loading threw \(type(of: error)): \(error)")
    }

    try require(lenient.text == text, "the catalog does not keep the file's text")
    for problem in lenient.problems { try check.check(problem.location, "\(problem)") }
    try check.check(lenient.entriesLocation, "the location of 'entries'")
    for entry in lenient.entries + lenient.obsolete {
      try check.check(entry.location, "the location of '\(entry.key)'")
      try check.check(entry.textLocation, "the location of the text of '\(entry.key)'")
      try check.checkCharacters(of: entry, in: lenient)
    }
    for entry in lenient.glossary { try check.check(entry.location, "the location of glossary '\(entry.key)'") }
    if kind == .glossary {
      try require(lenient.entries.isEmpty && lenient.obsolete.isEmpty, "a glossary file gave messages")
    } else if kind != nil {
      try require(lenient.glossary.isEmpty, "a file of messages (\(file)) gave a glossary")
    }

    do {
      let strict = try Catalog.parse(text, file: file, kind: kind)
      try require(
        !lenient.problems.contains { $0.severity == .error },
        "strict loading accepted a file with errors: \(lenient.problems)")
      try require(strict == lenient, "strict and lenient loading read the file differently")
    } catch let error as DiagnosticError {
      try require(
        Set(error.diagnostics) == Set(lenient.problems),
        "strict loading refused with \(error.diagnostics), lenient loading found \(lenient.problems)")
    } catch let violation as InvariantViolation {
      throw violation
    } catch {
      throw InvariantViolation("strict loading threw \(type(of: error)): \(error)")
    }
  }
}
