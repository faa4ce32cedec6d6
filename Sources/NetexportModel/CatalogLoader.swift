import Foundation
import NetexportICU
import Yams

extension Catalog {
  /// The fields an entry may have.
  public static let entryFields = ["text", "note", "source", "state"]
  /// The fields a catalog file may have at its top level.
  public static let topLevelFields = ["locale", "entries"]

  /// Loads a catalog file.
  ///
  /// - Parameters:
  ///   - url: The YAML file.
  ///   - displayPath: How to name the file in messages.
  ///   - expectedLocale: The locale the file name says it holds; the `locale` field must match.
  /// - Throws: `DiagnosticError` with every problem found, each naming file:line:column.
  public static func load(_ url: URL, displayPath: String, expectedLocale: String? = nil) throws -> Catalog {
    try parse(TextFile.readUTF8(url, displayPath: displayPath), file: displayPath, expectedLocale: expectedLocale)
  }

  /// Parses catalog YAML text. See `load(_:displayPath:expectedLocale:)`.
  public static func parse(_ text: String, file: String, expectedLocale: String? = nil) throws -> Catalog {
    var problems: [Diagnostic] = []
    func problem(_ code: String, _ mark: Mark?, _ message: String) {
      problems.append(Diagnostic(code: code, at: YAMLSupport.location(mark, file: file), message))
    }
    guard let root = try YAMLSupport.compose(text, file: file), let top = root.mapping else {
      throw DiagnosticError(
        Diagnostic(
          code: "invalid-catalog", at: SourceLocation(file: file, line: 1, column: 1),
          "a catalog must be a mapping with 'locale' and 'entries' at its top level"))
    }

    var locale = ""
    var entries: [CatalogEntry] = []
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
      case "entries":
        guard let mapping = value.mapping else {
          problem("invalid-catalog", value.mark, "'entries' must be a mapping from message key to entry")
          continue
        }
        for (entryKey, entryValue) in mapping {
          if let entry = parseEntry(entryKey, entryValue, file: file, report: problem) {
            entries.append(entry)
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
    if !problems.isEmpty { throw DiagnosticError(problems) }
    return Catalog(locale: locale, file: file, entries: entries)
  }

  private static func parseEntry(
    _ keyNode: Node, _ value: Node, file: String, report: (String, Mark?, String) -> Void
  ) -> CatalogEntry? {
    guard let key = keyNode.scalar?.string, CatalogKey.isValid(key) else {
      report("invalid-key", keyNode.mark, "'\(keyNode.string ?? "?")' is not a valid message key (\(CatalogKey.rule))")
      return nil
    }
    guard let fields = value.mapping else {
      report(
        "invalid-entry", value.mark,
        "entry '\(key)' must be a mapping with a 'text' field (found \(describe(value))); write it as '\(key):' followed by an indented 'text: ...'"
      )
      return nil
    }
    var text: String?
    var textMark: Mark?
    var note: String?
    var source: String?
    var state: CatalogEntry.State?
    var valid = true
    for (fieldNode, fieldValue) in fields {
      let field = fieldNode.string ?? "?"
      guard entryFields.contains(field) else {
        report(
          "unknown-field", fieldNode.mark,
          "unknown field '\(field)' in entry '\(key)' (known fields: \(entryFields.joined(separator: ", ")))")
        valid = false
        continue
      }
      guard let string = scalarText(fieldValue) else {
        report(
          "invalid-entry", fieldValue.mark, "'\(field)' of entry '\(key)' must be text (found \(describe(fieldValue)))")
        valid = false
        continue
      }
      if let control = string.unicodeScalars.first(where: isForbiddenControl) {
        report(
          "control-character", fieldValue.mark,
          "'\(field)' of entry '\(key)' contains the control character U+\(hex(control.value)); remove it")
        valid = false
      }
      switch field {
      case "text":
        text = string
        textMark = fieldValue.mark
      case "note": note = string
      case "source": source = string
      default:
        state = CatalogEntry.State(rawValue: string)
        if state == nil {
          report(
            "invalid-state", fieldValue.mark,
            "state '\(string)' of entry '\(key)' is not one of: \(CatalogEntry.State.allCases.map(\.rawValue).joined(separator: ", "))"
          )
          valid = false
        }
      }
    }
    let hasTextField = fields.contains { $0.key.string == "text" }
    guard let text else {
      if !hasTextField {
        report(
          "invalid-entry", value.mark,
          "entry '\(key)' has no 'text' field (use text: \"\" for a string not translated yet)")
      }
      return nil
    }
    guard valid else { return nil }
    return CatalogEntry(
      key: key, text: text, note: note, source: source, state: state,
      location: YAMLSupport.location(keyNode.mark, file: file),
      textLocation: YAMLSupport.location(textMark, file: file))
  }

  /// A scalar's text; an empty plain scalar (`text:`) is the empty string.
  private static func scalarText(_ node: Node) -> String? {
    guard let scalar = node.scalar else { return nil }
    if scalar.style == .plain && (scalar.string == "~" || scalar.string == "null") { return "" }
    return scalar.string
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
