import Foundation
import NetexportICU
import NetexportModel
import NetexportResolution
import NetexportTestSupport
import Testing

@testable import NetexportValidation

/// The shortcuts of the per-entry checks (byte scans before normalizing, decoding or copying)
/// give the same answers as the code they replaced, kept here as the reference, on many
/// texts: ASCII, accented letters precomposed and decomposed, combining marks in either
/// order, singletons (the Kelvin sign is a K), Hangul, emoji, bidi controls and format
/// characters.
@Suite struct EntryCheckShortcutTests {
  /// Pieces the generated texts are made of: each alone, and in random sequences.
  static let pieces: [String] = [
    "a", "b", "e", "K", "k", "A", ";", "'", "{", "}", "#", "|", " ", "h", "t", "p", "w", ".", "<", ">", "1",
    "é", "e\u{301}", "\u{301}", "\u{300}", "\u{323}", "\u{307}", "\u{323}\u{307}", "\u{307}\u{323}", "ḍ", "ḋ",
    "\u{1E0B}\u{323}", "\u{1E0D}\u{307}", "\u{212A}", "\u{212B}", "Å", "A\u{30A}", "\u{37E}", "\u{2126}", "Ω",
    "\u{AC00}", "\u{1100}\u{1161}", "\u{1100}", "\u{1161}", "😀", "👍🏽", "\u{202B}", "\u{202C}", "\u{2067}",
    "\u{2069}", "\u{202E}", "\u{200B}", "\u{200C}", "\u{200E}", "\u{AD}", "\u{FEFF}", "\u{61C}", "ا", "中", "ü",
    "u\u{308}", "\u{A0}", "\u{2019}", "HTTP", "www.", "Www.", "lang-", "<lang-en>", "</lang-en>",
  ]

  /// `count` texts of up to `length` pieces, the same every run.
  static func texts(_ count: Int, length: Int, seed: UInt64) -> [String] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { _ in
      (0..<Int.random(in: 0...length, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
        .joined()
    }
  }

  @Test func canonicalEqualityIsStringEquality() {
    var pairs: [(String, String)] = []
    for left in Self.pieces { for right in Self.pieces { pairs.append((left, right)) } }
    let texts = Self.texts(4000, length: 6, seed: 16)
    for index in stride(from: 0, to: texts.count - 1, by: 2) { pairs.append((texts[index], texts[index + 1])) }
    // Pairs that share a start, and pairs that are equivalent, to reach the slow path.
    for text in texts.prefix(1000) {
      pairs.append((text, text + "a"))
      pairs.append((text + "e\u{301}", text + "é"))
      pairs.append((text + "\u{212A}" + text, text + "K" + text))
      pairs.append((text + "\u{323}\u{307}", text + "\u{307}\u{323}"))
      pairs.append((String(text.unicodeScalars.reversed().map(Character.init)), text))
    }
    var equal = 0
    for (left, right) in pairs {
      #expect(
        TextChecks.canonicallyEqual(left, right) == (left == right),
        "\(left.debugDescription) \(right.debugDescription)")
      if left == right { equal += 1 }
    }
    #expect(equal > 1000)
  }

