import Foundation
import NetexportTestSupport
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct ValidateCommandTests {
  @Test func passesACompleteCatalog() throws {
    let project = try Leaflet.project()
    let result = try project.run("validate")
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(
      result.stdout == """
        Locales/en/leaflet.yaml (source): no problems
        Locales/en/labels.yaml (source): no problems
        Locales/en/glossary.yaml (source): no problems
        Locales/es/leaflet.yaml (es): no problems
        Locales/es/labels.yaml (es): no problems
        Locales/es/glossary.yaml (es): no problems
        6 catalogs checked: 0 errors, 0 warnings; passed.

        """)
  }

  /// The source glossary is shared by every document and every project has one ('netexport
  /// new' writes it): a missing one was reported as "no problems", and the term checks and
  /// speech hints it holds silently went. It is an error naming the file.
  @Test func aMissingSourceGlossaryIsAnErrorNamingTheFile() throws {
    let project = try Leaflet.project()
    try project.project.remove("Locales/en/glossary.yaml")
    let result = try project.run("validate")
    #expect(result.status == 1)
    #expect(
      result.stdout.contains(
        """
        Locales/en/glossary.yaml (source): 1 error, 0 warnings
          Locales/en/glossary.yaml: error[missing-catalog]: the source locale has no glossary (Locales/en/glossary.yaml); every project has one, shared by every document: restore it, or create it with the two lines 'locale: en' and 'glossary:' (an empty glossary is fine)

        """), "\(result.stdout)")
    // A target locale's glossary may still be missing: nothing is agreed there yet.
    try project.project.write("locale: en\nglossary:\n", to: "Locales/en/glossary.yaml")
    try project.project.remove("Locales/es/glossary.yaml")
    #expect(try project.run("validate").status == 0)
  }

  /// A folder of `Locales/` whose name is not a canonical tag is never read as a locale:
  /// a translator's `Locales/zh-hans/` was left out of every check without a word, and
  /// validate passed. It is an error naming the folder, in a run over the whole project.
  @Test func aMisnamedLocaleFolderIsAnError() throws {
    let project = try Leaflet.project()
    try project.write(
      Leaflet.spanish.replacingOccurrences(of: "locale: es", with: "locale: zh-hans"),
      to: "Locales/zh-hans/leaflet.yaml")
    try project.write("locale: es\n", to: "Locales/Spanish copy/labels.yaml")
    let result = try project.run("validate")
    #expect(result.status == 1)
    #expect(
      result.stdout.hasPrefix(
        """
        Locales/Spanish copy/ (Spanish copy): 1 error, 0 warnings
          Locales/Spanish copy/: error[invalid-locale]: 'Spanish copy' is not a BCP 47 language tag, so the catalogs in this folder are not read as a locale; rename the folder to a locale's tag (for example es, pt-BR, zh-Hans), or move it out of Locales/
        Locales/zh-hans/ (zh-hans): 1 error, 0 warnings
          Locales/zh-hans/: error[invalid-locale]: the folder name 'zh-hans' is not in canonical form, so its catalogs are not read as a locale; rename the folder to zh-Hans

        """), "\(result.stdout)")
    // A run over named locales is about those alone.
    #expect(try project.run("validate", "--locale", "es").status == 0)
  }

  /// A mistake (a number lost) and a warning in the Spanish catalog, and a heading not
  /// translated yet, which is pending work, not a mistake.
  static let broken = Leaflet.spanish(
    replacing: "text: \"Una mutación puede causar 2 tumores.\"", with: "text: \"Un cambio puede causar tumores.\""
  ).replacingOccurrences(of: "text: \"Descripción general\"\n    state: translated", with: "text: \"\"\n    state: new")

  @Test func reportsFindingsGroupedByFileAndFails() throws {
    let project = try Leaflet.project(spanish: Self.broken)
    let result = try project.run("validate", "--locale", "es")
    #expect(result.status == 1)
    #expect(
      result.stdout == """
        Locales/es/leaflet.yaml (es): 1 error, 1 warning, 1 pending (71 % ready)
          Locales/es/leaflet.yaml:18:11: pending[empty-text]: 'only.heading' has no text yet; translate "Overview", then set state: translated
          Locales/es/leaflet.yaml:22:11: error[number-missing]: 'only.text' lacks the number "2" of the source text "A mutation can cause 2 tumors."; a changed number can mislead a patient
          Locales/es/leaflet.yaml:22:11: warning[glossary-term]: 'only.text' translates a text that uses the glossary term "mutation", but not the agreed term "mutación" or its forms "mutaciones"; use it, or add the form used here to glossary 'term.mutation' forms
        Locales/es/labels.yaml (es): no problems
        Locales/es/glossary.yaml (es): no problems
        3 catalogs checked: 1 error, 1 warning, 1 pending in 1 catalog (es/leaflet 71 % ready); failed.

        """)
  }

  /// Work not done is reported but does not fail validation, unless --strict asks that
  /// every shipped locale be complete.
  @Test func pendingWorkPassesUnlessStrict() throws {
    let project = try Leaflet.project(
      spanish: Leaflet.spanish(
        replacing: "text: \"Descripción general\"\n    state: translated", with: "text: \"\"\n    state: new"))
    let result = try project.run("validate")
    #expect(result.status == 0, "\(result.stdout)")
    #expect(
      result.stdout.contains(
        "  Locales/es/leaflet.yaml:18:11: pending[empty-text]: 'only.heading' has no text yet; translate \"Overview\", then set state: translated\n"
      ))
    let strict = try project.run("validate", "--strict")
    #expect(strict.status == 1)
  }

  @Test func strictFailsOnWarnings() throws {
    let project = try Leaflet.project(
      spanish: Leaflet.spanish(replacing: "\"Descripción general\"", with: "\"Descripción  general\""))
    #expect(try project.run("validate").status == 0)
    let strict = try project.run("validate", "--strict")
    #expect(strict.status == 1)
    #expect(strict.stdout.contains("warning[doubled-space]"))
    #expect(strict.stdout.hasSuffix("1 warning; failed (--strict: warnings fail too).\n"))
  }

  @Test(arguments: [["validate", "--locale", "../x"], ["validate", "--report", "xml"], ["validate", "--bogus"]])
  func usageErrorsExit64(arguments: [String]) throws {
    let project = try Leaflet.project()
    #expect(try project.run(arguments: arguments).status == 64)
  }

  @Test func jsonReportFollowsTheDocumentedSchema() throws {
    let project = try Leaflet.project(spanish: Self.broken)
    let result = try project.run("validate", "--report", "json")
    #expect(result.status == 1)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(json["passed"] as? Bool == false)
    let summary = try #require(json["summary"] as? [String: Int])
    #expect(summary == ["catalogs": 6, "errors": 1, "warnings": 1])
    let locales = try #require(json["locales"] as? [[String: Any]])
    let spanish = try #require(locales.first { $0["file"] as? String == "Locales/es/leaflet.yaml" })
    let findings = try #require(spanish["findings"] as? [[String: Any]])
    #expect(findings.map { $0["code"] as? String } == ["empty-text", "number-missing", "glossary-term"])
    #expect(findings.map { $0["severity"] as? String } == ["pending", "error", "warning"])
    #expect(findings[1]["line"] as? Int == 22)
    #expect(findings[1]["key"] as? String == "only.text")
    try SchemaCheck.validate(result.stdout, schema: Repository.url("docs/schemas/validation-report.schema.json"))
  }

  @Test func junitReportParsesBack() throws {
    let project = try Leaflet.project(spanish: Self.broken)
    let result = try project.run("validate", "--report", "junit")
    #expect(result.status == 1)
    let parsed = try JUnitSummary(xml: result.stdout)
    #expect(
      parsed.suites == ["en/leaflet", "en/labels", "en/glossary", "es/leaflet", "es/labels", "es/glossary"])
    // One test case per source message, plus one per catalog file for the file itself.
    #expect(parsed.testCases == 2 * ((1 + 7) + (1 + 10) + 1))
    // A pending message is not a failure; the mistake is.
    #expect(parsed.failureTypes == ["number-missing"])
    #expect(parsed.declaredFailures == 1)
    #expect(parsed.systemOut.contains { $0.contains("warning[glossary-term]") })
    #expect(parsed.systemOut.contains { $0.contains("pending[empty-text]") })
  }

  /// A JUnit failure is what fails the run: a draft's error is reported, not failed; with
  /// --strict, pending work in a shipped locale fails.
  @Test func junitFailsWhatFailsTheRun() throws {
    let draft = try Leaflet.project(spanish: Self.broken)
    try draft.write(TestProject.manifest(drafts: ["es"]), to: "netexport.yaml")
    let result = try draft.run("validate", "--report", "junit")
    #expect(result.status == 0)
    let parsed = try JUnitSummary(xml: result.stdout)
    #expect(parsed.failureTypes == [])
    #expect(parsed.declaredFailures == 0)
    #expect(parsed.systemOut.contains { $0.contains("error[number-missing]") })

    let pending = try Leaflet.project(
      spanish: Leaflet.spanish(
        replacing: "text: \"Descripción general\"\n    state: translated", with: "text: \"\"\n    state: new"))
    let lenient = try pending.run("validate", "--report", "junit")
    #expect(lenient.status == 0)
    #expect(try JUnitSummary(xml: lenient.stdout).failureTypes == [])
    let strict = try pending.run("validate", "--report", "junit", "--strict")
    #expect(strict.status == 1)
    #expect(try JUnitSummary(xml: strict.stdout).failureTypes == ["empty-text"])
  }

  @Test func sarifReportParsesBack() throws {
    let project = try Leaflet.project(spanish: Self.broken)
    let result = try project.run("validate", "--report", "sarif")
    #expect(result.status == 1)
    let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(log["version"] as? String == "2.1.0")
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    let rules = try #require(driver["rules"] as? [[String: Any]])
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.count == 3)
    for result in results {
      let index = try #require(result["ruleIndex"] as? Int)
      #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
      let location = try #require(
        (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
      #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "Locales/es/leaflet.yaml")
      #expect(((location["region"] as? [String: Any])?["startLine"] as? Int ?? 0) >= 1)
    }
    // Pending work is a note.
    #expect(results.compactMap { $0["level"] as? String } == ["note", "error", "warning"])
  }

  @Test func githubReportWritesAnnotations() throws {
    let project = try Leaflet.project(spanish: Self.broken)
    let result = try project.run("validate", "--locale", "es", "--report", "github")
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first?.hasPrefix("::notice file=Locales/es/leaflet.yaml,line=18,col=11,") == true, "\(result.stdout)")
    #expect(
      lines.contains(
        "::error file=Locales/es/leaflet.yaml,line=22,col=11,title=netexport number-missing (es only.text)::'only.text' lacks the number \"2\" of the source text \"A mutation can cause 2 tumors.\"; a changed number can mislead a patient"
      ), "\(result.stdout)")
    #expect(lines.last == "::error::netexport validate: 3 catalogs, 1 error, 1 warning")
  }

  /// A key written with YAML escapes holds ESC, BEL and a line break followed by a GitHub
  /// workflow command; neither the report nor an export's error may print them raw.
  @Test func printsControlsFromACatalogEscaped() throws {
    let hostile = Leaflet.spanish + "  \"bad\\e[2J\\a\\n::error file=x::pwned\":\n    text: x\n"
    let project = try Leaflet.project(spanish: hostile)
    let raw: (String) -> Bool = { text in
      text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7}" }
        || text.split(separator: "\n").contains { $0.hasPrefix("::") }
    }
    let validation = try project.run("validate", "--locale", "es")
    #expect(validation.status == 1)
    #expect(!raw(validation.stdout))
    #expect(validation.stdout.contains(#"'bad\u{1B}[2J\u{7}\n::error file=x::pwned' is not a valid message key"#))
    let export = try project.run("--locale", "es", "--output", "-")
    #expect(export.status == 1)
    #expect(!raw(export.stderr))
    #expect(export.stderr.contains(#"'bad\u{1B}[2J\u{7}\n::error file=x::pwned'"#))
  }

  @Test func writesTheReportToAFileAtomically() throws {
    let project = try Leaflet.project()
    let result = try project.run("validate", "--report", "json", "--output", "report.json")
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
    #expect(try project.read("report.json").contains("\"passed\" : true"))
  }
}

