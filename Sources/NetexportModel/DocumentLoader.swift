import Foundation
import NetexportICU
import Yams

extension Document {
  /// The neuroendocrine tumors page that ships with netexport.
  public static let bundledPath = "<bundled>/neuroendocrine-tumors.yaml"

  /// Where the bundled document's file is, or `nil` when this installation has none.
  public static var bundledURL: URL? { Bundle.module.url(forResource: "neuroendocrine-tumors", withExtension: "yaml") }

  /// Loads the bundled neuroendocrine tumors document.
  public static func bundledDefault() throws -> Document {
    guard let url = bundledURL else {
      throw DiagnosticError(
        Diagnostic(code: "missing-content", at: nil, "the bundled document is missing from this installation"))
    }
    return try load(url, displayPath: bundledPath)
  }

  /// Loads a document from a YAML (or JSON, which is YAML) file.
  ///
  /// - Throws: `DiagnosticError` naming file:line:column for unreadable files, invalid
  ///   UTF-8, malformed YAML, fields of the wrong type, unknown fields and inconsistent ids.
  public static func load(_ url: URL, displayPath: String) throws -> Document {
    try parse(TextFile.readUTF8(url, displayPath: displayPath), file: displayPath)
  }

  /// Parses a document from YAML text.
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
      throw DiagnosticError(Diagnostic(code: "invalid-content", at: SourceLocation(file: file), "the file is empty"))
    }
    let document: Document
    do {
      document = try YAMLDecoder().decode(Document.self, from: root)
    } catch let error as DecodingError {
      throw DiagnosticError(diagnostic(for: error, root: root, file: file))
    }
    let problems = document.consistencyProblems(file: file)
    if !problems.isEmpty { throw DiagnosticError(problems) }
    return document
  }

  private static func diagnostic(for error: DecodingError, root: Node, file: String) -> Diagnostic {
    func at(_ path: [any CodingKey], preferKey: Bool = false) -> SourceLocation {
      YAMLSupport.location(YAMLSupport.node(at: path, in: root, preferKey: preferKey).mark, file: file)
    }
    func describe(_ path: [any CodingKey]) -> String {
      path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop(while: { $0 == "." })
        .description
    }
    switch error {
    case .keyNotFound(let key, let context):
      let inside = context.codingPath.isEmpty ? "the document" : describe(context.codingPath)
      return Diagnostic(
        code: "invalid-content", at: at(context.codingPath), "missing field '\(key.stringValue)' in \(inside)")
    case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
      return Diagnostic(
        code: "invalid-content", at: at(context.codingPath),
        "\(describe(context.codingPath)) must be \(expected(type))")
    case .dataCorrupted(let context):
      let unknownField = context.debugDescription.hasPrefix("unknown field")
      return Diagnostic(
        code: "invalid-content", at: at(context.codingPath, preferKey: unknownField),
        context.codingPath.isEmpty || unknownField
          ? context.debugDescription : "\(describe(context.codingPath)): \(context.debugDescription)")
    @unknown default:
      return Diagnostic(code: "invalid-content", at: SourceLocation(file: file), "\(error)")
    }
  }

  /// What a field must be, from the type a decoding error names: a Swift type, or, when Yams
  /// found a node of the wrong kind, the kind of node it wanted (a list is wanted as a
  /// `Node.Sequence`, never as an array type).
  private static func expected(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "text"
    case is Double.Type, is Int.Type: "a number"
    case is Bool.Type: "true or false"
    case is Node.Sequence.Type, is [Any].Type: "a list"
    case is Node.Scalar.Type: "a single value, not a list or mapping"
    default: "a mapping"
    }
  }

  /// Problems the types alone cannot rule out: malformed or repeated ids, a bad locale.
  func consistencyProblems(file: String) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    let location = SourceLocation(file: file)
    func checkID(_ id: String, _ what: String) {
      let valid =
        !id.isEmpty
        && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
      if !valid {
        problems.append(
          Diagnostic(code: "invalid-content", at: location, "\(what) id '\(id)' must use only a-z, 0-9 and '-'"))
      }
    }
    func checkUnique(_ ids: [String], _ what: String) {
      var seen = Set<String>()
      for id in ids where !seen.insert(id).inserted {
        problems.append(Diagnostic(code: "invalid-content", at: location, "\(what) id '\(id)' is used twice"))
      }
    }
    checkID(id, "document")
    sections.forEach { checkID($0.id, "section") }
    terms.forEach { checkID($0.id, "term") }
    abbreviations.forEach { checkID($0.id, "abbreviation") }
    checkUnique(sections.map(\.id), "section")
    checkUnique(terms.map(\.id), "term")
    checkUnique(abbreviations.map(\.id), "abbreviation")
    if LanguageTag(sourceLocale)?.canonical != sourceLocale {
      problems.append(
        Diagnostic(
          code: "invalid-content", at: location,
          "source-locale '\(sourceLocale)' is not a canonical BCP 47 language tag"))
    }
    return problems
  }
}
