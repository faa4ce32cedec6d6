/// Escaping for text printed one finding per line, for people at a terminal and for tools
/// that read the lines (CI logs, which run a line starting with `::` as a workflow command).
///
/// Keys, file names and the texts a message quotes come from files anyone can write: printed
/// raw, an ESC starts a terminal control sequence, a BEL rings, a line break starts a new line
/// that CI may take for a command, and a bidirectional override reorders what follows it.
public enum PrintableText {
  /// `text` with every such character written visibly: `\n`, `\r` and `\t`, and `\u{1B}`
  /// (its code point in hex, as in Swift) for other C0 and C1 controls, DEL, the Unicode line
  /// and paragraph separators and the bidirectional embeddings, overrides and isolates.
  /// Everything else, other scripts and invisible joiners included, stays as it is.
  public static func escape(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count + 8)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n": escaped += "\\n"
      case "\r": escaped += "\\r"
      case "\t": escaped += "\\t"
      case _ where needsEscape(scalar): escaped += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }

  /// Whether `escape` writes the scalar as an escape.
  public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: true
    case 0x2028, 0x2029: true
    case 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }
}

extension Diagnostic {
  /// `description` safe to print on a line of its own (see `PrintableText`).
  public var printableDescription: String { PrintableText.escape(description) }
}
