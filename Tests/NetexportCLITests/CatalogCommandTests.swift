import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A small project for the catalog commands: a document of a few messages, its English
/// catalog, and a complete Spanish catalog that validates cleanly.
struct SmallProject {
  let cli: CLI

  static let document = """
    id: leaflet
    source-locale: en
    metadata:
      title: title
      byline: byline
      reviewed:
        key: reviewed
        arguments:
          reviewed: {date: 2024-02-29}
      publisher: Example Clinic
    sections:
      - id: only
        heading: only.heading
        blocks:
          - paragraph: only.text
          - paragraph:
              key: only.replies
              arguments:
                replies: {number: 7}
    references:
      heading: references.heading
      items: []
    terms:
      - {id: mutation, name: term.mutation}
    do-not-translate: [Mayo Clinic]

    """

  static let english = """
    locale: en
    entries:
      title:
        text: "Tumors"
      byline:
        text: "By Mayo Clinic Staff"
      reviewed:
        text: "Reviewed: {reviewed, date, ::yMMMMd}"
      only.heading:
        text: "Overview"
        note: "Section heading."
      only.text:
        text: "A mutation can cause 2 tumors."
      only.replies:
        text: "{replies, plural, one {# reply} other {# replies}}"
      references.heading:
        text: "References"
      term.mutation:
        text: "mutation"

    """

  static let spanish = """
    locale: es
    entries:
      title:
        source: "Tumors"
        text: "Tumores"
        state: translated
      byline:
        source: "By Mayo Clinic Staff"
        text: "Por el personal de Mayo Clinic"
        state: translated
      reviewed:
        source: "Reviewed: {reviewed, date, ::yMMMMd}"
        text: "Revisado: {reviewed, date, ::yMMMMd}"
        state: translated
      only.heading:
        source: "Overview"
        text: "Descripción general"
        state: translated
      only.text:
        source: "A mutation can cause 2 tumors."
        text: "Una mutación puede causar 2 tumores."
        state: translated
      only.replies:
        source: "{replies, plural, one {# reply} other {# replies}}"
        text: "{replies, plural, one {# respuesta} many {# de respuestas} other {# respuestas}}"
        state: translated
      references.heading:
        source: "References"
        text: "Referencias"
        state: translated
      term.mutation:
        source: "mutation"
        text: "mutación"
        state: translated

    """

  init(spanish: String? = SmallProject.spanish) throws {
    cli = try CLI()
    try cli.write(Self.document, to: "leaflet.yaml")
    try cli.write(Self.english, to: "Locales/en.yaml")
    if let spanish { try cli.write(spanish, to: "Locales/es.yaml") }
  }

  func run(_ arguments: String...) throws -> CLI.Result {
    try cli.run(arguments: arguments + ["--content", "leaflet.yaml"])
  }

  /// The Spanish catalog with one text replaced.
  static func spanish(replacing old: String, with new: String) -> String {
    precondition(spanish.contains(old))
    return spanish.replacingOccurrences(of: old, with: new)
  }
}

@Suite struct ValidateCommandTests {
  @Test func passesACompleteCatalog() throws {
    let project = try SmallProject()
    let result = try project.run("validate")
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(
      result.stdout == """
        Locales/en.yaml (source): no problems
        Locales/es.yaml (es): no problems
        2 catalogs checked: 0 errors, 0 warnings; passed.

        """)
  }

  static let broken = SmallProject.spanish(
    replacing: "text: \"Una mutación puede causar 2 tumores.\"", with: "text: \"Un cambio puede causar tumores.\""
  ).replacingOccurrences(of: "text: \"Referencias\"\n    state: translated", with: "text: \"\"\n    state: new")

