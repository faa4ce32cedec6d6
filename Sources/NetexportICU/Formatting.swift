internal import CNetexportICU

/// A day of the Gregorian calendar, with no time or time zone.
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// - Returns: `nil` when the day does not exist (e.g. February 30).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
      day <= Self.daysInMonth(year: year, month: month)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses an ISO 8601 calendar date, "YYYY-MM-DD".
  public init?(iso8601 text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// "YYYY-MM-DD".
  public var description: String {
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// Milliseconds from 1970-01-01T00:00Z to this day's midnight in UTC: how the ICU door
  /// passes calendar days.
  var utcMidnightMillis: Double { Double(daysSinceEpoch) * 86_400_000 }

  /// Days since 1970-01-01 in the proleptic Gregorian calendar. Written out because it is
  /// plain integer arithmetic (Howard Hinnant's `days_from_civil`), and it keeps this
  /// module free of Foundation's time-zone-dependent calendars.
  var daysSinceEpoch: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  private static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}

/// A value that a message formats: ICU picks the locale's digits, plural forms and date
/// patterns for it.
public enum MessageArgument: Hashable, Sendable {
  case number(Double)
  case date(CalendarDay)
  case string(String)
}

/// netexport's limits on one message, checked before ICU reads it. ICU's parser and
/// formatter recurse once per nesting level: a select nested 30,000 deep crashes the parser, a
/// plural nested 5,000 deep the formatter, and one nested 1,000 deep takes minutes. No real
/// message comes near these limits.
public enum MessageLimits {
  /// The longest message, in UTF-16 code units (a character outside the Basic Multilingual
  /// Plane, such as an emoji, counts 2).
  public static let maxLength = Int(NETX_MESSAGE_MAX_LENGTH)
  /// How deep arguments may nest: `{a}` is at depth 1, the `{a}` of
  /// `{n, plural, other {{a}}}` at depth 2.
  public static let maxDepth = Int(NETX_MESSAGE_MAX_DEPTH)
  /// The most arguments (`{...}`, nested ones included) in one message.
  public static let maxArguments = Int(NETX_MESSAGE_MAX_ARGUMENTS)
}

/// A message pattern that ICU could not parse, or that netexport refuses to give ICU because
/// it breaks one of the `MessageLimits`.
public struct MessageSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The offset of the problem in the pattern, in `Character`s, when ICU reported one.
  public let offset: Int?
  /// ICU's name for the problem, e.g. `U_PATTERN_SYNTAX_ERROR`.
  public let name: String
  /// The same offset in UTF-16 code units.
  public let utf16Offset: Int?

  public init(offset: Int?, name: String, utf16Offset: Int? = nil) {
    self.offset = offset
    self.name = name
    self.utf16Offset = utf16Offset
  }

  /// A limit of `MessageLimits` the message breaks.
  public enum Limit: Sendable { case length, depth, arguments }

  /// The limit the message breaks, when that is the problem rather than its syntax.
  public var limit: Limit? {
    switch name {
    case "NETX_MESSAGE_TOO_LONG": .length
    case "NETX_MESSAGE_TOO_DEEP": .depth
    case "NETX_MESSAGE_TOO_MANY_ARGUMENTS": .arguments
    default: nil
    }
  }

  public var description: String {
    let at = offset.map { " at character \($0 + 1)" } ?? ""
    switch limit {
    case .length?:
      return
        "longer than \(MessageLimits.maxLength) UTF-16 code units (netexport reads at most \(MessageLimits.maxLength) in one message)"
    case .depth?:
      return
        "an argument nested more than \(MessageLimits.maxDepth) deep\(at) (netexport reads at most \(MessageLimits.maxDepth) levels of arguments inside one another)"
    case .arguments?:
      let next = offset.map { "; argument \(MessageLimits.maxArguments + 1) starts at character \($0 + 1)" } ?? ""
      return
        "more than \(MessageLimits.maxArguments) arguments, the most netexport reads in one message\(next)"
    case nil: break
    }
    let reason =
      switch name {
      case "U_PATTERN_SYNTAX_ERROR": "syntax error"
      case "U_UNMATCHED_BRACES": "unmatched braces (a '{' is not closed, or a '}' has no '{')"
      case "U_DEFAULT_KEYWORD_MISSING": "a plural or select has no 'other' branch"
      case "U_ILLEGAL_ARGUMENT_ERROR": "an argument is malformed"
      case "U_ARGUMENT_TYPE_MISMATCH": "an argument has the wrong type"
      default: name
      }
    return reason + at
  }
}

