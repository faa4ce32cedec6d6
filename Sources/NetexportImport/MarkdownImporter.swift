import NetexportICU
import NetexportModel

/// Turns a Markdown handout (CommonMark with YAML front matter) into a content model and its
/// source messages, and matches a re-import against the previous import so that
/// translations keep their keys. See docs/markdown-import.md.
///
/// ```swift
/// let imported = try MarkdownImporter.parse(markdown: text, file: "handouts/scan.md", id: nil)
/// let yaml = ContentWriter.yaml(imported.document, importedFrom: "handouts/scan.md")
/// ```
public enum MarkdownImporter {
  /// Keys a document uses whose text is a label every document shares (in the locale's
  /// labels catalog), so an import gives them no message.
  public static let sharedLabelKeys: Set<String> = ["references.heading"]

  /// Names of the shared catalogs, which no document may take.
  public static let reservedDocumentIDs: Set<String> = ["labels", "glossary"]

  /// Imports a Markdown file for the first time.
  ///
  /// - Parameters:
  ///   - markdown: The file's text.
  ///   - file: The file's path as messages should name it.
  ///   - id: The document id to use (`netexport import --id`); otherwise the front matter's
  ///     `id`, otherwise one made from the file name.
  ///   - sourceLocale: The project's source locale, which the Markdown is written in.
  /// - Returns: The content model, the source messages in reading order, and warnings.
  /// - Throws: `DiagnosticError` with every error in the file, each at file:line:column:
  ///   front matter problems, and everything netexport cannot show (tables, images, HTML,
  ///   code, footnotes, nested lists, skipped heading levels, ...).
  public static func parse(
    markdown: String, file: String, id: String? = nil, sourceLocale: String = "en"
  ) throws -> ImportedDocument {
    try build(markdown: markdown, file: file, id: id, sourceLocale: sourceLocale, previous: nil, reservedKeys: [])
  }

  /// Imports a new version of a Markdown file, keeping the keys of the previous import.
  ///
  /// Unchanged blocks keep their keys; an edited block keeps its key with its new text
  /// (matched by section, role, position and text similarity, as msgmerge matches fuzzy
  /// entries); new blocks get keys never used before; blocks that are gone are listed as
  /// removed. See `KeyAssigner` for the matching.
  ///
  /// - Parameters:
  ///   - previous: The previous import: its content model and source texts.
  ///   - reservedKeys: Keys no new message may take, beyond those of `previous`: the keys
  ///     in every catalog's `obsolete` section, whose translations wait there.
  /// - Returns: The new import, and what happened to each key.
  /// - Throws: As `parse(markdown:file:id:sourceLocale:)`.
  public static func reimport(
    markdown: String, file: String, id: String? = nil, sourceLocale: String = "en", previous: PreviousImport,
    reservedKeys: Set<String> = []
  ) throws -> (ImportedDocument, ReimportReport) {
    let imported = try build(
      markdown: markdown, file: file, id: id ?? previous.document.id, sourceLocale: sourceLocale,
      previous: previous, reservedKeys: reservedKeys, idIsFallback: id == nil)
    return (imported, report(previous: previous, current: imported))
  }

  private static func build(
    markdown: String, file: String, id: String?, sourceLocale: String, previous: PreviousImport?,
    reservedKeys: Set<String>, idIsFallback: Bool = false
  ) throws -> ImportedDocument {
    guard LanguageTag(sourceLocale)?.canonical == sourceLocale else {
      throw DiagnosticError(
        Diagnostic(
          code: .invalidLocale, at: nil, "the source locale '\(sourceLocale)' is not a canonical BCP 47 language tag")
      )
    }
    let requested = idIsFallback ? nil : id
    let fallback = idIsFallback ? id ?? fileID(file) : fileID(file)
    let (built, diagnostics) = DraftBuilder.build(
      markdown: markdown, file: file, id: requested, fallbackID: fallback, sourceLocale: sourceLocale)
    guard let built else { throw DiagnosticError(diagnostics.filter { $0.severity == .error }) }
    let assigned = KeyAssigner.assign(built, previous: previous, reservedKeys: reservedKeys)
    let draft = assigned.draft
    func ref(_ index: Int) -> TextRef { TextRef(assigned.keys[index], links: draft.messages[index].content.links) }

    func block(_ block: Draft.Block) -> Block {
      switch block {
      case .subheading(let index): .heading(ref(index))
      case .paragraph(let index): .paragraph(ref(index))
      case .list(let leadIn, let items, let ordered):
        .list(
          ListBlock(
            leadIn: leadIn.map(ref), items: items.map { ListItem(ref($0.text), detail: $0.detail.map(ref)) },
            ordered: ordered))
      case .callout(let title, let body): .callout(Callout(title: title.map(ref), body: body.map(ref)))
      }
    }
    let document = Document(
      id: draft.id, sourceLocale: draft.sourceLocale,
      metadata: Metadata(
        title: ref(draft.title), subtitle: draft.subtitle.map(ref), byline: ref(draft.byline),
        reviewed: TextRef(assigned.keys[draft.reviewed], arguments: ["reviewed": .date(draft.reviewedDay)]),
        publisher: draft.publisher),
      sections: draft.sections.enumerated().map { index, section in
        Section(id: assigned.sectionIDs[index], heading: ref(section.heading), blocks: section.blocks.map(block))
      },
      references: References(heading: "references.heading", items: draft.references.map(ref)),
      related: draft.related.map { RelatedLinks(heading: ref($0.heading), items: $0.items.map(ref)) },
      terms: draft.terms.map { Term(id: $0.id, name: ref($0.name), definition: $0.definition.map(ref)) },
      abbreviations: draft.abbreviations.map {
        Abbreviation(id: $0.id, short: ref($0.short), expansion: ref($0.expansion))
      },
      doNotTranslate: draft.doNotTranslate)
    let messages = draft.readingOrder.map {
      SourceMessage(key: assigned.keys[$0], text: draft.messages[$0].content.text, note: draft.messages[$0].note)
    }
    return ImportedDocument(
      document: document, messages: messages, warnings: diagnostics.filter { $0.severity == .warning }, file: file)
  }

