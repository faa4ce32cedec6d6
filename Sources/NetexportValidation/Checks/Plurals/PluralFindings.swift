public import NetexportModel

/// Plural branches against the locale's CLDR plural rules, and the `#` that stands for
/// the number only inside them.
///
/// Each code is declared in the file of the check that reports it.
public enum PluralFindings: FindingRegistry {
  public static let family = FindingFamily("plurals", title: "Plurals")
  public static let codes: [FindingCode] = [
    .pluralCategoryMissing, .pluralCategoryUnused, .pluralNumberMissing, .hashOutsidePlural,
  ]
}
