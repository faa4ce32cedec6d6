import NetexportICU
import NetexportModel

/// A Markdown handout read into netexport's structure, before its messages have keys: the
/// importer gives keys afresh (`KeyAssigner` on a first import) or by matching a previous
/// import, then builds the `Document`.
struct Draft {
  /// What a message is in the document: the role part of its key and its translator note.
  enum Role: String, CaseIterable {
    case title, subtitle, byline, reviewed
    case heading, subheading, paragraph
    case leadIn = "lead-in"
    case item, detail
    case calloutTitle = "callout.title"
    case callout
    case reference
    case relatedHeading = "related-heading"
    case relatedItem = "related-item"
    case term
    case termDefinition = "term-definition"
    case abbreviation
    case abbreviationExpansion = "abbreviation-expansion"
  }

  struct Message {
    var role: Role
    /// The section the message belongs to (an index into `sections`), or nil for the
    /// document's own texts (title, references, terms, ...).
    var section: Int?
    /// For a list item's detail: the message index of its item.
    var parent: Int?
    var content: InlineMessage
    var note = ""
    var location: SourceLocation
  }

  struct Item {
    var text: Int
    var detail: Int?
  }

  enum Block {
    case subheading(Int)
    case paragraph(Int)
    case list(leadIn: Int?, items: [Item], ordered: Bool)
    case callout(title: Int?, body: [Int])
  }

  struct Section {
    var heading: Int
    var blocks: [Block] = []
    var location: SourceLocation
  }

  struct Term {
    var id: String
    /// Whether the author gave the id (rather than netexport deriving it from the term).
    var explicitID: Bool
    var name: Int
    var definition: Int?
  }

  /// A group of links to related topics: message indices of its heading and titles.
  struct RelatedGroup {
    var heading: Int
    var items: [Int]
  }

  struct Abbreviation {
    var id: String
    var explicitID: Bool
    var short: Int
    var expansion: Int
  }

  var id: String
  var sourceLocale: String
  var messages: [Message] = []
  var title: Int
  var subtitle: Int?
  var byline: Int
  var reviewed: Int
  var reviewedDay: CalendarDay
  var publisher: String
  var sections: [Section] = []
  var references: [Int] = []
  var related: [RelatedGroup] = []
  var terms: [Term] = []
  var abbreviations: [Abbreviation] = []
  var doNotTranslate: [String] = []

  /// The message indices of a section's texts in reading order, its heading first.
  func messageIndices(ofSection index: Int) -> [Int] {
    var indices = [sections[index].heading]
    for block in sections[index].blocks {
      switch block {
      case .subheading(let message), .paragraph(let message): indices.append(message)
      case .list(let leadIn, let items, _):
        if let leadIn { indices.append(leadIn) }
        for item in items { indices += [item.text] + (item.detail.map { [$0] } ?? []) }
      case .callout(let title, let body): indices += (title.map { [$0] } ?? []) + body
      }
    }
    return indices
  }

  /// Every message index in reading order, as `Document.textRefs` lists their references.
  var readingOrder: [Int] {
    var order = [title] + (subtitle.map { [$0] } ?? [])
    for index in sections.indices { order += messageIndices(ofSection: index) }
    order += [byline, reviewed] + references
    for group in related { order += [group.heading] + group.items }
    for term in terms { order += [term.name] + (term.definition.map { [$0] } ?? []) }
    for abbreviation in abbreviations { order += [abbreviation.short, abbreviation.expansion] }
    return order
  }
}
