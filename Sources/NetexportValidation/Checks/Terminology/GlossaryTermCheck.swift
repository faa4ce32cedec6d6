public import NetexportModel

extension FindingCode {
  public static let glossaryTerm = FindingCode(
    "glossary-term", .warning,
    "The source uses a glossary term; the translation does not use the agreed term.",
    family: TerminologyFindings.family)
}

/// Where the source text uses a glossary term, the translation uses one of the locale's
/// agreed forms of it (`CatalogContext.agreedTerms`).
struct GlossaryTermCheck: EntryCheck {
  func check(_ entry: EntryContext, _ findings: inout EntryFindings) {
    // Most sources use no term.
    guard !entry.source.termKeys.isEmpty else { return }
    // Lowered only when an agreed form is not in the text as it is: a form found in the
    // text's own bytes is found in the lowered text too (`MatchableText.isIn(_:)`), and most
    // translations write the term in lower case, as the glossary has it.
    var lowered: MatchableText?
    for termKey in entry.source.termKeys {
      guard let agreed = entry.catalog.agreedTerms[termKey],
        !agreed.matchable.contains(where: { $0.isIn(entry.literal) })
      else { continue }
      let text = lowered ?? MatchableText(entry.literal)
      lowered = text
      guard !agreed.matchable.contains(where: text.contains) else { continue }
      let forms = agreed.written
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
  /// forms, as written and as matched (`matchable`, made once per catalog rather than once
  /// per text). Matched as substrings, ignoring case, so inflected endings and scripts
  /// without spaces between words work.
  static func agreedTerms(_ terms: [SourceTerm], in catalog: Catalog, glossary: [GlossaryEntry]) -> [String: (
    written: [String], matchable: [MatchableText]
  )] {
    // The first entry of each key, as a search from the start would find it: looked up once
    // per term rather than searched for.
    let glossaryForms = Dictionary(glossary.map { ($0.key, $0.forms) }, uniquingKeysWith: { first, _ in first })
    var agreed: [String: (written: [String], matchable: [MatchableText])] = [:]
    for term in terms {
      var forms = glossaryForms[term.glossaryKey] ?? []
      if let entry = catalog[term.key], !entry.text.isEmpty, entry.state != .new { forms.insert(entry.text, at: 0) }
      if !forms.isEmpty { agreed[term.key] = (forms, forms.map(MatchableText.init)) }
    }
    return agreed
  }
}
