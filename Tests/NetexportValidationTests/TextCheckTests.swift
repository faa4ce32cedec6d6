import NetexportResolution
import Testing

@testable import NetexportValidation

@Suite struct TextCheckTests {
  @Test(arguments: [
    ("Take 500 mg twice a day.", ["500"]),
    ("Do not take more than 1,000 mg.", ["1000"]),
    ("No tome más de 1.000 mg.", ["1000"]),
    ("Ne prenez pas plus de 1\u{202F}000 mg.", ["1000"]),
    ("لا تتناول أكثر من ١٬٠٠٠ ملغ.", ["1000"]),
    ("تناول ٥٠٠ ملغ", ["500"]),
    ("每次 ५०० 毫克", ["500"]),
    ("Take 2.5 mg, then 10.", ["25", "10"]),
    ("MEN 1 and MEN 2", ["1", "2"]),
    ("No numbers here", []),
    // Inline markup is not text: <link1> holds no number, and a tag inside a number is no gap.
    ("Read <link1>the leaflet</link1> for <b>2</b> days", ["2"]),
    ("<b>1</b>0 mg", ["10"]),
    ("< 5 mg", ["5"]),
  ])
  func readsNumbersWhateverTheirDigitsAndSeparators(text: String, numbers: [String]) {
    #expect(TextChecks.numbers(in: text) == numbers)
  }

  @Test(arguments: [
    ("Read more at https://www.example.org/dosing.", ["https://www.example.org/dosing"]),
    ("(see www.example.org/a?b=1)", ["www.example.org/a?b=1"]),
    ("Sources: <http://example.org/x>, https://example.com/", ["http://example.org/x", "https://example.com/"]),
    ("详情请见 https://www.example.org/dosing。", ["https://www.example.org/dosing"]),
    ("（https://www.example.org/zh）", ["https://www.example.org/zh"]),
    ("اقرأ المزيد على \u{2066}https://www.example.org/dosing\u{2069}.", ["https://www.example.org/dosing"]),
    ("«https://example.org/fr»", ["https://example.org/fr"]),
    ("a bare https:// or www. is no address", []),
  ])
  func findsWebAddressesWithoutTheirSurroundings(text: String, urls: [String]) {
    #expect(TextChecks.urls(in: text) == urls)
  }

  @Test(
    arguments: [
      ("(a [b] c)", nil),
      ("(NET, por ejemplo.", "("),
      ("por ejemplo)", ")"),
      ("(a [b) c]", ")"),
      ("「引用」と（括弧）", nil),
      ("„Zitat“ und “quote”", nil),
      ("«cita» y «otra", "«"),
      ("a \"quote", "\""),
      ("“quote", "“"),
    ] as [(String, String?)])
  func findsTheFirstBracketWithoutItsPartner(text: String, mark: String?) {
    #expect(TextChecks.unbalanced(in: text) == mark)
  }