@Suite struct StatusInitUpdateCommandTests {
  @Test func statusCountsEveryMessageOnce() throws {
    let spanish = Leaflet.spanish(
      replacing: "text: \"Descripción general\"\n    state: translated", with: "text: \"\"\n    state: new"
    )
    .replacingOccurrences(
      of: "text: \"Tumores\"\n    state: translated", with: "text: \"Tumores\"\n    state: needs-review"
    )
    .replacingOccurrences(of: "source: \"By Mayo Clinic Staff\"", with: "source: \"By Mayo Staff\"")
    let project = try Leaflet.project(spanish: spanish)
    let result = try project.run("status")
    #expect(result.status == 0)
    #expect(
      result.stdout == """
        document     es
        leaflet    57 %
        labels    100 %
        reviewed     es
        leaflet     0 %
        labels      0 %
        left to do:
          es/leaflet: 4 of 7 ready; 1 needs review, 1 stale, 1 missing
        machine-translated: es (labels); their handouts say so until every message is reviewed
        Source locale: en. 'ready' means translated from the current source text, with no error; 'reviewed', also checked by a second person.

        """)
    let json = try project.run("status", "--report", "json")
    #expect(json.stdout.contains("\"needsReview\" : 1"))
    #expect(json.stdout.contains("\"percentComplete\" : 57"))
    try SchemaCheck.validate(json.stdout, schema: Repository.url("docs/schemas/status-report.schema.json"))
  }

  /// Reviewed messages (checked by a second person) are counted as ready, and their share is
  /// shown in a table of its own; catalogs made by machine are named.
  @Test func statusShowsReviewedPercentagesAndMachineTranslation() throws {
    var spanish = Leaflet.spanish.replacingOccurrences(
      of: "document: leaflet\n", with: "document: leaflet\nmachine-translated: true\n")
    for text in ["\"Tumores\"", "\"Descripción general\"", "\"mutación\""] {
      spanish = spanish.replacingOccurrences(
        of: "text: \(text)\n    state: translated", with: "text: \(text)\n    state: reviewed")
    }
    let project = try Leaflet.project(spanish: spanish)
    let result = try project.run("status")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout == """
        document     es
        leaflet   100 %
        labels    100 %
        reviewed     es
        leaflet    42 %
        labels      0 %
        machine-translated: es; their handouts say so until every message is reviewed
        Source locale: en. 'ready' means translated from the current source text, with no error; 'reviewed', also checked by a second person.

        """)
    let json = try project.run("status", "--report", "json")
    #expect(json.stdout.contains("\"reviewed\" : 3"))
    #expect(json.stdout.contains("\"percentReviewed\" : 42"))
    #expect(json.stdout.contains("\"machineTranslated\" : true"))
    try SchemaCheck.validate(json.stdout, schema: Repository.url("docs/schemas/status-report.schema.json"))
    // A reviewed translation passes validation as a translated one does.
    #expect(try project.run("validate", "--strict").status == 0)
  }

  /// A translated message with a mistake validate reports as an error (here an ICU brace
  /// not closed) is not ready: the export gate refuses the document for it. Status counted
  /// it ready (100 %) while validate failed and the handout could not be exported; it counts
  /// what validate judges, and says where to look.
  @Test func statusCountsATranslationWithAnErrorAsNotReady() throws {
    let project = try Leaflet.project(
      spanish: Leaflet.spanish(replacing: "text: \"Tumores\"", with: "text: \"Tumores {\""))
    #expect(try project.run("validate", "--locale", "es").status == 1)
    let result = try project.run("status")
    #expect(result.status == 0)
    #expect(
      result.stdout == """
        document              es
        leaflet   85 % (1 error)
        labels             100 %
        reviewed              es
        leaflet              0 %
        labels               0 %
        left to do:
          es/leaflet: 6 of 7 ready; 1 with an error to fix ('netexport validate --locale es' shows it)
        machine-translated: es (labels); their handouts say so until every message is reviewed
        Source locale: en. 'ready' means translated from the current source text, with no error; 'reviewed', also checked by a second person.

        """)
    let json = try project.run("status", "--report", "json")
    #expect(json.stdout.contains("\"errors\" : 1"))
    #expect(json.stdout.contains("\"translated\" : 6"))
    #expect(json.stdout.contains("\"percentComplete\" : 85"))
    #expect(json.stdout.contains("\"reviewed\" : 0"))
    try SchemaCheck.validate(json.stdout, schema: Repository.url("docs/schemas/status-report.schema.json"))
  }

  /// An entry with a text and no state is an error in validate (state-missing), and status
  /// counts it as validate does: not ready, with an error, not as translated.
  @Test func statusCountsAnEntryWithoutStateAsAnError() throws {
    let project = try Leaflet.project(
      spanish: Leaflet.spanish(
        replacing: "text: \"Tumores\"\n    state: translated", with: "text: \"Tumores\""))
    let validate = try project.run("validate", "--locale", "es")
    #expect(validate.status == 1)
    #expect(validate.stdout.contains("error[state-missing]"))
    let result = try project.run("status")
    #expect(result.status == 0)
    #expect(result.stdout.contains("leaflet   85 % (1 error)"))
    #expect(result.stdout.contains("es/leaflet: 6 of 7 ready; 1 with an error to fix"))
  }

  /// A catalog that cannot be read counts as not started (it showed 100 %), and status says
  /// why and fails.
  @Test func statusCountsAnUnreadableCatalogAsNotStarted() throws {
    let project = try Leaflet.project(spanish: Leaflet.spanish + "  broken: [\n")
    let result = try project.run("status")
    #expect(result.status == 1)
    #expect(
      result.stdout.hasPrefix(
        "document     es\nleaflet     0 %\nlabels    100 %\nreviewed     es\nleaflet     0 %\nlabels      0 %\nleft to do:\n  es/leaflet: 0 of 7 ready; 7 missing\n"
      ),
      "\(result.stdout)")
    #expect(result.stderr.hasPrefix("Locales/es/leaflet.yaml:33:1: error[malformed-yaml]: "), "\(result.stderr)")
  }

  /// `init --document` starts the locale with the documents named (and the labels), and
  /// every locale starts with its glossary: an entry for each term and abbreviation, with
  /// what the English gives in a comment, that a translator fills in. Without one, the
  /// locale's agreed wording had nowhere to go but a file written by hand.
  @Test func initStartsTheNamedDocumentsAndTheGlossary() throws {
    let project = try Leaflet.project(spanish: nil)
    try project.write(
      Leaflet.document.replacingOccurrences(of: "id: leaflet", with: "id: second"), to: "Documents/second.yaml")
    try project.write(
      Leaflet.english.replacingOccurrences(of: "document: leaflet", with: "document: second"),
      to: "Locales/en/second.yaml")
    let created = try project.run("init", "--locale", "de", "--document", "second")
    #expect(created.status == 0, "\(created.stderr)")
    #expect(
      created.stdout == """
        Locales/de/second.yaml: 7 messages to translate (German)
        Locales/de/labels.yaml: 10 messages to translate (German)
        Locales/de/glossary.yaml: 1 glossary entry to agree on (terms and abbreviations)

        """)
    #expect(!project.exists("Locales/de/leaflet.yaml"))
    #expect(
      try project.read("Locales/de/glossary.yaml").hasSuffix(
        """
        locale: de
        glossary:
          # English: "mutation"; other forms "mutations"
          term.mutation:
            forms: []

        """))
    let validate = try project.run("validate", "--locale", "de")
    #expect(validate.stdout.contains("Locales/de/glossary.yaml (de): no problems\n"), "\(validate.stdout)")
    // The other document waits until it is wanted: update creates its catalog.
    let update = try project.run("update", "--locale", "de")
    #expect(update.stdout.hasPrefix("Locales/de/leaflet.yaml: created, 7 messages to translate\n"), "\(update.stdout)")
  }

  @Test func initStartsADraftReadyToTranslateAndNeverOverwrites() throws {
    let project = try Leaflet.project(spanish: nil)
    let manifest = try project.read("netexport.yaml")
    let created = try project.run("init", "--locale", "pt-br")
    #expect(created.status == 0, "\(created.stderr)")
    #expect(
      created.stdout == """
        Locales/pt-BR/leaflet.yaml: 7 messages to translate (Portuguese (Brazil))
        Locales/pt-BR/labels.yaml: 10 messages to translate (Portuguese (Brazil))
        Locales/pt-BR/glossary.yaml: 1 glossary entry to agree on (terms and abbreviations)

        """)
    #expect(
      created.stderr == """
        note: wrote the canonical form of 'pt-br', which is 'pt-BR'
        note: pt-BR is a draft in netexport.yaml: validated and reported, not exported by --all; change it to 'shipped' when its translations are complete and reviewed

        """)
    #expect(try project.read("netexport.yaml") == manifest + "  pt-BR: draft\n")
    let text = try project.read("Locales/pt-BR/leaflet.yaml")
    #expect(
      text.contains(
        "  only.heading:\n    note: \"Section heading.\"\n    source: \"Overview\"\n    text: \"\"\n    state: new\n"))
    let status = try project.run("status")
    #expect(
      status.stdout.hasPrefix(
        "document  pt-BR (draft)\nleaflet             0 %\nlabels              0 %\nreviewed  pt-BR (draft)\n"))

    // A folder of catalogs the manifest does not list yet: nothing is overwritten.
    try project.write("mine\n", to: "Locales/fr/leaflet.yaml")
    let before = try project.project.snapshot()
    let again = try project.run("init", "--locale", "fr")
    #expect(again.status == 1)
    #expect(
      again.stderr
        == "Locales/fr/leaflet.yaml: error[catalog-exists]: catalogs for 'fr' exist already; netexport never overwrites a catalog: add 'fr: draft' under 'locales' in netexport.yaml, then use 'netexport update --locale fr'\n"
    )
    // A locale of the project already.
    let twice = try project.run("init", "--locale", "pt-BR")
    #expect(twice.status == 1)
    #expect(
      twice.stderr
        == "netexport.yaml:4:3: error[catalog-exists]: 'pt-BR' is a locale of this project already (draft); use 'netexport update --locale pt-BR' to bring its catalogs up to date\n"
    )
    #expect(try project.project.snapshot() == before)
    #expect(try project.run("init", "--locale", "en_US").status == 64)
  }

  /// Issue 13: init refuses a tag whose language ICU has no data for, or whose region it
  /// does not know, and suggests the tag meant; nothing is written.
  @Test(arguments: [
    (
      "Italian",
      "Error: 'Italian' is not a locale ICU knows: 'italian' is not a language ICU has data for. Its plural rules, dates and numbers would be ICU's defaults: every count would take the 'other' branch. Did you mean 'it' (Italian)? Pass --force to start it anyway.\n"
    ),
    (
      "xx",
      "Error: 'xx' is not a locale ICU knows: 'xx' is not a language ICU has data for. Its plural rules, dates and numbers would be ICU's defaults: every count would take the 'other' branch. Pass --force to start it anyway.\n"
    ),
    (
      "zz-ZZ",
      "Error: 'zz-ZZ' is not a locale ICU knows: 'zz' is not a language ICU has data for, 'ZZ' is not a region ICU knows. Its plural rules, dates and numbers would be ICU's defaults: every count would take the 'other' branch. Pass --force to start it anyway.\n"
    ),
    (
      "it_IT",
      "Error: 'it_IT' is not a valid BCP 47 language tag: tags separate their parts with a hyphen; write 'it-IT'.\n"
    ),
  ])
  func initRefusesALocaleICUDoesNotKnow(locale: String, message: String) throws {
    let project = try Leaflet.project(spanish: nil)
    let before = try project.project.snapshot()
    let result = try project.run("init", "--locale", locale)
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
    #expect(try project.project.snapshot() == before)
  }

  /// With --force the locale is started, with a note; its plural advice then never says to
  /// remove the 'one' branch (ICU's default rules would print "1 risposte" either way).
  @Test func initForcedKeepsThePluralAdviceSafe() throws {
    let project = try Leaflet.project(spanish: nil)
    let result = try project.run("init", "--locale", "Italian", "--force")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stderr.contains(
        "note: started anyway (--force): 'Italian' is not a locale ICU knows: 'italian' is not a language ICU has data for."
      ))
    try project.edit(
      "Locales/italian/leaflet.yaml",
      replacing: "source: \"{replies, plural, one {# reply} other {# replies}}\"\n    text: \"\"\n    state: new",
      with:
        "source: \"{replies, plural, one {# reply} other {# replies}}\"\n    text: \"{replies, plural, one {# risposta} other {# risposte}}\"\n    state: translated"
    )
    let validation = try project.run("validate", "--locale", "italian")
    #expect(validation.stdout.contains("warning[plural-category-unused]"), "\(validation.stdout)")
    #expect(
      validation.stdout.contains(
        "has a 'one' branch, which ICU never uses for italian: 'italian' is not a language ICU has data for, so every number takes 'other'; keep the branch"
      ), "\(validation.stdout)")
    #expect(!validation.stdout.contains("remove it"))
  }

  @Test func updateMarksChangesAndKeepsTranslations() throws {
    let project = try Leaflet.project()
    try project.write(
      Leaflet.english.replacingOccurrences(of: "\"Overview\"", with: "\"Summary\"")
        + "  extra:\n    text: \"New line\"\n", to: "Locales/en/leaflet.yaml")
    let dry = try project.run("update", "--dry-run")
    #expect(dry.status == 0)
    #expect(try project.read("Locales/es/leaflet.yaml") == Leaflet.spanish)
    let result = try project.run("update")
    #expect(
      result.stdout == """
        Locales/es/leaflet.yaml: 1 added, 1 marked needs-review
          added: extra
          needs review: only.heading
        Locales/es/labels.yaml: up to date

        """)
    let text = try project.read("Locales/es/leaflet.yaml")
    #expect(
      text.contains(
        "  only.heading:\n    note: \"Section heading.\"\n    source: \"Summary\"\n    previous-source: \"Overview\"\n    text: \"Descripción general\"\n    state: needs-review\n"
      ))
    let validation = try project.run("validate", "--locale", "es")
    #expect(
      validation.stdout.contains(
        "pending[needs-review]: 'only.heading' needs review: the source changed to \"[-Overview-]{+Summary+}\""))
    #expect(
      try project.run("update").stdout
        == "Locales/es/leaflet.yaml: up to date\nLocales/es/labels.yaml: up to date\n")
  }

  /// Issue 13: removing the word "any" from the English needs every translation reviewed;
  /// adding a comma does not: each locale keeps its state, the recorded source is refreshed,
  /// and update reports a minor source edit.
  @Test func updateKeepsTheStateOnAMinorEnglishEdit() throws {
    let project = try Handouts.net(shipped: ["de", "es", "fr"])
    let file = "Locales/en/neuroendocrine-tumors.yaml"
    let sentence = "Make an appointment with your doctor if you have any persistent signs and symptoms that worry you."
    let comma = sentence.replacingOccurrences(of: "doctor if", with: "doctor, if")
    try project.edit(file, replacing: sentence, with: comma)
    let minor = try project.run("update", "--document", "neuroendocrine-tumors")
    #expect(minor.status == 0, "\(minor.stderr)")
    for locale in ["de", "es", "fr"] {
      #expect(
        minor.stdout.contains(
          "Locales/\(locale)/neuroendocrine-tumors.yaml: 1 minor source edits (state kept)\n  minor source edit: symptoms.see-doctor.text\n"
        ), "\(minor.stdout)")
      let text = try project.read("Locales/\(locale)/neuroendocrine-tumors.yaml")
      #expect(text.contains("source: \"\(comma)\""))
      #expect(!text.contains("previous-source"))
    }
    #expect(try project.run("validate", "--strict").status == 0)
    #expect(try project.run("--locale", "es", "--output", "-").status == 0)

    let withoutAny = comma.replacingOccurrences(of: "have any persistent", with: "have persistent")
    try project.edit(file, replacing: comma, with: withoutAny)
    let words = try project.run("update", "--document", "neuroendocrine-tumors")
    #expect(words.status == 0, "\(words.stderr)")
    for locale in ["de", "es", "fr"] {
      #expect(
        words.stdout.contains(
          "Locales/\(locale)/neuroendocrine-tumors.yaml: 1 marked needs-review\n  needs review: symptoms.see-doctor.text\n"
        ), "\(words.stdout)")
      #expect(try project.read("Locales/\(locale)/neuroendocrine-tumors.yaml").contains("state: needs-review"))
    }
  }

  /// A catalog whose first line ends in CR LF and the rest in LF crashed update (exit 132).
  @Test func updateKeepsEachLinesEndingInAMixedFile() throws {
    let mixed = Leaflet.spanish.replacingOccurrences(of: "locale: es\n", with: "locale: es\r\n")
    let project = try Leaflet.project(spanish: mixed)
    try project.write(Leaflet.english + "  extra:\n    text: \"New line\"\n", to: "Locales/en/leaflet.yaml")
    let result = try project.run("update", "--document", "leaflet")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout
        == "Locales/es/leaflet.yaml: 1 added, 1 notes updated\n  added: extra\nLocales/es/labels.yaml: up to date\n")
    let text = try project.read("Locales/es/leaflet.yaml")
    #expect(text.hasPrefix("locale: es\r\ndocument: leaflet\nentries:\n"))
    #expect(text.hasSuffix("  extra:\n    source: \"New line\"\n    text: \"\"\n    state: new\n"))
  }

  /// A lone-CR catalog crashed update; now it is refused, naming the place, and left as it is.
  @Test func updateRefusesALoneCRCatalogAndLeavesItAlone() throws {
    let lonely = Leaflet.spanish.replacingOccurrences(of: "\n", with: "\r")
    let project = try Leaflet.project(spanish: lonely)
    try project.write(Leaflet.english + "  extra:\n    text: \"New line\"\n", to: "Locales/en/leaflet.yaml")
    let result = try project.run("update")
    #expect(result.status == 1)
    #expect(
      result.stderr.hasPrefix(
        "Locales/es/leaflet.yaml:1:11: error[unusual-line-break]: a carriage return (CR) without a line feed after it"))
    #expect(try Data(contentsOf: project.project.url("Locales/es/leaflet.yaml")) == Data(lonely.utf8))
  }
}

