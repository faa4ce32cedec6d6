import NetexportICU
public import NetexportModel

extension FindingCode {
  public static let pluralNumberMissing = FindingCode(
    "plural-number-missing", .error,
    "A plural branch does not show the number (#) where the source's branch shows it.",
    family: PluralFindings.family)
}

/// A plural or selectordinal branch of a translation that does not show the number (no `#`,
/// nor the argument itself, as `{count, spellout}`), where the source's branch for the same category (or its `other` branch, for a category
/// the source has none for) shows it: `other {risposte}` prints "risposte" for 7, 121 and 23
/// replies (`msgfmt -c` finds the same in a PO file).
///
/// A branch may say its number in words where it stands for one number only: an explicit
/// `=N` branch, or a category that matches a single number in the locale, as ICU's plural
/// rules give its samples (`one` is only 1 in Spanish and Italian, so `one {una risposta}` is
/// right; in French and Portuguese `one` is 0 and 1 too, and in Russian 1, 21, 31, ..., so
/// the number must show).
struct PluralNumberCheck: EntryCheck {
  func check(_ context: EntryContext, _ findings: inout EntryFindings) {
    guard let structure = context.message, let sourceStructure = context.source.structure else { return }
    let kinds: [MessageStructure.Argument.Kind] = [.plural, .selectordinal]
    guard structure.arguments.contains(where: { kinds.contains($0.kind) }) else { return }
    let sourceShows = Self.branchesShowingTheNumber(sourceStructure)
    var sourceArguments: [String: Int] = [:]
    for (index, argument) in sourceStructure.arguments.enumerated() where kinds.contains(argument.kind) {
      if sourceArguments[argument.name] == nil { sourceArguments[argument.name] = index }
    }
    let shows = Self.branchesShowingTheNumber(structure)
    let rules = context.catalog.pluralRules
    for (index, argument) in structure.arguments.enumerated() where kinds.contains(argument.kind) {
      guard let sourceIndex = sourceArguments[argument.name],
        sourceStructure.arguments[sourceIndex].kind == argument.kind
      else { continue }
      let sourceBranches = sourceStructure.arguments[sourceIndex].branches
      let type: PluralRules.RuleType = argument.kind == .plural ? .cardinal : .ordinal
      for (branchIndex, branch) in argument.branches.enumerated() {
        guard !branch.selector.hasPrefix("="), !shows.contains(Self.BranchID(argument: index, branch: branchIndex))
        else { continue }
        let sourceBranch =
          sourceBranches.firstIndex { $0.selector == branch.selector }
          ?? sourceBranches.firstIndex { $0.selector == "other" }
        guard let sourceBranch, sourceShows.contains(Self.BranchID(argument: sourceIndex, branch: sourceBranch))
        else { continue }
        let samples = rules.samples(branch.selector, type)
        guard Set(samples).count != 1 else { continue }
        var seen = Set<Double>()
        let integers = samples.filter { $0 == $0.rounded() && abs($0) < 1e15 && seen.insert($0).inserted }.prefix(3)
          .map { String(Int($0)) }
        let numbers = integers.isEmpty ? "" : " (\(integers.joined(separator: ", ")), ...)"
        findings.add(
          .pluralNumberMissing, at: context.location(utf16Offset: branch.selectorOffset),
          "'\(context.key)': the '\(branch.selector)' branch of the \(argument.kind.rawValue) {\(argument.name)} has no #, where the source's '\(sourceBranches[sourceBranch].selector)' branch shows the number, so every number of that category\(numbers) would get the same words and no number; write # where the number goes"
        )
      }
    }
  }

  /// A branch of a plural or selectordinal argument, by their indexes in the structure.
  struct BranchID: Hashable {
    var argument: Int
    var branch: Int
  }

  /// The branches that show their argument's number: with a `#`, which shows the number of
  /// the plural or selectordinal branch it is directly in (ICU prints one inside a nested
  /// `select` as it is, so `numberSignOffsets` does not list it), or with the argument itself (`{count, spellout, %spellout-cardinal-feminine}` says the
  /// number in words, `{count, number}` in digits).
  static func branchesShowingTheNumber(_ structure: MessageStructure) -> Set<BranchID> {
    let plurals = structure.arguments.enumerated().filter {
      $0.element.kind == .plural || $0.element.kind == .selectordinal
    }
    func innermost(around offset: Int, named name: String?) -> BranchID? {
      var found: (id: BranchID, length: Int)?
      for (index, argument) in plurals where name == nil || argument.name == name {
        for (branchIndex, branch) in argument.branches.enumerated() where branch.utf16Range.contains(offset) {
          if let current = found, current.length <= branch.utf16Range.count { continue }
          found = (BranchID(argument: index, branch: branchIndex), branch.utf16Range.count)
        }
      }
      return found?.id
    }
    var shows = Set<BranchID>()
    for offset in structure.numberSignOffsets {
      if let id = innermost(around: offset, named: nil) { shows.insert(id) }
    }
    for argument in structure.arguments where argument.kind == .simple || argument.kind == .none {
      if let id = innermost(around: argument.utf16Offset, named: argument.name) { shows.insert(id) }
    }
    return shows
  }
}
