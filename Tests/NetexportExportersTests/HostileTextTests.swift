import Foundation
import NetexportExporters
import NetexportFuzzHarness
import NetexportICU
import NetexportModel
import NetexportResolution
import NetexportValidation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Hostile text in every place a catalog or content string lands, rendered in all four
/// formats and read back by the rules of each format.
///
/// Each hostile string goes into every slot of a small document that has one of each: the
/// title and subtitle, a section heading (and the section's id), a subheading, paragraphs, a
/// paragraph with a content-file argument, a list's lead-in, items and details, a callout,
/// the byline and review date, the references, a term with its definition and a glossary
/// pronunciation, three abbreviations and their expansions (one with a narrator's pronunciation
/// and an engine's spoken form, one said letter by letter, one whose short form holds the
/// hostile string), the publisher, and every
/// label a format formats itself (the page counter, the spoken announcements, the narrator's
/// directions).
@Suite struct HostileTextTests {
  /// Shared with the fuzz targets, which start from them.
  static let hostile = HostileStrings.all

  /// A harmless string, for the structure every export must keep.
  static let harmless = "harmless"

  static func document(_ hostile: String) -> Document {
    Document(
      id: "hostile", sourceLocale: "en",
      metadata: Metadata(
        title: "title", subtitle: "subtitle", byline: "byline",
        reviewed: TextRef("reviewed", arguments: ["reviewed": .date(CalendarDay(iso8601: "2023-06-23")!)]),
        publisher: hostile),
      sections: [
        Section(
          id: hostile, heading: "s.heading",
          blocks: [
            .heading("s.subheading"),
            .paragraph("s.text"),
            .paragraph(TextRef("s.argument", arguments: ["value": .string(hostile)])),
            .list(
              ListBlock(
                leadIn: "s.lead-in", items: [ListItem("s.one", detail: "s.one.detail"), ListItem("s.two")])),
            .list(ListBlock(items: [ListItem("s.short1"), ListItem("s.short2")], ordered: true)),
            .callout(Callout(title: "s.callout.title", body: ["s.callout.text", "s.callout.more"])),
          ])
      ],
      references: References(heading: "refs", items: ["ref.one", "ref.two"]),
      terms: [Term(id: "t", name: "term.t", definition: "term.t.definition")],
      abbreviations: [
        Abbreviation(id: "zq", short: "abbr.zq", expansion: "abbr.zq.expansion"),
        Abbreviation(id: "xy", short: "abbr.xy", expansion: "abbr.xy.expansion"),
        Abbreviation(id: "qz", short: "abbr.qz", expansion: "abbr.qz.expansion"),
      ])
  }

  /// `text` as a MessageFormat pattern that formats to `text` itself.
  static func quoted(_ text: String) -> String {
    text.replacingOccurrences(of: "'", with: "''").replacingOccurrences(of: "{", with: "'{'")
      .replacingOccurrences(of: "}", with: "'}'")
  }

  static func messages(_ hostile: String) -> [String: String] {
    let q = quoted(hostile)
    var texts: [String: String] = [:]
    for (key, word) in [
      ("title", "Title"), ("subtitle", "Subtitle"), ("byline", "Byline"), ("s.heading", "Heading"),
      ("s.subheading", "Subheading"), ("s.lead-in", "Lead-in"), ("s.one", "One"), ("s.one.detail", "Detail"),
      ("s.two", "Two"), ("s.short1", "Short"), ("s.short2", "Brief"), ("s.callout.title", "Callout"),
      ("s.callout.text", "Callout text"), ("s.callout.more", "More"), ("refs", "References"), ("ref.one", "Reference"),
      ("ref.two", "Source"), ("term.t.definition", "Definition"), ("abbr.zq.expansion", "Zed queue"),
      ("abbr.xy.expansion", "Ex why"), ("abbr.qz.expansion", "Queue zed"),
    ] {
      texts[key] = "\(word) \(q) ZQ \(q)"
    }
    texts["s.text"] = "Paragraph \(q) ZQ then XY and QZ\(q) and XY again \(q)."
    texts["s.argument"] = "Argument {value} and \(q)"
    texts["reviewed"] = "Reviewed \(q) {reviewed, date, ::yMMMMd} \(q)"
    texts["term.t"] = "Term \(q)"
    texts["abbr.zq"] = "ZQ"
    texts["abbr.xy"] = "XY"
    texts["abbr.qz"] = "QZ\(q)"
    texts["export.page-counter"] = "\(q) {page, number} \(q) {pages, number} \(q)"
    texts["audio.part"] = "Part \(q) {part, number} of {parts, number}: {title}"
    texts["audio.list-count"] = "\(q) {count, number} items:"
    texts["audio.aside"] = "Aside \(q) {kind}: {aside}"
    texts["audio.aside-inline"] = "in place \(q) {kind}: {aside}"
    texts["audio.references"] = "References are printed \(q)"
    texts["audio.pause"] = "pause \(q)"
    texts["audio.pronunciation-guide"] = "Guide \(q)"
    return texts
  }

