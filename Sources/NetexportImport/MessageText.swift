/// Writes an author's literal text as an ICU MessageFormat pattern that formats back to
/// exactly that text.
///
/// Written by hand because ICU has no "quote this literal" function. The rules are ICU's
/// default apostrophe mode (`UMSGPAT_APOS_DOUBLE_OPTIONAL`): `''` is one apostrophe anywhere;
/// a single apostrophe starts quoted text only when a syntax character (`{`, `}`) follows it,
/// and is otherwise an apostrophe. At the top level of a message `#` and `|` are literal.
enum MessageText {
  /// The pattern for `text`: every run of braces, with the apostrophes touching it, is quoted
  /// as one `'…'` section (the apostrophes inside doubled); apostrophes next to another
  /// apostrophe are doubled; every other character, lone apostrophes included ("don't"),
  /// stays as it is, so that translators read the text they expect.
  ///
  /// Quoting a whole run matters: `'{''}'` would read `''` as an apostrophe inside one quoted
  /// section, so `{}` is written `'{}'`.
  static func pattern(forLiteral text: String) -> String {
    let characters = Array(text.unicodeScalars)
    var output = String.UnicodeScalarView()
    var index = 0
    while index < characters.count {
      let scalar = characters[index]
      guard scalar == "'" || scalar == "{" || scalar == "}" else {
        output.append(scalar)
        index += 1
        continue
      }
      // A maximal run of apostrophes and braces.
      var end = index
      while end < characters.count, ["'", "{", "}"].contains(characters[end]) { end += 1 }
      let run = characters[index..<end]
      if run.contains("{") || run.contains("}") {
        output.append("'")
        for character in run {
          if character == "'" { output.append(contentsOf: "''".unicodeScalars) } else { output.append(character) }
        }
        output.append("'")
      } else if run.count == 1 {
        output.append("'")
      } else {
        for _ in run { output.append(contentsOf: "''".unicodeScalars) }
      }
      index = end
    }
    return String(output)
  }
}
