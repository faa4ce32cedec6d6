import NetexportICU
import NetexportModel

extension MessageStructure.Argument {
  /// The style of a simple argument as written (`::yMMMMd` in `{d, date, ::yMMMMd}`), without
  /// the spaces ICU ignores around it (ASCII spaces, tabs, line breaks); a no-break space is
  /// kept, as ICU keeps it.
  var writtenStyle: String {
    let space: Set<Character> = [" ", "\t", "\n", "\r"]
    var slice = Substring(styleText)
    while let first = slice.first, space.contains(first) { slice.removeFirst() }
    while let last = slice.last, space.contains(last) { slice.removeLast() }
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