  static func resolve(_ hostile: String, spoken: Bool) throws -> ResolvedDocument {
    let location = SourceLocation(file: "x.yaml")
    let glossary = [
      GlossaryEntry(
        key: "abbr.zq", pronunciation: "ZED \(hostile) QUEUE", spoken: "zed \(hostile) queue", location: location),
      GlossaryEntry(key: "term.t", forms: [hostile], pronunciation: "term \(hostile)", location: location),
    ]
    return try Fixtures.resolve(
      document(hostile), texts: messages(hostile), locale: "en", glossary: glossary, spoken: spoken)
  }

  /// Every text of the document an export shows, in reading order.
  static func shownTexts(_ document: ResolvedDocument) -> [String] {
    var texts = [document.title.text] + (document.subtitle.map { [$0.text] } ?? [])
    for section in document.sections {
      texts.append(section.heading.text)
      for block in section.blocks {
        switch block {
        case .heading(let text), .paragraph(let text): texts.append(text.text)
        case .list(let list):
          texts +=
            (list.leadIn.map { [$0.text] } ?? [])
            + list.items.flatMap { [$0.text.text] + ($0.detail.map { [$0.text] } ?? []) }
        case .callout(let callout): texts += (callout.title.map { [$0.text] } ?? []) + callout.body.map(\.text)
        }
      }
    }
    return texts + [document.byline.text, document.reviewed.text, document.references.heading.text]
      + document.references.items.map(\.text)
  }

  // MARK: Large-print HTML

  @Test(arguments: hostile)
  func largePrintHTMLHasOnlyItsOwnElementsAndKeepsEveryCharacterAsText(hostile: String) throws {
    let document = try Self.resolve(hostile, spoken: false)
    let output = try LargePrintHTMLExporter().export(document)
    let html = try StrictHTML(output)
    let benign = try StrictHTML(LargePrintHTMLExporter().export(Self.resolve(Self.harmless, spoken: false)))

    #expect(output.unicodeScalars.allSatisfy { !ForbiddenScalars.contains($0) }, "\(ForbiddenScalars.list(output))")
    // Exactly the elements and attributes the exporter writes for the harmless document;
    // only where abbreviations are found may differ.
    let shape = { (html: StrictHTML) in
      html.elements.filter { $0.name != "abbr" }.map {
        "\($0.name)(\($0.attributes.map(\.name).joined(separator: ",")))"
      }
    }
    #expect(shape(html) == shape(benign))
    for element in html.elements where element.name == "abbr" {
      #expect(element.attributes.map(\.name) == ["title"])
    }
    // Every character of every text is still there, as text.
    for text in Self.shownTexts(document) {
      #expect(html.bodyText.containsScalars(ForbiddenScalars.replaced(text)), "lost: \(text.debugDescription)")
    }
    #expect(html.title == ForbiddenScalars.replaced("\(document.title.text): \(document.subtitle!.text)"))
    let expansions = Set(document.abbreviations.map { ForbiddenScalars.replaced($0.expansion.text) })
    for element in html.elements where element.name == "abbr" {
      #expect(expansions.contains(element.attributes[0].value))
    }
    let ids = html.elements.compactMap { $0.attribute("id") }
    #expect(ids == [ForbiddenScalars.replaced(hostile), "references"])
    #expect(html.elements.compactMap { $0.attribute("aria-labelledby") } == ids)
    #expect(Set(ids).count == ids.count)
    // The style sheet is the exporter's own but for the page counter, which is CSS strings
    // and counters that say the catalog's words.
    let (content, rest) = try pageCounterContent(html.style)
    let (_, benignRest) = try pageCounterContent(benign.style)
    #expect(rest == benignRest)
    let counter = try document.messages.format(
      "export.page-counter", ["page": .number(7_654_321), "pages": .number(9_876_543)]
    ).text
    // A line break in a CSS string is written as an escaped line feed.
    let lineFeeds = ForbiddenScalars.replaced(counter).unicodeScalars.map { $0 == "\r" ? "\n" : $0 }
    #expect(content == String(String.UnicodeScalarView(lineFeeds)))
  }

