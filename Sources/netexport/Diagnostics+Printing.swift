import ArgumentParser
import Foundation
import NetexportModel

/// Prints problems to standard error, one per line, as `file:line:column: error[code]: message`.
func report(_ error: DiagnosticError) {
  for diagnostic in error.diagnostics { Console.error(diagnostic.description) }
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
