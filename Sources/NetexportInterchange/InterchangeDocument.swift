import Foundation
public import NetexportModel

/// One catalog's messages for one locale, as they travel to a CAT tool and back: the neutral
/// form between a catalog and a PO or XLIFF file.
///
/// The format writers (`PO.write`, `XLIFF.write`) and parsers (`PO.parse`, `XLIFF.parse`) are
/// lossless for it: writing a document and parsing the text gives the same document back.
/// See `docs/cat-tools.md` for how each field is carried.
public struct InterchangeDocument: Hashable, Sendable {
  /// The language of `source` (BCP 47, e.g. `en`).
  public var sourceLocale: String
  /// The language of `target` (BCP 47, e.g. `pt-BR`).
  public var targetLocale: String
  /// The catalog file's name without extension: a document id (`neuroendocrine-tumors`) or
  /// `labels`. A file for another catalog is refused on import.
  public var catalog: String
  /// The messages, in catalog order.
  public var units: [InterchangeUnit]

  public init(sourceLocale: String, targetLocale: String, catalog: String, units: [InterchangeUnit]) {
    self.sourceLocale = sourceLocale
    self.targetLocale = targetLocale
    self.catalog = catalog
    self.units = units
  }
}

/// One message: its key, the current English, the translation and where it stands.
public struct InterchangeUnit: Hashable, Sendable {
  /// Where a translation stands. The raw values are the catalog's `state` values.
  ///
  /// The cases are in order of trust: a tool that loses a unit's state may move it down
  /// this list, never up (see `docs/cat-tools.md`).
  public enum State: String, Hashable, Sendable, CaseIterable, Comparable {
    /// Not translated yet (the target may hold a draft).
    case new
    /// The English changed since the translation was made, or a reviewer asked for another look.
    case needsReview = "needs-review"
    case translated
    /// Translated, and checked by a second person (Weblate's "approved").
    case reviewed

    public static func < (lhs: State, rhs: State) -> Bool {
      allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
  }

  /// The message key (`symptoms.general.lead-in`).
  public var key: String
  /// The current English, in ICU MessageFormat.
  public var source: String
  /// The translation in ICU MessageFormat; empty when there is none yet.
  public var target: String
  /// Context for the translator: where the text appears, length limits.
  public var note: String?
  /// The note the translation was made with, when the note has changed since (the catalog's
  /// `previous-note`): what the translator checks the translation against the new note for.
  public var previousNote: String?
  public var state: State
  /// The English the translation was made from, when it has changed since (meaningful for
  /// `needsReview`; a parser reports what the file holds).
  public var previousSource: String?
  /// Where the entry lives, for the translator's information
  /// (`Locales/es/neuroendocrine-tumors.yaml:42`).
  public var location: String?
  /// Remarks a translator or a tool added in the file (PO `# ` comments, XLIFF notes of
  /// no netexport category). netexport writes none of its own here; import reports them.
  public var comment: String?
  /// A digest of the catalog's translation when the file was written (`digest(key:text:)`):
  /// import refuses to replace a translation someone changed in the catalog since, which
  /// would otherwise be lost. Nil when the file has none (a tool dropped it).
  public var base: String?

  /// The digest `base` holds for the translation `text` of `key`.
  public static func digest(key: String, text: String) -> String {
    Fingerprint.of(key: key, source: "\u{0}base", target: text)
  }

  /// Whether `text` has the form of a digest: 16 lowercase hexadecimal digits.
  public static func isDigest<S: StringProtocol>(_ text: S) -> Bool {
    text.utf8.count == 16 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
  }

  public init(
    key: String, source: String, target: String = "", note: String? = nil, previousNote: String? = nil,
    state: State = .new, previousSource: String? = nil, location: String? = nil, comment: String? = nil,
    base: String? = nil
  ) {
    self.key = key
    self.source = source
    self.target = target
    self.note = note
    self.previousNote = previousNote
    self.state = state
    self.previousSource = previousSource
    self.location = location
    self.comment = comment
    self.base = base
  }
}

/// What a parser read from one PO or XLIFF file: the documents (a PO file holds one, an XLIFF
/// file one per `<file>` element), where each unit is, and warnings about what was ignored.
public struct InterchangeFile: Hashable, Sendable {
  /// A document with the places its parts were read from.
  public struct Located: Hashable, Sendable {
    public var document: InterchangeDocument
    /// The PO header entry, or the XLIFF `<file>` element: where a file for another catalog or
    /// locale is reported.
    public var location: SourceLocation
    /// Where each unit starts, in the order of `document.units`.
    public var unitLocations: [SourceLocation]

    public init(document: InterchangeDocument, location: SourceLocation, unitLocations: [SourceLocation]) {
      self.document = document
      self.location = location
      self.unitLocations = unitLocations
    }

    /// Where the unit with `key` starts, or the document's location when there is none.
    public func location(of key: String) -> SourceLocation {
      document.units.firstIndex { $0.key == key }.map { unitLocations[$0] } ?? location
    }

    /// Refuses a file made for another catalog or locale.
    ///
    /// Locales compare case-insensitively with `_` read as `-` (Poedit writes `pt_BR`).
    /// - Throws: `DiagnosticError` with `interchange-wrong-catalog` or `interchange-wrong-locale`
    ///   at the file's header.
    public func requireMatch(catalog: String, sourceLocale: String, targetLocale: String) throws {
      var problems: [Diagnostic] = []
      if document.catalog != catalog {
        problems.append(
          Diagnostic(
            code: InterchangeCode.wrongCatalog, at: location,
            "the file is for catalog '\(document.catalog)', not '\(catalog)'; import it into the catalog it was exported from"
          ))
      }
      for (role, found, expected) in [
        ("target", document.targetLocale, targetLocale), ("source", document.sourceLocale, sourceLocale),
      ] where !LocaleName.same(found, expected) {
        problems.append(
          Diagnostic(
            code: InterchangeCode.wrongLocale, at: location,
            "the file's \(role) language is '\(found)', not '\(expected)'; import it for the locale it was exported for"
          ))
      }
      if !problems.isEmpty { throw DiagnosticError(problems) }
    }
  }

  public var documents: [Located]
  /// Things read and deliberately not applied, such as obsolete PO entries (`#~`).
  public var warnings: [Diagnostic]

  public init(documents: [Located], warnings: [Diagnostic] = []) {
    self.documents = documents
    self.warnings = warnings
  }
}

/// Locale names as CAT tools write them.
enum LocaleName {
  /// Whether two tags name the same locale, reading gettext's `pt_BR` as `pt-BR`.
  static func same(_ lhs: String, _ rhs: String) -> Bool { bcp47(lhs).lowercased() == bcp47(rhs).lowercased() }

  /// `pt_BR` as `pt-BR`; other text unchanged.
  static func bcp47(_ name: String) -> String { name.replacingOccurrences(of: "_", with: "-") }

  /// The `Language` header value gettext tools and Poedit expect: `pt_BR`, `zh_Hans`.
  static func gettext(_ tag: String) -> String { tag.replacingOccurrences(of: "-", with: "_") }
}
