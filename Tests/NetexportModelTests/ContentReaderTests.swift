import Foundation
import NetexportICU
import NetexportModel
import NetexportTestSupport
import Testing

/// The repository's document and the Markdown importer's golden content file read to the
/// values recorded in `Fixtures/records/` (recorded with the `YAMLDecoder`-based reader that
/// the hand-written one replaced).
@Suite struct ContentRecordTests {
  @Test(arguments: [
    ("Documents/neuroendocrine-tumors.yaml", "neuroendocrine-tumors.txt"),
    ("Tests/NetexportImportTests/Fixtures/everything.content.yaml", "everything.txt"),
  ])
  func readsToTheRecordedValues(path: String, record: String) throws {
    let document = try Document.load(Repository.url(path), displayPath: path)
    try DocumentRecord.expect(document, matches: record)
  }
}

/// A content file's mistakes are all reported in one run, each at its file:line:column.
@Suite struct ContentReaderTests {
  static func fixture(_ name: String) throws -> String {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "yaml"))
    return try String(contentsOf: url, encoding: .utf8)
  }

  func problems(_ text: String) -> [String] {
    do {
      _ = try Document.parse(text, file: "doc.yaml")
      return []
    } catch let error as DiagnosticError {
      return error.diagnostics.map(\.description)
    } catch {
      return ["\(error)"]
    }
  }

  @Test func reportsEveryMistakeOfAFileAtOnceInFileOrder() throws {
    let limit = "a number must be less than 10^15 in magnitude (at most 999999999999999), so that it is shown exactly"
    let link =
      "write a full web address (http:// or https://), an e-mail address (mailto:) or a phone number (tel:)"
    let key = "letters, digits, '.', '-' and '_', starting with a letter"
    #expect(
      problems(try Self.fixture("many-mistakes")) == [
        "doc.yaml:3:5: error[invalid-content]: document id 'Leaflet_1' must use only a-z, 0-9 and '-'",
        "doc.yaml:4:16: error[invalid-content]: source-locale 'en-us' is not a canonical BCP 47 language tag; write 'en-US'",
        "doc.yaml:11:24: error[invalid-content]: metadata.reviewed.arguments.reviewed.date: '2025-13-40' is not a calendar date (write YYYY-MM-DD)",
        "doc.yaml:13:3: error[invalid-content]: unknown field 'auther' in metadata (known fields: title, subtitle, byline, reviewed, publisher)",
        "doc.yaml:19:9: error[invalid-content]: unknown field 'paragrah' in a block (known fields: heading, paragraph, list, callout)",
        "doc.yaml:20:9: error[invalid-content]: sections[0].blocks[2] must be a mapping with exactly one of 'heading', 'paragraph', 'list' or 'callout' (for a paragraph, write 'paragraph: before.bare')",
        "doc.yaml:22:18: error[invalid-content]: sections[0].blocks[3].list.items must be a list",
        "doc.yaml:24:18: error[invalid-content]: sections[0].blocks[4].callout.title: '2nd.title' is not a valid message key (\(key))",
        "doc.yaml:26:9: error[invalid-content]: section id 'before' is used twice (first at doc.yaml:15:9)",
        "doc.yaml:27:14: error[invalid-content]: sections[1].heading: expected a message key, or a mapping with 'key' and 'arguments'",
        "doc.yaml:29:5: error[invalid-content]: missing field 'id' in sections[2]",
        "doc.yaml:33:19: error[invalid-content]: sections[2].blocks[0].paragraph.links[0]: 'page.html' is not a link address netexport can show (\(link))",
        "doc.yaml:35:29: error[invalid-content]: sections[2].blocks[0].paragraph.arguments.count.number: infinite or too large; \(limit)",
        "doc.yaml:36:9: error[invalid-content]: sections[2].blocks[1]: a block must have exactly one of 'heading', 'paragraph', 'list' or 'callout' (found 'heading', 'paragraph')",
        "doc.yaml:39:20: error[invalid-content]: sections[2].blocks[2].list.ordered must be true or false",
        "doc.yaml:46:10: error[invalid-content]: term id 'dna' is used twice (first at doc.yaml:45:10)",
        "doc.yaml:47:19: error[invalid-content]: do-not-translate must be a list",
      ])
  }

  /// Each kind of mistake on its own, in the minimal document: the reader reports it, and
  /// nothing else (two problems where there are two).
  @Test(arguments: [
    (
      "id: minimal\n", "",
      "doc.yaml:1:1: error[invalid-content]: missing field 'id' in the document"
    ),
    (
      "  heading: references.heading\n", "",
      "doc.yaml:17:3: error[invalid-content]: missing field 'heading' in references"
    ),
    (
      "    key: reviewed\n", "",
      "doc.yaml:7:5: error[invalid-content]: missing field 'key' in metadata.reviewed"
    ),
    (
      "    arguments:\n", "    argument:\n",
      "doc.yaml:8:5: error[invalid-content]: unknown field 'argument' in a text reference (known fields: key, arguments, links)"
    ),
    (
      "id: minimal\n", "id: minimal\nsection: []\n",
      "doc.yaml:2:1: error[invalid-content]: unknown field 'section' in the document (known fields: id, source-locale, metadata, sections, references, related, terms, abbreviations, do-not-translate)"
    ),
    (
      "  items: []", "  items: references.item",
      "doc.yaml:18:10: error[invalid-content]: references.items must be a list"
    ),
    (
      "  publisher: Example Clinic", "  publisher: [Example Clinic]",
      "doc.yaml:10:14: error[invalid-content]: metadata.publisher must be text"
    ),
    (
      "  - id: only", "  - id: {name: only}",
      "doc.yaml:12:9: error[invalid-content]: sections[0].id must be text"
    ),
    (
      "references:\n  heading: references.heading\n  items: []", "references: references.heading",
      "doc.yaml:16:13: error[invalid-content]: references must be a mapping"
    ),
    (
      "      - paragraph: only.text", "      - only.text",
      "doc.yaml:15:9: error[invalid-content]: sections[0].blocks[0] must be a mapping with exactly one of 'heading', 'paragraph', 'list' or 'callout' (for a paragraph, write 'paragraph: only.text')"
    ),
    (
      "      - paragraph: only.text", "      - {}",
      "doc.yaml:15:9: error[invalid-content]: sections[0].blocks[0]: a block must have exactly one of 'heading', 'paragraph', 'list' or 'callout' (found none)"
    ),
    (
      // The misspelt kind is the one problem: not also "found none".
      "      - paragraph: only.text", "      - paragraf: only.text",
      "doc.yaml:15:9: error[invalid-content]: unknown field 'paragraf' in a block (known fields: heading, paragraph, list, callout)"
    ),
    (
      "      - paragraph: only.text", "      - list: {items: [[only.text]]}",
      "doc.yaml:15:24: error[invalid-content]: sections[0].blocks[0].list.items[0] must be a message key, or a mapping with 'text' and 'detail'"
    ),
    (
      "      - paragraph: only.text", "      - list: {items: [only.text], ordered: maybe}",
      "doc.yaml:15:45: error[invalid-content]: sections[0].blocks[0].list.ordered must be true or false"
    ),
    (
      "  heading: references.heading", "  heading: references heading",
      "doc.yaml:17:12: error[invalid-content]: references.heading: 'references heading' is not a valid message key (letters, digits, '.', '-' and '_', starting with a letter)"
    ),
    (
      "    key: reviewed", "    key: 1.reviewed",
      "doc.yaml:7:10: error[invalid-content]: metadata.reviewed.key: '1.reviewed' is not a valid message key (letters, digits, '.', '-' and '_', starting with a letter)"
    ),
    (
      "id: minimal", "id: Minimal",
      "doc.yaml:1:5: error[invalid-content]: document id 'Minimal' must use only a-z, 0-9 and '-'"
    ),
    (
      "references:", "terms:\n  - {id: DNA, name: term.dna}\nreferences:",
      "doc.yaml:17:10: error[invalid-content]: term id 'DNA' must use only a-z, 0-9 and '-'"
    ),
    (
      "references:", "  - id: only\n    heading: only.heading\n    blocks: []\nreferences:",
      "doc.yaml:16:9: error[invalid-content]: section id 'only' is used twice (first at doc.yaml:12:9)"
    ),
    (
      "references:",
      "abbreviations:\n  - {id: dna, short: abbr.dna, expansion: abbr.dna.expansion}\n  - {id: dna, short: abbr.dna, expansion: abbr.dna.expansion}\nreferences:",
      "doc.yaml:18:10: error[invalid-content]: abbreviation id 'dna' is used twice (first at doc.yaml:17:10)"
    ),
    (
      "      reviewed: {date: 2024-02-29}", "      reviewed: {date: 2025-13-40}",
      "doc.yaml:9:24: error[invalid-content]: metadata.reviewed.arguments.reviewed.date: '2025-13-40' is not a calendar date (write YYYY-MM-DD)"
    ),
    (
      "      reviewed: {date: 2024-02-29}", "      reviewed: {date: tomorrow}",
      "doc.yaml:9:24: error[invalid-content]: metadata.reviewed.arguments.reviewed.date: 'tomorrow' is not a calendar date (write YYYY-MM-DD)"
    ),
    (
      "      reviewed: {date: 2024-02-29}", "      reviewed: 2024-02-29",
      "doc.yaml:9:17: error[invalid-content]: metadata.reviewed.arguments.reviewed must be a mapping with exactly one of 'number', 'date' or 'string'"
    ),
    (
      "      reviewed: {date: 2024-02-29}", "      reviewed: {date: 2024-02-29, number: 1}",
      "doc.yaml:9:17: error[invalid-content]: metadata.reviewed.arguments.reviewed: an argument must have exactly one of 'number', 'date' or 'string'"
    ),
    (
      "      reviewed: {date: 2024-02-29}", "      reviewed: {number: seven}",
      "doc.yaml:9:26: error[invalid-content]: metadata.reviewed.arguments.reviewed.number must be a number"
    ),
    (
      "    arguments:\n      reviewed: {date: 2024-02-29}", "    arguments: [2024-02-29]",
      "doc.yaml:8:16: error[invalid-content]: metadata.reviewed.arguments must be a mapping"
    ),
    (
      "    key: reviewed\n", "    key: reviewed\n    links: [\"https://example.org\", \"example.org\"]\n",
      "doc.yaml:8:36: error[invalid-content]: metadata.reviewed.links[1]: 'example.org' is not a link address netexport can show (write a full web address (http:// or https://), an e-mail address (mailto:) or a phone number (tel:))"
    ),
    (
      // A misspelt field is reported once, as unknown (with the known fields), not also as missing.
      "  publisher: Example Clinic", "  publsher: Example Clinic",
      "doc.yaml:10:3: error[invalid-content]: unknown field 'publsher' in metadata (known fields: title, subtitle, byline, reviewed, publisher)"
    ),
    (
      "id: minimal\nsource-locale: en\nmetadata:", "id: minimal\nsource-locale: en\nmetadta:",
      "doc.yaml:3:1: error[invalid-content]: unknown field 'metadta' in the document (known fields: id, source-locale, metadata, sections, references, related, terms, abbreviations, do-not-translate)"
    ),
    (
      // An unknown field that is not the missing one misspelt: both are reported.
      "  publisher: Example Clinic", "  organisation: Example Clinic",
      "doc.yaml:4:3: error[invalid-content]: missing field 'publisher' in metadata\ndoc.yaml:10:3: error[invalid-content]: unknown field 'organisation' in metadata (known fields: title, subtitle, byline, reviewed, publisher)"
    ),
    (
      // Issue 14: related links, each mistake at its place.
      "  items: []", "  items: []\nrelated: procedures.heading",
      "doc.yaml:19:10: error[invalid-content]: related must be a list"
    ),
    (
      "  items: []", "  items: []\nrelated:\n  - heading: procedures.heading\n    items: []",
      "doc.yaml:21:12: error[invalid-content]: related[0].items must list at least one related topic (leave the group out when there is none)"
    ),
    (
      "  items: []", "  items: []\nrelated:\n  - items: [procedures.chemotherapy]",
      "doc.yaml:20:5: error[invalid-content]: missing field 'heading' in related[0]"
    ),
    (
      "  items: []", "  items: []\nrelated:\n  - heading: procedures.heading\n    links: [procedures.chemotherapy]",
      "doc.yaml:20:5: error[invalid-content]: missing field 'items' in related[0]\ndoc.yaml:21:5: error[invalid-content]: unknown field 'links' in a group of related links (known fields: heading, items)"
    ),
    (
      "  items: []",
      "  items: []\nrelated:\n  - heading: procedures.heading\n    items: [{key: procedures.chemotherapy, links: [chemo.html]}]",
      "doc.yaml:21:52: error[invalid-content]: related[0].items[0].links[0]: 'chemo.html' is not a link address netexport can show (write a full web address (http:// or https://), an e-mail address (mailto:) or a phone number (tel:))"
    ),
    (
      "  - id: only", "  - ib: only",
      "doc.yaml:12:5: error[invalid-content]: unknown field 'ib' in a section (known fields: id, heading, blocks)"
    ),
    (
      "  - id: only", "  - x: only",
      "doc.yaml:12:5: error[invalid-content]: unknown field 'x' in a section (known fields: id, heading, blocks)\ndoc.yaml:12:5: error[invalid-content]: missing field 'id' in sections[0]"
    ),
    (
      "source-locale: en", "source-locale: en-gb",
      "doc.yaml:2:16: error[invalid-content]: source-locale 'en-gb' is not a canonical BCP 47 language tag; write 'en-GB'"
    ),
  ])
  func reportsEachKindOfMistakeAlone(original: String, replacement: String, expected: String) throws {
    let minimal = try Self.fixture("minimal-document")
    let text = minimal.replacingOccurrences(of: original, with: replacement)
    #expect(text != minimal)
    #expect(problems(text).joined(separator: "\n") == expected)
  }

  @Test func refusesADocumentThatIsNotAMapping() {
    #expect(
      problems("- id: minimal\n") == [
        "doc.yaml:1:1: error[invalid-content]: the document must be a mapping with 'id', 'source-locale', 'metadata', 'sections' and 'references' (found a list)"
      ])
  }

  /// Content files are composed without Yams' default resolver; a boolean still reads as
  /// YAML 1.1 (and that resolver) reads one, and nothing else does: not a quoted one, which
  /// is text.
  @Test(arguments: [
    ("true", true), ("True", true), ("yes", true), ("YES", true), ("on", true), ("false", false), ("No", false),
    ("OFF", false),
  ])
  func readsABooleanAsYAMLsDefaultSchemaDoes(written: String, value: Bool) throws {
    let minimal = try Self.fixture("minimal-document")
    let text = minimal.replacingOccurrences(
      of: "      - paragraph: only.text", with: "      - list: {items: [only.text], ordered: \(written)}")
    #expect(text != minimal)
    let document = try Document.parse(text, file: "doc.yaml")
    guard case .list(let list)? = document.sections.first?.blocks.first else {
      Issue.record("no list in \(document.sections)")
      return
    }
    #expect(list.ordered == value)
  }

  @Test(arguments: ["tRUE", "y", "1", "0", "\"\"", "~ x", "truthy", "\"true\"", "'On'"])
  func refusesWhatYAMLsDefaultSchemaDoesNotReadAsABoolean(written: String) throws {
    let minimal = try Self.fixture("minimal-document")
    let text = minimal.replacingOccurrences(
      of: "      - paragraph: only.text", with: "      - list: {items: [only.text], ordered: \(written)}")
    #expect(problems(text).joined().contains("list.ordered must be true or false"))
  }

  /// As before the hand-written reader: an optional field with no value is absent.
  @Test func readsAnOptionalFieldWithoutAValueAsAbsent() throws {
    let minimal = try Self.fixture("minimal-document")
    let text =
      minimal.replacingOccurrences(of: "  title: title\n", with: "  title: title\n  subtitle:\n") + "terms: ~\n"
    let document = try Document.parse(text, file: "doc.yaml")
    #expect(document.metadata.subtitle == nil)
    #expect(document.terms.isEmpty)
  }

  /// The reader visits each node once, so a large file reads in a time proportional to its
  /// size (no timing here: `benchmarks/` is the place for that). `YAMLDecoder`, which it
  /// replaced, scanned a mapping for each of its fields.
  @Test func readsAFileWithTwentyThousandSectionsAndAMappingOfTwentyThousandArguments() throws {
    let document = try Document.parse(Self.generated(sections: 20_000, arguments: 20_000), file: "big.yaml")
    #expect(document.sections.count == 20_000)
    #expect(document.sections.last?.id == "s19999")
    #expect(document.metadata.reviewed.arguments.count == 20_000)
    #expect(document.metadata.reviewed.arguments["a19999"] == .number(19_999))
    guard case .list(let list) = document.sections[12_345].blocks.last else {
      Issue.record("the last block of a section is its list")
      return
    }
    #expect(list.items.last?.detail?.arguments["replies"] == .number(12_345))
  }

  /// A content file with `sections` sections (a paragraph and a list with a detail line each)
  /// and a reviewed date whose message has `arguments` arguments.
  static func generated(sections: Int, arguments: Int) -> String {
    var text =
      "id: big\nsource-locale: en\nmetadata:\n  title: t\n  byline: b\n  reviewed:\n    key: r\n    arguments:\n"
    for index in 0..<arguments { text += "      a\(index): {number: \(index)}\n" }
    text += "  publisher: P\nsections:\n"
    for index in 0..<sections {
      text += """
          - id: s\(index)
            heading: s\(index).heading
            blocks:
              - paragraph: s\(index).text
              - list:
                  lead-in: s\(index).lead-in
                  items:
                    - s\(index).item-1
                    - text: s\(index).item-2
                      detail: {key: s.meta, arguments: {replies: {number: \(index)}, posted: {date: 2025-02-05}}}

        """
    }
    return text + "references: {heading: references.heading, items: []}\n"
  }
}
