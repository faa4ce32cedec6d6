internal import CNetexportCmark
import Foundation

/// A place in the Markdown text: 1-based line, and 1-based column in Unicode scalars (as
/// `SourceLocation` counts them). Line 0 means cmark gave no position.
struct MarkdownPosition: Hashable, Sendable, Comparable {
  var line: Int
  var column: Int

  static func < (lhs: MarkdownPosition, rhs: MarkdownPosition) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }
}

/// One node of a CommonMark document, as cmark-gfm parsed it, with where it starts and ends.
///
/// A plain value copy of cmark's tree, so that the rest of the importer never touches C
/// pointers and can be tested on its own.
struct MarkdownNode: Hashable, Sendable {
  enum Kind: Hashable, Sendable {
    // Blocks.
    case document
    case blockQuote
    case list(ordered: Bool, start: Int)
    case item
    /// A GFM task list item (`- [ ] ...`).
    case taskItem
    case codeBlock(fenced: Bool)
    case htmlBlock(String)
    case paragraph
    case heading(level: Int)
    case thematicBreak
    case footnoteDefinition
    /// A GFM table, or one of its rows or cells.
    case table
    // Inlines.
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    case htmlInline(String)
    case emphasis
    case strong
    case link(url: String, title: String)
    case image(url: String)
    case footnoteReference
    case strikethrough
    /// Anything else cmark-gfm reports (by its type name), or `nesting-too-deep` for a node
    /// nested deeper than `CommonMark.maximumDepth`, whose content is not copied.
    case other(String)
  }

  var kind: Kind
  var start: MarkdownPosition
  var end: MarkdownPosition
  var children: [MarkdownNode]

  /// How many soft and hard line breaks are inside this node.
  var lineBreaks: Int {
    switch kind {
    case .softBreak, .lineBreak: 1
    default: children.reduce(0) { $0 + $1.lineBreaks }
    }
  }

  /// Gives this node, which cmark left without a position (line 0), and every node inside
  /// it the position `place`: cmark counts the positions inside such a node from line 0
  /// too (its text at 0:0, raw HTML in it at 1:0), so none of them can be trusted.
  mutating func placeUnpositioned(at place: MarkdownPosition) {
    start = place
    end = place
    for index in children.indices { children[index].placeUnpositioned(at: place) }
  }
}

/// The one door to cmark-gfm: parses Markdown with the GFM table, strikethrough, autolink and
/// tasklist extensions attached, so that such constructs are recognised (and can be refused
/// precisely) rather than read as plain text, and footnotes enabled for the same reason.
enum CommonMark {
  /// Deeper nesting than this (in the document tree) is cut off and reported: nothing netexport
  /// can show nests more than a few levels, and the cap keeps the recursion bounded on
  /// adversarial input such as thousands of nested block quotes.
  static let maximumDepth = 32

  /// The GFM extensions attached to every parser.
  static let extensions = ["table", "strikethrough", "autolink", "tasklist"]

  /// Registers cmark-gfm's core extensions once per process. cmark's own
  /// `cmark_gfm_core_extensions_ensure_registered` guards with a plain static flag, which two
  /// threads parsing at once would race on; Swift runs a static initialiser exactly once.
  private static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

  /// Serialises every parse. cmark-gfm keeps process-wide state that attaching and freeing a
  /// parser's extensions change (the table of characters that start an inline, which the
  /// autolink extension adds `w` to), so two parses at once can lose an extension's
  /// characters: under parallel tests a `www.` link was read as plain text. Parsing a handout
  /// takes milliseconds, so one parse at a time costs nothing a user sees.
  private static let lock = NSLock()