  @Test func apostrophesBeforeSyntaxAreFoundAsByTheLoopBefore() {
    for text in Self.texts(4000, length: 8, seed: 17) + Self.pieces + ["'", "''", "'{", "a''#", "x'"] {
      var previous: UInt8 = 0
      var quotes = false
      for byte in text.utf8 {
        if previous == UInt8(ascii: "'")
          && (byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "#"))
        {
          quotes = true
          break
        }
        previous = byte
      }
      #expect(ApostropheCheck.apostropheBeforeSyntax(text) == quotes, "\(text.debugDescription)")
    }
  }

  @Test func addressesAreSuspectedAsByTheLoopBefore() {
    for text in Self.texts(4000, length: 8, seed: 18) + ["http", "xhTtP", "www", "WWW.", "ww.w", "htt p"] {
      var window: UInt32 = 0
      var found = false
      for byte in text.utf8 {
        let lower = byte >= 65 && byte <= 90 ? byte | 0x20 : byte
        window = (window << 8) | UInt32(lower)
        if window == 0x6874_7470 || window == 0x7777_772E {
          found = true
          break
        }
      }
      #expect(TextChecks.mayContainURL(text) == found, "\(text.debugDescription)")
    }
  }

  /// Addresses are suspected eight bytes at a time: "http" and "www." (and near misses) at
  /// every offset of texts longer than one word, in any case, next to other t and w.
  @Test func addressesAreSuspectedAsByTheLoopBeforeAtEveryOffset() {
    func before(_ text: String) -> Bool {
      var window: UInt32 = 0
      for byte in text.utf8 {
        window = (window << 8) | UInt32(byte >= 65 && byte <= 90 ? byte | 0x20 : byte)
        if window == 0x6874_7470 || window == 0x7777_772E { return true }
      }
      return false
    }
    let patterns = [
      "http", "HTTP", "hTtP", "www.", "WwW.", "htt", "ttp", "ww.", "www", "wwww", "tttt", "hhttpp", "w.w.",
    ]
    let fillers = [
      "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH", "tttttttttttttttttttttttttttttttttttttttt",
      "wWwWwWwWwWwWwWwWwWwWwWwWwWwWwWwWwWwWwW", "ééééééééééééééééééééé",
    ]
    var found = 0
    var texts: [String] = []
    for pattern in patterns {
      for filler in fillers {
        for length in 0...24 {
          for offset in 0...length {
            texts.append(
              String(filler.prefix(offset)) + pattern + String(filler.dropFirst(offset).prefix(length - offset)))
          }
        }
      }
    }
    texts += Self.texts(3000, length: 30, seed: 24)
    for text in texts {
      #expect(TextChecks.mayContainURL(text) == before(text), "\(text.debugDescription)")
      if before(text) { found += 1 }
    }
    #expect(found > 1000 && found < texts.count - 1000)
  }

  /// The scalars that make the character check ask ICU whether a text is in NFC: every
  /// scalar of the Basic Multilingual Plane that is not listed is a starter that ICU finds in
  /// NFC alone, and no scalar after the first of a composite's canonical decomposition
  /// (which could join the scalar before it) goes unlisted. Texts without a listed scalar
  /// are in NFC.
  @Test func scalarsThatMayLeaveNFCAreAllListed() {
    func listed(_ value: Int) -> Bool {
      CharacterCheck.outsideNFCBits[value >> 6] & (1 << UInt64(value & 63)) != 0
    }
    var unlisted = 0
    for value in 0x300...0xFFFF {
      guard let scalar = Unicode.Scalar(value), !listed(value) else { continue }
      unlisted += 1
      #expect(scalar.properties.canonicalCombiningClass.rawValue == 0, "U+\(String(value, radix: 16))")
      #expect(Normalization.isNFC(String(scalar)), "U+\(String(value, radix: 16))")
    }
    #expect(unlisted > 60_000)
    var joining = 0
    for value in 0...0x10_FFFF {
      guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .unassigned else { continue }
      let text = String(scalar)
      let decomposed = Array(text.decomposedStringWithCanonicalMapping.unicodeScalars)
      guard decomposed.count > 1, Normalization.isNFC(text) else { continue }
      for later in decomposed.dropFirst() where later.value <= 0xFFFF {
        joining += 1
        #expect(listed(Int(later.value)), "U+\(String(later.value, radix: 16)) of U+\(String(value, radix: 16))")
      }
    }
    #expect(joining > 1000)
    var outside = 0
    for text in Self.texts(4000, length: 8, seed: 25) + Self.pieces + [
      "\u{9C7}\u{9BE}", "\u{1100}\u{1161}", "\u{F900}",
    ] {
      var copy = text
      if !copy.withUTF8(CharacterCheck.mayBeOutsideNFC) {
        #expect(Normalization.isNFC(text), "\(text.debugDescription)")
      } else {
        outside += 1
      }
    }
    #expect(outside > 1000)
  }

  /// White space at the ends of a text, and the first scalar of a quotation, are told by the
  /// scalars at the ends, as the walks by Character they replaced tell them: every scalar is
  /// asked, and texts whose ends are marks, joiners and vowel signs after white space.
  @Test func theEndsOfTextsAreReadAsBefore() {
    var listed = 0
    for value in 0...0x10_FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      #expect(TextChecks.isWhitespace(scalar) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
      if TextChecks.startsACharacter(scalar) && !TextChecks.isWhitespace(scalar) {
        listed += 1
        for space in ["\u{20}", "\u{3000}", "\u{A0}"] {
          #expect((space + String(scalar)).count == 2, "U+\(String(value, radix: 16))")
        }
      }
      if !QuotedTextCheck.openingScalars.contains(scalar.value) {
        #expect(QuotedTextCheck.pairs[Character(scalar)] == nil, "U+\(String(value, radix: 16))")
      }
    }
    #expect(listed > 40_000)
    #expect(QuotedTextCheck.pairs.keys.allSatisfy { $0.unicodeScalars.count == 1 })
    let ends = [
      " ", "\u{A0}", "\u{3000}", "\r\n", "\n", "\u{301}", "\u{E33}", "\u{E31}", "\u{FF9E}", "\u{200D}", "\u{1F3FB}",
      "\u{94D}", "\u{915}", "\u{600}", "\u{1161}", "あ", "中", "“", "«", "「", "\"", "＂", "\u{200B}",
    ]
    var generator = SeededGenerator(seed: 26)
    let texts =
      Self.texts(2000, length: 6, seed: 27)
      + (0..<3000).map { _ in
        (0..<Int.random(in: 0...5, using: &generator)).map { _ in
          Bool.random(using: &generator)
            ? ends.randomElement(using: &generator)! : Self.pieces.randomElement(using: &generator)!
        }.joined()
      }
    for text in texts {
      #expect(TextChecks.leadingWhitespace(text) == text.prefix { $0.isWhitespace }, "\(text.debugDescription)")
      #expect(
        TextChecks.trailingWhitespace(text) == text.suffix(text.reversed().prefix { $0.isWhitespace }.count),
        "\(text.debugDescription)")
      if TextChecks.endsWithoutWhitespace(text) {
        #expect(!text.isEmpty && text.first?.isWhitespace == false && text.last?.isWhitespace == false)
      }
      let first = TextChecks.firstScalar(of: text)
      #expect(first == text.unicodeScalars.first)
      if let start = text.first, start.isWhitespace || QuotedTextCheck.pairs[start] != nil {
        #expect(TextChecks.isWhitespace(first!) || QuotedTextCheck.openingScalars.contains(first!.value))
      }
    }
  }

  /// A glossary form found in a text's own bytes is found in the text as matched: the
  /// lowercase mapping of every scalar lowercases to itself, that of every scalar other than
  /// a format character holds none, and texts agree with their `MatchableText`.
  @Test func formsFoundAsWrittenAreFoundInTheMatchableText() {
    for value in 0...0x10_FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      for lowered in scalar.properties.lowercaseMapping.unicodeScalars {
        #expect(lowered.properties.lowercaseMapping == String(lowered), "U+\(String(value, radix: 16))")
        // Lowering drops format characters before mapping the rest (`MatchableText`).
        #expect(TextChecks.isFormat(scalar) || !TextChecks.isFormat(lowered), "U+\(String(value, radix: 16))")
      }
    }
    let texts = Self.texts(3000, length: 8, seed: 28) + ["Tumor", "TUMOR", "tumor", "İstanbul", "ΣΑΣ", "Straße"]
    let forms = (Self.texts(300, length: 3, seed: 29) + ["tumor", "i̇stanbul", "σας", "straße", "k", "é"]).map(
      MatchableText.init)
    var found = 0
    for text in texts {
      let matchable = MatchableText(text)
      for form in forms where form.isIn(text) {
        found += 1
        #expect(matchable.contains(form), "\(text.debugDescription)")
      }
    }
    #expect(found > 1000)
  }

  /// Arguments written as the source writes them are settled without comparing them: the
  /// comparison finds nothing for any such pair of messages, and does find something for a
  /// message that writes a date twice in two styles, which is not settled so.
  @Test func argumentsWrittenAlikeHaveNothingToReport() throws {
    let messages = [
      "text", "{n}", "{n, number}", "{n, Number}", "{n, spellout}", "{d, date, ::yMMMd}", "{d, date, ::yMMMMd}",
      "{d, date,  ::yMMMd }", "{d, time, short}", "{d, date, ::yMMMd} {d, date, ::yMMMMd}", "{d, date, ::yMMMd} {d}",
      "{c, plural, one {# a} other {# b}}", "{c, plural, offset:1 one {#} other {#}}",
      "{c, plural, one {#} other {#}} {c, plural, offset:2 other {#}}", "{c, selectordinal, one {#} other {#}}",
      "{a} {b}", "{b} {a}", "{a} {a}", "{s, select, x {{a}} other {{b}}}", "{s, select, x {{b}} other {{a}}}",
    ]
    let validator = try Fixtures.validator()
    let catalog = try Catalog.parse(
      String(contentsOf: Fixtures.checks.appendingPathComponent("clean.es.yaml"), encoding: .utf8),
      file: "checks/es.yaml", expectedLocale: "es", lenient: true)
    let context = EntryContext(
      catalog: CatalogContext(
        validator: validator, catalog: catalog, locale: try #require(LanguageTag("es")), isSource: false),
      entry: try #require(catalog["dosing.heading"]), sourceEntry: nil,
      source: try #require(validator.sourceInfo["dosing.heading"]))
    var alike = 0
    for text in messages {
      for source in messages {
        let structure = try MessageStructure(text)
        let sourceStructure = try MessageStructure(source)
        var findings = EntryFindings(key: "dosing.heading")
        ArgumentCheck.compare(structure, with: sourceStructure, context, &findings)
        if ArgumentCheck.writtenAlike(structure.arguments, sourceStructure.arguments) {
          alike += 1
          #expect(findings.diagnostics.isEmpty, "\(text) against \(source)")
        }
        if text == source && text == "{d, date, ::yMMMd} {d, date, ::yMMMMd}" {
          #expect(findings.diagnostics.map(\.code) == [FindingCode.argumentStyle.code])
        }
      }
    }
    #expect(alike >= messages.count - 4)
  }

  /// Two spaces in a row are looked for eight bytes at a time: at every offset of longer
  /// texts, next to single spaces and to '!' (a space's byte plus one).
  @Test func doubledSpacesAreFoundAsByTheLoopBeforeAtEveryOffset() {
    func before(_ text: String) -> Bool {
      var previous: UInt8 = 0
      for byte in text.utf8 {
        if byte == 0x20 && previous == 0x20 { return true }
        previous = byte
      }
      return false
    }
    var texts: [String] = []
    for pattern in ["  ", " ", " ! ", "   ", "! !", "!!", " é "] {
      for filler in [
        "abcdefghijklmnopqrstuvwxyz", "a b c d e f g h i j k l m", "!!!!!!!!!!!!!!!!!!!!!!!!", "é ü ö ä ß",
      ] {
        for length in 0...20 {
          for offset in 0...length {
            texts.append(
              String(filler.prefix(offset)) + pattern + String(filler.dropFirst(offset).prefix(length - offset)))
          }
        }
      }
    }
    var found = 0
    for text in texts + Self.texts(2000, length: 30, seed: 30) {
      var copy = text
      #expect(copy.withUTF8(TextChecks.hasTwoSpacesInARow(inUTF8:)) == before(text), "\(text.debugDescription)")
      if before(text) { found += 1 }
    }
    #expect(found > 1000)
  }

  /// Language tags are read by ICU once per name and run, with the same answers each time.
  @Test func languageTagNamesAreReadAsByICU() {
    for name in ["en", "EN", "en-GB", "en_GB", "xx", "zz-Latn", "not a tag", "", "qaa", "en"] {
      for _ in 0..<2 {
        let read = LanguageMarkupCheck.languages.read(name)
        let tag = LanguageTag(name)
        #expect(read.tag == tag, "\(name)")
        #expect(read.isKnown == (tag?.isKnownLanguage ?? false), "\(name)")
      }
    }
  }

  /// Texts are quoted for messages as before the bytes told which hold no line break: short
  /// and long, at the limit, with every kind of line break and with C2 and E2 bytes that are
  /// none.
  @Test func textsAreQuotedAsBefore() {
    func before(_ text: String, limit: Int) -> String {
      let flat = String(text.map { $0.isNewline ? " " : $0 })
      return "\"" + (flat.count > limit ? flat.prefix(limit - 1) + "…" : flat) + "\""
    }
    let breaks = ["\n", "\r", "\r\n", "\u{B}", "\u{C}", "\u{85}", "\u{2028}", "\u{2029}", "\u{A0}", "\u{2019}", "é"]
    var generator = SeededGenerator(seed: 31)
    var texts = Self.texts(1000, length: 40, seed: 32)
    texts += (0..<2000).map { _ in
      (0..<Int.random(in: 0...30, using: &generator)).map { _ in
        Bool.random(using: &generator)
          ? breaks.randomElement(using: &generator)! : Self.pieces.randomElement(using: &generator)!
      }.joined()
    }
    for text in texts {
      for limit in [1, 5, 10, 80] {
        #expect(Quoting.quote(text, limit: limit) == before(text, limit: limit), "\(text.debugDescription)")
      }
    }
  }

  /// A translation whose only tags are language tags, of a source without '<', is settled
  /// before its tags are compared: then its tags are balanced and neither text has a tag
  /// the other lacks.
  @Test func translationsWithOnlyLanguageTagsHaveNoMarkupToCompare() {
    let tags = [
      "<lang-en>", "</lang-en>", "<lang-fr>", "</lang-fr>", "<b>", "</b>", "<link1>", "</link1>", "<lang-", ">",
    ]
    var generator = SeededGenerator(seed: 33)
    let texts = (0..<3000).map { _ in
      (0..<Int.random(in: 0...6, using: &generator)).map { _ in
        Bool.random(using: &generator)
          ? tags.randomElement(using: &generator)! : Self.pieces.randomElement(using: &generator)!
      }.joined()
    }
    var settled = 0
    for (text, source) in zip(texts, texts.shuffled(using: &generator) + Self.texts(3000, length: 4, seed: 34)) {
      let withoutLanguageTags = LanguageMarkupCheck.withoutLanguageTags(text)
      guard
        !TextChecks.containsByte(UInt8(ascii: "<"), in: withoutLanguageTags)
          && !TextChecks.containsByte(UInt8(ascii: "<"), in: source)
      else { continue }
      settled += 1
      #expect(InlineMarkup.problem(in: withoutLanguageTags) == nil, "\(text.debugDescription)")
      #expect(MarkupCheck.tagNames(in: text).isEmpty, "\(text.debugDescription)")
      #expect(MarkupCheck.tagNames(in: source).isEmpty, "\(source.debugDescription)")
    }
    #expect(settled > 300)
  }

  @Test func textsWithoutLanguageTagsAreTheSameAsBefore() {
    for text in Self.texts(2000, length: 8, seed: 19) {
      let before =
        LanguageMarkupCheck.mayHaveLanguageTags(text)
          && (TextChecks.contains("<lang-", in: text) || TextChecks.contains("</lang-", in: text))
        ? InlineMarkupReference.withoutLanguageTags(text) : text
      #expect(LanguageMarkupCheck.withoutLanguageTags(text) == before, "\(text.debugDescription)")
    }
  }

  @Test func bracketsSpacesAndEndsAreReadAsBefore() {
    // With neighbours of the marks in UTF-8 (the same lead byte, another second byte): kana,
    // the euro sign, half-width katakana, the General Punctuation block.
    let extra = [
      "(", ")", "[", "]", "（", "）", "「", "」", "『", "』", "【", "】", "《", "》", "\"", "“", "”", "„", "‟", "«", "»",
      "あ", "€", "ｱ", "｟", "〔", "‹", "¬", "\u{2060}", "\u{3040}", "\u{FF40}",
    ]
    let texts = Self.texts(1000, length: 8, seed: 22) + Self.pieces.map { " \($0) " }
    var generator = SeededGenerator(seed: 23)
    let bracketed = (0..<3000).map { _ in
      (0..<Int.random(in: 0...8, using: &generator)).map { _ in
        Bool.random(using: &generator)
          ? extra.randomElement(using: &generator)! : Self.pieces.randomElement(using: &generator)!
      }.joined(separator: Bool.random(using: &generator) ? "" : " ")
    }
    var unbalanced = 0
    for text in texts + bracketed + ["", "  ", "a  b", " a", "a\n", "\u{A0}a", "a\u{2003}"] {
      #expect(TextChecks.unbalanced(in: text) == Self.unbalancedBefore(text), "\(text.debugDescription)")
      if TextChecks.unbalanced(in: text) != nil { unbalanced += 1 }
      var previous: UInt8 = 0
      var doubled = false
      for byte in text.utf8 {
        if byte == 0x20 && previous == 0x20 {
          doubled = true
          break
        }
        previous = byte
      }
      #expect(TextChecks.hasDoubledSpace(text) == (doubled && text.trimmingWhitespace().contains("  ")))
      if TextChecks.hasNoWhitespaceAtTheEnds(text) {
        #expect(TextChecks.leadingWhitespace(text).isEmpty && TextChecks.trailingWhitespace(text).isEmpty)
      }
      // The quoted-text check's first test, by bytes, never skips a text its test by
      // Character would look at.
      if let byte = text.utf8.first, byte < 0x80, byte != UInt8(ascii: "\""), byte != 0x20,
        !(0x09...0x0D).contains(byte), let start = text.first
      {
        #expect(!start.isWhitespace && QuotedTextCheck.pairs[start] == nil, "\(text.debugDescription)")
      }
    }
    #expect(unbalanced > 1000)
  }

  /// `TextChecks.unbalanced(in:)` as it was, over the standard library's scalars.
  static func unbalancedBefore(_ text: String) -> String? {
    var stack: [UInt32] = []
    var straight = 0
    var curly = 0
    var guillemets = 0
    func opener(of closer: UInt32) -> UInt32 {
      switch closer {
      case 0x29: 0x28
      case 0x5D: 0x5B
      case 0xFF09: 0xFF08
      default: closer - 1
      }
    }
    for scalar in text.unicodeScalars {
      let value = scalar.value
      switch value {
      case 0x28, 0x5B, 0xFF08, 0x300C, 0x300E, 0x3010, 0x300A:
        stack.append(value)
      case 0x29, 0x5D, 0xFF09, 0x300D, 0x300F, 0x3011, 0x300B:
        guard stack.last == opener(of: value) else { return String(scalar) }
        stack.removeLast()
      case 0x22: straight += 1
      case 0x201C, 0x201D, 0x201E, 0x201F: curly += 1
      case 0xAB: guillemets += 1
      case 0xBB: guillemets -= 1
      default: break
      }
    }
    if let open = stack.first, let scalar = Unicode.Scalar(open) { return String(scalar) }
    if straight % 2 == 1 { return "\"" }
    if curly % 2 == 1 { return "“" }
    if guillemets != 0 { return "«" }
    return nil
  }

  /// The character check's findings (codes, places, messages), against the walk by scalars
  /// it replaced, in a left-to-right and a right-to-left catalog.
  @Test(arguments: ["es", "ar"])
  func characterFindingsAreTheSameAsBefore(locale: String) throws {
    let clean = try String(
      contentsOf: Fixtures.checks.appendingPathComponent("clean.\(locale).yaml"), encoding: .utf8)
    let validator = try Fixtures.validator()
    let texts = Self.texts(400, length: 10, seed: locale == "es" ? 20 : 21) + Self.pieces
    var found = 0
    for text in texts where !text.isEmpty {
      var lines = clean.components(separatedBy: "\n")
      let keyLine = try #require(lines.firstIndex(of: "  dosing.heading:"))
      let textLine = try #require(lines[keyLine...].firstIndex { $0.hasPrefix("    text: ") })
      lines[textLine] = "    text: \(Self.yamlQuoted(text))"
      let catalog = try Catalog.parse(
        lines.joined(separator: "\n"), file: "checks/\(locale).yaml", expectedLocale: locale, lenient: true)
      let entry = try #require(catalog["dosing.heading"])
      #expect(entry.text == text)
      let context = EntryContext(
        catalog: CatalogContext(
          validator: validator, catalog: catalog, locale: try #require(LanguageTag(locale)), isSource: false),
        entry: entry, sourceEntry: nil, source: try #require(validator.sourceInfo["dosing.heading"]))
      var new = EntryFindings(key: entry.key)
      CharacterCheck().check(context, &new)
      var old = EntryFindings(key: entry.key)
      CharacterCheckReference().check(context, &old)
      #expect(new.diagnostics == old.diagnostics, "\(text.debugDescription)")
      found += new.diagnostics.count
    }
    #expect(found > 100)
  }

  /// A YAML double-quoted scalar holding exactly `text`.
  static func yamlQuoted(_ text: String) -> String {
    var quoted = "\""
    for scalar in text.unicodeScalars {
      if scalar.isASCII && scalar != "\"" && scalar != "\\" {
        quoted.unicodeScalars.append(scalar)
      } else {
        quoted += String(format: "\\U%08X", scalar.value)
      }
    }
    return quoted + "\""
  }
}

/// The text without language tags as `LanguageMarkupCheck.withoutLanguageTags` made it
/// before its first test became a search for '<'.
enum InlineMarkupReference {
  static func withoutLanguageTags(_ text: String) -> String {
    InlineMarkup.tokens(text).map { token in
      switch token {
      case .text(let literal): literal
      case .open(.language), .close(.language): ""
      case .open(let tag): "<\(tag.name)>"
      case .close(let tag): "</\(tag.name)>"
      }
    }.joined()
  }
}

/// The character check as it was before it walked bytes (`for scalar in unicodeScalars`,
/// ICU asked about every text).
struct CharacterCheckReference {
  func check(_ context: EntryContext, _ findings: inout EntryFindings) {
    let entry = context.entry
    let rtl = context.catalog.rightToLeft
    if !Normalization.isNFC(entry.text) {
      findings.add(
        .notNFC, at: entry.textLocation,
        "'\(entry.key)' is not in Unicode NFC: some accented letters are written as a letter plus a combining mark; save it with composed characters (NFC)"
      )
    }
    var utf16Offset = 0
    var open: [(scalar: Unicode.Scalar, offset: Int)] = []
    var reportedInvisible = false
    for scalar in entry.text.unicodeScalars {
      defer { utf16Offset += UTF16.width(scalar) }
      let value = scalar.value
      if value < 0xAD { continue }
      let isEmbedding = (0x202A...0x202E).contains(value)
      let isIsolate = (0x2066...0x2069).contains(value)
      if isEmbedding || isIsolate {
        let location = context.location(utf16Offset: utf16Offset)
        if !rtl {
          findings.add(
            .bidiControl, at: location,
            "'\(entry.key)' contains \(TextChecks.describe(scalar)), which a left-to-right language does not need; it can change the order in which characters are shown, so remove it"
          )
          return
        }
        if value == 0x202D || value == 0x202E {
          findings.add(
            .bidiControl, at: location,
            "'\(entry.key)' contains \(TextChecks.describe(scalar)), which forces characters into another order (it can make '50' show as '05'); use an isolate (U+2067 ... U+2069) or the marks U+200F/U+200E instead"
          )
          return
        }
        if value == 0x202C || value == 0x2069 {
          let opener: (UInt32) -> Bool =
            value == 0x202C ? { (0x202A...0x202B).contains($0) } : { (0x2066...0x2068).contains($0) }
          guard let last = open.last, opener(last.scalar.value) else {
            findings.add(
              .bidiControl, at: location,
              "'\(entry.key)' contains \(TextChecks.describe(scalar)) with nothing to close; remove it")
            return
          }
          open.removeLast()
        } else {
          open.append((scalar, utf16Offset))
        }
        continue
      }
      if TextChecks.isFormat(scalar) && !reportedInvisible
        && !Self.allowedInvisible(scalar, rightToLeft: rtl, script: context.catalog.script)
      {
        reportedInvisible = true
        findings.add(
          .invisibleCharacter, at: context.location(utf16Offset: utf16Offset),
          "'\(entry.key)' contains the invisible character \(TextChecks.describe(scalar)); remove it unless the text needs it"
        )
      }
    }
    if let unclosed = open.first {
      findings.add(
        .bidiControl, at: context.location(utf16Offset: unclosed.offset),
        "'\(entry.key)' opens \(TextChecks.describe(unclosed.scalar)) but never closes it; close it with \(unclosed.scalar.value >= 0x2066 ? "U+2069 POP DIRECTIONAL ISOLATE" : "U+202C POP DIRECTIONAL FORMATTING") so the text after it is not affected"
      )
    }
  }

  private static func allowedInvisible(_ scalar: Unicode.Scalar, rightToLeft: Bool, script: String?) -> Bool {
    switch scalar.value {
    case 0x200E, 0x200F, 0x061C: rightToLeft
    case 0x200C, 0x200D: !["Latn", "Cyrl", "Grek"].contains(script ?? "Latn")
    default: false
    }
  }
}
