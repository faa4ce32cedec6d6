import NetexportICU
import Testing

@Suite struct ICUInfoTests {
  @Test func versionsAreReported() {
    #expect(ICUInfo.version.split(separator: ".").count >= 2)
    #expect(Int(ICUInfo.version.split(separator: ".")[0]).map { $0 >= 60 } == true)
    #expect(!ICUInfo.unicodeVersion.isEmpty)
  }
}

@Suite struct LanguageTagTests {
  @Test(arguments: [
    ("en", "en", "en"), ("pt-br", "pt-BR", "pt_BR"), ("zh-hans", "zh-Hans", "zh_Hans"), ("ar", "ar", "ar"),
    ("es-419", "es-419", "es_419"),
  ])
  func canonicalizes(input: String, canonical: String, localeID: String) throws {
    let tag = try #require(LanguageTag(input))
    #expect(tag.canonical == canonical)
    #expect(tag.localeID == localeID)
  }

  @Test(arguments: ["", "../x", "en_US", "en/../../etc", "e", "toolongsubtag1", "en--US", "und", "-en", "é"])
  func rejectsInvalidTags(input: String) {
    #expect(LanguageTag(input) == nil)
  }

  @Test func knowsScriptDirection() throws {
    #expect(try #require(LanguageTag("ar")).isRightToLeft)
    #expect(try !#require(LanguageTag("en")).isRightToLeft)
  }

  @Test func namesLocales() throws {
    let en = try #require(LanguageTag("en"))
    #expect(try #require(LanguageTag("es")).displayName(in: en) == "Spanish")
    #expect(try #require(LanguageTag("pt-BR")).displayName(in: en) == "Portuguese (Brazil)")
  }
}

/// Tags that parse but that ICU cannot serve: a language without data, an unknown region.
@Suite struct KnownLocaleTests {
  @Test(arguments: [
    ("it", [String]()), ("it-IT", []), ("pt-BR", []), ("zh-Hans", []), ("es-419", []), ("sr-Latn-RS", []),
    ("ar", []), ("vi", []),
    ("Italian", ["'italian' is not a language ICU has data for"]),
    ("xx", ["'xx' is not a language ICU has data for"]),
    ("zz-ZZ", ["'zz' is not a language ICU has data for", "'ZZ' is not a region ICU knows"]),
    ("it-ZZ", ["'ZZ' is not a region ICU knows"]),
    ("it-QQ", ["'QQ' is not a region ICU knows"]),
    ("it-Qaaa", ["'Qaaa' is not a script ICU knows"]),
  ])
  func findsWhatICUDoesNotKnow(tag: String, unknown: [String]) throws {
    let parsed = try #require(LanguageTag(tag))
    #expect(parsed.unknownSubtags.map(\.description) == unknown)
  }

  @Test func findsALanguageByItsName() throws {
    let english = try #require(LanguageTag("en"))
    #expect(LanguageTag.languages(named: "Italian", in: english).map(\.canonical) == ["it"])
    #expect(LanguageTag.languages(named: "spanish", in: english).map(\.canonical) == ["es"])
    #expect(LanguageTag.languages(named: "Deutsch", in: english).map(\.canonical) == ["de"])
    #expect(LanguageTag.languages(named: "Klingonish", in: english).isEmpty)
  }
}

@Suite struct PaperTests {
  /// CLDR's paper sizes by region; a tag without a region takes its likely region.
  @Test(arguments: [
    ("en", Paper.letter), ("en-US", .letter), ("en-GB", .a4), ("es", .a4), ("es-MX", .letter), ("es-CO", .letter),
    ("es-US", .letter),
    ("fr", .a4), ("fr-CA", .letter), ("de", .a4), ("pt-BR", .a4), ("zh-Hans", .a4), ("ar", .a4), ("vi", .a4),
  ])
  func choosesThePaperOfTheLocalesRegion(tag: String, paper: Paper) throws {
    #expect(try Paper.customary(for: #require(LanguageTag(tag))) == paper)
  }
}

