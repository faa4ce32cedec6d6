import Foundation
import NetexportICU
import Yams

extension Catalog {
  /// The fields an entry may have.
  public static let entryFields = ["text", "note", "source", "previous-source", "state", "allow"]
  /// The fields a glossary entry may have.
  public static let glossaryFields = ["forms", "pronunciation", "definition", "usage"]
  /// The fields a catalog file may have at its top level.
  public static let topLevelFields = ["locale", "entries", "obsolete", "glossary"]

  /// Loads a catalog file.
  ///
  /// - Parameters:
  ///   - url: The YAML file.
  ///   - displayPath: How to name the file in messages.
  ///   - expectedLocale: The locale the file name says it holds; the `locale` field must match.
  ///   - lenient: Return a catalog even when some entries are malformed, with the problems in
  ///     `problems` (for validation); otherwise any problem throws.
  /// - Throws: `DiagnosticError` with every problem found, each naming file:line:column.
  public static func load(
    _ url: URL, displayPath: String, expectedLocale: String? = nil, lenient: Bool = false
  ) throws -> Catalog {
    try parse(
      TextFile.readUTF8(url, displayPath: displayPath), file: displayPath, expectedLocale: expectedLocale,
      lenient: lenient)
  }

  /// Parses catalog YAML text. See `load(_:displayPath:expectedLocale:lenient:)`.
  ///
  /// Malformed YAML, a duplicate key, or a file that is not a mapping always throws: nothing
  /// in it can be trusted. Other problems (an unknown field, an entry without text, a bad
  /// state) leave out only what they affect. Warnings (`mixed-line-endings`) never throw.
  public static func parse(
    _ text: String, file: String, expectedLocale: String? = nil, lenient: Bool = false
  ) throws -> Catalog {
    var problems: [Diagnostic] = []
    func problem(_ code: String, _ mark: Mark?, _ message: String, key: String? = nil) {
      problems.append(Diagnostic(code: code, at: YAMLSupport.location(mark, file: file), message, key: key))
    }
    // Reported first, and also with a syntax error: they explain line numbers that differ
    // from the editor's.
    problems = LineBreak.findings(in: text, file: file)
    let root: Node?
    do {
      root = try YAMLSupport.compose(text, file: file, plainText: true)
    } catch let error as DiagnosticError {
      throw DiagnosticError(error.diagnostics + problems.filter { $0.severity == .error })
    }
    guard let root, let top = root.mapping else {
      throw DiagnosticError(
        [
          Diagnostic(
            code: "invalid-catalog", at: SourceLocation(file: file, line: 1, column: 1),
            "a catalog must be a mapping with 'locale' and 'entries' at its top level")
        ] + problems.filter { $0.severity == .error })
    }

    var locale = ""
    var entries: [CatalogEntry] = []
    var obsolete: [CatalogEntry] = []
    var glossary: [GlossaryEntry] = []
    var entriesMark: Mark?
    for (keyNode, value) in top {
      switch keyNode.string {
      case "locale":
        guard let declared = value.scalar?.string, !declared.isEmpty else {
          problem("invalid-catalog", value.mark, "'locale' must be a language tag such as 'es' or 'pt-BR'")
          continue
        }
        locale = declared
        if let canonical = LanguageTag(declared)?.canonical {
          if canonical != declared {
            problem(
              "invalid-locale", value.mark, "locale '\(declared)' is not in canonical form; write '\(canonical)'")
          }
        } else {
          problem("invalid-locale", value.mark, "locale '\(declared)' is not a valid BCP 47 language tag")
        }
        if let expectedLocale, declared != expectedLocale {
          problem(
            "locale-mismatch", value.mark,
            "the file is named for '\(expectedLocale)' but declares locale '\(declared)'")
        }
      case "entries", "obsolete":
        let field = keyNode.string ?? ""
        if field == "entries" { entriesMark = keyNode.mark }
        if field == "obsolete", value.scalar.map(isNull) == true { continue }
        guard let mapping = value.mapping else {
          problem("invalid-catalog", value.mark, "'\(field)' must be a mapping from message key to entry")
          continue
        }
        for (entryKey, entryValue) in mapping {
          if let entry = parseEntry(entryKey, entryValue, file: file, report: problem) {
            if field == "entries" { entries.append(entry) } else { obsolete.append(entry) }
          }
        }
      case "glossary":
        if value.scalar.map(isNull) == true { continue }
        guard let mapping = value.mapping else {
          problem("invalid-catalog", value.mark, "'glossary' must be a mapping from a term's message key to its forms")
          continue
        }
        for (termKey, termValue) in mapping {
          if let entry = parseGlossaryEntry(termKey, termValue, file: file, report: problem) {
            glossary.append(entry)
          }
        }
      default:
        problem(
          "unknown-field", keyNode.mark,
          "unknown top-level field '\(keyNode.string ?? "?")' (known fields: \(topLevelFields.joined(separator: ", ")))"
        )
      }
    }
    if top.first(where: { $0.key.string == "locale" }) == nil {
      problem("invalid-catalog", root.mark, "the catalog has no 'locale' field")
    }
    if top.first(where: { $0.key.string == "entries" }) == nil {
      problem("invalid-catalog", root.mark, "the catalog has no 'entries' field")
    }
    if problems.contains(where: { $0.severity == .error }) && !lenient { throw DiagnosticError(problems) }
    return Catalog(
      locale: locale, file: file, entries: entries, obsolete: obsolete, glossary: glossary, problems: problems,
      entriesLocation: YAMLSupport.location(entriesMark ?? root.mark, file: file), text: text)
  }

