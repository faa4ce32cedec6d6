public import NetexportICU

/// A patient-education document, independent of any language.
///
/// The document holds structure and data (keys, numbers, dates); every word a reader sees
/// comes from a locale's string catalog through a `TextRef`. A project keeps each document
/// in `Documents/<id>.yaml` (docs/content-model.md), read by `ContentReader`.
public struct Document: Hashable, Sendable {
  /// A stable, file-name-safe identifier (`[a-z0-9-]+`); exports are named after it.
  public var id: String
  /// The locale the catalogs translate from.
  public var sourceLocale: String
  public var metadata: Metadata
  /// The body, in reading order.
  public var sections: [Section]
  /// The sources the document cites, shown after the body and the attribution.
  public var references: References
  /// Links to related topics, shown after the references: the "Associated procedures" a web
  /// page lists beside its content. Pointers to other pages, not content of this one.
  public var related: [RelatedLinks]
  /// Medical terms the text uses, so exporters can explain them.
  public var terms: [Term]
  /// Abbreviations the text uses, so exporters can expand them.
  public var abbreviations: [Abbreviation]
  /// Names that stay as they are in every language (organisations, products, authors).
  public var doNotTranslate: [String]

  public init(
    id: String, sourceLocale: String, metadata: Metadata, sections: [Section], references: References,
    related: [RelatedLinks] = [], terms: [Term] = [], abbreviations: [Abbreviation] = [], doNotTranslate: [String] = []
  ) {
    self.id = id
    self.sourceLocale = sourceLocale
    self.metadata = metadata
    self.sections = sections
    self.references = references
    self.related = related
    self.terms = terms
    self.abbreviations = abbreviations
    self.doNotTranslate = doNotTranslate
  }

  /// Every text reference in the document, in reading order, with where it is used.
  public var textRefs: [TextRef] {
    var refs = [metadata.title] + (metadata.subtitle.map { [$0] } ?? [])
    for section in sections {
      refs.append(section.heading)
      for block in section.blocks { refs += block.textRefs }
    }
    refs += [metadata.byline, metadata.reviewed, references.heading] + references.items
    for group in related { refs += [group.heading] + group.items }
    for term in terms { refs += [term.name] + (term.definition.map { [$0] } ?? []) }
    for abbreviation in abbreviations { refs += [abbreviation.short, abbreviation.expansion] }
    return refs
  }
}

/// What the document is and who stands behind it.
public struct Metadata: Hashable, Sendable {
  public var title: TextRef
  public var subtitle: TextRef?
  /// Who wrote the document ("By Mayo Clinic Staff").
  public var byline: TextRef
  /// When the content was last reviewed; the text carries the date as an argument.
  public var reviewed: TextRef
  /// The organisation that publishes the source document.
  public var publisher: String

  public init(title: TextRef, subtitle: TextRef? = nil, byline: TextRef, reviewed: TextRef, publisher: String) {
    self.title = title
    self.subtitle = subtitle
    self.byline = byline
    self.reviewed = reviewed
    self.publisher = publisher
  }

}

/// A titled part of the body.
public struct Section: Hashable, Sendable {
  /// Stable identifier (`[a-z0-9-]+`), used for anchors and reports.
  public var id: String
  public var heading: TextRef
  public var blocks: [Block]

  public init(id: String, heading: TextRef, blocks: [Block]) {
    self.id = id
    self.heading = heading
    self.blocks = blocks
  }

}

/// One unit of a section's content. In YAML a block is a mapping with one key naming its
/// kind: `paragraph: key`, `heading: key`, `list: {...}` or `callout: {...}`.
public enum Block: Hashable, Sendable {
  /// A subheading inside a section.
  case heading(TextRef)
  case paragraph(TextRef)
  case list(ListBlock)
  /// Text set apart because the reader must not miss it (e.g. when to see a doctor).
  case callout(Callout)

  /// The text references of the block, in reading order.
  public var textRefs: [TextRef] {
    switch self {
    case .heading(let text), .paragraph(let text): [text]
    case .list(let list):
      (list.announcement.map { [$0] } ?? []) + (list.leadIn.map { [$0] } ?? [])
        + list.items.flatMap { [$0.text] + ($0.detail.map { [$0] } ?? []) }
    case .callout(let callout): (callout.title.map { [$0] } ?? []) + callout.body
    }
  }
}

