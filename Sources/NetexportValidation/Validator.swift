import Dispatch
public import NetexportICU
public import NetexportModel

/// Checks catalogs against the source catalog and what its messages are used for.
///
/// Built once per run from a source catalog and its uses (a document, or the labels), what
/// it learns about each source message is shared; then asked about each locale's catalog of
/// the same file; safe to use from several threads at once.
///
/// The checks live in `Checks/`, one file per check with its finding codes and messages, in a
/// folder per family. The validator works out once what the checks of an entry read
/// (`EntryContext`) and runs them in a fixed order (`targetChecks`, `sourceChecks`), so that
/// findings at the same place come out in the same order every run.
public struct Validator: Sendable {
  /// What the source catalog's messages are used for.
  public let uses: MessageUses
  public let source: Catalog
  /// The source locale's glossary (other forms of its terms).
  public let sourceGlossary: [GlossaryEntry]
  public let sourceLocale: LanguageTag
  /// What each source message holds, by key.
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
        messages[index] = SourceMessage(entries[index], doNotTranslate: doNotTranslate, terms: terms)
      }
    }
    var info: [String: SourceMessage] = [:]
    for message in messages.values where info[message.entry.key] == nil { info[message.entry.key] = message }
    sourceInfo = info
    refsByKey = Dictionary(grouping: uses.refs, by: \.key)
  }

  // MARK: The order of the checks

  /// The checks of an entry of a target catalog, in the order they run. Completeness and
  /// staleness as the shared judge sees them come first (`CompletenessCheck.judge`); an
  /// entry without text gets no check that reads the text, and a text ICU cannot read no
  /// check that reads the message.
  static let targetChecks: [ScheduledCheck] = [
    .always(RecordedSourceCheck()),
    .always(NoteChangedCheck()),
    .withText(UntranslatedCheck()),
    .withText(StateMissingCheck()),
    .withText(ApostropheCheck()),
    .withText(SyntaxCheck()),
    .withMessage(DateSkeletonCheck()),
    .withMessage(ArgumentCheck()),
    .withMessage(FormattingCheck()),
    .withMessage(PluralCategoryCheck()),
    .withMessage(PluralNumberCheck()),
    .withMessage(HashOutsidePluralCheck()),
    .withMessage(CharacterCheck()),
    .withMessage(LanguageMarkupCheck()),
    .withMessage(WhitespaceCheck()),
    .withMessage(DoubledSpaceCheck()),
    .withMessage(QuotedTextCheck()),
    .withMessage(BracketCheck()),
    .withMessage(NumberCheck()),
    .withMessage(URLCheck()),
    .withMessage(MarkupCheck()),
    .withMessage(DoNotTranslateCheck()),
    .withMessage(GlossaryTermCheck()),
  ]

  /// The checks of an entry of the source catalog, in the order they run: the message, then
  /// the characters and spacing of every text (readable by ICU or not).
  static let sourceChecks: [ScheduledCheck] = [
    .always(ApostropheCheck()),
    .always(SyntaxCheck()),
    .withMessage(DateSkeletonCheck()),
    .withMessage(FormattingCheck()),
    .withMessage(PluralCategoryCheck()),
    .always(CharacterCheck()),
    .always(LanguageMarkupCheck()),
    .always(DoubledSpaceCheck()),
    .always(BracketCheck()),
    .always(MarkupCheck()),
  ]

  /// A check with what an entry needs for it to run.
  struct ScheduledCheck: Sendable {
    enum Requirement: Sendable {
      /// Every entry.
      case entry
      /// An entry with a text.
      case text
      /// An entry with a text ICU can read.
      case message
    }

    let requirement: Requirement
    let check: any EntryCheck

    static func always(_ check: any EntryCheck) -> Self { Self(requirement: .entry, check: check) }
    static func withText(_ check: any EntryCheck) -> Self { Self(requirement: .text, check: check) }
    static func withMessage(_ check: any EntryCheck) -> Self { Self(requirement: .message, check: check) }

    /// Whether the check runs for an entry with (or without) a text and a message ICU reads.
    func applies(hasText: Bool, hasMessage: Bool) -> Bool {
      switch requirement {
      case .entry: true
      case .text: hasText
      case .message: hasText && hasMessage
      }
    }
  }

  /// Runs the checks that apply to the entry, in order.
  private static func run(_ checks: [ScheduledCheck], on entry: EntryContext, into findings: inout EntryFindings) {
    // Worked out once, not once per check.
    let hasText = !entry.entry.text.isEmpty
    let hasMessage = entry.message != nil
    // By index: a `for in` copies each check (an existential) out of the array and destroys
    // the copy, for every check of every entry.
    for index in checks.indices where checks[index].applies(hasText: hasText, hasMessage: hasMessage) {
      checks[index].check.check(entry, &findings)
    }
  }

  // MARK: The source catalog

  /// Checks the source catalog: every message in use is there and formats with the values
  /// given it, and every message is well formed.
  public func validateSource() -> [Diagnostic] {
    let formatting = SourceFormatting.check(self)
    var findings = source.problems + formatting.findings
    let context = CatalogContext(
      validator: self, catalog: source, locale: sourceLocale, isSource: true, unformattable: formatting.unformattable)
    for entry in source.entries {
      // Every source entry's message was worked out in `init`.
      guard let info = sourceInfo[entry.key] else { continue }
      var entryFindings = EntryFindings(key: entry.key)
      Self.run(
        Self.sourceChecks, on: EntryContext(catalog: context, entry: entry, sourceEntry: nil, source: info),
        into: &entryFindings)
      findings += AllowCheck.apply(entryFindings.diagnostics, to: entry)
    }
    findings += SpokenFormCheck.findings(source.glossary, language: Self.language(of: source))
    findings += GlossaryKeyCheck.findings(in: source, uses: uses)
    return Self.ordered(findings, locale: source.locale)
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
    // Where the next entry is expected: a target lists its messages in its source's order,
    // and comparing a key there costs less than hashing it (`Catalog.position(of:guess:)`).
    var guess = 0
    for sourceEntry in source.entries {
      let key = sourceEntry.key
      guard let info = sourceInfo[key] else { continue }
      let position = catalog.position(of: key, guess: guess)
      if let position { guess = position + 1 }
      let entry = position.map { catalog.entries[$0] }
      if entry == nil && unreadableKeys.contains(key) { continue }
      let completeness = CompletenessCheck.judge(sourceEntry, entry: entry, in: context)
      guard let entry else {
        findings += completeness
        continue
      }
      var entryFindings = EntryFindings(key: key, completeness)
      Self.run(
        Self.targetChecks, on: EntryContext(catalog: context, entry: entry, sourceEntry: sourceEntry, source: info),
        into: &entryFindings)
      findings += AllowCheck.apply(entryFindings.diagnostics, to: entry)
    }
    findings += ObsoleteKeyCheck.findings(in: catalog, validator: self)
    findings += SpokenFormCheck.findings(catalog.glossary, language: Self.language(of: catalog))
    findings += GlossaryKeyCheck.findings(in: catalog, uses: uses)
    return Self.ordered(findings, locale: locale.canonical)
  }

  /// The language of a catalog's glossary (`es` for `es-MX`), whose words the spoken-form
  /// check knows.
  static func language(of catalog: Catalog) -> String { LanguageTag(catalog.locale)?.language ?? catalog.locale }

  /// Keys of entries the loader left out, having reported why (an entry without text, a
  /// control character in its text): they are not reported as missing too.
  static func unreadableKeys(of catalog: Catalog) -> Set<String> {
    Set(catalog.problems.filter { $0.has(.invalidEntry) || $0.has(.controlCharacter) }.compactMap(\.key))
  }

  /// The findings for the catalog of `locale`, in file order; those without a line first.
  static func ordered(_ findings: [Diagnostic], locale: String) -> [Diagnostic] {
    findings.enumerated().sorted { lhs, rhs in
      let left = (lhs.element.location?.line ?? 0, lhs.element.location?.column ?? 0, lhs.offset)
      let right = (rhs.element.location?.line ?? 0, rhs.element.location?.column ?? 0, rhs.offset)
      return left < right
    }.map {
      var finding = $0.element
      finding.locale = locale
      return finding
    }
  }
}
