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
  private var index: [String: Int]

  public init(locale: String, file: String, entries: [CatalogEntry]) {
    self.locale = locale
    self.file = file
    self.entries = entries
    self.index = Dictionary(entries.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The entry for a message key.
  public subscript(key: String) -> CatalogEntry? { index[key].map { entries[$0] } }

  public var keys: [String] { entries.map(\.key) }
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
  }

  public var key: String
  /// The message in ICU MessageFormat syntax.
  public var text: String
  /// Context for translators: where the string appears, limits.
  public var note: String?
  /// In a target catalog: the source text this translation was made from.
  public var source: String?
  /// In a target catalog: where the translation stands.
  public var state: State?
  /// Where the entry's key is in the file.
  public var location: SourceLocation
  /// Where the entry's text value starts in the file.
  public var textLocation: SourceLocation

  public init(
    key: String, text: String, note: String? = nil, source: String? = nil, state: State? = nil,
    location: SourceLocation, textLocation: SourceLocation? = nil
  ) {
    self.key = key
    self.text = text
    self.note = note
    self.source = source
    self.state = state
    self.location = location
    self.textLocation = textLocation ?? location
  }
}
