internal import CNetexportICU

/// A locale's rule-based spellout with one rule set.
///
/// The locale's formatter is opened once for the whole process and shared (see
/// `netx_spellout_shared`): an export says dozens of numbers, and opening one reads all of
/// the locale's rules.
struct Spellout {
  private let handle: OpaquePointer
  let locale: LanguageTag
  let ruleSet: String?
  private let ruleSet16: [UInt16]

  /// - Parameter ruleSet: A named rule set such as `%spellout-numbering-year`; `nil`, empty,
  ///   or a set the locale lacks is the locale's default set (as MessageFormat's `spellout`).
  init(locale: LanguageTag, ruleSet: String?) throws(ICUError) {
    self.locale = locale
    self.ruleSet = ruleSet
    ruleSet16 = ruleSet.map { [UInt16](utf16Of: $0) } ?? []
    var status: Int32 = 0
    let opened = netx_spellout_shared(locale.localeID, &status)
    guard status <= 0, let opened else {
      throw ICUError(code: status, operation: "open the spellout rules of '\(locale)'")
    }
    handle = opened
  }

  /// The number in words; a whole number is said as one ("seven", not "seven point zero").
  func format(_ value: Double) throws(ICUError) -> String {
    let words = try utf16Result("spell out \(value) in '\(locale)'") { out, capacity, status in
      netx_spellout_format(handle, ruleSet16, Int32(ruleSet16.count), value, out, capacity, &status)
    }
    return Self.corrected(words, language: locale.language)
  }

  /// ICU's words with the known slips of its data mended. ICU 72's Arabic rules (CLDR 42)
  /// write "two" and "twelve" with a hamza under the alif ("إثنان", "إثنا عشر") where
  /// Arabic spells a connecting alif ("اثنان", "اثنا عشر"), and put two spaces in some
  /// ordinals ("الحادي  والثلاثون").
  static func corrected(_ words: String, language: String) -> String {
    guard language == "ar" else { return words }
    return words.replacing("إثن", with: "اثن").split(separator: " ").joined(separator: " ")
  }
}

/// A message rewritten so that ICU formats it as it is said aloud: each number argument,
/// plural `#` and date argument becomes a string argument holding it in words.
///
/// This is where netexport decides how numbers and dates are spoken; ICU only formats,
/// spells out and reports where a date's fields are.
struct SpokenMessage {
  /// The rewritten pattern, and its arguments (the original ones and the words).
  var pattern: String
  var arguments: [String: MessageArgument]

  /// Rewrites `pattern`. A number argument whose value is missing or not a number becomes a
  /// `spellout` argument, for ICU to print or report as it does; a date argument without a
  /// date is left for ICU to report.
  ///
  /// - Throws: `MessageSyntaxError` when the pattern does not parse or breaks a limit,
  ///   `ICUError` when ICU cannot spell a number out or format a date.
  init(_ pattern: String, arguments: [String: MessageArgument], locale: LanguageTag) throws {
    let parsed = try MessagePattern(pattern)
    var spellouts = SpelloutCache(locale: locale)
    var arguments = arguments
    // The edits come in pattern order and do not overlap, so the rewritten pattern is built
    // in one pass.
    var edits: [(range: Range<Int>, text: String)] = []
    func speak(_ range: Range<Int>, _ words: String) {
      let synthetic = "netx_spoken_\(edits.count)"
      arguments[synthetic] = .string(words)
      edits.append((range, "{\(synthetic)}"))
    }
    func number(_ name: String) -> Double? {
      if case .number(let value)? = arguments[name] { value } else { nil }
    }
    var plurals: [(name: String, offset: Double)] = []
    var index = 0
    while index < parsed.parts.count {
      defer { index += 1 }
      let part = parsed.parts[index]
      switch part.type {
      case .argumentStart:
        let name = parsed.text(parsed.parts[index + 1])
        if part.argumentType?.isPlural == true {
          // The style's first part, after the name, is the `offset:` when there is one.
          plurals.append((name, parsed.pluralOffset(at: index + 2)))
        } else if part.argumentType == .simple {
          let type = parsed.text(parsed.parts[index + 2])
          let style =
            parsed.parts[index + 3].type == .argumentStyle
            ? parsed.text(parsed.parts[index + 3]).trimmingSpaces() : ""
          let range = parsed.argumentRange(startingAt: index)
          let plainNumber = type == "number" && (style.isEmpty || style == "integer")
          if plainNumber || type == "spellout" {
            // ICU looks a spellout rule set up by the style exactly as written, so "{n, spellout,
            // %spellout-cardinal-feminine}" would silently fall back to the default rules.
            let ruleSet = plainNumber ? "" : style
            if let value = number(name) {
              speak(range, try spellouts.spellOut(value, ruleSet: ruleSet))
            } else if plainNumber || !style.isEmpty {
              edits.append((range, "{\(name), spellout\(ruleSet.isEmpty ? "" : "," + ruleSet)}"))
            }
          } else if type == "date", case .date(let day)? = arguments[name] {
            speak(range, try SpokenDate.format(day, skeleton: SpokenDate.skeleton(style: style), spellouts: &spellouts))
          }
          index = parsed.parts[index].limitPart ?? index
        }
      case .argumentLimit:
        if part.argumentType?.isPlural == true { _ = plurals.popLast() }
      case .replaceNumber:
        guard let plural = plurals.last else { break }
        // `#` is the number less the plural's offset, as ICU prints it.
        if let value = number(plural.name) {
          speak(part.start..<part.limit, try spellouts.spellOut(value - plural.offset, ruleSet: ""))
        } else if plural.offset == 0 {
          edits.append((part.start..<part.limit, "{\(plural.name), spellout}"))
        }
      default:
        break
      }
    }
    var rewritten: [UInt16] = []
    var copied = 0
    for edit in edits {
      rewritten += parsed.text[copied..<edit.range.lowerBound]
      rewritten += edit.text.utf16
      copied = edit.range.upperBound
    }
    rewritten += parsed.text[copied...]
    self.pattern = String(utf16Units: rewritten)
    self.arguments = arguments
  }
}

