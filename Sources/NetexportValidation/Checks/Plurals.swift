public import NetexportModel

/// Plural branches against the locale's CLDR plural rules, and the `#` that stands for
/// the number only inside them.
public enum PluralFindings: FindingRegistry {
  public static let family = FindingFamily("plurals", title: "Plurals")
  public static let codes: [FindingCode] = [.pluralCategoryMissing, .pluralCategoryUnused, .hashOutsidePlural]
}

extension FindingCode {
  public static let pluralCategoryMissing = FindingCode(
    "plural-category-missing", .error, "A plural lacks a category the locale's CLDR rules require.",
    family: PluralFindings.family)
  public static let pluralCategoryUnused = FindingCode(
    "plural-category-unused", .warning, "A plural has a category the locale never uses.",
    family: PluralFindings.family)
  public static let hashOutsidePlural = FindingCode(
    "hash-outside-plural", .warning, "A '#' outside a plural branch, which prints as '#'.",
    family: PluralFindings.family)
}
