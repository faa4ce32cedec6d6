import NetexportICU
public import NetexportResolution

/// Plain UTF-8 text for any channel: headings underlined, lists with markers, the callout
/// marked by a bar, and lines wrapped with ICU's line breaking.
///
/// Right-to-left text stays in logical order, each of its lines between right-to-left marks
/// so common viewers lay it out right (`TextWrapper.markingRightToLeft`); Chinese and Japanese
/// paragraphs are not wrapped (`TextWrapper`). Controls and noncharacters become U+FFFD
/// (`TextWrapper`), so no text can drive the reader's terminal.
public struct PlainTextExporter: TextExporter {
  /// The widest line, in terminal columns.
  public let width: Int

  public init(width: Int = 72) { self.width = width }

  /// The text with each link's address after its words, "words (https://…)", since plain
  /// text cannot hold a link; a link whose words are its address is written once. Emphasis
  /// has no mark in plain text: asterisks would be read aloud by screen readers.
  static func withAddresses(_ text: ResolvedText) -> String {
    text.runs.map { run in
      guard let link = run.link, run.text != link else { return run.text }
      return "\(run.text) (\(link))"
    }.joined()
  }

  public func export(_ document: ResolvedDocument) throws -> String {
    let wrapper = try TextWrapper(width: width, locale: document.locale)
    var out: [String] = []
    func blank() { if out.last != "" && !out.isEmpty { out.append("") } }
    // Wraps a text, marking its lines when its language is written right to left.
    func lines(_ text: ResolvedText, firstPrefix: String = "", prefix: String = "") throws -> [String] {
      let lines = try wrapper.wrap(Self.withAddresses(text), firstPrefix: firstPrefix, prefix: prefix)
      return (text.language ?? document.locale).isRightToLeft ? TextWrapper.markingRightToLeft(lines) : lines
    }
    func heading(_ text: ResolvedText, underline: Character) throws {
      blank()
      let wrapped = try lines(text)
      out += wrapped
      let rule = String(repeating: underline, count: wrapped.map { TextColumns.count($0) }.max() ?? 0)
      out += (text.language ?? document.locale).isRightToLeft ? TextWrapper.markingRightToLeft([rule]) : [rule]
      out.append("")
    }
    func paragraph(_ text: ResolvedText) throws {
      blank()
      out += try lines(text)
    }

    // A machine's translation not all reviewed says so first, where staff see it.
    if let notice = document.machineTranslationNotice {
      out += try lines(notice)
      out.append("")
    }
    try heading(document.title, underline: "=")
    if let subtitle = document.subtitle { out += try lines(subtitle) }

    for section in document.sections {
      try heading(section.heading, underline: "-")
      for block in section.blocks {
        switch block {
        case .heading(let text):
          try heading(text, underline: "~")
        case .paragraph(let text):
          try paragraph(text)
        case .list(let list):
          if let leadIn = list.leadIn { try paragraph(leadIn) }
          blank()
          out += try listLines(list, lines: lines)
        case .callout(let callout):
          blank()
          let bar = "| "
          if let title = callout.title { out += try lines(title, firstPrefix: bar, prefix: bar) }
          for (index, text) in callout.body.enumerated() {
            if index > 0 || callout.title != nil {
              out += document.locale.isRightToLeft ? TextWrapper.markingRightToLeft(["|"]) : ["|"]
            }
            out += try lines(text, firstPrefix: bar, prefix: bar)
          }
        }
      }
    }

    blank()
    out += try lines(document.byline)
    out += try lines(document.reviewed)

    try heading(document.references.heading, underline: "-")
    out += try listLines(
      ResolvedDocument.List(
        leadIn: nil, items: document.references.items.map { ResolvedDocument.Item(text: $0) }, ordered: true),
      lines: lines)
    // Related topics, after the references under their own heading.
    for group in document.related {
      try heading(group.heading, underline: "-")
      out += try listLines(
        ResolvedDocument.List(items: group.items.map { ResolvedDocument.Item(text: $0) }), lines: lines)
    }

    while out.last == "" { out.removeLast() }
    return out.joined(separator: "\n") + "\n"
  }

  /// Items with a marker ("- " or "1. ") and a hanging indent; details on the next line.
  private func listLines(
    _ list: ResolvedDocument.List, lines: (ResolvedText, String, String) throws -> [String]
  ) throws -> [String] {
    let markers = list.items.indices.map { list.ordered ? "\($0 + 1). " : "- " }
    let markerWidth = markers.map(\.count).max() ?? 2
    var result: [String] = []
    for (item, marker) in zip(list.items, markers) {
      let indent = String(repeating: " ", count: markerWidth)
      let first = marker + String(repeating: " ", count: markerWidth - marker.count)
      result += try lines(item.text, first, indent)
      if let detail = item.detail {
        result += try lines(detail, indent, indent)
      }
    }
    return result
  }
}
