/// The PO and XLIFF readers and writers (`catalog export` and `catalog import`, see
/// `docs/cat-tools.md`).
public enum InterchangeFindings: FindingRegistry {
  public static let family = FindingFamily("interchange", title: "PO and XLIFF files")
  public static let codes: [FindingCode] = [
    .malformedPO, .malformedXLIFF, .interchangeHeader, .interchangePlural, .interchangeMissingKey,
    .interchangeDuplicateKey, .interchangeInlineCode, .interchangeWrongCatalog, .interchangeWrongLocale,
    .interchangeObsolete, .interchangeUnrepresentable, .interchangeOutOfDate,
  ]
}

extension FindingCode {
  public static let malformedPO = FindingCode(
    "malformed-po", .error, "The PO file breaks PO syntax (an unclosed string, an unknown escape, ...).",
    family: InterchangeFindings.family)
  public static let malformedXLIFF = FindingCode(
    "malformed-xliff", .error, "The file is not well-formed XML, or not shaped as XLIFF 2.0.",
    family: InterchangeFindings.family)
  public static let interchangeHeader = FindingCode(
    "interchange-header", .error, "The header lacks what netexport needs (its catalog, its languages, UTF-8).",
    family: InterchangeFindings.family)
  public static let interchangePlural = FindingCode(
    "interchange-plural", .error, "A PO plural entry: netexport keeps plurals inside ICU text.",
    family: InterchangeFindings.family)
  public static let interchangeMissingKey = FindingCode(
    "interchange-missing-key", .error, "A PO entry without msgctxt, which holds the message key.",
    family: InterchangeFindings.family)
  public static let interchangeDuplicateKey = FindingCode(
    "interchange-duplicate-key", .error, "Two units with one key, or two XLIFF <file> elements with one id.",
    family: InterchangeFindings.family)
  public static let interchangeInlineCode = FindingCode(
    "interchange-inline-code", .error, "An XLIFF inline element other than <cp>.", family: InterchangeFindings.family)
  public static let interchangeWrongCatalog = FindingCode(
    "interchange-wrong-catalog", .error, "The file is for another catalog.", family: InterchangeFindings.family)
  public static let interchangeWrongLocale = FindingCode(
    "interchange-wrong-locale", .error, "The file is for another source or target language.",
    family: InterchangeFindings.family)
  public static let interchangeObsolete = FindingCode(
    "interchange-obsolete", .warning, "An obsolete PO entry (#~) was read and not applied.",
    family: InterchangeFindings.family)
  public static let interchangeUnrepresentable = FindingCode(
    "interchange-unrepresentable", .error, "A text the format cannot carry (a NUL in PO, a control in an XML note).",
    family: InterchangeFindings.family)
  public static let interchangeOutOfDate = FindingCode(
    "interchange-out-of-date", .error,
    "The catalog lacks messages of the English, or holds translations made from English that changed since.",
    family: InterchangeFindings.family)
}
