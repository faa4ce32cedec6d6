import NetexportTestSupport
import Testing

@testable import NetexportICU

/// A message that is only text (no brace, no apostrophe) does not cross the bridge: its
/// structure and its formatting must be what ICU makes of it.
@Suite struct PlainTextMessageTests {
  static let english = LanguageTag("en")!

  /// Texts of every kind a catalog holds, and random ones from characters that mean
  /// something to ICU or to netexport's checks elsewhere.
  static let texts: [String] = {
    var texts = [
      "", " ", "Overview", "Neuroendocrine tumors are rare.", "# of tumors | 100%", "a # b", "x|y", "MEN 1 and MEN 2",
      "Síntomas y causas", "الأورام العصبية الصماوية", "神经内分泌肿瘤 病1型", "emoji 👩🏽‍⚕️", "\u{202B}NETs\u{202C}",
      "ends with a separator\u{1F}", "\u{1F}", "line\nbreak", "  two  spaces  ",
      "<b>bold</b> &amp; <link1>link</link1>",
    ]
    let alphabet: [String] = [
      "a", "Z", " ", "#", "|", "é", "中", "\u{1F}", "\u{202B}", "😀", "-", ".", "\n", "<", ">", "&", "%", "=", "1", "\t",
    ]
    texts += randomTexts(of: alphabet, count: 300, seed: 0x9E37_79B9_7F4A_7C15, lengthBits: 5)
    return texts
  }()

  @Test func plainTextsAreThoseWithoutBracesOrApostrophes() {
    #expect(MessagePattern.isPlainText("Overview # |"))
    #expect(!MessagePattern.isPlainText("{n}"))
    #expect(!MessagePattern.isPlainText("a } b"))
    #expect(!MessagePattern.isPlainText("don't"))
    #expect(!MessagePattern.isPlainText(String(repeating: "a", count: MessageLimits.maxLength + 1)))
  }

  @Test func findsAWordByItsBytes() {
    #expect(Formatting.mentions("spellout", in: "{n, spellout, %spellout-ordinal}"))
    #expect(Formatting.mentions("spellout", in: "ssspellout"))
    #expect(!Formatting.mentions("spellout", in: "{n, number} spellou"))
    #expect(!Formatting.mentions("spellout", in: ""))
    #expect(Formatting.mentions("spellout", in: "Ärger: spellout"))
  }

  @Test func theStructureIsWhatICUReads() throws {
    for text in Self.texts where MessagePattern.isPlainText(text) {
      #expect(try MessageStructure(text) == MessageStructure(MessagePattern(text)), "\(text.debugDescription)")
    }
  }

  @Test func theFormattedTextIsWhatICUPrints() throws {
    let arguments: [String: MessageArgument] = ["n": .number(3)]
    for text in Self.texts where MessagePattern.isPlainText(text) {
      let byICU = try Formatting.format(
        text, arguments: arguments, locale: Self.english, limitsChecked: false, reportingIn: text)
      #expect(
        try Formatting.message(text, arguments: arguments, locale: Self.english) == byICU, "\(text.debugDescription)")
      let said = try SpokenMessage(text, arguments: arguments, locale: Self.english)
      let spokenByICU = try Formatting.format(
        said.pattern, arguments: said.arguments, locale: Self.english, limitsChecked: true, reportingIn: text)
      #expect(
        try Formatting.message(text, arguments: arguments, locale: Self.english, spoken: true) == spokenByICU,
        "\(text.debugDescription)")
    }
  }
}
