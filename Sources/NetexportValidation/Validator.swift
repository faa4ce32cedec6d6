import Dispatch
public import NetexportICU
public import NetexportModel
import NetexportResolution

/// Checks catalogs against the source catalog and what its messages are used for.
///
/// Built once per run from a source catalog and its uses (a document, or the labels), what
/// it learns about each source message is shared; then asked about each locale's catalog of
/// the same file; safe to use from several threads at once.
public struct Validator: Sendable {
  /// What the source catalog's messages are used for.
  public let uses: MessageUses
  public let source: Catalog
  /// The source locale's glossary (other forms of its terms).
  public let sourceGlossary: [GlossaryEntry]
  public let sourceLocale: LanguageTag
  let sourceInfo: [String: SourceMessage]
  /// The uses of each message key, with the values it formats.
  let refsByKey: [String: [TextRef]]
  /// The document's glossary terms and abbreviations.
  let terms: [SourceTerm]

  /// A validator for a catalog holding every message of `document` (labels included), with
  /// its glossary inside: one catalog per locale, as fixtures and single-file tools have it.
  public init(document: Document, source: Catalog, sourceLocale: LanguageTag) {
    var uses = document.uses
    uses.refs = document.textRefs
    self.init(uses: uses, source: source, sourceGlossary: source.glossary, sourceLocale: sourceLocale)
  }

  /// - Parameters:
  ///   - uses: What the source catalog's messages are used for.
  ///   - source: The source catalog.
  ///   - sourceGlossary: The source locale's glossary.
  ///   - sourceLocale: The source locale.
  public init(uses: MessageUses, source: Catalog, sourceGlossary: [GlossaryEntry], sourceLocale: LanguageTag) {
    self.uses = uses
    self.source = source
    self.sourceGlossary = sourceGlossary
    self.sourceLocale = sourceLocale
    let terms = SourceTerm.terms(of: uses, in: source, glossary: sourceGlossary)
    self.terms = terms
    // What each source message holds is worked out once, on every core: a large source
    // catalog would otherwise keep one core busy while the others wait.
    let entries = source.entries
    let doNotTranslate = uses.doNotTranslate
    let messages = ResultSlots<SourceMessage>(count: entries.count)
    let chunk = 256
    DispatchQueue.concurrentPerform(iterations: (entries.count + chunk - 1) / chunk) { part in
      for index in (part * chunk)..<min(entries.count, (part + 1) * chunk) {
        let entry = entries[index]
        let structure = try? MessageStructure(entry.text)
        let literal = structure?.literalText ?? entry.text
        messages[index] = SourceMessage(
          entry: entry, structure: structure, numbers: TextChecks.numbers(in: literal),
          urls: TextChecks.urls(in: literal),
          doNotTranslate: doNotTranslate.filter { TextChecks.contains($0, in: literal) },
          termKeys: SourceTerm.keys(usedBy: entry, literal: literal, among: terms),
          unbalanced: TextChecks.unbalanced(in: literal), literalHashes: literal.filter { $0 == "#" }.count)
      }
    }
    var info: [String: SourceMessage] = [:]
    for message in messages.values where info[message.entry.key] == nil { info[message.entry.key] = message }
    sourceInfo = info
    refsByKey = Dictionary(grouping: uses.refs, by: \.key)
  }

  // MARK: The source catalog

  /// Checks the source catalog: every message in use is there and formats with the values
  /// given it, and every message is well formed.
  public func validateSource() -> [Diagnostic] {
    var findings = source.problems
    let resolved = SourceFormatting.check(self)
    findings += resolved.findings
    let context = CatalogContext(
      validator: self, catalog: source, locale: sourceLocale, isSource: true, unformattable: resolved.unformattable)
    for entry in source.entries {
      // Every source entry's message was worked out in `init`.
      guard let info = sourceInfo[entry.key] else { continue }
      let sourceContext = EntryContext(catalog: context, entry: entry, sourceEntry: nil, source: info)
      var entryFindings = EntryFindings(key: entry.key)
      SyntaxCheck().check(sourceContext, &entryFindings)
      if sourceContext.message != nil {
        DateSkeletonCheck().check(sourceContext, &entryFindings)
        FormattingCheck().check(sourceContext, &entryFindings)
        PluralCategoryCheck().check(sourceContext, &entryFindings)
      }
      CharacterCheck().check(sourceContext, &entryFindings)
      DoubledSpaceCheck().check(sourceContext, &entryFindings)
      BracketCheck().check(sourceContext, &entryFindings)
      findings += AllowCheck.apply(entryFindings.diagnostics, to: entry)
    }
    findings += GlossaryKeyCheck.findings(in: source, uses: uses)
    return Self.ordered(findings.map { withLocale($0, source.locale) })
  }

