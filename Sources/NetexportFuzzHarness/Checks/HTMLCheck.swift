import NetexportExporters
import NetexportICU
import NetexportResolution
import NetexportValidation

/// The large-print handout read as strictly as the exporter writes it, one Unicode scalar at
/// a time as HTML's tokenizer reads: only the elements and attributes the exporter writes for
/// the fixture in English (and `abbr title`, `span lang dir`, `strong` and `a href`, which
/// depend on the text), text with no raw markup character, and a style sheet that is the
/// exporter's own but for the page counter's strings.
enum HTMLCheck {
  struct Reading {
    /// Each element as `name(attribute,attribute)`, attributes in the order written.
    var elements: [String] = []
    var style = ""
    /// The value of every `href`, its character references resolved.
    var hrefs: [String] = []
  }

  /// Checks a handout in `locale` (one of `Fixture.locales`, or the source locale) whose
  /// content model has the web addresses `links`: every link goes to one of them (a message
  /// can say where a link starts and ends, never where it goes).
  static func check(_ html: String, locale: String, links: Set<String>) throws(InvariantViolation) {
    let reading = try read(html)
    for element in reading.elements where !allowed.contains(element) {
      throw InvariantViolation("large-print-html has an element the exporter does not write: <\(element)>")
    }
    for href in reading.hrefs where !links.contains(href) {
      throw InvariantViolation(
        "large-print-html links to \(href.debugDescription), not an address of the content model")
    }
    let (_, rest) = try pageCounter(reading.style)
    // A handout with a link carries the rules for links; one without, none.
    let linked = reading.elements.contains("a(href)")
    try require(
      rest == benignStyles[locale]?[linked ? 1 : 0], "large-print-html's style sheet differs beyond the page counter")
  }

  /// What the exporter writes for the fixture document in English, with each locale's
  /// paper size and list indent: the fixture's English texts in that locale; `withLink`, with
  /// the subtitle a link.
  private static func benign(_ locale: String, withLink: Bool = false) -> Reading {
    do {
      var document = Fixture.document
      var source = Fixture.source
      var labels = Fixture.labels
      source.locale = locale
      labels.locale = locale
      if withLink, let index = source.entries.firstIndex(where: { $0.key == document.metadata.subtitle?.key }) {
        document.metadata.subtitle?.links = ["https://example.org/"]
        source.entries[index].text = "<link1>\(source.entries[index].text)</link1>"
      }
      let resolved = try Resolver.resolve(
        document, messages: MessageTable([source, labels], glossary: Fixture.glossary.glossary),
        locale: LanguageTag(locale)!, source: nil)
      let reading = try read(LargePrintHTMLExporter().export(resolved))
      precondition(reading.elements.contains("a(href)") == withLink, "the fixture's link is not a link")
      return reading
    } catch {
      fatalError("the fuzz fixture does not render as large-print HTML in \(locale): \(error)")
    }
  }

  /// The fixture's elements, and those a text brings with it: an abbreviation or a span in
  /// another language, and the inline markup a message may hold (`<b>` as `strong`, `<linkN>`
  /// as a link to one of the content model's addresses); and a group of related pages whose
  /// titles link is a `nav` landmark with a `ul class="related"` (a content model's `related`,
  /// which the fixture has not).
  private static let allowed = Set(
    benign("en").elements + [
      "abbr(title)", "span(lang,dir)", "strong()", "a(href)", "nav(aria-labelledby)", "ul(class)",
    ])

  /// Each locale's style sheet without its page counter: for a handout without links, and
  /// for one with.
  private static let benignStyles: [String: [String]] = {
    var styles: [String: [String]] = [:]
    for locale in ["en"] + Fixture.locales {
      do {
        styles[locale] = [
          try pageCounter(benign(locale).style).rest, try pageCounter(benign(locale, withLink: true).style).rest,
        ]
      } catch {
        fatalError("the fixture's style sheet has no page counter: \(error)")
      }
    }
    return styles
  }()