  @Test func comparesSpacesAtTheEndsAndInside() {
    #expect(TextChecks.leadingWhitespace("  a b ") == "  ")
    #expect(TextChecks.trailingWhitespace("  a b \n") == " \n")
    #expect(TextChecks.leadingWhitespace("a b") == "" && TextChecks.trailingWhitespace("a b") == "")
    #expect(
      TextChecks.leadingWhitespace("\u{3000}a") == "\u{3000}" && TextChecks.trailingWhitespace("a\u{A0}") == "\u{A0}")
    #expect(TextChecks.leadingWhitespace("\u{301}a") == "" && TextChecks.trailingWhitespace("a\t") == "\t")
    #expect(TextChecks.hasDoubledSpace("a  b"))
    #expect(!TextChecks.hasDoubledSpace("  a b  "))
  }

  /// The byte scans in front of the checks settle only texts the checks would settle alike.
  @Test func scansBytesOnlyToRuleOutWhatTheChecksWouldNotFind() {
    #expect(TextChecks.hasDoubledSpace("one  two"))
    #expect(TextChecks.hasDoubledSpace("一\u{3000}二  三"))
    #expect(!TextChecks.hasDoubledSpace("  only at the ends  "))
    #expect(!TextChecks.hasDoubledSpace("one two\u{A0} three"))
    #expect(TextChecks.hashSigns(in: "no sign") == 0)
    #expect(TextChecks.hashSigns(in: "# and #") == 2)
    // A '#' with a combining mark is another character, not a '#'.
    #expect(TextChecks.hashSigns(in: "#\u{301} and #") == 1)
    #expect(TextChecks.numbers(in: "x١٢y٣ 4") == ["12", "3", "4"])
    #expect(TextChecks.numbers(in: "\u{FF11}\u{FF12}") == ["12"])
  }

  /// The blocks `isFormat` looks up hold every format character the standard library knows.
  @Test func findsEveryFormatCharacter() {
    var missed: [String] = []
    for value in UInt32(0)...0x10_FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      if (scalar.properties.generalCategory == .format) != TextChecks.isFormat(scalar) {
        missed.append(TextChecks.describe(scalar))
      }
    }
    #expect(missed.isEmpty)
  }

  /// The ranges `decimalDigit` looks up hold every decimal digit the standard library knows.
  @Test func findsEveryDecimalDigit() {
    var missed: [String] = []
    for value in UInt32(0)...0x10_FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let expected =
        scalar.properties.numericType == .decimal ? scalar.properties.numericValue.map { UInt8($0) } : nil
      if TextChecks.decimalDigit(scalar) != expected { missed.append(TextChecks.describe(scalar)) }
    }
    #expect(missed.isEmpty)
  }

  @Test func describesCharactersByCodeAndName() {
    #expect(TextChecks.describe("\u{202E}") == "U+202E RIGHT-TO-LEFT OVERRIDE")
    #expect(TextChecks.describe("\u{200B}") == "U+200B ZERO WIDTH SPACE")
  }

  @Test func quotesOnOneShortLine() {
    #expect(TextChecks.quote("one\ntwo") == "\"one two\"")
    #expect(TextChecks.quote(String(repeating: "a", count: 100), limit: 10) == "\"aaaaaaaaa…\"")
  }
}

@Suite struct WordDiffTests {
  @Test(arguments: [
    ("Take 500 mg once a day.", "Take 500 mg twice a day.", "Take 500 mg [-once-]{+twice+} a day."),
    ("Take 500 mg a day.", "Take 500 mg twice a day.", "Take 500 mg {+twice+} a day."),
    ("Take 500 mg twice a day.", "Take 500 mg a day.", "Take 500 mg [-twice-] a day."),
    ("Take it with food.", "Take it with food and water.", "Take it with [-food.-]{+food and water.+}"),
    ("", "New text", "{+New text+}"),
    ("Line one\nline two", "Line one\nline three", "Line one line [-two-]{+three+}"),
    (
      "one two three four five six seven eight nine ten eleven twelve",
      "one two three four five six SEVEN eight nine ten eleven twelve",
      "… three four five six [-seven-]{+SEVEN+} eight nine ten eleven …"
    ),
    (
      "a b c d e f g h i j k l m n o p",
      "A b c d e f g h i j k l m n o P",
      "[-a-]{+A+} b c d e … l m n o [-p-]{+P+}"
    ),
  ])
  func marksRemovedAndAddedWords(old: String, new: String, diff: String) {
    #expect(WordDiff.describe(from: old, to: new) == diff)
  }

  @Test func saysWhenOnlySpacingChanged() {
    #expect(WordDiff.describe(from: "a  b\nc", to: "a b c") == nil)
    #expect(Validator.change(from: "a  b", to: "a b") == "only the spaces or line breaks of the source changed")
    #expect(Validator.change(from: "a b", to: "a c") == "the source changed to \"a [-b-]{+c+}\"")
  }
}
