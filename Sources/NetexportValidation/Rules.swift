public import NetexportModel

/// The rules `netexport validate` applies: one per finding code it can report, with the
/// code's severity and summary, derived from the families' registries.
///
/// Codes never change meaning: CI configurations, SARIF viewers and a catalog's `allow`
/// lists refer to them. `docs/validation.md` explains each one with an example.
public enum Rule {
  /// The registries of the findings `netexport validate` reports, in the order
  /// `docs/validation.md` lists them: the catalog file, then the checks.
  public static let registries: [any FindingRegistry.Type] = [
    CatalogFileFindings.self, CompletenessFindings.self, StalenessFindings.self, MessageFindings.self,
    ArgumentFindings.self, PluralFindings.self, HygieneFindings.self, NumberFindings.self, URLFindings.self,
    MarkupFindings.self, TerminologyFindings.self, AllowFindings.self,
  ]

  /// Every code `netexport validate` reports, grouped as `docs/validation.md` lists them
  /// (SARIF lists them in this order).
  public static let all: [FindingCode] = registries.flatMap { $0.codes }

  /// Every code netexport can print: the validation codes, then those of the errors that
  /// stop the other commands (the project, writing files, exports, readability, audio,
  /// Markdown import, PO and XLIFF files, migration).
  public static let everyCode: [FindingCode] = all + FindingCode.otherCommandRegistries.flatMap { $0.codes }

  private static let byCode = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

  /// The validation rule with this code; `nil` for a code `netexport validate` never
  /// reports (which an `allow` list therefore cannot name).
  public static func named(_ code: String) -> FindingCode? { byCode[code] }
}