  // MARK: Target catalogs

  /// Checks a target catalog against the source catalog, with the glossary it holds.
  public func validate(_ catalog: Catalog, locale: LanguageTag) -> [Diagnostic] {
    validate(catalog, glossary: catalog.glossary, locale: locale)
  }

  /// Checks a target catalog against the source catalog.
  ///
  /// What keeps an entry from being used yet (not translated, waiting for review, made from
  /// English that changed) is *pending*, as the judge every command shares says
  /// (`Usability`); mistakes are errors and warnings.
  ///
  /// - Parameter glossary: The target locale's glossary.
  public func validate(_ catalog: Catalog, glossary: [GlossaryEntry], locale: LanguageTag) -> [Diagnostic] {
    var findings = catalog.problems
    let context = CatalogContext(
      validator: self, catalog: catalog, locale: locale, isSource: false,
      agreedTerms: GlossaryTermCheck.agreedTerms(terms, in: catalog, glossary: glossary))
    let unreadableKeys = Self.unreadableKeys(of: catalog)

    for sourceEntry in source.entries {
      let key = sourceEntry.key
      guard let info = sourceInfo[key] else { continue }
      let entry = catalog[key]
      if entry == nil && unreadableKeys.contains(key) { continue }
      // Completeness and staleness, as the judge sees them.
      let completeness = CompletenessCheck.judge(sourceEntry, entry: entry, in: context)
      guard let entry else {
        findings += completeness
        continue
      }
      let entryContext = EntryContext(catalog: context, entry: entry, sourceEntry: sourceEntry, source: info)
      var entryFindings = EntryFindings(key: key, completeness)
      defer { findings += AllowCheck.apply(entryFindings.diagnostics, to: entry) }
      RecordedSourceCheck().check(entryContext, &entryFindings)
      if entry.text.isEmpty { continue }
      UntranslatedCheck().check(entryContext, &entryFindings)

      // ICU MessageFormat.
      SyntaxCheck().check(entryContext, &entryFindings)
      guard entryContext.message != nil else { continue }
      DateSkeletonCheck().check(entryContext, &entryFindings)
      ArgumentCheck().check(entryContext, &entryFindings)
      FormattingCheck().check(entryContext, &entryFindings)
      PluralCategoryCheck().check(entryContext, &entryFindings)
      HashOutsidePluralCheck().check(entryContext, &entryFindings)

      // Text hygiene.
      CharacterCheck().check(entryContext, &entryFindings)
      WhitespaceCheck().check(entryContext, &entryFindings)
      DoubledSpaceCheck().check(entryContext, &entryFindings)
      BracketCheck().check(entryContext, &entryFindings)
      NumberCheck().check(entryContext, &entryFindings)
      URLCheck().check(entryContext, &entryFindings)

      // Terminology.
      DoNotTranslateCheck().check(entryContext, &entryFindings)
      GlossaryTermCheck().check(entryContext, &entryFindings)
    }

    findings += ObsoleteKeyCheck.findings(in: catalog, validator: self)
    findings += GlossaryKeyCheck.findings(in: catalog, uses: uses)
    return Self.ordered(findings.map { withLocale($0, locale.canonical) })
  }

  /// Keys of entries the loader left out, having reported why (an entry without text, a
  /// control character in its text): they are not reported as missing too.
  static func unreadableKeys(of catalog: Catalog) -> Set<String> {
    Set(catalog.problems.filter { $0.has(.invalidEntry) || $0.has(.controlCharacter) }.compactMap(\.key))
  }

  private func finding(
    _ code: FindingCode, _ location: SourceLocation?, _ message: String, key: String?,
    severity: Diagnostic.Severity? = nil
  ) -> Diagnostic {
    Diagnostic(severity, code: code, at: location, message, key: key)
  }

  private func withLocale(_ diagnostic: Diagnostic, _ locale: String) -> Diagnostic {
    var copy = diagnostic
    copy.locale = locale
    return copy
  }

  /// Findings in file order; those without a line first.
  static func ordered(_ findings: [Diagnostic]) -> [Diagnostic] {
    findings.enumerated().sorted { lhs, rhs in
      let left = (lhs.element.location?.line ?? 0, lhs.element.location?.column ?? 0, lhs.offset)
      let right = (rhs.element.location?.line ?? 0, rhs.element.location?.column ?? 0, rhs.offset)
      return left < right
    }.map(\.element)
  }
}
