import NetexportModel

extension PO {
  /// Reads a PO file as gettext's tools and Poedit write it: strings continued over several
  /// lines, every C escape gettext knows (and `\'`, `\?`), `#|` previous fields, flags in any
  /// order, obsolete `#~` entries (reported as warnings, not applied), CRLF line ends, a
  /// byte order mark, a header in any order with any extra fields.
  ///
  /// Written by hand: no Swift PO reader exists, and gettext's own library (libgettextpo)
  /// reads only from files and needs an error handler that never returns on fatal errors,
  /// which Swift cannot provide.
  ///
  /// - Parameters:
  ///   - text: The file's text (decoded as UTF-8 by the caller, e.g. `TextFile.readUTF8`).
  ///   - file: How to name the file in messages.
  /// - Throws: `DiagnosticError` naming `file:line:column`: `malformed-po` for broken syntax,
  ///   `interchange-plural` for a `msgid_plural` entry, `interchange-missing-key` for an entry
  ///   without `msgctxt`, `interchange-duplicate-key`, `interchange-header` for a header
  ///   without netexport's fields or in another charset than UTF-8.
  public static func parse(_ text: String, file: String) throws -> InterchangeFile {
    var parser = Parser(file: file)
    return try parser.parse(text)
  }

  private struct Parser {
    /// A string value as read: bytes, since octal and hex escapes give bytes, not characters.
    struct Field {
      var bytes: [UInt8]
      var location: SourceLocation
    }

    /// One entry as its lines arrive.
    struct Entry {
      var start: SourceLocation?
      /// Whether its keyword lines are `#~` lines; nil before the first keyword.
      var obsolete: Bool?
      var translatorComments: [String] = []
      var extractedComments: [String] = []
      var references: [Substring] = []
      var flags: Set<String> = []
      var previous: [String: Field] = [:]
      var msgctxt: Field?
      var msgid: Field?
      var msgstr: Field?

      var hasKeyword: Bool { msgctxt != nil || msgid != nil || msgstr != nil }
    }

    /// Which string a continuation line (`"..."`) extends.
    enum Continued {
      case msgctxt, msgid, msgstr
      case previous(String)
    }

    let file: String
    var entry = Entry()
    var continued: Continued?
    var header: (fields: [(name: String, value: String)], location: SourceLocation)?
    var units: [InterchangeUnit] = []
    var unitLocations: [SourceLocation] = []
    var firstLocation: [String: SourceLocation] = [:]
    var warnings: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func parse(_ text: String) throws -> InterchangeFile {
      var lineNumber = 0
      // Split on line feeds as scalars: as Characters, "\r\n" is one grapheme, not a "\n".
      for line in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
        lineNumber += 1
        var scalars = Array(line)
        if scalars.last == "\r" { scalars.removeLast() }
        if lineNumber == 1 && scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        try read(scalars, line: lineNumber)
      }
      try finishEntry(atEnd: true)
      guard let header else {
        throw failure(
          InterchangeCode.header, SourceLocation(file: file, line: 1, column: 1),
          "the file has no header entry (msgid \"\" with the fields netexport writes); export the file again with 'netexport catalog export'"
        )
      }
      let document = try documentFromHeader(header.fields, at: header.location)
      return InterchangeFile(
        documents: [
          InterchangeFile.Located(document: document, location: header.location, unitLocations: unitLocations)
        ], warnings: warnings)
    }

    // MARK: Lines