/// Locale-aware formatting through ICU.
public enum Formatting {
  /// Formats a number with the locale's decimal format ("1,234.5" in `en`, "1.234,5" in `de`).
  public static func number(_ value: Double, locale: LanguageTag) throws(ICUError) -> String {
    try utf16Result("format a number in '\(locale)'") { out, capacity, status in
      netx_format_number(locale.localeID, value, out, capacity, &status)
    }
  }

  /// The name of the locale's default numbering system: "latn" for 0–9, "arab" for Arabic-Indic
  /// digits, "deva" for Devanagari, and so on (CLDR's names).
  public static func numberingSystem(locale: LanguageTag) throws(ICUError) -> String {
    var buffer = [CChar](repeating: 0, count: 32)
    var status: Int32 = 0
    _ = netx_numbering_system(locale.localeID, &buffer, Int32(buffer.count), &status)
    if status > 0 { throw ICUError(code: status, operation: "find the numbering system of '\(locale)'") }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Formats a calendar day with a date skeleton such as `yMMMMd` ("June 23, 2023" in `en`).
  public static func date(_ day: CalendarDay, skeleton: String, locale: LanguageTag) throws(ICUError) -> String {
    let skeleton16 = [UInt16](utf16Of: skeleton)
    return try utf16Result("format a date in '\(locale)'") { out, capacity, status in
      netx_format_date(
        locale.localeID, skeleton16, Int32(skeleton16.count), day.utcMidnightMillis, out, capacity, nil, 0, nil,
        &status)
    }
  }

  /// Where ICU cannot read a date or time skeleton (the text after `::` in
  /// `{d, date, ::yMMMMd}`): the UTF-16 offset of the first character, spaces aside, that is
  /// not a date field letter ICU knows, 0 when the skeleton has no field at all, or `nil` when
  /// ICU reads all of it. ICU ignores such characters (`::@@@!!garbage` prints what `garbage`
  /// means: "2025 3 2460712, p. m.") and prints nothing for `::` alone.
  public static func unreadableSkeletonOffset(in skeleton: String) -> Int? {
    let skeleton16 = [UInt16](utf16Of: skeleton)
    var status: Int32 = 0
    let offset = netx_date_skeleton_check(skeleton16, Int32(skeleton16.count), &status)
    return offset < 0 ? nil : Int(offset)
  }

  /// Formats an ICU MessageFormat pattern with named arguments.
  ///
  /// - Throws: `MessageSyntaxError` when the pattern does not parse, `ICUError` when
  ///   formatting fails (for example an argument of the wrong type).
  public static func message(
    _ pattern: String, arguments: [String: MessageArgument], locale: LanguageTag
  ) throws -> String {
    try message(pattern, arguments: arguments, locale: locale, spoken: false)
  }

  /// Formats a message as it is said aloud: numbers, plural counts (`#`) and dates in words,
  /// with ICU's rule-based spellout for the locale ("June twenty-third, twenty twenty-three"),
  /// and the month and weekday names written out in full. Digits written in the message's
  /// own text are spelled out too. Soft hyphens, which some spellout rules insert, are removed.
  ///
  /// - Throws: As `message(_:arguments:locale:)`.
  public static func spokenMessage(
    _ pattern: String, arguments: [String: MessageArgument], locale: LanguageTag
  ) throws -> String {
    let text = try message(pattern, arguments: arguments, locale: locale, spoken: true)
    return String(
      String.UnicodeScalarView(try spellOutDigits(in: text, locale: locale).unicodeScalars.filter { $0 != "\u{AD}" }))
  }

  /// A whole number in words with one of the locale's spellout rule sets
  /// (`%spellout-numbering`, `%spellout-numbering-year`, `%spellout-ordinal`, ...); a rule
  /// set the locale lacks falls back to its default. Soft hyphens are kept.
  public static func spellOut(_ value: Int64, ruleSet: String? = nil, locale: LanguageTag) throws(ICUError) -> String {
    try Spellout(locale: locale, ruleSet: ruleSet).format(Double(value))
  }

  /// Joins items with the locale's list pattern for "and": "a, b, and c" in English,
  /// "a, b y c" in Spanish, "a、b和c" in Chinese.
  public static func list(_ items: [String], locale: LanguageTag) throws(ICUError) -> String {
    let pool = items.flatMap { [UInt16](utf16Of: $0) }
    let lengths = items.map { Int32($0.utf16.count) }
    return try utf16Result("join a list in '\(locale)'", initialCapacity: pool.count + 16 * items.count + 16) {
      out, capacity, status in
      netx_format_list(locale.localeID, pool, lengths, Int32(items.count), out, capacity, &status)
    }
  }

  /// Spells out the runs of ASCII digits in a text. Left as they are: decimals ("2.5",
  /// "2,5") and digits inside a word of letters ("H2O", "3D", "2nd"), since their reading
  /// depends on what they mean. Spelled out: digits that end a word after its letters ("MEN1"
  /// is "MEN one", and "MEN一" in Chinese), and digits next to characters of a script written
  /// without spaces, which are words of their own ("病1型", "第2部分").
  static func spellOutDigits(in text: String, locale: LanguageTag) throws(ICUError) -> String {
    let scalars = Array(text.unicodeScalars)
    guard scalars.contains(where: { $0.properties.numericType == .decimal && $0.isASCII }) else { return text }
    func isDigit(_ index: Int) -> Bool {
      index >= 0 && index < scalars.count && scalars[index].isASCII && scalars[index].properties.numericType == .decimal
    }
    /// A letter of a script written with spaces between words.
    func isLetter(_ index: Int) -> Bool {
      index >= 0 && index < scalars.count && scalars[index].properties.isAlphabetic
        && !writtenWithoutSpaces(scalars[index])
    }
    let spaced = !["zh", "ja", "yue"].contains(locale.language)
    // Web addresses and e-mail addresses are left whole: speech leaves them out.
    var address = [Bool](repeating: false, count: scalars.count)
    var tokenStart = 0
    for end in 0...scalars.count where end == scalars.count || scalars[end].properties.isWhitespace {
      let token = String(String.UnicodeScalarView(scalars[tokenStart..<end])).lowercased()
      if token.contains("://") || token.hasPrefix("www.") || token.contains("@") {
        for position in tokenStart..<end { address[position] = true }
      }
      tokenStart = end + 1
    }
    var result = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      guard isDigit(index), !address[index] else {
        result.append(scalars[index])
        index += 1
        continue
      }
      var end = index
      while isDigit(end) { end += 1 }
      let afterLetter = isLetter(index - 1)
      let decimalBefore = (index >= 2) && [".", ","].contains(scalars[index - 1]) && isDigit(index - 2)
      let joinedAfter =
        isLetter(end) || (end + 1 < scalars.count && [".", ","].contains(scalars[end]) && isDigit(end + 1))
      let digits = String(String.UnicodeScalarView(scalars[index..<end]))
      if decimalBefore || joinedAfter || digits.count > 15 {
        result.append(contentsOf: scalars[index..<end])
      } else {
        if afterLetter && spaced { result.append(" ") }
        result.append(
          contentsOf: try spellOut(Int64(digits)!, ruleSet: "%spellout-numbering", locale: locale).unicodeScalars)
      }
      index = end
    }
    return String(result)
  }

