import Foundation
import NetexportICU
import NetexportModel
import Testing

@testable import NetexportValidation

/// The checks translators expect (issue 13, items 2 and 3, and the markup gap of issue 12),
/// beyond their fixtures in `checks/`: what each leaves alone, and the cases that decide
/// between a finding and none.
@Suite struct TranslatorChecksTests {
  /// The findings for the clean catalog of `locale` with `text` as the entry's text (the
  /// entry's `text:` line replaced).
  static func findings(
    _ key: String, _ text: String, locale: String = "es", extra: String = ""
  ) throws -> [Diagnostic] {
    let clean = try String(
      contentsOf: Fixtures.checks.appendingPathComponent("clean.\(locale).yaml"), encoding: .utf8)
    var lines = clean.components(separatedBy: "\n")
    let keyLine = try #require(lines.firstIndex(of: "  \(key):"))
    let textLine = try #require(lines[keyLine...].firstIndex { $0.hasPrefix("    text: ") })
    lines[textLine] = "    text: \(text)" + (extra.isEmpty ? "" : "\n" + extra)
    let catalog = try Catalog.parse(
      lines.joined(separator: "\n"), file: "checks/\(locale).yaml", expectedLocale: locale, lenient: true)
    return try Fixtures.validator().validate(catalog, locale: try #require(LanguageTag(locale)))
  }

  static func codes(_ key: String, _ text: String, locale: String = "es", extra: String = "") throws -> [String] {
    try findings(key, text, locale: locale, extra: extra).map(\.code)
  }

  // MARK: untranslated and state-missing

  @Test func untranslatedIsAnErrorThatAllowAccepts() throws {
    #expect(try Self.findings("dosing.heading", "\"Dosing\"").map(\.severity) == [.error])
    #expect(try Self.codes("dosing.heading", "\"Dosing\"", extra: "    allow: [untranslated]") == [])
  }

  // MARK: plural-number-missing

  @Test(arguments: [
    // The number in words, through the argument itself.
    (
      "es",
      "{tablets, plural, one {Queda un comprimido} many {Quedan # de comprimidos} other {Quedan {tablets, spellout} comprimidos}}",
      []
    ),
    // An explicit branch is one number.
    (
      "es",
      "{tablets, plural, =1 {Queda un comprimido} one {Queda # comprimido} many {Quedan # de comprimidos} other {Quedan # comprimidos}}",
      []
    ),
    // A branch whose category the source lacks is compared with the source's 'other'.
    (
      "es",
      "{tablets, plural, one {Queda # comprimido} many {Quedan millones de comprimidos} other {Quedan # comprimidos}}",
      ["plural-number-missing"]
    ),
    // Italian 'one' is only 1.
    (
      "it", "{tablets, plural, one {Resta una compressa} many {Restano # di compresse} other {Restano # compresse}}", []
    ),
  ])
  func aPluralBranchShowsTheNumberWhereTheSourceDoes(locale: String, text: String, expected: [String]) throws {
    #expect(try Self.codes("dosing.tablets", "\"\(text)\"", locale: locale) == expected)
  }

  /// A '#' shows the number of the plural branch it is in, as ICU reads it: not the number
  /// of an outer plural, and not inside a select (ICU prints that '#' as it is).
  @Test func aHashShowsTheNumberOfThePluralBranchItIsIn() throws {
    let structure = try MessageStructure(
      "{n, plural, one {{g, select, f {# amica} other {# amico}}} other {{m, plural, one {uno} other {# altri}}}}")
    // Only m's 'other'.
    #expect(PluralNumberCheck.branchesShowingTheNumber(structure) == [.init(argument: 2, branch: 1)])
    #expect(
      PluralNumberCheck.branchesShowingTheNumber(
        try MessageStructure("{n, plural, one {{n} elemento} other {# elementi}}"))
        == [.init(argument: 0, branch: 0), .init(argument: 0, branch: 1)])
  }

  /// ICU's samples decide which categories are one number: Arabic `two` is only 2, Russian
  /// `one` is 1, 21, 31, ...
  @Test func theCategoriesOfOneNumberComeFromICU() throws {
    let arabic = PluralRulesCache(locale: LanguageTag("ar")!)
    #expect(Set(arabic.samples("two", .cardinal)) == [2])
    #expect(Set(arabic.samples("zero", .cardinal)) == [0])
    #expect(Set(PluralRulesCache(locale: LanguageTag("ru")!).samples("one", .cardinal)).count > 1)
    #expect(Set(PluralRulesCache(locale: LanguageTag("es")!).samples("one", .cardinal)) == [1])
    #expect(Set(PluralRulesCache(locale: LanguageTag("fr")!).samples("one", .cardinal)).count > 1)
  }

