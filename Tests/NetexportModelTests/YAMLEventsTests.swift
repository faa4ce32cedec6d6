import Testing

@testable import NetexportModel

/// `YAMLEvents` is the one file that uses Yams' undeclared `CYaml` module: these tests pin
/// down what it reads, so that a Yams release that changes or hides the module shows here.
@Suite struct YAMLEventsTests {
  static func events(_ text: String) throws -> [YAMLEvents.Event] {
    var events: [YAMLEvents.Event] = []
    try YAMLEvents.read(text) { events.append($0) }
    return events
  }

  @Test func readsEventsWithTheirPlaces() throws {
    let events = try Self.events("a: 'x'\nb: [1, &n 2, *n]\nc: !!binary aGk=\n")
    #expect(
      events.map(\.kind) == [
        .streamStart, .documentStart, .mappingStart, .scalar, .scalar, .scalar, .sequenceStart, .scalar, .scalar,
        .alias, .sequenceEnd, .scalar, .scalar, .mappingEnd, .documentEnd, .streamEnd,
      ])
    let quoted = events[4]
    #expect(quoted.value == "x")
    #expect(quoted.style == .singleQuoted)
    #expect(quoted.start == YAMLEvents.Position(line: 1, column: 4))
    #expect(events[6].isFlow)
    #expect(events[8].anchor == "n")
    #expect(events[8].start == YAMLEvents.Position(line: 2, column: 8))
    #expect(events[9].anchor == "n")
    #expect(events[9].start == YAMLEvents.Position(line: 2, column: 14))
    #expect(events[12].tag == "tag:yaml.org,2002:binary")
    #expect(events[12].value == "aGk=")
    #expect(events[3].tag == nil)
  }

  @Test func readsAnEmptyText() throws {
    #expect(try Self.events("").map(\.kind) == [.streamStart, .streamEnd])
  }

  @Test func keepsNULCharactersOfAScalar() throws {
    #expect(try Self.events("\"a\\0b\"\n")[2].value == "a\u{0}b")
  }

  @Test func reportsSyntaxErrorsWithTheirPlace() throws {
    #expect {
      try Self.events("a: [1\nb: 2\n")
    } throws: { error in
      let error = error as? YAMLEvents.SyntaxError
      return error?.problem == "did not find expected ',' or ']'" && error?.position?.line == 2
        && error?.context == "while parsing a flow sequence" && error?.contextPosition?.column == 4
    }
  }

  @Test func reportsReaderErrorsWithTheirUTF8Offset() throws {
    #expect {
      try Self.events("é: \u{7}\n")
    } throws: { error in
      (error as? YAMLEvents.SyntaxError)?.offset == 4
        && (error as? YAMLEvents.SyntaxError)?.problem == "control characters are not allowed"
    }
  }
}
