import ArgumentParser
import Foundation
import NetexportModel

/// Standard output and standard error, written with write(2).
///
/// Not `print`, which drops write errors (`status > /dev/full` exited 0 having written
/// nothing), nor `FileHandle.write`, which traps on them (`--output - > /dev/full` crashed
/// with exit 132). A failed write to standard output is an error: exit 1 and a message.
enum Console {
  /// Writes text to standard output.
  ///
  /// - Throws: `DiagnosticError` with code `unwritable-output` when the write fails.
  static func write(_ text: String) throws { try write(Data(text.utf8)) }

  /// Writes bytes (a PDF) to standard output, as `write(_:)` writes text.
  ///
  /// - Throws: `DiagnosticError` with code `unwritable-output` when the write fails.
  static func write(_ data: Data) throws {
    let failure = TextFile.writeAll(data, to: STDOUT_FILENO)
    guard failure == 0 else { throw standardOutputError(failure) }
  }

  /// Writes a line (the text and a line feed) to standard output.
  static func line(_ text: String) throws { try write(text + "\n") }

  /// Writes a line to standard error. A failure there is ignored: there is nowhere left to
  /// report it, and the exit status still tells.
  static func error(_ text: String) { _ = TextFile.writeAll((text + "\n").utf8, to: STDERR_FILENO) }

  static func standardOutputError(_ code: Int32) -> DiagnosticError {
    DiagnosticError(
      Diagnostic(
        code: .unwritableOutput, at: nil, "cannot write to standard output (\(String(cString: strerror(code))))"))
  }

  /// Sets up the process before the command runs.
  ///
  /// - SIGPIPE back to its default: when the reader of a pipe goes away (`netexport ... |
  ///   head -1`), netexport ends quietly from the signal, as `cat` and `grep` do, rather
  ///   than reporting "Broken pipe" for every write. A parent that left SIGPIPE ignored
  ///   (some CI runners do) would otherwise turn it into an error message.
  /// - A check at exit of what went through C's buffered `stdout`: swift-argument-parser
  ///   prints help, `--version` and usage errors with `print`, whose write errors are
  ///   otherwise lost (`--version > /dev/full` exited 0).
  static func prepare() {
    signal(SIGPIPE, SIG_DFL)
    atexit {
      // fflush(NULL) flushes every C stream: only stdout is written through C here (and
      // Swift 6 does not let this closure name the global `stdout`).
      if fflush(nil) != 0 {
        let code = errno
        Console.error(Console.standardOutputError(code == 0 ? EIO : code).description)
        _exit(ExitCode.failure.rawValue)
      }
    }
  }
}
