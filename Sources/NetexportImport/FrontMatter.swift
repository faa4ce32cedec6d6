import NetexportICU
import NetexportModel
import Yams

/// The YAML front matter of a Markdown handout: what the document is and who stands behind
/// it, and the lists (references, terms, abbreviations) that have no place in the body.
struct FrontMatter {
  /// A text value with where it is in the Markdown file.
  struct Value {
    var text: String
    var location: SourceLocation
  }

  struct TermEntry {
    var id: Value?
    var term: Value
    var definition: Value?
  }

  struct AbbreviationEntry {
    var id: Value?
    var short: Value
    var expansion: Value
  }

  /// A group of links to related topics: its heading and one title per topic.
  struct RelatedGroup {
    /// The group's place in the front matter's list (from 1), which messages name.
    var number: Int
    var heading: Value
    var items: [Value]
  }

  /// Every field the front matter may have.
  static let fields = [
    "id", "title", "subtitle", "byline", "publisher", "reviewed", "references", "related", "terms", "abbreviations",
    "do-not-translate",
  ]
  static let relatedFields = ["heading", "items"]
  static let termFields = ["id", "term", "definition"]
  static let abbreviationFields = ["id", "short", "expansion"]

  var id: Value?
  var title: Value?
  var subtitle: Value?
  var byline: Value?
  var publisher: Value?
  var reviewed: (day: CalendarDay, location: SourceLocation)?
  var references: [Value] = []
  var related: [RelatedGroup] = []
  var terms: [TermEntry] = []
  var abbreviations: [AbbreviationEntry] = []
  var doNotTranslate: [Value] = []
  /// Whether the file has front matter at all.
  var isPresent = false
  /// The fields the front matter has, valid or not.
  var fieldsGiven: Set<String> = []
  /// Whether the front matter is not YAML at all, so no field can be read.
  var isMalformed = false
}

/// Splits a Markdown file into its front matter and its body, and reads the front matter.
enum FrontMatterReader {
  /// The front matter's YAML (from the line after the opening `---`), and the body with the
  /// front matter's lines left empty, so that cmark's line numbers are the file's.
  struct Split {
    var yaml: String?
    var body: String
    /// Whether an opening `---` has no closing `---` (or `...`) line.
    var unclosed = false
  }

  /// The lines of `text`, ending at "\n", "\r\n" or "\r" as in CommonMark ("\r\n" is one
  /// `Character` in Swift, so splitting at "\n" alone would miss it).
  static func lines(_ text: String) -> [Substring] {
    text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
  }

  static func split(_ text: String) -> Split {
    var lines = lines(text)
    func isDelimiter(_ line: Substring, _ marks: [String]) -> Bool {
      var trimmed = line
      while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
      return marks.contains(String(trimmed))
    }
    guard var first = lines.first else { return Split(yaml: nil, body: text) }
    if first.hasPrefix("\u{FEFF}") { first = first.dropFirst() }
    guard isDelimiter(first, ["---"]) else { return Split(yaml: nil, body: text) }
    guard let close = lines.indices.dropFirst().first(where: { isDelimiter(lines[$0], ["---", "..."]) }) else {
      return Split(yaml: nil, body: "", unclosed: true)
    }
    let yaml = lines[1..<close].joined(separator: "\n")
    for index in 0...close { lines[index] = "" }
    return Split(yaml: yaml, body: lines.joined(separator: "\n"))
  }

