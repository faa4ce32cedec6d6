import NetexportICU
import Yams

/// Reads a content file's node tree into a `Document`, reporting every problem of the file at
/// once, each at its file:line:column.
///
/// Written by hand rather than with `Decodable` and Yams' `YAMLDecoder`: a decoder stops at
/// the first problem, so a file with five mistakes took five runs to fix; and `YAMLDecoder`
/// finds each field by scanning its mapping, which makes it quadratic in a mapping's entries
/// (a message with 20,000 arguments took 32 s of CPU to decode; this reader, which visits each
/// node once, reads the whole file in 0.4 s).
///
/// Where a value is wrong, the reader records the problem and goes on with a placeholder, so
/// that it sees the rest of the file; the document is returned only when there was none.
struct ContentReader {
  let file: String
  private var problems: [Diagnostic] = []
  /// Where each section, term and abbreviation id was first given, by kind of id.
  private var firstIDs: [String: [String: SourceLocation]] = [:]

  private init(file: String) { self.file = file }

  /// The document the node tree describes.
  ///
  /// - Throws: `DiagnosticError` with code `invalid-content` and every problem of the file,
  ///   in file order.
  static func read(_ root: Node, file: String) throws -> Document {
    var reader = ContentReader(file: file)
    let document = reader.document(root)
    guard reader.problems.isEmpty else {
      // A mapping's missing fields are found after its contents: put everything in file order.
      let ordered = reader.problems.enumerated().sorted { lhs, rhs in
        let left = (lhs.element.location?.line ?? 0, lhs.element.location?.column ?? 0, lhs.offset)
        let right = (rhs.element.location?.line ?? 0, rhs.element.location?.column ?? 0, rhs.offset)
        return left < right
      }
      throw DiagnosticError(ordered.map(\.element))
    }
    return document
  }

  // MARK: The document's parts

  private static let documentFields = [
    "id", "source-locale", "metadata", "sections", "references", "related", "terms", "abbreviations",
    "do-not-translate",
  ]

  private mutating func document(_ root: Node) -> Document {
    guard root.mapping != nil else {
      problem(
        root,
        "the document must be a mapping with 'id', 'source-locale', 'metadata', 'sections' and 'references' (found \(Self.kind(of: root)))"
      )
      return Document(id: "", sourceLocale: "", metadata: Self.noMetadata, sections: [], references: Self.noReferences)
    }
    let fields = self.fields(of: root, "", in: "the document", known: Self.documentFields)
    let id = id(required("id", fields), "id", kind: "document", unique: false)
    let sourceLocale = self.sourceLocale(required("source-locale", fields))
    let metadata = metadata(required("metadata", fields), "metadata")
    let sections = elements(required("sections", fields), "sections").map { section($0, $1) }
    let references = references(required("references", fields), "references")
    let related = elements(optional("related", fields), "related").map { relatedLinks($0, $1) }
    let terms = elements(optional("terms", fields), "terms").map { term($0, $1) }
    let abbreviations = elements(optional("abbreviations", fields), "abbreviations").map { abbreviation($0, $1) }
    let doNotTranslate = elements(optional("do-not-translate", fields), "do-not-translate").map { text($0, $1) }
    return Document(
      id: id, sourceLocale: sourceLocale, metadata: metadata, sections: sections, references: references,
      related: related, terms: terms, abbreviations: abbreviations, doNotTranslate: doNotTranslate)
  }

  private static let noMetadata = Metadata(title: "", byline: "", reviewed: "", publisher: "")
  private static let noReferences = References(heading: "", items: [])

  private mutating func sourceLocale(_ node: Node?) -> String {
    let locale = text(node, "source-locale")
    if let node, node.scalar != nil, LanguageTag(locale)?.canonical != locale {
      let canonical = LanguageTag(locale).map { "; write '\($0.canonical)'" } ?? ""
      problem(node, "source-locale '\(locale)' is not a canonical BCP 47 language tag\(canonical)")
    }
    return locale
  }

  private mutating func metadata(_ node: Node?, _ path: String) -> Metadata {
    guard
      let fields = mapping(node, path, in: "metadata", known: ["title", "subtitle", "byline", "reviewed", "publisher"])
    else { return Self.noMetadata }
    return Metadata(
      title: textRef(required("title", fields), path + ".title"),
      subtitle: optional("subtitle", fields).map { textRef($0, path + ".subtitle") },
      byline: textRef(required("byline", fields), path + ".byline"),
      reviewed: textRef(required("reviewed", fields), path + ".reviewed"),
      publisher: text(required("publisher", fields), path + ".publisher"))
  }

