import Foundation
import NetexportICU
import NetexportModel
import NetexportReadability
import NetexportResolution
import NetexportTestSupport
import NetexportValidation
import Testing

/// Whole readability reports (every count, every score, the hardest sentences in order, with
/// their words and places) compared with reports recorded before the readability pipeline was
/// rewritten for speed (`Fixtures/Golden/*.json`, recorded at commit d5cb295): any change in
/// what is counted, or in which sentences are listed, shows here. The big corpora (6 MB
/// generated, 7.5 MB of Python's documentation) are compared the same way by
/// `scripts/benchmark-readability`.
///
/// With RECORD_GOLDEN set, the reports are written instead of compared.
@Suite("Golden readability reports")
struct GoldenReportTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/Golden")
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// `<name>.<language>.txt`: the plain-text exports of every shipped locale, an Italian
  /// handout, and edge cases per language (abbreviations, list items, underlines, CR LF,
  /// combining marks, emoji, Hangul jamo, Devanagari, Thai, text without a final newline).
  static let texts: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
    return names.filter { $0.hasSuffix(".txt") }.sorted()
  }()

  /// The locales shipped in `Locales/` (pseudo-locales are generated, and left out).
  static let shippedLocales = ["ar", "de", "en", "es", "fr", "pt-BR", "vi", "zh-Hans"]

  @Test func everyLanguageHasAText() {
    let languages = Set(Self.texts.map { $0.split(separator: ".")[1] })
    #expect(languages.isSuperset(of: ["en", "es", "fr", "de", "pt-BR", "it", "zh-Hans", "ar", "vi"]))
  }

  @Test(arguments: texts)
  func textFile(_ name: String) throws {
    let tag = try #require(LanguageTag(String(name.split(separator: ".")[1])))
    let text = try TextFile.readUTF8(Self.fixtures.appendingPathComponent(name), displayPath: name)
    let report = try Readability.score(text: text, file: "Golden/\(name)", locale: tag, targets: [], hardest: 10)
    guard var expected = try Self.compare(report, with: String(name.dropLast(4)) + ".json") else { return }
    // A short list is the head of the long one (ties keep text order).
    let short = try Readability.score(text: text, file: "Golden/\(name)", locale: tag, targets: [], hardest: 3)
    expected.hardest = Array(expected.hardest.prefix(3))
    #expect(short == expected)
  }

  @Test(arguments: shippedLocales)
  func document(_ locale: String) throws {
    let config = try ReadabilityConfig.load(
      Self.packageRoot.appendingPathComponent("readability.yaml"), displayPath: "readability.yaml")
    let document = try Repository.document()
    func report(_ locale: String) throws -> ReadabilityReport {
      try Readability.score(
        Repository.resolved(locale), targets: config.targets[locale] ?? [], hardest: 10,
        isSourceLocale: locale == document.sourceLocale)
    }
    var scored = try report(locale)
    scored.compare(withSource: try report(document.sourceLocale))
    _ = try Self.compare(scored, with: "document.\(locale).json")
  }

  static func encode(_ report: ReadabilityReport) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
  }

  /// Compares a report with `Fixtures/Golden/<name>` byte for byte, and returns the recorded
  /// report (nil when recording).
  static func compare(
    _ report: ReadabilityReport, with name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws -> ReadabilityReport? {
    let url = fixtures.appendingPathComponent(name)
    let json = try encode(report)
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
      try Data(json.utf8).write(to: url)
      return nil
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(json == expected, "differs from Fixtures/Golden/\(name)", sourceLocation: sourceLocation)
    return try JSONDecoder().decode(ReadabilityReport.self, from: Data(expected.utf8))
  }
}
