import Foundation
import NetexportModel
import Testing

@testable import NetexportFuzzHarness

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// Every input a fuzz target once failed on (`Tests/Fuzz/Regressions/`), replayed through the
/// same target `scripts/fuzz` runs, without sanitizers.
@Suite struct FuzzRegressionTests {
  static let all: [Regression] = (try? Regression.all(root: packageRoot)) ?? []
  /// With NETEXPORT_RUN_PENDING set, the pending inputs run too: to check, after merging a
  /// fix, which lines of `pending.txt` can go.
  static let runPending = ProcessInfo.processInfo.environment["NETEXPORT_RUN_PENDING"] != nil
  static let active = all.filter { $0.pending == nil || runPending }
  static let pending = all.filter { $0.pending != nil && !runPending }

  @Test func thereAreRegressionInputs() throws {
    #expect(try !Regression.all(root: packageRoot).isEmpty)
  }

  @Test(arguments: active)
  func replaysTheInputThroughItsTarget(regression: Regression) throws {
    do {
      try regression.target.run(regression.bytes)
    } catch {
      Issue.record("\(regression): \(error)")
    }
  }

  /// Inputs whose fix is on a branch not merged yet are not run (one may crash the test
  /// process); this test says which, and why.
  @Test func pendingInputsAreSkipped() throws {
    guard !Self.pending.isEmpty else { return }
    try Test.cancel(
      Comment(
        rawValue: "pending, not run: "
          + Self.pending.map { "\($0) (\($0.pending ?? ""))" }.joined(separator: "; ")))
  }

  /// The hostile strings the seeds start from, through every target that takes text.
  @Test(arguments: FuzzTarget.allCases)
  func hostileStringSeedsPass(target: FuzzTarget) throws {
    let seeds = try #require(try Seeds.make(root: packageRoot)[target])
    let hostile = seeds.filter { $0.name.hasPrefix("hostile-") }
    #expect(
      hostile.count == (target == .catalog || target == .entry || target == .render ? HostileStrings.all.count : 0))
    for seed in hostile {
      do {
        try target.run(seed.bytes)
      } catch {
        Issue.record("\(target.rawValue) \(seed.name): \(error)")
      }
    }
  }
}
