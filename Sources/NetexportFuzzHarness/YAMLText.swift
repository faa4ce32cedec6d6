import Foundation

/// Writing texts into the YAML files the targets build.
enum YAMLText {
  /// `text` as a double-quoted YAML scalar that reads back as exactly `text`: quotes,
  /// backslashes, line breaks and every character YAML does not allow raw are escaped.
  static func doubleQuoted(_ text: String) -> String {
    var quoted = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": quoted += "\\\""
      case "\\": quoted += "\\\\"
      case "\n": quoted += "\\n"
      case "\t": quoted += "\\t"
      default:
        // YAML 1.1's printable characters, less its line breaks (U+0085, U+2028, U+2029)
        // and the byte order mark, which readers treat specially.
        let value = scalar.value
        let printable =
          (0x20...0x7E).contains(value) || (0xA0...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value)
          || value >= 0x10000
        if printable && ![0x2028, 0x2029, 0xFEFF].contains(value) {
          quoted.unicodeScalars.append(scalar)
        } else if value <= 0xFFFF {
          quoted += "\\u" + hex(value, digits: 4)
        } else {
          quoted += "\\U" + hex(value, digits: 8)
        }
      }
    }
    return quoted + "\""
  }

  private static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }

  /// The ways a text can be written as an entry's `text:` value, from exact to raw: what a
  /// translator's editor might leave in the file.
  enum Style: CaseIterable {
    /// Double-quoted with escapes: reads back as the text itself.
    case escaped
    /// Between double quotes, unescaped.
    case rawDoubleQuoted
    /// Between single quotes, apostrophes doubled.
    case singleQuoted
    /// A literal block (`|-`), each line indented.
    case literal
    /// A folded block (`>-`), each line indented.
    case folded
    /// Unquoted.
    case plain

    /// `text:` with the value, as lines of an entry whose fields are indented by `indent`.
    func field(_ text: String, indent: Int) -> String {
      let pad = String(repeating: " ", count: indent)
      let block = { (header: String) in
        "\(pad)text: \(header)\n"
          + text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.isEmpty ? "" : "\(pad)  \($0)"
          }.joined(separator: "\n")
      }
      switch self {
      case .escaped: return "\(pad)text: \(doubleQuoted(text))"
      case .rawDoubleQuoted: return "\(pad)text: \"\(text)\""
      case .singleQuoted: return "\(pad)text: '\(text.replacingOccurrences(of: "'", with: "''"))'"
      case .literal: return block("|-")
      case .folded: return block(">-")
      case .plain: return "\(pad)text: \(text)"
      }
    }
  }
}
