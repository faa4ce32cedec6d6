public import NetexportICU

/// A stretch of a message's text with one presentation: emphasised or not, a link or not,
/// in the message's language or in another.
public struct TextRun: Hashable, Sendable {
  public var text: String
  /// Emphasis (`<b>…</b>` in the message): shown in bold, the only emphasis large print uses.
  public var bold: Bool
  /// The address of a link (`<linkN>…</linkN>` in the message; the address is the text
  /// reference's `links[N-1]`, data of the content model that no translator sees).
  public var link: String?
  /// The language of a passage kept in another language than the message's
  /// (`<lang-en>…</lang-en>` in the message: an English title or name in a translation).
  public var language: LanguageTag?

  public init(_ text: String, bold: Bool = false, link: String? = nil, language: LanguageTag? = nil) {
    self.text = text
    self.bold = bold
    self.link = link
    self.language = language
  }
}

/// The inline markup a message may hold: `<b>…</b>` for emphasis, `<linkN>…</linkN>` for the
/// content model's Nth link (see docs/content-model.md), and `<lang-TAG>…</lang-TAG>` for a
/// passage in another language, with its BCP 47 tag (`<lang-en>Mayo Clinic Connect</lang-en>`
/// in an Arabic sentence; see docs/catalog-format.md). Anything else that looks like a tag is
/// text: a message about "< 5 mg" is not markup.
///
/// Written by hand: the markup is a few fixed forms, and a general HTML or XML parser would
/// read far more than netexport lets a translator write.
public enum InlineMarkup {
  /// A tag of the markup, as found in a text.
  public enum Tag: Hashable, Sendable, CustomStringConvertible {
    case bold
    /// `link1` is 1.
    case link(Int)
    /// `lang-en` is English; the tag as ICU reads it, so `<lang-EN>` and `<lang-en>` are one.
    case language(LanguageTag)

    public var name: String {
      switch self {
      case .bold: "b"
      case .link(let number): "link\(number)"
      case .language(let language): "lang-\(language.canonical)"
      }
    }

    public var description: String { "<\(name)>" }
  }

  /// A piece of a text: literal text, or an opening or closing tag.
  public enum Token: Hashable, Sendable {
    case text(String)
    case open(Tag)
    case close(Tag)
  }

  /// The text cut into literal text and tags.
  public static func tokens(_ text: String) -> [Token] {
    var tokens: [Token] = []
    var literal = ""
    var rest = Substring(text)
    while let start = rest.firstIndex(of: "<") {
      literal += rest[..<start]
      let candidate = rest[start...]
      if let (token, length) = tag(at: candidate) {
        if !literal.isEmpty { tokens.append(.text(literal)) }
        literal = ""
        tokens.append(token)
        rest = candidate.dropFirst(length)
      } else {
        literal += "<"
        rest = candidate.dropFirst()
      }
    }
    literal += rest
    if !literal.isEmpty { tokens.append(.text(literal)) }
    return tokens
  }

  /// The tag that starts `text` (at its `<`), and its length in characters.
  private static func tag(at text: Substring) -> (Token, Int)? {
    guard let end = text.firstIndex(of: ">") else { return nil }
    let inside = text[text.index(after: text.startIndex)..<end]
    let closing = inside.hasPrefix("/")
    let name = closing ? inside.dropFirst() : inside
    let tag: Tag
    if name == "b" {
      tag = .bold
    } else if name.hasPrefix(languagePrefix), let language = LanguageTag(String(name.dropFirst(languagePrefix.count))) {
      tag = .language(language)
    } else if name.hasPrefix("link"), let number = Int(name.dropFirst(4)), number >= 1,
      name.dropFirst(4).allSatisfy(\.isASCII), !name.dropFirst(4).hasPrefix("0")
    {
      tag = .link(number)
    } else {
      return nil
    }
    return (closing ? .close(tag) : .open(tag), text.distance(from: text.startIndex, to: end) + 1)
  }

  /// What starts the name of a language tag: `lang-` in `<lang-en>`.
  public static let languagePrefix = "lang-"

  /// What is wrong with a text's markup: a tag closed without being open, closed out of
  /// order, or left open; `nil` when every tag is balanced.
  public static func problem(in text: String) -> String? {
    var open: [Tag] = []
    for token in tokens(text) {
      switch token {
      case .text: continue
      case .open(let tag):
        if open.contains(tag) { return "\(tag) is opened again inside itself" }
        open.append(tag)
      case .close(let tag):
        guard let last = open.last else { return "</\(tag.name)> closes a tag that is not open" }
        guard last == tag else { return "</\(tag.name)> closes \(last) out of order" }
        open.removeLast()
      }
    }
    return open.last.map { "\($0) is not closed" }
  }

  /// The tags a text opens, in order (for comparing a translation's with the source's).
  public static func tags(in text: String) -> [Tag] {
    tokens(text).compactMap { if case .open(let tag) = $0 { tag } else { nil } }
  }

  /// The text without its markup, as readers and speech engines take it.
  public static func plain(_ text: String) -> String {
    tokens(text).map { if case .text(let literal) = $0 { literal } else { "" } }.joined()
  }

  /// The text as runs, with each link's address from `links` (`link1` is `links[0]`). A tag
  /// out of balance, or a link the content model gives no address, is kept as literal text
  /// (validation reports it; a handout never loses words for it).
  public static func runs(_ text: String, links: [String]) -> [TextRun] {
    guard problem(in: text) == nil else { return [TextRun(text)] }
    var runs: [TextRun] = []
    var bold = 0
    var link: [String] = []
    var language: [LanguageTag] = []
    for token in tokens(text) {
      switch token {
      case .text(let literal):
        if let last = runs.last, last.bold == (bold > 0), last.link == link.last, last.language == language.last {
          runs[runs.count - 1].text += literal
        } else {
          runs.append(TextRun(literal, bold: bold > 0, link: link.last, language: language.last))
        }
      case .open(.bold): bold += 1
      case .close(.bold): bold -= 1
      case .open(.link(let number)):
        guard number <= links.count else { return [TextRun(text)] }
        link.append(links[number - 1])
      case .close(.link): link.removeLast()
      case .open(.language(let tag)): language.append(tag)
      case .close(.language): language.removeLast()
      }
    }
    return runs
  }
}
