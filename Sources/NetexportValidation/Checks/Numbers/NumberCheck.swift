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

/// The numbers of the source text must all be in the translation (`number-missing`), and
/// the translation should have no others (`number-added`).
///
/// Numbers are read from the text a reader sees, with grouping and decimal separators
/// removed and digits of any script read as their values (`TextChecks.numbers`), and
/// compared as multisets: "2 or 2" translated as "2" loses one.
struct NumberCheck: EntryCheck {
  func check(_ entry: EntryContext, _ findings: inout EntryFindings) {
    let sourceNumbers = entry.source.numbers
    let numbers = TextChecks.numbers(in: entry.literal)
    // The same numbers in the same order (most texts: none at all) lack none and add none.
    if numbers == sourceNumbers { return }
    let sourceCounts = Dictionary(sourceNumbers.map { ($0, 1) }, uniquingKeysWith: +)
    let counts = Dictionary(numbers.map { ($0, 1) }, uniquingKeysWith: +)
    let missing = Self.unique(sourceNumbers.filter { counts[$0, default: 0] < sourceCounts[$0, default: 0] })
    if !missing.isEmpty {
      findings.add(
        .numberMissing, at: entry.entry.textLocation,
        "'\(entry.key)' lacks the number\(missing.count == 1 ? "" : "s") \(TextChecks.list(missing)) of the source text \(TextChecks.quote(entry.sourceText)); a changed number can mislead a patient"
      )
    }
    let added = Self.unique(numbers.filter { counts[$0, default: 0] > sourceCounts[$0, default: 0] })
    if !added.isEmpty {
      findings.add(
        .numberAdded, at: entry.entry.textLocation,
        "'\(entry.key)' has the number\(added.count == 1 ? "" : "s") \(TextChecks.list(added)), which the source text does not have"
      )
    }
  }

  /// The items in their first order, each once.
  static func unique(_ items: [String]) -> [String] {
    var seen = Set<String>()
    return items.filter { seen.insert($0).inserted }
  }
}