/// The spellouts saying one message needs, by rule set.
struct SpelloutCache {
  let locale: LanguageTag
  private var open: [String: Spellout] = [:]

  init(locale: LanguageTag) { self.locale = locale }

  /// A number in words with a rule set ("" for the locale's default).
  mutating func spellOut(_ value: Double, ruleSet: String) throws(ICUError) -> String {
    if let spellout = open[ruleSet] { return try spellout.format(value) }
    let spellout = try Spellout(locale: locale, ruleSet: ruleSet)
    open[ruleSet] = spellout
    return try spellout.format(value)
  }
}

/// How a date is said: ICU formats it with the locale's pattern, and every number in it is
/// spelled out in words.
enum SpokenDate {
  /// The skeleton a date argument's style stands for.
  static func skeleton(style: String) -> String {
    if style.hasPrefix("::") { return String(style.dropFirst(2)) }
    switch style {
    case "short": return "yMd"
    case "long": return "yMMMMd"
    case "full": return "yMMMMEEEEd"
    default: return "yMMMd"
    }
  }

  /// The date as a speaker says it: abbreviated month and weekday names written out, every
  /// number in the date spelled out in words (years as years: "twenty twenty-three"), and the
  /// words a language says around them (`Words`).
  static func format(_ day: CalendarDay, skeleton: String, spellouts: inout SpelloutCache) throws -> String {
    let locale = spellouts.locale
    let widened = [UInt16](utf16Of: widen(skeleton))
    // A date has a field per letter run of its pattern: a dozen at most.
    var fields = [netx_date_field](repeating: netx_date_field(), count: 32)
    var fieldCount: Int32 = 0
    let written = try utf16Result("format a date in '\(locale)'") { out, capacity, status in
      netx_format_date(
        locale.localeID, widened, Int32(widened.count), day.utcMidnightMillis, out, capacity, &fields,
        Int32(fields.count), &fieldCount, &status)
    }
    let words = Words(language: locale.language)
    var text = [UInt16](utf16Of: written)
    let found = Array(fields.prefix(Int(fieldCount))).filter { $0.start < $0.limit && Int($0.limit) <= text.count }
      .sorted { $0.start < $1.start }
    var replacements: [(range: Range<Int>, words: String)] = []
    for (index, field) in found.enumerated() {
      let start = Int(field.start)
      var limit = Int(field.limit)
      let isYear = field.field == NETX_DATE_FIELD_YEAR || field.field == NETX_DATE_FIELD_EXTENDED_YEAR
      if isYear, let before = words.beforeYear, index > 0 {
        // The separator between the year and what comes before it ("6, 2023" in Vietnamese).
        let separator = Int(found[index - 1].limit)..<start
        if !separator.isEmpty, text[separator].allSatisfy({ $0 == 0x20 || $0 == 0x2C || $0 == 0x060C }) {
          replacements.append((separator, before))
        }
      }
      guard let value = decimalValue(text[start..<limit]) else { continue }
      var said: String
      if isYear {
        said = try spellouts.spellOut(Double(value), ruleSet: "%spellout-numbering-year")
        said = words.year(said)
      } else if field.field == NETX_DATE_FIELD_DATE {
        let dotted = limit < text.count && text[limit] == 0x2E
        if dotted { limit += 1 }  // "5." is the ordinal; the words say it now.
        said = try spellouts.spellOut(Double(value), ruleSet: words.dayRuleSet(value, dotted: dotted))
        if let before = words.beforeDay, index > 0 { said = before + said }
        let next = index + 1 < found.count ? found[index + 1].field : -1
        if let after = words.afterDay, next == NETX_DATE_FIELD_MONTH || next == NETX_DATE_FIELD_STANDALONE_MONTH {
          said += after
        }
      } else {
        said = try spellouts.spellOut(Double(value), ruleSet: "%spellout-numbering")
      }
      replacements.append((start..<limit, said))
    }
    for replacement in replacements.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
      text.replaceSubrange(replacement.range, with: replacement.words.utf16)
    }
    return String(utf16Units: text)
  }

  /// How a language says the numbers of a date, beyond spelling them out. ICU has no data
  /// for how a date is spoken, so this is a short table of our own, one language at a time.
  struct Words {
    let language: String

    /// The rule set the day of the month is said with: an ordinal where the language says
    /// one ("June twenty-third"; German "dreiundzwanzigster Juni"; the first of the month in
    /// French and Portuguese, "premier juin", "primeiro de junho"; Arabic "الثالث والعشرون"),
    /// and where ICU's pattern writes the day as an ordinal ("23.").
    func dayRuleSet(_ day: Int64, dotted: Bool) -> String {
      switch language {
      case "en": "%spellout-ordinal"
      case "de": "%spellout-ordinal-r"
      case "ar": "%spellout-ordinal-masculine"
      case "fr" where day == 1, "pt" where day == 1: "%spellout-ordinal-masculine"
      default: dotted ? "%spellout-ordinal" : "%spellout-numbering"
      }
    }

    /// Said before the day when something comes before it in the date (a weekday): Vietnamese
    /// "Thứ Tư, ngày năm tháng hai".
    var beforeDay: String? { language == "vi" ? "ngày " : nil }

    /// Said after the day when the month follows: Arabic "الخامس من فبراير".
    var afterDay: String? { language == "ar" ? " من" : nil }

    /// Said between the year and what comes before it, instead of a comma or space: Arabic
    /// "فبراير عام ألفين", Vietnamese "tháng hai năm hai nghìn".
    var beforeYear: String? {
      switch language {
      case "ar": " عام "
      case "vi": " năm "
      default: nil
      }
    }

    /// The year's words as the sentence needs them: after "عام" an Arabic number takes the
    /// genitive ("ألفين وثلاثة وعشرين", where ICU's year rules give the nominative
    /// "وعشرون").
    func year(_ words: String) -> String {
      language == "ar" ? SpokenDate.arabicGenitive(words) : words
    }
  }

  /// An Arabic number in words in the genitive (after a preposition or a noun it qualifies):
  /// tens end in -ين, duals in -ين/-ي. Written out because ICU's rules give only the
  /// nominative, and these are all the forms that change (ones and hundreds do not).
  static func arabicGenitive(_ words: String) -> String {
    let endings = [
      ("عشرون", "عشرين"), ("ثلاثون", "ثلاثين"), ("أربعون", "أربعين"), ("خمسون", "خمسين"), ("ستون", "ستين"),
      ("سبعون", "سبعين"), ("ثمانون", "ثمانين"), ("تسعون", "تسعين"), ("اثنان", "اثنين"), ("اثنا", "اثني"),
      ("ألفان", "ألفين"), ("مائتان", "مائتين"), ("مئتان", "مئتين"),
    ]
    return words.split(separator: " ").map { word in
      for (nominative, genitive) in endings where word.hasSuffix(nominative) {
        return word.dropLast(nominative.count) + genitive
      }
      return String(word)
    }.joined(separator: " ")
  }

  /// Spoken dates use full names: "Wednesday, February 5", never "Wed, Feb 05".
  static func widen(_ skeleton: String) -> String {
    var widened = ""
    var letters = Substring(skeleton)
    while let letter = letters.first {
      let run = letters.prefix { $0 == letter }.count
      letters = letters.dropFirst(run)
      var width = run
      if (letter == "E" || letter == "c") && run < 4 {
        width = 4
      } else if (letter == "M" || letter == "L") && run == 3 {
        width = 4
      } else if letter == "d" {
        width = 1
      }
      widened += String(repeating: letter, count: width)
    }
    return widened
  }

  /// The value of a run of decimal digits of any script ("23", "٢٣"), or nil.
  static func decimalValue(_ units: ArraySlice<UInt16>) -> Int64? {
    var value: Int64 = 0
    for unit in units {
      guard let scalar = Unicode.Scalar(unit), scalar.properties.numericType == .decimal,
        let digit = scalar.properties.numericValue, value < Int64.max / 10
      else { return nil }
      value = value * 10 + Int64(digit)
    }
    return value
  }
}

extension String {
  /// The text without white space at either end, as ICU's `UnicodeString::trim()` reads a
  /// style.
  func trimmingSpaces() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
    return String(scalars[first...last])
  }
}
