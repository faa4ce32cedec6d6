public import NetexportModel

/// One message of the source catalog an import makes: its key, its text in ICU
/// MessageFormat, and the note that tells translators where it appears.
public struct SourceMessage: Hashable, Sendable {
  public var key: String
  public var text: String
  public var note: String?

  public init(key: String, text: String, note: String? = nil) {
    self.key = key
    self.text = text
    self.note = note
  }
}

/// What a Markdown file becomes: a content model, its source messages and what the author
/// should know about the conversion.
public struct ImportedDocument: Hashable, Sendable {
  /// The content model; every text reference's key has a message in `messages`, except the
  /// shared label `references.heading` (see `MarkdownImporter.sharedLabelKeys`).
  public var document: Document
  /// The source messages in reading order, each key once.
  public var messages: [SourceMessage]
  /// Conversions the author should know about (italics shown in bold, a line break turned
  /// into a space, a link title not shown), each with the file:line:column it is about.
  public var warnings: [Diagnostic]
  /// The Markdown file, as named in messages.
  public var file: String

  public init(document: Document, messages: [SourceMessage], warnings: [Diagnostic] = [], file: String) {
    self.document = document
    self.messages = messages
    self.warnings = warnings
    self.file = file
  }

  /// The message text for each key.
  public var texts: [String: String] {
    Dictionary(messages.map { ($0.key, $0.text) }, uniquingKeysWith: { first, _ in first })
  }
}

/// The import a re-import is matched against: the content model the last import wrote and
/// the source-locale text of each of its keys (from the document's source catalog).
public struct PreviousImport: Hashable, Sendable {
  public var document: Document
  /// Source text by key. A key the document uses without a text here (a shared label) is
  /// not matched.
  public var texts: [String: String]

  public init(document: Document, texts: [String: String]) {
    self.document = document
    self.texts = texts
  }

  public init(_ imported: ImportedDocument) {
    self.init(document: imported.document, texts: imported.texts)
  }
}

/// What a re-import did to the keys of the previous import.
public struct ReimportReport: Hashable, Sendable {
  /// A message whose key was kept while its text changed: `update` marks it needs-review
  /// in every locale.
  public struct Edit: Hashable, Sendable {
    public var key: String
    public var oldText: String
    public var newText: String

    public init(key: String, oldText: String, newText: String) {
      self.key = key
      self.oldText = oldText
      self.newText = newText
    }
  }

  /// A message of the previous import that the new one no longer has; `update` moves its
  /// translations to `obsolete`.
  public struct Removal: Hashable, Sendable {
    public var key: String
    public var text: String

    public init(key: String, text: String) {
      self.key = key
      self.text = text
    }
  }

  /// Keys whose text is the same as before, in the new reading order.
  public var unchanged: [String]
  /// Keys kept with new text, in the new reading order.
  public var edited: [Edit]
  /// New messages with keys never used before, in the new reading order.
  public var added: [SourceMessage]
  /// Messages of the previous import that are gone, in the previous reading order.
  public var removed: [Removal]

  public init(unchanged: [String] = [], edited: [Edit] = [], added: [SourceMessage] = [], removed: [Removal] = []) {
    self.unchanged = unchanged
    self.edited = edited
    self.added = added
    self.removed = removed
  }
}