  private static func parseEntry(
    _ keyNode: Node, _ value: Node, file: String, report: (String, Mark?, String, String?) -> Void
  ) -> CatalogEntry? {
    guard let key = keyNode.scalar?.string, CatalogKey.isValid(key) else {
      report(
        "invalid-key", keyNode.mark, "'\(keyNode.string ?? "?")' is not a valid message key (\(CatalogKey.rule))", nil)
      return nil
    }
    guard let fields = value.mapping else {
      report(
        "invalid-entry", value.mark,
        "entry '\(key)' must be a mapping with a 'text' field (found \(describe(value))); write it as '\(key):' followed by an indented 'text: ...'",
        key)
      return nil
    }
    var entry = CatalogEntry(key: key, text: "", location: YAMLSupport.location(keyNode.mark, file: file))
    var hasText = false
    for (fieldNode, fieldValue) in fields {
      let field = fieldNode.string ?? "?"
      guard entryFields.contains(field) else {
        report(
          "unknown-field", fieldNode.mark,
          "unknown field '\(field)' in entry '\(key)' (known fields: \(entryFields.joined(separator: ", ")))", key)
        continue
      }
      if field == "allow" {
        guard let list = stringList(fieldValue) else {
          report(
            "invalid-entry", fieldValue.mark,
            "'allow' of entry '\(key)' must be a list of finding codes, e.g. [untranslated]", key)
          continue
        }
        entry.allow = list
        continue
      }
      guard let string = scalarText(fieldValue) else {
        report(
          "invalid-entry", fieldValue.mark, "'\(field)' of entry '\(key)' must be text (found \(describe(fieldValue)))",
          key)
        continue
      }
      if let control = string.unicodeScalars.first(where: isForbiddenControl) {
        report(
          "control-character", fieldValue.mark,
          "'\(field)' of entry '\(key)' contains the control character U+\(hex(control.value)); remove it", key)
        if field == "text" { return nil }
        continue
      }
      switch field {
      case "text":
        hasText = true
        entry.text = string
        entry.textLocation = YAMLSupport.location(fieldValue.mark, file: file)
        entry.textStyle = style(of: fieldValue)
      case "note": entry.note = string
      case "source": entry.source = string
      case "previous-source": entry.previousSource = string
      default:
        entry.state = CatalogEntry.State(rawValue: string)
        if entry.state == nil {
          report(
            "invalid-state", fieldValue.mark,
            "state '\(string)' of entry '\(key)' is not one of: \(CatalogEntry.State.allCases.map(\.rawValue).joined(separator: ", "))",
            key)
        }
      }
    }
    guard hasText else {
      if !fields.contains(where: { $0.key.string == "text" }) {
        report(
          "invalid-entry", value.mark,
          "entry '\(key)' has no 'text' field (use text: \"\" for a string not translated yet)", key)
      }
      return nil
    }
    return entry
  }

