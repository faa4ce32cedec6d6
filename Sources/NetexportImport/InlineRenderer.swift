import NetexportModel

/// A message made from Markdown inline content.
struct InlineMessage: Hashable {
  /// ICU MessageFormat, with `<b>…</b>` for emphasis and `<linkN>…</linkN>` for links.
  var text = ""
  /// What a reader sees: the author's text without markup, for notes and comparisons.
  var plain = ""
  /// The address of each link, in order.
  var links: [String] = []
  var hasBold = false
  /// Whether the author wrote italics, which become bold.
  var hadItalics = false

  mutating func appendLiteral(_ literal: String) {
    text += MessageText.pattern(forLiteral: literal)
    plain += literal
  }

  /// The message for a plain text value (front matter): no markup.
  static func literal(_ text: String) -> InlineMessage {
    var message = InlineMessage()
    message.appendLiteral(text)
    return message
  }
}

/// Turns inline Markdown (text, emphasis, links) into a message, and reports what a handout
/// cannot show.
struct InlineRenderer {
  let file: String
  private(set) var diagnostics: [Diagnostic] = []

  init(file: String) { self.file = file }

  func location(_ position: MarkdownPosition) -> SourceLocation {
    SourceLocation(file: file, line: position.line, column: position.column)
  }

  mutating func error(_ code: FindingCode, _ position: MarkdownPosition, _ message: String) {
    diagnostics.append(Diagnostic(code: code, at: location(position), message))
  }

  mutating func warning(_ code: FindingCode, _ position: MarkdownPosition, _ message: String) {
    diagnostics.append(Diagnostic(.warning, code: code, at: location(position), message))
  }

  /// The message for `nodes`, with surrounding white space removed.
  mutating func render(_ nodes: some Collection<MarkdownNode>) -> InlineMessage {
    var message = InlineMessage()
    var boldDepth = 0
    render(nodes, into: &message, boldDepth: &boldDepth)
    // cmark strips a paragraph's leading and trailing spaces; a callout title's remainder
    // may still start with one.
    while message.text.hasPrefix(" ") {
      message.text.removeFirst()
      message.plain.removeFirst()
    }
    while message.text.hasSuffix(" ") && message.plain.hasSuffix(" ") {
      message.text.removeLast()
      message.plain.removeLast()
    }
    if let joined = Self.joinedTagCharacter(in: message.text), let first = nodes.first {
      error(
        .markdownUnsupported, first.start,
        "\(joined) stands right next to bold or a link and joins its markup into one character, so the markup would show as text; put it next to a letter inside the text"
      )
    }
    return message
  }

  /// A character that joins a tag's `<` or `>` into one Unicode character (a combining mark
  /// after `<b>`, a prepended mark such as U+0600 before `</b>`): readers of the message
  /// (`InlineMarkup`, every export) then see the tag as text, and the tags no longer pair up.
  /// Named as `U+05BA`; nil when every tag the renderer wrote stands apart.
  static func joinedTagCharacter(in text: String) -> String? {
    guard text.utf8.contains(UInt8(ascii: "<")) else { return nil }
    for (offset, character) in zip(text.indices, text) where character.unicodeScalars.count > 1 {
      let scalars = Array(character.unicodeScalars)
      guard let bracket = scalars.firstIndex(where: { $0 == "<" || $0 == ">" }) else { continue }
      let other = scalars[bracket == 0 ? 1 : 0]
      let hex = String(other.value, radix: 16, uppercase: true)
      let name = "U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)"
      if scalars[bracket] == ">" {
        // The end of a tag the renderer wrote: "<b", "</b", "<linkN" or "</linkN" before it.
        let before = text[..<offset]
        guard let open = before.lastIndex(of: "<") else { continue }
        let tag = before[before.index(after: open)...].drop { $0 == "/" }
        if tag == "b"
          || (tag.hasPrefix("link") && tag.count > 4 && tag.dropFirst(4).allSatisfy(\.isASCIIDigitCharacter))
        {
          return name
        }
      } else {
        let after = text[text.index(after: offset)...]
        let body = after.drop { $0 == "/" }
        if body.hasPrefix("b>") || (body.hasPrefix("link") && body.dropFirst(4).first?.isASCIIDigitCharacter == true) {
          return name
        }
      }
    }
    return nil
  }

