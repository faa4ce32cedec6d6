/// Word-level differences between two texts, shown as `[-removed-]{+added+}` in the new
/// text (the notation of `git diff --word-diff`). Uses the standard library's
/// `CollectionDifference`. Words are separated by any whitespace; long stretches of unchanged
/// words are shortened to "…", keeping a few words of context around each change.
package enum WordDiff {
  /// How many unchanged words are kept on each side of a change.
  static let context = 4

  /// The new text with the changes marked, or `nil` when the words are the same (only
  /// spaces or line breaks changed).
  package static func describe(from old: String, to new: String) -> String? {
    let oldWords = old.split(whereSeparator: \.isWhitespace).map(String.init)
    let newWords = new.split(whereSeparator: \.isWhitespace).map(String.init)
    let difference = newWords.difference(from: oldWords)
    guard !difference.isEmpty else { return nil }
    var removedAt = Set<Int>()
    var inserted = Set<Int>()
    for change in difference {
      switch change {
      case .remove(let offset, _, _): removedAt.insert(offset)
      case .insert(let offset, _, _): inserted.insert(offset)
      }
    }
    // Walk both word lists in step: each piece is an unchanged word (kept) or a change.
    var pieces: [(text: String, kept: Bool)] = []
    var oldIndex = 0
    var newIndex = 0
    while oldIndex < oldWords.count || newIndex < newWords.count {
      var removed: [String] = []
      var added: [String] = []
      while oldIndex < oldWords.count, removedAt.contains(oldIndex) {
        removed.append(oldWords[oldIndex])
        oldIndex += 1
      }
      while newIndex < newWords.count, inserted.contains(newIndex) {
        added.append(newWords[newIndex])
        newIndex += 1
      }
      if !removed.isEmpty || !added.isEmpty {
        let minus = removed.isEmpty ? "" : "[-" + removed.joined(separator: " ") + "-]"
        let plus = added.isEmpty ? "" : "{+" + added.joined(separator: " ") + "+}"
        pieces.append((minus + plus, false))
        continue
      }
      if newIndex < newWords.count { pieces.append((newWords[newIndex], true)) }
      oldIndex += 1
      newIndex += 1
    }
    return shortened(pieces).joined(separator: " ")
  }

  /// Replaces unchanged words further than `context` words from any change by "…".
  private static func shortened(_ pieces: [(text: String, kept: Bool)]) -> [String] {
    let changes = pieces.indices.filter { !pieces[$0].kept }
    var output: [String] = []
    for (index, piece) in pieces.enumerated() {
      let near = changes.contains { abs($0 - index) <= context }
      if near || !piece.kept {
        output.append(piece.text)
      } else if output.last != "…" {
        output.append("…")
      }
    }
    return output
  }
}
