/// A locale's strings: every message of a document in one language.
///
/// Stored as `Locales/<BCP 47 tag>.yaml`; see `docs/catalog-format.md` for the format.
public struct Catalog: Hashable, Sendable {
  /// The locale as the file declares it.
  public var locale: String
  /// The file it was read from, as shown in messages.
  public var file: String
  /// The entries in file order.
  public var entries: [CatalogEntry]
  /// Entries whose key the source no longer has, kept by `netexport update` so that no
  /// translation is ever lost.
  public var obsolete: [CatalogEntry]
  /// The locale's agreed terms, by the catalog key of the term or abbreviation.
  public var glossary: [GlossaryEntry]
  /// Whether the catalog's translations were made by machine (`machine-translated: true`):
  /// a handout that uses any of them not yet `reviewed` by a person says so.
  public var machineTranslated: Bool
  /// Problems found while reading that did not stop the read (see `Catalog.parse`).
  public var problems: [Diagnostic]
  /// Where the `entries` field is, for findings about entries that are not there.
  public var entriesLocation: SourceLocation
  /// The file's text, to point at a character inside a message.
  public var text: String {
    didSet { lineStartsOfText = LineStarts(text) }
  }
  /// Where each line of `text` starts (UTF-8 offsets), found the first time a finding needs
  /// a line and column inside a message: most catalogs have no such finding, and finding every
  /// line of every catalog cost about as much as reading its text twice.
  var lineStarts: [Int] { lineStartsOfText.starts }
  var lineStartsOfText: LineStarts
  private var index: [String: Int]