  /// The value of `content:` in the style sheet's `@bottom-center`, read as CSS reads it
  /// (strings with their escapes, and counters, shown as the sample numbers the exporter
  /// formats them with), and the style sheet without it.
  func pageCounterContent(_ style: String) throws -> (content: String, rest: String) {
    let start = try #require(style.range(of: "@bottom-center { content: "))
    let scalars = Array(style[start.upperBound...].unicodeScalars)
    var content = ""
    var index = 0
    func at(_ literal: String) -> Bool {
      let wanted = Array(literal.unicodeScalars)
      return index + wanted.count <= scalars.count && Array(scalars[index..<index + wanted.count]) == wanted
    }
    while index < scalars.count, scalars[index] != ";" {
      if scalars[index] == " " {
        index += 1
      } else if scalars[index] == "\"" {
        index += 1
        while true {
          try #require(index < scalars.count, "unterminated CSS string")
          let scalar = scalars[index]
          index += 1
          if scalar == "\"" { break }
          try #require(scalar != "\n" && scalar != "\r" && scalar != "\u{C}", "a raw line break in a CSS string")
          guard scalar == "\\" else {
            content.unicodeScalars.append(scalar)
            continue
          }
          var hex = ""
          while hex.count < 6, index < scalars.count, scalars[index].properties.isASCIIHexDigit {
            hex.unicodeScalars.append(scalars[index])
            index += 1
          }
          if hex.isEmpty {
            content.unicodeScalars.append(scalars[index])
            index += 1
          } else {
            content.unicodeScalars.append(try #require(Unicode.Scalar(UInt32(hex, radix: 16)!)))
            if index < scalars.count, scalars[index] == " " { index += 1 }
          }
        }
      } else if at("counter(pages") || at("counter(page") {
        content += at("counter(pages") ? "9,876,543" : "7,654,321"
        while index < scalars.count, scalars[index] != ")" { index += 1 }
        index += 1
      } else {
        Issue.record("unexpected \(scalars[index]) in the page counter's CSS")
        break
      }
    }
    let end = style.unicodeScalars.index(start.upperBound, offsetBy: index)
    return (content, String(style[..<start.upperBound]) + "…" + String(style[end...]))
  }

  // MARK: SSML

  @Test(arguments: hostile)
  func ssmlHasOnlyItsOwnElementsAndSaysEverySentenceAsText(hostile: String) throws {
    let document = try Self.resolve(hostile, spoken: true)
    let output = try SSMLExporter().export(document)
    let script = try SpokenScript(document)
    #expect(output.unicodeScalars.allSatisfy { !ForbiddenScalars.contains($0) }, "\(ForbiddenScalars.list(output))")
    let ssml = try SSMLReader(output)

    var expected = ["speak"]
    var sentences: [String] = []
    var previousWasPause = false
    for block in script.blocks {
      switch block {
      case .pause:
        if !previousWasPause { expected.append("break") }
        previousWasPause = true
      case .paragraph(let paragraph):
        expected.append("p")
        for sentence in paragraph {
          expected.append("s")
          sentences.append(said(sentence))
        }
        previousWasPause = false
      }
    }
    while expected.last == "break" { expected.removeLast() }
    #expect(ssml.elements.map(\.name).filter { $0 != "sub" && $0 != "say-as" } == expected)
    #expect(ssml.sentences.map(Self.withoutSpaces) == sentences.map(Self.withoutSpaces))

    let attributes = [
      "speak": ["version", "xml:lang", "xmlns"], "p": ["xml:lang"], "s": ["xml:lang"], "break": ["time"],
      "sub": ["alias"], "say-as": ["interpret-as"],
    ]
    for element in ssml.elements {
      #expect(element.attributes.keys.sorted() == attributes[element.name], "\(element)")
    }
    let aliases = ssml.elements.filter { $0.name == "sub" }.compactMap { $0.attributes["alias"] }
    #expect(!aliases.isEmpty)
    // The engine is given the spoken form, never the narrator's respelling.
    let spoken = ForbiddenScalars.replaced("zed \(hostile) queue")
    #expect(aliases.allSatisfy { Self.withoutSpaces($0) == Self.withoutSpaces(spoken) })
  }

  /// What the SSML exporter says for a sentence: its written text, without a full stop right
  /// after an abbreviation's element.
  func said(_ sentence: SpokenScript.Sentence) -> String {
    var text = ""
    var previousWasElement = false
    for part in sentence.parts {
      switch part {
      case .text(let words):
        let stop = previousWasElement && words.hasPrefix(".") && words.dropFirst().allSatisfy(\.isWhitespace)
        text += stop ? String(words.dropFirst()) : words
        previousWasElement = false
      case .abbreviation(let written, let spoken):
        text += written
        previousWasElement = spoken != .asWritten || written.allSatisfy { $0.isUppercase || $0 == " " }
      case .passage: previousWasElement = false
      case .passageEnd: previousWasElement = true
      }
    }
    return ForbiddenScalars.replaced(text)
  }

  // MARK: Narrator's script

  @Test(arguments: hostile)
  func narratorsScriptHasOnlyItsOwnDirections(hostile: String) throws {
    let document = try Self.resolve(hostile, spoken: true)
    let output = try AudioScriptExporter(width: 40).export(document)
    let script = try SpokenScript(document)
    #expect(output.unicodeScalars.allSatisfy { !ForbiddenScalars.contains($0) }, "\(ForbiddenScalars.list(output))")

    // The script's contract: a line that starts with "[" starts a direction, which ends
    // with the line that ends with "]"; no other line, and no direction inside, has either.
    var directions: [String] = []
    var spoken = ""
    var direction: String?
    for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
      // Code points, not characters: "[" followed by a combining mark is still a bracket.
      let scalars = line.unicodeScalars
      if direction == nil, scalars.first == "[" {
        direction = ""
      }
      guard var current = direction else {
        #expect(!scalars.contains("[") && !scalars.contains("]"), "a bracket in a spoken line: \(line)")
        spoken += line
        continue
      }
      current += line
      if scalars.last == "]" {
        let inside = current.unicodeScalars.dropFirst().dropLast()
        #expect(!inside.contains("[") && !inside.contains("]"), "a bracket inside a direction: \(current)")
        directions.append(String(String.UnicodeScalarView(inside)))
        direction = nil
      } else {
        direction = current
      }
    }
    #expect(direction == nil, "a direction never closed")

    var expected: [String] = []
    if !script.pronunciations.isEmpty {
      expected.append(try document.messages.format("audio.pronunciation-guide").text)
      expected += script.pronunciations.map { "\($0.term): \($0.pronunciation)" }
    }
    let pause = try document.messages.format("audio.pause").text
    var text = ""
    var previousWasPause = false
    var pendingPause = false
    for block in script.blocks {
      switch block {
      case .pause:
        if !previousWasPause { pendingPause = true }
        previousWasPause = true
      case .paragraph(let sentences):
        if pendingPause { expected.append(pause) }
        pendingPause = false
        previousWasPause = false
        text += sentences.map(\.written).joined()
      }
    }
    let bracketsAsParentheses = { (text: String) in
      String(
        String.UnicodeScalarView(
          Self.withoutSpaces(ForbiddenScalars.replaced(text)).unicodeScalars.map {
            $0 == "[" ? "(" : $0 == "]" ? ")" : $0
          }))
    }
    #expect(directions.map(Self.withoutSpaces) == expected.map(bracketsAsParentheses))
    #expect(Self.withoutSpaces(spoken) == bracketsAsParentheses(text))
  }

