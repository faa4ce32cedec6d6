import NetexportResolution
import Testing

@testable import NetexportValidation

/// Glossary terms are matched in texts lowered as `String.lowercased()` lowers them, without
/// invisible format characters (`MatchableText`), and numbers are read digit by digit
/// (`TextChecks.numbers`): both read every character of many texts, so each is done on
/// bytes, and these tests compare them with the plain implementations they replaced.
@Suite struct TermMatchingTests {
  /// The matchable text as it was made before: format characters filtered out, then the
  /// standard library's `lowercased()`.
  static func plainMatchable(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    scalars.append(contentsOf: text.unicodeScalars.filter { !TextChecks.isFormat($0) })
    return String(scalars).lowercased()
  }

  /// The numbers of a text as they were read before: scalar by scalar, separators from a set.
  static func plainNumbers(_ text: String) -> [String] {
    let separators: Set<Unicode.Scalar> = [
      ".", ",", "'", "\u{A0}", "\u{202F}", "\u{2009}", "\u{66B}", "\u{66C}", "\u{2019}",
    ]
    let text = text.utf8.contains(UInt8(ascii: "<")) ? InlineMarkup.plain(text) : text
    var numbers: [String] = []
    var current: [UInt8] = []
    var pendingSeparator = false
    for scalar in text.unicodeScalars {
      if scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue {
        current.append(0x30 + UInt8(value))
        pendingSeparator = false
      } else if !current.isEmpty && !pendingSeparator && separators.contains(scalar) {
        pendingSeparator = true
      } else {
        if !current.isEmpty { numbers.append(String(decoding: current, as: UTF8.self)) }
        current.removeAll()
        pendingSeparator = false
      }
    }
    if !current.isEmpty { numbers.append(String(decoding: current, as: UTF8.self)) }
    return numbers
  }

  /// Whether the form is found in the text, as before.
  static func plainContains(_ form: String, in text: String) -> Bool {
    TextChecks.contains(plainMatchable(form), in: plainMatchable(text))
  }

  static func newContains(_ form: String, in text: String) -> Bool {
    MatchableText(text).contains(MatchableText(form))
  }

