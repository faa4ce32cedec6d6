public import NetexportModel

/// The numbers of the source text, kept in the translation: a changed number can mislead
/// a patient.
public enum NumberFindings: FindingRegistry {
  public static let family = FindingFamily("numbers", title: "Numbers")
  public static let codes: [FindingCode] = [.numberMissing, .numberAdded]
}

extension FindingCode {
  public static let numberMissing = FindingCode(
    "number-missing", .error, "A number of the source text is missing from the translation.",
    family: NumberFindings.family)
  public static let numberAdded = FindingCode(
    "number-added", .warning, "The translation has a number the source text does not have.",
    family: NumberFindings.family)
}
