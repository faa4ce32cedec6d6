/// The catalog file itself: what the reader reports before any message is checked (most of
/// these codes are reported for every YAML file netexport reads).
public enum CatalogFileFindings: FindingRegistry {
  public static let family = FindingFamily("catalog-file", title: "The catalog file")
  public static let codes: [FindingCode] = [
    .malformedYAML, .invalidUTF8, .duplicateKey, .unsupportedYAML, .unusualLineBreak, .mixedLineEndings,
    .invalidCatalog, .invalidLocale, .localeMismatch, .unknownField, .invalidKey, .invalidEntry, .invalidState,
    .controlCharacter, .textCutByComment, .unreadableCatalog, .unreadableFile, .unlistedLocale, .outsideProject,
  ]
}

extension FindingCode {
  public static let malformedYAML = FindingCode(
    "malformed-yaml", .error, "The file is not valid YAML.", family: CatalogFileFindings.family)
  public static let invalidUTF8 = FindingCode(
    "invalid-utf8", .error, "The file is not valid UTF-8.", family: CatalogFileFindings.family)
  public static let duplicateKey = FindingCode(
    "duplicate-key", .error, "A key appears twice in one mapping.", family: CatalogFileFindings.family)
  public static let unsupportedYAML = FindingCode(
    "unsupported-yaml", .error,
    "A YAML anchor, alias or tag, a key that is not text, or nesting over 64 levels, which catalogs do not use.",
    family: CatalogFileFindings.family)
  public static let unusualLineBreak = FindingCode(
    "unusual-line-break", .error,
    "A lone CR, NEL, LS or PS, which YAML reads as a line break and many editors do not.",
    family: CatalogFileFindings.family)
  public static let mixedLineEndings = FindingCode(
    "mixed-line-endings", .warning, "Lines end in both LF and CR LF.", family: CatalogFileFindings.family)
  public static let invalidCatalog = FindingCode(
    "invalid-catalog", .error, "The file does not have the shape of a catalog.", family: CatalogFileFindings.family)
  public static let invalidLocale = FindingCode(
    "invalid-locale", .error, "The locale is not a BCP 47 tag in ICU's canonical form.",
    family: CatalogFileFindings.family)
  public static let localeMismatch = FindingCode(
    "locale-mismatch", .error, "The 'locale' field does not match the file name.", family: CatalogFileFindings.family)
  public static let unknownField = FindingCode(
    "unknown-field", .error, "A field netexport does not know (often a misspelling).",
    family: CatalogFileFindings.family)
  public static let invalidKey = FindingCode(
    "invalid-key", .error, "A message key with characters keys may not have.", family: CatalogFileFindings.family)
  public static let invalidEntry = FindingCode(
    "invalid-entry", .error, "An entry without text, or with a field of the wrong shape.",
    family: CatalogFileFindings.family)
  public static let invalidState = FindingCode(
    "invalid-state", .error, "A state other than new, translated, needs-review or reviewed.",
    family: CatalogFileFindings.family)
  public static let controlCharacter = FindingCode(
    "control-character", .error, "A control character in a text.", family: CatalogFileFindings.family)
  public static let textCutByComment = FindingCode(
    "text-cut-by-comment", .error,
    "A text not in quotes is cut at ' #', which YAML reads as the start of a comment.",
    family: CatalogFileFindings.family)
  public static let unreadableCatalog = FindingCode(
    "unreadable-catalog", .error, "The catalog file cannot be read.", family: CatalogFileFindings.family)
  public static let unreadableFile = FindingCode(
    "unreadable-file", .error, "The catalog file cannot be opened (missing permission, a folder in its place).",
    family: CatalogFileFindings.family)
  public static let unlistedLocale = FindingCode(
    "unlisted-locale", .warning, "A folder in Locales/ that the manifest does not list (treated as a draft).",
    family: CatalogFileFindings.family)
  public static let outsideProject = FindingCode(
    "outside-project", .error, "The catalog is a symbolic link that leads outside the project folder.",
    family: CatalogFileFindings.family)
}
