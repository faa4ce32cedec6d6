import NetexportModel

extension PO {
  /// Writes a document as a PO file, laid out as gettext's tools write one with `--no-wrap`
  /// (a string with line feeds inside is split after each, behind an empty first line), so
  /// `msgcat --no-wrap` changes nothing but the flags it does not know.
  ///
  /// The same document always gives the same bytes: the header has no dates.
  /// - Throws: `DiagnosticError` with `interchange-unrepresentable` for a text PO cannot hold:
  ///   NUL or U+0004 (gettext's context separator) in a string, a carriage return or NUL in a
  ///   note, comment or location, a line feed in the catalog name or a locale.
  public static func write(_ document: InterchangeDocument) throws -> String {
    var writer = Writer(document: document, template: false)
    return try writer.write()
  }

  /// Writes the POT template of a document: every `msgstr` empty, no states, no previous
  /// English, no translator comments. The file `msgmerge` updates a translation with.
  public static func template(_ document: InterchangeDocument) throws -> String {
    var writer = Writer(document: document, template: true)
    return try writer.write()
  }

  private struct Writer {
    let document: InterchangeDocument
    let template: Bool
    var output = ""

    init(document: InterchangeDocument, template: Bool) {
      self.document = document
      self.template = template
    }

    mutating func write() throws -> String {
      for (name, value) in [
        ("catalog", document.catalog), ("source language", document.sourceLocale),
        ("target language", document.targetLocale),
      ] where value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
        throw unrepresentable("the \(name) '\(value)' contains a control character")
      }
      output += "# netexport catalog '\(document.catalog)', \(document.sourceLocale) to \(document.targetLocale).\n"
      output += "# Translate each msgstr. Copy every {argument} of ICU MessageFormat exactly;\n"
      output += "# in {n, plural, ...} and {x, select, ...} translate only the words inside the branches.\n"
      let header = [
        ("Project-Id-Version", "netexport \(document.catalog)"),
        ("PO-Revision-Date", ""),
        ("Last-Translator", ""),
        ("Language-Team", ""),
        (HeaderField.language, LocaleName.gettext(document.targetLocale)),
        ("MIME-Version", "1.0"),
        (HeaderField.contentType, "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
        ("X-Generator", "netexport"),
        (HeaderField.catalog, document.catalog),
        (HeaderField.sourceLanguage, document.sourceLocale),
      ]
      output += "msgid \"\"\n"
      try string("msgstr", header.map { "\($0): \($1)\n" }.joined(), key: nil)
      for unit in document.units { try write(unit) }
      return output
    }

    private mutating func write(_ unit: InterchangeUnit) throws {
      output += "\n"
      let target = template ? "" : unit.target
      if !template {
        if let state = PO.mark(for: unit) {
          let fingerprint = Fingerprint.of(key: unit.key, source: unit.source, target: unit.target)
          output += "# \(PO.stateMark) \(state.rawValue) \(fingerprint)\n"
        }
        if let base = unit.base {
          guard InterchangeUnit.isDigest(base) else {
            throw unrepresentable("the base of '\(unit.key)' is not 16 hexadecimal digits")
          }
          output += "# \(PO.baseMark) \(base)\n"
        }
        if let comment = unit.comment {
          for line in try lines(of: comment, field: "comment", key: unit.key) {
            for mark in [PO.stateMark, PO.baseMark] where line.hasPrefix(mark) {
              throw unrepresentable(
                "the comment of '\(unit.key)' has a line starting '\(mark)', which netexport reserves")
            }
            output += line.isEmpty ? "#\n" : "# \(line)\n"
          }
        }
      }
      if let note = unit.note {
        for line in try lines(of: note, field: "note", key: unit.key) {
          if line.hasPrefix(PO.previousNoteMark) {
            throw unrepresentable(
              "the note of '\(unit.key)' has a line starting '\(PO.previousNoteMark)', which netexport reserves")
          }
          output += line.isEmpty ? "#.\n" : "#. \(line)\n"
        }
      }
      if !template, let previous = unit.previousNote {
        for line in try lines(of: previous, field: "previous note", key: unit.key) {
          output += line.isEmpty ? "#. \(PO.previousNoteMark)\n" : "#. \(PO.previousNoteMark) \(line)\n"
        }
      }
      if let location = unit.location {
        // gettext reads references as words: runs of white space become one space.
        let words = try lines(of: location, field: "location", key: unit.key).joined(separator: " ")
          .split(whereSeparator: { $0 == " " || $0 == "\t" })
        if !words.isEmpty { output += "#: \(words.joined(separator: " "))\n" }
      }
      let fuzzy = !template && (unit.state == .needsReview || (unit.state == .new && !unit.target.isEmpty))
      output += "#, \(((fuzzy ? ["fuzzy"] : []) + PO.formatFlags).joined(separator: ", "))\n"
      if !template, let previous = unit.previousSource {
        try string("msgid", previous, key: unit.key, prefix: "#| ")
      }
      try string("msgctxt", unit.key, key: unit.key)
      try string("msgid", unit.source, key: unit.key)
      try string("msgstr", target, key: unit.key)
    }

    /// `keyword "text"`, or, when the text has line feeds before its end, `keyword ""`
    /// followed by one quoted line per line of text, as gettext writes it.
    private mutating func string(_ keyword: String, _ text: String, key: String?, prefix: String = "") throws {
      var chunks: [String] = []
      var chunk = ""
      for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": chunk += "\\\\"
        case "\"": chunk += "\\\""
        case "\n":
          chunk += "\\n"
          chunks.append(chunk)
          chunk = ""
        case "\t": chunk += "\\t"
        case "\r": chunk += "\\r"
        case "\u{07}": chunk += "\\a"
        case "\u{08}": chunk += "\\b"
        case "\u{0C}": chunk += "\\f"
        case "\u{0B}": chunk += "\\v"
        case "\u{00}", "\u{04}":
          let name = scalar == "\u{00}" ? "NUL" : "U+0004"
          throw unrepresentable(
            "the \(keyword) of '\(key ?? "header")' contains \(name), which gettext cannot hold in a string")
        default: chunk.unicodeScalars.append(scalar)
        }
      }
      if !chunk.isEmpty || chunks.isEmpty { chunks.append(chunk) }
      if chunks.count == 1 {
        output += "\(prefix)\(keyword) \"\(chunks[0])\"\n"
      } else {
        output += "\(prefix)\(keyword) \"\"\n"
        for chunk in chunks { output += "\(prefix)\"\(chunk)\"\n" }
      }
    }

    /// The lines of a comment's text; a comment line cannot hold a carriage return or NUL, nor
    /// end with a backslash.
    private func lines(of text: String, field: String, key: String) throws -> [String] {
      if let bad = text.unicodeScalars.first(where: { $0 == "\r" || $0 == "\0" }) {
        throw unrepresentable(
          "the \(field) of '\(key)' contains \(bad == "\r" ? "a carriage return" : "NUL"), which a PO comment cannot hold"
        )
      }
      let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
        String(String.UnicodeScalarView($0))
      }
      // gettext's tools read a backslash at the end of any line as joining it to the next,
      // which would swallow the flags line after a note.
      if lines.contains(where: { $0.unicodeScalars.last == "\\" }) {
        throw unrepresentable(
          "the \(field) of '\(key)' has a line ending with a backslash, which gettext's tools join to the next line; add a character after it"
        )
      }
      return lines
    }

    private func unrepresentable(_ message: String) -> DiagnosticError {
      DiagnosticError(Diagnostic(code: InterchangeCode.unrepresentable, at: nil, message))
    }
  }
}
