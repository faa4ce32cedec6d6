import Foundation
import NetexportICU
import NetexportModel
import Testing

@testable import NetexportWorkspace

/// This repository is the sample project, moved to the library layout by `netexport migrate`.
@Suite struct RepositoryLayoutTests {
  /// The repository's manifest, content model and NET catalogs are, byte for byte, what the
  /// migration makes of the legacy fixture (the repository's files before it), and no
  /// catalog of the old layout is left.
  ///
  /// A later change to one of these files is made to the fixture's catalog too, so that this
  /// stays true.
  @Test func theRepositoryIsTheMigrationsOutput() throws {
    let root = Fixtures.repositoryRoot
    let catalogs = try LegacyMigration.legacyCatalogs(in: Project(path: Fixtures.legacyProject.path))
    let content = try String(
      contentsOf: Fixtures.legacyProject.appendingPathComponent("neuroendocrine-tumors.yaml"), encoding: .utf8)
    let migration = try LegacyMigration(
      project: Project(path: root.path), catalogs: catalogs, content: content,
      contentPath: "Fixtures/legacy-project/neuroendocrine-tumors.yaml")

    #expect(migration.files.count == 2 + 8 * 3)
    for file in migration.files {
      let committed = try String(contentsOf: root.appendingPathComponent(file.path), encoding: .utf8)
      #expect(committed == file.text, "\(file.path) is not the migration's output")
    }
    let legacy = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Locales").path)
      .filter { $0.hasSuffix(".yaml") && !PseudoLocalizer.locales.contains(String($0.dropLast(5))) }
    #expect(legacy == [], "catalogs of the old layout left in Locales/")
  }
}

/// `netexport pseudo` writes test material into `Locales/<pseudo-locale>/`, which git leaves
/// out (the pseudo command says so).
@Suite struct PseudoLocaleIgnoreTests {
  @Test(arguments: PseudoLocalizer.locales)
  func gitIgnoresThePseudoLocalesFolder(locale: String) throws {
    let lines = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent(".gitignore"), encoding: .utf8)
      .split(separator: "\n").map(String.init)
    #expect(lines.contains("Locales/\(locale)/"))
    #expect(lines.contains("Exports/\(locale)/"))
  }
}

/// Issue 14: a patient reads the date of a discussion in full (weekday and month written
/// out, no leading zero), in every locale, in print and in speech.
@Suite struct DiscussionDateTests {
  static let expected: [(locale: String, printed: String, spoken: String)] = [
    (
      "en", "7 Replies · Wednesday, February 5, 2025",
      "seven Replies · Wednesday, February fifth, twenty twenty-five"
    ),
    (
      "ar", "٧ ردود · الأربعاء، ٥ فبراير ٢٠٢٥",
      "سبعة ردود · الأربعاء، الخامس من فبراير عام ألفين وخمسة وعشرين"
    ),
    (
      "de", "7 Antworten · Mittwoch, 5. Februar 2025",
      "sieben Antworten · Mittwoch, fünfter Februar zweitausendfünfundzwanzig"
    ),
    (
      "es", "7 respuestas · miércoles, 5 de febrero de 2025",
      "siete respuestas · miércoles, cinco de febrero de dos mil veinticinco"
    ),
    (
      "fr", "7 réponses · mercredi 5 février 2025",
      "sept réponses · mercredi cinq février deux mille vingt-cinq"
    ),
    (
      "pt-BR", "7 respostas · quarta-feira, 5 de fevereiro de 2025",
      "sete respostas · quarta-feira, cinco de fevereiro de dois mil e vinte e cinco"
    ),
    (
      "vi", "7 trả lời · Thứ Tư, 5 tháng 2, 2025",
      "bảy trả lời · Thứ Tư, ngày năm tháng hai năm hai nghìn không trăm hai mươi lăm"
    ),
    (
      "zh-Hans", "7条回复 · 2025年2月5日星期三",
      "七条回复 · 二〇二五年二月五日星期三"
    ),
  ]

  @Test(arguments: expected.map(\.locale))
  func theDateOfADiscussionIsWrittenInFull(locale: String) throws {
    let path = "Locales/\(locale)/neuroendocrine-tumors.yaml"
    let catalog = try Catalog.load(
      Fixtures.repositoryRoot.appendingPathComponent(path), displayPath: path, expectedLocale: locale,
      kind: .document("neuroendocrine-tumors"))
    let entry = try #require(catalog["community.discussion.meta"])
    let tag = try #require(LanguageTag(locale))
    let arguments: [String: MessageArgument] = [
      "replies": .number(7), "posted": .date(try #require(CalendarDay(year: 2025, month: 2, day: 5))),
    ]
    let expected = try #require(Self.expected.first { $0.locale == locale })
    #expect(try Formatting.message(entry.text, arguments: arguments, locale: tag) == expected.printed)
    #expect(try Formatting.spokenMessage(entry.text, arguments: arguments, locale: tag) == expected.spoken)
  }
}