@Suite struct ExportGateTests {
  @Test func refusesACatalogWithErrorsAndNamesThem() throws {
    let project = try Leaflet.project(spanish: ValidateCommandTests.broken)
    let result = try project.run("--locale", "es")
    #expect(result.status == 1)
    #expect(
      result.stderr == """
        Locales/es/leaflet.yaml:22:11: error[number-missing]: 'only.text' lacks the number "2" of the source text "A mutation can cause 2 tumors."; a changed number can mislead a patient
        Locales/es/leaflet.yaml: error[export-refused]: not exporting leaflet in es: 1 error (above); fix them, or pass --allow-incomplete to fill the gaps from en

        """)
    #expect(!project.exists("Exports"))
  }

  /// A document whose translation is not finished is not exported, and a run over the
  /// whole project says so without failing; naming it is asking for what cannot be made.
  @Test func aPendingDocumentIsReportedAndNotExported() throws {
    let project = try Leaflet.project(
      spanish: Leaflet.spanish(
        replacing: "text: \"Descripción general\"\n    state: translated", with: "text: \"\"\n    state: new"))
    let all = try project.run("--all")
    #expect(all.status == 0, "\(all.stderr)")
    #expect(
      all.stderr
        == "note: es: leaflet is pending (94 % translated; 1 message to translate or review), so it is not exported\n")
    #expect(all.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("Exports/en/") })
    #expect(!project.exists("Exports/es"))
    #expect(try project.run("--all", "--check").status == 0)
    let named = try project.run("--locale", "es", "--document", "leaflet")
    #expect(named.status == 1)
    #expect(
      named.stderr
        == "Locales/es/leaflet.yaml: error[export-pending]: not exporting leaflet in es: its translation is 94 % done (1 message to translate or review; 'netexport validate --locale es' lists them); pass --allow-incomplete to fill the gaps from en\n"
    )
    #expect(!project.exists("Exports/es"))
  }

  @Test func allowIncompleteFillsGapsFromTheSourceAndSaysHowMany() throws {
    let project = try Leaflet.project(spanish: ValidateCommandTests.broken)
    let result = try project.run("--locale", "es", "--allow-incomplete", "--output", "-")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stderr
        == "note: es: leaflet: 2 of 8 messages are in English (en), taken from the source because their translation is not ready (1 new, 1 with an error)\nes/leaflet: 1 warning (run 'netexport validate --locale es' to see it)\n"
    )
    #expect(result.stdout.contains("A mutation can cause 2 tumors."))
    #expect(result.stdout.contains("Overview"))
    #expect(result.stdout.contains("Referencias"))
    #expect(result.stdout.contains("Tumores"))
    #expect(!result.stdout.contains("Un cambio"))
  }

  /// The note says which kinds of entries were taken from the source, so a coordinator
  /// knows whether the gaps are untranslated, waiting for review or missing from the file.
  @Test func allowIncompleteSaysWhichKindsOfEntriesWereTakenFromTheSource() throws {
    var spanish = Leaflet.spanish(
      replacing: "text: \"Descripción general\"\n    state: translated", with: "text: \"\"\n    state: new"
    ).replacingOccurrences(
      of: "text: \"Tumores\"\n    state: translated", with: "text: \"Tumores\"\n    state: needs-review")
    let byline = try #require(spanish.range(of: "  byline:\n"))
    let next = try #require(spanish.range(of: "  reviewed:\n", range: byline.upperBound..<spanish.endIndex))
    spanish.removeSubrange(byline.lowerBound..<next.lowerBound)
    let project = try Leaflet.project(spanish: spanish)
    let result = try project.run("--locale", "es", "--allow-incomplete", "--output", "-")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stderr
        == "note: es: leaflet: 3 of 8 messages are in English (en), taken from the source because their translation is not ready (1 missing, 1 new, 1 needs-review)\n"
    )
    #expect(result.stdout.contains("By Mayo Clinic Staff"))
  }
}

