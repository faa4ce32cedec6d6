import NetexportICU
import NetexportResolution
import NetexportTestSupport
import Testing

/// `InlineMarkup.tokens` reads a text's UTF-8; these compare it with the reading it replaced,
/// character by character, on markup next to every kind of character, combining marks and
/// prepended marks included (where a `<` or `>` is no character of its own).
@Suite struct InlineMarkupReadingTests {
  /// The character-by-character reading `tokens` had before it read bytes.
  enum CharacterReading {
    static func tokens(_ text: String) -> [InlineMarkup.Token] {
      var tokens: [InlineMarkup.Token] = []
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

    static func tag(at text: Substring) -> (InlineMarkup.Token, Int)? {
      guard let end = text.firstIndex(of: ">") else { return nil }
      let inside = text[text.index(after: text.startIndex)..<end]
      let closing = inside.hasPrefix("/")
      let name = closing ? inside.dropFirst() : inside
      let tag: InlineMarkup.Tag
      if name == "b" {
        tag = .bold
      } else if name.hasPrefix("lang-"), let language = LanguageTag(String(name.dropFirst(5))) {
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
  }

  static let texts: [String] = {
    var texts = [
      "", "<", ">", "<>", "</>", "<b>", "</b>", "<b>bold</b>", "Take <b>2</b> < 5 mg <i>x</i> <link1>here</link1>",
      "<link0>no</link0> <link01>x</link01> <link+2>y</link+2> <link-1>z</link-1> <link>w</link>",
      "<link99999999999999999999>big</link99999999999999999999>", "<lang-en>Mayo Clinic</lang-en>",
      "<lang-EN>x</lang-en>",
      "<lang->x</lang->", "<lang-zz-Latn>x</lang-zz-Latn>", "<lang-not a tag>x", "<\u{301}b>", "<b\u{301}>",
      "</\u{301}b>",
      "<\u{338}b>", "\u{600}<b>x</b>", "<b>\u{301}x</b>", "x<b>\u{903}</b>", "<lang-\u{301}en>x</lang-en>",
      "<link\u{301}1>x</link1>", "<b>x</b\u{301}>", "<b>x</b>\u{301}", "文字<b>重要</b>。", "النص <b>مهم</b>",
      "👩🏽‍⚕️<b>𝄞</b>🇺🇸", "\r\n<b>\r\n</b>\r\n", "<b><b>x</b></b>", "<b><link1>x</b></link1>", "a < b > c",
      "{n, plural, one {<b>#</b> day} other {<b>#</b> days}}", "l'<b>{x}</b>", "<<b>>", "<b<b>>",
    ]
    let pieces: [String] = [
      "<", ">", "/", "b", "<b>", "</b>", "<link1>", "</link1>", "<link2>", "link", "lang-", "<lang-en>", "</lang-en>",
      "<lang-fr-CA>", "</lang-FR-ca>", "en", "1", "0", "+", "-", " ", "x", "é", "文", "ب", "\u{301}", "\u{338}",
      "\u{600}",
      "\u{903}", "\u{200D}", "\u{FE0F}", "\r", "\n", "👩🏽‍⚕️", "🇺", "𝄞", "{", "}", "#", "'",
    ]
    texts += randomTexts(of: pieces, count: 3000, seed: 0x853C_49E6_748F_EA9B, lengthBits: 5)
    return texts
  }()

  /// The same tokens, with the same bytes in each (`==` on strings would take canonically
  /// equivalent texts for the same).
  @Test func readsAsCharacterByCharacter() {
    func bytes(_ tokens: [InlineMarkup.Token]) -> [[UInt8]] {
      tokens.map { if case .text(let text) = $0 { Array(text.utf8) } else { [] } }
    }
    for text in Self.texts {
      let read = InlineMarkup.tokens(text)
      let expected = CharacterReading.tokens(text)
      #expect(read == expected && bytes(read) == bytes(expected), "\(text.debugDescription)")
    }
  }

  /// Where a `<` or `>` is part of another character, it is text.
  @Test func markNextToAMarkIsText() {
    #expect(InlineMarkup.tokens("<b\u{301}>x") == [.text("<b\u{301}>x")])
    #expect(InlineMarkup.tokens("<b>x</b>\u{301}") == [.open(.bold), .text("x</b>\u{301}")])
    #expect(InlineMarkup.tokens("\u{600}<b>x") == [.text("\u{600}<b>x")])
  }
}