  private mutating func section(_ node: Node, _ path: String) -> Section {
    guard let fields = mapping(node, path, in: "a section", known: ["id", "heading", "blocks"]) else {
      return Section(id: "", heading: "", blocks: [])
    }
    return Section(
      id: id(required("id", fields), path + ".id", kind: "section", unique: true),
      heading: textRef(required("heading", fields), path + ".heading"),
      blocks: elements(required("blocks", fields), path + ".blocks").map { block($0, $1) })
  }

  private static let blockKinds = ["heading", "paragraph", "list", "callout"]

  private mutating func block(_ node: Node, _ path: String) -> Block {
    let placeholder = Block.paragraph("")
    guard node.mapping != nil else {
      let example = node.scalar.map { " (for a paragraph, write 'paragraph: \($0.string)')" } ?? ""
      problem(
        node, "\(path) must be a mapping with exactly one of 'heading', 'paragraph', 'list' or 'callout'\(example)")
      return placeholder
    }
    let problemsBefore = problems.count
    let fields = self.fields(of: node, path, in: "a block", known: Self.blockKinds)
    let kinds = Self.blockKinds.filter { fields.values[$0] != nil }
    guard kinds.count == 1, let kind = kinds.first, let value = fields.values[kind] else {
      // A block whose one field is misspelt has been reported as an unknown field.
      if !kinds.isEmpty || problems.count == problemsBefore {
        problem(
          node,
          "\(path): a block must have exactly one of 'heading', 'paragraph', 'list' or 'callout' (found \(kinds.isEmpty ? "none" : kinds.map { "'\($0)'" }.joined(separator: ", ")))"
        )
      }
      return placeholder
    }
    switch kind {
    case "heading": return .heading(textRef(value, path + ".heading"))
    case "paragraph": return .paragraph(textRef(value, path + ".paragraph"))
    case "list": return .list(list(value, path + ".list"))
    default: return .callout(callout(value, path + ".callout"))
    }
  }

  private mutating func list(_ node: Node, _ path: String) -> ListBlock {
    guard let fields = mapping(node, path, in: "a list", known: ["lead-in", "items", "ordered", "announcement"]) else {
      return ListBlock(items: [])
    }
    return ListBlock(
      leadIn: optional("lead-in", fields).map { textRef($0, path + ".lead-in") },
      items: elements(required("items", fields), path + ".items").map { listItem($0, $1) },
      ordered: optional("ordered", fields).map { bool($0, path + ".ordered") } ?? false,
      announcement: optional("announcement", fields).map { textRef($0, path + ".announcement") })
  }

  private mutating func listItem(_ node: Node, _ path: String) -> ListItem {
    if node.scalar != nil { return ListItem(textRef(node, path)) }
    guard node.mapping != nil else {
      problem(node, "\(path) must be a message key, or a mapping with 'text' and 'detail'")
      return ListItem("")
    }
    let fields = self.fields(of: node, path, in: "a list item", known: ["text", "detail"])
    return ListItem(
      textRef(required("text", fields), path + ".text"),
      detail: optional("detail", fields).map { textRef($0, path + ".detail") })
  }

  private mutating func callout(_ node: Node, _ path: String) -> Callout {
    guard let fields = mapping(node, path, in: "a callout", known: ["title", "body"]) else {
      return Callout(body: [])
    }
    return Callout(
      title: optional("title", fields).map { textRef($0, path + ".title") },
      body: elements(required("body", fields), path + ".body").map { textRef($0, $1) })
  }

  private mutating func references(_ node: Node?, _ path: String) -> References {
    guard let fields = mapping(node, path, in: "references", known: ["heading", "items"]) else {
      return Self.noReferences
    }
    return References(
      heading: textRef(required("heading", fields), path + ".heading"),
      items: elements(required("items", fields), path + ".items").map { textRef($0, $1) })
  }

  private mutating func relatedLinks(_ node: Node, _ path: String) -> RelatedLinks {
    guard let fields = mapping(node, path, in: "a group of related links", known: ["heading", "items"]) else {
      return RelatedLinks(heading: "", items: [])
    }
    let heading = textRef(required("heading", fields), path + ".heading")
    let items = elements(required("items", fields), path + ".items")
    if let node = fields.values["items"], node.sequence?.isEmpty == true {
      problem(node, "\(path).items must list at least one related topic (leave the group out when there is none)")
    }
    return RelatedLinks(heading: heading, items: items.map { textRef($0, $1) })
  }

  private mutating func term(_ node: Node, _ path: String) -> Term {
    guard let fields = mapping(node, path, in: "a term", known: ["id", "name", "definition"]) else {
      return Term(id: "", name: "")
    }
    return Term(
      id: id(required("id", fields), path + ".id", kind: "term", unique: true),
      name: textRef(required("name", fields), path + ".name"),
      definition: optional("definition", fields).map { textRef($0, path + ".definition") })
  }

