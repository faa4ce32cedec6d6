public import NetexportModel

/// Every kind of finding `netexport validate` reports, with its stable code and severity.
///
/// Codes never change meaning: CI configurations, SARIF viewers and a catalog's `allow`
/// lists refer to them. `docs/validation.md` explains each one with an example.
public struct Rule: Hashable, Sendable {
  public var code: String
  public var severity: Diagnostic.Severity
  /// One line on what the rule checks, for SARIF and `--help`.
  public var summary: String

  public init(_ code: String, _ severity: Diagnostic.Severity, _ summary: String) {
    self.code = code
    self.severity = severity
    self.summary = summary
  }
}

extension Rule {
  /// All rules, grouped as `docs/validation.md` lists them.
  public static let all: [Rule] = [
    // The catalog file itself (reported by the loader).
    Rule("malformed-yaml", .error, "The file is not valid YAML."),
    Rule("invalid-utf8", .error, "The file is not valid UTF-8."),
    Rule("duplicate-key", .error, "A key appears twice in one mapping."),
    Rule(
      "unsupported-yaml", .error,
      "A YAML anchor, alias or tag, a key that is not text, or nesting over 64 levels, which catalogs do not use."),
    Rule(
      "unusual-line-break", .error,
      "A lone CR, NEL, LS or PS, which YAML reads as a line break and many editors do not."),
    Rule("mixed-line-endings", .warning, "Lines end in both LF and CR LF."),
    Rule("invalid-catalog", .error, "The file does not have the shape of a catalog."),
    Rule("invalid-locale", .error, "The locale is not a BCP 47 tag in ICU's canonical form."),
    Rule("locale-mismatch", .error, "The 'locale' field does not match the file name."),
    Rule("unknown-field", .error, "A field netexport does not know (often a misspelling)."),
    Rule("invalid-key", .error, "A message key with characters keys may not have."),
    Rule("invalid-entry", .error, "An entry without text, or with a field of the wrong shape."),
    Rule("invalid-state", .error, "A state other than new, translated or needs-review."),
    Rule("control-character", .error, "A control character in a text."),
    Rule("unreadable-catalog", .error, "The catalog file cannot be read."),
    Rule("unreadable-file", .error, "The catalog file cannot be opened (missing permission, a folder in its place)."),
    Rule("unlisted-locale", .warning, "A folder in Locales/ that the manifest does not list (treated as a draft)."),
    Rule("outside-project", .error, "The catalog is a symbolic link that leads outside the project folder."),
    // Completeness.
    // Pending in a target catalog (work not done yet: never a failure, except that a
    // shipped locale must be complete under --strict); errors in the source catalog.
    Rule("missing-catalog", .pending, "A locale has no catalog for a document yet."),
    Rule("missing-key", .pending, "The source has a message the catalog lacks."),
    Rule("obsolete-key", .warning, "The catalog has a message the source no longer has."),
    Rule("empty-text", .pending, "The message has no text yet."),
    Rule("state-new", .pending, "The entry is still marked new."),
    Rule("needs-review", .pending, "The entry is marked needs-review (the source changed)."),
    Rule("untranslated", .warning, "The text is the same as the source text (and not marked as kept in its language)."),
    // Staleness.
    Rule("stale-source", .pending, "The source text recorded in the entry differs from the current source."),
    Rule("missing-source", .warning, "The entry does not record the source text it translates."),
    // ICU MessageFormat.
    Rule("message-syntax", .error, "ICU cannot parse the message."),
    Rule("other-branch-missing", .error, "A plural, selectordinal or select has no 'other' branch."),
    Rule("message-arguments", .error, "The message uses a value the document does not give, or cannot format it."),
    Rule("argument-missing", .error, "An argument of the source message is missing from the translation."),
    Rule("argument-unknown", .error, "The translation uses an argument the source message does not have."),
    Rule("argument-type", .error, "An argument has another type than in the source message."),
    Rule(
      "argument-style", .warning, "A date or time argument is formatted with another style than in the source message."),
    Rule("plural-offset", .error, "A plural or selectordinal has another 'offset:' than in the source message."),
    Rule("plural-category-missing", .error, "A plural lacks a category the locale's CLDR rules require."),
    Rule("plural-category-unused", .warning, "A plural has a category the locale never uses."),
    Rule("hash-outside-plural", .warning, "A '#' outside a plural branch, which prints as '#'."),
    // Text hygiene.
    Rule("not-nfc", .warning, "The text is not in Unicode Normalization Form C."),
    Rule("bidi-control", .error, "A bidirectional control character where it is not needed or not closed."),
    Rule("invisible-character", .warning, "An invisible format character (zero-width space, BOM, ...)."),
    Rule("whitespace-mismatch", .warning, "Leading or trailing whitespace differs from the source."),
    Rule("doubled-space", .warning, "Two spaces in a row."),
    Rule("unbalanced-brackets", .warning, "A bracket or quotation mark without its partner."),
    Rule(
      "language-markup", .error,
      "A passage in another language (<lang-en>…</lang-en>) names no language ICU knows, not in canonical form, or is not closed."
    ),
    Rule("number-missing", .error, "A number of the source text is missing from the translation."),
    Rule("number-added", .warning, "The translation has a number the source text does not have."),
    Rule("url-changed", .error, "A web address of the source text is missing or altered."),
    Rule("url-added", .warning, "The translation has a web address the source text does not have."),
    // Terminology.
    Rule("glossary-term", .warning, "The source uses a glossary term; the translation does not use the agreed term."),
    Rule("do-not-translate", .error, "A do-not-translate item of the source is missing from the translation."),
    Rule("glossary-unknown-key", .warning, "A glossary entry names no term or abbreviation of the document."),
    Rule(
      "spoken-form", .error,
      "A glossary's spoken form has a bracket, quotation mark, colon, digit, instruction or word in capitals, or a speech field on a term."
    ),
    Rule("invalid-allow", .warning, "An 'allow' list names an unknown code or an error."),
  ]

  private static let byCode = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

  /// The rule with this code.
  public static func named(_ code: String) -> Rule? { byCode[code] }
}