  // MARK: Plain text

  @Test(arguments: hostile)
  func plainTextKeepsEveryTextWithoutControlCharacters(hostile: String) throws {
    let document = try Self.resolve(hostile, spoken: false)
    let output = try PlainTextExporter(width: 40).export(document)
    #expect(output.unicodeScalars.allSatisfy { !ForbiddenScalars.contains($0) }, "\(ForbiddenScalars.list(output))")
    // The callout is the block whose lines all start with its bar.
    let blocks = output.components(separatedBy: "\n\n").map { block in
      let lines = block.split(separator: "\n", omittingEmptySubsequences: false)
      guard lines.allSatisfy({ $0.hasPrefix("|") }) else { return block }
      return lines.map { $0.dropFirst() }.joined(separator: "\n")
    }
    let flowing = Self.withoutSpaces(blocks.joined())
    for text in Self.shownTexts(document) {
      #expect(
        flowing.containsScalars(Self.withoutSpaces(ForbiddenScalars.replaced(text))), "lost: \(text.debugDescription)")
    }
  }

  /// `text` without white space (Unicode's White_Space), which wrapping and markup move.
  static func withoutSpaces(_ text: some StringProtocol) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace }))
  }
}

/// The characters no export may carry, written out here from the standards rather than taken
/// from the exporters: C0 controls other than tab, line feed and carriage return; DEL and the
/// C1 controls; and Unicode's noncharacters (U+FDD0...U+FDEF and the last two code points of
/// every plane). HTML calls them parse errors, the Nu checker rejects them, XML 1.0 forbids the
/// C0 ones and U+FFFE/U+FFFF, and in plain text ESC, CSI and BEL drive the terminal.
enum ForbiddenScalars {
  static func contains(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return (value < 0x20 && ![0x9, 0xA, 0xD].contains(value)) || (0x7F...0x9F).contains(value)
      || (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
  }

  /// `text` as every export shows it: each such character replaced by U+FFFD.
  static func replaced(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map { contains($0) ? "\u{FFFD}" : $0 }))
  }

  static func list(_ text: String) -> String {
    text.unicodeScalars.filter(contains).map { "U+" + String($0.value, radix: 16, uppercase: true) }
      .joined(separator: " ")
  }
}

