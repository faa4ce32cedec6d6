import NetexportICU
import NetexportModel
public import NetexportResolution

/// One self-contained HTML file that prints as a large-print handout.
///
/// Follows the large-print guidance of APH, ACB and UKAAF and WCAG 2.2 (see
/// `../shared/guides/accessible-exports.md`): body text 18 pt (24 CSS px) in a plain sans-serif
/// face, line spacing 1.5, lines of at most about 70 characters, flush to the start edge and
/// never justified, bold headings in order (22 and 20 pt), no italics or capitals, black on
/// white (21:1), one column, wide margins, no page break inside a list item or after a
/// heading, and the page number in print. `lang` and `dir` are set on the page and on any
/// passage in another language; abbreviations are marked up with their expansions, and the
/// byline, review date and references are kept. No external font, script or image.
///
/// Every catalog and content string is escaped code point by code point (`XMLText`): a
/// translation holding `<script>` or `&` shows as text, also when a combining or prepended mark
/// shares a character with the `<` or `"`; controls and noncharacters show as U+FFFD.
public struct LargePrintHTMLExporter: TextExporter {
  /// The paper the handout is laid out for; `nil` for the one customary where the locale is
  /// used (`Paper.customary(for:)`).
  public var paper: Paper?
  /// The page layout of a handout printed by netexport itself (the PDF export); `nil` for the
  /// HTML handout, which a browser prints with simpler page rules.
  public var print: PrintLayout?

  public init(paper: Paper? = nil, print: PrintLayout? = nil) {
    self.paper = paper
    self.print = print
  }

  /// How the PDF handout's pages are laid out, beyond the HTML handout's styles: a running
  /// header with the title and review date and a footer with the organization, its contact
  /// line and the page number on every page; a list's lead-in kept with its first two
  /// items, a list's last two items together, and headings in a real bold face in every
  /// script.
  public struct PrintLayout: Sendable, Equatable {
    /// The organization handing the handout out, printed at the foot of every page.
    public var organization: String?
    /// How to reach it, printed under its name.
    public var contact: String?

    /// The page margins in centimetres. The running header and footer are printed inside
    /// the top and bottom margins; the body of the page lies between them.
    public static let margins = (top: 3.0, side: 2.5, bottom: 3.0)

    public init(organization: String? = nil, contact: String? = nil) {
      self.organization = organization
      self.contact = contact
    }
  }

