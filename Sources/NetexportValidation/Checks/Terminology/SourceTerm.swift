import NetexportModel

/// A glossary term or abbreviation of the document, as the source catalog has it.
struct SourceTerm: Sendable {
  /// The catalog key of the term's own message (`term.metastasize`).
  let key: String
  /// The key of its glossary entry.
  let glossaryKey: String
  /// The source forms that show the term is used: its text, then the glossary's other forms
  /// (lowercased).
  let forms: [String]

  /// The terms of `uses` that have a text in the source catalog.
  static func terms(of uses: MessageUses, in source: Catalog, glossary: [GlossaryEntry]) -> [SourceTerm] {
    uses.terms.compactMap { term in
      guard let entry = source[term.key], !entry.text.isEmpty else { return nil }
      let forms = [entry.text] + (glossary.first { $0.key == term.glossaryKey }?.forms ?? [])
      return SourceTerm(key: term.key, glossaryKey: term.glossaryKey, forms: forms.map { $0.lowercased() })
    }
  }

  /// The keys of the terms a source message uses, each as a whole word (other than the
  /// message of the term itself).
  static func keys(usedBy entry: CatalogEntry, literal: String, among terms: [SourceTerm]) -> [String] {
    let lowered = literal.lowercased()
    return terms.filter { term in
      term.key != entry.key && term.forms.contains { Validator.containsWord($0, in: lowered) }
    }.map(\.key)
  }
}

extension Validator {
  /// Text as terms are matched: lowercased, without invisible format characters (the
  /// isolates and marks right-to-left text may carry around a term); `MatchableText`.
  static func matchable(_ text: String) -> String { MatchableText(text).string }

  /// Whether `word` occurs in `text` as a whole word (both lowercased).
  static func containsWord(_ word: String, in text: String) -> Bool {
    guard !word.isEmpty else { return false }
    let wordLength = word.utf8.count
    var from = 0
    while let offset = TextChecks.firstOffset(of: word, in: text, from: from) {
      // UTF-8 is self-synchronizing: a match of whole scalars starts and ends on scalar
      // boundaries, so the neighbours can be read as scalars.
      let utf8 = text.utf8
      let start = utf8.index(utf8.startIndex, offsetBy: offset)
      let end = utf8.index(start, offsetBy: wordLength)
      let scalars = text.unicodeScalars
      let before = start == scalars.startIndex ? nil : scalars[scalars.index(before: start)]
      let after = end == scalars.endIndex ? nil : scalars[end]
      if !isWordScalar(before) && !isWordScalar(after) { return true }
      from = offset + 1
    }
    return false
  }

  private static func isWordScalar(_ scalar: Unicode.Scalar?) -> Bool {
    guard let scalar else { return false }
    if scalar.isASCII {
      let value = scalar.value
      return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
    }
    return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }
}
