import Foundation
import NetexportTestSupport
import Testing

/// `--all` writes every export or none, and cleans up after a run that was killed.
@Suite struct ExportAllTests {
  /// Every file under `Exports/`, with its contents.
  static func exports(_ cli: CLI) throws -> [String: String] {
    let root = cli.folder.appendingPathComponent("Exports")
    var files: [String: String] = [:]
    for case let relative as String in FileManager.default.enumerator(atPath: root.path) ?? .init() {
      let url = root.appendingPathComponent(relative)
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
        files[relative] = try String(contentsOf: url, encoding: .utf8)
      }
    }
    return files
  }

  /// The pid of a process that has ended.
  static func deadProcessID() throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
  }

  /// The NET document with its English and Spanish catalogs, Spanish shipped.
  static func bilingual() throws -> CLI { CLI(try TestProject.repository(shipped: ["es"])) }

  @Test func aFailedWriteLeavesEveryOldExportUntouched() throws {
    let cli = try Self.bilingual()
    #expect(try cli.run("--all").status == 0)
    // The Spanish script cannot be written (a folder is in its place), and is the last
    // but one export: the English ones and two Spanish ones come before it.
    let blocked = cli.folder.appendingPathComponent("Exports/es/neuroendocrine-tumors.script.txt")
    try FileManager.default.removeItem(at: blocked)
    try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: false)
    let before = try Self.exports(cli)
    // A narrower width changes every text export, so any file written would differ.
    let result = try cli.run("--all", "--width", "40")
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "Exports/es/neuroendocrine-tumors.script.txt: error[unwritable-output]: cannot write the file: it is a folder; netexport writes regular files, character devices such as /dev/null and pipes\n"
    )
    #expect(result.stdout == "")
    #expect(try Self.exports(cli) == before)
    let leftovers = try FileManager.default.contentsOfDirectory(
      atPath: cli.folder.appendingPathComponent("Exports/en").path
    )
    .filter { $0.hasPrefix(".") }
    #expect(leftovers.isEmpty)
  }

  @Test func temporaryFilesOfAKilledRunAreReportedByCheckAndRemovedByTheNextRun() throws {
    let cli = try CLI()
    #expect(try cli.run("--all").status == 0)
    let dead = try Self.deadProcessID()
    let killed = ".neuroendocrine-tumors.txt.netexport-\(dead)-1k2j3h4g.tmp"
    let older = ".dat.nosync\(String(dead, radix: 16)).AbC123"
    let running = ".neuroendocrine-tumors.ssml.netexport-\(getpid())-zz9.tmp"
    for name in [killed, older, running] { try cli.write("partial", to: "Exports/en/\(name)") }

    var result = try cli.run("--all", "--check")
    #expect(result.status == 1)
    for name in [older, killed, running] {
      #expect(
        result.stderr.contains(
          "Exports/en/\(name): error[export-unexpected]: a temporary file left by an interrupted netexport run; delete it ('netexport --all' removes it)\n"
        ), "\(result.stderr)")
    }

    result = try cli.run("--all")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stderr
        == "note: removed Exports/en/\(older), a temporary file left by an interrupted netexport run\nnote: removed Exports/en/\(killed), a temporary file left by an interrupted netexport run\n"
    )
    // The file of a process still running (this test) may be a write in progress: kept.
    #expect(!cli.exists("Exports/en/\(killed)") && !cli.exists("Exports/en/\(older)"))
    #expect(cli.exists("Exports/en/\(running)"))
  }

  /// A PDF beside the committed exports is left alone by --check; the temporary file of a
  /// killed PDF run is not.
  @Test func checkLeavesPDFsAloneButReportsTheTemporaryFileOfAPDF() throws {
    let cli = try CLI()
    #expect(try cli.run("--all").status == 0)
    try cli.write("%PDF-1.7 from an earlier run\n", to: "Exports/en/neuroendocrine-tumors.pdf")
    let killed = ".neuroendocrine-tumors.pdf.netexport-\(try Self.deadProcessID())-q1w2e3.tmp"
    try cli.write("%PDF-1.7 partial", to: "Exports/en/\(killed)")
    let result = try cli.run("--all", "--check")
    #expect(result.status == 1)
    #expect(
      result.stderr.hasPrefix(
        "Exports/en/\(killed): error[export-unexpected]: a temporary file left by an interrupted netexport run; delete it ('netexport --all' removes it)\n"
      ), "\(result.stderr)")
    #expect(!result.stderr.contains("neuroendocrine-tumors.pdf:"), "\(result.stderr)")
    #expect(result.stderr.contains("1 of the committed exports is not what netexport writes now"))
  }
}