  public init(
    locale: String, file: String, entries: [CatalogEntry], obsolete: [CatalogEntry] = [],
    glossary: [GlossaryEntry] = [], machineTranslated: Bool = false, problems: [Diagnostic] = [],
    entriesLocation: SourceLocation? = nil, text: String = ""
  ) {
    self.locale = locale
    self.file = file
    self.entries = entries
    self.obsolete = obsolete
    self.glossary = glossary
    self.machineTranslated = machineTranslated
    self.problems = problems
    self.entriesLocation = entriesLocation ?? SourceLocation(file: file)
    self.text = text
    self.lineStartsOfText = LineStarts(text)
    // By position, not `enumerated()`: that hands each whole entry over (a copy of its
    // dozen strings, and its release) to take its key.
    self.index = Dictionary(
      entries.indices.lazy.map { (entries[$0].key, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The entry for a message key.
  public subscript(key: String) -> CatalogEntry? { index[key].map { entries[$0] } }

  /// Where the entry for a message key is in `entries` (the first, when the key is there
  /// more than once), as the subscript finds it; `nil` when there is none.
  ///
  /// The entry at `guess` is looked at first: a target catalog lists its messages in the
  /// order of its source (`netexport update` writes them so), and comparing one key costs a
  /// fraction of hashing it to look it up. The guess is taken only when no key is there
  /// twice, so that the answer is always the index's.
  public func position(of key: String, guess: Int) -> Int? {
    if guess >= 0, guess < entries.count, index.count == entries.count, entries[guess].key == key {
      return guess
    }
    return index[key]
  }

  public var keys: [String] { entries.map(\.key) }

  /// The glossary entry for a term's or abbreviation's catalog key.
  public func glossaryEntry(_ key: String) -> GlossaryEntry? { glossary.first { $0.key == key } }
}

/// One message of a catalog.
public struct CatalogEntry: Hashable, Sendable {
  /// Where a translation stands.
  public enum State: String, Hashable, Sendable, CaseIterable {
    /// Not translated yet.
    case new
    case translated
    /// The English changed, or a reviewer asked for another look.
    case needsReview = "needs-review"
    /// Translated, and checked by a second person (Weblate's "approved"): the one state that
    /// counts as human-reviewed in a machine-translated catalog.
    case reviewed

    /// Whether a translation in this state may be used in a handout (with a current source).
    public var isDone: Bool { self == .translated || self == .reviewed }
  }

  /// How the text value is written in the YAML file, to map a position in the message to a
  /// line and column in the file.
  public enum Style: Hashable, Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded
  }

  public var key: String
  /// The message in ICU MessageFormat syntax.
  public var text: String
  /// Context for translators: where the string appears, limits.
  public var note: String?
  /// In a target catalog: the note the translation was made with, kept by `netexport
  /// update` when the source's note changed, so that the translator checks the translation
  /// against the new one.
  public var previousNote: String?
  /// In a target catalog: the current source text this entry translates.
  public var source: String?
  /// In a target catalog: the source text the translation was made from, kept by
  /// `netexport update` when the source changed so that the translator sees what changed.
  public var previousSource: String?
  /// In a target catalog: where the translation stands.
  public var state: State?
  /// Warning codes a translator checked and accepts for this entry (e.g. `untranslated`
  /// for a name that stays the same).
  public var allow: [String]
  /// Where the entry's key is in the file.
  public var location: SourceLocation
  /// Where the entry's text value starts in the file.
  public var textLocation: SourceLocation
  public var textStyle: Style

  public init(
    key: String, text: String, note: String? = nil, previousNote: String? = nil, source: String? = nil,
    previousSource: String? = nil, state: State? = nil, allow: [String] = [], location: SourceLocation,
    textLocation: SourceLocation? = nil,
    textStyle: Style = .doubleQuoted
  ) {
    self.key = key
    self.text = text
    self.note = note
    self.previousNote = previousNote
    self.source = source
    self.previousSource = previousSource
    self.state = state
    self.allow = allow
    self.location = location
    self.textLocation = textLocation ?? location
    self.textStyle = textStyle
  }
}

/// A locale's agreed wording of one glossary term or abbreviation.
public struct GlossaryEntry: Hashable, Sendable {
  /// The catalog key of the term's name or the abbreviation (`term.mutation`, `abbr.men1`).
  public var key: String
  /// Other forms of the term that count as using it in running text, such as plurals and
  /// inflections ("tumores neuroendocrinos" for "tumor neuroendocrino").
  public var forms: [String]
  /// How to say the term, for a human narrator: a respelling (stress in capitals, syllables
  /// split by hyphens, notes such as "three letters"), shown in the narrator script's
  /// pronunciation guide. Speech engines never see it.
  public var pronunciation: String?
  /// What a speech engine says for an abbreviation instead of its written form: plain words
  /// in the locale's own spelling ("nets", "dípnec"), given to engines as SSML's `sub alias`.
  public var spoken: String?
  /// Whether an abbreviation is said letter by letter (SSML's `say-as
  /// interpret-as="characters"` for each run of capital letters: "MEN one" is "M, E, N, one").
  public var letters: Bool
  /// Whether speech may replace an abbreviation by its expansion the first time it is used
  /// without one. `false` for one patients know by its short form (DNA): saying
  /// "deoxyribonucleic acid" would be harder to follow than the abbreviation.
  public var expand: Bool
  /// A plain-language definition, for translators and reviewers, of a term the document itself
  /// does not define.
  public var definition: String?
  /// How the locale uses the term or abbreviation, such as "the English abbreviation is kept,
  /// as is usual in Spanish medical texts".
  public var usage: String?
  public var location: SourceLocation
  /// Where each field's value starts, by field name (`spoken`, `letters`, ...), so that a
  /// finding can point at it.
  public var fieldLocations: [String: SourceLocation]

  public init(
    key: String, forms: [String] = [], pronunciation: String? = nil, spoken: String? = nil, letters: Bool = false,
    expand: Bool = true, definition: String? = nil, usage: String? = nil, location: SourceLocation,
    fieldLocations: [String: SourceLocation] = [:]
  ) {
    self.key = key
    self.forms = forms
    self.pronunciation = pronunciation
    self.spoken = spoken
    self.letters = letters
    self.expand = expand
    self.definition = definition
    self.usage = usage
    self.location = location
    self.fieldLocations = fieldLocations
  }
}
