import Foundation
public import NetexportICU
public import NetexportModel
public import NetexportResolution

/// The document as it is said aloud: what the audio-script and SSML exporters both render.
///
/// It is built from a document resolved for speech (`Resolver.resolve(…, spoken: true)`), in
/// which numbers, counts and dates are already words. Building it:
/// - says the title, subtitle, source and review date first;
/// - announces each part ("Part two of eight: Types.") and each list with its length,
///   joining short items with the locale's list pattern (ICU's list formatter);
/// - turns words in parentheses into a sentence of their own after the sentence they were in;
/// - spells an abbreviation out the first time it is used without its expansion nearby, and
///   says what it stands for then ("Short form: DNA.");
/// - leaves out web addresses and marks that only make sense on paper (" · ", " / ", bullets).
public struct SpokenScript: Sendable, Equatable {
  /// A piece of a sentence.
  public enum Part: Sendable, Equatable {
    case text(String)
    /// An abbreviation as written, and how an engine says it.
    case abbreviation(String, spoken: Spoken)

    public var written: String {
      switch self {
      case .text(let text), .abbreviation(let text, _): text
      }
    }
  }

  /// How a speech engine says an abbreviation, from the locale's glossary. (A human narrator
  /// reads the written form, with the glossary's `pronunciation` in the script's guide.)
  public enum Spoken: Sendable, Equatable {
    /// As it is written; SSML spells one in capitals letter by letter.
    case asWritten
    /// These words instead (the glossary's `spoken`).
    case form(String)
    /// Its capital letters one by one, the rest as written (the glossary's `letters: true`).
    case letters
  }

  public struct Sentence: Sendable, Equatable {
    public var parts: [Part]
    /// Set when the sentence is in another language than the script (a message taken from
    /// the source locale because its translation was not ready).
    public var language: LanguageTag?

    public var written: String { parts.map(\.written).joined() }
  }

  public enum Block: Sendable, Equatable {
    /// Sentences said together.
    case paragraph([Sentence])
    /// A pause, between parts and after announcements.
    case pause
  }

  /// A hard word and how to say it, for the narrator.
  public struct Pronunciation: Sendable, Equatable {
    public var term: String
    public var pronunciation: String
  }

  public var locale: LanguageTag
  public var blocks: [Block]
  /// The narrator's guide to the glossary's hard words, in the order the script uses them.
  public var pronunciations: [Pronunciation]

  /// Builds the spoken script of a document resolved with `spoken: true`.
  ///
  /// - Throws: `DiagnosticError` when a label the script needs (`audio.*`) does not format,
  ///   `ICUError` when ICU fails.
  public init(_ document: ResolvedDocument) throws {
    var builder = try Builder(document: document)
    try builder.build()
    locale = document.locale
    blocks = builder.blocks
    pronunciations = builder.pronunciationGuide()
  }
}

/// The state of one build: which abbreviations the listener has heard explained.
private struct Builder {
  let document: ResolvedDocument
  let finder: AbbreviationFinder
  let sentenceBreaks: BreakIterator
  /// Glossary pronunciations (for the narrator's guide) by catalog key.
  let pronunciations: [String: String]
  /// How engines say each abbreviation, by catalog key.
  let spokenForms: [String: SpokenScript.Spoken]
  /// Abbreviations that are never replaced by their expansion (`expand: false`), by catalog key.
  let keptShort: Set<String>
  /// Lower-cased names and glossary forms of the document's terms.
  let termNames: Set<String>
  var introduced: Set<String> = []
  var blocks: [SpokenScript.Block] = []

  init(document: ResolvedDocument) throws {
    self.document = document
    finder = AbbreviationFinder(document.abbreviations)
    sentenceBreaks = try BreakIterator(.sentence, locale: document.locale)
    var pronunciations: [String: String] = [:]
    var spokenForms: [String: SpokenScript.Spoken] = [:]
    var keptShort = Set<String>()
    var names = Set(document.terms.map { $0.name.text.lowercased() })
    for entry in document.messages.glossary {
      if let pronunciation = entry.pronunciation, !pronunciation.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
      {
        pronunciations[entry.key] = pronunciation.trimmingCharacters(in: .whitespacesAndNewlines)
      }
      if let spoken = entry.spoken?.trimmingCharacters(in: .whitespacesAndNewlines), !spoken.isEmpty {
        spokenForms[entry.key] = .form(spoken)
      } else if entry.letters {
        spokenForms[entry.key] = .letters
      }
      if !entry.expand { keptShort.insert(entry.key) }
      if entry.key.hasPrefix("term.") { names.formUnion(entry.forms.map { $0.lowercased() }) }
    }
    self.pronunciations = pronunciations
    self.spokenForms = spokenForms
    self.keptShort = keptShort
    termNames = names
  }

