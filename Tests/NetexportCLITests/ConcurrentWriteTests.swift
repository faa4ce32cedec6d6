import Foundation
import NetexportTestSupport
import Testing

/// Whether the tool said it waits, decided once (when it says so, or when it ends).
final class WaitSignal: @unchecked Sendable {
  private let lock = NSLock()
  private var decided = false
  private(set) var waited = false
  let semaphore = DispatchSemaphore(value: 0)

  func observe(_ text: String, ended: Bool, needle: String) {
    lock.withLock {
      guard !decided, text.contains(needle) || ended else { return }
      decided = true
      waited = text.contains(needle)
      semaphore.signal()
    }
  }
}

@Suite struct ConcurrentWriteTests {
  /// Another writer holds the catalog's lock (as a second `netexport update` would) and
  /// saves a translation: update waits for it, then works on the saved file, so both the
  /// translation and the update are kept. Without the lock, update read and replaced the
  /// file regardless (10 of 10 saves lost in the reliability probe).
  @Test func updateWaitsForAnotherWriterAndKeepsItsSave() throws {
    let cli = try Leaflet.project()
    try cli.write(
      Leaflet.english.replacingOccurrences(of: "\"Overview\"", with: "\"Summary\""), to: "Locales/en/leaflet.yaml")
    let catalog = cli.folder.appendingPathComponent("Locales/es/leaflet.yaml")
    let holder = open(catalog.path, O_RDONLY)
    #expect(holder >= 0)
    #expect(flock(holder, LOCK_EX) == 0)
    let signal = WaitSignal()
    let running = try cli.start(arguments: ["update"]) { text, ended in
      signal.observe(
        text, ended: ended, needle: "note: waiting for another netexport to finish writing Locales/es/leaflet.yaml\n")
    }
    signal.semaphore.wait()
    // The other writer saves its change as editors and netexport do: a new file renamed
    // over the old one, whose lock it then releases.
    try Data(Leaflet.spanish(replacing: "\"Tumores\"", with: "\"Tumores malignos\"").utf8).write(
      to: catalog, options: .atomic)
    close(holder)
    let result = running.finish()
    #expect(signal.waited, "update did not wait for the lock: \(result.stderr)")
    #expect(result.status == 0, "\(result.stderr)")
    let text = try cli.read("Locales/es/leaflet.yaml")
    #expect(text.contains("text: \"Tumores malignos\""))
    #expect(text.contains("previous-source: \"Overview\""))
  }
}

extension ConcurrentWriteTests {
  @Test func updateRemovesTheTemporaryFileOfAKilledUpdate() throws {
    let project = try Leaflet.project()
    let dead = try ExportAllTests.deadProcessID()
    let leftover = ".leaflet.yaml.netexport-\(dead)-q1w2e3.tmp"
    try project.write("partial", to: "Locales/es/\(leftover)")
    let result = try project.run("update")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stderr
        == "note: removed Locales/es/\(leftover), a temporary file left by an interrupted netexport run\n")
    #expect(!project.exists("Locales/es/\(leftover)"))
  }
}
