public import NetexportModel

extension FindingCode {
  public static let quotedText = FindingCode(
    "quoted-text", .warning, "The whole text is wrapped in quotation marks the source text does not have.",
    family: HygieneFindings.family)
}

/// A translation wrapped whole in quotation marks (`“Panoramica”`, `«Résumé»`, `„Überblick“`)
/// where the source text is not (`quoted-text`): usually an editor's smart quotes around
/// what was meant as YAML quoting, and the handout would print them.
struct QuotedTextCheck: EntryCheck {
  /// Opening marks with the closing marks that may end a quotation they open.
  static let pairs: [Character: Set<Character>] = [
    "“": ["”", "“"], "„": ["“", "”"], "«": ["»"], "»": ["«", "»"], "‘": ["’"], "‚": ["‘", "’"],
    "‹": ["›"], "›": ["‹"], "「": ["」"], "『": ["』"], "\"": ["\""], "＂": ["＂"],
  ]

  /// The scalars of the opening marks (each mark is one scalar).
  static let openingScalars: [UInt32] = pairs.keys.compactMap { $0.unicodeScalars.first?.value }

  func check(_ entry: EntryContext, _ findings: inout EntryFindings) {
    // Most texts start with a letter: nothing to look at. The first scalar settles it
    // without making a Character and hashing it (which normalizes it): a Character is white
    // space only when its first scalar is (`Character.isWhitespace`), and is an opening mark
    // only when it is that one scalar (no other scalar is canonically equivalent to one;
    // `EntryCheckShortcutTests` asks about every scalar).
    guard let first = TextChecks.firstScalar(of: entry.entry.text),
      TextChecks.isWhitespace(first) || Self.openingScalars.contains(first.value)
    else { return }
    guard let start = entry.entry.text.first, start.isWhitespace || Self.pairs[start] != nil else { return }
    let text = Self.trimmed(entry.entry.text)
    guard text.count >= 2, let first = text.first, let last = text.last, Self.pairs[first]?.contains(last) == true,
      // Quotation marks inside the text would make the ends two separate quotations.
      !text.dropFirst().dropLast().contains(where: { Self.pairs[$0] != nil || $0 == last })
    else { return }
    let source = Self.trimmed(entry.sourceText)
    guard let sourceFirst = source.first, Self.pairs[sourceFirst] == nil else { return }
    findings.add(
      .quotedText, at: entry.entry.textLocation,
      "'\(entry.key)' is wrapped in the quotation marks \(first)…\(last), which the source text does not have and the handout would print; remove them (the YAML quoting of a text is written with straight double quotes: text: \"...\")"
    )
  }

  /// The text without white space at its ends.
  static func trimmed(_ text: String) -> Substring {
    var slice = Substring(text)
    while slice.first?.isWhitespace == true { slice.removeFirst() }
    while slice.last?.isWhitespace == true { slice.removeLast() }
    return slice
  }
}