  @Test func reportsFindingsGroupedByLocaleAndFails() throws {
    let project = try SmallProject(spanish: Self.broken)
    let result = try project.run("validate", "--locale", "es")
    #expect(result.status == 1)
    #expect(
      result.stdout == """
        Locales/es.yaml (es): 2 errors, 1 warning
          Locales/es.yaml:21:11: error[number-missing]: 'only.text' lacks the number "2" of the source text "A mutation can cause 2 tumors."; a changed number can mislead a patient
          Locales/es.yaml:21:11: warning[glossary-term]: 'only.text' translates a text that uses the glossary term "mutation", but not the agreed term "mutación"; use it, or add the form used here to glossary 'term.mutation' forms
          Locales/es.yaml:29:11: error[empty-text]: 'references.heading' has no text yet; translate "References", then set state: translated
        1 catalog checked: 2 errors, 1 warning; failed.

        """)
  }

  @Test func strictFailsOnWarnings() throws {
    let project = try SmallProject(
      spanish: SmallProject.spanish(replacing: "\"Descripción general\"", with: "\"Descripción  general\""))
    #expect(try project.run("validate").status == 0)
    let strict = try project.run("validate", "--strict")
    #expect(strict.status == 1)
    #expect(strict.stdout.contains("warning[doubled-space]"))
    #expect(strict.stdout.hasSuffix("1 warning; failed (--strict: warnings fail too).\n"))
  }

  @Test(arguments: [["validate", "--locale", "../x"], ["validate", "--report", "xml"], ["validate", "--bogus"]])
  func usageErrorsExit64(arguments: [String]) throws {
    let project = try SmallProject()
    #expect(try project.cli.run(arguments: arguments).status == 64)
  }

  @Test func jsonReportFollowsTheDocumentedSchema() throws {
    let project = try SmallProject(spanish: Self.broken)
    let result = try project.run("validate", "--report", "json")
    #expect(result.status == 1)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(json["passed"] as? Bool == false)
    let summary = try #require(json["summary"] as? [String: Int])
    #expect(summary == ["catalogs": 2, "errors": 2, "warnings": 1])
    let locales = try #require(json["locales"] as? [[String: Any]])
    let findings = try #require(locales.last?["findings"] as? [[String: Any]])
    #expect(findings.map { $0["code"] as? String } == ["number-missing", "glossary-term", "empty-text"])
    #expect(findings[0]["line"] as? Int == 21)
    #expect(findings[0]["key"] as? String == "only.text")
    try SchemaCheck.validate(
      result.stdout, schema: CLI.packageRoot.appendingPathComponent("docs/schemas/validation-report.schema.json"))
  }

  @Test func junitReportParsesBack() throws {
    let project = try SmallProject(spanish: Self.broken)
    let result = try project.run("validate", "--report", "junit")
    #expect(result.status == 1)
    let parsed = try JUnitSummary(xml: result.stdout)
    #expect(parsed.suites == ["en", "es"])
    // One test case per source message, plus one for the catalog file itself.
    #expect(parsed.testCases == 2 * 9)
    #expect(parsed.failureTypes == ["number-missing", "empty-text"])
    #expect(parsed.declaredFailures == 2)
    #expect(parsed.systemOut.contains { $0.contains("warning[glossary-term]") })
  }

  @Test func sarifReportParsesBack() throws {
    let project = try SmallProject(spanish: Self.broken)
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
      #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "Locales/es.yaml")
      #expect(((location["region"] as? [String: Any])?["startLine"] as? Int ?? 0) >= 1)
    }
    #expect(Set(results.compactMap { $0["level"] as? String }) == ["error", "warning"])
  }

  @Test func githubReportWritesAnnotations() throws {
    let project = try SmallProject(spanish: Self.broken)
    let result = try project.run("validate", "--locale", "es", "--report", "github")
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n")
    #expect(
      lines.first
        == "::error file=Locales/es.yaml,line=21,col=11,title=netexport number-missing (es only.text)::'only.text' lacks the number \"2\" of the source text \"A mutation can cause 2 tumors.\"; a changed number can mislead a patient"
    )
    #expect(lines.last == "::error::netexport validate: 1 catalog, 2 errors, 1 warning")
  }

  /// A key written with YAML escapes holds ESC, BEL and a line break followed by a GitHub
  /// workflow command; neither the report nor an export's error may print them raw.
  @Test func printsControlsFromACatalogEscaped() throws {
    let hostile = SmallProject.spanish + "  \"bad\\e[2J\\a\\n::error file=x::pwned\":\n    text: x\n"
    let project = try SmallProject(spanish: hostile)
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
    let project = try SmallProject()
    let result = try project.run("validate", "--report", "json", "--output", "report.json")
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
    #expect(try project.cli.read("report.json").contains("\"passed\" : true"))
  }
}