/// The large-print handout read as strictly as the exporter writes it, one Unicode scalar at
/// a time as HTML's tokenizer reads: a doctype, start and end tags whose attributes are all
/// double-quoted, text with no `<`, `>` or quote and no `&` but the five references the
/// exporter writes, and `title` and `style` read up to their end tag as HTML reads them
/// (RCDATA and raw text). Anything else (a stray `<`, a comment, an unquoted attribute, tags
/// that do not nest) throws.
struct StrictHTML {
  struct Element: CustomStringConvertible {
    var name: String
    var attributes: [(name: String, value: String)]

    func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
    var description: String { "<\(name) \(attributes.map { "\($0.name)=\($0.value.debugDescription)" })>" }
  }

  struct Malformed: Error, CustomStringConvertible {
    var description: String
  }

  private(set) var elements: [Element] = []
  /// The text of the body, decoded, its text nodes joined.
  private(set) var bodyText = ""
  private(set) var title = ""
  private(set) var style = ""

  static let references = ["&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'"]

  init(_ html: String) throws {
    let scalars = Array(html.unicodeScalars)
    var index = 0
    var open: [String] = []
    func fail(_ why: String) -> Malformed {
      let from = max(0, index - 40)
      let to = min(scalars.count, index + 40)
      let context = String(String.UnicodeScalarView(scalars[from..<to]))
      return Malformed(description: "\(why) at scalar \(index): …\(context.debugDescription)…")
    }
    func at(_ literal: String, caseInsensitive: Bool = false) -> Bool {
      let wanted = Array(literal.unicodeScalars)
      guard index + wanted.count <= scalars.count else { return false }
      let found = String(String.UnicodeScalarView(scalars[index..<index + wanted.count]))
      return caseInsensitive ? found.lowercased() == literal.lowercased() : found == literal
    }
    func expect(_ literal: String) throws {
      guard at(literal) else { throw fail("expected \(literal.debugDescription)") }
      index += literal.unicodeScalars.count
    }
    func name() throws -> String {
      var name = ""
      while index < scalars.count,
        ("a"..."z").contains(scalars[index]) || ("0"..."9").contains(scalars[index])
          || (!name.isEmpty && scalars[index] == "-")
      {
        name.unicodeScalars.append(scalars[index])
        index += 1
      }
      guard !name.isEmpty else { throw fail("expected a tag or attribute name") }
      return name
    }
    /// Text up to `end` (not included), with its references decoded.
    func text(until end: Unicode.Scalar) throws -> String {
      var decoded = ""
      while index < scalars.count, scalars[index] != end {
        let scalar = scalars[index]
        if scalar == "&" {
          guard let (reference, character) = Self.references.first(where: { at($0.key) }) else {
            throw fail("an '&' that starts no reference the exporter writes")
          }
          decoded += character
          index += reference.unicodeScalars.count
          continue
        }
        guard !"<>\"'".unicodeScalars.contains(scalar) else { throw fail("a raw \(scalar.debugDescription)") }
        decoded.unicodeScalars.append(scalar)
        index += 1
      }
      return decoded
    }

    while index < scalars.count {
      guard scalars[index] == "<" else {
        let decoded = try text(until: "<")
        if open.contains("body") { bodyText += decoded }
        continue
      }
      index += 1
      if at("!DOCTYPE html>") {
        guard elements.isEmpty else { throw fail("a second doctype") }
        index += 14
        continue
      }
      if at("/") {
        index += 1
        let closed = try name()
        try expect(">")
        guard open.last == closed else { throw fail("</\(closed)> closes <\(open.last ?? "nothing")>") }
        open.removeLast()
        continue
      }
      var element = Element(name: try name(), attributes: [])
      while !at(">") {
        try expect(" ")
        let attribute = try name()
        try expect("=\"")
        element.attributes.append((attribute, try text(until: "\"")))
        try expect("\"")
      }
      index += 1
      elements.append(element)
      switch element.name {
      case "meta", "br": continue
      case "title", "style":
        // RCDATA and raw text end at the first "</title" or "</style", in any case.
        let start = index
        while index < scalars.count, !at("</\(element.name)", caseInsensitive: true) { index += 1 }
        let end = index
        try expect("</\(element.name)>")
        index = start
        if element.name == "title" {
          title = try text(until: "<")
          guard index == end else { throw fail("a raw '<' in the title") }
        } else {
          style = String(String.UnicodeScalarView(scalars[start..<end]))
        }
        index = end + "</\(element.name)>".unicodeScalars.count
      default: open.append(element.name)
      }
    }
    guard open.isEmpty else { throw fail("unclosed \(open)") }
  }
}