  /// Every scalar is lowered as the standard library lowers it (its table, the caseless
  /// runs and the rest), and format characters are dropped.
  @Test func lowersEveryScalarAsTheStandardLibrary() {
    var differ: [String] = []
    for value in UInt32(0)...0x10_FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let text = String(scalar)
      if MatchableText(text).string != Self.plainMatchable(text) { differ.append(TextChecks.describe(scalar)) }
    }
    #expect(differ.isEmpty)
  }

  /// The standard library's semantics, kept: no locale (Turkish I lowers to i, İ to i and a
  /// combining dot, ı stays), no context (Σ is σ even at a word's end), ß stays ß and ẞ
  /// lowers to it; forms found at both edges of a text, in every script the project ships,
  /// across invisible format characters.
  @Test(
    arguments: [
      ("İSTANBUL", "i\u{307}stanbul", true),
      ("İSTANBUL", "istanbul", false),
      ("ISPARTA", "ısparta", false),
      ("ısparta", "ISPARTA", false),
      ("DİYABET", "di\u{307}yabet", true),
      ("ΟΔΟΣ", "οδοσ", true),
      ("ΟΔΟΣ", "οδος", false),
      ("STRASSE", "straße", false),
      ("STRAẞE", "straße", true),
      ("Straße", "STRASSE", false),
      ("Metástasis hepática", "METÁSTASIS", true),
      ("La métastase", "MÉTASTASE", true),
      ("Metastasierung", "metastasierung", true),
      ("ĐIỀU TRỊ ung thư", "điều trị", true),
      ("Nội tiết tố", "NỘI TIẾT", true),
      ("الأورام الغدد الصماء العصبية", "الغدد", true),
      ("\u{2067}NEM 1\u{2069} في", "nem 1", true),
      ("N\u{200B}EM", "nem", true),
      ("神经内分泌肿瘤", "内分泌", true),
      ("神经内分泌肿瘤", "神经", true),
      ("神经内分泌肿瘤", "肿瘤", true),
      ("ＮＥＭ", "ｎｅｍ", true),
      ("ОПУХОЛЬ", "опухоль", true),
      ("𐐀𐐁", "𐐨𐐩", true),
      ("NEM", "nem", true),
      ("NEM", "", false),
      ("", "nem", false),
      ("ne", "nem", false),
    ] as [(String, String, Bool)])
  func findsFormsAsTheStandardLibraryLowersThem(text: String, form: String, found: Bool) {
    #expect(Self.newContains(form, in: text) == found)
    #expect(Self.plainContains(form, in: text) == found)
  }

  /// Characters of every script the benchmark's locales use, the cases that lowercase
  /// unusually, format characters, digits, separators and markup.
  static let pool: [Character] = Array(
    "aAbBiIİıßẞσΣςeEéÉèÈçÇñÑöÖüÜãÃõÕđĐơƠưƯạẠếẾịỊăĂ"
      + "абвгдАБВГДіІїЇґҐαβγΑΒΓωΩابتثجحخپچکگאבגדאअआइईকখগঘกขคง的一是不了あいうえ가나다라"
      + "ＡＢａｂ𐐀𐐨ǅǄǆΐ"
      + "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲०१२৩৪๑๒０１𝟎𝟏"
      + ".,'’\u{A0}\u{202F}\u{2009}\u{66B}\u{66C} -/:;()«»\"\n"
      + "\u{200B}\u{200E}\u{200F}\u{2066}\u{2067}\u{2069}\u{FEFF}\u{AD}\u{61C}"
      + "\u{301}\u{308}\u{307}")

  /// A seeded generator, so that a failure can be reproduced (SplitMix64).
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var value = state
      value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
      value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
      return value ^ (value >> 31)
    }
  }

  static func randomText(_ generator: inout Generator, maxLength: Int) -> String {
    let length = Int.random(in: 0...maxLength, using: &generator)
    var text = String((0..<length).map { _ in pool.randomElement(using: &generator)! })
    // Inline markup now and then, which numbers are read without.
    if Bool.random(using: &generator) && !text.isEmpty {
      let cut = text.index(text.startIndex, offsetBy: Int.random(in: 0..<text.count, using: &generator))
      text.insert(contentsOf: ["<b>", "</b>", "<link1>", "< "].randomElement(using: &generator)!, at: cut)
    }
    return text
  }

  /// Many texts lowered as `lowercased()` lowers them, and forms (pieces of the texts with
  /// their case changed, and random ones) found or not as before.
  @Test func matchesAsBeforeOnManyTexts() {
    var generator = Generator(state: 16)
    var differ: [String] = []
    for _ in 0..<20_000 {
      let text = Self.randomText(&generator, maxLength: 40)
      if MatchableText(text).string != Self.plainMatchable(text) { differ.append(text) }
      let characters = Array(text)
      var forms = [Self.randomText(&generator, maxLength: 3)]
      if !characters.isEmpty {
        let start = Int.random(in: 0..<characters.count, using: &generator)
        let end = Int.random(in: start...min(characters.count, start + 6), using: &generator)
        let piece = String(characters[start..<end])
        forms += [piece, piece.uppercased(), piece.lowercased()]
      }
      for form in forms where Self.newContains(form, in: text) != Self.plainContains(form, in: text) {
        differ.append("\(form) in \(text)")
      }
    }
    #expect(differ.isEmpty)
  }

  /// Numbers at the edges of a text, with separators (one between digits, never two, none
  /// at the start), digits of other scripts and planes, and markup, read as before.
  @Test(
    arguments: [
      ("10", ["10"]),
      ("10 mg", ["10"]),
      ("take 10", ["10"]),
      ("1,000.", ["1000"]),
      ("1..2", ["1", "2"]),
      (".5 mg", ["5"]),
      ("1, 2 and 3", ["1", "2", "3"]),
      ("1’000 and 2'5", ["1000", "25"]),
      ("٣٬٠٠٠٫٥", ["30005"]),
      ("۱۲ و ۳", ["12", "3"]),
      ("\u{1D7CE}\u{1D7CF}", ["01"]),
      ("Liều 5\u{A0}000\u{202F}mg, ngày 2", ["5000", "2"]),
      ("điều trị", []),
      ("５ｍｇ", ["5"]),
      ("<b>2</b>,5", ["25"]),
      ("١٢٣", ["123"]),
      ("٠x", ["0"]),
      ("x٩", ["9"]),
      ("", []),
    ] as [(String, [String])])
  func readsNumbersAsBefore(text: String, numbers: [String]) {
    #expect(TextChecks.numbers(in: text) == numbers)
    #expect(Self.plainNumbers(text) == numbers)
  }

  /// Every decimal digit the standard library knows is read, between letters and after
  /// the scalar before it (the byte loop skips whole blocks of 64 without digits).
  @Test func readsEveryDecimalDigit() {
    var missed: [String] = []
    for value in UInt32(0x30)...0x10_FFFF {
      guard let scalar = Unicode.Scalar(value), scalar.properties.numericType == .decimal,
        let digit = scalar.properties.numericValue, let before = Unicode.Scalar(value - 1)
      else { continue }
      let expected = [String(Int(digit))]
      for text in [String(scalar), "a\(scalar)b", "\(before)\(scalar)", "中\(scalar)", "ế\(scalar)"]
      where TextChecks.numbers(in: text) != expected && Self.plainNumbers(text) == expected {
        missed.append(TextChecks.describe(scalar))
      }
    }
    #expect(missed.isEmpty)
  }

  @Test func readsNumbersAsBeforeOnManyTexts() {
    var generator = Generator(state: 1_000)
    var differ: [String] = []
    for _ in 0..<20_000 {
      let text = Self.randomText(&generator, maxLength: 40)
      if TextChecks.numbers(in: text) != Self.plainNumbers(text) { differ.append(text) }
    }
    #expect(differ.isEmpty)
  }
}