@Suite struct StatusInitUpdateCommandTests {
  @Test func statusCountsEveryMessageOnce() throws {
    let spanish = SmallProject.spanish(
      replacing: "text: \"Referencias\"\n    state: translated", with: "text: \"\"\n    state: new"
    )
    .replacingOccurrences(
      of: "text: \"Tumores\"\n    state: translated", with: "text: \"Tumores\"\n    state: needs-review"
    )
    .replacingOccurrences(of: "source: \"Overview\"", with: "source: \"Summary\"")
    let project = try SmallProject(spanish: spanish)
    let result = try project.run("status")
    #expect(result.status == 0)
    #expect(
      result.stdout == """
        locale  translated  needs review  stale  missing  complete
        es               5             1      1        1      62 %
        8 messages in the source catalog (en).

        """)
    let json = try project.run("status", "--report", "json")
    #expect(json.stdout.contains("\"needsReview\" : 1"))
    #expect(json.stdout.contains("\"percentComplete\" : 62"))
    try SchemaCheck.validate(
      json.stdout, schema: CLI.packageRoot.appendingPathComponent("docs/schemas/status-report.schema.json"))
  }

  @Test func initCreatesACatalogReadyToTranslateAndNeverOverwrites() throws {
    let project = try SmallProject(spanish: nil)
    let created = try project.run("init", "--locale", "pt-br")
    #expect(created.status == 0, "\(created.stderr)")
    #expect(
      created.stdout
        == "note: wrote the canonical form of 'pt-br', which is 'pt-BR'\nLocales/pt-BR.yaml: 8 messages to translate (Portuguese (Brazil))\n"
    )
    let text = try project.cli.read("Locales/pt-BR.yaml")
    #expect(
      text.contains(
        "  only.heading:\n    note: \"Section heading.\"\n    source: \"Overview\"\n    text: \"\"\n    state: new\n"))
    let status = try project.run("status")
    #expect(status.stdout.contains("pt-BR            0             0      0        8       0 %"))
    try project.cli.write("mine\n", to: "Locales/fr.yaml")
    let again = try project.run("init", "--locale", "fr")
    #expect(again.status == 1)
    #expect(
      again.stderr
        == "Locales/fr.yaml: error[catalog-exists]: Locales/fr.yaml exists already; netexport never overwrites a catalog (use 'netexport update --locale fr' to bring it up to date)\n"
    )
    #expect(try project.cli.read("Locales/fr.yaml") == "mine\n")
    #expect(try project.run("init", "--locale", "en_US").status == 64)
  }

  @Test func updateMarksChangesAndKeepsTranslations() throws {
    let project = try SmallProject()
    try project.cli.write(
      SmallProject.english.replacingOccurrences(of: "\"Overview\"", with: "\"Summary\"")
        + "  extra:\n    text: \"New line\"\n", to: "Locales/en.yaml")
    let dry = try project.run("update", "--dry-run")
    #expect(dry.status == 0)
    #expect(try project.cli.read("Locales/es.yaml") == SmallProject.spanish)
    let result = try project.run("update")
    #expect(
      result.stdout == """
        Locales/es.yaml: 1 added, 1 marked needs-review
          added: extra
          needs review: only.heading

        """)
    let text = try project.cli.read("Locales/es.yaml")
    #expect(
      text.contains(
        "  only.heading:\n    note: \"Section heading.\"\n    source: \"Summary\"\n    previous-source: \"Overview\"\n    text: \"Descripción general\"\n    state: needs-review\n"
      ))
    let validation = try project.run("validate", "--locale", "es")
    #expect(
      validation.stdout.contains(
        "error[needs-review]: 'only.heading' needs review: the source changed to \"[-Overview-]{+Summary+}\""))
    #expect(try project.run("update").stdout == "Locales/es.yaml: up to date\n")
  }

  /// A catalog whose first line ends in CR LF and the rest in LF crashed update (exit 132).
  @Test func updateKeepsEachLinesEndingInAMixedFile() throws {
    let mixed = SmallProject.spanish.replacingOccurrences(of: "locale: es\n", with: "locale: es\r\n")
    let project = try SmallProject(spanish: mixed)
    try project.cli.write(SmallProject.english + "  extra:\n    text: \"New line\"\n", to: "Locales/en.yaml")
    let result = try project.run("update")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "Locales/es.yaml: 1 added, 1 notes updated\n  added: extra\n")
    let text = try project.cli.read("Locales/es.yaml")
    #expect(text.hasPrefix("locale: es\r\nentries:\n"))
    #expect(text.hasSuffix("  extra:\n    source: \"New line\"\n    text: \"\"\n    state: new\n"))
  }

  /// A lone-CR catalog crashed update; now it is refused, naming the place, and left as it is.
  @Test func updateRefusesALoneCRCatalogAndLeavesItAlone() throws {
    let lonely = SmallProject.spanish.replacingOccurrences(of: "\n", with: "\r")
    let project = try SmallProject(spanish: lonely)
    try project.cli.write(SmallProject.english + "  extra:\n    text: \"New line\"\n", to: "Locales/en.yaml")
    let result = try project.run("update")
    #expect(result.status == 1)
    #expect(
      result.stderr.hasPrefix(
        "Locales/es.yaml:1:11: error[unusual-line-break]: a carriage return (CR) without a line feed after it"))
    #expect(try Data(contentsOf: project.cli.folder.appendingPathComponent("Locales/es.yaml")) == Data(lonely.utf8))
  }
}