  private static func parseGlossaryEntry(
    _ keyNode: Node, _ value: Node, file: String, report: (String, Mark?, String, String?) -> Void
  ) -> GlossaryEntry? {
    guard let key = keyNode.scalar?.string, CatalogKey.isValid(key) else {
      report(
        "invalid-key", keyNode.mark,
        "'\(keyNode.string ?? "?")' is not a valid glossary key (the message key of a term or abbreviation)", nil)
      return nil
    }
    guard let fields = value.mapping else {
      report(
        "invalid-entry", value.mark,
        "glossary entry '\(key)' must be a mapping with fields such as 'forms' and 'pronunciation'",
        key)
      return nil
    }
    var entry = GlossaryEntry(key: key, location: YAMLSupport.location(keyNode.mark, file: file))
    for (fieldNode, fieldValue) in fields {
      switch fieldNode.string {
      case "forms":
        guard let forms = stringList(fieldValue), !forms.contains(where: \.isEmpty) else {
          report(
            "invalid-entry", fieldValue.mark, "'forms' of glossary entry '\(key)' must be a list of non-empty texts",
            key)
          continue
        }
        entry.forms = forms
      case "pronunciation":
        guard let text = scalarText(fieldValue) else {
          report("invalid-entry", fieldValue.mark, "'pronunciation' of glossary entry '\(key)' must be text", key)
          continue
        }
        entry.pronunciation = text
      case "definition", "usage":
        let name = fieldNode.string ?? ""
        guard let text = scalarText(fieldValue) else {
          report("invalid-entry", fieldValue.mark, "'\(name)' of glossary entry '\(key)' must be text", key)
          continue
        }
        if name == "definition" { entry.definition = text } else { entry.usage = text }
      default:
        report(
          "unknown-field", fieldNode.mark,
          "unknown field '\(fieldNode.string ?? "?")' in glossary entry '\(key)' (known fields: \(glossaryFields.joined(separator: ", ")))",
          key)
      }
    }
    return entry
  }

  /// A scalar's text; an empty plain scalar (`text:`) is the empty string.
  private static func scalarText(_ node: Node) -> String? {
    guard let scalar = node.scalar else { return nil }
    if isNull(scalar) { return "" }
    return scalar.string
  }

  private static func isNull(_ scalar: Node.Scalar) -> Bool {
    scalar.style == .plain && (scalar.string == "~" || scalar.string == "null" || scalar.string.isEmpty)
  }

  private static func stringList(_ node: Node) -> [String]? {
    guard let sequence = node.sequence else { return nil }
    var list: [String] = []
    for item in sequence {
      guard let scalar = item.scalar else { return nil }
      list.append(scalar.string)
    }
    return list
  }

  private static func style(of node: Node) -> CatalogEntry.Style {
    switch node.scalar?.style {
    case .singleQuoted: .singleQuoted
    case .doubleQuoted: .doubleQuoted
    case .literal: .literal
    case .folded: .folded
    default: .plain
    }
  }

  private static func describe(_ node: Node) -> String {
    switch node {
    case .scalar: "text"
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .alias: "an alias"
    }
  }

  /// C0 and C1 controls other than tab and line feed have no place in patient text: they
  /// can rewrite a terminal or break an export.
  private static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
  }

  private static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
