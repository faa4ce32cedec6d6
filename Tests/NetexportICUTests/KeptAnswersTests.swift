import CNetexportICU
import Dispatch
import Synchronization
import Testing

@testable import NetexportICU

/// Answers of ICU that the bridge keeps or asks for in another form, compared with the way
/// they were asked before: language tags (kept by tag for the process) and the NFC test of a
/// text (read as UTF-8 by ICU rather than converted to UTF-16 first).
@Suite struct KeptAnswersTests {
  /// Tags ICU accepts and rejects: canonical forms, private use, extensions that make the
  /// locale ID longer than the tag, grandfathered tags, `und`, and tags ICU reads only part of.
  static let tags = [
    "en", "EN", "en-us", "pt-BR", "zh-Hans", "zh-hant-tw", "es-419", "sr-Latn-RS", "de-CH-1996", "x-private",
    "en-x-foo", "en-u-ca-gregory-co-phonebk-nu-latn", "th-TH-u-nu-thai", "ja-JP-u-ca-japanese",
    "en-u-attr-co-pinyin", "i-klingon", "art-lojban", "zh-min-nan", "und", "UND", "xx", "zz-ZZ", "italian",
    "en--us", "-en", "en-", "1234", "a", "toolongsubtag-en", "en-US-US", "en-t-it", "de-u-co",
    "en-u-co-phonebk-co-phonebk-co-phonebk-nu-latn",
    // 64 bytes, whose locale ID is longer than the 64 ICU is first given room for.
    "de-u-ca-islamic-civil-co-phonebk-cu-eur-hc-h23-ms-metric-nu-arab",
  ]

  /// What `LanguageTag` gives for a tag: its locale ID and canonical tag, or nil.
  static func answer(_ tag: String) -> String? {
    LanguageTag(tag).map { "\($0.localeID) \($0.canonical)" }
  }

  /// Asked of ICU directly, as `LanguageTag` asked before it kept its answers.
  static func askedOfICU(_ tag: String) -> String? {
    LanguageTag.parse(tag).map { "\($0.localeID) \($0.canonical)" }
  }

