public import NetexportModel

/// The one judge of whether a catalog entry can be used in a handout yet.
///
/// Validation, status, readability and export all ask it, so they cannot disagree: an entry
/// still marked `new` is `state-new` everywhere. In a target catalog, what keeps an entry
/// from being used is *pending* work (a translation not made, not reviewed, or made from
/// English that changed since), never a mistake; in the source catalog, a missing or empty
/// message is an error, since no locale can export the document without it.
public enum Usability {
  /// Where an entry of a catalog stands, as its progress counts it (`CatalogStatus`).
  public enum Standing: Sendable {
    /// Nothing keeps it from being used.
    case ready
    /// No text yet, or still marked `new` (`empty-text`, `state-new`; `missing-key` for no entry).
    case missing
    /// Marked `needs-review`.
    case needsReview
    /// Translated from a source text that has changed since (`stale-source` alone).
    case stale
  }

  /// Where an entry stands: the group of `problems(key:entry:...)`'s findings that counts it
  /// (`empty-text` or `state-new` before `needs-review`, before `stale-source`), found
  /// without writing the findings' messages, which a count does not show.
  ///
  /// - Parameters: as for `problems`; a missing entry is `missing`.
  public static func standing(of entry: CatalogEntry, sourceText: String?, isSource: Bool) -> Standing {
    if entry.text.isEmpty { return .missing }
    if isSource { return .ready }
    switch entry.state {
    case .new?: return .missing
    case .needsReview?: return .needsReview
    default: break
    }
    if let recorded = entry.source, let sourceText, recorded != sourceText { return .stale }
    return .ready
  }

  /// The finding codes that say an entry is not ready, in the order they are checked.
  public static let codes = [FindingCode.missingKey, .emptyText, .stateNew, .needsReview, .staleSource].map(\.code)

  /// What keeps the message `key` from being used; empty when it can be used.
  ///
  /// - Parameters:
  ///   - entry: The entry, or `nil` when the catalog has none.
  ///   - sourceText: The current source text of the message (`nil` when judging the source
  ///     catalog itself, or when the source has no such message).
  ///   - isSource: Whether `entry` is in the source locale's catalog.
  ///   - file: The catalog the entry belongs in, as shown in messages.
  ///   - entriesLocation: Where a missing entry would go (the catalog's `entries`).
  public static func problems(
    key: String, entry: CatalogEntry?, sourceText: String?, isSource: Bool, file: String,
    entriesLocation: SourceLocation? = nil
  ) -> [Diagnostic] {
    let severity: Diagnostic.Severity = isSource ? .error : .pending
    func finding(_ code: FindingCode, _ location: SourceLocation?, _ message: String) -> Diagnostic {
      Diagnostic(severity, code: code, at: location, message, key: key)
    }
    guard let entry else {
      let source = sourceText.map { " (source: \(Quoting.quote($0)))" } ?? ""
      return [
        finding(
          .missingKey, entriesLocation ?? SourceLocation(file: file),
          isSource
            ? "the catalog has no entry '\(key)', which the document uses; add it (netexport needs every message to export)"
            : "no entry '\(key)'\(source) yet; run 'netexport update' to add it")
      ]
    }
    var problems: [Diagnostic] = []
    if !isSource, let recorded = entry.source, let sourceText, recorded != sourceText {
      problems.append(
        finding(
          .staleSource, entry.location,
          "'\(key)' records a source text that is no longer current (\(change(from: recorded, to: sourceText))); run 'netexport update' to mark it for review"
        ))
    }
    if entry.text.isEmpty {
      let translate = sourceText.map { "translate \(Quoting.quote($0)), then set state: translated" } ?? "translate it"
      problems.append(
        finding(
          .emptyText, entry.textLocation,
          isSource ? "'\(key)' has no text; write it" : "'\(key)' has no text yet; \(translate)"))
      return problems
    }
    guard !isSource else { return problems }
    switch entry.state {
    case .new?:
      problems.append(
        finding(
          .stateNew, entry.location,
          "'\(key)' has a text but is still marked 'new'; when the translation is done, set state: translated"))
    case .needsReview?:
      let change = entry.previousSource.map { ": " + Self.change(from: $0, to: entry.source ?? sourceText ?? "") }
      let removal = entry.previousSource == nil ? "" : " and remove previous-source"
      problems.append(
        finding(
          .needsReview, entry.location,
          "'\(key)' needs review\(change ?? ""); check the translation against the source, then set state: translated\(removal)"
        ))
    default: break
    }
    return problems
  }

  /// What changed between two versions of a source text, for a message.
  public static func change(from old: String, to new: String) -> String {
    guard let diff = WordDiff.describe(from: old, to: new) else {
      return "only the spaces or line breaks of the source changed"
    }
    return "the source changed to \"\(diff)\""
  }

}
