/// Small text inspections the validator runs on every message. They read the text a reader
/// sees (`MessageStructure.literalText`), so ICU syntax never counts as text.
enum TextChecks {
  static let runSeparator: Character = "\u{1F}"

  /// Numbers in a text, with grouping and decimal separators removed and digits of any
  /// script read as their values ("1,000", "1.000", "١٠٠٠" all give "1000").
  static func numbers(in text: String) -> [String] {
    var numbers: [String] = []
    var current = ""
    var pendingSeparator = false
    for scalar in text.unicodeScalars {
      if scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue {
        current += String(Int(value))
        pendingSeparator = false
      } else if !current.isEmpty && !pendingSeparator && numberSeparators.contains(scalar) {
        pendingSeparator = true
      } else {
        if !current.isEmpty { numbers.append(current) }
        current = ""
        pendingSeparator = false
      }
    }
    if !current.isEmpty { numbers.append(current) }
    return numbers
  }

  private static let numberSeparators: Set<Unicode.Scalar> = [
    ".", ",", "'", "\u{A0}", "\u{202F}", "\u{2009}", "\u{66B}", "\u{66C}", "\u{2019}",
  ]

  /// Web addresses in a text, without trailing punctuation.
  static func urls(in text: String) -> [String] {
    var found: [String] = []
    for token in text.split(whereSeparator: { $0.isWhitespace || $0 == runSeparator || $0 == "<" || $0 == ">" }) {
      let lowered = token.lowercased()
      guard let start = ["https://", "http://", "www."].compactMap({ lowered.range(of: $0) }).first else {
        continue
      }
      var url = token[
        token.index(token.startIndex, offsetBy: lowered.distance(from: lowered.startIndex, to: start.lowerBound))...]
      while let last = url.last, ".,;:!?)]}»”\"'".contains(last) { url = url.dropLast() }
      if url.count > 4 { found.append(String(url)) }
    }
    return found
  }

  /// The first bracket or quotation mark without its partner, if any.
  static func unbalanced(in text: String) -> String? {
    let pairs: [Character: Character] = ["(": ")", "[": "]", "（": "）", "「": "」", "『": "』", "【": "】", "《": "》"]
    let closers = Dictionary(uniqueKeysWithValues: pairs.map { ($1, $0) })
    var stack: [Character] = []
    for character in text {
      if pairs[character] != nil {
        stack.append(character)
      } else if let opener = closers[character] {
        guard stack.last == opener else { return String(character) }
        stack.removeLast()
      }
    }
    if let open = stack.first { return String(open) }
    // Quotation marks: the same character may open in one language and close in another
    // (German „…“, English “…”), so only their number is checked.
    let straight = text.filter { $0 == "\"" }.count
    if straight % 2 == 1 { return "\"" }
    let curly = text.filter { "“”„‟".contains($0) }.count
    if curly % 2 == 1 { return "“" }
    if text.filter({ $0 == "«" }).count != text.filter({ $0 == "»" }).count { return "«" }
    return nil
  }

  static func leadingWhitespace(_ text: String) -> Substring {
    text.prefix { $0.isWhitespace }
  }

  static func trailingWhitespace(_ text: String) -> Substring {
    text.suffix(text.reversed().prefix { $0.isWhitespace }.count)
  }

  static func hasDoubledSpace(_ text: String) -> Bool {
    text.trimmingWhitespace().contains("  ")
  }

  static func hasLetters(_ text: String) -> Bool {
    text.unicodeScalars.contains { $0.properties.isAlphabetic }
  }

  /// `U+202E RIGHT-TO-LEFT OVERRIDE`.
  static func describe(_ scalar: Unicode.Scalar) -> String {
    let digits = String(scalar.value, radix: 16, uppercase: true)
    let code = "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    return scalar.properties.name.map { "\(code) \($0)" } ?? code
  }

  /// Quotes a text for a message, shortened to `limit` characters.
  static func quote(_ text: String, limit: Int = 80) -> String {
    let flat = text.replacingNewlines()
    return "\"" + (flat.count > limit ? flat.prefix(limit - 1) + "…" : flat) + "\""
  }
}

extension String {
  func trimmingWhitespace() -> Substring {
    let start = firstIndex { !$0.isWhitespace } ?? endIndex
    let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
    return self[start..<max(start, end)]
  }

  func replacingNewlines() -> String {
    String(map { $0.isNewline ? " " : $0 })
  }
}

/// Word-level differences between two texts, shown as `[-removed-]{+added+}` in the new
/// text (the notation of `git diff --word-diff`). Uses the standard library's
/// `CollectionDifference`.
enum WordDiff {
  static func describe(from old: String, to new: String) -> String {
    let oldWords = old.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    let newWords = new.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    let difference = newWords.difference(from: oldWords)
    var removedAt: [Int: [String]] = [:]
    var inserted = Set<Int>()
    for change in difference {
      switch change {
      case .remove(let offset, let word, _): removedAt[offset, default: []].append(word)
      case .insert(let offset, _, _): inserted.insert(offset)
      }
    }
    // Walk both word lists in step, printing kept words once, removed ones in [- -] and
    // added ones in {+ +}.
    var output: [String] = []
    var oldIndex = 0
    var newIndex = 0
    var removedRun: [String] = []
    var addedRun: [String] = []
    func flush() {
      if !removedRun.isEmpty { output.append("[-" + removedRun.joined(separator: " ") + "-]") }
      if !addedRun.isEmpty { output.append("{+" + addedRun.joined(separator: " ") + "+}") }
      removedRun = []
      addedRun = []
    }
    while oldIndex < oldWords.count || newIndex < newWords.count {
      if oldIndex < oldWords.count, removedAt[oldIndex] != nil {
        removedRun.append(oldWords[oldIndex])
        oldIndex += 1
      } else if newIndex < newWords.count, inserted.contains(newIndex) {
        addedRun.append(newWords[newIndex])
        newIndex += 1
      } else {
        flush()
        if newIndex < newWords.count { output.append(newWords[newIndex]) }
        oldIndex += 1
        newIndex += 1
      }
    }
    flush()
    return output.joined(separator: " ")
  }
}
