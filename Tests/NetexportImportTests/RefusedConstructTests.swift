import Foundation
import NetexportModel
import Testing

@testable import NetexportImport

/// Everything netexport cannot show is an error naming file:line:column and what to do, never
/// a silent drop. One fixture per construct in Fixtures/refused/, most of them the same small
/// handout (front matter, "## Section", "Text.") with the construct from line 12.
@Suite struct RefusedConstructTests {
  static let cases: [(String, [String])] = [
    (
      "callout-title-only",
      [
        "12:1: error[markdown-structure]: this call-out has a title but no text; write its text on the next line ('> ...'), or make the title a paragraph"
      ]
    ),
    (
      "callout-with-list",
      [
        "14:3: error[markdown-unsupported]: list inside a block quote: a call-out holds paragraphs only; put the list after the call-out"
      ]
    ),
    (
      "code-block",
      [
        "12:1: error[markdown-unsupported]: code block: handouts have no code formatting; write the text as paragraphs or a list"
      ]
    ),
    (
      "code-span",
      [
        "12:6: error[markdown-unsupported]: code span `yes`: handouts have no code formatting; write the text without backticks (use **bold** to make it stand out)"
      ]
    ),
    (
      "content-before-section",
      [
        "10:1: error[markdown-structure]: text before the first ## heading: a handout's body is made of sections; put it under a ## heading"
      ]
    ),
    ("empty-heading", ["12:1: error[markdown-structure]: empty ## heading; write its text, or remove the line"]),
    (
      "empty-link",
      ["12:6: error[markdown-link]: the link to 'https://example.org' has no text; write the words a reader follows"]
    ),
    (
      "empty-section",
      ["12:1: error[markdown-structure]: the section 'Empty' is empty; add text under it, or remove the heading"]
    ),
    (
      "empty-subheading",
      [
        "12:1: error[markdown-structure]: the ### heading 'Nothing here' has nothing under it; add text under it, or remove it"
      ]
    ),
    (
      "footnote",
      [
        "12:21: error[markdown-unsupported]: footnote reference: handouts have no footnotes; put the note's text in the paragraph, or list the source under 'references' in the front matter",
        "14:1: error[markdown-unsupported]: footnote: handouts have no footnotes; put the note's text in a paragraph, or list the source under 'references' in the front matter",
      ]
    ),
    (
      "front-matter-bad-date",
      [
        "5:11: error[markdown-front-matter]: 'reviewed' must be the date the content was last reviewed, as YYYY-MM-DD (found 'June 2025')"
      ]
    ),
    (
      "front-matter-duplicate",
      ["4:1: error[markdown-front-matter]: the front matter has the field 'title' twice; keep one"]
    ),
    (
      "front-matter-missing",
      [
        "1:1: error[markdown-front-matter]: the front matter has no 'byline': add 'byline: ...' (who wrote the handout, e.g. 'By the Cancer Center staff')",
        "1:1: error[markdown-front-matter]: the front matter has no 'publisher': add 'publisher: ...' (the organisation that publishes the handout)",
        "1:1: error[markdown-front-matter]: the front matter has no 'reviewed': add 'reviewed: ...' (the date the content was last reviewed, as YYYY-MM-DD)",
      ]
    ),
    (
      "front-matter-related",
      [
        "7:5: error[markdown-front-matter]: related group 1 has no 'heading': write the source's own label for the links, such as 'Associated procedures'",
        "9:12: error[markdown-front-matter]: 'items' of related group 2 must be a list, one '- ' line per entry",
        "12:9: error[markdown-front-matter]: item 1 of related group 3 reads as a Markdown # heading rather than text; put a backslash before the character that starts it (for example '2019\\. ...')",
        "13:9: error[markdown-link]: item 2 of related group 3: the link address 'mri.html' cannot be followed from a handout; write a full web address (http:// or https://), an e-mail address (mailto:) or a phone number (tel:)",
        "14:29: error[markdown-front-matter]: 'items' of related group 4 is empty: list the title of each related page",
        "14:33: error[markdown-front-matter]: unknown field 'links' in related group 4 (known fields: heading, items)",
      ]
    ),
    (
      "front-matter-term",
      [
        "7:21: error[markdown-front-matter]: unknown field 'meaning' in term 1 (known fields: id, term, definition)",
        "8:5: error[markdown-front-matter]: term 2 has no 'term': write the term as it appears in the text",
        "10:5: error[markdown-front-matter]: abbreviation 1 has no 'expansion': an abbreviation needs both the short form and what it stands for",
      ]
    ),
    (
      "front-matter-unclosed",
      [
        "1:1: error[markdown-front-matter]: the front matter that starts here has no closing '---' line; end the fields with a line '---' before the text"
      ]
    ),
    (
      "front-matter-unknown-field",
      [
        "6:1: error[markdown-front-matter]: unknown field 'author' in the front matter (known fields: id, title, subtitle, byline, publisher, reviewed, references, related, terms, abbreviations, do-not-translate)"
      ]
    ),
    (
      "heading-skips-level",
      ["12:1: error[markdown-structure]: this #### heading follows a ## heading and skips a level; use ###"]
    ),
    (
      "heading-too-deep",
      [
        "16:1: error[markdown-unsupported]: #### heading: handouts have two heading levels under the title (## sections and ### subheadings); use ###, or make the line **bold**"
      ]
    ),
    (
      "html-block",
      [
        "12:1: error[markdown-unsupported]: raw HTML: netexport reads Markdown only; use **bold** for emphasis and [text](address) for links, or remove it"
      ]
    ),
    (
      "html-comment",
      [
        "12:1: error[markdown-unsupported]: HTML comment: netexport would drop it without a trace; remove it, or make it text of the handout"
      ]
    ),
    // cmark-gfm counts the columns after a backslash line break in a link's text on from the
    // line before (found by the fuzzer): the tag is on line 11.
    (
      "html-after-line-break-in-link",
      [
        "11:4: error[markdown-unsupported]: raw HTML '<?pi x?>': netexport reads Markdown only; use **bold** for emphasis and [text](address) for links, or remove the tag"
      ]
    ),
    // The same paragraph's inline nodes are counted from line 0 too (raw HTML at 1:0): they
    // are placed at the paragraph (found by the fuzzer).
    (
      "html-in-text-before-table",
      [
        "10:1: error[markdown-unsupported]: HTML comment: netexport would drop it without a trace; remove it, or make it text of the handout",
        "11:1: error[markdown-unsupported]: table: large print and audio cannot show a table; write each row as a list item (for example '- **Name**: value') or as a paragraph",
      ]
    ),
    // No export carries a noncharacter: the handout would link elsewhere (found by the fuzzer).
    (
      "link-noncharacter",
      [
        "10:10: error[markdown-link]: the link address 'https://example.or\u{FFFF}g/' cannot be followed from a handout; write a full web address (http:// or https://), an e-mail address (mailto:) or a phone number (tel:)"
      ]
    ),
    // A combining mark after <b> joins the tag's '>' into one character: the tag would read as
    // text and the tags would not pair up (found by the fuzzer).
    (
      "mark-next-to-bold",
      [
        "10:1: error[markdown-unsupported]: U+05BA stands right next to bold or a link and joins its markup into one character, so the markup would show as text; put it next to a letter inside the text"
      ]
    ),
    (
      "html-inline",
      [
        "12:9: error[markdown-unsupported]: raw HTML '<span>': netexport reads Markdown only; use **bold** for emphasis and [text](address) for links, or remove the tag",
        "12:20: error[markdown-unsupported]: raw HTML '</span>': netexport reads Markdown only; use **bold** for emphasis and [text](address) for links, or remove the tag",
      ]
    ),
    (
      "image",
      [
        "12:14: error[markdown-unsupported]: image 'map.png': netexport's exports are text (large print, plain text, audio); describe what the picture shows in words, or leave it out"
      ]
    ),
    (
      "indented-code",
      [
        "12:5: error[markdown-unsupported]: code block: handouts have no code formatting; write the text as paragraphs or a list"
      ]
    ),
    (
      "item-three-paragraphs",
      [
        "16:3: error[markdown-structure]: a list item has at most two paragraphs (its text and one line of detail); make this a paragraph after the list, or a list item of its own"
      ]
    ),
    (
      "list-start",
      [
        "12:1: error[markdown-structure]: this numbered list starts at 3, but handouts number every list from 1; start it at 1, or if it continues the list above, join the two lists (remove what separates them)"
      ]
    ),
    (
      "markup-lookalike",
      [
        "12:1: error[markdown-unsupported]: the text '<b>' would be read as netexport's own markup (<b>, <linkN>); write it differently, for example without the angle brackets"
      ]
    ),
    (
      "nested-list",
      [
        "13:3: error[markdown-unsupported]: nested list: handouts show one level of list; make the inner items a list of their own after a lead-in sentence, or join them into the item's text"
      ]
    ),
    (
      "no-sections",
      ["8:1: error[markdown-structure]: the handout has no text: write it under ## headings, one per section"]
    ),
    (
      "no-front-matter",
      [
        "1:1: error[markdown-front-matter]: the file has no front matter: start it with a line '---', then 'title:', 'byline:', 'publisher:' and 'reviewed:' (YYYY-MM-DD) one per line, then a line '---'"
      ]
    ),
    (
      "relative-link",
      [
        "12:6: error[markdown-link]: the link address 'leaflet.pdf' cannot be followed from a handout; write a full web address (http:// or https://), an e-mail address (mailto:) or a phone number (tel:)"
      ]
    ),
    (
      "second-title",
      [
        "12:1: error[markdown-structure]: a handout has one # title, at the top; make this heading a ## section, or remove it"
      ]
    ),
    (
      "strikethrough",
      [
        "12:8: error[markdown-unsupported]: strikethrough (~~…~~): a handout cannot show crossed-out text; remove the text, or the tildes"
      ]
    ),
    (
      "subheading-without-section",
      [
        "8:1: error[markdown-structure]: this ### heading follows the title and skips a level; use ## (a ### subheading belongs under a ## section)",
        "10:1: error[markdown-structure]: text before the first ## heading: a handout's body is made of sections; put it under a ## heading",
      ]
    ),
    (
      "table",
      [
        "12:1: error[markdown-unsupported]: table: large print and audio cannot show a table; write each row as a list item (for example '- **Name**: value') or as a paragraph"
      ]
    ),
    // cmark-gfm leaves the paragraph before such a table at line 0 (found by the fuzzer).
    (
      "table-after-text",
      [
        "10:1: error[markdown-structure]: text before the first ## heading: a handout's body is made of sections; put it under a ## heading",
        "11:1: error[markdown-unsupported]: table: large print and audio cannot show a table; write each row as a list item (for example '- **Name**: value') or as a paragraph",
      ]
    ),
    (
      "task-list",
      [
        "12:1: error[markdown-unsupported]: task list item ([ ] or [x]): handouts have no checkboxes; write the item without the brackets",
        "13:1: error[markdown-unsupported]: task list item ([ ] or [x]): handouts have no checkboxes; write the item without the brackets",
      ]
    ),
    (
      "thematic-break",
      [
        "12:1: error[markdown-unsupported]: thematic break (a line of ---, *** or ___): a handout cannot show a dividing line; remove it, or start a new ## section"
      ]
    ),
    (
      "title-mismatch",
      [
        "8:1: error[markdown-structure]: the # title 'Getting ready for a scan' differs from the front matter's title 'Preparing for a scan'; keep one of them, or make them the same"
      ]
    ),
  ]