  /// Whether a character belongs to a script written without spaces between words: Han and
  /// kana. (Korean puts spaces between words, and its numbers join their counters: "2개".)
  static func writtenWithoutSpaces(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isIdeographic || (0x3040...0x30FF).contains(scalar.value)
  }

  /// Whether a message formats with named arguments: throws what
  /// `message(_:arguments:locale:)` throws, without making the text (a validator's question;
  /// the dates of `{d, date, ::skeleton}` are then not formatted either, see
  /// `netx_format_message`).
  ///
  /// - Parameter structure: The pattern's structure, when the caller has read it already:
  ///   a message whose arguments ICU's MessageFormat cannot fail on is then not given to ICU
  ///   a second time (see `MessageStructure.formatsWithoutFail(with:)`).
  package static func check(
    _ pattern: String, structure: MessageStructure? = nil, arguments: [String: MessageArgument],
    locale: LanguageTag
  ) throws {
    if let structure, structure.formatsWithoutFail(with: arguments, locale: locale) { return }
    _ = try message(pattern, arguments: arguments, locale: locale, spoken: false, textNeeded: false)
  }

  /// Whether the style of a `{d, date, style}` or `{d, time, style}` argument, as written, is
  /// a `::skeleton` whose formatter ICU makes (see `netx_date_style_formatter`).
  static func dateStyleFormatterIsMade(_ style: String, locale: LanguageTag) -> Bool {
    let style16 = [UInt16](utf16Of: style)
    return netx_date_style_formatter(locale.localeID, style16, Int32(style16.count)) == 1
  }