  private mutating func abbreviation(_ node: Node, _ path: String) -> Abbreviation {
    guard let fields = mapping(node, path, in: "an abbreviation", known: ["id", "short", "expansion"]) else {
      return Abbreviation(id: "", short: "", expansion: "")
    }
    return Abbreviation(
      id: id(required("id", fields), path + ".id", kind: "abbreviation", unique: true),
      short: textRef(required("short", fields), path + ".short"),
      expansion: textRef(required("expansion", fields), path + ".expansion"))
  }

  // MARK: Texts and values

  /// A message key, or `{key: ..., arguments: {...}, links: [...]}`.
  private mutating func textRef(_ node: Node?, _ path: String) -> TextRef {
    guard let node else { return "" }
    if let scalar = node.scalar {
      checkKey(scalar.string, at: node, path)
      return TextRef(scalar.string)
    }
    guard node.mapping != nil else {
      problem(node, "\(path): expected a message key, or a mapping with 'key' and 'arguments'")
      return ""
    }
    let fields = self.fields(of: node, path, in: "a text reference", known: ["key", "arguments", "links"])
    var ref = TextRef("")
    if let keyNode = required("key", fields) {
      ref.key = text(keyNode, path + ".key")
      if keyNode.scalar != nil { checkKey(ref.key, at: keyNode, path + ".key") }
    }
    if let arguments = optional("arguments", fields) {
      if let mapping = arguments.mapping {
        for (name, value) in mapping {
          let name = name.scalar?.string ?? ""
          ref.arguments[name] = argument(value, "\(path).arguments.\(name)")
        }
      } else {
        problem(arguments, "\(path).arguments must be a mapping")
      }
    }
    let links = elements(optional("links", fields), path + ".links")
    ref.links = links.map { node, path in
      let address = text(node, path)
      if node.scalar != nil, !LinkAddress.isAllowed(address) {
        problem(node, "\(path): '\(address)' is not a link address netexport can show (\(LinkAddress.rule))")
      }
      return address
    }
    return ref
  }

  private mutating func checkKey(_ key: String, at node: Node, _ path: String) {
    if !CatalogKey.isValid(key) {
      problem(node, "\(path): '\(key)' is not a valid message key (\(CatalogKey.rule))")
    }
  }

  private static let argumentKinds = ["number", "date", "string"]

  /// `{number: 7}`, `{date: 2025-02-05}` or `{string: ...}`.
  private mutating func argument(_ node: Node, _ path: String) -> Argument {
    let placeholder = Argument.string("")
    guard node.mapping != nil else {
      problem(node, "\(path) must be a mapping with exactly one of 'number', 'date' or 'string'")
      return placeholder
    }
    let problemsBefore = problems.count
    let fields = self.fields(of: node, path, in: "an argument", known: Self.argumentKinds)
    let kinds = Self.argumentKinds.filter { fields.values[$0] != nil }
    guard kinds.count == 1, let kind = kinds.first, let value = fields.values[kind] else {
      if !kinds.isEmpty || problems.count == problemsBefore {
        problem(node, "\(path): an argument must have exactly one of 'number', 'date' or 'string'")
      }
      return placeholder
    }
    switch kind {
    case "number":
      guard let number = value.scalar.flatMap(Double.construct) else {
        problem(value, "\(path).number must be a number")
        return placeholder
      }
      if let refusal = Argument.refusal(of: number) { problem(value, "\(path).number: \(refusal)") }
      return .number(number)
    case "date":
      let text = text(value, path + ".date")
      guard value.scalar != nil else { return placeholder }
      guard let day = CalendarDay(iso8601: text) else {
        problem(value, "\(path).date: '\(text)' is not a calendar date (write YYYY-MM-DD)")
        return placeholder
      }
      return .date(day)
    default:
      return .string(text(value, path + ".string"))
    }
  }

  /// An id of the document, a section, a term or an abbreviation; `unique` ids may be given
  /// only once in the file.
  private mutating func id(_ node: Node?, _ path: String, kind: String, unique: Bool) -> String {
    guard let node else { return "" }
    let id = text(node, path)
    guard node.scalar != nil else { return id }
    let valid =
      !id.isEmpty
      && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    if !valid { problem(node, "\(kind) id '\(id)' must use only a-z, 0-9 and '-'") }
    if unique {
      if let first = firstIDs[kind]?[id] {
        problem(node, "\(kind) id '\(id)' is used twice (first at \(first))")
      } else {
        firstIDs[kind, default: [:]][id] = location(node)
      }
    }
    return id
  }

  private mutating func text(_ node: Node?, _ path: String) -> String {
    guard let node else { return "" }
    guard let scalar = node.scalar else {
      problem(node, "\(path) must be text")
      return ""
    }
    return scalar.string
  }

