import Foundation
import NetexportExporters
import NetexportICU
import NetexportModel
import NetexportResolution
import NetexportValidation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A small document that uses every kind of block, for the speech exporters.
enum SpeechFixture {
  static let document = Document(
    id: "mini", sourceLocale: "en",
    metadata: Metadata(
      title: "title", byline: "byline",
      reviewed: TextRef("reviewed", arguments: ["reviewed": .date(CalendarDay(iso8601: "2023-06-23")!)]),
      publisher: "Example"),
    sections: [
      Section(
        id: "s", heading: "s.heading",
        blocks: [
          .paragraph("s.text"),
          .list(ListBlock(leadIn: "s.lead-in", items: [ListItem("s.one"), ListItem("s.two"), ListItem("s.three")])),
          .paragraph("s.later"),
        ])
    ],
    references: References(heading: "refs", items: ["ref"]),
    terms: [Term(id: "mutation", name: "term.mutation")],
    abbreviations: [
      Abbreviation(id: "men1", short: "abbr.men1", expansion: "abbr.men1.expansion"),
      Abbreviation(id: "dna", short: "abbr.dna", expansion: "abbr.dna.expansion"),
    ])

  static let english = [
    "title": "Tumors", "byline": "By Staff", "reviewed": "Reviewed: {reviewed, date, ::yMMMMd}",
    "s.heading": "Causes", "s.text": "Cells develop changes (mutations) in their DNA. The DNA holds 2 copies.",
    "s.lead-in": "Examples include:", "s.one": "Multiple endocrine neoplasia, type 1 (MEN 1)", "s.two": "Flushing",
    "s.three": "Rash", "s.later": "MEN 1 runs in families · see https://example.org/men1 for more.",
    "refs": "References", "ref": "A reference.", "term.mutation": "mutations", "abbr.men1": "MEN 1",
    "abbr.men1.expansion": "multiple endocrine neoplasia, type 1", "abbr.dna": "DNA",
    "abbr.dna.expansion": "deoxyribonucleic acid", "audio.part": "Part {part, number} of {parts, number}: {title}",
    "audio.list-count": "{count, plural, one {There is one} other {There are #}}",
    "audio.aside": "{kind, select, abbreviation {Short form: {aside}} term {Medical term: {aside}} other {{aside}}}",
    "audio.aside-inline": "{kind, select, abbreviation {} term {or {aside}} other {{aside}}}",
    "audio.references": "The printed handout lists the references",
    "audio.pause": "pause", "audio.pronunciation-guide": "How to say the medical words (not read aloud):",
  ]

  static func resolve(
    _ texts: [String: String] = [:], locale: String = "en", glossary: [GlossaryEntry] = [],
    fallback: Set<String> = []
  ) throws -> ResolvedDocument {
    try Fixtures.resolve(
      document, texts: english.merging(texts) { $1 }, locale: locale, glossary: glossary, source: english,
      fallback: fallback, spoken: true)
  }

  /// Whether `xml` parses as well-formed XML.
  static func isWellFormed(_ xml: String) -> Bool {
    XMLParser(data: Data(xml.utf8)).parse()
  }
}

@Suite struct AudioScriptExporterTests {
  func script(_ texts: [String: String] = [:], locale: String = "en", glossary: [GlossaryEntry] = []) throws -> String {
    try AudioScriptExporter().export(SpeechFixture.resolve(texts, locale: locale, glossary: glossary))
  }

  @Test func matchesTheGoldenFileForTheBundledDocument() throws {
    let output = try AudioScriptExporter().export(Fixtures.english(spoken: true))
    try Fixtures.assertSnapshot(output, named: "neuroendocrine-tumors.en.script.txt")
  }

