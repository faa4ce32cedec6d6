/// Texts quoted in messages to the user.
package enum Quoting {
  /// A text quoted for a message, on one line and at most `limit` characters long.
  package static func quote(_ text: String, limit: Int = 80) -> String {
    // Most texts quoted hold no line break: their bytes tell, without making a Character of
    // each and a String of those (validation quotes the source text of every untranslated
    // entry); a text of at most `limit` bytes has at most `limit` Characters.
    let flat = mayHoldNewline(text) ? String(text.map { $0.isNewline ? " " : $0 }) : text
    if flat.utf8.count <= limit { return "\"" + flat + "\"" }
    return "\"" + (flat.count > limit ? flat.prefix(limit - 1) + "…" : flat) + "\""
  }

  /// Whether the text may hold a Character that is a line break (`Character.isNewline`): one
  /// of the bytes 0x0A-0x0D, or the UTF-8 of U+0085, U+2028 or U+2029 (read as bytes C2 and
  /// E2, each with what follows).
  static func mayHoldNewline(_ text: String) -> Bool {
    text.utf8.contains { (0x0A...0x0D).contains($0) || $0 == 0xC2 || $0 == 0xE2 }
  }
}