  private mutating func bool(_ node: Node, _ path: String) -> Bool {
    guard let value = node.scalar.flatMap({ $0.style == .plain ? Self.booleans[$0.string] : nil }) else {
      problem(node, "\(path) must be true or false")
      return false
    }
    return value
  }

  /// The plain (unquoted) texts YAML's default schema (YAML 1.1, as Yams' default resolver
  /// has it) reads as true or false; a quoted one is text. Content files are composed without
  /// a resolver (its regular expressions ran on every scalar and key), so the few booleans are
  /// looked up here.
  static let booleans: [String: Bool] = [
    "yes": true, "Yes": true, "YES": true, "true": true, "True": true, "TRUE": true, "on": true, "On": true,
    "ON": true, "no": false, "No": false, "NO": false, "false": false, "False": false, "FALSE": false, "off": false,
    "Off": false, "OFF": false,
  ]

  // MARK: Mappings and lists

  /// A mapping's fields by name, read in one pass.
  private struct Fields {
    var mapping: Node
    var path: String
    var values: [String: Node] = [:]
    /// The names of the fields the reader does not know, reported at their keys.
    var unknown: [String] = []
  }

  /// The fields of `node`, which must be a mapping; a field the reader does not know is
  /// reported at its key, with the known ones, so that a misspelt field is never dropped.
  private mutating func fields(of node: Node, _ path: String, in what: String, known: [String]) -> Fields {
    var fields = Fields(mapping: node, path: path)
    for (key, value) in node.mapping ?? [:] {
      let name = key.scalar?.string ?? ""
      if known.contains(name) {
        fields.values[name] = value
      } else {
        fields.unknown.append(name)
        problem(key, "unknown field '\(name)' in \(what) (known fields: \(known.joined(separator: ", ")))")
      }
    }
    return fields
  }

  /// The fields of `node`, or `nil` after reporting that it is not a mapping.
  private mutating func mapping(_ node: Node?, _ path: String, in what: String, known: [String]) -> Fields? {
    guard let node else { return nil }
    guard node.mapping != nil else {
      problem(node, "\(path) must be a mapping")
      return nil
    }
    return fields(of: node, path, in: what, known: known)
  }

  /// The value of a field the mapping must have, or `nil` after reporting it missing at the
  /// mapping. A field that is there but misspelt has been reported as unknown, with the known
  /// fields, and is not reported a second time as missing.
  private mutating func required(_ name: String, _ fields: Fields) -> Node? {
    guard let value = fields.values[name] else {
      if !fields.unknown.contains(where: { Self.isMisspelling($0, of: name) }) {
        problem(fields.mapping, "missing field '\(name)' in \(fields.path.isEmpty ? "the document" : fields.path)")
      }
      return nil
    }
    return value
  }

  /// Whether `word` is `name` with at most two letters added, left out or changed
  /// ("metadta", "paragrah", "lead_in"), or one for a name of up to four letters. A Levenshtein
  /// distance, written here because neither Foundation nor Yams offers one; it runs only for
  /// a mapping that lacks a field and has an unknown one, on names of a few letters.
  static func isMisspelling(_ word: String, of name: String) -> Bool {
    let typed = Array(word.lowercased().unicodeScalars)
    let wanted = Array(name.unicodeScalars)
    let limit = wanted.count <= 4 ? 1 : 2
    guard abs(typed.count - wanted.count) <= limit else { return false }
    var previous = Array(0...wanted.count)
    for (row, letter) in typed.enumerated() {
      var current = [row + 1]
      for (column, other) in wanted.enumerated() {
        current.append(min(previous[column + 1] + 1, current[column] + 1, previous[column] + (letter == other ? 0 : 1)))
      }
      previous = current
    }
    return previous[wanted.count] <= limit
  }

  /// The value of an optional field; an empty value (`subtitle:`, `~`, `null`) counts as
  /// absent.
  private func optional(_ name: String, _ fields: Fields) -> Node? {
    fields.values[name].flatMap { $0.null == nil ? $0 : nil }
  }

  /// The elements of a list with their paths; none, after reporting it, when `node` is not
  /// a list.
  private mutating func elements(_ node: Node?, _ path: String) -> [(Node, String)] {
    guard let node else { return [] }
    guard let sequence = node.sequence else {
      problem(node, "\(path) must be a list")
      return []
    }
    return sequence.enumerated().map { ($1, "\(path)[\($0)]") }
  }

  // MARK: Problems

  private func location(_ node: Node) -> SourceLocation { YAMLSupport.location(node.mark, file: file) }

  private mutating func problem(_ node: Node, _ message: String) {
    problems.append(Diagnostic(code: .invalidContent, at: location(node), message))
  }

  private static func kind(of node: Node) -> String {
    switch node {
    case .mapping: "a mapping"
    case .sequence: "a list"
    default: "text"
    }
  }
}
