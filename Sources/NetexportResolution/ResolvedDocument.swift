public import NetexportICU
public import NetexportModel

/// A message of the document in one language, ready to show.
public struct ResolvedText: Hashable, Sendable, CustomStringConvertible {
  /// The catalog key it came from.
  public var key: String
  /// The formatted text, without inline markup: what readability scores and speech says.
  public var text: String
  /// The text in runs of one presentation (bold, a link), for exports that show them.
  public var runs: [TextRun]
  /// Where the message is in its catalog, so reports can point writers at it.
  public var location: SourceLocation?
  /// Set when the text is in another language than the document: a message taken from the
  /// source locale because its translation is not ready (`--allow-incomplete`). Exports
  /// mark such passages with their language.
  public var language: LanguageTag?

  public init(
    key: String, text: String, location: SourceLocation? = nil, language: LanguageTag? = nil, runs: [TextRun]? = nil
  ) {
    self.key = key
    self.text = text
    self.runs = runs ?? [TextRun(text)]
    self.location = location
    self.language = language
  }

  public var description: String { text }
}

/// The document in one locale: the content model's structure with every message formatted.
/// This is what readability scoring and every exporter take.
public struct ResolvedDocument: Hashable, Sendable {
  public var id: String
  public var locale: LanguageTag
  public var title: ResolvedText
  public var subtitle: ResolvedText?
  public var byline: ResolvedText
  public var reviewed: ResolvedText
  public var publisher: String
  public var sections: [Section]
  public var references: References
  /// Links to related topics, shown after the references (`NetexportModel.RelatedLinks`).
  public var related: [Related]
  public var terms: [Term]
  public var abbreviations: [Abbreviation]
  /// The catalog's other messages (labels such as the page counter), for exporters that
  /// format them with values known only at export time.
  public var messages: Messages
  /// The sentence saying that a machine made the translation and a person has not reviewed
  /// all of it (the label `export.machine-translation`), when that is so: exports place it
  /// where staff see it. `nil` for a translation made or reviewed by people, and the source.
  public var machineTranslationNotice: ResolvedText?

  public init(
    id: String, locale: LanguageTag, title: ResolvedText, subtitle: ResolvedText? = nil, byline: ResolvedText,
    reviewed: ResolvedText, publisher: String, sections: [Section], references: References, related: [Related] = [],
    terms: [Term] = [], abbreviations: [Abbreviation] = [], messages: Messages,
    machineTranslationNotice: ResolvedText? = nil
  ) {
    self.id = id
    self.locale = locale
    self.title = title
    self.subtitle = subtitle
    self.byline = byline
    self.reviewed = reviewed
    self.publisher = publisher
    self.sections = sections
    self.references = references
    self.related = related
    self.terms = terms
    self.abbreviations = abbreviations
    self.messages = messages
    self.machineTranslationNotice = machineTranslationNotice
  }

  public struct Section: Hashable, Sendable {
    public var id: String
    public var heading: ResolvedText
    public var blocks: [Block]

    public init(id: String, heading: ResolvedText, blocks: [Block]) {
      self.id = id
      self.heading = heading
      self.blocks = blocks
    }
  }

  public enum Block: Hashable, Sendable {
    case heading(ResolvedText)
    case paragraph(ResolvedText)
    case list(List)
    case callout(Callout)
  }

  public struct List: Hashable, Sendable {
    public var leadIn: ResolvedText?
    public var items: [Item]
    public var ordered: Bool
    /// What speech says before the list ("There are six types"), when the document gives it.
    public var announcement: ResolvedText?

    public init(leadIn: ResolvedText? = nil, items: [Item], ordered: Bool = false, announcement: ResolvedText? = nil) {
      self.leadIn = leadIn
      self.items = items
      self.ordered = ordered
      self.announcement = announcement
    }
  }

  public struct Item: Hashable, Sendable {
    public var text: ResolvedText
    public var detail: ResolvedText?

    public init(text: ResolvedText, detail: ResolvedText? = nil) {
      self.text = text
      self.detail = detail
    }
  }

  public struct Callout: Hashable, Sendable {
    public var title: ResolvedText?
    public var body: [ResolvedText]

    public init(title: ResolvedText? = nil, body: [ResolvedText]) {
      self.title = title
      self.body = body
    }
  }

  public struct References: Hashable, Sendable {
    public var heading: ResolvedText
    public var items: [ResolvedText]

    public init(heading: ResolvedText, items: [ResolvedText]) {
      self.heading = heading
      self.items = items
    }
  }

  /// A group of links to related topics under its heading.
  public struct Related: Hashable, Sendable {
    public var heading: ResolvedText
    public var items: [ResolvedText]

    public init(heading: ResolvedText, items: [ResolvedText]) {
      self.heading = heading
      self.items = items
    }
  }

  public struct Term: Hashable, Sendable {
    public var id: String
    public var name: ResolvedText
    public var definition: ResolvedText?

    public init(id: String, name: ResolvedText, definition: ResolvedText? = nil) {
      self.id = id
      self.name = name
      self.definition = definition
    }
  }

  public struct Abbreviation: Hashable, Sendable {
    public var id: String
    public var short: ResolvedText
    public var expansion: ResolvedText

    public init(id: String, short: ResolvedText, expansion: ResolvedText) {
      self.id = id
      self.short = short
      self.expansion = expansion
    }
  }
}

/// A locale's catalog messages, formatted on demand: the document's text while it is resolved,
/// and labels (such as the page counter) that exporters format with values known only then.
public struct Messages: Hashable, Sendable {
  public let locale: LanguageTag
  /// The locale's messages for the document (its catalog, then the labels).
  public let table: MessageTable
  /// The source locale's messages, to tell a translation made from English that has changed
  /// since; `nil` when `table` is the source's own.
  let source: MessageTable?
  /// Messages taken from the source locale instead (`--allow-incomplete`).
  let fallback: Resolver.Fallback?
  /// Whether messages are formatted as they are said aloud (numbers and dates in words).
  public let spoken: Bool

  public init(
    locale: LanguageTag, table: MessageTable, source: MessageTable? = nil, fallback: Resolver.Fallback? = nil,
    spoken: Bool = false
  ) {
    self.locale = locale
    self.table = table
    self.source = source
    self.fallback = fallback
    self.spoken = spoken
  }

  /// Whether the messages are the source locale's (whose entries have no translation state).
  public var isSource: Bool { source == nil }

  /// The locale's glossary: other forms of its terms, and how to say them.
  public var glossary: [GlossaryEntry] { table.glossary }

  /// Formats the message `key` with `arguments`.
  ///
  /// - Throws: `DiagnosticError` when the catalog has no such message or it does not format.
  public func format(_ key: String, _ arguments: [String: Argument] = [:]) throws -> ResolvedText {
    try format(TextRef(key, arguments: arguments))
  }

  /// Formats a text reference; a message in `fallback` comes from the source locale, marked
  /// with its language.
  func format(_ ref: TextRef) throws -> ResolvedText {
    if let fallback, fallback.keys.contains(ref.key) {
      var text = try Resolver.format(ref, in: fallback.table, locale: fallback.locale, spoken: spoken)
      text.language = fallback.locale
      return text
    }
    return try Resolver.format(ref, in: table, locale: locale, source: source, spoken: spoken)
  }
}
