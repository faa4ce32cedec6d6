import CNetexportICU
import Dispatch
import Synchronization
import Testing

@testable import NetexportICU

/// `netx_format_message` keeps what ICU makes for a message when it depends only on the
/// locale: the formatter of each `{d, date, ::skeleton}` (the date is formatted ahead with it),
/// and a MessageFormat per locale and thread, with the locale's number format and plural rules,
/// to which each pattern is applied. These tests compare it with a new MessageFormat making
/// everything itself (`NETX_FORMAT_UNKEPT`): the same text, failure and error offset, for
/// messages one after another (what one leaves must not change the next), in ten locales, and
/// on several threads at once.
@Suite struct KeptFormatterTests {
  /// What `netx_format_message` gives: the text (or nil), the name of ICU's failure (or
  /// "success": the warnings ICU gives when it falls back to other data, which netexport
  /// ignores, are not compared) and the error offset.
  struct Outcome: Equatable, CustomStringConvertible {
    var text: String?
    var status: String
    var errorOffset: Int32
    var description: String { "\(text.map { "\"\($0)\"" } ?? "nil") \(status) at \(errorOffset)" }
  }

  /// - Parameter textNeeded: false to ask only whether the message formats (`out` NULL).
  static func format(
    _ pattern: String, _ arguments: [String: MessageArgument], locale: String, unkept: Bool, textNeeded: Bool = true
  ) -> Outcome {
    var pool: [UInt16] = []
    var packed: [netx_message_argument] = []
    for (name, value) in arguments.sorted(by: { $0.key < $1.key }) {
      let nameStart = Int32(pool.count)
      pool += name.utf16
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
      case .string(let text):
        argument.kind = Int32(NETX_ARG_STRING)
        argument.stringStart = Int32(pool.count)
        pool += text.utf16
        argument.stringLength = Int32(pool.count) - argument.stringStart
      }
      packed.append(argument)
    }
    let pattern16 = Array(pattern.utf16)
    var out = [UInt16](repeating: 0, count: 4096)
    var errorOffset: Int32 = -1
    var status: Int32 = 0
    let options = Int32(unkept ? NETX_FORMAT_UNKEPT : NETX_FORMAT_CHECK_LIMITS)
    let localeID = LanguageTag(locale)!.localeID
    let length =
      textNeeded
      ? netx_format_message(
        localeID, pattern16, Int32(pattern16.count), pool, packed, Int32(packed.count), options, &out,
        Int32(out.count), &errorOffset, &status)
      : netx_format_message(
        localeID, pattern16, Int32(pattern16.count), pool, packed, Int32(packed.count), options, nil, 0,
        &errorOffset, &status)
    let text = status > 0 ? nil : String(decoding: out.prefix(Int(length)), as: UTF16.self)
    return Outcome(
      text: text, status: status > 0 ? String(cString: netx_error_name(status)) : "success", errorOffset: errorOffset)
  }

  static let day = CalendarDay(year: 2023, month: 6, day: 23)!
  static let leapDay = CalendarDay(year: 2024, month: 2, day: 29)!

  /// Locales with other calendars (Persian, Buddhist), scripts, digits and orders of fields.
  static let locales = ["en", "es", "de", "ar", "fa", "th", "ja", "zh-Hans", "vi", "he"]

  /// Patterns with the arguments they are given.
  static let cases: [(String, [String: MessageArgument])] = [
    ("Reviewed: {reviewed, date, ::yMMMMd}", ["reviewed": .date(day)]),
    (
      "{replies, plural, one {# Reply} other {# Replies}} · {posted, date, ::yMMMMEEEEd}",
      ["replies": .number(2), "posted": .date(leapDay)]
    ),
    // The same date twice, with two skeletons, and a time skeleton (noon).
    ("{d, date, ::yMMMd} ({d, date, ::yMd}) {d, time, ::Hm} {d, TIME, ::jmm}", ["d": .date(day)]),
    // White space around the skeleton, which MessageFormat gives to ICU as it is after `::`.
    ("{d, date,  ::yMMMMd } {d,date,::yMMMMd}", ["d": .date(day)]),
    ("{d, date,\u{200E}::yMMMd}", ["d": .date(day)]),
    // Skeletons ICU cannot read (DateSkeletonCheck reports them): it prints what it makes of them.
    ("{d, date, ::@@@!!garbage}", ["d": .date(day)]),
    ("{d, date, ::}", ["d": .date(day)]),
    ("{d, date, ::yMMMd'x'}", ["d": .date(day)]),
    ("{d, date, ::yMM💊}", ["d": .date(day)]),
    // Nested in plural and select branches, next to `#` and quoted text.
    (
      "{n, plural, one {'{'# on {d, date, ::yMMMd}'}'} other {# on {d, date, ::yMMMMd} it''s}}",
      ["n": .number(1), "d": .date(day)]
    ),
    (
      "{kind, select, web {Accessed {d, date, ::yMMMMd}} other {{d, date, ::yMd}}}",
      ["kind": .string("web"), "d": .date(day)]
    ),
    // Left to MessageFormat: a choice, a plural of the same name, a numbered argument.
    ("{n, choice, 0#none|1#on {d, date, ::yMMMd}}", ["n": .number(1), "d": .date(day)]),
    ("{d, plural, other {{d, date, ::yMMMd}}}", ["d": .number(1_687_521_600_000)]),
    ("{0, date, ::yMMMd} {d, date, ::yMMMd}", ["0": .date(day), "d": .date(day)]),
    // Values that are not dates: ICU formats a number as milliseconds, and fails on text.
    ("{d, date, ::yMMMd}", ["d": .number(1_687_521_600_000)]),
    ("{d, date, ::yMMMd}", ["d": .string("June")]),
    ("{d, date, ::yMMMd} {e}", ["d": .date(day)]),
    // Names that the dates formatted ahead would take.
    ("{d, date, ::yMMMd} {netx_date_0}", ["d": .date(day), "netx_date_0": .string("x")]),
    ("{d, date, ::yMMMd} {netx_date_0}", ["d": .date(day)]),
    ("{netx_date_0, date, ::yMMMd}", ["netx_date_0": .date(day)]),
    // Failures of other arguments, after and before a date: the same status and offset.
    ("{d, date, ::yMMMd} {n, numbr}", ["d": .date(day), "n": .number(1)]),
    ("{n, number, ::group-of} {d, date, ::yMMMd}", ["d": .date(day), "n": .number(1)]),
    ("{d, date, ::yMMMd} {n, plural, one {x}}", ["d": .date(day), "n": .number(1)]),
    ("{d, date, ::yMMMd} {n", ["d": .date(day), "n": .number(1)]),
    // Dates without a skeleton are MessageFormat's own in both.
    ("{d, date, long} {d, date} {d, date, yyyy-MM-dd}", ["d": .date(day)]),
    // Numbers and plurals, which use the locale's number format and plural rules.
    (
      "{n, plural, =0 {none} one {# item} few {# items (few)} many {# items (many)} other {# items}}", ["n": .number(0)]
    ),
    (
      "{n, plural, =0 {none} one {# item} few {# items (few)} many {# items (many)} other {# items}}", ["n": .number(1)]
    ),
    (
      "{n, plural, =0 {none} one {# item} few {# items (few)} many {# items (many)} other {# items}}", ["n": .number(3)]
    ),
    (
      "{n, plural, =0 {none} one {# item} few {# items (few)} many {# items (many)} other {# items}}",
      ["n": .number(11)]
    ),
    ("{n, plural, one {# item} other {# items}}", ["n": .number(1_000_000)]),
    ("{n, plural, one {# item} other {# items}}", ["n": .number(2.5)]),
    ("{n, plural, one {# item} other {# items}}", ["n": .number(-1)]),
    ("{n, plural, offset:1 =0 {nobody} one {you and # other} other {you and # others}}", ["n": .number(2)]),
    ("{n, plural, one {{n, number, integer} day} other {{n, number, integer} days}}", ["n": .number(1)]),
    ("{n, plural, one {{n, number, ::percent} one} other {{n, number, ::percent} other}}", ["n": .number(0.25)]),
    ("{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}", ["n": .number(22)]),
    ("{n, number} {n, number, integer} {n, number, percent} {n, number, ::compact-short} {n}", ["n": .number(1234.5)]),
    ("{n, spellout} {n, ordinal}", ["n": .number(21)]),
    ("{d} {n}", ["d": .date(day), "n": .number(1.5)]),
    (
      "{a, plural, one {{b, plural, one {# and one} other {# and others}}} other {{b, select, x {x} other {#}}}}",
      ["a": .number(2), "b": .string("y")]
    ),
    ("{n, plural, one {# item} other {# items}}", ["n": .string("many")]),
    // Dates formatted ahead beside arguments MessageFormat cannot fail on, or can: asked only
    // whether it formats, the bridge settles the first without MessageFormat, not the others.
    (
      "{d, date, ::yMMMd}: {n, plural, one {# visit} other {# visits}} {who} {s, select, a {A} other {B}}",
      ["d": .date(day), "n": .number(3), "s": .string("a")]
    ),
    ("{d, date, ::yMMMd}: {n, plural, one {# visit} other {# visits}}", ["d": .date(day), "n": .string("three")]),
    ("{d, date, ::yMMMd} {s, select, a {A} other {B}}", ["d": .date(day), "s": .number(1)]),
    ("{d, date, ::yMMMd} {n, selectordinal, one {#st} other {#th}}", ["d": .date(day), "n": .date(leapDay)]),
    ("{d, date, ::yMMMd} {n, number, ::group-of}", ["d": .date(day), "n": .number(1)]),
    ("{d, date, ::yMMMd} {n, plural, other {{m, number, ::percentt}}}", ["d": .date(day), "n": .number(1)]),
    ("{d, date, ::yMMMd} {c, choice, 0#none|1#one}", ["d": .date(day), "c": .string("x")]),
    ("{d, DATE, ::yMMMd} {d, Time, ::jmm} {n, plural, other {#}}", ["d": .date(day)]),
    ("{n, plural, one {#} other {#}} {s, select, x {x} other {y}}", ["n": .number(1), "s": .number(2)]),
    ("{n, selectordinal, one {#st} other {#th}} {s} {t}", ["n": .number(2), "s": .date(day)]),
    ("{d, date, ::} {n, plural, other {#}}", ["d": .date(day), "n": .number(2)]),
    (
      "{d, date, ::yMMMd} {n, number} {m, NUMBER} {k, spellout, %spellout-cardinal-feminine}",
      ["d": .date(day), "n": .number(3), "m": .number(1.5)]
    ),
    ("{n, number} {m, number}", ["n": .number(3), "m": .string("three")]),
    ("{n, number} {m, number, integer}", ["n": .number(3), "m": .number(1)]),
    ("{n, SpellOut} {m, number}", ["n": .number(3), "m": .date(day)]),
    ("{d, date, ::yMMMd} {d, time, ::jmm} {0, date, ::yMMMd}", ["0": .date(leapDay)]),
    ("{d, date, ::yMMMd} {d, plural, other {# {d, date, ::yMMMd}}}", ["d": .number(1)]),
    ("{d, date, ::yMMMd} and {e, date, :: yMMMd}", ["d": .string("today"), "e": .date(day)]),
  ]

  @Test(arguments: locales)
  func keptFormattersPrintWhatANewMessageFormatPrints(locale: String) {
    for (pattern, arguments) in Self.cases {
      let ahead = Self.format(pattern, arguments, locale: locale, unkept: false)
      let icu = Self.format(pattern, arguments, locale: locale, unkept: true)
      #expect(ahead == icu, "\(locale): \(pattern)")
    }
  }

  /// Asked only whether a message formats (no `out`, as the validator asks), the bridge gives
  /// the same failure and error offset as when it writes the text, kept or not; the dates it
  /// formats ahead are then not formatted, only their formatters made.
  @Test(arguments: locales)
  func askedOnlyWhetherAMessageFormatsTheBridgeFailsAsWhenItFormats(locale: String) {
    for (pattern, arguments) in Self.cases {
      for unkept in [false, true] {
        let formatted = Self.format(pattern, arguments, locale: locale, unkept: unkept)
        let checked = Self.format(pattern, arguments, locale: locale, unkept: unkept, textNeeded: false)
        #expect(checked.status == formatted.status, "\(locale) \(unkept): \(pattern)")
        #expect(checked.errorOffset == formatted.errorOffset, "\(locale) \(unkept): \(pattern)")
        #expect(checked.text == (formatted.text == nil ? nil : ""), "\(locale) \(unkept): \(pattern)")
      }
    }
  }

  /// `Formatting.check` throws what `Formatting.message` throws, for the messages above and
  /// for those it settles before ICU (plain text, a `spellout` written as a number, a limit).
  @Test func checkThrowsWhatFormattingThrows() throws {
    let more: [(String, [String: MessageArgument])] = [
      ("Only text, with # and |", [:]),
      ("{n, spellout} and {n, spellout, %spellout-ordinal}", ["n": .number(3)]),
      ("{n, spellout} {d, date, ::yMMMd}", ["n": .string("three"), "d": .date(Self.day)]),
      ("{n, spellout", ["n": .number(3)]),
      (
        String(repeating: "{n, select, other {", count: 11) + "x" + String(repeating: "}}", count: 11),
        ["n": .string("a")]
      ),
    ]
    func outcome(_ body: () throws -> Void) -> String {
      do {
        try body()
        return "formats"
      } catch let error as MessageSyntaxError {
        return
          "syntax \(error.name) \(error.offset.map(String.init) ?? "-") \(error.utf16Offset.map(String.init) ?? "-")"
      } catch let error as ICUError {
        return "ICU \(error.name) \(error.operation)"
      } catch {
        return "other \(error)"
      }
    }
    for locale in ["en", "ar", "ja"] {
      let tag = try #require(LanguageTag(locale))
      for (pattern, arguments) in Self.cases + more {
        let formatted = outcome { _ = try Formatting.message(pattern, arguments: arguments, locale: tag) }
        let checked = outcome { try Formatting.check(pattern, arguments: arguments, locale: tag) }
        #expect(checked == formatted, "\(locale): \(pattern)")
        // Given the structure the caller read, it settles some messages without ICU.
        let structure = try? MessageStructure(pattern)
        let settled = outcome {
          try Formatting.check(pattern, structure: structure, arguments: arguments, locale: tag)
        }
        #expect(settled == formatted, "\(locale): \(pattern)")
      }
    }
  }

  /// Which messages a validator need not give ICU: those with only `{name}`, plural,
  /// selectordinal and select arguments and date or time arguments with a skeleton whose
  /// formatter ICU makes, given values that suit them (or none).
  @Test func messagesWhoseArgumentsCannotFailFormatWithoutFail() throws {
    let en = try #require(LanguageTag("en"))
    let mixed = try MessageStructure(
      "{n, plural, one {{s, select, a {#} other {{t}}}} other {#}} {o, selectordinal, other {#}} {d, DATE, ::yMMMd}")
    #expect(
      mixed.formatsWithoutFail(
        with: ["n": .number(1), "s": .string("a"), "t": .date(Self.day), "d": .date(Self.day)], locale: en))
    #expect(mixed.formatsWithoutFail(with: [:], locale: en))
    #expect(!mixed.formatsWithoutFail(with: ["n": .string("1")], locale: en))
    #expect(!mixed.formatsWithoutFail(with: ["n": .number(.nan)], locale: en))
    #expect(!mixed.formatsWithoutFail(with: ["s": .number(1)], locale: en))
    #expect(!mixed.formatsWithoutFail(with: ["o": .date(Self.day)], locale: en))
    #expect(!mixed.formatsWithoutFail(with: ["d": .string("today")], locale: en))
    let numbers = try MessageStructure("{n, number} {m, spellout, %spellout-ordinal} {o, Number}")
    #expect(numbers.formatsWithoutFail(with: ["n": .number(1), "m": .number(2)], locale: en))
    #expect(!numbers.formatsWithoutFail(with: ["n": .string("1")], locale: en))
    #expect(!numbers.formatsWithoutFail(with: ["m": .date(Self.day)], locale: en))
    #expect(!numbers.formatsWithoutFail(with: ["o": .number(.infinity)], locale: en))
    for pattern in [
      "{n, number, integer}", "{n, SpellOut}", "{c, choice, 0#none|1#one}", "{d, date, short}",
      "{d, datetime, ::yMMMd}",
    ] {
      #expect(!(try MessageStructure(pattern)).formatsWithoutFail(with: [:], locale: en), "\(pattern)")
    }
    #expect(try MessageStructure("{d, time,\u{2028} ::jmm}").formatsWithoutFail(with: [:], locale: en))
    // ICU makes a formatter for an empty skeleton (it prints nothing: DateSkeletonCheck's finding).
    #expect(try MessageStructure("{d, date, ::}").formatsWithoutFail(with: [:], locale: en))
  }

  /// The cases above are not all alike: dates are formatted ahead, plurals pick their forms, and
  /// some fail.
  @Test func theCasesFormatDatesAndPluralsAndFail() {
    let outcomes = Self.cases.map { Self.format($0.0, $0.1, locale: "en", unkept: true) }
    #expect(outcomes[0].text == "Reviewed: June 23, 2023")
    #expect(outcomes[1].text == "2 Replies · Thursday, February 29, 2024")
    #expect(outcomes[5].text?.contains("2023") == true)
    #expect(outcomes.filter { $0.text == nil }.count >= 5)
    #expect(outcomes.contains { $0.text == "1,000,000 items" })
    #expect(outcomes.contains { $0.text == "you and 1 other" })
  }

  /// The kept date formatters are shared by every thread, and each thread has its own kept
  /// MessageFormats: messages formatted on several threads at once, in another order on each,
  /// give what they give one at a time.
  @Test func formattersAreSharedSafelyBetweenThreads() {
    let work = Self.locales.flatMap { locale in Self.cases.map { (locale, $0.0, $0.1) } }
    let expected = work.map { Self.format($0.1, $0.2, locale: $0.0, unkept: true) }
    let mismatches = Mutex<[String]>([])
    DispatchQueue.concurrentPerform(iterations: 8) { thread in
      for round in 0..<3 {
        for index in work.indices where (index + round + thread) % 3 == 0 {
          let (locale, pattern, arguments) = work[index]
          let outcome = Self.format(pattern, arguments, locale: locale, unkept: false)
          if outcome != expected[index] {
            mismatches.withLock { $0.append("\(locale): \(pattern): \(outcome), not \(expected[index])") }
          }
        }
      }
    }
    #expect(mismatches.withLock { $0 } == [])
  }
}
