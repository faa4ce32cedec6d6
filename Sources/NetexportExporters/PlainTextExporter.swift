import NetexportICU
public import NetexportValidation

/// Plain UTF-8 text for any channel: headings underlined, lists with markers, the callout
/// marked by a bar, and lines wrapped with ICU's line breaking.
///
/// Right-to-left text stays in logical order; the reader's software lays it out.
public struct PlainTextExporter: TextExporter {
  /// The widest line, in terminal columns.
  public let width: Int

  public init(width: Int = 72) { self.width = width }

  public func export(_ document: ResolvedDocument) throws -> String {
    let wrapper = try TextWrapper(width: width, locale: document.locale)
    var out: [String] = []
    func blank() { if out.last != "" && !out.isEmpty { out.append("") } }
    func heading(_ text: String, underline: Character) throws {
      blank()
      let lines = try wrapper.wrap(text)
      out += lines
      out.append(String(repeating: underline, count: lines.map { TextColumns.count($0) }.max() ?? 0))
      out.append("")
    }
    func paragraph(_ text: String, prefix: String = "") throws {
      blank()
      out += try wrapper.wrap(text, firstPrefix: prefix, prefix: prefix)
    }

    try heading(document.title.text, underline: "=")
    if let subtitle = document.subtitle { out += try wrapper.wrap(subtitle.text) }

    for section in document.sections {
      try heading(section.heading.text, underline: "-")
      for block in section.blocks {
        switch block {
        case .heading(let text):
          try heading(text.text, underline: "~")
        case .paragraph(let text):
          try paragraph(text.text)
        case .list(let list):
          if let leadIn = list.leadIn { try paragraph(leadIn.text) }
          blank()
          out += try listLines(list, wrapper: wrapper)
        case .callout(let callout):
          blank()
          let bar = "| "
          if let title = callout.title { out += try wrapper.wrap(title.text, firstPrefix: bar, prefix: bar) }
          for (index, text) in callout.body.enumerated() {
            if index > 0 || callout.title != nil { out.append("|") }
            out += try wrapper.wrap(text.text, firstPrefix: bar, prefix: bar)
          }
        }
      }
    }

    blank()
    out += try wrapper.wrap(document.byline.text)
    out += try wrapper.wrap(document.reviewed.text)

    try heading(document.references.heading.text, underline: "-")
    out += try listLines(
      ResolvedDocument.List(
        leadIn: nil, items: document.references.items.map { ResolvedDocument.Item(text: $0) }, ordered: true),
      wrapper: wrapper)

    while out.last == "" { out.removeLast() }
    return out.joined(separator: "\n") + "\n"
  }

  /// Items with a marker ("- " or "1. ") and a hanging indent; details on the next line.
  private func listLines(_ list: ResolvedDocument.List, wrapper: TextWrapper) throws -> [String] {
    let markers = list.items.indices.map { list.ordered ? "\($0 + 1). " : "- " }
    let markerWidth = markers.map(\.count).max() ?? 2
    var lines: [String] = []
    for (item, marker) in zip(list.items, markers) {
      let indent = String(repeating: " ", count: markerWidth)
      let first = marker + String(repeating: " ", count: markerWidth - marker.count)
      lines += try wrapper.wrap(item.text.text, firstPrefix: first, prefix: indent)
      if let detail = item.detail {
        lines += try wrapper.wrap(detail.text, firstPrefix: indent, prefix: indent)
      }
    }
    return lines
  }
}