@Suite struct ExportGateTests {
  @Test func refusesACatalogWithErrorsAndNamesThem() throws {
    let project = try SmallProject(spanish: ValidateCommandTests.broken)
    let result = try project.run("--locale", "es")
    #expect(result.status == 1)
    #expect(
      result.stderr == """
        Locales/es.yaml:21:11: error[number-missing]: 'only.text' lacks the number "2" of the source text "A mutation can cause 2 tumors."; a changed number can mislead a patient
        Locales/es.yaml:29:11: error[empty-text]: 'references.heading' has no text yet; translate "References", then set state: translated
        Locales/es.yaml: error[export-refused]: not exporting es: its catalog has 2 errors (above); fix them, or pass --allow-incomplete to fill the gaps from en

        """)
    #expect(!project.cli.exists("Exports"))
  }

  @Test func allowIncompleteFillsGapsFromTheSourceAndSaysHowMany() throws {
    let project = try SmallProject(spanish: ValidateCommandTests.broken)
    let result = try project.run("--locale", "es", "--allow-incomplete", "--output", "-")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stderr
        == "note: es: 2 of 8 messages are in English (en), taken from the source because their translation is not ready (1 empty-text, 1 number-missing)\n"
    )
    #expect(result.stdout.contains("A mutation can cause 2 tumors."))
    #expect(result.stdout.contains("References"))
    #expect(result.stdout.contains("Descripción general"))
    #expect(!result.stdout.contains("Un cambio"))
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
      #expect(result.stdout == "Locales/\(locale).yaml: 95 messages in the pseudo-locale \(locale)\n")
    }
    let validation = try cli.run("validate", "--strict")
    #expect(validation.status == 0, "\(validation.stdout)\(validation.stderr)")
    let accented = try cli.read("Locales/en-XA.yaml")
    #expect(accented.contains("text: \"[Ñéûŕöéñðöçŕîñé ţûɱöŕš åŕé çåñçéŕš"))
    // Names the document keeps in every language stay as they are; ICU syntax is untouched.
    #expect(accented.contains("Mayo Clinic"))
    #expect(accented.contains("{replies, plural, one {# Ŕéþļý} other {# Ŕéþļîéš}} · {posted, date, ::EEEyMMMdd}"))
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
    let rtl = try cli.read("Locales/ar-XB.yaml")
    #expect(rtl.contains("zero {# رىپليىس} two {# رىپليىس} few {# رىپليىس} many {# رىپليىس} other {# رىپليىس}"))
    // --all ships real locales only.
    let all = try cli.run("--all")
    #expect(all.status == 0)
    #expect(!all.stdout.contains("XA") && !all.stdout.contains("XB"))
  }

  @Test func neverOverwritesATranslation() throws {
    let cli = try CLI()
    try cli.write("locale: en-XA\nentries: {}\n", to: "Locales/en-XA.yaml")
    let result = try cli.run("pseudo", "--locale", "en-XA")
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "Locales/en-XA.yaml:1: error[catalog-exists]: Locales/en-XA.yaml exists and was not generated by 'netexport pseudo'; netexport never overwrites a translation\n"
    )
    #expect(try cli.read("Locales/en-XA.yaml") == "locale: en-XA\nentries: {}\n")
    #expect(try cli.run("pseudo", "--locale", "fr-XA").status == 64)
  }
}