  /// The id a file name gives: `handouts/Preparing for a scan.md` → `preparing-for-a-scan`.
  static func fileID(_ file: String) -> String {
    var name = Substring(file.split(separator: "/").last ?? "")
    if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = name[..<dot] }
    let slug = Slug.make(String(name), maximumLength: 60)
    return slug.isEmpty ? "document" : slug
  }

  private static func report(previous: PreviousImport, current: ImportedDocument) -> ReimportReport {
    var report = ReimportReport()
    var seen = Set<String>()
    let oldMessages = previous.document.textRefs.compactMap { ref -> ReimportReport.Removal? in
      guard let text = previous.texts[ref.key], seen.insert(ref.key).inserted else { return nil }
      return ReimportReport.Removal(key: ref.key, text: text)
    }
    let oldTexts = Dictionary(oldMessages.map { ($0.key, $0.text) }, uniquingKeysWith: { first, _ in first })
    for message in current.messages {
      switch oldTexts[message.key] {
      case message.text?: report.unchanged.append(message.key)
      case let oldText?: report.edited.append(.init(key: message.key, oldText: oldText, newText: message.text))
      case nil: report.added.append(message)
      }
    }
    let newKeys = Set(current.messages.map(\.key))
    report.removed = oldMessages.filter { !newKeys.contains($0.key) }
    return report
  }

  /// What a Markdown construct is, and what to do instead, for errors about it.
  static func describe(_ kind: MarkdownNode.Kind) -> String {
    switch kind {
    case .codeBlock:
      "code block: handouts have no code formatting; write the text as paragraphs or a list"
    case .htmlBlock, .htmlInline:
      "raw HTML: netexport reads Markdown only; use **bold** for emphasis and [text](address) for links, or remove it"
    case .thematicBreak:
      "thematic break (a line of ---, *** or ___): a handout cannot show a dividing line; remove it, or start a new ## section"
    case .table:
      "table: large print and audio cannot show a table; write each row as a list item (for example '- **Name**: value') or as a paragraph"
    case .footnoteDefinition, .footnoteReference:
      "footnote: handouts have no footnotes; put the note's text in a paragraph, or list the source under 'references' in the front matter"
    case .taskItem:
      "task list item ([ ] or [x]): handouts have no checkboxes; write the item without the brackets"
    case .image:
      "image: netexport's exports are text (large print, plain text, audio); describe what the picture shows in words, or leave it out"
    case .strikethrough:
      "strikethrough (~~…~~): a handout cannot show crossed-out text; remove the text, or the tildes"
    case .code:
      "code span: handouts have no code formatting; write the text without backticks"
    case .other("nesting-too-deep"):
      "this is nested too deeply for a handout; write it as a paragraph or a list"
    default:
      "\(name(kind)): netexport cannot show this; remove it"
    }
  }

  /// A short name of a construct.
  static func name(_ kind: MarkdownNode.Kind) -> String {
    switch kind {
    case .document: "document"
    case .blockQuote: "block quote"
    case .list(let ordered, _): ordered ? "numbered list" : "bulleted list"
    case .item, .taskItem: "list item"
    case .codeBlock: "code block"
    case .htmlBlock: "HTML block"
    case .paragraph: "paragraph"
    case .heading(let level): "\(String(repeating: "#", count: level)) heading"
    case .thematicBreak: "thematic break"
    case .footnoteDefinition: "footnote"
    case .table: "table"
    case .text: "text"
    case .softBreak, .lineBreak: "line break"
    case .code: "code span"
    case .htmlInline: "inline HTML"
    case .emphasis: "italics"
    case .strong: "bold"
    case .link: "link"
    case .image: "image"
    case .footnoteReference: "footnote reference"
    case .strikethrough: "strikethrough"
    case .other(let name): "'\(name)'"
    }
  }
}
