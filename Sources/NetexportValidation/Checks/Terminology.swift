public import NetexportModel

/// Terminology: the glossary's agreed terms and the document's do-not-translate items.
public enum TerminologyFindings: FindingRegistry {
  public static let family = FindingFamily("terminology", title: "Terminology")
  public static let codes: [FindingCode] = [.glossaryTerm, .doNotTranslate, .glossaryUnknownKey]
}

extension FindingCode {
  public static let glossaryTerm = FindingCode(
    "glossary-term", .warning,
    "The source uses a glossary term; the translation does not use the agreed term.",
    family: TerminologyFindings.family)
  public static let doNotTranslate = FindingCode(
    "do-not-translate", .error, "A do-not-translate item of the source is missing from the translation.",
    family: TerminologyFindings.family)
  public static let glossaryUnknownKey = FindingCode(
    "glossary-unknown-key", .warning, "A glossary entry names no term or abbreviation of the document.",
    family: TerminologyFindings.family)
}

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

/// A do-not-translate item of the source text must be in the translation exactly.
struct DoNotTranslateCheck: EntryCheck {
  func check(_ entry: EntryContext, _ findings: inout EntryFindings) {
    for item in entry.source.doNotTranslate where !TextChecks.contains(item, in: entry.literal) {
      findings.add(
        .doNotTranslate, at: entry.entry.textLocation,
        "'\(entry.key)' must keep \"\(item)\" exactly as it is (it is on the document's do-not-translate list)")
    }
  }
}

/// Where the source text uses a glossary term, the translation uses one of the locale's
/// agreed forms of it (`CatalogContext.agreedTerms`).
struct GlossaryTermCheck: EntryCheck {
  func check(_ entry: EntryContext, _ findings: inout EntryFindings) {
    let lowered = Validator.matchable(entry.literal)
    for termKey in entry.source.termKeys {
      guard let forms = entry.catalog.agreedTerms[termKey],
        !forms.contains(where: { TextChecks.contains(Validator.matchable($0), in: lowered) })
      else { continue }
      let others = forms.dropFirst()
      let otherForms = others.isEmpty ? "" : " or its forms \(TextChecks.list(Array(others)))"
      let term = entry.catalog.validator.source[termKey]?.text ?? termKey
      findings.add(
        .glossaryTerm, at: entry.entry.textLocation,
        "'\(entry.key)' translates a text that uses the glossary term \(TextChecks.quote(term)), but not the agreed term \(TextChecks.quote(forms[0]))\(otherForms); use it, or add the form used here to glossary '\(termKey)' forms"
      )
    }
  }

  /// The locale's agreed forms of each term: the term's own translation, then the glossary's
  /// forms. Matched as substrings, ignoring case, so inflected endings and scripts without
  /// spaces between words work.
  static func agreedTerms(_ terms: [SourceTerm], in catalog: Catalog, glossary: [GlossaryEntry]) -> [String: [String]] {
    var agreed: [String: [String]] = [:]
    for term in terms {
      var forms = glossary.first { $0.key == term.glossaryKey }?.forms ?? []
      if let entry = catalog[term.key], !entry.text.isEmpty, entry.state != .new { forms.insert(entry.text, at: 0) }
      if !forms.isEmpty { agreed[term.key] = forms }
    }
    return agreed
  }
}

/// A glossary kept inside the catalog (one catalog per locale): its entries must name the
/// uses' terms. (A project's shared glossary file is checked against every document.)
enum GlossaryKeyCheck {
  static func findings(in catalog: Catalog, uses: MessageUses) -> [Diagnostic] {
    let known = Set(uses.terms.map(\.glossaryKey))
    return catalog.glossary.filter { !known.contains($0.key) }.map { entry in
      Diagnostic(
        code: .glossaryUnknownKey, at: entry.location,
        "glossary entry '\(entry.key)' names no term or abbreviation of the document (known: \(known.sorted().joined(separator: ", ")))",
        key: entry.key)
    }
  }
}

extension Validator {
  /// Text as terms are matched: lowercased, without invisible format characters (the
  /// isolates and marks right-to-left text may carry around a term).
  static func matchable(_ text: String) -> String {
    // ASCII has no format characters: most texts need only lowercasing.
    guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.lowercased() }
    var scalars = String.UnicodeScalarView()
    scalars.append(contentsOf: text.unicodeScalars.filter { $0.properties.generalCategory != .format })
    return String(scalars).lowercased()
  }

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