  @Test func readsTheWholeMiniDocumentAsExpected() throws {
    let glossary = [GlossaryEntry(key: "abbr.dna", pronunciation: "D N A", location: SourceLocation(file: "x.yaml"))]
    #expect(
      try script(glossary: glossary) == """
        [How to say the medical words (not read aloud):]
        [DNA: D N A]

        Tumors.

        By Staff.

        Reviewed: June twenty-third, twenty twenty-three.

        [pause]

        Part one of two: Causes.

        [pause]

        Cells develop changes, or mutations, in their deoxyribonucleic acid.
        Short form: DNA. The DNA holds two copies.

        There are three. Examples include:

        Multiple endocrine neoplasia, type one. Short form: MEN one.

        Flushing.

        Rash.

        MEN one runs in families, see for more.

        [pause]

        Part two of two: References.

        [pause]

        The printed handout lists the references.

        """)
  }

  @Test func joinsShortItemsWithTheLocalesListPattern() throws {
    // What the list counts, then its lead-in, which leads straight into the items.
    let english = try script(["s.one": "Pain"])
    #expect(english.contains("There are three. Examples include: Pain, Flushing, and Rash."))
    let spanish = try script(
      [
        "s.one": "Dolor", "s.two": "Rubor", "s.three": "Sarpullido", "s.lead-in": "Algunos ejemplos:",
        "audio.list-count": "{count, plural, one {Es uno} other {Son #}}",
      ], locale: "es")
    #expect(spanish.contains("Son tres. Algunos ejemplos: Dolor, Rubor y Sarpullido."))
    let chinese = try script(
      [
        "s.one": "疼痛", "s.two": "潮红", "s.three": "皮疹", "s.lead-in": "例如：",
        "audio.list-count": "{count, plural, other {共有#项}}",
      ], locale: "zh-Hans")
    #expect(chinese.contains("共有三项。例如：疼痛、潮红和皮疹。"))
  }

  /// An aside in a sentence that leads into a list is said in its place (the label's words)
  /// or, where the label gives none, before the sentence: never between it and the items.
  @Test func neverPutsAnAsideBetweenALeadInAndItsItems() throws {
    let texts = ["s.one": "Pain", "s.lead-in": "Tumors that make hormones (mutations) might cause:"]
    let inPlace = try AudioScriptExporter(width: 500).export(SpeechFixture.resolve(texts))
    #expect(
      inPlace.contains(
        "\nThere are three. Tumors that make hormones, or mutations, might cause: Pain, Flushing, and Rash.\n"))
    let before = try AudioScriptExporter(width: 500).export(
      SpeechFixture.resolve(texts.merging(["audio.aside-inline": "{kind, select, term {} other {{aside}}}"]) { $1 }))
    #expect(
      before.contains(
        "\nThere are three. Medical term: mutations. Tumors that make hormones might cause: Pain, Flushing, and Rash.\n"
      ))
  }

  /// A part explains a short form once: the second "(DNA)" of a part is not announced again.
  @Test func explainsAShortFormOnceInEachPart() throws {
    let output = try AudioScriptExporter(width: 500).export(
      SpeechFixture.resolve(["s.text": "Tumors (DNA) grow. Cells (DNA) change."]))
    #expect(output.contains("Tumors grow. Short form: DNA. Cells change.\n"))
  }

  /// A middle dot inside a name ("冯·希佩尔", von Hippel) keeps the name whole; between
  /// spaces, or after a number, it separates and becomes a pause.
  @Test func keepsANameWithAMiddleDotWhole() throws {
    let chinese = try script(
      ["s.one": "冯·希佩尔-林道病", "s.later": "七条回复 · 二〇二五年", "s.lead-in": "例如："], locale: "zh-Hans")
    #expect(chinese.contains("冯·希佩尔-林道病"))
    #expect(chinese.contains("七条回复，二〇二五年"))
  }

  /// Arabic's list pattern joins items with "و" and no punctuation ("أ وب وج"): each item
  /// gets a comma, so that it ends with a pause.
  @Test func joinsItemsWithAPauseWhereThePatternHasNone() throws {
    let arabic = try script(
      [
        "s.one": "ألم", "s.two": "احمرار", "s.three": "طفح", "s.lead-in": "من الأمثلة:",
        "audio.list-count":
          "{count, plural, zero {لا شيء} one {واحد} two {اثنان} few {عددها #} many {عددها #} other {عددها #}}",
      ], locale: "ar")
    #expect(arabic.contains("من الأمثلة: ألم، واحمرار، وطفح."))
    #expect(try Formatting.list(["ألم", "احمرار", "طفح"], locale: LanguageTag("ar")!) == "ألم واحمرار وطفح")
  }

  /// What the document says a list counts ("There are three syndromes") comes before the
  /// lead-in; without it, the `audio.list-count` label.
  @Test func announcesAListWithItsOwnNounBeforeItsLeadIn() throws {
    var document = SpeechFixture.document
    guard case .list(var list) = document.sections[0].blocks[1] else { Issue.record("no list"); return }
    list = ListBlock(leadIn: list.leadIn, items: list.items, announcement: "s.announcement")
    document.sections[0].blocks[1] = .list(list)
    let resolved = try Fixtures.resolve(
      document,
      texts: SpeechFixture.english.merging([
        "s.announcement": "{count, plural, one {Here is one syndrome} other {Here are # syndromes}}"
      ]) { $1 }, locale: "en", spoken: true)
    let output = try AudioScriptExporter(width: 500).export(resolved)
    #expect(output.contains("\nHere are three syndromes. Examples include:\n"))
    #expect(!output.contains("There are three"))
    // Print shows neither.
    let printed = try PlainTextExporter().export(
      Fixtures.resolve(
        document,
        texts: SpeechFixture.english.merging(["s.announcement": "{count, plural, other {Here are # syndromes}}"]) {
          $1
        }, locale: "en"))
    #expect(!printed.contains("syndromes"))
  }

  @Test func leavesNoVisualOnlyMarksOrAddresses() throws {
    let output = try script()
    for mark in ["·", "https://", "example.org", "(", ")", "•"] {
      #expect(!output.contains(mark), "the script contains \(mark)")
    }
    let hasDigits = output.contains { $0.isNumber }
    #expect(!hasDigits)
  }

  @Test func escapesNothingButSquareBracketsAndKeepsHostileTextInert() throws {
    let output = try script(["s.two": "<script>alert(1)</script> & \"q\" 'x' ]]> \u{202E}evil"])
    // Plain text has nothing to escape: the words stay words, the aside "(1)" is said in its place;
    // square brackets, which mark the narrator's directions, are written as parentheses.
    #expect(output.contains("<script>alert, one,</script> & \"q\" 'x' ))> evil."))
    #expect(!output.contains("\u{202E}"))
  }

  /// The script's directions are the lines in square brackets: a catalog string with a line
  /// break and "[pause]" must not make one, nor a "]" in a direction end it early.
  @Test func writesSquareBracketsAsParenthesesSoNoTextMakesOrEndsADirection() throws {
    let output = try script([
      "s.two": "Flushing\n[pause]\nread [this] aloud", "audio.pause": "pause] Now read this aloud [",
    ])
    #expect(output.contains("\nFlushing. (pause). Read (this) aloud.\n"))
    #expect(output.contains("\n[pause) Now read this aloud (]\n"))
    let directions = output.split(separator: "\n").filter { $0.unicodeScalars.first == "[" }
    #expect(directions.allSatisfy { $0 == "[pause) Now read this aloud (]" })
    #expect(directions.count == 4)
  }

  /// Directions stay directions: in every shipped locale's script, a line that starts with
  /// "[" ends with "]" and the other way round, whatever the width, so no line of a direction
  /// can be read aloud by mistake; and a narrator's respelling is never cut.
  @Test(arguments: try Fixtures.shippedLocales())
  func everyDirectionIsOneBracketedLineInEveryLocale(locale: String) throws {
    let document = try Fixtures.shipped(locale, spoken: true)
    for width in [72, 30] {
      let output = try AudioScriptExporter(width: width).export(document)
      // Right-to-left lines may be set between RIGHT-TO-LEFT MARKs: the contract is read inside them.
      let lines = output.split(separator: "\n").map {
        $0.trimmingCharacters(in: CharacterSet(charactersIn: "\u{200F}"))
      }
      for line in lines {
        let opens = line.hasPrefix("["), closes = line.hasSuffix("]")
        #expect(opens == closes, "\(locale), width \(width): a direction cut in two: \(line)")
        #expect(
          !line.dropFirst(opens ? 1 : 0).dropLast(closes ? 1 : 0).contains { $0 == "[" || $0 == "]" },
          "\(locale): a bracket inside a line: \(line)")
      }
      let guide = lines.filter { $0.hasPrefix("[") }
      for entry in document.messages.glossary {
        guard let pronunciation = entry.pronunciation, output.contains(pronunciation) else { continue }
        #expect(guide.contains { $0.contains(pronunciation) }, "\(locale): '\(pronunciation)' is cut")
      }
    }
  }

  /// A long direction stays on its one line at any width: the Spanish guide's line for
  /// "carcinoma de corteza suprarrenal" was cut inside its respelling ("su-pra-rre-" / "NAL]").
  @Test func neverWrapsADirection() throws {
    let guide = [
      GlossaryEntry(
        key: "abbr.men1", pronunciation: "car-ci-NO-ma de cor-TE-za su-pra-rre-NAL y mu-chas pa-la-bras más",
        location: SourceLocation(file: "x.yaml"))
    ]
    let output = try AudioScriptExporter(width: 20).export(
      SpeechFixture.resolve(["audio.pause": "a long pause\nfor the narrator\u{2028}to take"], glossary: guide))
    #expect(output.contains("\n[MEN one: car-ci-NO-ma de cor-TE-za su-pra-rre-NAL y mu-chas pa-la-bras más]\n"))
    #expect(output.contains("\n[a long pause for the narrator to take]\n"))
  }

  /// A pause whose words take more than one line is still one pause: pauses in a row are
  /// said once, and the script does not end with one.
  @Test func saysPausesInARowOnceAlsoWhenThePauseTakesSeveralLines() throws {
    // A callout ends the section: the pause after it and the one after the section are one.
    var document = SpeechFixture.document
    document.sections[0].blocks.append(.callout(Callout(body: ["s.later"])))
    func pauses(_ label: String) throws -> Int {
      let resolved = try Fixtures.resolve(
        document, texts: SpeechFixture.english.merging(["audio.pause": label]) { $1 }, locale: "en", spoken: true)
      let output = try AudioScriptExporter(width: 20).export(resolved)
      return output.split(separator: "\n").filter { $0.hasPrefix("[") }.count
    }
    let oneLine = try pauses("pause")
    #expect(oneLine == 5)
    #expect(try pauses("a long pause for the narrator to take") == oneLine)
  }
}