/// Checks JSON against a JSON Schema with Python's `jsonschema`, the reference validator.
/// Skips on a developer machine without it; CI installs it and sets CI=true.
enum SchemaCheck {
  static func validate(_ json: String, schema: URL) throws {
    let probe = Process()
    probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    probe.arguments = ["python3", "-c", "import jsonschema"]
    probe.standardError = FileHandle.nullDevice
    try? probe.run()
    probe.waitUntilExit()
    guard probe.terminationStatus == 0 else {
      if ProcessInfo.processInfo.environment["CI"] != nil {
        Issue.record("python3 -m jsonschema is needed in CI (pip install jsonschema)")
      } else {
        print("note: skipping the JSON Schema check: Python's jsonschema is not installed (pip install jsonschema)")
      }
      return
    }
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("netexport-\(UUID().uuidString).json")
    try Data(json.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let check = Process()
    check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    check.arguments = [
      "python3", "-c",
      "import json, sys, jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))",
      file.path, schema.path,
    ]
    let errors = Pipe()
    check.standardError = errors
    try check.run()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    check.waitUntilExit()
    #expect(check.terminationStatus == 0, "the report does not follow \(schema.lastPathComponent): \(message)")
  }
}

/// What a JUnit XML report holds, read with Foundation's XML parser.
final class JUnitSummary: NSObject, XMLParserDelegate {
  var suites: [String] = []
  var testCases = 0
  var failureTypes: [String] = []
  var declaredFailures = 0
  var systemOut: [String] = []
  private var inSystemOut = false
  private var text = ""