  /// Whether ICU makes the locale's default number format, the one MessageFormat makes for a
  /// `{n, number}` argument (see `netx_number_format_made`).
  static func numberFormatIsMade(locale: LanguageTag) -> Bool {
    netx_number_format_made(locale.localeID) == 1
  }

  /// - Parameter textNeeded: Whether the text is wanted; if not, "" is returned for it, and
  ///   only what is thrown tells.
  static func message(
    _ pattern: String, arguments: [String: MessageArgument], locale: LanguageTag, spoken: Bool,
    textNeeded: Bool = true
  ) throws -> String {
    // ICU prints a pattern that is only text as it is, whatever the arguments.
    if MessagePattern.isPlainText(pattern) { return pattern }
    if spoken {
      let said = try SpokenMessage(pattern, arguments: arguments, locale: locale)
      return try format(
        said.pattern, arguments: said.arguments, locale: locale, limitsChecked: true, reportingIn: pattern)
    }
    // A `spellout` argument says how a number is said aloud (with a rule set such as
    // %spellout-cardinal-feminine, so that it agrees with its noun); in writing, numbers are
    // digits, so it is written as a plain number.
    guard Self.mentions("spellout", in: pattern) else {
      return try format(
        pattern, arguments: arguments, locale: locale, limitsChecked: false, reportingIn: pattern,
        textNeeded: textNeeded)
    }
    let parsed = try MessagePattern(pattern)
    var written = parsed.text
    for index in parsed.parts.indices.reversed() {
      let part = parsed.parts[index]
      guard part.type == .argumentStart, part.argumentType == .simple,
        parsed.text(parsed.parts[index + 2]) == "spellout"
      else { continue }
      let name = parsed.text(parsed.parts[index + 1])
      written.replaceSubrange(parsed.argumentRange(startingAt: index), with: "{\(name), number}".utf16)
    }
    return try format(
      String(utf16Units: written), arguments: arguments, locale: locale, limitsChecked: true,
      reportingIn: pattern, textNeeded: textNeeded)
  }

  /// Whether an ASCII word occurs in a text, compared byte by byte (the standard library's
  /// `contains` on strings goes through generic string processing: 60,000 instructions per
  /// message under callgrind, more than formatting most of them; a loop over `String.UTF8View`
  /// still took 4,400 a message, a loop over the bytes themselves takes a few hundred).
  static func mentions(_ word: StaticString, in text: String) -> Bool {
    UTF8Scan.contains(word: word, in: text)
  }

  /// Formats a pattern exactly as written; problems are reported in `original` (the pattern
  /// as the catalog has it, which `pattern` may be rewritten from).
  ///
  /// - Parameters:
  ///   - limitsChecked: Whether `MessageLimits` were checked on `original` already
  ///     (`MessagePattern` checks them): a rewritten pattern may nest one level deeper.
  ///   - textNeeded: Whether the text is wanted; if not, "" is returned, and only what is
  ///     thrown tells.
  static func format(
    _ pattern: String, arguments: [String: MessageArgument], locale: LanguageTag, limitsChecked: Bool,
    reportingIn original: String, textNeeded: Bool = true
  ) throws -> String {
    var pool: [UInt16] = []
    var packed: [netx_message_argument] = []
    for (name, value) in arguments.sorted(by: { $0.key < $1.key }) {
      let nameStart = Int32(pool.count)
      pool.append(contentsOf: name.utf16)
      var argument = netx_message_argument(
        nameStart: nameStart, nameLength: Int32(pool.count) - nameStart, kind: 0, number: 0, stringStart: 0,
        stringLength: 0)
      switch value {
      case .number(let number):
        argument.kind = Int32(NETX_ARG_NUMBER)
        argument.number = number
      case .date(let day):
        argument.kind = Int32(NETX_ARG_DATE)
        argument.number = day.utcMidnightMillis
      case .string(let string):
        argument.kind = Int32(NETX_ARG_STRING)
        argument.stringStart = Int32(pool.count)
        pool.append(contentsOf: string.utf16)
        argument.stringLength = Int32(pool.count) - argument.stringStart
      }
      packed.append(argument)
    }
    let pattern16 = [UInt16](utf16Of: pattern)
    let options = Int32(limitsChecked ? NETX_FORMAT_LIMITS_CHECKED : NETX_FORMAT_CHECK_LIMITS)
    var errorOffset: Int32 = -1
    do {
      guard textNeeded else {
        try checked("format a message in '\(locale)'") { status in
          _ = netx_format_message(
            locale.localeID, pattern16, Int32(pattern16.count), pool, packed, Int32(packed.count), options, nil, 0,
            &errorOffset, &status)
        }
        return ""
      }
      return try utf16Result("format a message in '\(locale)'", initialCapacity: pattern16.count * 2 + 64) {
        out, capacity, status in
        netx_format_message(
          locale.localeID, pattern16, Int32(pattern16.count), pool, packed, Int32(packed.count), options, out,
          capacity, &errorOffset, &status)
      }
    } catch {
      if errorOffset >= 0 || Self.syntaxErrors.contains(error.name) {
        throw syntaxError(error, offset: errorOffset, in: original)
      }
      throw error
    }
  }

