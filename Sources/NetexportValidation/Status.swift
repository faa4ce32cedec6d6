public import NetexportModel

/// How far a catalog's translation has come, counted over the source catalog's messages.
public struct CatalogStatus: Hashable, Sendable, Encodable {
  public var locale: String
  public var file: String
  public var total: Int
  /// Translated, checked against the current source text.
  public var translated: Int
  /// Marked `needs-review`.
  public var needsReview: Int
  /// Marked translated, but made from a source text that has changed since (run update).
  public var stale: Int
  /// Not there, empty, or still `new`.
  public var missing: Int

  /// Translated messages as a share of all, in percent, rounded down (100 only when done).
  public var percentComplete: Int { total == 0 ? 100 : translated * 100 / total }

  enum CodingKeys: String, CodingKey {
    case locale, file, total, translated, needsReview, stale, missing, percentComplete
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(locale, forKey: .locale)
    try container.encode(file, forKey: .file)
    try container.encode(total, forKey: .total)
    try container.encode(translated, forKey: .translated)
    try container.encode(needsReview, forKey: .needsReview)
    try container.encode(stale, forKey: .stale)
    try container.encode(missing, forKey: .missing)
    try container.encode(percentComplete, forKey: .percentComplete)
  }

  /// Counts a target catalog against the source catalog. Every source message falls in
  /// exactly one group.
  ///
  /// - Parameter locale: The locale the file is named for (what the table shows).
  public init(catalog: Catalog, source: Catalog, locale: String? = nil) {
    self.locale = locale ?? catalog.locale
    file = catalog.file
    total = source.entries.count
    translated = 0
    needsReview = 0
    stale = 0
    missing = 0
    for sourceEntry in source.entries {
      guard let entry = catalog[sourceEntry.key], !entry.text.isEmpty, entry.state != .new else {
        missing += 1
        continue
      }
      if entry.state == .needsReview {
        needsReview += 1
      } else if entry.source != sourceEntry.text {
        stale += 1
      } else {
        translated += 1
      }
    }
  }
}
