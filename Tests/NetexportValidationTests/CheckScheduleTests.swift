import Foundation
import Testing

@testable import NetexportValidation

/// The validator runs every check of `Checks/`, each once, in a fixed order.
@Suite struct CheckScheduleTests {
  static func scheduled(_ checks: [Validator.ScheduledCheck]) -> [String] {
    checks.map { String(describing: type(of: $0.check)) }
  }

  /// The `struct Name: EntryCheck` declarations in `Sources/NetexportValidation/Checks/`.
  static func declaredChecks() throws -> [String] {
    let folder = Fixtures.packageRoot.appendingPathComponent("Sources/NetexportValidation/Checks")
    var names: [String] = []
    for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      names += text.matches(of: /struct (\w+): EntryCheck/).map { String($0.output.1) }
    }
    return names.sorted()
  }

  @Test func everyCheckRuns() throws {
    let declared = try Self.declaredChecks()
    let scheduled = Set(Self.scheduled(Validator.targetChecks) + Self.scheduled(Validator.sourceChecks))
    #expect(declared.count >= 15)
    #expect(declared.filter { !scheduled.contains($0) } == [], "checks the validator never runs")
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
