import ArgumentParser
import Foundation
import NetexportModel

/// Prints problems to standard error, one per line, as `file:line:column: error[code]: message`,
/// with controls and line breaks from the user's files escaped (see `PrintableText`).
func report(_ error: DiagnosticError) {
  for diagnostic in error.diagnostics { Console.error(diagnostic.printableDescription) }
}

/// Runs a command body, turning netexport's errors into printed diagnostics and exit 1.
func reportingFailures(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let error as DiagnosticError {
    report(error)
    throw ExitCode.failure
  }
}
