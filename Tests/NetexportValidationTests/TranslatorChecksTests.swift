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
