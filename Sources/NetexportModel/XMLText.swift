/// Escaping for XML 1.0, shared by the JUnit report and the SSML export.
public enum XMLText {
  /// Escapes markup characters, and quotes unless `quotes` is false (text content needs
  /// none); characters XML 1.0 cannot hold at all (C0 controls other than tab and line
  /// breaks, U+FFFE, U+FFFF) become U+FFFD, so the document is always well-formed.
  public static func escape(_ text: String, quotes: Bool = true) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"" where quotes: escaped += "&quot;"
      case "'" where quotes: escaped += "&apos;"
      case "\n", "\t", "\r": escaped.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) {
          escaped += "\u{FFFD}"
        } else {
          escaped.unicodeScalars.append(scalar)
        }
      }
    }
    return escaped
  }
}
