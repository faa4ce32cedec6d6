/// What a catalog's messages are used for: each use with the values it formats, the keys of
/// the glossary terms and abbreviations among them, and the names translations must keep.
///
/// Validation checks a catalog against its uses: a document's catalog against the document,
/// the labels' catalog against the values exporters give the labels.
public struct MessageUses: Hashable, Sendable {
  /// Every use of a message, in reading order, with the values it formats there.
  public var refs: [TextRef]
  /// The glossary terms and abbreviations among the messages.
  public var terms: [TermUse]
  /// Names that stay as they are in every language.
  public var doNotTranslate: [String]

  /// A message that names a glossary term or an abbreviation.
  public struct TermUse: Hashable, Sendable {
    /// The message key of the term's name or the abbreviation.
    public var key: String
    /// Its entry in each locale's glossary: `term.<id>` or `abbr.<id>`.
    public var glossaryKey: String

    public init(key: String, glossaryKey: String) {
      self.key = key
      self.glossaryKey = glossaryKey
    }
  }

  public init(refs: [TextRef], terms: [TermUse] = [], doNotTranslate: [String] = []) {
    self.refs = refs
    self.terms = terms
    self.doNotTranslate = doNotTranslate
  }
}

extension Document {
  /// The uses of the document's own catalog: every text reference except the shared labels
  /// (`references.heading`), which live in the labels' catalog.
  public var uses: MessageUses {
    MessageUses(refs: textRefs.filter { !Labels.isLabel($0.key) }, terms: termUses, doNotTranslate: doNotTranslate)
  }

  /// The glossary terms and abbreviations among the document's messages (`uses.terms`).
  var termUses: [MessageUses.TermUse] {
    terms.map { MessageUses.TermUse(key: $0.name.key, glossaryKey: "term.\($0.id)") }
      + abbreviations.map { MessageUses.TermUse(key: $0.short.key, glossaryKey: "abbr.\($0.id)") }
  }

  /// The glossary entries the document's terms and abbreviations have in every locale:
  /// `term.<id>` and `abbr.<id>`, as in `uses.terms`. Made without the rest of `uses`: every
  /// glossary checked asks for them, and walking every text of every document for them was 1.6 %
  /// of a library's validation.
  public var glossaryKeys: [String] { termUses.map(\.glossaryKey) }
}

extension Labels {
  /// The uses of the labels' catalog: each label with the values exporters give it.
  public static var uses: MessageUses { MessageUses(refs: all.map(\.textRef)) }
}
