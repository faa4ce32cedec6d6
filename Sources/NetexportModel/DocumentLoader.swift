import Foundation
import Yams

extension Document {
  /// Loads a document from a YAML (or JSON, which is YAML) file.
  ///
  /// - Throws: `DiagnosticError` naming file:line:column for an unreadable file, invalid
  ///   UTF-8 or malformed YAML, or else every problem of the content at once: missing,
  ///   unknown and misspelt fields, values of the wrong kind, invalid keys, ids, dates,
  ///   numbers and link addresses, repeated ids.
  public static func load(_ url: URL, displayPath: String) throws -> Document {
    try parse(TextFile.readUTF8(url, displayPath: displayPath), file: displayPath)
  }

  /// Parses a document from YAML text.
  ///
  /// - Throws: `DiagnosticError`, as `load` does.
  public static func parse(_ text: String, file: String) throws -> Document {
    // Line breaks editors may not show as such move every later line number; a mix of LF
    // and CR LF does not, and is left alone in content files.
    let lineBreaks = LineBreak.findings(in: text, file: file).filter { $0.severity == .error }
    let composed: Node?
    do {
      composed = try YAMLSupport.compose(text, file: file)
    } catch let error as DiagnosticError {
      throw DiagnosticError(error.diagnostics + lineBreaks)
    }
    if !lineBreaks.isEmpty { throw DiagnosticError(lineBreaks) }
    guard let root = composed else {
      throw DiagnosticError(Diagnostic(code: .invalidContent, at: SourceLocation(file: file), "the file is empty"))
    }
    return try ContentReader.read(root, file: file)
  }
}
