public import NetexportModel
import NetexportResolution

/// How far a catalog's translation has come, counted over the source catalog's messages.
public struct CatalogStatus: Hashable, Sendable, Encodable {
  public var locale: String
  public var file: String
  public var total: Int
  /// Translated, checked against the current source text (reviewed ones included).
  public var translated: Int
  /// Of `translated`, those marked `reviewed`: checked by a second person.
  public var reviewed: Int
  /// Whether the catalog says its translations were made by machine (`machine-translated`).
  public var machineTranslated: Bool
  /// Marked `needs-review`.
  public var needsReview: Int
  /// Marked translated, but made from a source text that has changed since (run update).
  public var stale: Int
  /// Not there, empty, or still `new`.
  public var missing: Int
  /// Translated from the current source text, but with a mistake `validate` reports as an
  /// error (ICU syntax, arguments, plurals, numbers, a name to keep): not usable until fixed.
  public var errors: Int = 0

  /// Translated messages as a share of all, in percent, rounded down (100 only when done).
  public var percentComplete: Int { total == 0 ? 100 : translated * 100 / total }

  /// Reviewed messages as a share of all, in percent, rounded down (100 only when every
  /// message is reviewed).
  public var percentReviewed: Int { total == 0 ? 100 : reviewed * 100 / total }

  enum CodingKeys: String, CodingKey {
    case locale, file, total, translated, reviewed, needsReview, stale, missing, errors, percentComplete
    case percentReviewed, machineTranslated
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(locale, forKey: .locale)
    try container.encode(file, forKey: .file)
    try container.encode(total, forKey: .total)
    try container.encode(translated, forKey: .translated)
    try container.encode(reviewed, forKey: .reviewed)
    try container.encode(needsReview, forKey: .needsReview)
    try container.encode(stale, forKey: .stale)
    try container.encode(missing, forKey: .missing)
    try container.encode(errors, forKey: .errors)
    try container.encode(percentComplete, forKey: .percentComplete)
    try container.encode(percentReviewed, forKey: .percentReviewed)
    try container.encode(machineTranslated, forKey: .machineTranslated)
  }

  /// Messages ready for export: translated and made from the current source text.
  public var ready: Int { translated }

  /// Counts a catalog against the source catalog, with the judge every command shares
  /// (`Usability`) and the errors validation found, as the export gate does: a message is
  /// ready only when nothing is pending on it and no error was found in it. Every source
  /// message falls in exactly one group.
  ///
  /// - Parameters:
  ///   - locale: The locale the file is named for (what the table shows).
  ///   - isSource: Whether `catalog` is the source catalog itself (all its messages count
  ///     as translated when they have text).
  ///   - errorKeys: The keys of the messages `validate` reports an error for.
  public init(
    catalog: Catalog, source: Catalog, locale: String? = nil, isSource: Bool = false, errorKeys: Set<String> = []
  ) {
    self.locale = locale ?? catalog.locale
    file = catalog.file
    total = source.entries.count
    translated = 0
    reviewed = 0
    machineTranslated = !isSource && catalog.machineTranslated
    needsReview = 0
    stale = 0
    missing = 0
    // Each entry is judged where it is (`Usability.standing`, the judge `problems` gives
    // findings for), not copied out of the catalog, and found by its position after the last
    // one found before it is looked up by key: a target lists its messages in its source's order.
    var guess = 0
    for index in source.entries.indices {
      let key = source.entries[index].key
      guard let position = catalog.position(of: key, guess: guess) else {
        missing += 1
        continue
      }
      guess = position + 1
      let standing = Usability.standing(
        of: catalog.entries[position], sourceText: isSource ? nil : source.entries[index].text, isSource: isSource)
      switch standing {
      case .ready:
        if !errorKeys.isEmpty && errorKeys.contains(key) {
          errors += 1
        } else {
          translated += 1
          if !isSource && catalog.entries[position].state == .reviewed { reviewed += 1 }
        }
      case .missing: missing += 1
      case .needsReview: needsReview += 1
      case .stale: stale += 1
      }
    }
  }

  /// A catalog that does not exist yet: every message of the source is missing.
  public init(missingFor source: Catalog, locale: String, file: String) {
    self.locale = locale
    self.file = file
    total = source.entries.count
    translated = 0
    reviewed = 0
    machineTranslated = false
    needsReview = 0
    stale = 0
    missing = total
  }

  /// A catalog that could not be read: nothing in it counts.
  public init(notReadable file: String, locale: String, total: Int = 0) {
    self.locale = locale
    self.file = file
    self.total = total
    translated = 0
    reviewed = 0
    machineTranslated = false
    needsReview = 0
    stale = 0
    missing = total
  }
}
