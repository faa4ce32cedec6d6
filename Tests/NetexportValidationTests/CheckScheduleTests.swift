import Foundation
import Testing

@testable import NetexportValidation

/// The validator runs every check of `Checks/`, each once, in a fixed order.
@Suite struct CheckScheduleTests {
  static func scheduled(_ checks: [Validator.ScheduledCheck]) -> [String] {
    checks.map { String(describing: type(of: $0.check)) }
  }

  /// The Swift files under `Sources/NetexportValidation/Checks/` (a folder per family), with
  /// their paths there and their text.
  static func checkFiles() throws -> [(path: String, text: String)] {
    let folder = Fixtures.packageRoot.appendingPathComponent("Sources/NetexportValidation/Checks")
    let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
    return try enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted().map {
      ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))
    }
  }

  /// The `struct Name: EntryCheck` declarations in `Sources/NetexportValidation/Checks/`.
  static func declaredChecks() throws -> [String] {
    try checkFiles().flatMap { $0.text.matches(of: /struct (\w+): EntryCheck/).map { String($0.output.1) } }.sorted()
  }

  /// One check per file, named after it: a check of an entry (`struct Name: EntryCheck`) or
  /// of a whole catalog (`enum NameCheck`), with the codes it reports beside it.
  @Test func eachCheckHasAFileOfItsOwn() throws {
    var files = 0
    for file in try Self.checkFiles() {
      let checks =
        file.text.matches(of: /(?m)^struct (\w+): EntryCheck/).map { String($0.output.1) }
        + file.text.matches(of: #/(?m)^(?:public )?enum (\w+Check) /#).map { String($0.output.1) }
      guard !checks.isEmpty else { continue }
      files += 1
      let name = String(file.path.split(separator: "/").last!.dropLast(".swift".count))
      #expect(checks == [name], "Checks/\(file.path) holds \(checks)")
    }
    #expect(files >= 20)
  }

  @Test func everyCheckRuns() throws {
    let declared = try Self.declaredChecks()
    let scheduled = Set(Self.scheduled(Validator.targetChecks) + Self.scheduled(Validator.sourceChecks))
    #expect(declared.count >= 15)
    #expect(declared.filter { !scheduled.contains($0) } == [], "checks the validator never runs")
  }

  /// The schedule names each check (`Validator.CheckID`): each name stands for the check of
  /// that name, and every check declared has one.
  @Test func eachCheckHasItsName() throws {
    let named = Validator.CheckID.allCases.map { id in
      let type = String(describing: type(of: id.check))
      #expect(type.lowercased() == "\(id)check".lowercased(), "\(id) runs \(type)")
      return type
    }
    #expect(named.sorted() == (try Self.declaredChecks()))
  }

  @Test func eachCheckRunsOncePerEntry() {
    for checks in [Validator.targetChecks, Validator.sourceChecks] {
      let names = Self.scheduled(checks)
      #expect(names.count == Set(names).count, "\(names)")
    }
  }

  /// An entry with no text gets no check of its text, and a text ICU cannot read no check of
  /// its message, so the syntax check runs before every check that reads the message.
  @Test func theSyntaxCheckComesBeforeTheMessageChecks() {
    for checks in [Validator.targetChecks, Validator.sourceChecks] {
      let syntax = checks.firstIndex { $0.check is SyntaxCheck }
      let firstMessageCheck = checks.firstIndex { $0.requirement == .message }
      #expect(syntax != nil && firstMessageCheck != nil && syntax! < firstMessageCheck!)
    }
  }
}
