import Foundation

/// One run of an external program, with what it said on standard error.
struct ToolRun {
  /// The exit status, or the signal that ended the program.
  var status: Int32
  var killedBySignal: Bool
  var stderr: String

  /// Whether the program ran to the end and said it succeeded.
  var succeeded: Bool { !killedBySignal && status == 0 }

  /// How the program ended, for messages: "exit status 1", "killed by signal 9".
  var ending: String { killedBySignal ? "killed by signal \(status)" : "exit status \(status)" }

  /// Runs a program to the end. Standard input and output are empty; standard error goes
  /// to a file in the work folder, so that no pipe can fill up and block the program.
  ///
  /// - Throws: The error of `Process.run()` when the program cannot be started.
  static func run(_ executable: URL, _ arguments: [String], workFolder: URL) throws -> ToolRun {
    let errorURL = workFolder.appendingPathComponent("stderr-\(UUID().uuidString).txt")
    guard FileManager.default.createFile(atPath: errorURL.path, contents: nil) else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: errorURL.path])
    }
    defer { try? FileManager.default.removeItem(at: errorURL) }
    let errorHandle = try FileHandle(forWritingTo: errorURL)
    defer { try? errorHandle.close() }
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = workFolder
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errorHandle
    try process.run()
    process.waitUntilExit()
    let stderr = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
    return ToolRun(
      status: process.terminationStatus, killedBySignal: process.terminationReason == .uncaughtSignal, stderr: stderr)
  }

  /// The last lines of standard error, enough to say why a program failed.
  var stderrTail: String {
    let lines = stderr.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
    let tail = lines.suffix(4).joined(separator: " / ")
    return tail.isEmpty ? "it printed nothing on standard error" : tail
  }
}
