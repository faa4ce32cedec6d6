/// The narrator's script's contract: a line that starts with `[` starts a direction, which
/// ends with the line that ends with `]`; no other line, and no direction inside, has a
/// square bracket. Read in Unicode scalars: `[` followed by a combining mark is still a
/// bracket to a narrator.
enum ScriptCheck {
  static func check(_ script: String) throws(InvariantViolation) {
    var direction: String.UnicodeScalarView?
    for (number, line) in script.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      // A right-to-left script's lines start and end with a RIGHT-TO-LEFT MARK
      // (`TextWrapper.markingRightToLeft`); the narrator sees the bracket after it.
      var scalars = Substring(line).unicodeScalars[...]
      if scalars.first == "\u{200F}" { scalars = scalars.dropFirst() }
      if scalars.last == "\u{200F}" { scalars = scalars.dropLast() }
      if direction == nil, scalars.first == "[" { direction = String.UnicodeScalarView() }
      guard var current = direction else {
        try require(
          !scalars.contains("[") && !scalars.contains("]"),
          "audio-script line \(number + 1) is spoken but holds a bracket: \(String(line).debugDescription)")
        continue
      }
      current.append(contentsOf: scalars)
      if scalars.last == "]" {
        let inside = current.dropFirst().dropLast()
        try require(
          !inside.contains("[") && !inside.contains("]"),
          "audio-script direction ending on line \(number + 1) holds a bracket: \(String(current).debugDescription)")
        direction = nil
      } else {
        direction = current
      }
    }
    try require(direction == nil, "audio-script has a direction that never closes")
  }
}
