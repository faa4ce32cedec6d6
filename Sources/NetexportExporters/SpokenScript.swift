import Foundation
public import NetexportICU
public import NetexportModel
public import NetexportResolution

/// The document as it is said aloud: what the audio-script and SSML exporters both render.
///
/// It is built from a document resolved for speech (`Resolver.resolve(…, spoken: true)`), in
/// which numbers, counts and dates are already words. Building it:
/// - says the title, subtitle, source and review date first;
/// - announces each part ("Part two of eight: Types.") and each list, naming what it counts
///   ("There are six types." from the list's `announcement`, else the `audio.list-count`
///   label) before its lead-in, so that nothing comes between a lead-in and its items; short
///   items are joined with the locale's list pattern (ICU's list formatter), with a comma
///   between items where the pattern has none, so that each item ends with a pause;
/// - turns words in parentheses into a sentence of their own after the sentence they were in,
///   except in a sentence that introduces what follows (it ends with a colon), where they are
///   said in their place ("…hormones, or functional tumors, might cause:");
/// - explains a short form once in each part ("Short form: NETs."), and spells an
///   abbreviation out the first time it is used without its expansion nearby, unless the
///   glossary keeps it short (`expand: false`: DNA);
/// - tells the listener the printed handout lists the references, instead of reading them;
/// - leaves the links to related topics out: they point to other pages a listener cannot
///   open, and three topic names said after the document would sound like a list it gives
///   ("chemotherapy, palliative care and radiation therapy" heard as the treatments);
/// - leaves out web addresses and marks that only make sense on paper (" · ", " / ", bullets);
/// - keeps the language of a passage kept in another language (`<lang-en>` in a catalog):
///   a sentence that is wholly in it is in that language, and a passage inside a sentence is
///   marked as one.
public struct SpokenScript: Sendable, Equatable {
  /// A piece of a sentence.
  public enum Part: Sendable, Equatable {
    case text(String)
    /// An abbreviation as written, and how an engine says it.
    case abbreviation(String, spoken: Spoken)
    /// Where a passage in another language than the sentence's starts (an English name in an
    /// Arabic sentence); it ends at the next `passageEnd`. Nothing is written or said for it.
    case passage(LanguageTag)
    case passageEnd

    public var written: String {
      switch self {
      case .text(let text), .abbreviation(let text, _): text
      case .passage, .passageEnd: ""
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
    /// Set when the sentence is in another language than the script: a message taken from
    /// the source locale because its translation was not ready, or a passage the catalog
    /// keeps in another language that makes up the whole sentence.
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

  /// A stretch of the script a listener can go to directly (an audio file's chapter): the
  /// introduction, one part of the document, or the references.
  public struct Chapter: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
      /// The title, subtitle, source and review date, before the first part.
      case introduction
      /// The document's section at this index (in `ResolvedDocument.sections`).
      case section(Int)
      /// The last part: what speech says instead of the references.
      case references
    }

    public var kind: Kind
    /// What is said, from the part's announcement to the pause after it.
    public var blocks: [Block]
  }

  public var locale: LanguageTag
  /// The introduction, then each part in order; every block of the script is in one of them.
  public var chapters: [Chapter]
  /// The narrator's guide to the glossary's hard words, in the order the script uses them.
  public var pronunciations: [Pronunciation]

  /// Everything said, in order: the chapters' blocks one after another.
  public var blocks: [Block] { chapters.flatMap(\.blocks) }