  /// Parses `text` into a document node.
  static func parse(_ text: String) -> MarkdownNode {
    lock.lock()
    defer { lock.unlock() }
    _ = registration
    let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES
    guard let parser = cmark_parser_new(options) else {
      preconditionFailure("cmark_parser_new failed (out of memory)")
    }
    defer { cmark_parser_free(parser) }
    for name in extensions {
      // The extensions ship with libcmark-gfm-extensions; a missing one is a broken
      // installation, not bad input.
      guard let extensionPointer = cmark_find_syntax_extension(name) else {
        preconditionFailure("cmark-gfm has no '\(name)' extension; reinstall libcmark-gfm-extensions-dev")
      }
      cmark_parser_attach_syntax_extension(parser, extensionPointer)
    }
    // cmark reads each NUL as U+FFFD (three bytes), as CommonMark requires, and counts its
    // columns in those bytes: the same replacement here first keeps `ColumnMap` counting in
    // the bytes cmark counted (a NUL and U+FFFD are one scalar each, so the author's columns
    // do not change).
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    for byte in text.utf8 {
      if byte == 0 { bytes += [0xEF, 0xBF, 0xBD] } else { bytes.append(byte) }
    }
    bytes.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
        cmark_parser_feed(parser, $0, buffer.count)
      }
    }
    guard let root = cmark_parser_finish(parser) else {
      preconditionFailure("cmark_parser_finish failed (out of memory)")
    }
    defer { cmark_node_free(root) }
    let columns = ColumnMap(bytes)
    return convert(root, depth: 0, columns: columns)
  }

  private static func convert(_ node: OpaquePointer, depth: Int, columns: ColumnMap) -> MarkdownNode {
    let startLine = Int(cmark_node_get_start_line(node))
    var startColumn = Int(cmark_node_get_start_column(node))
    // cmark starts a code span after its backticks, and a footnote definition after its
    // "[^label]:": point at the first backtick and at the "[" instead, where the author looks.
    switch cmark_node_get_type(node) {
    case CMARK_NODE_CODE:
      startColumn = columns.byteColumn(line: startLine, from: startColumn, skippingBack: { $0 == UInt8(ascii: "`") })
    case CMARK_NODE_FOOTNOTE_DEFINITION:
      let afterBracket = columns.byteColumn(
        line: startLine, from: startColumn, skippingBack: { $0 != UInt8(ascii: "[") })
      startColumn = max(1, afterBracket - 1)
    default: break
    }
    let start = columns.position(line: startLine, byteColumn: startColumn)
    let end = columns.position(
      line: Int(cmark_node_get_end_line(node)), byteColumn: Int(cmark_node_get_end_column(node)))
    if depth > maximumDepth {
      return MarkdownNode(kind: .other("nesting-too-deep"), start: start, end: end, children: [])
    }
    var children: [MarkdownNode] = []
    var child = cmark_node_first_child(node)
    while let current = child {
      var converted = convert(current, depth: depth + 1, columns: columns)
      // cmark gives soft and hard line breaks no position: place them where the text before
      // them ends, so that a warning about one points at its line.
      if converted.start.line == 0, let previous = children.last {
        switch converted.kind {
        case .softBreak, .lineBreak:
          converted.start = MarkdownPosition(line: previous.end.line, column: previous.end.column + 1)
          converted.end = converted.start
        default: break
        }
      }
      children.append(converted)
      child = cmark_node_next(current)
    }
    // cmark-gfm 0.29's table extension leaves the paragraph before a table without a
    // position (0:0, its text too) when the table takes that paragraph's last line as its
    // header, and gives the table the paragraph's first line: place such a node at the next
    // positioned sibling's start (else after the previous one, else at its parent's start), so
    // that no diagnostic ever points at line 0.
    for index in children.indices where children[index].start.line == 0 {
      let place =
        children[(index + 1)...].first(where: { $0.start.line > 0 })?.start
        ?? children[..<index].last(where: { $0.end.line > 0 }).map {
          MarkdownPosition(line: $0.end.line, column: $0.end.column + 1)
        }
        ?? start
      children[index].placeUnpositioned(at: place)
      // The table then starts after the paragraph's lines, not on its first.
      if index + 1 < children.count, case .table = children[index + 1].kind,
        children[index + 1].start == place
      {
        children[index + 1].start.line += children[index].lineBreaks + 1
      }
    }
    return MarkdownNode(kind: kind(of: node), start: start, end: end, children: children)
  }

  private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
    func string(_ pointer: UnsafePointer<CChar>?) -> String { pointer.map { String(cString: $0) } ?? "" }
    let literal = { string(cmark_node_get_literal(node)) }
    switch cmark_node_get_type(node) {
    case CMARK_NODE_DOCUMENT: return .document
    case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
    case CMARK_NODE_LIST:
      return .list(
        ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST, start: Int(cmark_node_get_list_start(node)))
    case CMARK_NODE_ITEM:
      // The tasklist extension marks its items by type name only.
      return string(cmark_node_get_type_string(node)) == "tasklist" ? .taskItem : .item
    case CMARK_NODE_CODE_BLOCK:
      // cmark writes the fence's length, offset and character through all three pointers.
      var length: Int32 = 0
      var offset: Int32 = 0
      var character: CChar = 0
      return .codeBlock(fenced: cmark_node_get_fenced(node, &length, &offset, &character) != 0)
    case CMARK_NODE_HTML_BLOCK: return .htmlBlock(literal())
    case CMARK_NODE_PARAGRAPH: return .paragraph
    case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
    case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
    // cmark-gfm 0.29 names footnote nodes "<unknown>": compare the numeric type.
    case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition
    case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference
    case CMARK_NODE_TEXT: return .text(literal())
    case CMARK_NODE_SOFTBREAK: return .softBreak
    case CMARK_NODE_LINEBREAK: return .lineBreak
    case CMARK_NODE_CODE: return .code(literal())
    case CMARK_NODE_HTML_INLINE: return .htmlInline(literal())
    case CMARK_NODE_EMPH: return .emphasis
    case CMARK_NODE_STRONG: return .strong
    case CMARK_NODE_LINK:
      return .link(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
    case CMARK_NODE_IMAGE: return .image(url: string(cmark_node_get_url(node)))
    default:
      // Extension node types are numbered when the extensions register, so they are known by
      // name: table, table_header, table_row, table_cell, strikethrough.
      let name = string(cmark_node_get_type_string(node))
      switch name {
      case "table", "table_header", "table_row", "table_cell": return .table
      case "strikethrough": return .strikethrough
      default: return .other(name)
      }
    }
  }
}

