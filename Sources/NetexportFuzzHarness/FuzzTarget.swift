/// The entry points of netexport that read untrusted bytes, each with the properties that
/// must hold for every input.
///
/// A target takes any bytes. It returns normally when netexport handled them (with or
/// without finding problems) and throws `InvariantViolation` when a promise broke. A crash
/// in the code under test is a crash here too: under libFuzzer that is what is looked for;
/// in the unit tests that replay `Tests/Fuzz/Regressions/` it fails the test run.
public enum FuzzTarget: String, CaseIterable, Sendable {
  /// Loading a catalog file: `Catalog.parse`, lenient and strict.
  case catalog
  /// Loading a content file: `Document.parse`, then resolving and exporting what loads.
  case content
  /// Validating one entry of a target catalog against the fixture's source catalog.
  case entry
  /// Rendering every export format from a catalog whose texts come from the input.
  case render
  /// `CatalogUpdater.update` on a target catalog against the fixture's source catalog.
  case update

  /// One line on what the target feeds and checks.
  public var summary: String {
    switch self {
    case .catalog:
      "a catalog file: lenient and strict loading agree, every location is inside the file"
    case .content:
      "a content file: loads or fails with file:line:column, loads back the same, resolves and exports"
    case .entry:
      "one entry's text in a catalog file: validation reports, and a catalog it passes exports"
    case .render:
      "catalog texts: every format renders with only its own markup, SSML parses, directions intact"
    case .update:
      "a target catalog updated: re-parses, keeps every translation, a second update changes nothing"
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
    }
  }
}

/// A promise netexport broke on a fuzz input.
public struct InvariantViolation: Error, CustomStringConvertible, Sendable {
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
}