  @Test func keptTagsAreWhatICUSays() {
    for tag in Self.tags {
      let expected = Self.askedOfICU(tag)
      // The first answer is ICU's, the second the kept one.
      #expect(Self.answer(tag) == expected, "\(tag)")
      #expect(Self.answer(tag) == expected, "\(tag)")
    }
    #expect(Self.answer("en-us") == "en_US en-US")
    #expect(Self.answer("und") == nil)
    #expect(Self.answer("en--us") == nil)
    #expect(Self.answer("en-u-ca-gregory-co-phonebk-nu-latn")?.hasPrefix("en@") == true)
    #expect(
      (LanguageTag("de-u-ca-islamic-civil-co-phonebk-cu-eur-hc-h23-ms-metric-nu-arab")?.localeID.utf8.count ?? 0) > 64)
  }

  /// Several threads asking for the same tags at once get ICU's answers.
  @Test func keptTagsAreSafeToShareBetweenThreads() {
    let expected = Self.tags.map(Self.askedOfICU)
    let mismatches = Mutex<[String]>([])
    DispatchQueue.concurrentPerform(iterations: 8) { thread in
      for round in 0..<20 {
        for index in Self.tags.indices where (index + round + thread) % 2 == 0 {
          let answer = Self.answer(Self.tags[index])
          if answer != expected[index] {
            mismatches.withLock { $0.append("\(Self.tags[index]): \(answer ?? "nil")") }
          }
        }
      }
    }
    #expect(mismatches.withLock { $0 } == [])
  }

  /// Display names are kept by locale and display locale: what `LanguageTag.displayName`
  /// gives, the first time and again, is ICU's name asked directly, names longer than the
  /// bridge's first buffer included.
  @Test func keptDisplayNamesAreWhatICUSays() throws {
    func askedOfICU(_ localeID: String, in displayLocale: String) -> String {
      var out = [UInt16](repeating: 0, count: 512)
      var status: Int32 = 0
      let length = netx_locale_display_name(localeID, displayLocale, &out, Int32(out.count), &status)
      return status > 0 ? "failed" : String(decoding: out.prefix(Int(length)), as: UTF16.self)
    }
    let tags = ["en", "es", "pt-BR", "zh-Hans", "ar", "sr-Latn-RS", "xx", "de-u-ca-islamic-civil-co-phonebk-cu-eur"]
    for tag in tags {
      for display in ["en", "de", "ja", "ar"] {
        let locale = try #require(LanguageTag(tag))
        let displayLocale = try #require(LanguageTag(display))
        let expected = askedOfICU(locale.localeID, in: displayLocale.localeID)
        #expect(locale.displayName(in: displayLocale) == expected, "\(tag) in \(display)")
        #expect(locale.displayName(in: displayLocale) == expected, "\(tag) in \(display)")
      }
    }
    let long = try #require(LanguageTag("de-u-ca-islamic-civil-co-phonebk-cu-eur")).displayName(
      in: #require(LanguageTag("en")))
    #expect(long.utf16.count > 64)
    #expect(try #require(LanguageTag("es")).displayName(in: #require(LanguageTag("en"))) == "Spanish")
  }

  /// Which letters are date fields is kept once ICU has said it: every ASCII letter and sign
  /// gives the same answer the first time, again, and on eight threads at once; the field
  /// letters ICU knows read, the others do not.
  @Test func keptDateFieldLettersAreWhatICUSays() {
    let characters = (0x21..<0x7F).map { String(UnicodeScalar(UInt8($0))) }
    let first = characters.map { Formatting.unreadableSkeletonOffset(in: "y" + $0 + "d") }
    #expect(characters.map { Formatting.unreadableSkeletonOffset(in: "y" + $0 + "d") } == first)
    let mismatches = Mutex<[String]>([])
    DispatchQueue.concurrentPerform(iterations: 8) { thread in
      for index in characters.indices.reversed() where (index + thread) % 2 == 0 {
        let offset = Formatting.unreadableSkeletonOffset(in: "y" + characters[index] + "d")
        if offset != first[index] { mismatches.withLock { $0.append(characters[index]) } }
      }
    }
    #expect(mismatches.withLock { $0 } == [])
    let readable = Set(zip(characters, first).filter { $0.1 == nil }.map(\.0))
    #expect(readable.isSuperset(of: ["y", "M", "d", "E", "j", "J", "C", "H", "m", "L", "G"]))
    #expect(readable.isDisjoint(with: ["i", "@", "'", "!", "0"]))
  }

  /// ICU's NFC test on UTF-16, as `Normalization.isNFC` asked it before.
  static func isNFCInUTF16(_ text: String) -> Bool {
    let units = Array(text.utf16)
    var status: Int32 = 0
    return netx_is_nfc(units, Int32(units.count), &status) == 1 && status <= 0
  }

  /// Texts in and out of NFC: composed and decomposed accents, Hangul syllables and jamo,
  /// marks in canonical order and out of it, singletons (U+212B ANGSTROM SIGN), characters
  /// outside the BMP, and marks that NFC cannot compose with what precedes them.
  @Test func theNFCTestOfUTF8IsTheNFCTestOfUTF16() {
    var texts = [
      "", "plain ASCII", "caf\u{E9}", "cafe\u{301}", "\u{1E9B}\u{323}", "\u{17F}\u{323}\u{307}", "\u{212B}",
      "\u{C5}", "A\u{30A}", "\u{D55C}\u{AE00}", "\u{1112}\u{1161}\u{11AB}", "a\u{323}\u{302}", "a\u{302}\u{323}",
      "\u{1D15E}", "\u{1D157}\u{1D165}", "x\u{300}\u{300}", "\u{300}", "\u{915}\u{93C}", "\u{929}",
      "\u{F900}", "\u{2ADC}", "\u{FB2A}", "\u{05E9}\u{05C1}", "ру\u{301}сский", "\u{3AC}", "\u{3B1}\u{301}",
      "Ελληνικά", "\u{30AC}", "\u{30AB}\u{3099}", "emoji 👩🏽‍⚕️ and e\u{301}",
    ]
    // Every pair of a few base letters and marks, in both orders.
    let pieces = [
      "a", "e", "o", "\u{3B1}", "\u{1100}", "\u{1161}", "\u{300}", "\u{301}", "\u{323}", "\u{308}", "\u{345}",
    ]
    for first in pieces {
      for second in pieces {
        for third in pieces { texts.append(first + second + third) }
      }
    }
    var mismatches: [String] = []
    for text in texts where Normalization.isNFC(text) != Self.isNFCInUTF16(text) {
      mismatches.append(text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
    }
    #expect(mismatches == [])
    #expect(!Normalization.isNFC("cafe\u{301}"))
    #expect(Normalization.isNFC("caf\u{E9}"))
  }
}