  // MARK: apostrophe-quote

  @Test(arguments: [
    // An apostrophe ICU reads as one: doubled, typographic, or before text.
    ("Rivisto l''{reviewed, date, ::yMMMMd}", []),
    ("Rivisto l’{reviewed, date, ::yMMMMd}", []),
    ("L'ultima revisione: {reviewed, date, ::yMMMMd}", []),
    // Quoting on purpose: '{' is a brace, also right after a word (as the Markdown importer
    // writes literal braces), and ''' is an apostrophe in quoted text.
    ("Rivisto il {reviewed, date, ::yMMMMd} '{'", []),
    ("Questions in '{'curly braces'}', it's '''{'all'}''' kept", []),
    // Quoted text that runs to the end.
    ("Rivisto il {reviewed, date, ::yMMMMd}, un po'}", [44]),
    ("Rivisto l'{reviewed, date, ::yMMMMd}", [9]),
  ])
  func anApostropheAfterALetterThatQuotesIsReported(text: String, offsets: [Int]) {
    #expect(ApostropheCheck.traps(in: text) == offsets)
  }

  /// `'#` quotes only inside a plural branch; elsewhere it is an apostrophe and a '#'.
  @Test func anApostropheBeforeAHashOutsideAPluralIsText() {
    #expect(ApostropheCheck.traps(in: "Capitolo l'#1") == [])
    #expect(ApostropheCheck.traps(in: "{n, plural, one {l'# elemento} other {gli # elementi}}") == [18])
    // Two traps: the second apostrophe would end the first's quoted text, so ICU sees one.
    #expect(ApostropheCheck.traps(in: "{n, plural, one {Un po'} other {l'# elementi}}") == [22])
  }

  /// Only the apostrophe is reported: no argument-missing, no message-syntax.
  @Test func theApostropheReplacesICUsMisleadingFindings() throws {
    let findings = try Self.findings(
      "document.reviewed", "\"Rivisto l'{reviewed, date, ::yMMMMd}\"", locale: "it")
    #expect(findings.map(\.code) == ["apostrophe-quote"])
  }

  // MARK: quoted-text

  @Test(arguments: [
    ("\"«Dosis»\"", ["quoted-text"]),
    ("\"„Dosis“\"", ["quoted-text"]),
    ("\"「Dosis」\"", ["quoted-text"]),
    // Two quotations, not one text in quotes.
    ("\"“Dosis” y “administración”\"", []),
    ("\"Dosis “diaria”\"", []),
  ])
  func aTextWrappedInQuotationMarksIsAWarning(text: String, expected: [String]) throws {
    #expect(try Self.codes("dosing.heading", text) == expected)
  }

  // MARK: markup-mismatch

  @Test func markupIsComparedAsASetAndInBalance() {
    #expect(MarkupCheck.tagNames(in: "{n, plural, one {<b>#</b> x} other {<b>#</b> y}}") == ["<b>", "</b>"])
    #expect(MarkupCheck.tagNames(in: "< 5 mg, a <c> tag") == [])
  }

  @Test func aTagLeftOutOrOpenIsReported() throws {
    #expect(try Self.codes("dosing.dose", "\"Tome 500 mg dos veces al día.</b>\"") == ["markup-mismatch"])
    #expect(try Self.codes("dosing.dose", "\"Tome <link1>500 mg dos veces al día.\"") == ["markup-mismatch"])
  }

  // MARK: note-changed

  @Test func aNoteIsComparedOnlyWhereTheTranslationRecordsOne() throws {
    // The English note of dosing.tablets; the clean catalog records none.
    #expect(try Self.codes("dosing.heading", "\"Dosis\"") == [])
    #expect(
      try Self.codes(
        "dosing.tablets",
        "\"{tablets, plural, one {Queda # comprimido} many {Quedan # de comprimidos} other {Quedan # comprimidos}}\"",
        extra: "    note: \"{tablets} is the number of tablets left in the pack.\"") == [])
    // Not translated yet: its translator will read the note.
    #expect(
      try Self.codes("dosing.tablets", "\"\"", extra: "    note: \"{tablets} is the number of tablets.\"")
        == ["empty-text"])
    #expect(
      try Self.codes(
        "dosing.tablets",
        "\"{tablets, plural, one {Queda # comprimido} many {Quedan # de comprimidos} other {Quedan # comprimidos}}\"",
        extra: "    note: \"{tablets} is the number of tablets.\"") == ["note-changed"])
  }
}
