import Foundation
import Testing

/// A file handle that refuses every write with ENOSPC, as a full disk does.
func fullDevice() throws -> FileHandle { try #require(FileHandle(forWritingAtPath: "/dev/full")) }

@Suite struct StandardOutputTests {
  /// Every command that writes to standard output, each of which used to crash (exit 132
  /// from a `try!` in `FileHandle.write`) or exit 0 having written nothing.
  @Test(arguments: [
    ["--locale", "en", "--output", "-"],
    ["validate", "--report", "json"],
    ["validate"],
    ["status"],
    ["status", "--report", "json"],
    ["readability"],
    ["readability", "--report", "json"],
    ["syllables", "--language", "en", "tumor"],
    ["--locale", "en"],
    ["--version"],
    ["validate", "--help"],
  ])
  func aFailedWriteToStandardOutputIsAnError(arguments: [String]) throws {
    let result = try CLI().run(arguments: arguments, standardOutput: fullDevice())
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stderr == "error[unwritable-output]: cannot write to standard output (No space left on device)\n")
  }

  @Test func aFailedWriteToStandardErrorDoesNotCrash() throws {
    let cli = try CLI()
    let result = try cli.run(arguments: ["--locale", "fr"], standardError: fullDevice())
    #expect(result.status == 1)
    #expect(result.stdout == "")
  }

  /// `netexport ... | head -1`: when the reader has gone, netexport ends from SIGPIPE as
  /// `cat` does (the shell reports the reader's status), with no crash report, even when
  /// the parent left SIGPIPE ignored (the write then fails with EPIPE instead).
  @Test(arguments: [false, true])
  func endsQuietlyWhenTheReaderHasGone(ignoringSIGPIPE: Bool) throws {
    var ends: [Int32] = [0, 0]
    #expect(pipe(&ends) == 0)
    close(ends[0])
    let writeEnd = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
    let cli = try CLI()
    let process = Process()
    // The shell's `trap '' PIPE` leaves SIGPIPE ignored across exec, as some CI runners do.
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = [
      "-c", (ignoringSIGPIPE ? "trap '' PIPE; " : "") + "exec \"$0\" \"$@\"", CLI.executable.path,
      "--locale", "en", "--output", "-",
    ]
    process.currentDirectoryURL = cli.folder
    process.standardOutput = writeEnd
    let err = Pipe()
    process.standardError = err
    try process.run()
    try writeEnd.close()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(process.terminationStatus == SIGPIPE)
    #expect(String(decoding: stderr, as: UTF8.self) == "")
  }
}
