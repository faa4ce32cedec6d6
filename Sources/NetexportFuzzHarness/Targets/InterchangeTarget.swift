import Foundation
import NetexportInterchange
import NetexportModel

/// `catalog import` reading a translator's file: a PO file, or an XLIFF 2.0 file when its
/// first character (after white space and a byte order mark) is `<`, as `catalog import`
/// tells them apart when the name does not.
///
/// - Bytes that are not UTF-8 are refused with `invalid-utf8`.
/// - A file that does not parse fails with diagnostics, each at a line and column inside the
///   file; warnings about what was read and not applied are placed the same way.
/// - What parses is what netexport writes back losslessly: each document written in the same
///   format (unless the writer refuses a text the format cannot hold, with
///   `interchange-unrepresentable`) parses back to the same units, scalar for scalar, and
///   writing that again gives the same bytes.
enum InterchangeTarget {
  static func run(_ input: [UInt8]) throws(InvariantViolation) {
    let sniffed = String(decoding: input.prefix(64), as: UTF8.self).unicodeScalars.first {
      !$0.properties.isWhitespace && $0 != "\u{FEFF}"
    }
    let xliff = sniffed == "<"
    let file = xliff ? "Interchange/fuzz.xlf" : "Interchange/fuzz.po"
    guard let text = try FuzzInput.decodeUTF8(input, file: file) else { return }
    let check = LocationCheck(text, file: file)
    func checkPlaced(_ location: SourceLocation?, _ what: String) throws(InvariantViolation) {
      try require(location?.line != nil && location?.column != nil, "\(what) has no line and column")
      try check.check(location, what)
    }
    func checkPlaced(_ diagnostic: Diagnostic) throws(InvariantViolation) {
      try checkPlaced(diagnostic.location, "\(diagnostic)")
    }
    func parse(_ text: String, file: String) throws -> InterchangeFile {
      xliff ? try XLIFF.parse(text, file: file) : try PO.parse(text, file: file)
    }

    let parsed: InterchangeFile
    do {
      parsed = try parse(text, file: file)
    } catch let error as DiagnosticError {
      try require(!error.diagnostics.isEmpty, "an empty DiagnosticError")
      for diagnostic in error.diagnostics { try checkPlaced(diagnostic) }
      return
    } catch {
      throw InvariantViolation("parsing threw \(type(of: error)), not a diagnostic: \(error)")
    }
    for warning in parsed.warnings { try checkPlaced(warning) }
    for located in parsed.documents {
      try require(
        located.unitLocations.count == located.document.units.count,
        "\(located.document.units.count) units but \(located.unitLocations.count) locations")
      try checkPlaced(located.location, "the document's location \(located.location)")
      for location in located.unitLocations { try checkPlaced(location, "a unit's location \(location)") }
    }

    let documents = parsed.documents.map(\.document)
    func write(_ documents: [InterchangeDocument]) throws -> String {
      xliff ? try XLIFF.write(documents) : try PO.write(documents[0])
    }
    // A PO file holds one document; an XLIFF file any number, written together.
    for group in xliff ? [documents] : documents.map({ [$0] }) where !group.isEmpty {
      let written: String
      do {
        written = try write(group)
      } catch let error as DiagnosticError {
        try require(
          error.diagnostics.allSatisfy { $0.code == "interchange-unrepresentable" },
          "writing what was read failed: \(error)")
        continue
      } catch {
        throw InvariantViolation("writing threw \(type(of: error)): \(error)")
      }
      let reread: [InterchangeDocument]
      do {
        reread = try parse(written, file: file).documents.map(\.document)
      } catch {
        throw InvariantViolation("what netexport wrote does not parse: \(error)\n\(written)")
      }
      try require(
        reread.map(\.exact) == group.map(\.exact),
        "written and read back, the file gives other units:\n\(written)")
      let again: String
      do {
        again = try write(reread)
      } catch {
        throw InvariantViolation("writing what netexport wrote failed: \(error)")
      }
      try require(again == written, "writing the same units twice gave other bytes")
    }
  }
}

extension InterchangeDocument {
  /// Every field as Unicode scalars: Swift's `==` on strings is canonical equivalence, and a
  /// lossless format must keep the very code points.
  fileprivate var exact: [[UInt32]] {
    func scalars(_ text: String?) -> [UInt32] { text.map { $0.unicodeScalars.map(\.value) } ?? [0x110000] }
    var fields = [scalars(sourceLocale), scalars(targetLocale), scalars(catalog)]
    for unit in units {
      fields += [
        scalars(unit.key), scalars(unit.source), scalars(unit.target), scalars(unit.note), scalars(unit.previousNote),
        scalars(unit.previousSource), scalars(unit.location), scalars(unit.comment), scalars(unit.state.rawValue),
      ]
    }
    return fields
  }
}
