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
  ///
  /// Read from the text's UTF-8, since every byte of the markup is ASCII: a `<` or `>` is
  /// looked for byte by byte and counts only where it is a character of its own, as a
  /// character-by-character reading sees it (not where a combining mark follows it or a
  /// prepended mark comes before it); walking the characters themselves cost 40,000
  /// instructions a message under callgrind.
  public static func tokens(_ text: String) -> [Token] {
    var utf8Text = text
    return utf8Text.withUTF8 { bytes in
      var tokens: [Token] = []
      let count = bytes.count
      // Whether a character boundary of `text` falls before byte `offset`: always next to an
      // ASCII byte other than a CR before an LF (ASCII is neither a prepended mark nor
      // something that extends the character before it); otherwise the String says.
      func isBoundary(_ offset: Int) -> Bool {
        if offset == 0 || offset == count { return true }
        if bytes[offset] < 0x80 && bytes[offset - 1] < 0x80 {
          return !(bytes[offset - 1] == 0x0D && bytes[offset] == 0x0A)
        }
        return String.Index(text.utf8.index(text.utf8.startIndex, offsetBy: offset), within: text) != nil
      }
      // Whether the ASCII byte at `offset` is a character of its own.
      func standsAlone(_ offset: Int) -> Bool { isBoundary(offset) && isBoundary(offset + 1) }
      func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
      }
      func next(_ byte: UInt8, from start: Int) -> Int? {
        var offset = start
        while offset < count {
          if bytes[offset] == byte && standsAlone(offset) { return offset }
          offset += 1
        }
        return nil
      }
      // Where the literal text not yet added starts, and where to look for the next `<`.
      var literalStart = 0
      var searchStart = 0
      while let open = next(UInt8(ascii: "<"), from: searchStart) {
        guard let close = next(UInt8(ascii: ">"), from: open + 1) else { break }
        guard let token = tag(inside: (open + 1)..<close, of: bytes, string: string, isBoundary: isBoundary) else {
          searchStart = open + 1
          continue
        }
        if literalStart < open { tokens.append(.text(string(literalStart..<open))) }
        tokens.append(token)
        literalStart = close + 1
        searchStart = close + 1
      }
      if literalStart < count { tokens.append(.text(string(literalStart..<count))) }
      return tokens
    }
  }

  /// The tag whose text between `<` and `>` is the bytes `inside`, if it is one.
  private static func tag(
    inside: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>, string: (Range<Int>) -> String,
    isBoundary: (Int) -> Bool
  ) -> Token? {
    // A `/` that a combining mark follows leaves a name that starts with that mark, which
    // no tag's name does: it need not be told apart from a closing tag's `/` here.
    let closing = !inside.isEmpty && bytes[inside.lowerBound] == UInt8(ascii: "/")
    let name = (closing ? inside.lowerBound + 1 : inside.lowerBound)..<inside.upperBound
    func hasPrefix(_ prefix: StaticString) -> Bool {
      guard name.count >= prefix.utf8CodeUnitCount else { return false }
      for offset in 0..<prefix.utf8CodeUnitCount where bytes[name.lowerBound + offset] != prefix.utf8Start[offset] {
        return false
      }
      return true
    }
    let tag: Tag
    if name.count == 1 && bytes[name.lowerBound] == UInt8(ascii: "b") {
      tag = .bold
    } else if hasPrefix("lang-") {
      // The language's tag starts after `lang-` only where `-` is a character of its own.
      let tagStart = name.lowerBound + 5
      guard isBoundary(tagStart), let language = LanguageTag(string(tagStart..<name.upperBound)) else { return nil }
      tag = .language(language)
    } else if hasPrefix("link") {
      // The number, as `Int` reads it (a `+` before it included), in ASCII, without a
      // leading zero.
      let digits = (name.lowerBound + 4)..<name.upperBound
      guard !digits.isEmpty, digits.allSatisfy({ bytes[$0] < 0x80 }), bytes[digits.lowerBound] != UInt8(ascii: "0"),
        let number = Int(string(digits)), number >= 1
      else { return nil }
      tag = .link(number)
    } else {
      return nil
    }
    return closing ? .close(tag) : .open(tag)
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
