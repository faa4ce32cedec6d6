internal import CNetexportICU

/// A locale's CLDR plural rules, from ICU.
public final class PluralRules {
  /// Cardinal ("1 reply", "2 replies") or ordinal ("1st", "2nd") rules.
  public enum RuleType: Int32, Sendable {
    case cardinal = 0
    case ordinal = 1
  }

  /// CLDR's order of plural categories.
  public static let categoryOrder = ["zero", "one", "two", "few", "many", "other"]

  public let locale: LanguageTag
  public let type: RuleType
  private let handle: OpaquePointer

  /// - Throws: `ICUError` when ICU has no rules for the locale.
  public init(locale: LanguageTag, type: RuleType = .cardinal) throws(ICUError) {
    self.locale = locale
    self.type = type
    var status: Int32 = 0
    let opened = netx_plural_open(locale.localeID, type.rawValue, &status)
    guard status <= 0, let opened else {
      throw ICUError(code: status, operation: "open the plural rules of '\(locale)'")
    }
    handle = opened
  }

  deinit { netx_plural_close(handle) }

  /// Every category the locale uses, in CLDR order (e.g. `["one", "other"]` for English).
  public func categories() throws(ICUError) -> [String] {
    let joined = try utf16Result("list the plural categories of '\(locale)'") { out, capacity, status in
      netx_plural_categories(handle, out, capacity, &status)
    }
    let found = Set(joined.split(separator: " ").map(String.init))
    return Self.categoryOrder.filter(found.contains) + found.subtracting(Self.categoryOrder).sorted()
  }

  /// CLDR's sample numbers of a category: `[0]` for Arabic `zero`, exact millions for
  /// Spanish `many`. A category whose samples are all integers covered by explicit `=N`
  /// branches needs no keyword branch.
  public func samples(of category: String) throws(ICUError) -> [Double] {
    let keyword = [UInt16](utf16Of: category)
    var values = [Double](repeating: 0, count: 32)
    let count = try checked("list the numbers of plural category '\(category)' in '\(locale)'") { status in
      netx_plural_samples(handle, keyword, Int32(keyword.count), &values, Int32(values.count), &status)
    }
    return Array(values.prefix(Int(count)))
  }

  /// The category that `number` falls into.
  public func category(for number: Double) throws(ICUError) -> String {
    try utf16Result("select a plural category in '\(locale)'") { out, capacity, status in
      netx_plural_select(handle, number, out, capacity, &status)
    }
  }
}