  public func export(_ document: ResolvedDocument) throws -> String {
    let locale = document.locale
    let direction = locale.isRightToLeft ? "rtl" : "ltr"
    let abbreviations = AbbreviationMarker(document.abbreviations)
    var body: [String] = []

    // A passage in another language than what surrounds it carries its language, and its
    // direction so that it is laid out as its own (WCAG 3.1.2).
    func inLanguage(_ language: LanguageTag?, around: LanguageTag, _ html: String) -> String {
      guard let language, language != around else { return html }
      let dir = language.isRightToLeft ? "rtl" : "ltr"
      return "<span lang=\"\(HTML.escape(language.canonical))\" dir=\"\(dir)\">\(html)</span>"
    }
    func text(_ resolved: ResolvedText) -> String {
      let language = resolved.language ?? locale
      // Emphasis prints in bold (never italics); a link is underlined, and shows its address
      // after its words in print, where it cannot be followed. Runs of one language are
      // marked together.
      var marked = ""
      var passage: (language: LanguageTag?, html: String) = (nil, "")
      for run in resolved.runs {
        var html = abbreviations.markUp(run.text)
        if run.bold { html = "<strong>\(html)</strong>" }
        if let link = run.link { html = "<a href=\"\(HTML.escape(link))\">\(html)</a>" }
        if run.language != passage.language {
          marked += inLanguage(passage.language, around: language, passage.html)
          passage = (run.language, "")
        }
        passage.html += html
      }
      marked += inLanguage(passage.language, around: language, passage.html)
      return inLanguage(resolved.language, around: locale, marked)
    }
    func list(_ list: ResolvedDocument.List, indent: String) -> [String] {
      var lines: [String] = []
      if let leadIn = list.leadIn { lines.append("\(indent)<p class=\"lead-in\">\(text(leadIn))</p>") }
      let tag = list.ordered ? "ol" : "ul"
      lines.append("\(indent)<\(tag)>")
      for item in list.items {
        let detail = item.detail.map { "<br>\n\(indent)    <span class=\"detail\">\(text($0))</span>" } ?? ""
        lines.append("\(indent)  <li>\(text(item.text))\(detail)</li>")
      }
      lines.append("\(indent)</\(tag)>")
      return lines
    }

    body.append("<header>")
    body.append("  <h1>\(text(document.title))</h1>")
    if let subtitle = document.subtitle { body.append("  <p class=\"subtitle\">\(text(subtitle))</p>") }
    // A machine's translation not all reviewed by a person says so at the top (and, in
    // print, at the foot of every page: `pageRules`).
    if let notice = document.machineTranslationNotice {
      body.append("  <p class=\"machine-translation\">\(text(notice))</p>")
    }
    body.append("</header>")
    body.append("<main>")
    for section in document.sections {
      let id = HTML.escape(section.id)
      body.append("  <section aria-labelledby=\"\(id)\">")
      body.append("    <h2 id=\"\(id)\">\(text(section.heading))</h2>")
      for block in section.blocks {
        switch block {
        case .heading(let heading): body.append("    <h3>\(text(heading))</h3>")
        case .paragraph(let paragraph): body.append("    <p>\(text(paragraph))</p>")
        case .list(let items): body += list(items, indent: "    ")
        case .callout(let callout):
          body.append("    <aside class=\"callout\">")
          if let title = callout.title { body.append("      <h3>\(text(title))</h3>") }
          for paragraph in callout.body { body.append("      <p>\(text(paragraph))</p>") }
          body.append("    </aside>")
        }
      }
      body.append("  </section>")
    }
    body.append("</main>")
    // The ids of the references and related links must be ones no section has: a content
    // file may call a section "references", and two equal ids would label both sections with
    // one heading.
    var ids = Set(document.sections.map(\.id))
    func uniqueID(_ name: String) -> String {
      let id = (1...).lazy.map { $0 == 1 ? name : "\(name)-\($0)" }.first { !ids.contains($0) }!
      ids.insert(id)
      return id
    }
    let referencesID = uniqueID("references")
    body.append("<footer>")
    body.append("  <p>\(text(document.byline))</p>")
    body.append("  <p>\(text(document.reviewed))</p>")
    body.append("  <section aria-labelledby=\"\(referencesID)\">")
    body.append("    <h2 id=\"\(referencesID)\">\(text(document.references.heading))</h2>")
    body.append("    <ol class=\"references\">")
    for reference in document.references.items { body.append("      <li>\(text(reference))</li>") }
    body.append("    </ol>")
    body.append("  </section>")
    // Related topics after the references, under their own heading: pointers to other pages,
    // a navigation landmark when they link there.
    for group in document.related {
      let id = uniqueID("related")
      let element = group.items.contains { $0.runs.contains { $0.link != nil } } ? "nav" : "section"
      body.append("  <\(element) aria-labelledby=\"\(id)\">")
      body.append("    <h2 id=\"\(id)\">\(text(group.heading))</h2>")
      body.append("    <ul class=\"related\">")
      for item in group.items { body.append("      <li>\(text(item))</li>") }
      body.append("    </ul>")
      body.append("  </\(element)>")
    }
    body.append("</footer>")

    let title = [document.title.text, document.subtitle?.text].compactMap { $0 }.joined(separator: ": ")
    return """
      <!DOCTYPE html>
      <html lang="\(HTML.escape(locale.canonical))" dir="\(direction)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(HTML.escape(title))</title>
      <style>
      \(try styleSheet(document))
      </style>
      </head>
      <body>
      \(body.joined(separator: "\n"))
      </body>
      </html>

      """
  }

  /// Plain sans-serif faces; Chinese and Japanese text needs a face that has its characters,
  /// so common CJK sans-serif faces come before the generic fallback.
  static let fonts =
    "Arial, \"Liberation Sans\", \"DejaVu Sans\", \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", \"PingFang SC\", \"WenQuanYi Zen Hei\", sans-serif"

