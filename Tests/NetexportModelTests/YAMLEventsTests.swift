import Testing

@testable import NetexportModel

/// `YAMLEventReader` is the one file that uses Yams' undeclared `CYaml` module: these tests
/// pin down what it reads, so that a Yams release that changes or hides the module shows here.
@Suite struct YAMLEventsTests {
  struct Event: Equatable {
    var kind: YAMLEventReader.Kind
    var line: Int
    var column: Int
    var value = ""
    var anchor: String?
    var tag: String?
    var style = YAMLEventReader.ScalarStyle.plain
    var isFlow = false
  }

  static func events(_ text: String) throws -> [Event] {
    let reader = YAMLEventReader(text)
    var events: [Event] = []
    repeat {
      try reader.next()
      events.append(
        Event(
          kind: reader.kind, line: reader.start.line, column: reader.start.column, value: reader.value,
          anchor: reader.anchor, tag: reader.tag, style: reader.style, isFlow: reader.isFlow))
    } while reader.kind != .streamEnd
    return events
  }

  @Test func readsEventsWithTheirPlaces() throws {
    #expect(
      try Self.events("a: 'x'\nb: [1, &n 2, *n]\nc: !!binary aGk=\n") == [
        Event(kind: .streamStart, line: 1, column: 1),
        Event(kind: .documentStart, line: 1, column: 1),
        Event(kind: .mappingStart, line: 1, column: 1),
        Event(kind: .scalar, line: 1, column: 1, value: "a"),
        Event(kind: .scalar, line: 1, column: 4, value: "x", style: .singleQuoted),
        Event(kind: .scalar, line: 2, column: 1, value: "b"),
        Event(kind: .sequenceStart, line: 2, column: 4, isFlow: true),
        Event(kind: .scalar, line: 2, column: 5, value: "1"),
        Event(kind: .scalar, line: 2, column: 8, value: "2", anchor: "n"),
        Event(kind: .alias, line: 2, column: 14, anchor: "n"),
        Event(kind: .sequenceEnd, line: 2, column: 16),
        Event(kind: .scalar, line: 3, column: 1, value: "c"),
        Event(kind: .scalar, line: 3, column: 4, value: "aGk=", tag: "tag:yaml.org,2002:binary"),
        Event(kind: .mappingEnd, line: 4, column: 1),
        Event(kind: .documentEnd, line: 4, column: 1),
        Event(kind: .streamEnd, line: 4, column: 1),
      ])
  }

  @Test func readsAnEmptyText() throws {
    #expect(try Self.events("").map(\.kind) == [.streamStart, .streamEnd])
  }

  @Test func keepsNULCharactersOfAScalar() throws {
    #expect(try Self.events("\"a\\0b\"\n")[2].value == "a\u{0}b")
  }

  @Test func countsLinesAsYAMLDoes() throws {
    let events = try Self.events("a: 1\r\nb: 2\rc: 3\u{2028}d: \"4\u{85}\"\ne: 5\n")
    #expect(events.filter { $0.kind == .scalar && $0.column == 1 }.map(\.line) == [1, 2, 3, 4, 6])
  }

  @Test func reportsSyntaxErrorsWithTheirPlace() throws {
    #expect {
      try Self.events("a: [1\nb: 2\n")
    } throws: { error in
      let error = error as? YAMLEventReader.SyntaxError
      return error?.problem == "did not find expected ',' or ']'" && error?.position?.line == 2
        && error?.context == "while parsing a flow sequence" && error?.contextPosition?.column == 4
    }
  }

  @Test func reportsReaderErrorsWithTheirUTF8Offset() throws {
    #expect {
      try Self.events("é: \u{7}\n")
    } throws: { error in
      (error as? YAMLEventReader.SyntaxError)?.offset == 4
        && (error as? YAMLEventReader.SyntaxError)?.problem == "control characters are not allowed"
    }
  }
}
