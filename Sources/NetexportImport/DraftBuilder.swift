import NetexportICU
import NetexportModel

/// Reads a Markdown handout (front matter and body) into a `Draft`, collecting every problem
/// of the file rather than stopping at the first.
struct DraftBuilder {
  let file: String
  private var renderer: InlineRenderer
  private var problems: [Diagnostic] = []
  private var messages: [Draft.Message] = []
  private var sections: [Draft.Section] = []
  /// A section being read that will not be kept: text before the first `##`, read only to
  /// report what in it netexport cannot show.
  private var straySection: Draft.Section?
  private var titleHeading: (message: InlineMessage, position: MarkdownPosition)?
  /// The level of the last heading, to find a skipped level; the title counts as level 1
  /// whether the author wrote `#` or gave it in the front matter.
  private var lastHeadingLevel = 1
  /// A `###` with nothing under it yet.
  private var pendingSubheading: (text: String, position: MarkdownPosition)?
  private var reportedStrayText = false

  init(file: String) {
    self.file = file
    renderer = InlineRenderer(file: file)
  }

  /// Reads `markdown`.
  ///
  /// - Parameters:
  ///   - id: The document id the caller asks for (`netexport import --id`), if any.
  ///   - fallbackID: The id to use when neither the caller nor the front matter gives one.
  /// - Returns: The draft, or nil when there are errors; and every diagnostic, warnings
  ///   included, in file order.
  static func build(
    markdown: String, file: String, id: String?, fallbackID: String, sourceLocale: String
  ) -> (Draft?, [Diagnostic]) {
    var builder = DraftBuilder(file: file)
    let draft = builder.read(markdown, id: id, fallbackID: fallbackID, sourceLocale: sourceLocale)
    let diagnostics = (builder.problems + builder.renderer.diagnostics).sorted {
      ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0)
    }
    let failed = diagnostics.contains { $0.severity == .error }
    return (failed ? nil : draft, diagnostics)
  }

  // MARK: Reporting

  private func location(_ position: MarkdownPosition) -> SourceLocation {
    SourceLocation(file: file, line: position.line, column: position.column)
  }

  private mutating func error(_ code: FindingCode, _ position: MarkdownPosition, _ message: String) {
    problems.append(Diagnostic(code: code, at: location(position), message))
  }

  private mutating func unsupported(_ node: MarkdownNode, _ message: String? = nil) {
    error(.markdownUnsupported, node.start, message ?? MarkdownImporter.describe(node.kind))
  }

  private mutating func add(_ role: Draft.Role, _ content: InlineMessage, at location: SourceLocation) -> Int {
    messages.append(Draft.Message(role: role, section: nil, content: content, location: location))
    return messages.count - 1
  }

  private mutating func add(_ role: Draft.Role, _ content: InlineMessage, at position: MarkdownPosition) -> Int {
    add(role, content, at: location(position))
  }

  // MARK: The file

  private mutating func read(_ markdown: String, id: String?, fallbackID: String, sourceLocale: String) -> Draft? {
    let split = FrontMatterReader.split(markdown)
    if split.unclosed {
      problems.append(
        Diagnostic(
          code: .markdownFrontMatter, at: SourceLocation(file: file, line: 1, column: 1),
          "the front matter that starts here has no closing '---' line; end the fields with a line '---' before the text"
        ))
      return nil
    }
    var matter = FrontMatter()
    if let yaml = split.yaml {
      let (read, yamlProblems) = FrontMatterReader.read(yaml, file: file)
      matter = read
      problems += yamlProblems
    }
    readBody(CommonMark.parse(split.body))
    if sections.isEmpty && !reportedStrayText {
      var lines = FrontMatterReader.lines(markdown)
      if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
      problems.append(
        Diagnostic(
          code: .markdownStructure, at: SourceLocation(file: file, line: lines.count, column: 1),
          "the handout has no text: write it under ## headings, one per section"))
    }
    return assemble(matter, id: id, fallbackID: fallbackID, sourceLocale: sourceLocale)
  }

  /// Puts the front matter and the body together, reporting what is missing.
  private mutating func assemble(
    _ matter: FrontMatter, id requestedID: String?, fallbackID: String, sourceLocale: String
  ) -> Draft? {
    let top = SourceLocation(file: file, line: 1, column: 1)
    guard matter.isPresent else {
      problems.append(
        Diagnostic(
          code: .markdownFrontMatter, at: top,
          "the file has no front matter: start it with a line '---', then 'title:', 'byline:', 'publisher:' and 'reviewed:' (YYYY-MM-DD) one per line, then a line '---'"
        ))
      return nil
    }
    func missing(_ field: String, _ what: String) {
      // A field that is there but wrong, or front matter that is not YAML, has its own error.
      guard !matter.fieldsGiven.contains(field), !matter.isMalformed else { return }
      problems.append(
        Diagnostic(
          code: .markdownFrontMatter, at: top, "the front matter has no '\(field)': add '\(field): ...' (\(what))"))
    }

    // The id: the caller's, the front matter's, or the fallback (previous import, file name).
    var documentID = requestedID ?? matter.id?.text ?? fallbackID
    if let requestedID, let given = matter.id, given.text != requestedID {
      problems.append(
        Diagnostic(
          code: .markdownFrontMatter, at: given.location,
          "the front matter says id '\(given.text)' but the import asks for '\(requestedID)'; use one of them"))
    }
    if !Slug.isValidID(documentID) || MarkdownImporter.reservedDocumentIDs.contains(documentID) {
      problems.append(
        Diagnostic(
          code: .markdownFrontMatter, at: matter.id?.location ?? top,
          Slug.isValidID(documentID)
            ? "'\(documentID)' names a shared catalog and cannot be a document id; choose another 'id'"
            : "the document id '\(documentID)' must use only a-z, 0-9 and '-'; give one with 'id:' in the front matter")
      )
      documentID = "document"
    }

    // The title: from the front matter, or the `#` heading; when both, they must agree.
    var title: Int?
    if let given = matter.title {
      if let heading = titleHeading, Self.normalized(heading.message.plain) != Self.normalized(given.text) {
        error(
          .markdownStructure, heading.position,
          "the # title '\(heading.message.plain)' differs from the front matter's title '\(given.text)'; keep one of them, or make them the same"
        )
      }
      title = add(.title, .literal(given.text), at: given.location)
    } else if let heading = titleHeading {
      title = add(.title, heading.message, at: heading.position)
    } else {
      missing("title", "or start the text with a '# Title' line")
    }
    let subtitle = matter.subtitle.map { add(.subtitle, .literal($0.text), at: $0.location) }
    let byline = matter.byline.map { add(.byline, .literal($0.text), at: $0.location) }
    if byline == nil { missing("byline", "who wrote the handout, e.g. 'By the Cancer Center staff'") }
    if matter.publisher == nil { missing("publisher", "the organisation that publishes the handout") }
    var reviewed: Int?
    if let date = matter.reviewed {
      var content = InlineMessage()
      // The date is an argument, so that each locale formats it (as the bundled document does).
      content.text = "Reviewed: {reviewed, date, ::yMMMMd}"
      content.plain = "Reviewed: \(date.day)"
      reviewed = add(.reviewed, content, at: date.location)
    } else {
      missing("reviewed", "the date the content was last reviewed, as YYYY-MM-DD")
    }

    let references = matter.references.enumerated().compactMap { index, value in
      inlineText(value, .reference, what: "reference \(index + 1)")
    }
    var related: [Draft.RelatedGroup] = []
    for group in matter.related {
      // The heading is the source's label, plain text as every front-matter text but the
      // references; each title may link to its page, so it is Markdown inline text.
      let heading = add(.relatedHeading, .literal(group.heading.text), at: group.heading.location)
      let items = group.items.enumerated().compactMap { index, value in
        inlineText(value, .relatedItem, what: "item \(index + 1) of related group \(group.number)")
      }
      if items.count == group.items.count { related.append(Draft.RelatedGroup(heading: heading, items: items)) }
    }
    var terms: [Draft.Term] = []
    var termIDs: [String: SourceLocation] = [:]
    for entry in matter.terms {
      guard let id = conceptID(entry.id, derivedFrom: entry.term, kind: "term", seen: &termIDs) else { continue }
      terms.append(
        Draft.Term(
          id: id, explicitID: entry.id != nil, name: add(.term, .literal(entry.term.text), at: entry.term.location),
          definition: entry.definition.map { add(.termDefinition, .literal($0.text), at: $0.location) }))
    }
    var abbreviations: [Draft.Abbreviation] = []
    var abbreviationIDs: [String: SourceLocation] = [:]
    for entry in matter.abbreviations {
      guard let id = conceptID(entry.id, derivedFrom: entry.short, kind: "abbreviation", seen: &abbreviationIDs)
      else { continue }
      abbreviations.append(
        Draft.Abbreviation(
          id: id, explicitID: entry.id != nil,
          short: add(.abbreviation, .literal(entry.short.text), at: entry.short.location),
          expansion: add(.abbreviationExpansion, .literal(entry.expansion.text), at: entry.expansion.location)))
    }

    let rightToLeft = LanguageTag(sourceLocale)?.isRightToLeft ?? false
    for (text, location) in messages.map({ ($0.content.text, $0.location) })
      + ([matter.publisher].compactMap { $0 } + matter.doNotTranslate).map({ ($0.text, $0.location) })
    {
      if let (code, message) = Self.refusedCharacter(in: text, rightToLeft: rightToLeft) {
        problems.append(Diagnostic(code: code, at: location, message))
      }
    }

    guard let title, let byline, let reviewed, let publisher = matter.publisher, let day = matter.reviewed?.day else {
      return nil
    }
    var draft = Draft(
      id: documentID, sourceLocale: sourceLocale, messages: messages, title: title, subtitle: subtitle,
      byline: byline, reviewed: reviewed, reviewedDay: day, publisher: publisher.text, sections: sections,
      references: references, related: related, terms: terms, abbreviations: abbreviations,
      doNotTranslate: matter.doNotTranslate.map(\.text))
    for index in draft.sections.indices {
      for message in draft.messageIndices(ofSection: index) { draft.messages[message].section = index }
    }
    Notes.write(into: &draft)
    return draft
  }

  /// Why `text` cannot be a handout's text, or nil: it holds a control character, which no
  /// catalog may hold (the import would fail reading back the catalog it writes, naming a
  /// file the author never wrote), or, in a left-to-right language, a bidirectional
  /// embedding, override or isolate, which validation refuses in the source catalog (the
  /// import would leave a project that fails). Checked on the texts themselves, so that a
  /// character written as an entity (`&#x1B;`) or a YAML escape is caught too; reported at the
  /// block or field it is in. (A right-to-left language may need embeddings and isolates;
  /// only the overrides are refused there, and validation checks that each is closed.)
  static func refusedCharacter(in text: String, rightToLeft: Bool) -> (code: FindingCode, message: String)? {
    for scalar in text.unicodeScalars {
      let value = scalar.value
      let name = "U+\(String(value, radix: 16, uppercase: true).leftPadded(to: 4))"
      if (value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(value) {
        return (
          .controlCharacter,
          "this text holds the control character \(name), which no handout may contain; remove it"
        )
      }
      let isOverride = value == 0x202D || value == 0x202E
      let isBidiControl = (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
      if isOverride || (isBidiControl && !rightToLeft) {
        return (
          .bidiControl,
          "this text holds \(name) \(scalar.properties.name ?? ""), a bidirectional control that can change the order in which characters are shown\(rightToLeft ? "" : ", which a left-to-right language does not need"); remove it"
        )
      }
    }
    return nil
  }

  private static func normalized(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// A term's or abbreviation's id: the author's, or made from the text.
  private mutating func conceptID(
    _ given: FrontMatter.Value?, derivedFrom text: FrontMatter.Value, kind: String,
    seen: inout [String: SourceLocation]
  ) -> String? {
    let id = given?.text ?? Slug.make(text.text)
    let location = given?.location ?? text.location
    guard Slug.isValidID(id) else {
      problems.append(
        Diagnostic(
          code: .markdownFrontMatter, at: location,
          given == nil
            ? "cannot make an id from the \(kind) '\(text.text)'; give it one with 'id:' (a-z, 0-9 and '-')"
            : "the \(kind) id '\(id)' must use only a-z, 0-9 and '-'"))
      return nil
    }
    if let first = seen[id] {
      problems.append(
        Diagnostic(
          code: .markdownFrontMatter, at: location,
          "a second \(kind) with the id '\(id)' (the first is at \(first)); give one of them another 'id:'"))
      return nil
    }
    seen[id] = location
    return id
  }

  /// A reference: Markdown inline text (so that it can carry links), reported at its place
  /// in the front matter.
  /// A front-matter text read as Markdown inline text (a reference, the title of a related
  /// page), which may hold links; `what` names it in messages ("reference 2").
  private mutating func inlineText(_ value: FrontMatter.Value, _ role: Draft.Role, what: String) -> Int? {
    let tree = CommonMark.parse(value.text)
    guard tree.children.count == 1, let paragraph = tree.children.first, case .paragraph = paragraph.kind else {
      problems.append(
        Diagnostic(
          code: .markdownFrontMatter, at: value.location,
          "\(what) reads as a Markdown \(tree.children.first.map { MarkdownImporter.name($0.kind) } ?? "block") rather than text; put a backslash before the character that starts it (for example '2019\\. ...')"
        ))
      return nil
    }
    var inner = InlineRenderer(file: file)
    let content = inner.render(paragraph.children)
    // The positions inside the reference are relative to its own text; report them at the
    // value in the front matter.
    for var diagnostic in inner.diagnostics {
      diagnostic.location = value.location
      diagnostic.message = "\(what): \(diagnostic.message)"
      problems.append(diagnostic)
    }
    return add(role, content, at: value.location)
  }

  // MARK: The body

  private mutating func readBody(_ document: MarkdownNode) {
    let nodes = document.children
    var index = 0
    while index < nodes.count {
      let node = nodes[index]
      if case .heading(let level) = node.kind {
        heading(node, level: level)
        index += 1
        continue
      }
      if sections.isEmpty && straySection == nil {
        // Read the stray text anyway, to report what in it netexport cannot show.
        straySection = Draft.Section(heading: -1, location: location(node.start))
      }
      if !reportedStrayText && sections.isEmpty {
        reportedStrayText = true
        error(
          .markdownStructure, node.start,
          "text before the first ## heading: a handout's body is made of sections; put it under a ## heading")
      }
      // A paragraph that ends with a colon right before a list introduces it.
      if case .paragraph = node.kind, index + 1 < nodes.count, case .list = nodes[index + 1].kind {
        let leadIn = renderer.render(node.children)
        if leadIn.plain.hasSuffix(":") {
          let message = add(.leadIn, leadIn, at: node.start)
          list(nodes[index + 1], leadIn: message)
          index += 2
          continue
        }
        append(.paragraph(add(.paragraph, leadIn, at: node.start)))
        index += 1
        continue
      }
      block(node)
      index += 1
    }
    closeSection(nextLevel: nil)
  }

  private mutating func append(_ block: Draft.Block) {
    pendingSubheading = nil
    if sections.isEmpty {
      straySection?.blocks.append(block)
    } else {
      sections[sections.count - 1].blocks.append(block)
    }
  }

  /// Reports an empty subheading, and an empty section when the next heading is a section's
  /// or the title's (`nextLevel` 1 or 2) or the text ends (nil).
  private mutating func closeSection(nextLevel: Int?) {
    if let pending = pendingSubheading {
      error(
        .markdownStructure, pending.position,
        "the ### heading '\(pending.text)' has nothing under it; add text under it, or remove it")
      pendingSubheading = nil
    }
    guard let section = sections.last, (nextLevel ?? 1) <= 2 else { return }
    if section.blocks.isEmpty {
      let heading = messages[section.heading]
      problems.append(
        Diagnostic(
          code: .markdownStructure, at: heading.location,
          "the section '\(heading.content.plain)' is empty; add text under it, or remove the heading"))
    }
  }

  private mutating func heading(_ node: MarkdownNode, level: Int) {
    if level <= 3, node.children.isEmpty {
      error(
        .markdownStructure, node.start,
        "empty \(String(repeating: "#", count: level)) heading; write its text, or remove the line")
    }
    let skips = level > lastHeadingLevel + 1
    let marks = String(repeating: "#", count: level)
    let previousMarks = String(repeating: "#", count: lastHeadingLevel)
    switch level {
    case 1:
      closeSection(nextLevel: level)
      if titleHeading != nil || !sections.isEmpty || reportedStrayText {
        error(
          .markdownStructure, node.start,
          "a handout has one # title, at the top; make this heading a ## section, or remove it")
      } else {
        titleHeading = (renderer.render(node.children), node.start)
      }
      lastHeadingLevel = 1
    case 2:
      closeSection(nextLevel: level)
      let content = renderer.render(node.children)
      let message = add(.heading, content, at: node.start)
      sections.append(Draft.Section(heading: message, location: location(node.start)))
      lastHeadingLevel = 2
    case 3 where !skips:
      closeSection(nextLevel: level)
      let content = renderer.render(node.children)
      let message = add(.subheading, content, at: node.start)
      append(.subheading(message))
      pendingSubheading = (content.plain, node.start)
      lastHeadingLevel = 3
    default:
      if skips {
        let previous = lastHeadingLevel == 1 ? "the title" : "a \(previousMarks) heading"
        error(
          .markdownStructure, node.start,
          "this \(marks) heading follows \(previous) and skips a level; use \(String(repeating: "#", count: lastHeadingLevel + 1))"
            + (level == 3 ? " (a ### subheading belongs under a ## section)" : ""))
      } else {
        error(
          .markdownUnsupported, node.start,
          "\(marks) heading: handouts have two heading levels under the title (## sections and ### subheadings); use ###, or make the line **bold**"
        )
      }
      lastHeadingLevel = level
    }
  }

  /// A block other than a heading or a paragraph before a list.
  private mutating func block(_ node: MarkdownNode) {
    switch node.kind {
    case .paragraph:
      append(.paragraph(add(.paragraph, renderer.render(node.children), at: node.start)))
    case .list:
      list(node, leadIn: nil)
    case .blockQuote:
      callout(node)
    case .htmlBlock(let html) where html.hasPrefix("<!--"):
      unsupported(
        node, "HTML comment: netexport would drop it without a trace; remove it, or make it text of the handout")
    default:
      unsupported(node)
    }
  }

  private mutating func list(_ node: MarkdownNode, leadIn: Int?) {
    guard case .list(let ordered, let start) = node.kind else { return }
    if ordered && start != 1 {
      // The content model has no start number and every export numbers a list from 1, so
      // "3." would silently become "1.": the author decides instead.
      error(
        .markdownStructure, node.start,
        "this numbered list starts at \(start), but handouts number every list from 1; start it at 1, or if it continues the list above, join the two lists (remove what separates them)"
      )
    }
    var items: [Draft.Item] = []
    for item in node.children {
      if case .taskItem = item.kind {
        unsupported(
          item, "task list item ([ ] or [x]): handouts have no checkboxes; write the item without the brackets")
        continue
      }
      guard let first = item.children.first else {
        error(.markdownStructure, item.start, "empty list item; write its text, or remove it")
        continue
      }
      var text: Int?
      var detail: Int?
      for (position, child) in item.children.enumerated() {
        switch child.kind {
        case .paragraph where position == 0:
          text = add(.item, renderer.render(child.children), at: child.start)
        case .paragraph where position == 1:
          detail = add(.detail, renderer.render(child.children), at: child.start)
        case .paragraph:
          error(
            .markdownStructure, child.start,
            "a list item has at most two paragraphs (its text and one line of detail); make this a paragraph after the list, or a list item of its own"
          )
        case .list:
          unsupported(
            child,
            "nested list: handouts show one level of list; make the inner items a list of their own after a lead-in sentence, or join them into the item's text"
          )
        case .blockQuote:
          unsupported(child, "block quote inside a list item: put the call-out after the list")
        default:
          unsupported(child)
        }
      }
      guard let text else {
        if case .paragraph = first.kind {
        } else {
          error(.markdownStructure, item.start, "a list item must start with its text")
        }
        continue
      }
      if let detail { messages[detail].parent = text }
      items.append(Draft.Item(text: text, detail: detail))
    }
    if !items.isEmpty || leadIn != nil {
      append(.list(leadIn: leadIn, items: items, ordered: ordered))
    }
  }

  private static func isLineBreak(_ node: MarkdownNode?) -> Bool {
    switch node?.kind {
    case .softBreak?, .lineBreak?: true
    default: false
    }
  }

  private mutating func callout(_ node: MarkdownNode) {
    var title: Int?
    var body: [Int] = []
    guard !node.children.isEmpty else {
      error(.markdownStructure, node.start, "empty block quote: write the call-out's text after '>', or remove it")
      return
    }
    for (position, child) in node.children.enumerated() {
      switch child.kind {
      case .paragraph:
        var inlines = child.children[...]
        // A first line wholly in bold is the call-out's title.
        if position == 0, let first = inlines.first, case .strong = first.kind,
          inlines.count == 1 || Self.isLineBreak(inlines.dropFirst().first)
        {
          title = add(.calloutTitle, renderer.render(first.children), at: first.start)
          inlines = inlines.dropFirst(2)
          if inlines.isEmpty { continue }
        }
        let start = inlines.first?.start ?? child.start
        body.append(add(.callout, renderer.render(inlines), at: start))
      case .list:
        unsupported(
          child, "list inside a block quote: a call-out holds paragraphs only; put the list after the call-out")
      case .heading:
        unsupported(
          child,
          "heading inside a block quote: a call-out's title is its first line in bold ('> **When to call**')")
      case .blockQuote:
        unsupported(child, "block quote inside a block quote: a call-out cannot hold another; write one call-out")
      default:
        unsupported(child)
      }
    }
    if body.isEmpty {
      // Only when nothing else was wrong: a call-out whose list was refused has its own error.
      if title != nil, node.children.allSatisfy({ if case .paragraph = $0.kind { true } else { false } }) {
        error(
          .markdownStructure, node.start,
          "this call-out has a title but no text; write its text on the next line ('> ...'), or make the title a paragraph"
        )
      }
      return
    }
    append(.callout(title: title, body: body))
  }
}

extension String {
  /// The string with zeros before it, up to `width` characters.
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