/// Turns cmark's positions (1-based line, 1-based column in UTF-8 bytes) into columns in
/// Unicode scalars. Lines end at "\n", "\r\n" or "\r", as CommonMark defines them.
private struct ColumnMap {
  /// The byte offset where each line starts.
  private var lineStarts: [Int] = [0]
  private let bytes: [UInt8]

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    var index = 0
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "\r") {
        if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
        lineStarts.append(index + 1)
      } else if bytes[index] == UInt8(ascii: "\n") {
        lineStarts.append(index + 1)
      }
      index += 1
    }
  }

  /// Moves a byte column left, on its line, while the byte before it satisfies `skip`.
  func byteColumn(line: Int, from byteColumn: Int, skippingBack skip: (UInt8) -> Bool) -> Int {
    guard line >= 1, line <= lineStarts.count else { return byteColumn }
    let start = lineStarts[line - 1]
    var column = byteColumn
    while column > 1, start + column - 2 < bytes.count, skip(bytes[start + column - 2]) { column -= 1 }
    return column
  }

  func position(line: Int, byteColumn: Int) -> MarkdownPosition {
    guard line >= 1, line <= lineStarts.count, byteColumn >= 1 else {
      return MarkdownPosition(line: max(line, 0), column: max(byteColumn, 0))
    }
    // cmark-gfm 0.29 counts some inline positions on past the end of their line (raw HTML
    // after a backslash line break inside a link's text, found by the fuzzer): such a column
    // goes on into the next lines, as the bytes do.
    var line = line
    var byteColumn = byteColumn
    while line < lineStarts.count, lineStarts[line - 1] + byteColumn - 1 >= lineStarts[line] {
      byteColumn -= lineStarts[line] - lineStarts[line - 1]
      line += 1
    }
    let start = lineStarts[line - 1]
    let end = min(start + byteColumn - 1, bytes.count)
    // Every byte that does not continue a multi-byte sequence starts a scalar.
    let scalars = bytes[start..<end].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    return MarkdownPosition(line: line, column: scalars + 1)
  }
}