  private mutating func render(
    _ nodes: some Collection<MarkdownNode>, into message: inout InlineMessage, boldDepth: inout Int
  ) {
    for node in nodes {
      switch node.kind {
      case .text(let literal):
        if let tag = Self.markupLookalike(in: literal) {
          error(
            .markdownUnsupported, node.start,
            "the text '\(tag)' would be read as netexport's own markup (<b>, <linkN>); write it differently, for example without the angle brackets"
          )
        }
        message.appendLiteral(literal)
      case .softBreak:
        message.appendLiteral(" ")
      case .lineBreak:
        warning(
          .markdownLineBreak, node.start,
          "a hard line break (two spaces or a backslash at the end of a line) becomes a space: handouts wrap lines themselves; start a new paragraph or list item to separate the text"
        )
        message.appendLiteral(" ")
      case .strong, .emphasis:
        if case .emphasis = node.kind {
          message.hadItalics = true
          warning(
            .markdownItalics, node.start,
            "italics become bold: large print does not use italics, so the handout shows this text in bold; write **bold** to say so, or remove the emphasis"
          )
        }
        message.hasBold = true
        if boldDepth == 0 { message.text += "<b>" }
        boldDepth += 1
        render(node.children, into: &message, boldDepth: &boldDepth)
        boldDepth -= 1
        if boldDepth == 0 { message.text += "</b>" }
      case .link(let url, let title):
        if !LinkAddress.isAllowed(url) {
          error(
            .markdownLink, node.start,
            "the link address '\(url)' cannot be followed from a handout; \(LinkAddress.rule)")
        }
        if !title.isEmpty {
          warning(
            .markdownLinkTitle, node.start,
            "the link's title \"\(title)\" is not shown in any export; put what matters in the link text")
        }
        message.links.append(url)
        let tag = "link\(message.links.count)"
        message.text += "<\(tag)>"
        let before = message.plain.count
        render(node.children, into: &message, boldDepth: &boldDepth)
        message.text += "</\(tag)>"
        if message.plain.count == before {
          error(.markdownLink, node.start, "the link to '\(url)' has no text; write the words a reader follows")
        }
      case .code(let literal):
        error(
          .markdownUnsupported, node.start,
          "code span `\(literal)`: handouts have no code formatting; write the text without backticks (use **bold** to make it stand out)"
        )
        message.appendLiteral(literal)
      case .htmlInline(let html):
        if html.hasPrefix("<!--") {
          error(
            .markdownUnsupported, node.start,
            "HTML comment: netexport would drop it without a trace; remove it, or make it text of the handout")
        } else {
          error(
            .markdownUnsupported, node.start,
            "raw HTML '\(html)': netexport reads Markdown only; use **bold** for emphasis and [text](address) for links, or remove the tag"
          )
        }
      case .image(let url):
        error(
          .markdownUnsupported, node.start,
          "image '\(url)': netexport's exports are text (large print, plain text, audio); describe what the picture shows in words, or leave it out"
        )
      case .footnoteReference:
        error(
          .markdownUnsupported, node.start,
          "footnote reference: handouts have no footnotes; put the note's text in the paragraph, or list the source under 'references' in the front matter"
        )
      case .strikethrough:
        error(
          .markdownUnsupported, node.start,
          "strikethrough (~~…~~): a handout cannot show crossed-out text; remove the text, or the tildes")
      default:
        error(
          .markdownUnsupported, node.start,
          "\(MarkdownImporter.describe(node.kind)) cannot appear in running text; remove it")
      }
    }
  }

  /// A piece of literal text that reads as one of the markup tags messages use.
  static func markupLookalike(in text: String) -> String? {
    guard text.contains("<") else { return nil }
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "<") {
      let after = rest[rest.index(after: open)...]
      guard let close = after.firstIndex(of: ">") else { return nil }
      var name = after[..<close].lowercased()
      if name.hasPrefix("/") { name.removeFirst() }
      let isTag =
        name == "b"
        || (name.hasPrefix("link") && name.count > 4 && name.dropFirst(4).allSatisfy(\.isASCII)
          && name.dropFirst(4).allSatisfy(\.isNumber))
      if isTag { return String(rest[open...close]) }
      rest = after
    }
    return nil
  }
}

extension Character {
  fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
