import Foundation
import NetexportModel
import NetexportTestSupport
import Testing

@testable import NetexportFuzzHarness

let packageRoot = Repository.root

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

  /// Each input runs in its own `netexport-fuzz` process with a time limit, as libFuzzer
  /// runs it: a regression that crashes or hangs again fails this test, not the test run.
  @Test(arguments: active)
  func replaysTheInputThroughItsTarget(regression: Regression) throws {
    let process = Process()
    process.executableURL = Self.replayer
    process.arguments = [regression.target.rawValue, regression.url.path]
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("netexport-fuzz-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: output) }
    let handle = try FileHandle(forWritingTo: output)
    defer { try? handle.close() }
    process.standardOutput = handle
    process.standardError = handle
    let done = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in done.signal() }
    try process.run()
    if done.wait(timeout: .now() + Self.timeLimit) == .timedOut {
      process.terminate()
      process.waitUntilExit()
      Issue.record("\(regression): still running after \(Int(Self.timeLimit)) s")
      return
    }
    let printed = String(decoding: (try? Data(contentsOf: output)) ?? Data(), as: UTF8.self)
    #expect(
      process.terminationReason == .exit && process.terminationStatus == 0,
      "\(regression): \(process.terminationReason == .exit ? "exit status" : "signal") \(process.terminationStatus): \(printed.prefix(3000))"
    )
  }

  /// The 10 s libFuzzer allows an input, with room for a debug build on a busy machine.
  static let timeLimit: TimeInterval = 60

  /// The `netexport-fuzz` SwiftPM built next to this test bundle (a normal build: it replays
  /// the files it is given).
  static let replayer: URL = {
    var folder = Bundle.main.bundleURL
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("netexport-fuzz")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      folder.deleteLastPathComponent()
    }
    return packageRoot.appendingPathComponent(".build/debug/netexport-fuzz")
  }()

  /// Inputs whose fix is on a branch not merged yet are not run; this test says which, and
  /// why.
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
    // The interchange target has each string in a PO file and in an XLIFF file.
    let expected =
      switch target {
      case .content, .update: 0
      case .interchange: 2 * HostileStrings.all.count
      default: HostileStrings.all.count
      }
    #expect(hostile.count == expected)
    for seed in hostile {
      do {
        try target.run(seed.bytes)
      } catch {
        Issue.record("\(target.rawValue) \(seed.name): \(error)")
      }
    }
  }
}
