import Foundation
import NetexportInterchange
import NetexportModel
import Testing

@Suite struct POTests {
  static let small = InterchangeDocument(
    sourceLocale: "en", targetLocale: "pt-BR", catalog: "labels",
    units: [
      InterchangeUnit(
        key: "export.page-counter", source: "Page {page, number} of {pages, number}",
        target: "Página {page, number} de {pages, number}", note: "Footer of every page.\nKeep it short.",
        state: .translated, location: "Locales/pt-BR/labels.yaml:12"),
      InterchangeUnit(
        key: "document.reviewed", source: "Reviewed: {reviewed, date, ::yMMMMd}", target: "Revisado: {reviewed}",
        state: .needsReview, previousSource: "Checked: {reviewed, date, ::yMMMMd}"),
      InterchangeUnit(key: "document.subtitle", source: "Symptoms & causes\nand \"more\""),
      InterchangeUnit(key: "document.title", source: "Neuroendocrine tumors", target: "Tumores", state: .reviewed),
    ])

  @Test func writesTheLayoutGettextWrites() throws {
    #expect(
      try PO.write(Self.small) == #"""
        # netexport catalog 'labels', en to pt-BR.
        # Translate each msgstr. Copy every {argument} of ICU MessageFormat exactly;
        # in {n, plural, ...} and {x, select, ...} translate only the words inside the branches.
        msgid ""
        msgstr ""
        "Project-Id-Version: netexport labels\n"
        "PO-Revision-Date: \n"
        "Last-Translator: \n"
        "Language-Team: \n"
        "Language: pt_BR\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\n"
        "X-Generator: netexport\n"
        "X-Netexport-Catalog: labels\n"
        "X-Netexport-Source-Language: en\n"

        #. Footer of every page.
        #. Keep it short.
        #: Locales/pt-BR/labels.yaml:12
        #, no-c-format, icu-message-format
        msgctxt "export.page-counter"
        msgid "Page {page, number} of {pages, number}"
        msgstr "Página {page, number} de {pages, number}"

        #, fuzzy, no-c-format, icu-message-format
        #| msgid "Checked: {reviewed, date, ::yMMMMd}"
        msgctxt "document.reviewed"
        msgid "Reviewed: {reviewed, date, ::yMMMMd}"
        msgstr "Revisado: {reviewed}"

        #, no-c-format, icu-message-format
        msgctxt "document.subtitle"
        msgid ""
        "Symptoms & causes\n"
        "and \"more\""
        msgstr ""

        # netexport-state: reviewed e337ad0686f60475
        #, no-c-format, icu-message-format
        msgctxt "document.title"
        msgid "Neuroendocrine tumors"
        msgstr "Tumores"

        """#)
  }

  @Test func parsingWhatItWroteGivesTheDocumentBack() throws {
    for document in [Self.small, Samples.document] {
      let text = try PO.write(document)
      let parsed = try PO.parse(text, file: "es.po")
      let located = try #require(parsed.documents.first)
      #expect(parsed.documents.count == 1 && parsed.warnings.isEmpty)
      #expect(exact(located.document.units) == exact(document.units))
      #expect(located.document.catalog == document.catalog)
      #expect(located.document.sourceLocale == document.sourceLocale)
      #expect(located.document.targetLocale == document.targetLocale)
      #expect(try PO.write(located.document) == text, "writing what was read changes the file")
    }
  }

  /// The note a translation was made with travels as `#.` lines after the current note, each
  /// marked, so that Poedit shows both under "Notes for translators" and import reads them apart.
  @Test func aPreviousNoteFollowsTheNoteOnMarkedLines() throws {
    let unit = InterchangeUnit(
      key: "a", source: "A", target: "Á", note: "Footer of every page.\nShort.",
      previousNote: "Footer of the first page.\n\n indented", state: .needsReview)
    let text = try PO.write(
      InterchangeDocument(sourceLocale: "en", targetLocale: "es", catalog: "labels", units: [unit]))
    #expect(
      text.contains(
        """
        #. Footer of every page.
        #. Short.
        #. netexport-previous-note: Footer of the first page.
        #. netexport-previous-note:
        #. netexport-previous-note:  indented
        #, fuzzy, no-c-format, icu-message-format
        msgctxt "a"

        """), "\(text)")
    let parsed = try PO.parse(text, file: "a.po").documents[0].document.units
    #expect(exact(parsed) == exact([unit]))
  }

  /// The digest of the catalog's translation travels as a translator comment; one that is not
  /// a digest is a remark like any other, never a base.
  @Test func theBaseTravelsAsAMarkedComment() throws {
    let digest = InterchangeUnit.digest(key: "a", text: "Á")
    let unit = InterchangeUnit(key: "a", source: "A", target: "Á", state: .translated, base: digest)
    let text = try PO.write(
      InterchangeDocument(sourceLocale: "en", targetLocale: "es", catalog: "labels", units: [unit]))
    #expect(text.contains("# netexport-base: \(digest)\n#, no-c-format"), "\(text)")
    #expect(exact(try PO.parse(text, file: "a.po").documents[0].document.units) == exact([unit]))
    let edited = text.replacingOccurrences(of: "# netexport-base: \(digest)", with: "# netexport-base: changed by hand")
    let parsed = try PO.parse(edited, file: "a.po").documents[0].document.units[0]
    #expect(parsed.base == nil)
    #expect(parsed.comment == "netexport-base: changed by hand")
  }

  @Test func theSameDocumentGivesTheSameBytes() throws {
    #expect(try PO.write(Samples.document) == PO.write(Samples.document))
    #expect(try PO.template(Samples.document) == PO.template(Samples.document))
  }

  @Test func eachUnitPointsAtItsMsgstr() throws {
    let parsed = try PO.parse(PO.write(Self.small), file: "pt-BR.po")
    #expect(
      parsed.documents[0].unitLocations.map(\.description) == [
        "pt-BR.po:24:1", "pt-BR.po:30:1", "pt-BR.po:37:1", "pt-BR.po:43:1",
      ])
    #expect(parsed.documents[0].location.description == "pt-BR.po:1:1")
    #expect(parsed.documents[0].location(of: "document.title").description == "pt-BR.po:43:1")
  }

  /// A state the file cannot say by itself counts only while the texts are those it was
  /// written for; otherwise the unit is what gettext's own marks say, never more.
  @Test(arguments: [
    // (what the translator or a tool did to the "document.title" entry (reviewed), the state read back)
    ("untouched", InterchangeUnit.State.reviewed),
    ("msgstr edited", .translated),
    ("mark lost", .translated),
    ("fuzzy added", .needsReview),
    ("msgstr emptied", .new),
  ])
  func aReviewedMarkStopsCountingWhenTheTextChanges(edit: String, expected: InterchangeUnit.State) throws {
    var text = try PO.write(Self.small)
    switch edit {
    case "msgstr edited": text = text.replacingOccurrences(of: #"msgstr "Tumores""#, with: #"msgstr "Tumores raros""#)
    case "mark lost": text = text.replacingOccurrences(of: "# netexport-state: reviewed e337ad0686f60475\n", with: "")
    case "fuzzy added":
      text = text.replacingOccurrences(
        of: "#, no-c-format, icu-message-format\nmsgctxt \"document.title\"",
        with: "#, fuzzy, no-c-format, icu-message-format\nmsgctxt \"document.title\"")
    case "msgstr emptied": text = text.replacingOccurrences(of: #"msgstr "Tumores""#, with: #"msgstr """#)
    default: break
    }
    let units = try PO.parse(text, file: "pt-BR.po").documents[0].document.units
    #expect(units.first { $0.key == "document.title" }?.state == expected)
  }

  @Test func draftsAndEmptyStatesFallBackToWhatGettextSays() throws {
    let document = InterchangeDocument(
      sourceLocale: "en", targetLocale: "es", catalog: "labels",
      units: [
        InterchangeUnit(key: "a", source: "A", target: "Borrador", state: .new),
        InterchangeUnit(key: "b", source: "B", state: .needsReview),
        InterchangeUnit(key: "c", source: "C", state: .translated),
      ])
    let text = try PO.write(document)
    // The translator confirms the draft (Poedit removes the fuzzy flag): translated.
    let confirmed = text.replacingOccurrences(
      of: "#, fuzzy, no-c-format, icu-message-format\nmsgctxt \"a\"",
      with: "#, no-c-format, icu-message-format\nmsgctxt \"a\"")
    #expect(try PO.parse(confirmed, file: "f.po").documents[0].document.units[0].state == .translated)
    // The translator fills the empty entries: their marks no longer match, gettext decides.
    let filled = text.replacingOccurrences(of: "msgid \"B\"\nmsgstr \"\"", with: "msgid \"B\"\nmsgstr \"Be\"")
      .replacingOccurrences(of: "msgid \"C\"\nmsgstr \"\"", with: "msgid \"C\"\nmsgstr \"Ce\"")
    let units = try PO.parse(filled, file: "f.po").documents[0].document.units
    #expect(units.map(\.state) == [.new, .needsReview, .translated])
    // Without any marks: a fuzzy draft is needs-review, empty ones new.
    let bare = text.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.hasPrefix("# netexport-state:") }.joined(separator: "\n")
    #expect(try PO.parse(bare, file: "f.po").documents[0].document.units.map(\.state) == [.needsReview, .new, .new])
  }

  /// A file as gettext, Poedit and Windows editors leave it: BOM, CRLF, strings split anywhere,
  /// every escape, flags in another order, `#| msgctxt`, a reordered header with more
  /// fields, an obsolete entry.
  @Test func readsFilesAsToolsWriteThem() throws {
    let text =
      "\u{FEFF}# Translation of labels.\r\n"
        + #"""
        msgid ""
        msgstr ""
        "X-Netexport-Source-Language: en\n"
        "Plural-Forms: nplurals=2; plural=(n > 1);\n"
        "Language: pt_BR\n"
        "Content-Type: text/plain; charset=utf-8\n"
        "Last-Translator: Ana Souza <ana@example.org>\n"
        "X-Poedit-SourceCharset: UTF-8\n"
        "X-Netexport-Catalog: "
        "labels\n"

        # Checked with the nurse.
        #: Locales/pt-BR/labels.yaml:12
        #: second.yaml:3
        #, icu-message-format, fuzzy,c-format
        #| msgctxt "export.page-count"
        #| msgid "Page {page} of "
        #| "{pages}"
        msgctxt "export."
        "page-counter"
        msgid ""
        "Page {page} of {pages}\t\a\b\f\v\r\\\"\'\?"
        msgstr "P\303\241gina {page} de {pages} \x41\101\0101" "!"

        #~ msgctxt "gone"
        #~ msgid "Gone"
        #~ msgstr "Ido"

        """#.replacingOccurrences(of: "\n", with: "\r\n")
    let parsed = try PO.parse(text, file: "pt-BR.po")
    let document = try #require(parsed.documents.first).document
    #expect(document.catalog == "labels" && document.sourceLocale == "en" && document.targetLocale == "pt-BR")
    #expect(
      exact(document.units)
        == exact([
          InterchangeUnit(
            key: "export.page-counter", source: "Page {page} of {pages}\t\u{07}\u{08}\u{0C}\u{0B}\r\\\"'?",
            target: "Página {page} de {pages} AA\u{08}1!", state: .needsReview,
            previousSource: "Page {page} of {pages}",
            location: "Locales/pt-BR/labels.yaml:12 second.yaml:3", comment: "Checked with the nurse.")
        ]))
    #expect(parsed.documents[0].unitLocations.map(\.description) == ["pt-BR.po:24:1"])
    #expect(
      parsed.warnings.map(\.description) == [
        "pt-BR.po:26:4: warning[interchange-obsolete]: obsolete entry 'gone' (#~) ignored: a tool moved it out of the file's messages; nothing is imported from it"
      ])
  }

  @Test func refusesPluralEntries() {
    let header = try! PO.write(
      InterchangeDocument(sourceLocale: "en", targetLocale: "es", catalog: "labels", units: []))
    #expect(
      failure {
        try PO.parse(
          header + "\nmsgctxt \"replies\"\nmsgid \"# reply\"\nmsgid_plural \"# replies\"\nmsgstr[0] \"# respuesta\"\n",
          file: "es.po")
      }
        == "es.po:20:1: error[interchange-plural]: 'replies' is a plural entry (msgid_plural); netexport keeps plurals inside the ICU message ({count, plural, one {...} other {...}}) in one msgid and one msgstr: export the file again and translate the whole message in msgstr"
    )
    #expect(
      failure { try PO.parse(header + "\nmsgid \"# reply\"\n  msgstr[0] \"# respuesta\"\n", file: "es.po") }
        == "es.po:19:3: error[interchange-plural]: this is a plural entry (msgstr[n]); netexport keeps plurals inside the ICU message ({count, plural, one {...} other {...}}) in one msgid and one msgstr: export the file again and translate the whole message in msgstr"
    )
  }

  static let header = """
    msgid ""
    msgstr ""
    "Language: es\\n"
    "X-Netexport-Catalog: labels\\n"
    "X-Netexport-Source-Language: en\\n"

    """

  /// Broken files, each with the exact message at its line and column (after the 5-line header).
  @Test(arguments: [
    (
      "msgctxt \"a\"\nmsgid \"Open\nmsgstr \"\"\n",
      "f.po:7:7: error[malformed-po]: the string is not closed on this line; end it with \" and go on in a new \"...\" on the next line"
    ),
    (
      "msgctxt \"a\"\nmsgid \"A \\q\"\nmsgstr \"\"\n",
      #"f.po:7:10: error[malformed-po]: unknown escape '\q'; write a backslash as \\ (known escapes: \n \t \r \" \\ \a \b \f \v, octal \101 and hex \x41)"#
    ),
    (
      "msgctxt \"a\"\nmsgid \"A\" x\nmsgstr \"\"\n",
      "f.po:7:11: error[malformed-po]: unexpected text after the string; a string ends with its closing quote"
    ),
    ("msgctxt \"a\"\nmsgstr \"A\"\n", "f.po:7:1: error[malformed-po]: msgstr must follow msgid"),
    (
      "msgctxt \"a\"\nmsgid \"A\"\nmsgid \"B\"\n",
      "f.po:8:1: error[malformed-po]: the entry starting at line 7 has no msgstr; add msgstr \"\""
    ),
    (
      "msgctxt \"a\"\nmsgid \"A\"\n# comment\nmsgstr \"\"\n",
      "f.po:8:1: error[malformed-po]: the entry starting at line 7 has no msgstr; add msgstr \"\""
    ),
    (
      "msgid \"A\"\nmsgstr \"\"\n",
      "f.po:6:1: error[interchange-missing-key]: the entry \"A\" has no msgctxt; netexport reads the message key from msgctxt, so edit only the msgstr of the entries it exported"
    ),
    (
      "msgctxt \"a\"\nmsgid \"A\"\nmsgstr \"\"\n\n#. again\nmsgctxt \"a\"\nmsgid \"A\"\nmsgstr \"\"\n",
      "f.po:10:1: error[interchange-duplicate-key]: 'a' appears twice (first at f.po:6:1); keep one of the two entries"
    ),
    (
      "msgctxt \"a\"\nmsgid \"\\303\"\nmsgstr \"\"\n",
      "f.po:7:1: error[malformed-po]: the string's escapes do not form UTF-8 text"
    ),
    (
      "msgctxt \"a\"\nmsgid \"A\"\n\"B\"\nmsgstr \"\"\nmsgstr \"\"\n",
      "f.po:10:1: error[malformed-po]: msgstr must follow msgid"
    ),
    ("#. note\n\"A\"\n", "f.po:7:1: error[malformed-po]: a string must follow msgctxt, msgid or msgstr"),
    ("msgtxt \"a\"\n", "f.po:6:1: error[malformed-po]: unknown keyword 'msgtxt'; expected msgctxt, msgid or msgstr"),
    (
      "msgctxt \"a\"\nmsgid \"A\"\nmsgstr \"\\x\"\n",
      #"f.po:8:9: error[malformed-po]: a hex escape takes one or two hex digits (\x41)"#
    ),
    (
      "msgctxt \"a\"\nmsgid \"A\"\n= \"\"\n",
      "f.po:8:1: error[malformed-po]: expected msgctxt, msgid, msgstr, a quoted string or a comment starting with '#', found '='"
    ),
  ])
  func reportsBrokenFilesAtTheirLineAndColumn(body: String, expected: String) {
    #expect(failure { try PO.parse(Self.header + body, file: "f.po") } == expected)
  }

  @Test(arguments: [
    (
      "msgctxt \"a\"\nmsgid \"A\"\nmsgstr \"\"\n",
      "f.po:1:1: error[interchange-header]: the file has no header entry (msgid \"\" with the fields netexport writes); export the file again with 'netexport catalog export'"
    ),
    (
      "# A header\nmsgid \"\"\nmsgstr \"Language: es\\n\"\n",
      "f.po:1:1: error[interchange-header]: the header has no X-Netexport-Catalog, X-Netexport-Source-Language; netexport needs them to know which catalog and languages the file is for: export the file again with 'netexport catalog export'"
    ),
    (
      "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\nLanguage: es\\n\"\n",
      "f.po:1:1: error[interchange-header]: the file declares charset 'iso-8859-1'; netexport reads UTF-8 only: save the file as UTF-8 (Poedit: Catalog > Properties > Charset)"
    ),
    (
      Self.header + "\nmsgid \"\"\nmsgstr \"\"\n",
      "f.po:7:1: error[malformed-po]: a second header entry (msgid \"\" without msgctxt)"
    ),
  ])
  func refusesFilesWithoutNetexportsHeader(text: String, expected: String) {
    #expect(failure { try PO.parse(text, file: "f.po") } == expected)
  }

  @Test func aFileForAnotherCatalogOrLocaleIsRefusedAtItsHeader() throws {
    let located = try PO.parse(PO.write(Self.small), file: "pt-BR.po").documents[0]
    try located.requireMatch(catalog: "labels", sourceLocale: "en", targetLocale: "pt-br")
    #expect(
      failure { try located.requireMatch(catalog: "neuroendocrine-tumors", sourceLocale: "en", targetLocale: "es") }
        == """
        pt-BR.po:1:1: error[interchange-wrong-catalog]: the file is for catalog 'labels', not 'neuroendocrine-tumors'; import it into the catalog it was exported from
        pt-BR.po:1:1: error[interchange-wrong-locale]: the file's target language is 'pt-BR', not 'es'; import it for the locale it was exported for
        """)
  }

  @Test func theWriterRefusesWhatPOCannotHold() {
    let unit = InterchangeUnit(key: "a", source: "A")
    let document = { (unit: InterchangeUnit) in
      InterchangeDocument(sourceLocale: "en", targetLocale: "es", catalog: "labels", units: [unit])
    }
    var nul = unit
    nul.target = "A\u{0}B"
    var separator = unit
    separator.source = "A\u{4}"
    var carriageReturn = unit
    carriageReturn.note = "line\r\nline"
    var reserved = unit
    reserved.comment = "fine\nnetexport-state: reviewed 0"
    var backslash = unit
    backslash.note = "A Windows folder: C:\\\nnext line"
    var reservedBase = unit
    reservedBase.comment = "netexport-base: 0123456789abcdef"
    var badBase = unit
    badBase.base = "not a digest"
    var reservedNote = unit
    reservedNote.note = "fine\nnetexport-previous-note: an earlier note"
    #expect(
      failure { try PO.write(document(nul)) }
        == "error[interchange-unrepresentable]: the msgstr of 'a' contains NUL, which gettext cannot hold in a string")
    #expect(
      failure { try PO.write(document(separator)) }
        == "error[interchange-unrepresentable]: the msgid of 'a' contains U+0004, which gettext cannot hold in a string"
    )
    #expect(
      failure { try PO.write(document(carriageReturn)) }
        == "error[interchange-unrepresentable]: the note of 'a' contains a carriage return, which a PO comment cannot hold"
    )
    #expect(
      failure { try PO.write(document(reserved)) }
        == "error[interchange-unrepresentable]: the comment of 'a' has a line starting 'netexport-state:', which netexport reserves"
    )
    #expect(
      failure { try PO.write(document(backslash)) }
        == "error[interchange-unrepresentable]: the note of 'a' has a line ending with a backslash, which gettext's tools join to the next line; add a character after it"
    )
    #expect(
      failure { try PO.write(document(reservedBase)) }
        == "error[interchange-unrepresentable]: the comment of 'a' has a line starting 'netexport-base:', which netexport reserves"
    )
    #expect(
      failure { try PO.write(document(badBase)) }
        == "error[interchange-unrepresentable]: the base of 'a' is not 16 hexadecimal digits")
    #expect(
      failure { try PO.write(document(reservedNote)) }
        == "error[interchange-unrepresentable]: the note of 'a' has a line starting 'netexport-previous-note:', which netexport reserves"
    )
  }
}
