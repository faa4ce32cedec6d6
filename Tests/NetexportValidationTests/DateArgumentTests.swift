import NetexportICU
import NetexportModel
import Testing

@testable import NetexportValidation

/// Validation of messages with a date argument, whose dates the ICU door formats ahead with
/// kept formatters (`netx_format_message`): the findings are those of ICU formatting each
/// message itself. A skeleton ICU cannot read is still reported where it is, and another
/// argument ICU cannot format still fails the message that has a date.
@Suite struct DateArgumentTests {
  static let location = SourceLocation(file: "en.yaml")
  static let sourceText = "Reviewed {reviewed, date, ::yMMMMd}: {pages, number} pages"

  static func findings(_ text: String) throws -> [String] {
    let document = Document(
      id: "dates", sourceLocale: "en",
      metadata: Metadata(title: "title", byline: "title", reviewed: "title", publisher: "Example"),
      sections: [
        Section(
          id: "s", heading: "title",
          blocks: [
            .paragraph(
              TextRef(
                "reviewed",
                arguments: [
                  "reviewed": .date(try #require(CalendarDay(year: 2024, month: 2, day: 29))), "pages": .number(12),
                ]))
          ])
      ],
      references: References(heading: "title", items: []))
    let english = Catalog(
      locale: "en", file: "en.yaml",
      entries: [
        CatalogEntry(key: "title", text: "Dates", location: location),
        CatalogEntry(key: "reviewed", text: sourceText, location: location),
      ])
    let spanish = Catalog(
      locale: "es", file: "es.yaml",
      entries: [
        CatalogEntry(key: "title", text: "Fechas", source: "Dates", state: .translated, location: location),
        CatalogEntry(key: "reviewed", text: text, source: sourceText, state: .translated, location: location),
      ])
    return Validator(document: document, source: english, sourceLocale: try #require(LanguageTag("en")))
      .validate(spanish, locale: try #require(LanguageTag("es"))).map { "\($0.code): \($0.message)" }
  }

  @Test func aReadableSkeletonGivesNoFormattingFinding() throws {
    #expect(try Self.findings("Revisado el {reviewed, date, ::yMMMMd}: {pages, number} páginas") == [])
    // Another skeleton than the source's is the translator's choice to confirm, not an error.
    #expect(
      try Self.findings("Revisado el {reviewed, date, ::yMMMMEEEEd}: {pages, number} páginas") == [
        "argument-style: 'reviewed' formats {reviewed} with the style \"::yMMMMEEEEd\", but the source message uses \"::yMMMMd\"; copy the whole {...} from source unless the other style is meant (then add allow: [argument-style])"
      ])
  }

  /// DateSkeletonCheck reports the first character ICU cannot read (ICU itself ignores it),
  /// and a skeleton with no field.
  @Test func anUnreadableSkeletonIsStillReported() throws {
    let advice = "write only field letters after '::', such as ::yMMMMd (y year, MMMM month, d day, EEEE weekday)"
    #expect(
      try Self.findings("Revisado el {reviewed, date, ::yMMMMd@}: {pages, number} páginas") == [
        "message-syntax: 'reviewed' formats {reviewed} with the date skeleton \"yMMMMd@\", in which \"@\" is not a date field letter ICU knows (ICU ignores it, and prints what the other letters mean); \(advice)"
      ])
    #expect(
      try Self.findings("Revisado el {reviewed, date, ::}: {pages, number} páginas") == [
        "message-syntax: 'reviewed' formats {reviewed} with an empty date skeleton, which prints nothing; \(advice)"
      ])
  }

  /// An argument's style is compared with the source's at its first readable use: a use
  /// whose skeleton ICU cannot read is reported as such and does not keep a later use with
  /// another style from being reported (ArgumentCheck asks ICU only about styles that differ).
  @Test func theStyleOfTheFirstReadableUseIsCompared() throws {
    let findings = try Self.findings(
      "Revisado el {reviewed, date, ::yMMMMd@} ({reviewed, date, ::yMMMMEEEEd}, {reviewed, date, ::yMd}): {pages, number} páginas"
    )
    #expect(findings.map { $0.prefix { $0 != ":" } } == ["message-syntax", "argument-style"])
    #expect(findings.last?.contains("with the style \"::yMMMMEEEEd\"") == true)
  }

  /// A number skeleton ICU cannot read fails the message, although its date is formatted ahead.
  @Test func anotherArgumentICUCannotFormatStillFailsTheMessage() throws {
    #expect(
      try Self.findings("Revisado el {reviewed, date, ::yMMMMd}: {pages, number, ::group-of} páginas") == [
        "message-syntax: 'reviewed' has a number skeleton ICU cannot read: {pages, number, ::group-of}; check the words after '::' (for example ::integer, ::percent, ::group-off)"
      ])
  }
}
