import NetexportICU
import NetexportModel
import Testing

/// The pseudo-localizer reads each source message with ICU, so netexport's limits on messages
/// apply to it too, and a refused message is reported at its entry.
@Suite struct PseudoLocalizerTests {
  static func source(_ text: String) throws -> Catalog {
    try Catalog.parse(
      "locale: en\nentries:\n  intro:\n    text: \"Hello\"\n  meta:\n    text: \"\(text)\"\n", file: "Locales/en.yaml")
  }

  @Test func reportsAMessageTooDeepAtTheArgumentThatGoesTooDeep() throws {
    let deep = String(repeating: "{n, select, other {", count: 11) + "x" + String(repeating: "}}", count: 11)
    #expect {
      _ = try PseudoLocalizer.catalog(locale: "en-XA", source: Self.source(deep), keep: [])
    } throws: { error in
      (error as? DiagnosticError)?.description
        == "Locales/en.yaml:6:202: error[message-syntax]: 'meta' is not a valid ICU message: an argument nested more than 10 deep at character 191 (netexport reads at most 10 levels of arguments inside one another)"
    }
  }

  /// en-XA makes a message about 40 % longer, which can take it over the length limit.
  @Test func reportsAMessageThePseudoLocaleMakesTooLong() throws {
    let long = "{n, plural, one {# day} other {# days}} " + String(repeating: "word ", count: 2_600)
    #expect(long.utf16.count < MessageLimits.maxLength)
    #expect {
      _ = try PseudoLocalizer.catalog(locale: "en-XA", source: Self.source(long), keep: [])
    } throws: { error in
      (error as? DiagnosticError)?.description
        == "Locales/en.yaml:6:11: error[message-syntax]: 'meta' is too complex for netexport in the pseudo-locale en-XA: longer than 16384 UTF-16 code units (netexport reads at most 16384 in one message)"
    }
  }
}
