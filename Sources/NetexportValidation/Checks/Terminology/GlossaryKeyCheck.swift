public import NetexportModel

extension FindingCode {
  public static let glossaryUnknownKey = FindingCode(
    "glossary-unknown-key", .warning, "A glossary entry names no term or abbreviation of the document.",
    family: TerminologyFindings.family)
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
