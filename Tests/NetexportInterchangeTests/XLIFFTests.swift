import Foundation
import NetexportInterchange
import NetexportModel
import Testing

@Suite struct XLIFFTests {
  static let small = InterchangeDocument(
    sourceLocale: "en", targetLocale: "ar", catalog: "labels",
    units: [
      InterchangeUnit(
        key: "export.page-counter", source: "Page {page, number} of {pages, number}",
        target: "الصفحة {page, number} من {pages, number}", note: "Footer & page <number>.", state: .translated,
        location: "Locales/ar/labels.yaml:12"),
      InterchangeUnit(
        key: "document.reviewed", source: "Reviewed: {reviewed, date, ::yMMMMd}", target: "راجع: {reviewed}",
        state: .needsReview, previousSource: "Checked: {reviewed, date, ::yMMMMd}"),
      InterchangeUnit(key: "document.subtitle", source: "Symptoms\u{7} &\n causes"),
      InterchangeUnit(key: "document.title", source: "Tumors", target: "أورام", state: .reviewed, comment: "OK"),
    ])

  @Test func writesOneUnitPerMessage() throws {
    #expect(
      try XLIFF.write(Self.small) == """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ar">
          <file id="labels" canResegment="no">
            <unit id="export.page-counter">
              <notes>
                <note category="description">Footer &amp; page &lt;number&gt;.</note>
                <note category="netexport:location">Locales/ar/labels.yaml:12</note>
              </notes>
              <segment state="translated">
                <source>Page {page, number} of {pages, number}</source>
                <target>الصفحة {page, number} من {pages, number}</target>
              </segment>
            </unit>
            <unit id="document.reviewed">
              <notes>
                <note category="netexport:previous-source">Checked: {reviewed, date, ::yMMMMd}</note>
              </notes>
              <segment state="initial" subState="netexport:needs-review">
                <source>Reviewed: {reviewed, date, ::yMMMMd}</source>
                <target>راجع: {reviewed}</target>
              </segment>
            </unit>
            <unit id="document.subtitle">
              <segment state="initial">
                <source xml:space="preserve">Symptoms<cp hex="0007"/> &amp;
         causes</source>
              </segment>
            </unit>
            <unit id="document.title">
              <notes>
                <note>OK</note>
              </notes>
              <segment state="reviewed" subState="netexport:reviewed-338d646a49410138">
                <source>Tumors</source>
                <target>أورام</target>
              </segment>
            </unit>
          </file>
        </xliff>

        """)
  }

  @Test func parsingWhatItWroteGivesTheDocumentsBack() throws {
    var labels = Samples.document
    labels.catalog = "labels"
    labels.units = Array(labels.units.reversed())
    for documents in [[Self.small], [Samples.document], [Samples.document, labels]] {
      let text = try XLIFF.write(documents)
      let parsed = try XLIFF.parse(text, file: "es.xlf")
      #expect(parsed.warnings.isEmpty)
      #expect(parsed.documents.map(\.document.catalog) == documents.map(\.catalog))
      for (located, document) in zip(parsed.documents, documents) {
        #expect(exact(located.document.units) == exact(document.units))
        #expect(located.document.sourceLocale == document.sourceLocale)
        #expect(located.document.targetLocale == document.targetLocale)
      }
      #expect(try XLIFF.write(parsed.documents.map(\.document)) == text, "writing what was read changes the file")
      #expect(try XLIFF.write(documents) == text)
    }
  }

  @Test func eachUnitPointsAtItsTarget() throws {
    let parsed = try XLIFF.parse(XLIFF.write(Self.small), file: "ar.xlf")
    #expect(
      parsed.documents[0].unitLocations.map(\.description) == [
        "ar.xlf:11:9", "ar.xlf:20:9", "ar.xlf:24:7", "ar.xlf:35:9",
      ])
    #expect(parsed.documents[0].location.description == "ar.xlf:3:3")
  }

  static func file(_ units: String, root: String = #"version="2.0" srcLang="en" trgLang="es""#) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" \(root)>
      <file id="labels">
    \(units)
      </file>
    </xliff>
    """
  }

  static func segment(_ attributes: String, target: String? = "Tumores") -> String {
    """
        <unit id="document.title">
          <segment \(attributes)>
            <source>Tumors</source>\(target.map { "<target>\($0)</target>" } ?? "")
          </segment>
        </unit>
    """
  }

  /// States as other tools leave them: never read higher than the file says.
  @Test(arguments: [
    (#"state="initial""#, Optional("Tumores"), InterchangeUnit.State.new),
    (#"state="initial" subState="netexport:needs-review""#, "Tumores", .needsReview),
    (#"state="initial" subState="netexport:needs-review""#, nil, .needsReview),
    (#"state="translated" subState="netexport:needs-review""#, "Tumores", .translated),
    (#"state="translated""#, "Tumores", .translated),
    (#"state="reviewed""#, "Tumores", .reviewed),
    (#"state="final""#, "Tumores", .reviewed),
    (#"state="reviewed" subState="memoq:approved""#, "Tumores", .reviewed),
    (#"state="reviewed" subState="netexport:reviewed-5d870ec7e573199b""#, "Tumores", .reviewed),
    (#"state="reviewed" subState="netexport:reviewed-5d870ec7e573199b""#, "Tumores raros", .translated),
    (#"state="final" subState="netexport:reviewed-0000000000000000""#, "Tumores", .translated),
    ("", "Tumores", .new),
  ])
  func readsStatesSafely(attributes: String, target: String?, expected: InterchangeUnit.State) throws {
    let units = try XLIFF.parse(Self.file(Self.segment(attributes, target: target)), file: "f.xlf").documents[0]
      .document.units
    #expect(units.map(\.state) == [expected])
    #expect(units.map(\.target) == [target ?? ""])
  }

  @Test func theReviewedFingerprintIsTheOnePOUses() throws {
    let unit = InterchangeUnit(key: "document.title", source: "Tumors", target: "Tumores", state: .reviewed)
    let document = InterchangeDocument(sourceLocale: "en", targetLocale: "es", catalog: "labels", units: [unit])
    #expect(try XLIFF.write(document).contains(#"subState="netexport:reviewed-5d870ec7e573199b""#))
    #expect(try PO.write(document).contains("# netexport-state: reviewed 5d870ec7e573199b\n"))
  }

  /// A file as CAT tools may save it: CRLF, CDATA, groups, a unit split into segments, extension
  /// elements and file notes (skipped), `&#13;` for a carriage return.
  @Test func readsFilesAsToolsWriteThem() throws {
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" \
      version="2.1" srcLang="en" trgLang="es-419">
        <file id="neuroendocrine-tumors" original="x.yaml">
          <mda:metadata><mda:metaGroup><mda:meta type="tool">OmegaT</mda:meta></mda:metaGroup></mda:metadata>
          <notes><note>A file note.</note></notes>
          <group id="g1">
            <unit id="a.b">
              <notes><note category="description">Line one
      line two</note><note category="x-tool">From the tool.</note></notes>
              <segment id="s1" state="translated"><source>First. </source><target>Primero. </target></segment>
              <ignorable><source>  </source></ignorable>
              <segment id="s2" state="initial"><source><![CDATA[Second <b> & ]]></source><target>Segundo&#13;</target></segment>
            </unit>
          </group>
          <unit id="c"><segment state="final"><source>C</source><target>Ce</target></segment></unit>
        </file>
      </xliff>
      """.replacingOccurrences(of: "\n", with: "\r\n")
    let parsed = try XLIFF.parse(text, file: "es.xlf")
    let document = try #require(parsed.documents.first).document
    #expect(document.catalog == "neuroendocrine-tumors" && document.targetLocale == "es-419")
    #expect(
      exact(document.units)
        == exact([
          InterchangeUnit(
            key: "a.b", source: "First.   Second <b> & ", target: "Primero.   Segundo\r", note: "Line one\nline two",
            state: .new, comment: "From the tool."),
          InterchangeUnit(key: "c", source: "C", target: "Ce", state: .reviewed),
        ]))
  }

  static let unit = segment(#"state="translated""#)

  /// Broken or foreign files, each with its exact message and place.
  @Test(arguments: [
    (
      file(unit.replacingOccurrences(of: "Tumores", with: "Tumores & más")),
      "f.xlf:6:49: error[malformed-xliff]: the file is not well-formed XML: a '<' or '&' without a name after it (write a literal < as &lt; and & as &amp;). Fix the markup at this place, or export the file again"
    ),
    (
      file(unit.replacingOccurrences(of: "</segment>", with: "</segmnt>")),
      "f.xlf:7:16: error[malformed-xliff]: the file is not well-formed XML: a closing tag does not match the element it closes. Fix the markup at this place, or export the file again"
    ),
    ("\n ", "f.xlf:1:1: error[malformed-xliff]: the file is empty; export it again"),
    (
      "<?xml version=\"1.0\"?>\n<!-- nothing -->\n",
      "f.xlf:3:1: error[malformed-xliff]: the file is not well-formed XML: it has no <xliff> element. Fix the markup at this place, or export the file again"
    ),
    (
      file(unit, root: #"version="1.2" srcLang="en" trgLang="es""#),
      "f.xlf:2:1: error[malformed-xliff]: the file is XLIFF 1.2; netexport reads XLIFF 2.0: save it as XLIFF 2.0, or export it again with --format xliff"
    ),
    (
      file(unit, root: #"version="2.0" srcLang="en""#),
      "f.xlf:2:1: error[malformed-xliff]: <xliff> needs srcLang and trgLang (the languages); export the file again"
    ),
    (
      file(unit + "\n" + unit),
      "f.xlf:9:5: error[interchange-duplicate-key]: 'document.title' appears twice (first at f.xlf:4:5); keep one of the two units"
    ),
    (
      file(segment(#"state="translated" subState="needs-review""#)),
      "f.xlf:5:7: error[malformed-xliff]: subState 'needs-review' has no prefix; XLIFF requires 'prefix:value', as netexport:needs-review"
    ),
    (
      file(segment(#"subState="netexport:needs-review""#)),
      "f.xlf:5:7: error[malformed-xliff]: subState 'netexport:needs-review' without a state; XLIFF requires the state to be set with it"
    ),
    (
      file(segment(#"state="done""#)),
      "f.xlf:5:7: error[malformed-xliff]: state 'done' is not one of XLIFF's: initial, translated, reviewed, final"
    ),
    (
      file(unit.replacingOccurrences(of: "<target>Tumores", with: "<target><ph id=\"1\"/>Tumores")),
      "f.xlf:6:40: error[interchange-inline-code]: <ph> inside <target> of unit 'document.title': netexport keeps the ICU text whole, without tags; a tool turned part of it into markup, so type the text with its {...} parts as in the source"
    ),
    (
      file(unit.replacingOccurrences(of: "<unit id=\"document.title\">", with: "<unit>")),
      "f.xlf:4:5: error[malformed-xliff]: <unit> has no id; netexport reads the message key from it"
    ),
    (
      "<!DOCTYPE x [<!ENTITY a \"b\">]>\n" + file(unit),
      "f.xlf:1:1: error[malformed-xliff]: the file has a document type (<!DOCTYPE>), which XLIFF files do not have"
    ),
    (
      // Foundation's XML parser crashed on it (found by the interchange fuzz target).
      file(unit.replacingOccurrences(of: "<segment", with: "<?x?><segment")),
      "f.xlf:5:7: error[malformed-xliff]: the file has a processing instruction with nothing after its name (<?x?>), which netexport's XML reader cannot read; remove it"
    ),
    (
      file(unit.replacingOccurrences(of: "<segment", with: "<?tool \n ?><segment")),
      "f.xlf:5:7: error[malformed-xliff]: the file has a processing instruction with nothing after its name (<?tool \n ?>), which netexport's XML reader cannot read; remove it"
    ),
    (
      file(unit.replacingOccurrences(of: "<target>", with: "<target order=\"2\">")),
      "f.xlf:6:32: error[malformed-xliff]: <target order=...> reorders segments; netexport keeps each message in one segment"
    ),
    (
      file(
        unit.replacingOccurrences(of: "<segment", with: "<segmnt").replacingOccurrences(
          of: "</segment", with: "</segmnt")),
      "f.xlf:5:7: error[malformed-xliff]: unexpected <segmnt> inside <unit>; is this an XLIFF 2.0 file exported by netexport?"
    ),
    (
      file(unit.replacingOccurrences(of: "<segment", with: "stray text<segment")),
      "f.xlf:5:17: error[malformed-xliff]: text outside <source>, <target> and <note>: 'stray text'"
    ),
  ])
  func reportsBrokenFilesAtTheirPlace(text: String, expected: String) {
    #expect(failure { try XLIFF.parse(text, file: "f.xlf") } == expected)
  }

  /// A processing instruction with content is read past, as XML allows.
  @Test func readsPastAProcessingInstructionWithContent() throws {
    let text = try XLIFF.write(Self.small)
    let withInstruction = text.replacingOccurrences(of: "<file", with: "<?tool keep?>\n  <file")
    #expect(withInstruction != text)
    #expect(
      try XLIFF.parse(withInstruction, file: "f.xlf").documents.map(\.document)
        == XLIFF.parse(text, file: "f.xlf").documents.map(\.document))
  }

  @Test func aFileForAnotherLocaleIsRefusedAtItsFileElement() throws {
    let located = try XLIFF.parse(XLIFF.write(Self.small), file: "ar.xlf").documents[0]
    try located.requireMatch(catalog: "labels", sourceLocale: "en", targetLocale: "ar")
    #expect(
      failure { try located.requireMatch(catalog: "labels", sourceLocale: "en", targetLocale: "fa") }
        == "ar.xlf:3:3: error[interchange-wrong-locale]: the file's target language is 'ar', not 'fa'; import it for the locale it was exported for"
    )
  }

  @Test func theWriterRefusesWhatXLIFFCannotHold() {
    let unit = InterchangeUnit(key: "a", source: "A")
    let document = InterchangeDocument(sourceLocale: "en", targetLocale: "es", catalog: "labels", units: [unit])
    var spaced = document
    spaced.units[0].key = "a key"
    var control = document
    control.units[0].note = "bell \u{7}"
    var empty = document
    empty.units = []
    var otherPair = document
    otherPair.catalog = "other"
    otherPair.targetLocale = "fr"
    #expect(
      failure { try XLIFF.write(spaced) }
        == "error[interchange-unrepresentable]: the key 'a key' cannot be an XLIFF unit id (letters, digits, '.', '-', '_' and ':' only)"
    )
    #expect(
      failure { try XLIFF.write(control) }
        == "error[interchange-unrepresentable]: the 'description' note of 'a' contains U+0007, which XML cannot hold outside <source> and <target>"
    )
    #expect(
      failure { try XLIFF.write(empty) }
        == "error[interchange-unrepresentable]: the catalog 'labels' has no messages; an XLIFF file needs at least one")
    #expect(
      failure { try XLIFF.write([document, otherPair]) }
        == "error[interchange-unrepresentable]: one XLIFF file holds one language pair: 'other' is en to fr, 'labels' en to es"
    )
    #expect(
      failure { try XLIFF.write([document, document]) }
        == "error[interchange-unrepresentable]: the catalog 'labels' is given twice")
  }
}
