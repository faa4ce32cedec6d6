/// Texts quoted in messages to the user.
package enum Quoting {
  /// A text quoted for a message, on one line and at most `limit` characters long.
  package static func quote(_ text: String, limit: Int = 80) -> String {
    let flat = String(text.map { $0.isNewline ? " " : $0 })
    return "\"" + (flat.count > limit ? flat.prefix(limit - 1) + "…" : flat) + "\""
  }
}