  /// Reads the front matter's YAML, which starts on line 2 of `file`.
  ///
  /// - Returns: The fields found, and every problem (unknown fields, wrong types, bad dates),
  ///   each at its file:line:column.
  static func read(_ yaml: String, file: String) -> (FrontMatter, [Diagnostic]) {
    var matter = FrontMatter()
    matter.isPresent = true
    var problems: [Diagnostic] = []
    func location(_ mark: Mark?) -> SourceLocation {
      // The YAML starts on the file's second line, after the opening `---`.
      SourceLocation(file: file, line: mark.map { $0.line + 1 } ?? 1, column: mark?.column ?? 1)
    }
    func problem(_ mark: Mark?, _ message: String) {
      problems.append(Diagnostic(code: .markdownFrontMatter, at: location(mark), message))
    }
    // What no netexport file uses (anchors, aliases, tags, keys that are collections, deep
    // nesting) is refused from libyaml's events before Yams composes anything, as in every
    // other YAML file netexport reads: an alias bomb in the front matter took minutes to
    // compose. Read with the opening `---` as an empty line, so that lines are the file's.
    do {
      try YAMLSupport.checkStructure("\n" + yaml, file: file, textKeys: false)
    } catch let error as DiagnosticError {
      matter.isMalformed = true
      return (
        matter,
        error.diagnostics.map {
          var diagnostic = $0
          diagnostic.code = "markdown-front-matter"
          diagnostic.message = "the front matter's YAML: \(diagnostic.message)"
          return diagnostic
        }
      )
    } catch {
      matter.isMalformed = true
      return (matter, [Diagnostic(code: .markdownFrontMatter, at: location(nil), "malformed YAML: \(error)")])
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: yaml, .basic)
    } catch let error as YamlError {
      matter.isMalformed = true
      return (matter, [diagnostic(for: error, yaml: yaml, file: file)])
    } catch {
      matter.isMalformed = true
      return (matter, [Diagnostic(code: .markdownFrontMatter, at: location(nil), "malformed YAML: \(error)")])
    }
    guard let root else { return (matter, []) }
    guard root.mapping != nil else {
      problem(root.mark, "the front matter must be fields such as 'title: ...', one per line")
      return (matter, problems)
    }

    /// A non-empty text, whitespace runs (line breaks of a folded value) made one space.
    func text(_ node: Node, _ what: String) -> FrontMatter.Value? {
      guard let scalar = node.scalar else {
        problem(node.mark, "\(what) must be text, not \(node.mapping != nil ? "a mapping" : "a list")")
        return nil
      }
      let collapsed = scalar.string.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      guard !collapsed.isEmpty else {
        problem(node.mark, "\(what) is empty; write it, or leave the field out")
        return nil
      }
      return FrontMatter.Value(text: collapsed, location: location(node.mark))
    }
    func list(_ node: Node, _ what: String) -> [Node] {
      if let sequence = node.sequence { return Array(sequence) }
      problem(node.mark, "\(what) must be a list, one '- ' line per entry")
      return []
    }
    /// The fields of a mapping, each once, reporting unknown and repeated ones.
    func fields(_ node: Node, known: [String], in what: String) -> [String: Node]? {
      guard let pairs = node.mapping else {
        problem(node.mark, "\(what) must be a mapping with \(known.map { "'\($0)'" }.joined(separator: ", "))")
        return nil
      }
      var found: [String: Node] = [:]
      for (keyNode, value) in pairs {
        let name = keyNode.string ?? "?"
        if !known.contains(name) {
          problem(
            keyNode.mark, "unknown field '\(name)' in \(what) (known fields: \(known.joined(separator: ", ")))")
        } else if found[name] != nil {
          problem(keyNode.mark, "field '\(name)' appears twice in \(what); keep one")
        } else {
          found[name] = value
        }
      }
      return found
    }