    private mutating func read(_ scalars: [Unicode.Scalar], line: Int) throws {
      var position = skipSpace(scalars, from: 0)
      guard position < scalars.count else { return }
      let file = self.file
      let at = { (index: Int) in SourceLocation(file: file, line: line, column: index + 1) }
      if scalars[position] == "#" {
        let kind = position + 1 < scalars.count ? scalars[position + 1] : nil
        switch kind {
        case "~":
          position = skipSpace(scalars, from: position + 2)
          if position < scalars.count && scalars[position] == "|" {
            try readPrevious(scalars, from: position + 1, at: at)
          } else if position < scalars.count {
            try readKeywordOrString(scalars, from: position, obsolete: true, at: at)
          }
        case "|":
          try readPrevious(scalars, from: position + 2, at: at)
        case ",", ".", ":":
          try startComment(at: at(position))
          let text = String(String.UnicodeScalarView(scalars[(position + 2)...]))
          switch kind {
          case ",":
            for flag in text.split(separator: ",") {
              let name = flag.trimmingSpace()
              if !name.isEmpty { entry.flags.insert(name) }
            }
          case ".": entry.extractedComments.append(text.droppingOneSpace())
          default: entry.references += text.split(whereSeparator: { $0 == " " || $0 == "\t" })
          }
        default:
          try startComment(at: at(position))
          entry.translatorComments.append(
            String(String.UnicodeScalarView(scalars[(position + 1)...])).droppingOneSpace())
        }
        return
      }
      try readKeywordOrString(scalars, from: position, obsolete: false, at: at)
    }

    /// A comment line: it belongs to the next entry, so a complete entry before it ends here.
    private mutating func startComment(at location: SourceLocation) throws {
      if entry.hasKeyword {
        guard entry.msgstr != nil else { throw missingMsgstr(at: location) }
        try finishEntry(atEnd: false)
      }
      if entry.start == nil { entry.start = location }
      continued = nil
    }

    /// `#| msgctxt "..."`, `#| msgid "..."` or `#| "..."`.
    private mutating func readPrevious(
      _ scalars: [Unicode.Scalar], from start: Int, at: (Int) -> SourceLocation
    ) throws {
      let position = skipSpace(scalars, from: start)
      guard position < scalars.count else { return }
      if scalars[position] == "\"" {
        guard case .previous(let name)? = continued, var field = entry.previous[name] else {
          throw malformed(at(position), "a continued string after '#|' must follow '#| msgid' or '#| msgctxt'")
        }
        field.bytes += try strings(scalars, from: position, at: at)
        entry.previous[name] = field
        return
      }
      try startComment(at: at(position))
      let (keyword, afterKeyword) = word(scalars, from: position)
      guard ["msgctxt", "msgid", "msgid_plural"].contains(keyword) else {
        throw malformed(
          at(position), "after '#|' expected msgctxt, msgid or msgid_plural (the previous English), found '\(keyword)'")
      }
      let bytes = try strings(scalars, from: afterKeyword, at: at, after: keyword)
      entry.previous[keyword] = Field(bytes: bytes, location: at(position))
      continued = .previous(keyword)
    }

