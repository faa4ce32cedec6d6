import Foundation
import Testing

@testable import NetexportReadability

/// `SimpleText.isSimple` lists scalars by hand; these checks hold it to Swift's own Character
/// rules, on which the engine's code-unit rules rely.
@Suite struct SimpleTextTests {
  static let simple: [UInt16] = (0...0xFFFF).filter { SimpleText.isSimple(UInt32($0)) }.map(UInt16.init)

  /// Scalars from each listed range, to stand next to every simple scalar.
  static let neighbours: [Unicode.Scalar] = [
    "a", " ", ".", "\t", "\u{A0}", "\u{E9}", "\u{3B1}", "\u{416}", "\u{627}", "\u{1EA1}", "\u{2019}", "\u{20AC}",
    "\u{2122}", "\u{3002}", "\u{3042}", "\u{30A2}", "\u{4E00}", "\u{AC00}", "\u{D7A3}", "\u{FF21}", "\u{FF9D}",
  ]

  @Test func everySimpleScalarIsACharacterOfItsOwn() {
    #expect(Self.simple.count > 40_000)
    for unit in Self.simple {
      let scalar = Unicode.Scalar(unit)!
      for neighbour in Self.neighbours {
        var before = String.UnicodeScalarView()
        before.append(neighbour)
        before.append(scalar)
        var after = String.UnicodeScalarView()
        after.append(scalar)
        after.append(neighbour)
        #expect(String(before).count == 2, "U+\(String(unit, radix: 16)) after U+\(String(neighbour.value, radix: 16))")
        #expect(String(after).count == 2, "U+\(String(unit, radix: 16)) before U+\(String(neighbour.value, radix: 16))")
      }
    }
  }

  @Test func noTwoSimpleScalarsAreCanonicallyEquivalent() {
    var seen: [String: UInt16] = [:]
    for unit in Self.simple {
      let decomposed = String(Character(Unicode.Scalar(unit)!)).decomposedStringWithCanonicalMapping
      // A singleton decomposition would make the scalar equal, as a Character, to another one.
      #expect(
        decomposed.unicodeScalars.count > 1 || decomposed.unicodeScalars.first?.value == UInt32(unit),
        "U+\(String(unit, radix: 16)) is a canonical singleton")
      #expect(seen.updateValue(unit, forKey: decomposed) == nil, "U+\(String(unit, radix: 16))")
    }
  }

  @Test func whitespaceAndLettersAgreeWithCharacter() {
    for unit in Self.simple {
      let character = Character(Unicode.Scalar(unit)!)
      #expect(SimpleText.isWhitespace(unit) == character.isWhitespace, "U+\(String(unit, radix: 16))")
      #expect(
        SimpleText.isLetterOrNumber(unit) == (character.isLetter || character.isNumber), "U+\(String(unit, radix: 16))")
    }
  }

  @Test func textIsDecodedAsTheStandardLibraryDoes() {
    for text in ["plain ASCII", "caf\u{E9} \u{201C}quoted\u{201D}", "\u{795E}\u{7ECF}", ""] {
      let units = Array(text.utf16)
      #expect(units.withUnsafeBufferPointer { SimpleText.string($0) } == text)
    }
  }
}