  /// The style sheet, with the page counter in the locale's words.
  func styleSheet(_ document: ResolvedDocument) throws -> String {
    let paper = try paper ?? Paper.customary(for: document.locale)
    let fonts = Self.fonts
    let page = try print?.pageRules(document, paper: paper) ?? browserPageRule(document, paper: paper)
    return """
      \(page)
      html { background: #fff; color: #000; }
      body { font-family: \(fonts); font-size: 24px; font-style: normal; line-height: 1.5; text-align: start; hyphens: manual; overflow-wrap: break-word; max-width: 36em; margin: 0 auto; padding: 1em; }
      h1, h2, h3 { font-weight: bold; line-height: 1.3; margin: 1.2em 0 0.4em; break-after: avoid; page-break-after: avoid; }
      h1 { font-size: 29.3px; margin-top: 0; }
      h2 { font-size: 26.7px; }
      h3 { font-size: 24px; }
      p, li { margin: 0 0 0.75em; text-align: start; }
      ul, ol { padding-\(document.locale.isRightToLeft ? "right" : "left"): 1.6em; }
      ul { list-style: disc; }
      li { break-inside: avoid; page-break-inside: avoid; }
      .subtitle { font-weight: bold; }
      .callout { border: 3px solid #000; padding: 0.5em 1em; margin: 1em 0; break-inside: avoid; }
      .callout h3 { margin-top: 0.2em; }
      footer { margin-top: 2em; border-top: 2px solid #000; padding-top: 1em; }
      abbr { text-decoration: none; }
      em, i, cite { font-style: normal; }
      @media (max-width: 30em) { body { font-size: 20px; padding: 0.5em; } h1 { font-size: 24px; } h2 { font-size: 22px; } }
      @media print { body { max-width: none; padding: 0; } a { color: #000; } }
      """ + (Self.hasLinks(document) ? "\n" + Self.linkRules : "")
        + (document.machineTranslationNotice == nil ? "" : "\n" + Self.noticeRule)
        + (print?.layoutRules(document) ?? "")
  }

  /// The machine-translation notice at the top: framed like the callout, so it is not taken
  /// for part of the text.
  static let noticeRule = ".machine-translation { border: 3px solid #000; padding: 0.5em 1em; margin: 1em 0; }"

  /// The page rule of the HTML handout as a browser prints it: the page counter at the foot of
  /// every page, and, for a machine's translation not all reviewed, the notice beside it
  /// (with a deeper bottom margin to hold it at the body's size).
  func browserPageRule(_ document: ResolvedDocument, paper: Paper) throws -> String {
    let fonts = Self.fonts
    let counter = try Self.pageCounter(document)
    guard let notice = document.machineTranslationNotice else {
      return
        "@page { size: \(paper.cssName); margin: 2.5cm 2.5cm 3cm; @bottom-center { content: \(counter); font-family: \(fonts); font-size: 18pt; color: #000; } }"
    }
    let (start, end) = document.locale.isRightToLeft ? ("right", "left") : ("left", "right")
    let box = "font-family: \(fonts); font-size: 18pt; line-height: 1.2; color: #000; vertical-align: top;"
    return
      "@page { size: \(paper.cssName); margin: 2.5cm 2.5cm \(PrintLayout.bottomMargin(notice: notice.text))cm; @bottom-\(start) { content: \(HTML.cssString(notice.text)); \(box) text-align: \(start); padding-\(end): 0.5cm; width: 65%; } @bottom-\(end) { content: \(counter); \(box) text-align: \(end); } }"
  }

  /// How links look: underlined in a dark blue with 7:1 contrast (AAA), and in print
  /// followed by their address, since paper cannot be clicked. Only handouts with links carry
  /// these rules.
  static let linkRules = """
    a { color: #00337f; text-decoration: underline; text-underline-offset: 0.15em; }
    @media print { a[href]::after { content: " (" attr(href) ")"; overflow-wrap: anywhere; } }
    """

  /// Whether any text of the document links somewhere.
  static func hasLinks(_ document: ResolvedDocument) -> Bool {
    var texts = [document.title, document.byline, document.reviewed, document.references.heading]
    texts += (document.subtitle.map { [$0] } ?? []) + document.references.items
    texts += document.related.flatMap { [$0.heading] + $0.items }
    for section in document.sections {
      texts.append(section.heading)
      for block in section.blocks {
        switch block {
        case .heading(let text), .paragraph(let text): texts.append(text)
        case .list(let list):
          texts += (list.leadIn.map { [$0] } ?? []) + list.items.flatMap { [$0.text] + ($0.detail.map { [$0] } ?? []) }
        case .callout(let callout): texts += (callout.title.map { [$0] } ?? []) + callout.body
        }
      }
    }
    return texts.contains { $0.runs.contains { $0.link != nil } }
  }

