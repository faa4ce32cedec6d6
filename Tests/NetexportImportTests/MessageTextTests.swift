import NetexportICU
import NetexportTestSupport
import Testing

@testable import NetexportImport

/// Literal text written as an ICU pattern must format back to exactly that text.
@Suite struct MessageTextTests {
  let english = LanguageTag("en")!

  @Test(arguments: [
    ("plain text", "plain text"),
    ("don't", "don't"),
    ("it's 'quoted'", "it's 'quoted'"),
    ("{name}", "'{'name'}'"),
    ("a {} b", "a '{}' b"),
    ("}{", "'}{'"),
    ("'{x}'", "'''{'x'}'''"),
    ("''", "''''"),
    ("'''", "''''''"),
    ("#1 and a|b", "#1 and a|b"),
    ("end'", "end'"),
    ("{'}", "'{''}'"),
  ])
  func quotesBracesAndTheApostrophesTouchingThem(literal: String, pattern: String) throws {
    #expect(MessageText.pattern(forLiteral: literal) == pattern)
    #expect(try Formatting.message(pattern, arguments: [:], locale: english) == literal)
  }

  /// 2,000 seeded random strings over the characters that matter to ICU's quoting.
  @Test func everyRandomLiteralFormatsBackToItself() throws {
    var generator = SeededGenerator(seed: 12)
    let alphabet = Array("{}'#|a ,<>")
    for _ in 0..<2000 {
      let length = Int.random(in: 0...12, using: &generator)
      let literal = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
      let pattern = MessageText.pattern(forLiteral: literal)
      #expect(try Formatting.message(pattern, arguments: [:], locale: english) == literal, "pattern \(pattern)")
    }
  }
}
