import NetexportICU
import NetexportModel

/// What the validator knows about one source message: worked out once per run, on every
/// core, and shared by the checks of every locale. A class, so that the context of each
/// entry of each locale refers to it rather than copying (and releasing) its fields.
final class SourceMessage: Sendable {
  let entry: CatalogEntry
  let structure: MessageStructure?
  let numbers: [String]
  let urls: [String]
  let doNotTranslate: [String]
  let termKeys: [String]
  let unbalanced: String?
  let literalHashes: Int

  /// What the checks compare a translation with, read from the text a reader sees.
  init(_ entry: CatalogEntry, doNotTranslate: [String], terms: [SourceTerm]) {
    self.entry = entry
    let structure = try? MessageStructure(entry.text)
    self.structure = structure
    let literal = structure?.literalText ?? entry.text
    numbers = TextChecks.numbers(in: literal)
    urls = TextChecks.urls(in: literal)
    self.doNotTranslate = doNotTranslate.filter { TextChecks.contains($0, in: literal) }
    termKeys = SourceTerm.keys(usedBy: entry, literal: literal, among: terms)
    unbalanced = TextChecks.unbalanced(in: literal)
    literalHashes = TextChecks.hashSigns(in: literal)
  }
}

/// What the checks of one catalog share: worked out once per catalog. A class, so that the
/// context of each entry refers to it rather than copying it.
final class CatalogContext {
  let validator: Validator
  let catalog: Catalog
  let locale: LanguageTag
  /// Whether this is the source catalog itself (then no entry has a source to compare with).
  let isSource: Bool
  /// The locale's plural rules, opened on first use.
  let pluralRules: PluralRulesCache
  let rightToLeft: Bool
  let script: String?
  /// The locale's agreed forms of each glossary term, by the term's key, as written and as
  /// matched (`GlossaryTermCheck.agreedTerms`; none for the source catalog).
  let agreedTerms: [String: (written: [String], matchable: [MatchableText])]
  /// Whether the catalog is in the source's language (`en-GB` for English), where a text
  /// may be the same as the source's.
  let sameLanguage: Bool
  /// The keys of the catalog's `obsolete` entries.
  let obsoleteKeys: Set<String>
  /// In the source catalog, the keys of the messages the resolver could not read although
  /// `MessagePattern` reads them (`SourceFormatting`).
  let unformattable: Set<String>

  init(
    validator: Validator, catalog: Catalog, locale: LanguageTag, isSource: Bool,
    agreedTerms: [String: (written: [String], matchable: [MatchableText])] = [:], unformattable: Set<String> = []
  ) {
    self.validator = validator
    self.catalog = catalog
    self.locale = locale
    self.isSource = isSource
    pluralRules = PluralRulesCache(locale: locale)
    rightToLeft = locale.isRightToLeft
    script = locale.likelyScript
    self.agreedTerms = agreedTerms
    sameLanguage =
      locale.canonical.split(separator: "-").first == validator.sourceLocale.canonical.split(separator: "-").first
    obsoleteKeys = Set(catalog.obsolete.map(\.key))
    self.unformattable = unformattable
  }
}

/// One entry as every check sees it: worked out once per entry.
///
/// Of the source entry it holds only what checks read (its text and note), not a copy of
/// the whole entry: every field copied here is retained and released again for every entry
/// of every catalog.
struct EntryContext {
  let catalog: CatalogContext
  let entry: CatalogEntry
  /// Whether the entry is the source catalog's own, checked as such (then there is no
  /// source entry to compare it with).
  let isSourceEntry: Bool
  /// The current source text of the message.
  let sourceText: String
  /// The source entry's translator note; `nil` when the source catalog itself is checked.
  let sourceNote: String?
  /// What the validator knows about the source message.
  let source: SourceMessage
  /// The message as ICU reads it; `nil` when ICU cannot read it (then `syntaxError` says
  /// why) or when an apostrophe makes ICU read it otherwise than meant (`apostropheTraps`).
  let message: MessageStructure?
  let syntaxError: MessageSyntaxError?
  /// The UTF-16 offsets of apostrophes after a letter that ICU reads as the start of quoted
  /// text (`ApostropheCheck`): ICU's findings about such a message would mislead.
  let apostropheTraps: [Int]
  /// The text a reader sees (no ICU syntax), or the whole text when ICU cannot read it.
  let literal: String

  /// - Parameter sourceEntry: The source catalog's entry for the key; `nil` when the source
  ///   catalog itself is checked.
  init(catalog: CatalogContext, entry: CatalogEntry, sourceEntry: CatalogEntry?, source: SourceMessage) {
    self.init(
      catalog: catalog, entry: entry, source: source, isSourceEntry: sourceEntry == nil,
      sourceText: sourceEntry?.text ?? source.entry.text, sourceNote: sourceEntry?.note)
  }

  /// - Parameter entry: Taken, not copied: the caller's copy of the catalog's entry is the
  ///   one the context keeps.
  init(
    catalog: CatalogContext, entry: consuming CatalogEntry, source: SourceMessage, isSourceEntry: Bool,
    sourceText: String, sourceNote: String?
  ) {
    self.catalog = catalog
    self.entry = entry
    self.isSourceEntry = isSourceEntry
    self.sourceText = sourceText
    self.sourceNote = sourceNote
    self.source = source
    apostropheTraps = ApostropheCheck.traps(in: entry.text)
    if !apostropheTraps.isEmpty {
      message = nil
      syntaxError = nil
    } else {
      do {
        message = try MessageStructure(entry.text)
        syntaxError = nil
      } catch {
        message = nil
        syntaxError = error
      }
    }
    literal = message?.literalText ?? entry.text
  }

  var key: String { entry.key }

  /// Where the character at `utf16Offset` in the entry's text is in the file.
  func location(utf16Offset: Int) -> SourceLocation {
    catalog.catalog.location(in: entry, utf16Offset: utf16Offset)
  }
}

/// The findings of one entry, in the order the checks report them.
struct EntryFindings {
  let key: String
  private(set) var diagnostics: [Diagnostic]

  init(key: String, _ diagnostics: [Diagnostic] = []) {
    self.key = key
    self.diagnostics = diagnostics
  }

  /// Reports a finding about the entry, with the code's severity unless `severity` is given.
  mutating func add(
    _ code: FindingCode, at location: SourceLocation?, _ message: String, severity: Diagnostic.Severity? = nil
  ) {
    diagnostics.append(Diagnostic(severity, code: code, at: location, message, key: key))
  }

  /// Whether a check before reported an error with one of these codes.
  func hasError(_ codes: [FindingCode]) -> Bool {
    diagnostics.contains { finding in finding.severity == .error && codes.contains { finding.has($0) } }
  }
}

/// One check of an entry: reads the entry's context, reports what it finds.
///
/// Each check has a file of its own in `Checks/<family>/`, with its codes and messages; the validator
/// runs them in a fixed order (`Validator.targetChecks`, `Validator.sourceChecks`). Checks
/// of a whole catalog (`ObsoleteKeyCheck`, `GlossaryKeyCheck`) and the shared judge
/// (`CompletenessCheck`) are called by the validator directly.
protocol EntryCheck: Sendable {
  func check(_ entry: EntryContext, _ findings: inout EntryFindings)
}