  /// The catalog's page counter ("Page {page} of {pages}") as CSS `content`, with the counters
  /// where the numbers go: the message is formatted with two sample numbers, which are then
  /// found in the result by formatting them alone the same way.
  static func pageCounter(_ document: ResolvedDocument) throws -> String {
    let page = 7_654_321.0
    let pages = 9_876_543.0
    let counter = try document.messages.format(
      "export.page-counter", ["page": .number(page), "pages": .number(pages)])
    let formatted = counter.text
    // Numbers as the message's own language writes them (English when it was filled in).
    let language = counter.language ?? document.locale
    let pageText = try Formatting.number(page, locale: language)
    let pagesText = try Formatting.number(pages, locale: language)
    // Page numbers in the locale's digits: CSS counter styles for CLDR's numbering systems.
    let counterStyles = [
      "arab": "arabic-indic", "arabext": "persian", "beng": "bengali", "deva": "devanagari", "gujr": "gujarati",
      "guru": "gurmukhi", "khmr": "khmer", "knda": "kannada", "laoo": "lao", "mlym": "malayalam", "mymr": "myanmar",
      "orya": "oriya", "telu": "telugu", "thai": "thai", "tibt": "tibetan", "hanidec": "cjk-decimal",
    ]
    let style = counterStyles[try Formatting.numberingSystem(locale: language)].map { ", \($0)" } ?? ""
    var parts: [String] = []
    var rest = Substring(formatted)
    while !rest.isEmpty {
      let next = [(pageText, "counter(page\(style))"), (pagesText, "counter(pages\(style))")].compactMap {
        number, counter in
        rest.range(of: number).map { ($0, counter) }
      }.min { $0.0.lowerBound < $1.0.lowerBound }
      guard let (range, counter) = next else {
        parts.append(HTML.cssString(String(rest)))
        break
      }
      if range.lowerBound > rest.startIndex { parts.append(HTML.cssString(String(rest[..<range.lowerBound]))) }
      parts.append(counter)
      rest = rest[range.upperBound...]
    }
    return parts.joined(separator: " ")
  }
}

/// Escaping for HTML text and attributes, and for CSS strings, one Unicode scalar at a time
/// (see `XMLText`): characters no export carries become U+FFFD (`Unrepresentable`).
enum HTML {
  /// Text or a double-quoted attribute value: `&`, `<`, `>` and both quotes escaped. The same
  /// escaper as the XML exports', with HTML's `&#39;` for the apostrophe.
  static func escape(_ text: String) -> String {
    XMLText.escape(text, quotes: true, apostrophe: "&#39;")
  }

  /// A CSS string literal: quotes, backslashes and line breaks escaped, and `<` so that the
  /// style element can never be closed from inside it.
  static func cssString(_ text: String) -> String {
    var escaped = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"", "\\", "<", ">", "&": escaped += "\\" + String(scalar.value, radix: 16) + " "
      case "\n", "\r": escaped += "\\a "
      default: escaped.unicodeScalars.append(Unrepresentable.contains(scalar) ? Unrepresentable.replacement : scalar)
      }
    }
    return escaped + "\""
  }
}

/// Marks abbreviations up with their expansions (`<abbr title>`, WCAG 3.1.4). The text itself
/// is never changed: where the source spells an abbreviation out ("multiple endocrine
/// neoplasia, type 1 (MEN 1)"), the printed handout does too; adding expansions the source
/// does not have would make the handout differ from it.
struct AbbreviationMarker {
  private let finder: AbbreviationFinder

  init(_ abbreviations: [ResolvedDocument.Abbreviation]) {
    finder = AbbreviationFinder(abbreviations)
  }

  /// Escapes `text` and marks its abbreviations up.
  func markUp(_ text: String) -> String {
    var output = ""
    var position = text.startIndex
    while let match = finder.first(in: text, from: position) {
      output += HTML.escape(String(text[position..<match.range.lowerBound]))
      output +=
        "<abbr title=\"\(HTML.escape(match.abbreviation.expansion.text))\">\(HTML.escape(match.abbreviation.short.text))</abbr>"
      position = match.range.upperBound
    }
    return output + HTML.escape(String(text[position...]))
  }
}