  /// Builds the spoken script of a document resolved with `spoken: true`.
  ///
  /// - Throws: `DiagnosticError` when a label the script needs (`audio.*`) does not format,
  ///   `ICUError` when ICU fails.
  public init(_ document: ResolvedDocument) throws {
    var builder = try Builder(document: document)
    try builder.build()
    locale = document.locale
    chapters = builder.chapters
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
  /// Abbreviations the listener has heard expanded or explained (by id).
  var introduced: Set<String> = []
  /// Abbreviations whose short form this part has announced ("Short form: NETs."), by id.
  var announced: Set<String> = []
  var blocks: [SpokenScript.Block] = []
  /// Where each chapter starts in `blocks`, in order.
  var chapterStarts: [(kind: SpokenScript.Chapter.Kind, block: Int)] = []
  /// The languages of passages in another language, by mark: the text carries the passages
  /// through cleaning, sentence breaking and asides as private-use characters (U+E100 plus
  /// the index here where one starts, `passageEnd` where it ends), which `sentence` turns into
  /// parts. Private-use characters are not in any catalog text (validation reports them).
  var passageLanguages: [LanguageTag] = []
  static let passageEnd: Character = "\u{E0FF}"
  static let firstPassageMark: UInt32 = 0xE100

  static func isPassageMark(_ character: Character) -> Bool {
    character.unicodeScalars.count == 1
      && (0xE0FF...0xE8FF).contains(character.unicodeScalars.first!.value)
  }

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

  /// Starts a chapter: what is added from here on belongs to it.
  mutating func begin(_ kind: SpokenScript.Chapter.Kind) {
    chapterStarts.append((kind, blocks.count))
  }

  /// The blocks cut at the chapters' starts.
  var chapters: [SpokenScript.Chapter] {
    chapterStarts.indices.map { index in
      let end = index + 1 < chapterStarts.count ? chapterStarts[index + 1].block : blocks.count
      return SpokenScript.Chapter(
        kind: chapterStarts[index].kind, blocks: Array(blocks[chapterStarts[index].block..<end]))
    }
  }

  mutating func build() throws {
    // The title and the source first, so the listener knows what this is and who says so.
    begin(.introduction)
    for text in [document.title, document.subtitle, document.byline, document.reviewed].compactMap({ $0 }) {
      try paragraph([text])
    }
    blocks.append(.pause)
    let parts = document.sections.count + 1
    for (index, section) in document.sections.enumerated() {
      begin(.section(index))
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
    begin(.references)
    try announcePart(parts, of: parts, title: document.references.heading)
    // References are written for readers (places, initials, abbreviated states: "Plymouth
    // Meeting, Pa.", "Warner KJ"); a listener is told where to find them instead.
    if !document.references.items.isEmpty { try paragraph([try document.messages.format("audio.references")]) }
  }

  mutating func announcePart(_ part: Int, of parts: Int, title: ResolvedText) throws {
    announced = []
    let announcement = try document.messages.format(
      "audio.part", ["part": .number(Double(part)), "parts": .number(Double(parts)), "title": .string(title.text)])
    var text = announcement
    text.language = announcement.language ?? title.language
    try paragraph([text])
    blocks.append(.pause)
  }

  mutating func list(_ list: ResolvedDocument.List) throws {
    // What the list counts comes first, then its lead-in, so that the lead-in leads into the
    // items themselves.
    let announcement =
      try list.announcement
      ?? document.messages.format("audio.list-count", ["count": .number(Double(list.items.count))])
    let introduction = [announcement] + (list.leadIn.map { [$0] } ?? [])
    // Short items are said as one sentence in the locale's list pattern; items that are
    // sentences themselves, or have details, are said one by one.
    let sayOneByOne = list.items.contains { item in
      item.detail != nil || item.text.text.contains { "?!.。？！؟()（）".contains($0) }
    }
    if sayOneByOne {
      try paragraph(introduction)
      for item in list.items { try paragraph([item.text] + (item.detail.map { [$0] } ?? [])) }
      return
    }
    let languages = Set(list.items.map(\.text.language))
    let language = languages.count == 1 ? languages.first! : nil
    let joined = try Self.joined(
      list.items.map { Self.clean(marked($0.text), locale: $0.text.language ?? document.locale) },
      locale: language ?? document.locale)
    var items = ResolvedText(key: "list", text: joined)
    items.language = language
    try paragraph(introduction + [items])
  }

  /// Items joined with the locale's list pattern for "and" ("a, b, and c"; "a, b y c"), with
  /// a pause after each: where the pattern puts no punctuation between items (Arabic "a وb
  /// وc"), the locale's comma goes before each joining word ("a، وb، وc").
  static func joined(_ items: [String], locale: LanguageTag) throws -> String {
    let joined = try Formatting.list(items, locale: locale)
    guard items.count >= 2 else { return joined }
    // The pattern's separators, read from a list of placeholders: private-use characters,
    // which ICU's list patterns do not contain.
    let marks = ["\u{E000}", "\u{E001}", "\u{E002}"]
    func between(_ pattern: String, _ first: String, _ second: String) -> String? {
      guard let start = pattern.range(of: first), let end = pattern.range(of: second) else { return nil }
      return String(pattern[start.upperBound..<end.lowerBound])
    }
    let three = try Formatting.list(marks, locale: locale)
    let two = try Formatting.list(Array(marks.prefix(2)), locale: locale)
    guard let middle = between(three, marks[0], marks[1]), let last = between(three, marks[1], marks[2]),
      let pair = between(two, marks[0], marks[1])
    else { return joined }
    let separator = items.count == 2 ? pair : middle
    guard !separator.contains(where: \.isPunctuation) else {
      return joined
    }
    let comma = comma(for: locale)
    var said = items[0]
    for (index, item) in items.enumerated().dropFirst() {
      let word = items.count == 2 ? pair : index == items.count - 1 ? last : middle
      said += comma + word + item
    }
    return said
  }

  /// The text of a message with its passages in another language between marks.
  mutating func marked(_ resolved: ResolvedText) -> String {
    let language = resolved.language ?? document.locale
    var text = ""
    for run in resolved.runs {
      guard let passage = run.language, passage != language, !run.text.isEmpty else {
        text += run.text
        continue
      }
      let index = passageLanguages.firstIndex(of: passage) ?? passageLanguages.count
      if index == passageLanguages.count { passageLanguages.append(passage) }
      text += String(Character(Unicode.Scalar(Self.firstPassageMark + UInt32(index))!)) + run.text
      text.append(Self.passageEnd)
    }
    return text
  }

  /// A sentence whose passage in another language a sentence break cut: closed at its end,
  /// and opened again at the start of the next sentence (`carried`).
  static func balancingPassages(_ sentence: String, carried: inout Character?) -> String {
    var sentence = sentence
    if let open = carried { sentence.insert(open, at: sentence.startIndex) }
    carried = nil
    for character in sentence where isPassageMark(character) {
      carried = character == passageEnd ? nil : character
    }
    // Closed after the sentence's last word, before the space that ends it.
    if carried != nil {
      let end = sentence.lastIndex { !$0.isWhitespace }.map { sentence.index(after: $0) } ?? sentence.endIndex
      sentence.insert(passageEnd, at: end)
    }
    return sentence
  }

  /// Adds the sentences of `texts` as one paragraph.
  mutating func paragraph(_ texts: [ResolvedText]) throws {
    var sentences: [SpokenScript.Sentence] = []
    for text in texts {
      sentences += try self.sentences(of: text)
    }
    if !sentences.isEmpty { blocks.append(.paragraph(sentences)) }
  }

  /// A message as spoken sentences, with what was in parentheses said where a listener can
  /// follow it, and abbreviations explained on first use.
  ///
  /// An aside inside a sentence ("develop changes (mutations) in their DNA") is said in its
  /// place, between commas, in the words of the `audio.aside-inline` label ("develop changes,
  /// or mutations, in their DNA"); one that ends a sentence, or whose kind the label gives no
  /// words for (a language where that reads badly), is a sentence of its own after it
  /// ("Medical term: mutations."). In a sentence that introduces what follows (it ends with a
  /// colon) nothing may come after it, so an aside the label cannot place is said before it.
  mutating func sentences(of resolved: ResolvedText) throws -> [SpokenScript.Sentence] {
    let language = resolved.language ?? document.locale
    let text = Self.clean(marked(resolved), locale: language)
    var result: [SpokenScript.Sentence] = []
    var carried: Character?
    for segment in try sentenceBreaks.segments(of: text) {
      var sentence = Self.balancingPassages(String(text[segment.range]), carried: &carried)
      let asides = Self.extractAsides(from: &sentence)
      // A sentence that ends with a colon leads into what follows (a list's items).
      let leadsIn = Self.leadsIn(sentence)
      var before: [(kind: String, text: String)] = []
      var after: [(kind: String, text: String)] = []
      var inPlace: [(offset: Int, said: String)] = []
      for aside in asides {
        let kind: String
        if let abbreviation = finder.abbreviation(named: aside.text) {
          introduced.insert(abbreviation.id)
          // A part explains a short form once.
          guard announced.insert(abbreviation.id).inserted else { continue }
          kind = "abbreviation"
        } else {
          kind = termNames.contains(aside.text.lowercased()) ? "term" : "other"
        }
        let inside = sentence.dropFirst(aside.offset).contains { $0.isLetter || $0.isNumber }
        let said = try inline(kind: kind, aside: aside.text)
        if let said, leadsIn || inside {
          inPlace.append((aside.offset, said))
        } else if leadsIn {
          before.append((kind, aside.text))
        } else {
          after.append((kind, aside.text))
        }
      }
      for aside in inPlace.reversed() {
        let index = sentence.index(sentence.startIndex, offsetBy: aside.offset)
        sentence.insert(contentsOf: Self.inPlace(aside.said, before: sentence[index...], language: language), at: index)
      }
      let parts = try self.parts(of: sentence) { abbreviation, following in
        // Patients know some abbreviations better than what they stand for (DNA).
        guard !keptShort.contains(abbreviation.short.key), introduced.insert(abbreviation.id).inserted else {
          return nil
        }
        // First use with no expansion before it: say the expansion, then the short form (in
        // its place in a sentence that leads in, or not at all when it cannot be placed).
        announced.insert(abbreviation.id)
        guard leadsIn else {
          after.append(("abbreviation", abbreviation.short.text))
          return [.text(abbreviation.expansion.text)]
        }
        guard let said = try inline(kind: "abbreviation", aside: abbreviation.short.text) else {
          return [.text(abbreviation.expansion.text)]
        }
        let placed = Self.inPlace(said, before: following, language: language)
        return [.text(abbreviation.expansion.text)] + self.parts(of: placed) { _, _ in nil }
      }
      let own = Self.sentence(parts, language: resolved.language, locale: document.locale, passages: passageLanguages)
      result += try asideSentences(before, language: resolved.language)
      if let own { result.append(own) }
      result += try asideSentences(after, language: resolved.language)
    }
    return result
  }

  /// An aside in the words of `audio.aside-inline`, or nil when the label gives none for its
  /// kind.
  func inline(kind: String, aside: String) throws -> String? {
    let said = try document.messages.format("audio.aside-inline", ["kind": .string(kind), "aside": .string(aside)])
    let words = said.text.trimmingCharacters(in: .whitespacesAndNewlines)
    return words.isEmpty ? nil : words
  }

  /// Asides as sentences of their own ("Medical term: mutations.").
  func asideSentences(_ asides: [(kind: String, text: String)], language: LanguageTag?) throws
    -> [SpokenScript.Sentence]
  {
    try asides.compactMap { aside in
      let said = try document.messages.format(
        "audio.aside", ["kind": .string(aside.kind), "aside": .string(aside.text)])
      // The aside's own abbreviations are said, not expanded again.
      let parts = self.parts(of: said.text) { _, _ in nil }
      return Self.sentence(
        parts, language: language ?? said.language, locale: document.locale, passages: passageLanguages)
    }
  }

  /// Whether a sentence leads into what follows: it ends with a colon.
  static func leadsIn(_ sentence: String) -> Bool {
    guard let last = sentence.last(where: { !$0.isWhitespace && !isPassageMark($0) }) else { return false }
    return last == ":" || last == "："
  }

  /// An aside said in its place: set off by the language's commas, with no comma after it
  /// when punctuation follows already ("…hormones, or functional tumors, might cause:",
  /// "…type one, or MEN one:").
  static func inPlace(_ said: String, before following: Substring, language: LanguageTag) -> String {
    let comma = comma(for: language)
    let space = comma == "，" ? "" : " "
    let next = following.first
    let closed = next == nil || next!.isPunctuation
    return comma + space + said + (closed ? "" : comma)
  }

  /// A text cut into plain text and abbreviations; `expansion` may give what to say instead
  /// of an abbreviation (its first use), given the text that follows it.
  func parts(
    of text: String,
    expansion: (ResolvedDocument.Abbreviation, Substring) throws -> [SpokenScript.Part]?
  ) rethrows -> [SpokenScript.Part] {
    var parts: [SpokenScript.Part] = []
    var position = text.startIndex
    while let match = finder.first(in: text, from: position) {
      parts.append(.text(String(text[position..<match.range.lowerBound])))
      let abbreviation = match.abbreviation
      if let words = try expansion(abbreviation, text[match.range.upperBound...]) {
        parts += words
      } else {
        parts.append(.abbreviation(abbreviation.short.text, spoken: spokenForms[abbreviation.short.key] ?? .asWritten))
      }
      position = match.range.upperBound
    }
    parts.append(.text(String(text[position...])))
    return parts
  }

  /// A sentence from its parts, with spaces tidied; nil when nothing is left to say. The
  /// marks of passages in another language (`passages`, by mark) become parts, or the
  /// sentence's language when one passage is the whole sentence.
  static func sentence(
    _ parts: [SpokenScript.Part], language: LanguageTag?, locale: LanguageTag, passages: [LanguageTag] = []
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
    if case .text(let first)? = parts.first, let index = first.firstIndex(where: { !isPassageMark($0) }),
      first[index].isLowercase
    {
      parts[0] = .text(String(first[..<index]) + first[index].uppercased() + first[first.index(after: index)...])
    }
    let said = parts.map(\.written).joined().filter { !isPassageMark($0) }
    guard said.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
    // Every sentence ends as a sentence, so that a heading or a list is not run on into
    // what follows it when read aloud.
    if let last = said.last(where: { !$0.isWhitespace }), !terminalPunctuation.contains(last) {
      parts.append(.text(fullStop(for: language ?? locale)))
    }
    return withPassages(SpokenScript.Sentence(parts: parts, language: language), passages: passages)
  }

  /// The sentence with its passage marks as `passage` and `passageEnd` parts. A passage that
  /// holds every word of the sentence (punctuation and spaces may lie outside it) makes it
  /// a sentence in that language instead; an empty one is dropped.
  static func withPassages(_ sentence: SpokenScript.Sentence, passages: [LanguageTag]) -> SpokenScript.Sentence {
    var parts: [SpokenScript.Part] = []
    var open = false
    func close() {
      if case .passage? = parts.last { parts.removeLast() } else { parts.append(.passageEnd) }
      open = false
    }
    for part in sentence.parts {
      guard case .text(let text) = part, text.contains(where: isPassageMark) else {
        parts.append(part)
        continue
      }
      var literal = ""
      for character in text {
        guard isPassageMark(character) else {
          literal.append(character)
          continue
        }
        if !literal.isEmpty { parts.append(.text(literal)) }
        literal = ""
        if open { close() }
        let index = Int(character.unicodeScalars.first!.value) - Int(firstPassageMark)
        if character != passageEnd, passages.indices.contains(index), passages[index] != sentence.language {
          parts.append(.passage(passages[index]))
          open = true
        }
      }
      if !literal.isEmpty { parts.append(.text(literal)) }
    }
    if open { close() }
    // One passage with every word of the sentence: the sentence is in its language.
    let starts = parts.indices.filter { if case .passage = parts[$0] { true } else { false } }
    if starts.count == 1, let start = starts.first, let end = parts.firstIndex(of: .passageEnd),
      case .passage(let language) = parts[start]
    {
      let outside = parts[..<start] + parts[(end + 1)...]
      if !outside.contains(where: { $0.written.contains { $0.isLetter || $0.isNumber } }) {
        parts.remove(at: end)
        parts.remove(at: start)
        return SpokenScript.Sentence(parts: parts, language: language)
      }
    }
    return SpokenScript.Sentence(parts: parts, language: sentence.language)
  }

  /// Marks that end a sentence or introduce what follows.
  static let terminalPunctuation: Set<Character> = [".", "!", "?", ":", "…", "。", "！", "？", "：", "؟", "۔", "।"]

  /// The full stop of a language: "。" in Chinese and Japanese, "." elsewhere.
  /// (CLDR has no data for this, so it is a short list of our own.)
  static func fullStop(for language: LanguageTag) -> String {
    ["zh", "ja", "yue"].contains(language.language) ? "。" : "."
  }

  /// Removes the bracketed asides of a sentence, returning them in order with where each
  /// was (its offset, in characters, in the sentence without it). The space before an aside
  /// goes with it: "excess hormones (functional tumors) might" → "excess hormones might".
  static func extractAsides(from sentence: inout String) -> [(text: String, offset: Int)] {
    var asides: [(text: String, offset: Int)] = []
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
          if !aside.isEmpty { asides.append((aside, output.count)) }
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
      let lowered = word.filter { !isPassageMark($0) }.lowercased()
      if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("www.") {
        // The address goes; the marks of a passage it starts or ends stay.
        let marks = word.filter(isPassageMark)
        if !marks.isEmpty { words.append(Substring(marks)) }
        continue
      }
      if ["·", "/", "-", "–", "—", "|"].contains(word), var last = words.popLast() {
        if !last.hasSuffix(comma) { last += comma }
        words.append(last)
        continue
      }
      if ["•", "◦", "▪", "*"].contains(word) { continue }
      words.append(word)
    }
    var said = words.joined(separator: " ")
    // Foundation compiles the expression on every call (a fifth of an export's instructions
    // went there); most texts have no two spaces in a row.
    if zip(said.utf8, said.utf8.dropFirst()).contains(where: { $0 == 0x20 && $1 == 0x20 }) {
      said = said.replacingOccurrences(of: " {2,}", with: " ", options: .regularExpression)
    }
    // Languages written without spaces put the marks between characters: "副神经节瘤/颈动脉体瘤".
    // A middle dot between two letters joins the parts of a name ("冯·希佩尔", von Hippel):
    // it is not a pause, and the name is said whole.
    // Each replacement runs only on a text that has what it replaces (Foundation compiles the
    // expressions on every call).
    if comma == "，" {
      for mark: Unicode.Scalar in ["/", "|", "／"] where said.unicodeScalars.contains(mark) {
        said = said.replacingOccurrences(of: String(mark), with: comma)
      }
      if said.unicodeScalars.contains("·") {
        said = said.replacingOccurrences(of: "(?<!\\p{L})·|·(?!\\p{L})", with: comma, options: .regularExpression)
      }
      let scalars = said.unicodeScalars
      if zip(scalars, scalars.dropFirst()).contains(where: { $0 == " " && $1 == "，" || $0 == "，" && $1 == " " }) {
        said = said.replacingOccurrences(of: " *\(comma) *", with: comma, options: .regularExpression)
      }
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
