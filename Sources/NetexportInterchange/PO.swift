import NetexportModel

/// GNU gettext PO files: one message per unit, the key in `msgctxt`, the English in `msgid`,
/// the translation in `msgstr`.
///
/// ```
/// #. Title of the handout.
/// #: Locales/es/neuroendocrine-tumors.yaml:4
/// #, no-c-format, icu-message-format
/// msgctxt "document.title"
/// msgid "Neuroendocrine tumors"
/// msgstr "Tumores neuroendocrinos"
/// ```
///
/// States: an empty `msgstr` is new, `#, fuzzy` (with the old English in `#| msgid`) is
/// needs-review, any other translation is translated. gettext has no word for "reviewed",
/// and its tools drop flags they do not know, so the states PO cannot say travel as a
/// translator comment, `# netexport-state: reviewed 0123456789abcdef`, with a fingerprint of
/// the key and texts: when the texts change, or the comment is lost, the unit falls back to
/// what gettext itself says, which is never a higher state (see `docs/cat-tools.md`).
public enum PO {
  /// The translator comment that carries a state gettext cannot say.
  static let stateMark = "netexport-state:"
  /// What starts each `#.` line of the note a translation was made with, after the current
  /// note's lines: gettext has no field for an earlier note.
  static let previousNoteMark = "netexport-previous-note:"
  /// The translator comment that carries a unit's `base`: `# netexport-base: 0123456789abcdef`.
  static let baseMark = "netexport-base:"
  /// The flags every unit carries: the text is ICU MessageFormat (Weblate checks it), and not
  /// C format (so that tools do not guess `c-format` from a `%` in the text).
  static let formatFlags = ["no-c-format", "icu-message-format"]

  /// The header fields netexport reads back.
  enum HeaderField {
    static let catalog = "X-Netexport-Catalog"
    static let sourceLanguage = "X-Netexport-Source-Language"
    static let language = "Language"
    static let contentType = "Content-Type"
  }

  /// Which state mark, if any, a unit needs: the states whose gettext form (fuzzy flag and
  /// empty or filled `msgstr`) would be read back as another state.
  static func mark(for unit: InterchangeUnit) -> InterchangeUnit.State? {
    switch (unit.state, unit.target.isEmpty) {
    case (.new, true), (.needsReview, false), (.translated, false): nil
    case (.new, false), (.needsReview, true), (.translated, true), (.reviewed, _): unit.state
    }
  }

  /// The state of a unit read from a file: what gettext says (fuzzy, empty), refined by a
  /// state mark whose fingerprint matches. A mark never overrides `fuzzy` upwards, and a
  /// mark made for other texts is ignored.
  static func state(fuzzy: Bool, target: String, mark: InterchangeUnit.State?) -> InterchangeUnit.State {
    let base: InterchangeUnit.State = target.isEmpty ? .new : (fuzzy ? .needsReview : .translated)
    switch (mark, fuzzy, target.isEmpty) {
    case (.new?, true, false): return .new
    case (.needsReview?, _, true): return .needsReview
    case (.translated?, false, true): return .translated
    case (.reviewed?, false, _): return .reviewed
    default: return base
    }
  }
}