@Suite struct PluralRulesTests {
  @Test(arguments: [
    ("en", ["one", "other"]), ("de", ["one", "other"]), ("fr", ["one", "many", "other"]),
    ("es", ["one", "many", "other"]), ("ar", ["zero", "one", "two", "few", "many", "other"]),
    ("zh-Hans", ["other"]), ("vi", ["other"]), ("ru", ["one", "few", "many", "other"]),
  ])
  func categoriesFollowCLDR(locale: String, expected: [String]) throws {
    let rules = try PluralRules(locale: #require(LanguageTag(locale)))
    #expect(try rules.categories() == expected)
  }

  @Test func selectsCategories() throws {
    let english = try PluralRules(locale: #require(LanguageTag("en")))
    #expect(try english.category(for: 1) == "one")
    #expect(try english.category(for: 7) == "other")
    let arabic = try PluralRules(locale: #require(LanguageTag("ar")))
    #expect(
      try [0, 1, 2, 7, 121, 100].map { try arabic.category(for: $0) } == [
        "zero", "one", "two", "few", "many", "other",
      ])
    let ordinal = try PluralRules(locale: #require(LanguageTag("en")), type: .ordinal)
    #expect(try ordinal.category(for: 2) == "two")
  }
}

@Suite struct FormattingTests {
  let en = LanguageTag("en")!

  @Test func formatsNumbers() throws {
    #expect(try Formatting.number(1234.5, locale: en) == "1,234.5")
    #expect(try Formatting.number(1234.5, locale: #require(LanguageTag("de"))) == "1.234,5")
  }

  @Test func growsTheBufferForLongResults() throws {
    // 10^300 has 301 digits and 100 grouping separators: past the first 128-unit buffer.
    let formatted = try Formatting.number(1e300, locale: en)
    #expect(formatted.count == 401)
    #expect(formatted.hasPrefix("1,000,000,"))
  }

  @Test func formatsDatesWhateverTheTimeZone() throws {
    let day = try #require(CalendarDay(iso8601: "2023-06-23"))
    #expect(try Formatting.date(day, skeleton: "yMMMMd", locale: en) == "June 23, 2023")
    #expect(try Formatting.date(day, skeleton: "yMMMMd", locale: #require(LanguageTag("es"))) == "23 de junio de 2023")
  }

  @Test(
    arguments: [
      ("yMMMMd", nil), ("EEEyMMMdd", nil), ("jmm", nil), ("Jmm", nil), (" yMMMd ", nil), ("", 0), ("  ", 0),
      ("@@@!!garbage", 0), ("yMMMdi", 5), ("yMMMd'x'", 5), ("yMMMMd\u{A0}", 6), ("yMM💊", 3),
    ] as [(String, Int?)])
  func findsWhatICUCannotReadInADateSkeleton(skeleton: String, offset: Int?) {
    #expect(Formatting.unreadableSkeletonOffset(in: skeleton) == offset)
  }

  @Test func formatsMessagesWithPluralsAndDates() throws {
    let pattern = "{replies, plural, one {# reply} other {# replies}} · {posted, date, ::EEEyMMMdd}"
    let day = try #require(CalendarDay(iso8601: "2025-02-05"))
    #expect(
      try Formatting.message(pattern, arguments: ["replies": .number(121), "posted": .date(day)], locale: en)
        == "121 replies · Wed, Feb 05, 2025")
    #expect(
      try Formatting.message(pattern, arguments: ["replies": .number(1), "posted": .date(day)], locale: en)
        == "1 reply · Wed, Feb 05, 2025")
  }

  @Test func keepsApostrophesInPlainText() throws {
    #expect(try Formatting.message("don't release", arguments: [:], locale: en) == "don't release")
  }

  @Test func reportsSyntaxErrorsWithTheirOffset() throws {
    #expect(throws: MessageSyntaxError.self) {
      try Formatting.message("Hello {name", arguments: [:], locale: en)
    }
    do {
      _ = try Formatting.message("ab {n, plural, one {x}}", arguments: ["n": .number(1)], locale: en)
      Issue.record("expected an error")
    } catch let error as MessageSyntaxError {
      #expect(error.name == "U_DEFAULT_KEYWORD_MISSING")
    }
  }

  @Test(arguments: [
    ("2023-06-23", true), ("2024-02-29", true), ("2023-02-29", false), ("2023-13-01", false), ("23-06-2023", false),
    ("2023-6-23", false), ("", false),
  ])
  func parsesCalendarDays(text: String, valid: Bool) {
    #expect((CalendarDay(iso8601: text) != nil) == valid)
  }
}