@Suite struct SSMLExporterTests {
  func ssml(_ texts: [String: String] = [:], locale: String = "en", fallback: Set<String> = []) throws -> String {
    try SSMLExporter().export(SpeechFixture.resolve(texts, locale: locale, fallback: fallback))
  }

  @Test func matchesTheGoldenFileForTheBundledDocument() throws {
    let output = try SSMLExporter().export(Fixtures.english(spoken: true))
    #expect(SpeechFixture.isWellFormed(output))
    try Fixtures.assertSnapshot(output, named: "neuroendocrine-tumors.en.ssml")
  }

  @Test func isSSMLWithTheLanguageOnEveryParagraphAndSentence() throws {
    let output = try ssml()
    #expect(SpeechFixture.isWellFormed(output))
    #expect(
      output.hasPrefix(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<speak version=\"1.1\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"en\">\n"
      ))
    #expect(output.hasSuffix("</speak>\n"))
    let paragraphs = output.components(separatedBy: "<p ").count - 1
    let sentences = output.components(separatedBy: "<s ").count - 1
    #expect(paragraphs > 5 && sentences > paragraphs)
    #expect(output.components(separatedBy: "<p xml:lang=\"en\">").count - 1 == paragraphs)
    #expect(output.components(separatedBy: "<s xml:lang=\"en\">").count - 1 == sentences)
    #expect(output.contains("<break time=\"800ms\"/>"))
  }

  /// An audio file's chapters: the introduction, then each part, each a whole SSML document
  /// that ends with the pause the whole document has there; together they say exactly what
  /// the whole document says.
  @Test func cutsTheScriptIntoTheIntroductionAndOneChapterPerPart() throws {
    let document = try Fixtures.english(spoken: true)
    let chapters = try SSMLExporter().chapters(document)
    let kinds: [SpokenScript.Chapter.Kind] =
      [.introduction] + document.sections.indices.map { .section($0) } + [.references]
    #expect(chapters.map(\.kind) == kinds)
    #expect(try SpokenScript(document).chapters.map(\.kind) == kinds)
    for chapter in chapters { #expect(SpeechFixture.isWellFormed(chapter.ssml), "\(chapter.kind)") }
    #expect(chapters[0].ssml.contains(">Neuroendocrine tumors.</s>"))
    #expect(chapters[1].ssml.contains("<s xml:lang=\"en\">Part one of seven: Overview.</s>"))
    #expect(chapters[7].ssml.contains("<s xml:lang=\"en\">Part seven of seven: References.</s>"))
    let pause = "  <break time=\"800ms\"/>\n</speak>\n"
    #expect(chapters.dropLast().allSatisfy { $0.ssml.hasSuffix(pause) })
    #expect(chapters[7].ssml.hasSuffix("</p>\n</speak>\n"))
    // The bodies of the chapters, one after another, are the body of the whole document.
    func body(_ ssml: String) -> [String] {
      Array(ssml.split(separator: "\n").dropFirst(2).dropLast().map(String.init))
    }
    #expect(chapters.flatMap { body($0.ssml) } == body(try SSMLExporter().export(document)))
  }

  @Test func marksAbbreviationsAndNeverPutsAStopAfterATag() throws {
    let output = try ssml()
    #expect(output.contains("<s xml:lang=\"en\">Short form: <say-as interpret-as=\"characters\">DNA</say-as></s>"))
    #expect(output.contains("The <say-as interpret-as=\"characters\">DNA</say-as> holds two copies."))
    #expect(!output.contains("</say-as>."))
    #expect(!output.contains("</sub>."))
  }

  /// The glossary's `pronunciation` is the narrator's (stress in capitals, notes); an engine
  /// is given only the spoken form, or the letters, or the written form.
  @Test func givesEnginesTheSpokenFormOrTheLettersNeverTheNarratorsRespelling() throws {
    let location = SourceLocation(file: "x.yaml")
    func ssml(_ glossary: [GlossaryEntry]) throws -> String {
      try SSMLExporter().export(SpeechFixture.resolve(glossary: glossary))
    }
    let respelling = [
      GlossaryEntry(key: "abbr.dna", pronunciation: "DEE-en-AY (three letters)", location: location),
      GlossaryEntry(key: "abbr.men1", pronunciation: "M E N one", location: location),
    ]
    let narrated = try ssml(respelling)
    #expect(!narrated.contains("<sub"))
    #expect(!narrated.contains("three letters") && !narrated.contains("DEE-en-AY") && !narrated.contains("M E N"))
    #expect(narrated.contains("The <say-as interpret-as=\"characters\">DNA</say-as> holds two copies."))
    // The narrator still finds the respelling in the script's guide.
    let script = try AudioScriptExporter().export(SpeechFixture.resolve(glossary: respelling))
    #expect(script.contains("[DNA: DEE-en-AY (three letters)]"))

    let spoken = try ssml([
      GlossaryEntry(key: "abbr.dna", pronunciation: "DEE-en-AY", spoken: "dee en ay", location: location),
      GlossaryEntry(key: "abbr.men1", pronunciation: "M E N one", letters: true, location: location),
    ])
    #expect(spoken.contains("The <sub alias=\"dee en ay\">DNA</sub> holds two copies."))
    #expect(spoken.contains("Short form: <say-as interpret-as=\"characters\">MEN</say-as> one.</s>"))
    #expect(!spoken.contains("DEE-en-AY"))
  }

  /// An abbreviation patients know by its short form (`expand: false`) is not replaced by
  /// its expansion, nor announced as a short form.
  @Test func keepsAShortFormPatientsKnow() throws {
    let kept = [GlossaryEntry(key: "abbr.dna", letters: true, expand: false, location: SourceLocation(file: "x.yaml"))]
    let script = try AudioScriptExporter(width: 500).export(SpeechFixture.resolve(glossary: kept))
    #expect(script.contains("Cells develop changes, or mutations, in their DNA. The DNA holds two copies."))
    #expect(!script.contains("deoxyribonucleic"))
    #expect(!script.contains("Short form: DNA"))
    // Without the flag the first use is expanded, as for an abbreviation patients may not know.
    let expanded = try AudioScriptExporter().export(SpeechFixture.resolve())
    #expect(expanded.contains("deoxyribonucleic acid"))
  }

  @Test func marksPassagesInAnotherLanguage() throws {
    let output = try ssml(
      ["title": "Tumores", "s.text": "Las células cambian.", "s.heading": "Causas"], locale: "es",
      fallback: ["s.two"])
    #expect(output.contains("xml:lang=\"es\">"))
    #expect(output.contains("<s xml:lang=\"en\">Flushing.</s>"))
    #expect(output.contains("<s xml:lang=\"es\">Tumores.</s>"))
  }

  /// Issue 14: a passage the catalog keeps in another language (`<lang-en>`) is a `lang`
  /// element inside its sentence, and the sentence's own language when it is the whole
  /// sentence; a passage cut by a sentence break is closed in the first sentence and opened
  /// again in the next. The narrator's script shows only the words.
  @Test func marksPassagesTheCatalogKeepsInAnotherLanguage() throws {
    let texts = [
      "title": "Tumores", "s.heading": "Causas", "byline": "Por el personal de <lang-en>Mayo Clinic</lang-en>",
      "s.text":
        "Únase a <lang-en>Mayo Clinic Connect</lang-en>, una comunidad. <lang-en>Mayo Clinic Connect.</lang-en>",
      "s.later": "Vea <lang-en>Neuroendocrine tumors. Plymouth Meeting, Pa.</lang-en> y más.",
    ]
    let output = try ssml(texts, locale: "es")
    #expect(SpeechFixture.isWellFormed(output))
    #expect(output.contains("<s xml:lang=\"es\">Por el personal de <lang xml:lang=\"en\">Mayo Clinic</lang></s>"))
    #expect(
      output.contains(
        "<s xml:lang=\"es\">Únase a <lang xml:lang=\"en\">Mayo Clinic Connect</lang>, una comunidad.</s>"))
    #expect(output.contains("<s xml:lang=\"en\">Mayo Clinic Connect.</s>"))
    #expect(output.contains("<s xml:lang=\"es\">Vea <lang xml:lang=\"en\">Neuroendocrine tumors.</lang></s>"))
    #expect(output.contains("<s xml:lang=\"es\"><lang xml:lang=\"en\">Plymouth Meeting, Pa.</lang> y más.</s>"))
    #expect(!output.contains("\u{E0FF}") && !output.contains("\u{E100}"))
    let script = try AudioScriptExporter(width: 500).export(SpeechFixture.resolve(texts, locale: "es"))
    #expect(script.contains("Únase a Mayo Clinic Connect, una comunidad. Mayo Clinic Connect."))
    #expect(!script.contains("lang") && !script.unicodeScalars.contains { (0xE000...0xF8FF).contains($0.value) })
  }

  /// XML 1.0 cannot hold C0 controls, U+FFFE or U+FFFF, and discourages C1 controls and the
  /// other noncharacters: every one becomes U+FFFD, as in the other exports.
  @Test func replacesControlsAndNoncharacters() throws {
    // (Swift's literals refuse noncharacters, so they are made from their values.)
    let (uFFFE, uFDD0, u1FFFF) = (
      String(Unicode.Scalar(0xFFFE)!), String(Unicode.Scalar(0xFDD0)!), String(Unicode.Scalar(0x1FFFF)!)
    )
    let output = try ssml(["s.two": "Flush\u{1}ing\u{7F} x\u{9B}y \(uFFFE)a\(uFDD0)b\(u1FFFF)c"])
    #expect(SpeechFixture.isWellFormed(output))
    #expect(output.contains("<s xml:lang=\"en\">Flush\u{FFFD}ing\u{FFFD} x\u{FFFD}y \u{FFFD}a\u{FFFD}b\u{FFFD}c.</s>"))
  }

  @Test(arguments: [
    "<script>alert(1)</script>", "]]> <![CDATA[x]]>", "Tom & Jerry's \"quote\"",
    "\u{202E}evil\u{202C} \u{2067}x\u{2069}",
    "</s></p></speak><speak>", "<!-- comment --> <?pi x?>",
  ])
  func escapesHostileCatalogStrings(hostile: String) throws {
    let output = try ssml(["s.two": hostile, "title": hostile])
    #expect(SpeechFixture.isWellFormed(output), "not well-formed:\n\(output)")
    #expect(!output.contains("<script"))
    #expect(!output.contains("<![CDATA["))
    #expect(!output.contains("<!--"))
    #expect(!output.contains("\u{202E}"))
    #expect(output.components(separatedBy: "<speak ").count == 2)
    #expect(output.components(separatedBy: "</speak>").count == 2)
  }
}
