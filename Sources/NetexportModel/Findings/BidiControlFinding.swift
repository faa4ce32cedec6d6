extension FindingFamily {
  /// Text hygiene (`HygieneFindings`, in NetexportValidation, lists its codes): declared
  /// here for the one code of the family that a lower target reports too.
  public static let hygiene = FindingFamily("hygiene", title: "Text hygiene")
}

extension FindingCode {
  /// Reported by validation (`CharacterCheck`) and by the Markdown import (`DraftBuilder`),
  /// which refuses the characters validation would refuse in the source catalog it writes.
  public static let bidiControl = FindingCode(
    "bidi-control", .error, "A bidirectional control character where it is not needed or not closed.",
    family: .hygiene)
}
