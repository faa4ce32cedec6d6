import NetexportICU
import NetexportModel
import Testing

@Suite struct ManifestTests {
  @Test func readsLocalesInOrderWithTheirStatus() throws {
    let manifest = try Manifest.parse(
      """
      source-locale: en
      locales:
        es: shipped
        it: draft
      handouts:
        paper: letter
        organization:
          name: "Example Health"
          contact: "Call 555-0100"
      """, file: "netexport.yaml")
    #expect(manifest.sourceLocale.canonical == "en")
    #expect(manifest.locales.map(\.tag.canonical) == ["es", "it"])
    #expect(manifest.locales.map(\.status) == [.shipped, .draft])
    #expect(manifest.locales[1].location?.description == "netexport.yaml:4:3")
    #expect(manifest.status(of: LanguageTag("it")!) == .draft)
    #expect(manifest.status(of: LanguageTag("fr")!) == nil)
    #expect(manifest.paper == .letter)
    #expect(manifest.organization == Manifest.Organization(name: "Example Health", contact: "Call 555-0100"))
  }

  @Test func reportsEveryProblemAtOnceWithItsPlace() throws {
    let error = try #require(
      throws: DiagnosticError.self,
      performing: {
        try Manifest.parse(
          """
          source-locale: EN_us
          locales:
            es: published
            pt-br: shipped
          handouts:
            paper: a5
            colour: blue
          extra: 1
          """, file: "netexport.yaml")
      })
    #expect(
      error.diagnostics.map(\.description) == [
        "netexport.yaml:1:16: error[invalid-manifest]: source-locale 'EN_us' is not a valid BCP 47 language tag (for example: en, es, pt-BR, zh-Hans)",
        "netexport.yaml:3:7: error[invalid-manifest]: the status of 'es' must be 'shipped' or 'draft' (found 'published')",
        "netexport.yaml:4:3: error[invalid-manifest]: locale 'pt-br' is not in canonical form; write 'pt-BR'",
        "netexport.yaml:6:10: error[invalid-manifest]: 'paper' must be one of: auto, letter, a4",
        "netexport.yaml:7:3: error[invalid-manifest]: unknown field 'colour' in 'handouts' (known fields: paper, organization)",
        "netexport.yaml:8:1: error[invalid-manifest]: unknown field 'extra' in the manifest (known fields: source-locale, locales, handouts)",
      ])
  }

  @Test func refusesTheSourceLocaleAmongTheTargets() throws {
    let error = try #require(
      throws: DiagnosticError.self,
      performing: { try Manifest.parse("source-locale: en\nlocales:\n  en: shipped\n", file: "m.yaml") })
    #expect(
      error.diagnostics.map(\.message) == ["'en' is the source locale; list only the locales it is translated into"])
  }

  @Test func addsALocaleKeepingCommentsAndOrder() throws {
    let text = """
      # Our project
      source-locale: en
      locales:
        es: shipped   # reviewed by the language team
        # fr comes next year
        de: draft

      handouts:
        paper: auto

      """
    let added = try Manifest.adding(LanguageTag("it")!, status: .draft, to: text, file: "netexport.yaml")
    #expect(
      added == """
        # Our project
        source-locale: en
        locales:
          es: shipped   # reviewed by the language team
          # fr comes next year
          de: draft
          it: draft

        handouts:
          paper: auto

        """)
  }

  @Test func addsToANewProjectsEmptyLocales() throws {
    let text = Manifest.newManifestText(sourceLocale: LanguageTag("en")!)
    #expect(try Manifest.parse(text, file: "netexport.yaml").locales.isEmpty)
    let added = try Manifest.adding(LanguageTag("es")!, status: .draft, to: text, file: "netexport.yaml")
    let manifest = try Manifest.parse(added, file: "netexport.yaml")
    #expect(manifest.locales.map(\.tag.canonical) == ["es"])
    #expect(manifest.paper == nil)
    #expect(added.contains("  es: draft\nhandouts:"))
  }

  @Test func refusesToRewriteFlowStyleLocales() throws {
    let error = try #require(
      throws: DiagnosticError.self,
      performing: {
        try Manifest.adding(
          LanguageTag("it")!, status: .draft, to: "source-locale: en\nlocales: {es: shipped}\n", file: "m.yaml")
      })
    #expect(error.diagnostics.first?.location?.description == "m.yaml:2:1")
  }
}
