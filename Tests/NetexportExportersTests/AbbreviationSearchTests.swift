import Foundation
import Testing

@testable import NetexportExporters

/// Abbreviations are looked for byte by byte in ASCII texts, and by Foundation in the rest;
/// both find what Foundation's `range(of:)` finds.
@Suite struct AbbreviationSearchTests {
  static let needles = ["DNA", "MEN 1", "MEN 2", "NETs", "ACC", "a", "1", "DIPNECH"]

  @Test func findsInASCIITextWhatFoundationFinds() {
    var texts = [
      "", "DNA", "the DNA of a cell", "MEN 1 and MEN 2", "WOMEN 1", "(NETs)", "acc ACC Acc", "MEN 11", "DIPNEC DIPNECH",
    ]
    let alphabet = Array("DNAMEN12 tsCacIP(),.")
    var state: UInt64 = 42
    for _ in 0..<400 {
      var text = ""
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      for _ in 0..<Int(state >> 58) {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        text.append(alphabet[Int(state >> 33) % alphabet.count])
      }
      texts.append(text)
    }
    for text in texts {
      for needle in Self.needles {
        for start in [text.startIndex, text.index(text.startIndex, offsetBy: min(3, text.count))] {
          let slice = text[start...]
          #expect(
            AbbreviationFinder.range(of: needle, in: slice, asciiText: true) == slice.range(of: needle),
            "\(needle) in \(text.debugDescription)")
        }
      }
    }
  }

  @Test func leavesOtherTextsToFoundation() {
    let text = "el ADN de la célula; ДНК; Å"
    for needle in ["ADN", "célula", "A"] {
      #expect(AbbreviationFinder.range(of: needle, in: text[...], asciiText: false) == text.range(of: needle))
    }
  }
}
