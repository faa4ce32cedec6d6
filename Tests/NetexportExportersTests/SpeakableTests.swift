import Foundation
import NetexportExporters
import NetexportICU
import NetexportModel
import Testing

@testable import NetexportValidation

/// Issue 15's proof: in every shipped locale, what an engine says (the narrator script's
/// text outside directions, the SSML's text and `sub alias` values) holds no instruction, no
/// bracket and no digit.
@Suite struct SpeakableTests {
  static let brackets: Set<Character> = ["(", ")", "[", "]", "{", "}", "（", "）", "【", "】", "［", "］"]

  /// What is wrong with a text an engine says, if anything: a bracket, a digit, a narrator's
  /// instruction (the words `spoken-form` refuses, in English and the locale's language), or
  /// the locale's pause direction.
  static func problems(in text: String, language: String, pause: String) -> [String] {
    var found: [String] = []
    if let bracket = text.first(where: brackets.contains) { found.append("the bracket '\(bracket)'") }
    if let digit = text.unicodeScalars.first(where: { $0.properties.numericType == .decimal }) {
      found.append("the digit '\(digit)'")
    }
    let lowered = text.lowercased()
    let words = Set(SpokenFormCheck.words(of: lowered).map(String.init))
    for instruction in [pause.lowercased()] + SpokenFormCheck.instructionWords["en", default: []]
      + SpokenFormCheck.instructionWords[language, default: []]
    {
      let inside = instruction.contains(" ") || instruction.unicodeScalars.allSatisfy { $0.value >= 0x3000 }
      if inside ? lowered.contains(instruction) : words.contains(instruction) {
        found.append("the instruction '\(instruction)'")
      }
    }
    return found
  }

  @Test func theCheckFindsWhatTheExportsUsedToSay() {
    // Before issue 15: a French alias, a Chinese alias, and a wrapped direction's last line.
    #expect(Self.problems(in: "té-ène-eu (trois lettres)", language: "fr", pause: "pause").count == 2)
    #expect(!Self.problems(in: "按英文字母逐个读：D-N-A", language: "zh", pause: "停顿").isEmpty)
    #expect(!Self.problems(in: "NAL]", language: "es", pause: "pausa").isEmpty)
    #expect(!Self.problems(in: "多发性内分泌腺瘤病1型", language: "zh", pause: "停顿").isEmpty)
    #expect(Self.problems(in: "There are six types.", language: "en", pause: "pause").isEmpty)
  }

  @Test(arguments: try Fixtures.shippedLocales())
  func whatAnEngineSaysHasNoInstructionBracketOrDigit(locale: String) throws {
    let document = try Fixtures.shipped(locale, spoken: true)
    let language = document.locale.language
    let pause = try document.messages.format("audio.pause").text

    let script = try AudioScriptExporter().export(document)
    let said = script.split(separator: "\n").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\u{200F}")) }
      .filter { !$0.hasPrefix("[") }
    for line in said {
      let found = Self.problems(in: line, language: language, pause: pause)
      #expect(found.isEmpty, "\(locale) script: \(found) in \(line)")
    }

    let ssml = try SSMLReader(try SSMLExporter().export(document))
    for sentence in ssml.sentences {
      let found = Self.problems(in: sentence, language: language, pause: pause)
      #expect(found.isEmpty, "\(locale) SSML: \(found) in \(sentence)")
    }
    let aliases = ssml.elements.compactMap { $0.attributes["alias"] }
    for alias in aliases {
      let found = Self.problems(in: alias, language: language, pause: pause)
      #expect(found.isEmpty, "\(locale) alias: \(found) in \(alias)")
      #expect(SpokenFormCheck.problem(in: alias, language: language) == nil, "\(locale) alias \(alias)")
    }
    // Every abbreviation an engine meets is said with a spoken form or spelled out.
    let marked = ssml.elements.filter { $0.name == "sub" || $0.name == "say-as" }
    #expect(!marked.isEmpty)
  }
}
