import Testing

@testable import NetexportModel

/// The in-place editor `catalog import` writes translations with: only the lines of the
/// fields that change are rewritten.
@Suite struct CatalogEditorTests {
  static let catalog = """
    # Spanish, by hand. Keep this comment.
    locale: es
    document: leaflet
    machine-translated: true
    entries:
      # The title.
      title:
        note: "Title."
        source: "Tumors"
        text: 'Tumores'   # a comment after the value
        state: translated

      only.heading:
        source: "Overview"
        previous-source: "Summary"
        text: |-
          Descripción
          general
        state: needs-review
      flow: {source: "Flow", text: "Flujo", state: translated}
      nostate:
        source: "Plain"
        text: "Llano"
    obsolete:
      gone:
        text: "Ido"

    """

  func apply(_ changes: [String: [CatalogEditor.FieldChange]], to text: String = catalog) throws
    -> CatalogEditor.Result
  {
    try CatalogEditor.apply(
      changes, to: text, file: "Locales/es/leaflet.yaml", locale: "es", kind: .document("leaflet"))
  }

  @Test func rewritesOnlyTheChangedFields() throws {
    let result = try apply([
      "only.heading": [.init("text", "Resumen"), .init("state", "reviewed"), .init("previous-source", nil)],
      "nostate": [.init("state", "reviewed")],
    ])
    #expect(result.skipped.isEmpty)
    #expect(
      result.text
        == Self.catalog.replacingOccurrences(
          of: """
                previous-source: "Summary"
                text: |-
                  Descripción
                  general
                state: needs-review
            """,
          with: """
                text: "Resumen"
                state: reviewed
            """
        ).replacingOccurrences(of: "    text: \"Llano\"\n", with: "    text: \"Llano\"\n    state: reviewed\n"))
  }

  @Test func changesNothingWithoutChanges() throws {
    #expect(try apply([:]).text == Self.catalog)
    #expect(try apply(["title": []]).text == Self.catalog)
  }

  @Test func keepsEachLinesEnding() throws {
    let crlf = Self.catalog.replacingOccurrences(of: "\n", with: "\r\n")
    let result = try apply(["title": [.init("text", "Tumores raros")]], to: crlf)
    #expect(
      result.text == crlf.replacingOccurrences(of: "'Tumores'   # a comment after the value", with: "\"Tumores raros\"")
    )
  }

  @Test func skipsAFlowEntryAndAMissingKey() throws {
    let result = try apply(["flow": [.init("text", "Fluido")], "absent": [.init("text", "x")]])
    #expect(result.text == Self.catalog)
    #expect(
      result.skipped == [
        "flow": "written in flow style ({...}), which netexport cannot edit; write it as one field per line",
        "absent": "no entry 'absent' in Locales/es/leaflet.yaml",
      ])
  }

  @Test func refusesAFieldItCannotWriteAndACatalogWithProblems() throws {
    #expect(throws: DiagnosticError.self) { try apply(["title": [.init("allow", "untranslated")]]) }
    let broken = Self.catalog.replacingOccurrences(of: "state: translated\n\n", with: "state: done\n\n")
    #expect(throws: DiagnosticError.self) { try apply(["nostate": [.init("text", "x")]], to: broken) }
  }

  /// Texts with every character YAML escapes come back exactly.
  @Test func writesAnyTextExactly() throws {
    let tricky = "Línea \"uno\"\n\tdos: #tres {n, plural, one {# x} other {# y}} \\ \u{A0}fin "
    let result = try apply(["title": [.init("text", tricky)]])
    let read = try Catalog.parse(result.text, file: "f", kind: .document("leaflet"))
    #expect(read["title"]?.text.unicodeScalars.elementsEqual(tricky.unicodeScalars) == true)
    #expect(read["title"]?.note == "Title.")
  }
}