/// A list, with the sentence that introduces it.
public struct ListBlock: Hashable, Sendable {
  /// The sentence before the items ("Examples include:").
  public var leadIn: TextRef?
  public var items: [ListItem]
  /// Whether the order of the items matters (numbered).
  public var ordered: Bool
  /// What speech says before the list, naming what it counts: "There are six types". Its
  /// message gets `{count}`, the number of items; only the speech exports say it (the
  /// `audio.list-count` label when a list has none).
  public var announcement: TextRef?

  public init(leadIn: TextRef? = nil, items: [ListItem], ordered: Bool = false, announcement: TextRef? = nil) {
    self.leadIn = leadIn
    self.items = items
    self.ordered = ordered
    self.announcement = announcement.map { Self.counting($0, items.count) }
  }

  /// The announcement with `{count}`, the number of items, among its values.
  static func counting(_ ref: TextRef, _ count: Int) -> TextRef {
    var ref = ref
    ref.arguments["count"] = .number(Double(count))
    return ref
  }
}

/// One item of a list: its text, and an optional second line of details.
///
/// In YAML an item is either a text reference, or `{text: ..., detail: ...}`.
public struct ListItem: Hashable, Sendable {
  public var text: TextRef
  /// A secondary line, e.g. a discussion's reply count and date.
  public var detail: TextRef?

  public init(_ text: TextRef, detail: TextRef? = nil) {
    self.text = text
    self.detail = detail
  }

}

/// Text set apart from the flow, with an optional title.
public struct Callout: Hashable, Sendable {
  public var title: TextRef?
  public var body: [TextRef]

  public init(title: TextRef? = nil, body: [TextRef]) {
    self.title = title
    self.body = body
  }

}

/// The document's sources.
public struct References: Hashable, Sendable {
  public var heading: TextRef
  /// One text per reference; access dates are arguments.
  public var items: [TextRef]

  public init(heading: TextRef, items: [TextRef]) {
    self.heading = heading
    self.items = items
  }

}

/// A group of links to related topics, under its heading ("Associated procedures"), as the
/// source page lists them after its references.
///
/// They are what a reader of the page may look up next, not part of what the document says:
/// exports show them after the references under their own heading, so that they cannot be
/// read as a list the document gives (three procedures are not "the treatments"), and speech
/// leaves them out.
public struct RelatedLinks: Hashable, Sendable {
  /// The group's heading, as the source labels it.
  public var heading: TextRef
  /// One text per topic: its title, a link to its page when the text has `<link1>`.
  public var items: [TextRef]

  public init(heading: TextRef, items: [TextRef]) {
    self.heading = heading
    self.items = items
  }
}

/// A medical term the text uses, with its definition where the document gives one.
public struct Term: Hashable, Sendable {
  public var id: String
  /// The term as it appears in running text ("neuroendocrine cells").
  public var name: TextRef
  /// A plain-language definition taken from the document, if it gives one.
  public var definition: TextRef?

  public init(id: String, name: TextRef, definition: TextRef? = nil) {
    self.id = id
    self.name = name
    self.definition = definition
  }

}

/// An abbreviation the text uses, with what it stands for.
public struct Abbreviation: Hashable, Sendable {
  public var id: String
  /// The abbreviation as written ("MEN 1").
  public var short: TextRef
  /// What it stands for ("multiple endocrine neoplasia, type 1").
  public var expansion: TextRef

  public init(id: String, short: TextRef, expansion: TextRef) {
    self.id = id
    self.short = short
    self.expansion = expansion
  }

}

