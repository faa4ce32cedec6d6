import NetexportICU
import NetexportModel

/// Date and time skeletons ICU cannot read, reported at the character it cannot read.
struct DateSkeletonCheck: EntryCheck {
  func check(_ entry: EntryContext, _ findings: inout EntryFindings) {
    for argument in entry.message?.arguments ?? [] {
      guard let (skeleton, utf16Offset, character) = argument.unreadableDateSkeleton else { continue }
      let type = argument.style.lowercased()
      let problem =
        character.map {
          "the \(type) skeleton \"\(skeleton)\", in which \(TextChecks.quote(String($0))) is not a date field letter ICU knows (ICU ignores it, and prints what the other letters mean)"
        } ?? "an empty \(type) skeleton, which prints nothing"
      findings.add(
        .messageSyntax, at: entry.location(utf16Offset: utf16Offset),
        "'\(entry.key)' formats {\(argument.name)} with \(problem); write only field letters after '::', such as ::yMMMMd (y year, MMMM month, d day, EEEE weekday)"
      )
    }
  }
}

extension MessageStructure.Argument {
  /// The style of a simple argument as written (`::yMMMMd` in `{d, date, ::yMMMMd}`), without
  /// the spaces ICU ignores around it (ASCII spaces, tabs, line breaks); a no-break space is
  /// kept, as ICU keeps it.
  var writtenStyle: String {
    // Compared one by one: a set of them, made at each call, cost more than the trimming.
    func isSpace(_ character: Character) -> Bool {
      character == " " || character == "\t" || character == "\n" || character == "\r"
    }
    var slice = Substring(styleText)
    while let first = slice.first, isSpace(first) { slice.removeFirst() }
    while let last = slice.last, isSpace(last) { slice.removeLast() }
    return String(slice)
  }

  /// For a date or time argument with a `::` skeleton that ICU cannot read, the skeleton, the
  /// UTF-16 offset in the pattern of its first unreadable character, and that character
  /// (`nil` for a skeleton with no field at all, whose offset is that of the `::`).
  var unreadableDateSkeleton: (skeleton: String, utf16Offset: Int, character: Character?)? {
    guard kind == .simple, ["date", "time"].contains(style.lowercased()), let range = styleUTF16Range
    else { return nil }
    let written = writtenStyle
    guard written.hasPrefix("::") else { return nil }
    let skeleton = String(written.dropFirst(2))
    guard let offset = Formatting.unreadableSkeletonOffset(in: skeleton) else { return nil }
    // The style as ICU reads it starts after the white space it trims (see writtenStyle).
    let leading = styleText.utf16.prefix { [9, 10, 13, 32].contains($0) }.count
    guard !skeleton.utf16.allSatisfy({ [9, 10, 13, 32].contains($0) }) else {
      return (skeleton, range.lowerBound + leading, nil)
    }
    let index = String.Index(utf16Offset: offset, in: skeleton)
    return (skeleton, range.lowerBound + leading + 2 + offset, skeleton[index])
  }
}