  static let references = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]

  static func read(_ html: String) throws(InvariantViolation) -> Reading {
    let scalars = Array(html.unicodeScalars)
    var index = 0
    var open: [String] = []
    var reading = Reading()
    func fail(_ why: String) -> InvariantViolation {
      let context = String(String.UnicodeScalarView(scalars[max(0, index - 40)..<min(scalars.count, index + 40)]))
      return InvariantViolation("large-print-html: \(why) at scalar \(index): …\(context.debugDescription)…")
    }
    func at(_ literal: String, caseInsensitive: Bool = false) -> Bool {
      let wanted = Array(literal.unicodeScalars)
      guard index + wanted.count <= scalars.count else { return false }
      let found = String(String.UnicodeScalarView(scalars[index..<index + wanted.count]))
      return caseInsensitive ? found.lowercased() == literal.lowercased() : found == literal
    }
    func expect(_ literal: String) throws(InvariantViolation) {
      guard at(literal) else { throw fail("expected \(literal.debugDescription)") }
      index += literal.unicodeScalars.count
    }
    func name() throws(InvariantViolation) -> String {
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
    /// Text up to `end`: no raw markup character, and `&` only in the references the
    /// exporter writes.
    func text(until end: Unicode.Scalar) throws(InvariantViolation) {
      while index < scalars.count, scalars[index] != end {
        if scalars[index] == "&" {
          guard let reference = references.first(where: { at($0) }) else {
            throw fail("an '&' that starts no reference the exporter writes")
          }
          index += reference.unicodeScalars.count
          continue
        }
        guard !"<>\"'".unicodeScalars.contains(scalars[index]) else {
          throw fail("a raw \(scalars[index].debugDescription)")
        }
        index += 1
      }
    }

    while index < scalars.count {
      guard scalars[index] == "<" else {
        try text(until: "<")
        continue
      }
      index += 1
      if at("!DOCTYPE html>") {
        guard reading.elements.isEmpty else { throw fail("a second doctype") }
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
      let element = try name()
      var attributes: [String] = []
      while !at(">") {
        try expect(" ")
        let attribute = try name()
        attributes.append(attribute)
        try expect("=\"")
        let valueStart = index
        try text(until: "\"")
        if attribute == "href" {
          var value = String(String.UnicodeScalarView(scalars[valueStart..<index]))
          for (reference, character) in zip(references, ["&", "<", ">", "\"", "'"]) {
            value = value.replacingOccurrences(of: reference, with: character)
          }
          reading.hrefs.append(value)
        }
        try expect("\"")
      }
      index += 1
      reading.elements.append("\(element)(\(attributes.joined(separator: ",")))")
      switch element {
      case "meta", "br": continue
      case "title", "style":
        // RCDATA and raw text end at the first "</title" or "</style", in any case.
        let start = index
        while index < scalars.count, !at("</\(element)", caseInsensitive: true) { index += 1 }
        let end = index
        try expect("</\(element)>")
        if element == "title" {
          index = start
          try text(until: "<")
          guard index == end else { throw fail("a raw '<' in the title") }
          index = end + "</title>".unicodeScalars.count
        } else {
          reading.style = String(String.UnicodeScalarView(scalars[start..<end]))
        }
      default: open.append(element)
      }
    }
    guard open.isEmpty else { throw fail("unclosed \(open)") }
    return reading
  }

  /// The value of `content:` in the style sheet's `@bottom-center` (CSS strings, with no raw
  /// line break, and page counters), and the style sheet with it cut out.
  static func pageCounter(_ style: String) throws(InvariantViolation) -> (content: String, rest: String) {
    guard let start = style.range(of: "@bottom-center { content: ") else {
      throw InvariantViolation("large-print-html: no page counter in the style sheet")
    }
    let scalars = Array(style[start.upperBound...].unicodeScalars)
    var index = 0
    var content = ""
    while index < scalars.count, scalars[index] != ";" {
      let scalar = scalars[index]
      if scalar == " " {
        index += 1
      } else if scalar == "\"" {
        index += 1
        while true {
          guard index < scalars.count else { throw InvariantViolation("large-print-html: unterminated CSS string") }
          let inside = scalars[index]
          index += 1
          if inside == "\"" { break }
          if inside == "\n" || inside == "\r" || inside == "\u{C}" || inside == "<" {
            throw InvariantViolation("large-print-html: a raw \(inside.debugDescription) in a CSS string")
          }
          if inside == "\\" {
            guard index < scalars.count else { throw InvariantViolation("large-print-html: a CSS escape at the end") }
            index += 1
          }
          content.unicodeScalars.append(inside)
        }
      } else if String(String.UnicodeScalarView(scalars[index...].prefix(12))).hasPrefix("counter(page") {
        while index < scalars.count, scalars[index] != ")" { index += 1 }
        index += 1
      } else {
        throw InvariantViolation("large-print-html: \(scalar.debugDescription) in the page counter's CSS")
      }
    }
    let end = style.unicodeScalars.index(start.upperBound, offsetBy: index)
    return (content, String(style[..<start.upperBound]) + "…" + String(style[end...]))
  }
}
