import Foundation
import NetexportICU
import NetexportModel
import NetexportResolution
import NetexportTestSupport
import NetexportValidation
import Testing

/// The fixture document, its English catalog, and one target catalog per check.
enum Fixtures {
  static let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
  static let checks = folder.appendingPathComponent("checks")
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static let sourceLocale = LanguageTag("en")!

  static func document() throws -> Document {
    try Document.load(folder.appendingPathComponent("document.yaml"), displayPath: "document.yaml")
  }

  static func english() throws -> Catalog {
    try Catalog.load(
      folder.appendingPathComponent("en.yaml"), displayPath: "en.yaml", expectedLocale: "en", lenient: true)
  }

  static func validator() throws -> Validator {
    Validator(document: try document(), source: try english(), sourceLocale: sourceLocale)
  }

  /// The file names in `checks/`, sorted.
  static let checkNames: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: checks.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted()
  }()

  /// The locale a fixture is for: `missing-key.es.yaml` is Spanish, `clean.zh-Hans.yaml` Chinese.
  static func locale(ofFixture name: String) -> String {
    String(name.dropLast(".yaml".count).split(separator: ".").last ?? "")
  }

  /// The check a fixture is about: the file name up to the locale, without a `--variant`.
  static func code(ofFixture name: String) -> String {
    let stem = String(name.split(separator: ".").first ?? "")
    return stem.components(separatedBy: "--").first ?? stem
  }

  /// The `# expect:` lines at the top of a fixture, in order.
  static func expectations(in name: String) throws -> [String] {
    // Read as bytes: one fixture is deliberately not valid UTF-8.
    let text = String(decoding: try Data(contentsOf: checks.appendingPathComponent(name)), as: UTF8.self)
    let prefix = "# expect: "
    return text.split(separator: "\n", omittingEmptySubsequences: false).prefix { $0.hasPrefix("#") }
      .filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
  }

  /// What the validator reports for a fixture: what the loader throws for a file it cannot
  /// read at all, otherwise the findings for the catalog (`validateSource` for English).
  static func findings(for name: String) throws -> [Diagnostic] {
    let locale = locale(ofFixture: name)
    let file = "checks/\(name)"
    let catalog: Catalog
    do {
      catalog = try Catalog.load(
        checks.appendingPathComponent(name), displayPath: file, expectedLocale: locale, lenient: true)
    } catch let error as DiagnosticError {
      return error.diagnostics
    }
    let document = try document()
    if locale == document.sourceLocale {
      return Validator(document: document, source: catalog, sourceLocale: sourceLocale).validateSource()
    }
    let tag = try #require(LanguageTag(locale), "the file name of \(name) does not end in a locale")
    return try validator().validate(catalog, locale: tag)
  }
}

@Suite struct CatalogCheckTests {
  @Test(arguments: Fixtures.checkNames)
  func reportsExactlyTheExpectedFindings(fixture name: String) throws {
    let expected = try Fixtures.expectations(in: name)
    let found = try Fixtures.findings(for: name).map(\.description)
    #expect(found == expected, "checks/\(name):\n\(found.map { "# expect: \($0)" }.joined(separator: "\n"))")
  }

  @Test(arguments: Fixtures.checkNames)
  func eachCheckFixtureShowsItsCheck(fixture name: String) throws {
    let code = Fixtures.code(ofFixture: name)
    let codes = try Fixtures.findings(for: name).map(\.code)
    if code == "clean" {
      #expect(codes.isEmpty)
    } else {
      #expect(codes.contains(code), "checks/\(name) gives \(codes), not \(code)")
    }
  }

  @Test func thereIsAFixtureForEveryCheck() {
    let covered = Set(Fixtures.checkNames.map(Fixtures.code(ofFixture:)))
    // Reported only by `validateFile`, which reads from a project folder: see ProjectValidationTests.
    // Reported for a project's locales as a whole: see the workspace tests.
    let elsewhere: Set<String> = [
      "unreadable-file", "unreadable-catalog", "outside-project", "missing-catalog", "unlisted-locale",
    ]
    let uncovered = Rule.all.map(\.code).filter { !covered.contains($0) && !elsewhere.contains($0) }
    #expect(uncovered.isEmpty, "no fixture in checks/ for \(uncovered)")
    #expect(Fixtures.checkNames.count >= 3)
  }

  @Test(arguments: Fixtures.checkNames)
  func findingsUseTheRulesCodesAndSeverities(fixture name: String) throws {
    for finding in try Fixtures.findings(for: name) {
      let rule = try #require(Rule.named(finding.code), "\(finding.code) is not in Rule.all")
      // Spanish 'many' (exact millions only) is the one documented downgrade.
      if finding.code == "plural-category-missing" && finding.severity == .warning { continue }
      // What is pending work in a translation is an error in the source: no locale can export without it.
      if Usability.codes.contains(finding.code) && name.contains(".en.") {
        #expect(finding.severity == .error, "\(finding)")
        continue
      }
      #expect(finding.severity == rule.severity, "\(finding)")
    }
  }

  /// The JSON report's schema lists every code a finding can have, so reports validate.
  @Test func theReportSchemaListsEveryCode() throws {
    let schema = try JSONSerialization.jsonObject(
      with: Data(contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/schemas/validation-report.schema.json")))
    func codes(in value: Any) -> [String]? {
      if let object = value as? [String: Any] {
        if let code = object["code"] as? [String: Any], let codes = code["enum"] as? [String] { return codes }
        return object.values.lazy.compactMap(codes).first
      }
      return (value as? [Any])?.lazy.compactMap(codes).first
    }
    let listed = Set(try #require(codes(in: schema)))
    #expect(Rule.all.map(\.code).filter { !listed.contains($0) } == [])
  }

  @Test func theSourceCatalogHasNoFindings() throws {
    let findings = try Fixtures.validator().validateSource()
    #expect(findings.map(\.description) == [])
  }

  /// The repository's English catalogs: the NET document's (against the messages the
  /// document uses) and the labels (against the labels every export uses).
  @Test func theProjectsEnglishCatalogsHaveNoFindings() throws {
    let glossary = try Repository.catalog("en", .glossary).glossary
    let document = Validator(
      uses: try Repository.document().uses, source: try Repository.catalog("en", .document(Repository.documentID)),
      sourceGlossary: glossary, sourceLocale: Fixtures.sourceLocale)
    #expect(document.validateSource().map(\.description) == [])
    let labels = Validator(
      uses: Labels.uses, source: try Repository.catalog("en", .labels), sourceGlossary: glossary,
      sourceLocale: Fixtures.sourceLocale)
    #expect(labels.validateSource().map(\.description) == [])
  }

  @Test func findingsCarryLocaleAndKey() throws {
    let findings = try Fixtures.findings(for: "number-missing.es.yaml")
    #expect(findings.allSatisfy { $0.locale == "es" && $0.key == "dosing.dose" })
  }
}
