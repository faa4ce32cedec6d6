/// Escaping for XML 1.0 and HTML, shared by the JUnit report, the SSML export and the
/// large-print handout.
///
/// It works on Unicode scalars, not on `Character`s: XML and HTML parsers read code points, while
/// a `Character` is a grapheme cluster that can hold a markup character together with a prepended
/// mark (U+0600 then `<`) or a combining mark (`"` then U+0301), and so equal none of them.
public enum XMLText {
  /// Escapes `text` for XML: markup characters, and quotes unless `quotes` is false (text
  /// content needs none); characters no export carries become U+FFFD (`Unrepresentable`), so
  /// the document is always well-formed.
  public static func escape(_ text: String, quotes: Bool = true) -> String {
    escape(text, quotes: quotes, apostrophe: "&apos;")
  }

  /// Escapes `text` for XML or HTML, writing `'` as `apostrophe` where quotes are escaped: XML
  /// writes `&apos;`; the handout writes `&#39;`, as it always has, so handouts stay as they are.
  public static func escape(_ text: String, quotes: Bool, apostrophe: String) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"" where quotes: escaped += "&quot;"
      case "'" where quotes: escaped += apostrophe
      default: escaped.unicodeScalars.append(Unrepresentable.contains(scalar) ? Unrepresentable.replacement : scalar)
      }
    }
    return escaped
  }
}

/// The characters no export carries, and what takes their place: the same in every format,
/// so a handout, a script and a report of one catalog agree.
///
/// They are the C0 controls other than tab, line feed and carriage return, DEL and the C1
/// controls (Unicode's general category Cc), and Unicode's 66 noncharacters (U+FDD0...U+FDEF
/// and the last two code points of every plane). XML 1.0 cannot hold the C0 controls,
/// U+FFFE or U+FFFF at all; HTML makes every one of them a parse error, which the Nu HTML
/// Checker reports; in plain text ESC, CSI (U+009B) and BEL drive a terminal, and a backspace
/// or form feed rewrites what it shows. (A lone surrogate cannot occur in a Swift string.)
/// Each becomes U+FFFD REPLACEMENT CHARACTER rather than vanishing, so the reader sees that
/// something was there and the text around it is not joined. Tab, line feed and carriage
/// return stay: they are white space in every format (XML and HTML read a carriage return as a
/// line feed, and text wrapping breaks the line there). Validation reports controls in a
/// catalog (`control-character`); this is the exports' own guard, for strings validation does
/// not see, such as a content file's arguments.
public enum Unrepresentable {
  public static let replacement: Unicode.Scalar = "\u{FFFD}"

  /// Whether `scalar` is one no export carries.
  public static func contains(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\t", "\n", "\r": false
    default: scalar.properties.generalCategory == .control || scalar.properties.isNoncharacterCodePoint
    }
  }

  /// `text` with every character no export carries replaced by U+FFFD.
  public static func replaced(in text: String) -> String {
    guard text.unicodeScalars.contains(where: contains) else { return text }
    return String(String.UnicodeScalarView(text.unicodeScalars.map { contains($0) ? replacement : $0 }))
  }
}