/// An SSML export read by Foundation's XML parser, which fails on anything not well-formed;
/// comments, CDATA sections and processing instructions (the exporter writes none) are
/// recorded as errors.
final class SSMLReader: NSObject, XMLParserDelegate {
  struct Element {
    var name: String
    var attributes: [String: String]
  }

  struct Malformed: Error, CustomStringConvertible {
    var description: String
  }

  private(set) var elements: [Element] = []
  /// The text of each `s`, with the text of the elements inside it.
  private(set) var sentences: [String] = []
  private var sentence: String?
  private var unexpected: [String] = []

  init(_ xml: String) throws {
    super.init()
    let parser = XMLParser(data: Data(xml.utf8))
    parser.delegate = self
    guard parser.parse() else {
      throw Malformed(description: "not well-formed: \(parser.parserError.map(String.init(describing:)) ?? "?")")
    }
    guard unexpected.isEmpty else { throw Malformed(description: "unexpected \(unexpected)") }
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    elements.append(Element(name: elementName, attributes: attributes))
    if elementName == "s" { sentence = "" }
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
    if elementName == "s", let sentence {
      sentences.append(sentence)
      self.sentence = nil
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    sentence? += string
  }

  func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { unexpected.append("CDATA") }
  func parser(_ parser: XMLParser, foundComment comment: String) { unexpected.append("comment") }
  func parser(_ parser: XMLParser, foundProcessingInstructionWithTarget target: String, data: String?) {
    unexpected.append("processing instruction \(target)")
  }
}
