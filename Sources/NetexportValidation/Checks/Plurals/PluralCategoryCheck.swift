import NetexportICU
public import NetexportModel

extension FindingCode {
  public static let pluralCategoryMissing = FindingCode(
    "plural-category-missing", .error, "A plural lacks a category the locale's CLDR rules require.",
    family: PluralFindings.family)
  public static let pluralCategoryUnused = FindingCode(
    "plural-category-unused", .warning, "A plural has a category the locale never uses.",
    family: PluralFindings.family)
}

/// Plural and selectordinal branches against the locale's CLDR categories.
///
/// A missing category is an error, except one that holds only numbers of a million or more
/// (`many` in Spanish, French, Italian and Portuguese: "1 000 000 de réponses"): ICU then
/// uses `other`, whose wording is at worst slightly off for exact millions, so it is a
/// warning. A category that explicit `=N` branches cover entirely (Arabic `zero` by `=0`)
/// needs no branch of its own.
struct PluralCategoryCheck: EntryCheck {
  func check(_ context: EntryContext, _ findings: inout EntryFindings) {
    guard let structure = context.message else { return }
    let entry = context.entry
    let rules = context.catalog.pluralRules
    let locale = context.catalog.catalog.locale
    for argument in structure.arguments where argument.kind == .plural || argument.kind == .selectordinal {
      let type: PluralRules.RuleType = argument.kind == .plural ? .cardinal : .ordinal
      guard let required = rules.categories(type) else { continue }
      // Found only when there is something to report: most plurals are fine.
      var cachedLocation: SourceLocation?
      func location() -> SourceLocation {
        if let cachedLocation { return cachedLocation }
        let found = context.location(utf16Offset: argument.utf16Offset)
        cachedLocation = found
        return found
      }
      let keywords = argument.selectors.filter { !$0.hasPrefix("=") }
      let explicit = Set(argument.selectors.filter { $0.hasPrefix("=") }.compactMap { Double($0.dropFirst()) })
      let kind = argument.kind == .plural ? "plural" : "selectordinal"
      for category in required where !keywords.contains(category) {
        let samples = rules.samples(category, type)
        let integers = samples.filter { $0 == $0.rounded() }
        if !integers.isEmpty && integers.allSatisfy(explicit.contains) && samples.allSatisfy(explicit.contains) {
          continue
        }
        let onlyMillions = !integers.isEmpty && integers.allSatisfy { $0 >= 1_000_000 }
        findings.add(
          .pluralCategoryMissing, at: location(),
          onlyMillions
            ? "'\(entry.key)': the \(kind) {\(argument.name)} has no '\(category)' branch, which \(locale) uses for exact millions (1000000, 2000000, ...); 'other' is used instead"
            : "'\(entry.key)': the \(kind) {\(argument.name)} has no '\(category)' branch; \(locale) needs \(required.joined(separator: ", ")) (CLDR plural rules), e.g. \(Self.sampleText(samples))",
          severity: onlyMillions ? .warning : .error)
      }
      // Removing a branch the locale never uses changes nothing it prints, unless ICU has no
      // data for the language: then its rules are ICU's defaults ('other' only), and the
      // branch to remove would be the one the language needs ("1 risposte").
      let language = String(locale.prefix { $0 != "-" }).lowercased()
      let knownLanguage = LanguageTag.dataLanguages.contains(language)
      for keyword in keywords where !required.contains(keyword) {
        findings.add(
          .pluralCategoryUnused, at: location(),
          knownLanguage
            ? "'\(entry.key)': the \(kind) {\(argument.name)} has a '\(keyword)' branch, which \(locale) never uses (it uses \(required.joined(separator: ", "))); remove it"
            : "'\(entry.key)': the \(kind) {\(argument.name)} has a '\(keyword)' branch, which ICU never uses for \(locale): '\(language)' is not a language ICU has data for, so every number takes 'other'; keep the branch, and move the translation to a locale with the language's code (for example 'it', not 'italian')"
        )
      }
    }
  }

  private static func sampleText(_ samples: [Double]) -> String {
    let integers = samples.filter { $0 == $0.rounded() && abs($0) < 1e15 }.prefix(4).map { String(Int($0)) }
    return integers.isEmpty ? "for fractions" : "for \(integers.joined(separator: ", "))"
  }
}
