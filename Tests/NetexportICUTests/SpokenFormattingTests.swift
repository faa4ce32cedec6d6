import NetexportICU
import Testing

@Suite struct SpokenFormattingTests {
  func tag(_ text: String) throws -> LanguageTag { try #require(LanguageTag(text)) }

  @Test(arguments: [
    ("en", "Reviewed: June twenty-third, twenty twenty-three"),
    ("es", "Revisado: veintitrés de junio de dos mil veintitrés"),
    ("de", "Geprüft: dreiundzwanzigster Juni zweitausenddreiundzwanzig"),
    ("fr", "Revu : vingt-trois juin deux mille vingt-trois"),
    ("zh-Hans", "审核：二〇二三年六月二十三日"),
  ])
  func spellsOutDatesAsSpoken(locale: String, expected: String) throws {
    let label =
      ["en": "Reviewed", "es": "Revisado", "de": "Geprüft", "fr": "Revu ", "zh-Hans": "审核"][locale]!
    let separator = locale == "zh-Hans" ? "：" : ": "
    let day = try #require(CalendarDay(iso8601: "2023-06-23"))
    let text = try Formatting.spokenMessage(
      "\(label)\(separator){d, date, ::yMMMMd}", arguments: ["d": .date(day)], locale: tag(locale))
    #expect(text == expected)
  }

  /// Dates in the form each language speaks: Arabic says the day as an ordinal, "of" the
  /// month, "year" and the year in the genitive; Vietnamese "ngày" before the day after a
  /// weekday and "năm" before the year; French and Portuguese say the first of a month as
  /// an ordinal.
  @Test(arguments: [
    ("ar", "2023-06-23", "yMMMMd", "الثالث والعشرون من يونيو عام ألفين وثلاثة وعشرين"),
    ("ar", "2025-02-05", "yMMMMEEEEd", "الأربعاء، الخامس من فبراير عام ألفين وخمسة وعشرين"),
    ("ar", "2012-12-31", "yMMMMd", "الحادي والثلاثون من ديسمبر عام ألفين واثني عشر"),
    ("vi", "2023-06-23", "yMMMMd", "hai mươi ba tháng sáu năm hai nghìn không trăm hai mươi ba"),
    ("vi", "2025-02-05", "yMMMMEEEEd", "Thứ Tư, ngày năm tháng hai năm hai nghìn không trăm hai mươi lăm"),
    ("fr", "2023-06-01", "yMMMMd", "premier juin deux mille vingt-trois"),
    ("fr", "2023-06-02", "yMMMMd", "deux juin deux mille vingt-trois"),
    ("pt-BR", "2023-06-01", "yMMMMd", "primeiro de junho de dois mil e vinte e três"),
    ("es", "2023-06-01", "yMMMMd", "uno de junio de dos mil veintitrés"),
  ])
  func saysDatesAsEachLanguageDoes(locale: String, date: String, skeleton: String, expected: String) throws {
    let day = try #require(CalendarDay(iso8601: date))
    let text = try Formatting.spokenMessage(
      "{d, date, ::\(skeleton)}", arguments: ["d": .date(day)], locale: tag(locale))
    #expect(text == expected)
  }

  /// Arabic part numbers are ordinals ("الجزء الأول"), spelled as Arabic spells them
  /// (ICU's data writes "إثنان" with a hamza).
  @Test func spellsArabicOrdinalsAndNumbersAsArabicDoes() throws {
    let pattern = "الجزء {part, spellout, %spellout-ordinal-masculine} من {parts, number}"
    #expect(
      try Formatting.spokenMessage(pattern, arguments: ["part": .number(1), "parts": .number(8)], locale: tag("ar"))
        == "الجزء الأول من ثمانية")
    #expect(
      try Formatting.message(pattern, arguments: ["part": .number(1), "parts": .number(8)], locale: tag("ar"))
        == "الجزء ١ من ٨")
    #expect(try Formatting.spokenMessage("النوع 2", arguments: [:], locale: tag("ar")) == "النوع اثنان")
    #expect(try Formatting.spokenMessage("{n, number}", arguments: ["n": .number(12)], locale: tag("ar")) == "اثنا عشر")
  }

  /// Numbers in running text are words in every language: next to Chinese characters
  /// (written without spaces) and at the end of an abbreviation; digits inside a word of
  /// letters keep their reading.
  @Test(arguments: [
    ("zh-Hans", "多发性内分泌腺瘤病1型（MEN1）", "多发性内分泌腺瘤病一型（MEN一）"),
    ("zh-Hans", "第2部分", "第二部分"),
    ("en", "MEN1, vitamin B12, H2O, 3D and 2.5 mg", "MEN one, vitamin B twelve, H2O, 3D and 2.5 mg"),
    ("de", "Typ 1", "Typ eins"),
    ("en", "see https://example.org/men1 or info@men1.org", "see https://example.org/men1 or info@men1.org"),
  ])
  func spellsOutNumbersInText(locale: String, written: String, spoken: String) throws {
    #expect(try Formatting.spokenMessage(written, arguments: [:], locale: tag(locale)) == spoken)
  }

  @Test func writesOutAbbreviatedNamesAndPluralCounts() throws {
    let day = try #require(CalendarDay(iso8601: "2025-02-05"))
    let pattern = "{n, plural, one {# Reply} other {# Replies}} · {d, date, ::EEEyMMMdd}"
    #expect(
      try Formatting.message(pattern, arguments: ["n": .number(121), "d": .date(day)], locale: tag("en"))
        == "121 Replies · Wed, Feb 05, 2025")
    #expect(
      try Formatting.spokenMessage(pattern, arguments: ["n": .number(121), "d": .date(day)], locale: tag("en"))
        == "one hundred twenty-one Replies · Wednesday, February fifth, twenty twenty-five")
    #expect(
      try Formatting.spokenMessage(pattern, arguments: ["n": .number(1), "d": .date(day)], locale: tag("en"))
        .hasPrefix("one Reply · "))
  }

  /// `#` in a plural with an offset is the number less the offset, in speech as in print.
  @Test func speaksAPluralCountLessItsOffset() throws {
    let pattern = "{n, plural, offset:1 =0 {nobody} =1 {you} one {you and # other} other {you and # others}}"
    for (count, written, spoken) in [
      (3, "you and 2 others", "you and two others"), (2, "you and 1 other", "you and one other"),
    ] {
      #expect(try Formatting.message(pattern, arguments: ["n": .number(Double(count))], locale: tag("en")) == written)
      #expect(
        try Formatting.spokenMessage(pattern, arguments: ["n": .number(Double(count))], locale: tag("en")) == spoken)
    }
    // A negative offset adds to the number.
    #expect(
      try Formatting.spokenMessage(
        "{n, plural, offset:-20 other {# respuestas}}", arguments: ["n": .number(1)], locale: tag("es"))
        == "veintiuno respuestas")
  }

  @Test func spellsOutNumberArgumentsAndDigitsInText() throws {
    #expect(
      try Formatting.spokenMessage(
        "Part {p, number} of {n, number}: type 1, 2.5 mg, H2O", arguments: ["p": .number(3), "n": .number(8)],
        locale: tag("en")) == "Part three of eight: type one, 2.5 mg, H2O")
  }

  @Test func removesSoftHyphens() throws {
    let written = try Formatting.spellOut(1_234_567, locale: tag("de"))
    let spoken = try Formatting.spokenMessage("{n, number}", arguments: ["n": .number(1_234_567)], locale: tag("de"))
    #expect(!spoken.contains("\u{AD}"))
    #expect(spoken == String(String.UnicodeScalarView(written.unicodeScalars.filter { $0 != "\u{AD}" })))
  }

  @Test func joinsListsWithTheLocalePattern() throws {
    #expect(try Formatting.list(["a", "b", "c"], locale: tag("en")) == "a, b, and c")
    #expect(try Formatting.list(["a", "b", "c"], locale: tag("es")) == "a, b y c")
    #expect(try Formatting.list(["a"], locale: tag("en")) == "a")
    #expect(try Formatting.list(["a", "b"], locale: tag("de")) == "a und b")
  }

  @Test func yearsUseTheYearRuleSet() throws {
    #expect(
      try Formatting.spellOut(1999, ruleSet: "%spellout-numbering-year", locale: tag("en")) == "nineteen ninety-nine")
    #expect(
      try Formatting.spellOut(1999, ruleSet: "%no-such-rules", locale: tag("en"))
        == "one thousand nine hundred ninety-nine")
  }
}

