import NetexportICU
import Testing

/// netexport's limits on a message, which every door to ICU checks before ICU reads it.
@Suite struct MessageLimitTests {
  /// `{n, select, other {` repeated: each level nests one argument deeper.
  static func nestedSelects(_ depth: Int, inner: String = "x") -> String {
    String(repeating: "{n, select, other {", count: depth) + inner + String(repeating: "}}", count: depth)
  }

  /// Every function that hands a pattern to ICU, as one call that throws what it throws.
  static let doors: [(name: String, call: @Sendable (String) throws -> Void)] = [
    ("MessageStructure", { _ = try MessageStructure($0) }),
    ("argumentNames", { _ = try Formatting.argumentNames(in: $0) }),
    ("literalRanges", { _ = try Formatting.literalRanges(in: $0) }),
    ("message", { _ = try Formatting.message($0, arguments: ["n": .string("a")], locale: LanguageTag("en")!) }),
    (
      "spokenMessage",
      { _ = try Formatting.spokenMessage($0, arguments: ["n": .string("a")], locale: LanguageTag("en")!) }
    ),
  ]

  static func limitError(_ pattern: String, door: Int = 0) -> MessageSyntaxError? {
    do {
      try doors[door].call(pattern)
      return nil
    } catch let error as MessageSyntaxError {
      return error.limit == nil ? nil : error
    } catch {
      return nil
    }
  }

  @Test(arguments: 0..<doors.count)
  func refusesAMessageNestedTooDeepAtTheArgumentThatGoesTooDeep(door: Int) throws {
    #expect(Self.limitError(Self.nestedSelects(MessageLimits.maxDepth), door: door) == nil)
    let pattern = "Hi " + Self.nestedSelects(MessageLimits.maxDepth + 1)
    let error = try #require(Self.limitError(pattern, door: door), "\(Self.doors[door].name)")
    #expect(error.limit == .depth)
    #expect(error.name == "NETX_MESSAGE_TOO_DEEP")
    #expect(error.utf16Offset == 3 + MessageLimits.maxDepth * "{n, select, other {".utf16.count)
    #expect("\(error)".contains("nested more than \(MessageLimits.maxDepth) deep at character"))
  }

  /// Before the limits, ICU's parser overflowed the stack on the first and its formatter on
  /// the second (a crash, not an error); the third, short enough for the length limit, took
  /// seconds to validate.
  @Test(arguments: 0..<doors.count)
  func aHostileDepthIsAnErrorNotACrash(door: Int) {
    let select = Self.nestedSelects(30_000)
    let plural =
      String(repeating: "{n, plural, other {", count: 5_000) + "#" + String(repeating: "}}", count: 5_000)
    for pattern in [select, plural] {
      #expect(Self.limitError(pattern, door: door) != nil, "\(Self.doors[door].name)")
    }
    #expect(Self.limitError(Self.nestedSelects(700), door: door)?.limit == .depth)
  }

  @Test(arguments: 0..<doors.count)
  func refusesMoreThanTheMostArguments(door: Int) throws {
    let most = String(repeating: "{n} ", count: MessageLimits.maxArguments)
    #expect(Self.limitError(most, door: door) == nil)
    let error = try #require(Self.limitError(most + "{n}", door: door))
    #expect(error.limit == .arguments)
    #expect(error.utf16Offset == most.utf16.count)
  }

  @Test(arguments: 0..<doors.count)
  func refusesAMessageLongerThanTheLimit(door: Int) throws {
    let longest = String(repeating: "a", count: MessageLimits.maxLength - 3) + "{n}"
    #expect(Self.limitError(longest, door: door) == nil)
    let error = try #require(Self.limitError(longest + "b", door: door))
    #expect(error.limit == .length)
    #expect(error.utf16Offset == nil)
    // A character outside the BMP is two UTF-16 code units, as ICU counts.
    let emoji = String(repeating: "💊", count: MessageLimits.maxLength / 2 + 1)
    #expect(Self.limitError(emoji, door: door)?.limit == .length)
  }

  /// The depth is measured as ICU reads the message: quoted braces are text, and an
  /// apostrophe before `#` quotes only in a plural branch, before `|` only in a choice branch.
  @Test(arguments: [
    // Quoted braces, and '' inside a quotation, are text: no argument at all.
    ("'{{{{{{{{{{{{{{{' and '{''}}}}}}}}}}}}' {n}", false),
    // '# quotes in a plural branch: the quoted braces do not close the branch and the
    // argument, so the selects after them are eleven deep.
    ("{n, plural, other {'#}}}}}}' " + nestedSelects(10) + "}}", true),
    // Outside a plural branch '# is two characters, and the braces after them count (read
    // as a quotation up to the next apostrophe, they would leave the selects eleven deep).
    ("{n, select, other {'#}}'x " + nestedSelects(10), false),
    // '| quotes in a choice branch; the choice is one level.
    ("{n, choice, 0#'|}}}}' " + nestedSelects(9) + "|1#x}", false),
    ("{n, choice, 0#'|}}}}' " + nestedSelects(10) + "|1#x}", true),
    // A simple argument's style counts its own braces and quotes up to the next apostrophe.
    ("{n, date, ::yMMMd'}}}}}}'{x}} " + nestedSelects(10), false),
    ("{n, date, ::yMMMd'}}}}}}'{x}} " + nestedSelects(11), true),
    // ICU reads type names without regard to case: a Select nests like a select.
    (String(repeating: "{n, Select, other {", count: 11) + String(repeating: "}}", count: 11), true),
    // Selectors such as =0 and offset:1 hold no braces.
    ("{n, plural, offset:1 =0 {none} other {" + nestedSelects(9) + "}}", false),
    ("{n, plural, offset:1 =0 {none} other {" + nestedSelects(10) + "}}", true),
  ])
  func measuresDepthAsICUReadsQuotes(pattern: String, tooDeep: Bool) throws {
    let error = Self.limitError(pattern)
    #expect((error?.limit == .depth) == tooDeep, "\(error.map { "\($0)" } ?? "no limit error")")
    if !tooDeep {
      // What the limits accept, ICU reads.
      _ = try MessageStructure(pattern)
    }
  }

  /// An apostrophe before `#` outside a plural branch does not hide the argument after it.
  @Test func countsArgumentsAsICUReadsQuotes() throws {
    let arguments = String(repeating: "'#{n}", count: MessageLimits.maxArguments + 1)
    #expect(Self.limitError(arguments)?.limit == .arguments)
    let quoted = String(repeating: "'{n}' ", count: MessageLimits.maxArguments + 1)
    #expect(Self.limitError(quoted) == nil)
    #expect(try MessageStructure(quoted).arguments.isEmpty)
  }
}
