public import NetexportModel

/// The finding codes of the PO and XLIFF readers and writers (see `docs/cat-tools.md`), by
/// their short names here; declared in the interchange family's registry, `InterchangeFindings`.
public enum InterchangeCode {
  /// The PO file breaks PO syntax (an unclosed string, an unknown escape, a keyword out of place).
  public static let malformedPO = FindingCode.malformedPO
  /// The file is not well-formed XML, or not shaped as XLIFF 2.0.
  public static let malformedXLIFF = FindingCode.malformedXLIFF
  /// The header lacks what netexport needs (its catalog, its languages, UTF-8).
  public static let header = FindingCode.interchangeHeader
  /// A PO plural entry (`msgid_plural`, `msgstr[n]`): netexport keeps plurals inside ICU text.
  public static let plural = FindingCode.interchangePlural
  /// A PO entry without `msgctxt`, which holds the message key.
  public static let missingKey = FindingCode.interchangeMissingKey
  /// Two units with one key, or two XLIFF `<file>` elements with one id.
  public static let duplicateKey = FindingCode.interchangeDuplicateKey
  /// An XLIFF inline element other than `<cp>` (a tool turned part of the text into a tag).
  public static let inlineCode = FindingCode.interchangeInlineCode
  /// The file is for another catalog.
  public static let wrongCatalog = FindingCode.interchangeWrongCatalog
  /// The file is for another source or target language.
  public static let wrongLocale = FindingCode.interchangeWrongLocale
  /// A warning: an obsolete PO entry (`#~`) was read and not applied.
  public static let obsolete = FindingCode.interchangeObsolete
  /// The writer met a text the format cannot carry (a NUL in PO, a control in an XML note).
  public static let unrepresentable = FindingCode.interchangeUnrepresentable
}
