/// Translator notes made from a message's place in the handout: what it is, where it
/// appears, and what in its text a translator must keep (tags, emphasis).
enum Notes {
  static func write(into draft: inout Draft) {
    func set(_ index: Int, _ note: String) {
      let content = draft.messages[index].content
      var parts = [note]
      if content.hadItalics {
        parts.append("The author wrote italics; large print shows them in bold.")
      }
      if content.hasBold {
        parts.append("Keep the <b>…</b> tags around the words to show in bold.")
      }
      if !content.links.isEmpty {
        let tags = (1...content.links.count).map { "<link\($0)>…</link\($0)>" }.joined(separator: ", ")
        parts.append(
          "Keep the \(tags) tags around the words a reader follows; the address is the same in every language.")
      }
      draft.messages[index].note = parts.joined(separator: " ")
    }
    func quoted(_ index: Int) -> String { "'\(draft.messages[index].content.plain)'" }

    set(draft.title, "Title of the handout.")
    if let subtitle = draft.subtitle { set(subtitle, "Subtitle, shown under the title of the handout.") }
    set(draft.byline, "Attribution at the end of the handout: who wrote it.")
    set(
      draft.reviewed,
      "Label before the date the content was last reviewed, at the end of the handout. {reviewed} is that date, formatted for the locale."
    )

    for (sectionNumber, section) in draft.sections.enumerated() {
      set(section.heading, "Heading of section \(sectionNumber + 1) of \(draft.sections.count).")
      var context = quoted(section.heading)
      for block in section.blocks {
        switch block {
        case .subheading(let index):
          set(index, "Subheading in the section \(quoted(section.heading)).")
          context = "\(quoted(index)) in the section \(quoted(section.heading))"
        case .paragraph(let index):
          set(index, "Paragraph under \(context).")
        case .list(let leadIn, let items, let ordered):
          let kind = ordered ? "numbered: the order matters" : "bulleted"
          if let leadIn {
            set(leadIn, "Lead-in sentence before a \(ordered ? "numbered" : "bulleted") list under \(context).")
          }
          for (number, item) in items.enumerated() {
            let position = "\(number + 1) of \(items.count)"
            set(item.text, "List item \(position) under \(context) (\(kind)).")
            if let detail = item.detail {
              set(detail, "Second line of list item \(position) under \(context): details of \(quoted(item.text)).")
            }
          }
        case .callout(let title, let body):
          if let title {
            set(title, "Title of a call-out under \(context): text set apart so that the reader does not miss it.")
          }
          for index in body {
            set(
              index,
              "Call-out text under \(context)\(title.map { ", titled \(quoted($0))" } ?? ""), set apart so that the reader does not miss it."
            )
          }
        }
      }
    }

    for (number, index) in draft.references.enumerated() {
      set(
        index,
        "Reference \(number + 1) of \(draft.references.count), in the list of sources at the end. Keep authors, titles and publishers as written unless they have an official translation."
      )
    }
    for group in draft.related {
      set(
        group.heading,
        "Heading over links to related pages, after the references: the source's own label for them. Translate it literally; the titles under it are other pages to look up, not part of what the handout says."
      )
      for index in group.items {
        set(index, "Title of a related page, listed under \(quoted(group.heading)) after the references.")
      }
    }
    for term in draft.terms {
      set(term.name, "Medical term as it appears in running text; use the glossary's agreed translation.")
      if let definition = term.definition {
        set(definition, "Plain-language definition of the term \(quoted(term.name)).")
      }
    }
    for abbreviation in draft.abbreviations {
      set(
        abbreviation.short,
        "Abbreviation as written in the text; it stands for \(quoted(abbreviation.expansion)).")
      set(abbreviation.expansion, "What the abbreviation \(quoted(abbreviation.short)) stands for.")
    }
  }
}