  /// The ranges of a message pattern's literal text: what a reader sees, outside argument
  /// syntax, `#` and quoting apostrophes.
  ///
  /// - Throws: `MessageSyntaxError` when the pattern does not parse.
  public static func literalRanges(in pattern: String) throws -> [Range<String.Index>] {
    let parsed = try MessagePattern(pattern)
    // Text between two parts is literal when the innermost enclosing part is a message (the
    // whole pattern, or a branch of plural/select), not an argument's syntax.
    var ranges: [Range<Int>] = []
    var inMessage: [Bool] = []
    var previousLimit = 0
    for part in parsed.parts {
      if inMessage.last == true && part.start > previousLimit { ranges.append(previousLimit..<part.start) }
      switch part.type {
      case .messageStart: inMessage.append(true)
      case .argumentStart: inMessage.append(false)
      case .messageLimit, .argumentLimit: _ = inMessage.popLast()
      default: break
      }
      previousLimit = part.limit
    }
    let utf16 = pattern.utf16
    return ranges.map {
      utf16.index(utf16.startIndex, offsetBy: $0.lowerBound)..<utf16.index(utf16.startIndex, offsetBy: $0.upperBound)
    }
  }

  /// The names of the arguments a message pattern uses, each once, in order of first use.
  ///
  /// - Throws: `MessageSyntaxError` when the pattern does not parse.
  public static func argumentNames(in pattern: String) throws -> [String] {
    let parsed = try MessagePattern(pattern)
    var seen = Set<String>()
    return parsed.parts.filter { $0.type == .argumentName || $0.type == .argumentNumber }.map { parsed.text($0) }
      .filter { seen.insert($0).inserted }
  }

  static func syntaxError(_ error: ICUError, offset: Int32, in pattern: String) -> MessageSyntaxError {
    let utf16Count = pattern.utf16.count
    // ICU reports unmatched braces at offset 0, which points nowhere useful.
    let characterOffset: Int? =
      offset >= 0 && error.name != "U_UNMATCHED_BRACES"
      ? pattern.distance(
        from: pattern.startIndex, to: String.Index(utf16Offset: min(Int(offset), utf16Count), in: pattern)) : nil
    return MessageSyntaxError(
      offset: characterOffset, name: error.name,
      utf16Offset: characterOffset == nil ? nil : min(Int(offset), utf16Count))
  }

  private static let syntaxErrors: Set<String> = [
    "U_PATTERN_SYNTAX_ERROR", "U_UNMATCHED_BRACES", "U_DEFAULT_KEYWORD_MISSING", "U_ARGUMENT_TYPE_MISMATCH",
    "NETX_MESSAGE_TOO_LONG", "NETX_MESSAGE_TOO_DEEP", "NETX_MESSAGE_TOO_MANY_ARGUMENTS",
  ]
}

/// How many terminal columns text occupies (East Asian wide characters take two,
/// combining marks none), for wrapping plain text.
public enum TextColumns {
  public static func count<S: StringProtocol>(_ text: S) -> Int {
    text.unicodeScalars.reduce(0) { $0 + Int(netx_char_columns($1.value)) }
  }
}