  mutating func build() throws {
    // The title and the source first, so the listener knows what this is and who says so.
    for text in [document.title, document.subtitle, document.byline, document.reviewed].compactMap({ $0 }) {
      try paragraph([text])
    }
    blocks.append(.pause)
    let parts = document.sections.count + 1
    for (index, section) in document.sections.enumerated() {
      try announcePart(index + 1, of: parts, title: section.heading)
      for block in section.blocks {
        switch block {
        case .heading(let text):
          try paragraph([text])
          blocks.append(.pause)
        case .paragraph(let text):
          try paragraph([text])
        case .list(let list):
          try self.list(list)
        case .callout(let callout):
          blocks.append(.pause)
          if let title = callout.title { try paragraph([title]) }
          try paragraph(callout.body)
          blocks.append(.pause)
        }
      }
      blocks.append(.pause)
    }
    try announcePart(parts, of: parts, title: document.references.heading)
    for item in document.references.items { try paragraph([item]) }
  }

  mutating func announcePart(_ part: Int, of parts: Int, title: ResolvedText) throws {
    let announcement = try document.messages.format(
      "audio.part", ["part": .number(Double(part)), "parts": .number(Double(parts)), "title": .string(title.text)])
    var text = announcement
    text.language = announcement.language ?? title.language
    try paragraph([text])
    blocks.append(.pause)
  }

  mutating func list(_ list: ResolvedDocument.List) throws {
    if let leadIn = list.leadIn { try paragraph([leadIn]) }
    let count = try document.messages.format("audio.list-count", ["count": .number(Double(list.items.count))])
    // Short items are said as one sentence in the locale's list pattern; items that are
    // sentences themselves, or have details, are said one by one.
    let sayOneByOne = list.items.contains { item in
      item.detail != nil || item.text.text.contains { "?!.。？！؟()（）".contains($0) }
    }
    if sayOneByOne {
      try paragraph([count])
      for item in list.items { try paragraph([item.text] + (item.detail.map { [$0] } ?? [])) }
      return
    }
    let languages = Set(list.items.map(\.text.language))
    let joined = try Formatting.list(
      list.items.map { Self.clean($0.text.text, locale: document.locale) }, locale: document.locale)
    var items = ResolvedText(key: "list", text: joined)
    items.language = languages.count == 1 ? languages.first! : nil
    try paragraph([count, items])
  }

  /// Adds the sentences of `texts` as one paragraph.
  mutating func paragraph(_ texts: [ResolvedText]) throws {
    var sentences: [SpokenScript.Sentence] = []
    for text in texts {
      sentences += try self.sentences(of: text)
    }
    if !sentences.isEmpty { blocks.append(.paragraph(sentences)) }
  }

  /// A message as spoken sentences: asides after their sentence, abbreviations explained
  /// on first use.
  mutating func sentences(of resolved: ResolvedText) throws -> [SpokenScript.Sentence] {
    let text = Self.clean(resolved.text, locale: resolved.language ?? document.locale)
    var result: [SpokenScript.Sentence] = []
    for segment in try sentenceBreaks.segments(of: text) {
      var sentence = String(text[segment.range])
      let asides = Self.extractAsides(from: &sentence)
      var after: [(kind: String, text: String)] = []
      for aside in asides {
        if let abbreviation = finder.abbreviation(named: aside) {
          introduced.insert(abbreviation.id)
          after.append(("abbreviation", aside))
        } else if termNames.contains(aside.lowercased()) {
          after.append(("term", aside))
        } else {
          after.append(("other", aside))
        }
      }
      var parts = self.parts(of: sentence) { abbreviation in
        // Patients know some abbreviations better than what they stand for (DNA).
        guard !keptShort.contains(abbreviation.short.key), introduced.insert(abbreviation.id).inserted else {
          return nil
        }
        // First use with no expansion before it: say the expansion, then the short form.
        after.append(("abbreviation", abbreviation.short.text))
        return abbreviation.expansion.text
      }
      if let spoken = Self.sentence(parts, language: resolved.language, locale: document.locale) {
        result.append(spoken)
      }
      for aside in after {
        let said = try document.messages.format(
          "audio.aside", ["kind": .string(aside.kind), "aside": .string(aside.text)])
        // The aside's own abbreviations are said, not expanded again.
        parts = self.parts(of: said.text) { _ in nil }
        if let spoken = Self.sentence(parts, language: resolved.language ?? said.language, locale: document.locale) {
          result.append(spoken)
        }
      }
    }
    return result
  }

  /// A text cut into plain text and abbreviations; `expansion` may give the words to say
  /// instead of an abbreviation (its first use).
  func parts(
    of text: String, expansion: (ResolvedDocument.Abbreviation) -> String?
  ) -> [SpokenScript.Part] {
    var parts: [SpokenScript.Part] = []
    var position = text.startIndex
    while let match = finder.first(in: text, from: position) {
      parts.append(.text(String(text[position..<match.range.lowerBound])))
      let abbreviation = match.abbreviation
      if let words = expansion(abbreviation) {
        parts.append(.text(words))
      } else {
        parts.append(.abbreviation(abbreviation.short.text, spoken: spokenForms[abbreviation.short.key] ?? .asWritten))
      }
      position = match.range.upperBound
    }
    parts.append(.text(String(text[position...])))
    return parts
  }