/// A catalog message the document shows, with the typed values it formats and the addresses
/// of its links.
///
/// In YAML either the bare key (`overview.intro`) or
/// `{key: community.meta, arguments: {replies: {number: 7}, posted: {date: 2025-02-05}}}`, or
/// with links `{key: contact.text, links: ["https://example.org/contact"]}`.
public struct TextRef: Hashable, Sendable, ExpressibleByStringLiteral {
  /// The catalog key (`[A-Za-z0-9._-]+`).
  public var key: String
  /// Values the message formats per locale, by argument name.
  public var arguments: [String: Argument]
  /// Where the message's links go: `<link1>…</link1>` in the message is `links[0]`, and so
  /// on. The addresses are data, the same in every locale, so they never appear in a catalog.
  /// Only `LinkAddress.isAllowed` addresses (http, https, mailto, tel).
  public var links: [String]

  public init(_ key: String, arguments: [String: Argument] = [:], links: [String] = []) {
    self.key = key
    self.arguments = arguments
    self.links = links
  }

  public init(stringLiteral key: String) { self.init(key) }

}

/// The rule for the addresses of links in messages.
public enum LinkAddress {
  public static let rule =
    "write a full web address (http:// or https://), an e-mail address (mailto:) or a phone number (tel:)"

  /// Whether `address` is one a handout can show and a reader can follow: an `http` or
  /// `https` address with a host, or a `mailto:` or `tel:` address, without spaces, control
  /// characters or noncharacters (which no export carries: a handout would link elsewhere).
  /// Relative addresses (`page.md`, `#anchor`) are refused: a printed handout has no page to
  /// resolve them against.
  public static func isAllowed(_ address: String) -> Bool {
    guard !address.isEmpty,
      !address.unicodeScalars.contains(where: { $0.value <= 0x20 || Unrepresentable.contains($0) })
    else {
      return false
    }
    let lowered = address.lowercased()
    for prefix in ["http://", "https://"] where lowered.hasPrefix(prefix) {
      let host = lowered.dropFirst(prefix.count).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
      return !host.isEmpty
    }
    for prefix in ["mailto:", "tel:"] where lowered.hasPrefix(prefix) {
      return lowered.count > prefix.count
    }
    return false
  }
}

/// A typed value that a message formats for the reader's locale.
///
/// In YAML `{number: 7}`, `{date: 2025-02-05}` (ISO 8601) or `{string: ...}`. A number must be
/// finite and less than `numberLimit` in magnitude.
public enum Argument: Hashable, Sendable {
  case number(Double)
  case date(CalendarDay)
  case string(String)

  /// Numbers are less than this in magnitude (10^15): below it every whole number is exact
  /// in a `Double` and reaches ICU as an integer (plural rules and spellout need one), and no
  /// count or dose in a handout comes near it. Above it ICU prints "∞" for 1e400 or loses
  /// the number, and a NaN makes its plural rules fail.
  public static let numberLimit = 1e15

  /// Why a handout cannot show `number`, or `nil` when it can: NaN, infinity, and numbers not
  /// less than `numberLimit` in magnitude are refused where the content file gives them.
  static func refusal(of number: Double) -> String? {
    if number.isNaN { return "not a number (NaN); write the value to show, such as 7" }
    guard abs(number) < numberLimit else {
      let limit = "a number must be less than 10^15 in magnitude (at most 999999999999999), so that it is shown exactly"
      return "\(number.isInfinite ? "infinite or too large" : "\(written(number)) is too large"); \(limit)"
    }
    return nil
  }

  /// A number as its digits when it is a whole number of up to 18 digits, else as Swift
  /// writes it ("1e+300").
  private static func written(_ number: Double) -> String {
    number == number.rounded() && abs(number) < 1e18 ? String(Int64(number)) : "\(number)"
  }

  /// The value as the ICU door takes it.
  public var messageArgument: MessageArgument {
    switch self {
    case .number(let number): .number(number)
    case .date(let day): .date(day)
    case .string(let string): .string(string)
    }
  }
}

/// The rule for message keys.
public enum CatalogKey {
  public static let rule = "letters, digits, '.', '-' and '_', starting with a letter"

  public static func isValid(_ key: String) -> Bool {
    func isLetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (97...122).contains(byte) }
    guard let first = key.utf8.first, isLetter(first) else { return false }
    return key.utf8.allSatisfy {
      isLetter($0) || (48...57).contains($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
        || $0 == UInt8(ascii: "_")
    }
  }
}