  init(xml: String) throws {
    super.init()
    let parser = XMLParser(data: Data(xml.utf8))
    parser.delegate = self
    guard parser.parse() else {
      throw parser.parserError ?? CocoaError(.coderReadCorrupt)
    }
  }

  func parser(
    _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    switch element {
    case "testsuites": declaredFailures = Int(attributes["failures"] ?? "") ?? -1
    case "testsuite": suites.append(attributes["name"] ?? "")
    case "testcase": testCases += 1
    case "failure": failureTypes.append(attributes["type"] ?? "")
    case "system-out":
      inSystemOut = true
      text = ""
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inSystemOut { text += string }
  }

  func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
    if element == "system-out" {
      systemOut.append(text)
      inSystemOut = false
    }
  }
}

@Suite struct PseudoCommandTests {
  /// The letters of a message's visible text (ICU syntax left out).
  func letters(_ text: String) -> Int { text.filter(\.isLetter).count }

  @Test func generatesLongerAccentedAndRightToLeftCatalogsThatValidateAndExport() throws {
    let cli = try CLI()
    for locale in ["en-XA", "ar-XB"] {
      let result = try cli.run("pseudo", "--locale", locale)
      #expect(result.status == 0, "\(result.stderr)")
      #expect(
        result.stdout == """
          Locales/\(locale)/neuroendocrine-tumors.yaml: 93 messages in the pseudo-locale \(locale)
          Locales/\(locale)/labels.yaml: 10 messages in the pseudo-locale \(locale)
          Locales/\(locale)/glossary.yaml: the glossary of the pseudo-locale \(locale)

          """)
    }
    let validation = try cli.run("validate", "--strict")
    #expect(validation.status == 0, "\(validation.stdout)\(validation.stderr)")
    let named = try cli.run("validate", "--strict", "--locale", "en-XA", "--locale", "ar-XB")
    #expect(named.status == 0, "\(named.stdout)\(named.stderr)")
    let accented = try cli.read("Locales/en-XA/neuroendocrine-tumors.yaml")
    #expect(accented.contains("text: \"[Ñéûŕöéñðöçŕîñé ţûɱöŕš åŕé çåñçéŕš"))
    // Names the document keeps in every language stay as they are; ICU syntax is untouched.
    #expect(accented.contains("Mayo Clinic"))
    #expect(
      accented.contains("{replies, plural, one {# Ŕéþļý} other {# Ŕéþļîéš}} · {posted, date, ::yMMMMEEEEd}"))
    for format in ["plain-text", "large-print-html", "audio-script", "ssml"] {
      #expect(try cli.run("--locale", "en-XA", "--format", format).status == 0)
      #expect(try cli.run("--locale", "ar-XB", "--format", format).status == 0)
    }
    #expect(try cli.run("--locale", "en").status == 0)
    let english = try cli.read("Exports/en/neuroendocrine-tumors.txt")
    let longer = try cli.read("Exports/en-XA/neuroendocrine-tumors.txt")
    #expect(Double(letters(longer)) >= 1.35 * Double(letters(english)), "\(letters(longer)) vs \(letters(english))")
    let html = try cli.read("Exports/ar-XB/neuroendocrine-tumors.html")
    #expect(html.contains("<html lang=\"ar-XB\" dir=\"rtl\">"))
    // Arabic plural rules need six branches; each starts as a copy of 'other'.
    let rtl = try cli.read("Locales/ar-XB/neuroendocrine-tumors.yaml")
    #expect(rtl.contains("zero {# رىپليىس} two {# رىپليىس} few {# رىپليىس} many {# رىپليىس} other {# رىپليىس}"))
    // --all ships real locales only, and --check does not ask for pseudo-locale exports.
    let all = try cli.run("--all")
    #expect(all.status == 0)
    #expect(!all.stdout.contains("XA") && !all.stdout.contains("XB"))
    #expect(try cli.run("--all", "--check").status == 0)
  }

  @Test func neverOverwritesATranslation() throws {
    let cli = try CLI()
    let path = "Locales/en-XA/neuroendocrine-tumors.yaml"
    try cli.write("locale: en-XA\nentries: {}\n", to: path)
    let result = try cli.run("pseudo", "--locale", "en-XA")
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "\(path):1: error[catalog-exists]: \(path) exists and was not generated by 'netexport pseudo'; netexport never overwrites a translation\n"
    )
    #expect(try cli.read(path) == "locale: en-XA\nentries: {}\n")
    #expect(try cli.run("pseudo", "--locale", "fr-XA").status == 64)
  }
}