    private mutating func readKeywordOrString(
      _ scalars: [Unicode.Scalar], from position: Int, obsolete: Bool, at: (Int) -> SourceLocation
    ) throws {
      if scalars[position] == "\"" {
        let bytes = try strings(scalars, from: position, at: at)
        switch continued {
        case .msgctxt?: entry.msgctxt?.bytes += bytes
        case .msgid?: entry.msgid?.bytes += bytes
        case .msgstr?: entry.msgstr?.bytes += bytes
        case .previous?, nil:
          throw malformed(at(position), "a string must follow msgctxt, msgid or msgstr")
        }
        return
      }
      let (keyword, afterKeyword) = word(scalars, from: position)
      let location = at(position)
      guard !keyword.isEmpty else {
        throw malformed(
          location,
          "expected msgctxt, msgid, msgstr, a quoted string or a comment starting with '#', found '\(Character(scalars[position]))'"
        )
      }
      if entry.msgstr != nil && (keyword == "msgctxt" || keyword == "msgid") { try finishEntry(atEnd: false) }
      if let entryObsolete = entry.obsolete, entryObsolete != obsolete {
        throw malformed(location, "an entry mixes obsolete lines ('#~') with active ones")
      }
      entry.obsolete = obsolete
      if entry.start == nil { entry.start = location }
      switch keyword {
      case "msgctxt":
        guard entry.msgctxt == nil && entry.msgid == nil else {
          throw malformed(location, "msgctxt must come once, before msgid")
        }
        entry.msgctxt = Field(
          bytes: try strings(scalars, from: afterKeyword, at: at, after: keyword), location: location)
        continued = .msgctxt
      case "msgid":
        guard entry.msgid == nil else { throw missingMsgstr(at: location) }
        entry.msgid = Field(
          bytes: try strings(scalars, from: afterKeyword, at: at, after: keyword), location: location)
        continued = .msgid
      case "msgstr":
        guard entry.msgid != nil, entry.msgstr == nil else {
          throw malformed(location, "msgstr must follow msgid")
        }
        entry.msgstr = Field(
          bytes: try strings(scalars, from: afterKeyword, at: at, after: keyword), location: location)
        continued = .msgstr
      case "msgid_plural", "msgstr[":
        let key = entry.msgctxt.flatMap { String(validating: $0.bytes, as: UTF8.self) }
        throw DiagnosticError(
          Diagnostic(
            code: InterchangeCode.plural, at: location,
            "\(key.map { "'\($0)' is" } ?? "this is") a plural entry (\(keyword == "msgstr[" ? "msgstr[n]" : keyword)); netexport keeps plurals inside the ICU message ({count, plural, one {...} other {...}}) in one msgid and one msgstr: export the file again and translate the whole message in msgstr",
            key: key))
      default:
        throw malformed(location, "unknown keyword '\(keyword)'; expected msgctxt, msgid or msgstr")
      }
    }

    private func missingMsgstr(at location: SourceLocation) -> DiagnosticError {
      let start = entry.msgid?.location ?? location
      return malformed(location, "the entry starting at line \(start.line ?? 0) has no msgstr; add msgstr \"\"")
    }

    /// A keyword: letters and `_`, and `[` for `msgstr[n]`.
    private func word(_ scalars: [Unicode.Scalar], from start: Int) -> (String, Int) {
      var end = start
      while end < scalars.count, scalars[end].properties.isAlphabetic || scalars[end] == "_" { end += 1 }
      var keyword = String(String.UnicodeScalarView(scalars[start..<end]))
      if keyword == "msgstr" && end < scalars.count && scalars[end] == "[" { keyword += "[" }
      return (keyword, end)
    }

    private func skipSpace(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
      var position = start
      while position < scalars.count, scalars[position] == " " || scalars[position] == "\t" { position += 1 }
      return position
    }

    // MARK: Strings

    /// One or more quoted strings to the end of the line, unescaped and joined.
    private func strings(
      _ scalars: [Unicode.Scalar], from start: Int, at: (Int) -> SourceLocation, after keyword: String? = nil
    ) throws -> [UInt8] {
      var position = skipSpace(scalars, from: start)
      guard position < scalars.count, scalars[position] == "\"" else {
        let found = position < scalars.count ? "'\(Character(scalars[position]))'" : "the end of the line"
        throw malformed(at(position), "expected a quoted string\(keyword.map { " after \($0)" } ?? ""), found \(found)")
      }
      var bytes: [UInt8] = []
      while position < scalars.count {
        guard scalars[position] == "\"" else {
          throw malformed(
            at(position), "unexpected text after the string; a string ends with its closing quote")
        }
        position = try string(scalars, from: position, into: &bytes, at: at)
        position = skipSpace(scalars, from: position)
      }
      return bytes
    }

    /// One quoted string starting at `start` (its opening quote); returns the index after its
    /// closing quote.
    private func string(
      _ scalars: [Unicode.Scalar], from start: Int, into bytes: inout [UInt8], at: (Int) -> SourceLocation
    ) throws -> Int {
      var position = start + 1
      while position < scalars.count {
        let scalar = scalars[position]
        switch scalar {
        case "\"": return position + 1
        case "\\":
          guard position + 1 < scalars.count else { break }
          let escape = scalars[position + 1]
          position += 2
          switch escape {
          case "n": bytes.append(0x0A)
          case "t": bytes.append(0x09)
          case "r": bytes.append(0x0D)
          case "a": bytes.append(0x07)
          case "b": bytes.append(0x08)
          case "f": bytes.append(0x0C)
          case "v": bytes.append(0x0B)
          case "\\", "\"", "'", "?": bytes.append(UInt8(escape.value))
          case "0"..."7":
            // Up to three octal digits, as in C.
            var value = escape.value - 48
            var digits = 1
            while digits < 3, position < scalars.count, ("0"..."7").contains(scalars[position]) {
              value = value * 8 + scalars[position].value - 48
              position += 1
              digits += 1
            }
            guard value <= 0xFF else { throw malformed(at(position - digits - 1), "octal escape above \\377") }
            bytes.append(UInt8(value))
          case "x":
            var value: UInt32 = 0
            var digits = 0
            while position < scalars.count, let digit = Int(String(Character(scalars[position])), radix: 16) {
              value = value &* 16 &+ UInt32(digit)
              position += 1
              digits += 1
            }
            guard digits > 0, digits <= 2 else {
              throw malformed(at(position - digits - 2), "a hex escape takes one or two hex digits (\\x41)")
            }
            bytes.append(UInt8(value))
          default:
            throw malformed(
              at(position - 2),
              "unknown escape '\\\(Character(escape))'; write a backslash as \\\\ (known escapes: \\n \\t \\r \\\" \\\\ \\a \\b \\f \\v, octal \\101 and hex \\x41)"
            )
          }
          continue
        default:
          bytes += Array(String(Character(scalar)).utf8)
        }
        position += 1
      }
      throw malformed(
        at(start),
        "the string is not closed on this line; end it with \" and go on in a new \"...\" on the next line")
    }

    // MARK: Entries

    private mutating func finishEntry(atEnd: Bool) throws {
      defer {
        entry = Entry()
        continued = nil
      }
      guard entry.hasKeyword, let start = entry.start else { return }
      guard let msgid = entry.msgid, let msgstr = entry.msgstr else {
        throw missingMsgstr(at: entry.msgid?.location ?? start)
      }
      let key = try entry.msgctxt.map { try text($0) }
      if entry.obsolete == true {
        warnings.append(
          Diagnostic(
            .warning, code: InterchangeCode.obsolete, at: start,
            "obsolete entry \(key.map { "'\($0)' " } ?? "")(#~) ignored: a tool moved it out of the file's messages; nothing is imported from it",
            key: key))
        return
      }
      let source = try text(msgid)
      let target = try text(msgstr)
      guard let key else {
        if source.isEmpty {
          guard header == nil else {
            throw malformed(start, "a second header entry (msgid \"\" without msgctxt)")
          }
          header = (headerFields(target), start)
          return
        }
        throw failure(
          InterchangeCode.missingKey, start,
          "the entry \"\(source.prefix(40))\" has no msgctxt; netexport reads the message key from msgctxt, so edit only the msgstr of the entries it exported"
        )
      }
      if let first = firstLocation[key] {
        throw failure(
          InterchangeCode.duplicateKey, start, "'\(key)' appears twice (first at \(first)); keep one of the two entries"
        )
      }
      firstLocation[key] = start
      var mark: InterchangeUnit.State?
      var base: String?
      var comments: [String] = []
      for line in entry.translatorComments {
        if line.hasPrefix(PO.baseMark) {
          // `netexport-base: 0123456789abcdef`; another form is a remark, kept as one.
          let digest = line.dropFirst(PO.baseMark.count).dropFirst()
          if line.dropFirst(PO.baseMark.count).first == " ", InterchangeUnit.isDigest(digest), base == nil {
            base = String(digest)
            continue
          }
        }
        guard line.hasPrefix(PO.stateMark) else {
          comments.append(line)
          continue
        }
        // `netexport-state: reviewed 0123456789abcdef`: applies only to the texts it was made for.
        let words = line.dropFirst(PO.stateMark.count).split(separator: " ")
        if words.count == 2, let state = InterchangeUnit.State(rawValue: String(words[0])),
          words[1] == Fingerprint.of(key: key, source: source, target: target)
        {
          mark = state
        }
      }
      let fuzzy = entry.flags.contains("fuzzy")
      // `#. netexport-previous-note: ...` lines are the note the translation was made with.
      var noteLines: [String] = []
      var previousNoteLines: [String] = []
      for line in entry.extractedComments {
        if line.hasPrefix(PO.previousNoteMark) {
          let rest = line.dropFirst(PO.previousNoteMark.count)
          previousNoteLines.append(String(rest.first == " " ? rest.dropFirst() : rest))
        } else {
          noteLines.append(line)
        }
      }
      units.append(
        InterchangeUnit(
          key: key, source: source, target: target,
          note: noteLines.isEmpty ? nil : noteLines.joined(separator: "\n"),
          previousNote: previousNoteLines.isEmpty ? nil : previousNoteLines.joined(separator: "\n"),
          state: PO.state(fuzzy: fuzzy, target: target, mark: mark),
          previousSource: try entry.previous["msgid"].map { try text($0) },
          location: entry.references.isEmpty ? nil : entry.references.joined(separator: " "),
          comment: comments.isEmpty ? nil : comments.joined(separator: "\n"), base: base))
      unitLocations.append(msgstr.location)
    }

    private func text(_ field: Field) throws -> String {
      guard let text = String(validating: field.bytes, as: UTF8.self) else {
        throw malformed(field.location, "the string's escapes do not form UTF-8 text")
      }
      return text
    }

    // MARK: Header

    private func headerFields(_ text: String) -> [(name: String, value: String)] {
      text.unicodeScalars.split(separator: "\n").compactMap { line in
        guard let colon = line.firstIndex(of: ":") else { return nil }
        return (
          String(String.UnicodeScalarView(line[..<colon])).trimmingSpace(),
          String(String.UnicodeScalarView(line[line.index(after: colon)...])).trimmingSpace()
        )
      }
    }

    private func documentFromHeader(
      _ fields: [(name: String, value: String)], at location: SourceLocation
    ) throws -> InterchangeDocument {
      func value(_ name: String) -> String? {
        fields.first { $0.name.lowercased() == name.lowercased() }?.value
      }
      if let contentType = value(HeaderField.contentType),
        let charset = contentType.lowercased().split(separator: "charset=").last.map({ $0.trimmingSpace() }),
        contentType.lowercased().contains("charset="), charset != "utf-8"
      {
        throw failure(
          InterchangeCode.header, location,
          "the file declares charset '\(charset)'; netexport reads UTF-8 only: save the file as UTF-8 (Poedit: Catalog > Properties > Charset)"
        )
      }
      var missing: [String] = []
      let catalog = value(HeaderField.catalog) ?? ""
      let source = value(HeaderField.sourceLanguage) ?? ""
      let target = value(HeaderField.language) ?? ""
      for (name, found) in [
        (HeaderField.catalog, catalog), (HeaderField.sourceLanguage, source), (HeaderField.language, target),
      ] where found.isEmpty {
        missing.append(name)
      }
      guard missing.isEmpty else {
        throw failure(
          InterchangeCode.header, location,
          "the header has no \(missing.joined(separator: ", ")); netexport needs them to know which catalog and languages the file is for: export the file again with 'netexport catalog export'"
        )
      }
      return InterchangeDocument(
        sourceLocale: source, targetLocale: LocaleName.bcp47(target), catalog: catalog, units: units)
    }

    // MARK: Errors

    private func malformed(_ location: SourceLocation, _ message: String) -> DiagnosticError {
      failure(InterchangeCode.malformedPO, location, message)
    }

    private func failure(_ code: FindingCode, _ location: SourceLocation, _ message: String) -> DiagnosticError {
      DiagnosticError(Diagnostic(code: code, at: location, message))
    }
  }
}

extension StringProtocol {
  /// Without spaces and tabs at either end.
  func trimmingSpace() -> String {
    let scalars = Array(unicodeScalars)
    guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
      let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
    else { return "" }
    return String(String.UnicodeScalarView(scalars[first...last]))
  }

  /// Without one leading space: the space gettext writes after `#` and `#.`.
  func droppingOneSpace() -> String {
    unicodeScalars.first == " " ? String(String.UnicodeScalarView(unicodeScalars.dropFirst())) : String(self)
  }
}