    guard let top = fields(root, known: FrontMatter.fields, in: "the front matter") else { return (matter, problems) }
    matter.fieldsGiven = Set(top.keys)
    for (name, value) in top {
      switch name {
      case "id": matter.id = text(value, "'id'")
      case "title": matter.title = text(value, "'title'")
      case "subtitle": matter.subtitle = text(value, "'subtitle'")
      case "byline": matter.byline = text(value, "'byline'")
      case "publisher": matter.publisher = text(value, "'publisher'")
      case "reviewed":
        guard let date = text(value, "'reviewed'") else { continue }
        if let day = CalendarDay(iso8601: date.text) {
          matter.reviewed = (day, date.location)
        } else {
          problem(
            value.mark,
            "'reviewed' must be the date the content was last reviewed, as YYYY-MM-DD (found '\(date.text)')")
        }
      case "references":
        matter.references = list(value, "'references'").enumerated().compactMap { text($1, "reference \($0 + 1)") }
      case "related":
        for (index, entry) in list(value, "'related'").enumerated() {
          let what = "related group \(index + 1)"
          guard let found = fields(entry, known: FrontMatter.relatedFields, in: what) else { continue }
          guard let headingNode = found["heading"] else {
            problem(
              entry.mark,
              "\(what) has no 'heading': write the source's own label for the links, such as 'Associated procedures'")
            continue
          }
          guard let itemsNode = found["items"] else {
            problem(entry.mark, "\(what) has no 'items': list the title of each related page")
            continue
          }
          let heading = text(headingNode, "'heading' of \(what)")
          let nodes = list(itemsNode, "'items' of \(what)")
          if nodes.isEmpty && itemsNode.sequence != nil {
            problem(itemsNode.mark, "'items' of \(what) is empty: list the title of each related page")
          }
          let items = nodes.enumerated().compactMap { text($1, "item \($0 + 1) of \(what)") }
          if let heading, !items.isEmpty {
            matter.related.append(FrontMatter.RelatedGroup(number: index + 1, heading: heading, items: items))
          }
        }
      case "do-not-translate":
        matter.doNotTranslate = list(value, "'do-not-translate'").enumerated().compactMap {
          text($1, "'do-not-translate' entry \($0 + 1)")
        }
      case "terms":
        for (index, entry) in list(value, "'terms'").enumerated() {
          let what = "term \(index + 1)"
          guard let found = fields(entry, known: FrontMatter.termFields, in: what) else { continue }
          guard let termNode = found["term"] else {
            problem(entry.mark, "\(what) has no 'term': write the term as it appears in the text")
            continue
          }
          guard let term = text(termNode, "'term' of \(what)") else { continue }
          matter.terms.append(
            FrontMatter.TermEntry(
              id: found["id"].flatMap { text($0, "'id' of \(what)") }, term: term,
              definition: found["definition"].flatMap { text($0, "'definition' of \(what)") }))
        }
      case "abbreviations":
        for (index, entry) in list(value, "'abbreviations'").enumerated() {
          let what = "abbreviation \(index + 1)"
          guard let found = fields(entry, known: FrontMatter.abbreviationFields, in: what) else { continue }
          let short = found["short"].flatMap { text($0, "'short' of \(what)") }
          let expansion = found["expansion"].flatMap { text($0, "'expansion' of \(what)") }
          for (field, node) in [("short", found["short"]), ("expansion", found["expansion"])] where node == nil {
            problem(
              entry.mark,
              "\(what) has no '\(field)': an abbreviation needs both the short form and what it stands for")
          }
          if let short, let expansion {
            matter.abbreviations.append(
              FrontMatter.AbbreviationEntry(
                id: found["id"].flatMap { text($0, "'id' of \(what)") }, short: short, expansion: expansion))
          }
        }
      default: break
      }
    }
    return (matter, problems)
  }

  private static func diagnostic(for error: YamlError, yaml: String, file: String) -> Diagnostic {
    func at(_ line: Int?, _ column: Int?) -> SourceLocation {
      SourceLocation(file: file, line: line.map { $0 + 1 } ?? 1, column: column ?? 1)
    }
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return Diagnostic(
        code: .markdownFrontMatter, at: at(mark.line, mark.column), "malformed YAML in the front matter: \(problem)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      // Yams names the mapping; point at the field's second line, at the mapping's indentation.
      let name = duplicates.first ?? "?"
      let indent = String(repeating: " ", count: max(0, context.mark.column - 1))
      let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
      let repeats = lines.indices.filter { index in
        [name + ":", "\"\(name)\":", "'\(name)':"].contains { lines[index].hasPrefix(indent + $0) }
      }
      let line = repeats.count > 1 ? repeats[1] + 1 : context.mark.line
      return Diagnostic(
        code: .markdownFrontMatter, at: at(line, context.mark.column),
        "the front matter has the field '\(name)' twice; keep one")
    default:
      return Diagnostic(
        code: .markdownFrontMatter, at: at(nil, nil), "malformed YAML in the front matter: \(error)")
    }
  }
}