  @Test(arguments: cases)
  func isAnErrorAtItsPlace(fixture: String, errors: [String]) throws {
    let file = "refused/\(fixture).md"
    let text = try Fixtures.text(file)
    let error = try #require(throws: DiagnosticError.self) { try MarkdownImporter.parse(markdown: text, file: file) }
    #expect(error.diagnostics.map { "\($0)" } == errors.map { "\(file):\($0)" })
  }

  @Test func everyFixtureHasACase() throws {
    let names = try FileManager.default.contentsOfDirectory(
      atPath: Fixtures.folder.appendingPathComponent("refused").path)
    #expect(Set(names) == Set(Self.cases.map { "\($0.0).md" }))
  }

  /// Every error of a file is reported at once, in file order.
  @Test func reportsEveryProblemOfAFileAtOnce() throws {
    let text = try Fixtures.text("many-problems.md")
    let error = try #require(throws: DiagnosticError.self) {
      try MarkdownImporter.parse(markdown: text, file: "many-problems.md")
    }
    #expect(
      error.diagnostics.map { "\($0.location!.line!):\($0.location!.column!) \($0.code)" } == [
        "5:11 markdown-front-matter", "6:1 markdown-front-matter", "9:1 markdown-structure",
        "13:1 markdown-unsupported", "16:11 markdown-unsupported", "16:22 markdown-unsupported",
        "16:29 markdown-unsupported", "16:38 markdown-unsupported", "18:1 markdown-structure",
        "21:3 markdown-unsupported", "23:1 markdown-structure",
      ])
  }
}