  /// A sentence from its parts, with spaces tidied; nil when nothing is left to say.
  static func sentence(
    _ parts: [SpokenScript.Part], language: LanguageTag?, locale: LanguageTag
  ) -> SpokenScript.Sentence? {
    var parts = parts.filter { !$0.written.isEmpty }
    if case .text(let first)? = parts.first { parts[0] = .text(String(first.drop(while: \.isWhitespace))) }
    if case .text(let last)? = parts.last {
      var trimmed = Substring(last)
      while let character = trimmed.last, character.isWhitespace { trimmed.removeLast() }
      parts[parts.count - 1] = .text(String(trimmed))
    }
    parts = parts.filter { !$0.written.isEmpty }
    // A sentence starts with a capital where the script has them, also when it starts with
    // a number now in words ("Seven replies").
    if case .text(let first)? = parts.first, let letter = first.first, letter.isLowercase {
      parts[0] = .text(letter.uppercased() + first.dropFirst())
    }
    let said = parts.map(\.written).joined()
    guard said.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
    // Every sentence ends as a sentence, so that a heading or a list is not run on into
    // what follows it when read aloud.
    if let last = said.last, !terminalPunctuation.contains(last) {
      parts.append(.text(fullStop(for: language ?? locale)))
    }
    return SpokenScript.Sentence(parts: parts, language: language)
  }

  /// Marks that end a sentence or introduce what follows.
  static let terminalPunctuation: Set<Character> = [".", "!", "?", ":", "…", "。", "！", "？", "：", "؟", "۔", "।"]

  /// The full stop of a language: "。" in Chinese and Japanese, "." elsewhere.
  /// (CLDR has no data for this, so it is a short list of our own.)
  static func fullStop(for language: LanguageTag) -> String {
    ["zh", "ja", "yue"].contains(language.language) ? "。" : "."
  }

  /// Removes the bracketed asides of a sentence, returning them in order. The space before
  /// an aside goes with it: "excess hormones (functional tumors) might" → "excess hormones
  /// might".
  static func extractAsides(from sentence: inout String) -> [String] {
    var asides: [String] = []
    var output = ""
    var depth = 0
    var current = ""
    for character in sentence {
      if character == "(" || character == "（" {
        if depth == 0 {
          while let last = output.last, last == " " { output.removeLast() }
          current = ""
        } else {
          current.append(character)
        }
        depth += 1
      } else if (character == ")" || character == "）") && depth > 0 {
        depth -= 1
        if depth == 0 {
          let aside = current.trimmingCharacters(in: .whitespacesAndNewlines)
          if !aside.isEmpty { asides.append(aside) }
        } else {
          current.append(character)
        }
      } else if depth > 0 {
        current.append(character)
      } else {
        output.append(character)
      }
    }
    // An unclosed bracket is not an aside: keep the text as written.
    if depth > 0 { return [] }
    sentence = output
    return asides
  }

  /// The text without web addresses, bidirectional controls and marks meant only for the
  /// eye: a middle dot, slash or dash between words becomes a comma (a pause), bullets go.
  static func clean(_ text: String, locale: LanguageTag) -> String {
    // Bidirectional embedding, override and isolate controls change only how text is shown;
    // in a script they could only hide what is said (validation reports them too).
    let shown = String(
      String.UnicodeScalarView(
        text.unicodeScalars.filter { !(0x202A...0x202E).contains($0.value) && !(0x2066...0x2069).contains($0.value) }))
    let comma = comma(for: locale)
    var words: [Substring] = []
    for word in shown.split(separator: " ", omittingEmptySubsequences: false) {
      let lowered = word.lowercased()
      if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("www.") { continue }
      if ["·", "/", "-", "–", "—", "|"].contains(word), var last = words.popLast() {
        if !last.hasSuffix(comma) { last += comma }
        words.append(last)
        continue
      }
      if ["•", "◦", "▪", "*"].contains(word) { continue }
      words.append(word)
    }
    var said = words.joined(separator: " ").replacingOccurrences(of: " {2,}", with: " ", options: .regularExpression)
    // Languages written without spaces put the marks between characters: "副神经节瘤/颈动脉体瘤".
    if comma == "，" {
      for mark in ["/", "·", "|", "／"] { said = said.replacingOccurrences(of: mark, with: comma) }
      said = said.replacingOccurrences(of: " *\(comma) *", with: comma, options: .regularExpression)
    }
    return said
  }

  /// The comma that marks a pause in a language. (CLDR has no data for it, so it is a short
  /// list of our own.)
  static func comma(for language: LanguageTag) -> String {
    switch language.language {
    case "zh", "ja", "yue": "，"
    case "ar", "fa", "ur": "،"
    default: ","
    }
  }

  func pronunciationGuide() -> [SpokenScript.Pronunciation] {
    var guide: [SpokenScript.Pronunciation] = []
    var seen = Set<String>()
    let named =
      document.terms.map { ($0.name.key, $0.name.text) } + document.abbreviations.map { ($0.short.key, $0.short.text) }
    for (key, term) in named {
      guard let pronunciation = pronunciations[key], seen.insert(key).inserted else { continue }
      guide.append(SpokenScript.Pronunciation(term: term, pronunciation: pronunciation))
    }
    return guide
  }
}