@Suite struct BreakIteratorTests {
  @Test func findsLineBreakOpportunities() throws {
    let iterator = try BreakIterator(.line, locale: #require(LanguageTag("en")))
    let text = "Pain from a growing tumor\nend"
    let pieces = try iterator.segments(of: text).map { String(text[$0.range]) }
    #expect(pieces == ["Pain ", "from ", "a ", "growing ", "tumor\n", "end"])
    let hard = try iterator.segments(of: text).map { $0.ruleStatus >= 100 }
    #expect(hard == [false, false, false, false, true, false])
  }

  @Test func breaksChineseBetweenCharacters() throws {
    let iterator = try BreakIterator(.line, locale: #require(LanguageTag("zh-Hans")))
    let text = "神经内分泌肿瘤。"
    let pieces = try iterator.segments(of: text).map { String(text[$0.range]) }
    #expect(pieces.joined() == text)
    #expect(pieces.count > 1)
    #expect(pieces.last == "瘤。")  // no line may start with the full stop
  }

  @Test func reusesOneIteratorForManyTexts() throws {
    let iterator = try BreakIterator(.word, locale: #require(LanguageTag("en")))
    #expect(try iterator.segments(of: "a b").count == 3)
    #expect(try iterator.segments(of: "").isEmpty)
    #expect(try iterator.segments(of: "DNA").count == 1)
  }

  @Test func countsTerminalColumns() {
    #expect(TextColumns.count("abc") == 3)
    #expect(TextColumns.count("肿瘤") == 4)
    #expect(TextColumns.count("e\u{301}") == 1)
  }
}

@Suite struct MessageArgumentTests {
  @Test func listsArgumentNamesOnceInOrder() throws {
    #expect(
      try Formatting.argumentNames(in: "{a} and {b, plural, one {# {a}} other {{c, date, ::yMMMd}}}") == [
        "a", "b", "c",
      ])
    #expect(try Formatting.argumentNames(in: "no arguments, don't worry") == [])
  }

  @Test func reportsWhereAPatternIsBroken() {
    #expect(throws: MessageSyntaxError(offset: 7, name: "U_PATTERN_SYNTAX_ERROR", utf16Offset: 7)) {
      try Formatting.argumentNames(in: "Hello {na me}")
    }
  }
}

@Suite struct MessageStructureTests {
  @Test func readsArgumentsBranchesAndLiteralText() throws {
    let structure = try MessageStructure(
      "{replies, plural, =0 {No reply} one {# Reply} other {# Replies}} · {posted, date, ::yMMMd} by {name}")
    #expect(structure.arguments.map(\.name) == ["replies", "posted", "name"])
    #expect(structure.arguments.map(\.typeName) == ["plural", "date", "text"])
    #expect(structure.arguments[0].selectors == ["=0", "one", "other"])
    #expect(structure.arguments[1].utf16Offset == 67)
    #expect(structure.pluralNumberSigns == 2)
    #expect(structure.literalText.split(separator: "\u{1F}") == ["No reply", " Reply", " Replies", " · ", " by "])
  }

  @Test func readsNestedArgumentsAndQuotedText() throws {
    let structure = try MessageStructure(
      "It''s '{'here'}': {gender, select, female {{n, plural, one {# one} other {# more}}} other {#}}")
    #expect(structure.arguments.map(\.name) == ["gender", "n"])
    #expect(structure.arguments.map(\.kind) == [.select, .plural])
    #expect(structure.pluralNumberSigns == 2)
    #expect(structure.literalText.hasPrefix("It's {here}: "))
    #expect(structure.literalText.contains("#"))
  }

  @Test func readsThePluralOffsetFromICUsParse() throws {
    let structure = try MessageStructure(
      "{n, plural, offset:1 =0 {none} other {{m, selectordinal, offset:-2.5 other {#}}}} {s, select, other {x}}"
        + " {p, plural, =1 {one} other {#}} {d, number}")
    #expect(structure.arguments.map(\.name) == ["n", "m", "s", "p", "d"])
    #expect(structure.arguments.map(\.pluralOffset) == [1, -2.5, 0, 0, 0])
  }

  @Test func reportsSyntaxErrorsWithUTF16Offsets() {
    #expect(throws: MessageSyntaxError(offset: 7, name: "U_PATTERN_SYNTAX_ERROR", utf16Offset: 7)) {
      try MessageStructure("Hello {a b}")
    }
    #expect(throws: MessageSyntaxError.self) { try MessageStructure("{n, select, a {x}}") }
  }
}

@Suite struct NormalizationAndScriptTests {
  @Test func checksNFC() throws {
    #expect(Normalization.isNFC("Canci\u{F3}n"))
    #expect(!Normalization.isNFC("Cancio\u{301}n"))
    #expect(try Normalization.nfc("Cancio\u{301}n") == "Canci\u{F3}n")
  }

  @Test(arguments: [("en", "Latn"), ("ar", "Arab"), ("zh-Hans", "Hans"), ("zh-TW", "Hant"), ("vi", "Latn")])
  func findsLikelyScripts(tag: String, script: String) throws {
    #expect(try #require(LanguageTag(tag)).likelyScript == script)
  }

  @Test func listsTheNumbersOfAPluralCategory() throws {
    let spanish = try PluralRules(locale: #require(LanguageTag("es")))
    let many = try spanish.samples(of: "many")
    #expect(many.count > 2)
    #expect(many.filter { $0 == $0.rounded() }.allSatisfy { $0 >= 1_000_000 })
    let arabic = try PluralRules(locale: #require(LanguageTag("ar")))
    #expect(try Set(arabic.samples(of: "two")) == [2])
    #expect(try Set(arabic.samples(of: "zero")) == [0])
  }
}
