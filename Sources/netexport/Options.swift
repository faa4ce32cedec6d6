import ArgumentParser
import Foundation
import NetexportICU
import NetexportModel
import NetexportValidation
import NetexportWorkspace

extension ReportFormat: ExpressibleByArgument {}

/// The project a command works on.
struct ProjectOptions: ParsableArguments {
  @Option(
    name: .long, help: ArgumentHelp("The project folder (holding netexport.yaml; default: here).", valueName: "dir"))
  var project: String = "."

  /// Reads the project's manifest and documents.
  func workspace() throws -> Workspace { try Workspace.open(Project(path: project)) }
}

/// The documents a command works on.
struct DocumentOptions: ParsableArguments {
  @Option(
    name: .long, parsing: .singleValue,
    help: ArgumentHelp("A document to work on, by id (repeatable); default: every document.", valueName: "id"))
  var document: [String] = []

  func validate() throws {
    for id in document where !DocumentID.isValid(id) {
      throw ValidationError("'\(id)' is not a document id (\(DocumentID.rule)).")
    }
  }
}

/// Checks an `--output` value before anything runs: an empty one is a usage error (64),
/// not the current folder (which `URL(fileURLWithPath: "")` would make of it).
func checkOutputOption(_ output: String?) throws {
  if output?.isEmpty == true { throw ValidationError("--output needs a file name, or '-' for standard output.") }
}

/// Checks `--locale` values before anything runs: a malformed tag is a usage error (64).
func canonicalLocales(_ requested: [String]) throws -> [String] {
  try requested.map { value in
    guard let tag = LanguageTag(value) else {
      // gettext and POSIX write locales with an underscore (it_IT); BCP 47 with a hyphen.
      if value.contains("_"), let hyphenated = LanguageTag(value.replacingOccurrences(of: "_", with: "-")) {
        throw ValidationError(
          "'\(value)' is not a valid BCP 47 language tag: tags separate their parts with a hyphen; write '\(hyphenated.canonical)'."
        )
      }
      throw ValidationError("'\(value)' is not a valid BCP 47 language tag (for example: en, es, pt-BR, zh-Hans).")
    }
    return tag.canonical
  }
}

/// Writes a report to `--output` (a file, or '-' for standard output) or to standard output.
func writeReport(_ text: String, to output: String?, project: Project) throws {
  guard let output, output != "-" else {
    try Console.write(text)
    return
  }
  let url = URL(fileURLWithPath: output)
  try project.requireInside(url, displayPath: output)
  try TextFile.writeAtomically(text, to: url, displayPath: output)
}