@Suite struct SpelloutArgumentTests {
  @Test func aSpelloutArgumentIsADigitInWritingAndAgreesWithItsNounInSpeech() throws {
    let spanish = try #require(LanguageTag("es"))
    let pattern =
      "{n, plural, one {{n, spellout, %spellout-cardinal-feminine} respuesta} other {{n, spellout, %spellout-cardinal-feminine} respuestas}}"
    #expect(try Formatting.message(pattern, arguments: ["n": .number(121)], locale: spanish) == "121 respuestas")
    let many = try Formatting.spokenMessage(pattern, arguments: ["n": .number(121)], locale: spanish)
    #expect(many == "ciento veintiuna respuestas")
    let one = try Formatting.spokenMessage(pattern, arguments: ["n": .number(1)], locale: spanish)
    #expect(one == "una respuesta")
  }

  /// A locale's spellout is opened once and shared by the whole process: a number said with
  /// another rule set must not change how the next one is said with the default set.
  @Test func aSharedSpelloutKeepsItsDefaultRuleSet() throws {
    let english = try #require(LanguageTag("en"))
    #expect(try Formatting.spellOut(3, locale: english) == "three")
    #expect(try Formatting.spellOut(3, ruleSet: "%spellout-ordinal", locale: english) == "third")
    #expect(try Formatting.spellOut(3, locale: english) == "three")
    #expect(try Formatting.spellOut(3, ruleSet: "%no-such-rules", locale: english) == "three")
    #expect(
      try Formatting.spellOut(2023, ruleSet: "%spellout-numbering-year", locale: english) == "twenty twenty-three")
    #expect(try Formatting.spellOut(2023, locale: english) == "two thousand twenty-three")
  }

  /// Threads that say numbers in the same locale at once, with different rule sets, each get
  /// their own words.
  @Test func aSharedSpelloutSaysNumbersOnSeveralThreadsAtOnce() async throws {
    let german = try #require(LanguageTag("de"))
    let expected = try (1...40).map {
      (
        try Formatting.spellOut(Int64($0), locale: german),
        try Formatting.spellOut(Int64($0), ruleSet: "%spellout-ordinal-r", locale: german)
      )
    }
    let said = try await withThrowingTaskGroup(of: (Int, String, String).self) { group in
      for number in 1...40 {
        group.addTask {
          var cardinal = ""
          var ordinal = ""
          for _ in 0..<25 {
            cardinal = try Formatting.spellOut(Int64(number), locale: german)
            ordinal = try Formatting.spellOut(Int64(number), ruleSet: "%spellout-ordinal-r", locale: german)
          }
          return (number, cardinal, ordinal)
        }
      }
      var said: [Int: (String, String)] = [:]
      for try await (number, cardinal, ordinal) in group { said[number] = (cardinal, ordinal) }
      return said
    }
    for number in 1...40 {
      #expect(said[number]?.0 == expected[number - 1].0)
      #expect(said[number]?.1 == expected[number - 1].1)
    }
  }
}
