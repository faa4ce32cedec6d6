import Foundation
import NetexportModel

/// The entry points of netexport that read untrusted bytes, each with the properties that
/// must hold for every input.
///
/// A target takes any bytes. It returns normally when netexport handled them (with or
/// without finding problems) and throws `InvariantViolation` when a promise broke. A crash
/// in the code under test is a crash here too: under libFuzzer that is what is looked for;
/// in the unit tests that replay `Tests/Fuzz/Regressions/` it fails the test run.
public enum FuzzTarget: String, CaseIterable, Sendable {
  /// Loading a catalog file as each kind of file (a document's, the labels, the glossary,
  /// the old one per locale): `Catalog.parse(kind:)`, lenient and strict.
  case catalog
  /// Loading a document's content model: `Document.parse`, then resolving and exporting what
  /// loads.
  case content
  /// Validating one entry of a locale's document catalog or labels against the fixture's
  /// English ones.
  case entry
  /// Rendering every export format from catalogs whose texts come from the input.
  case render
  /// `CatalogUpdater.update(kind:)` on a document's catalog against the fixture's English one.
  case update
  /// Importing a Markdown handout: `MarkdownImporter.parse`, then what `import` writes.
  case markdown
  /// Reading a translator's PO or XLIFF file: `PO.parse` / `XLIFF.parse`, then writing it back.
  case interchange

  /// One line on what the target feeds and checks.
  public var summary: String {
    switch self {
    case .catalog:
      "a catalog file of each kind: lenient and strict loading agree, every location is inside the file"
    case .content:
      "a document's content model: loads or fails with file:line:column, resolves and exports"
    case .entry:
      "one entry's text in a locale's catalogs: validation reports, and catalogs it passes export"
    case .render:
      "catalog texts: every format renders with only its own markup, SSML parses, directions intact"
    case .update:
      "a document's catalog updated: re-parses, keeps every translation, a second update changes nothing"
    case .markdown:
      "a Markdown handout imported: fails at line:column, or reads back, validates and exports"
    case .interchange:
      "a PO or XLIFF file: fails at line:column, or writes back losslessly and the same twice"
    }
  }

  /// Runs the target on one input.
  ///
  /// - Throws: `InvariantViolation` when netexport broke one of its promises on the input.
  public func run(_ input: [UInt8]) throws(InvariantViolation) {
    switch self {
    case .catalog: try CatalogTarget.run(input)
    case .content: try ContentTarget.run(input)
    case .entry: try EntryTarget.run(input)
    case .render: try RenderTarget.run(input)
    case .update: try UpdateTarget.run(input)
    case .markdown: try MarkdownTarget.run(input)
    case .interchange: try InterchangeTarget.run(input)
    }
  }
}

/// A promise netexport broke on a fuzz input.
public struct InvariantViolation: Error, CustomStringConvertible, Sendable, Equatable {
  public var description: String

  public init(_ description: String) { self.description = description }
}

/// Throws `InvariantViolation(message())` unless `condition` holds.
func require(_ condition: Bool, _ message: @autoclosure () -> String) throws(InvariantViolation) {
  if !condition { throw InvariantViolation(message()) }
}

/// A cursor over a fuzz input: a few leading bytes choose options, the rest is text.
struct FuzzInput {
  private var bytes: ArraySlice<UInt8>

  init(_ bytes: [UInt8]) { self.bytes = bytes[...] }

  /// The next byte, or 0 when the input is used up (so that every input means something).
  mutating func byte() -> UInt8 { bytes.popFirst() ?? 0 }

  /// One of `choices`, picked by the next byte.
  mutating func pick<T>(_ choices: [T]) -> T { choices[Int(byte()) % choices.count] }

  /// The bytes left.
  var rest: [UInt8] { Array(bytes) }

  /// `input` read as the UTF-8 text of `file`, as netexport reads a file; nil when it is not
  /// UTF-8, which must be refused with `invalid-utf8` and nothing else.
  static func decodeUTF8(_ input: [UInt8], file: String) throws(InvariantViolation) -> String? {
    do {
      return try TextFile.decodeUTF8(Data(input), displayPath: file)
    } catch let error as DiagnosticError {
      try require(error.diagnostics.map(\.code) == ["invalid-utf8"], "undecodable bytes gave \(error)")
      return nil
    } catch {
      throw InvariantViolation("decoding threw \(type(of: error)): \(error)")
    }
  }
}
