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
  /// What each source message holds, by the position of its entry in the source catalog
  /// (for a key there twice, the first entry's, as `sourceInfo` has it): the checks of every
  /// catalog find it by position rather than by hashing each key.
  let sourceMessages: [SourceMessage]
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
    var byPosition: [SourceMessage] = []
    byPosition.reserveCapacity(entries.count)
    for message in messages.values {
      if let first = info[message.entry.key] {
        byPosition.append(first)
      } else {
        info[message.entry.key] = message
        byPosition.append(message)
      }
    }
    sourceInfo = info
    sourceMessages = byPosition
    refsByKey = Dictionary(grouping: uses.refs, by: \.key)
  }

  // MARK: The order of the checks

  /// The checks of an entry of a target catalog, in the order they run. Completeness and
  /// staleness as the shared judge sees them come first (`CompletenessCheck.judge`); an
  /// entry without text gets no check that reads the text, and a text ICU cannot read no
  /// check that reads the message.
  static let targetChecks: [ScheduledCheck] = [
    .always(.recordedSource),
    .always(.noteChanged),
    .withText(.untranslated),
    .withText(.stateMissing),
    .withText(.apostrophe),
    .withText(.syntax),
    .withMessage(.dateSkeleton),
    .withMessage(.argument),
    .withMessage(.formatting),
    .withMessage(.pluralCategory),
    .withMessage(.pluralNumber),
    .withMessage(.hashOutsidePlural),
    .withMessage(.character),
    .withMessage(.languageMarkup),
    .withMessage(.whitespace),
    .withMessage(.doubledSpace),
    .withMessage(.quotedText),
    .withMessage(.bracket),
    .withMessage(.number),
    .withMessage(.url),
    .withMessage(.markup),
    .withMessage(.doNotTranslate),
    .withMessage(.glossaryTerm),
  ]

  /// The checks of an entry of the source catalog, in the order they run: the message, then
  /// the characters and spacing of every text (readable by ICU or not).
  static let sourceChecks: [ScheduledCheck] = [
    .always(.apostrophe),
    .always(.syntax),
    .withMessage(.dateSkeleton),
    .withMessage(.formatting),
    .withMessage(.pluralCategory),
    .always(.character),
    .always(.languageMarkup),
    .always(.doubledSpace),
    .always(.bracket),
    .always(.markup),
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
    let id: CheckID

    /// The check itself.
    var check: any EntryCheck { id.check }

    static func always(_ id: CheckID) -> Self { Self(requirement: .entry, id: id) }
    static func withText(_ id: CheckID) -> Self { Self(requirement: .text, id: id) }
    static func withMessage(_ id: CheckID) -> Self { Self(requirement: .message, id: id) }

    /// Whether the check runs for an entry with (or without) a text and a message ICU reads.
    func applies(hasText: Bool, hasMessage: Bool) -> Bool {
      switch requirement {
      case .entry: true
      case .text: hasText
      case .message: hasText && hasMessage
      }
    }
  }

  /// Each check of an entry, by name: the schedule holds these plain values and runs each
  /// check through a `switch`, called directly. A schedule of the checks themselves (`any
  /// EntryCheck`) copied each check out of the array and destroyed the copy, for every check
  /// of every entry (0.7 % of validation's instructions).
  enum CheckID: Sendable, CaseIterable {
    case recordedSource, noteChanged, untranslated, stateMissing, apostrophe, syntax, dateSkeleton, argument,
      formatting, pluralCategory, pluralNumber, hashOutsidePlural, character, languageMarkup, whitespace, doubledSpace,
      quotedText, bracket, number, url, markup, doNotTranslate, glossaryTerm

    /// The check.
    var check: any EntryCheck {
      switch self {
      case .recordedSource: RecordedSourceCheck()
      case .noteChanged: NoteChangedCheck()
      case .untranslated: UntranslatedCheck()
      case .stateMissing: StateMissingCheck()
      case .apostrophe: ApostropheCheck()
      case .syntax: SyntaxCheck()
      case .dateSkeleton: DateSkeletonCheck()
      case .argument: ArgumentCheck()
      case .formatting: FormattingCheck()
      case .pluralCategory: PluralCategoryCheck()
      case .pluralNumber: PluralNumberCheck()
      case .hashOutsidePlural: HashOutsidePluralCheck()
      case .character: CharacterCheck()
      case .languageMarkup: LanguageMarkupCheck()
      case .whitespace: WhitespaceCheck()
      case .doubledSpace: DoubledSpaceCheck()
      case .quotedText: QuotedTextCheck()
      case .bracket: BracketCheck()
      case .number: NumberCheck()
      case .url: URLCheck()
      case .markup: MarkupCheck()
      case .doNotTranslate: DoNotTranslateCheck()
      case .glossaryTerm: GlossaryTermCheck()
      }
    }

    /// Runs the check on an entry.
    func run(_ entry: EntryContext, _ findings: inout EntryFindings) {
      switch self {
      case .recordedSource: RecordedSourceCheck().check(entry, &findings)
      case .noteChanged: NoteChangedCheck().check(entry, &findings)
      case .untranslated: UntranslatedCheck().check(entry, &findings)
      case .stateMissing: StateMissingCheck().check(entry, &findings)
      case .apostrophe: ApostropheCheck().check(entry, &findings)
      case .syntax: SyntaxCheck().check(entry, &findings)
      case .dateSkeleton: DateSkeletonCheck().check(entry, &findings)
      case .argument: ArgumentCheck().check(entry, &findings)
      case .formatting: FormattingCheck().check(entry, &findings)
      case .pluralCategory: PluralCategoryCheck().check(entry, &findings)
      case .pluralNumber: PluralNumberCheck().check(entry, &findings)
      case .hashOutsidePlural: HashOutsidePluralCheck().check(entry, &findings)
      case .character: CharacterCheck().check(entry, &findings)
      case .languageMarkup: LanguageMarkupCheck().check(entry, &findings)
      case .whitespace: WhitespaceCheck().check(entry, &findings)
      case .doubledSpace: DoubledSpaceCheck().check(entry, &findings)
      case .quotedText: QuotedTextCheck().check(entry, &findings)
      case .bracket: BracketCheck().check(entry, &findings)
      case .number: NumberCheck().check(entry, &findings)
      case .url: URLCheck().check(entry, &findings)
      case .markup: MarkupCheck().check(entry, &findings)
      case .doNotTranslate: DoNotTranslateCheck().check(entry, &findings)
      case .glossaryTerm: GlossaryTermCheck().check(entry, &findings)
      }
    }
  }

  /// Runs the checks that apply to the entry, in order.
  private static func run(_ checks: [ScheduledCheck], on entry: EntryContext, into findings: inout EntryFindings) {
    // Worked out once, not once per check.
    let hasText = !entry.entry.text.isEmpty
    let hasMessage = entry.message != nil
    for scheduled in checks where scheduled.applies(hasText: hasText, hasMessage: hasMessage) {
      scheduled.id.run(entry, &findings)
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
    // Every source entry's message was worked out in `init`.
    for (entry, info) in zip(source.entries, sourceMessages) {
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
    // The positions of the catalog's entries whose key the source has: none of those is
    // obsolete (`ObsoleteKeyCheck`).
    var inSource = [Bool](repeating: false, count: catalog.entries.count)
    // By position: a `for in` over the entries would copy each source entry whole.
    let sourceEntries = source.entries
    for sourceIndex in sourceEntries.indices {
      let key = sourceEntries[sourceIndex].key
      let sourceText = sourceEntries[sourceIndex].text
      guard let position = catalog.position(of: key, guess: guess) else {
        if unreadableKeys.contains(key) { continue }
        findings += CompletenessCheck.judge(key: key, sourceText: sourceText, entry: nil, in: context)
        continue
      }
      guess = position + 1
      inSource[position] = true
      // The entry is copied once, as the judge takes it, then moved into its context, which
      // the checks read.
      let found: CatalogEntry? = catalog.entries[position]
      var entryFindings = EntryFindings(
        key: key, CompletenessCheck.judge(key: key, sourceText: sourceText, entry: found, in: context))
      let entryContext = EntryContext(
        catalog: context, entry: (consume found).unsafelyUnwrapped, source: sourceMessages[sourceIndex],
        isSourceEntry: false, sourceText: sourceText, sourceNote: sourceEntries[sourceIndex].note)
      Self.run(Self.targetChecks, on: entryContext, into: &entryFindings)
      findings += AllowCheck.apply(entryFindings.diagnostics, to: entryContext.entry)
    }
    findings += ObsoleteKeyCheck.findings(in: catalog, validator: self, inSource: inSource)
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
