import NetexportICU
import NetexportModel

/// A locale's plural rules, opened once per catalog.
final class PluralRulesCache {
  private let locale: LanguageTag
  private var rules: [PluralRules.RuleType: PluralRules] = [:]
  private var categoryCache: [PluralRules.RuleType: [String]] = [:]
  private var sampleCache: [String: [Double]] = [:]

  init(locale: LanguageTag) { self.locale = locale }

  private func rules(_ type: PluralRules.RuleType) -> PluralRules? {
    if let cached = rules[type] { return cached }
    let opened = try? PluralRules(locale: locale, type: type)
    rules[type] = opened
    return opened
  }

  func categories(_ type: PluralRules.RuleType) -> [String]? {
    if let cached = categoryCache[type] { return cached }
    let categories = try? rules(type)?.categories()
    categoryCache[type] = categories
    return categories
  }

  func samples(_ category: String, _ type: PluralRules.RuleType) -> [Double] {
    let cacheKey = "\(type.rawValue) \(category)"
    if let cached = sampleCache[cacheKey] { return cached }
    let samples = (try? rules(type)?.samples(of: category)) ?? []
    sampleCache[cacheKey] = samples
    return samples
  }
}
