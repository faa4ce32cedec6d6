import Foundation
import NetexportICU
import NetexportModel
import NetexportValidation
import Testing

/// `validate(project:)` reads the catalogs of a project folder: the fixtures' English
/// catalog, a clean Spanish one, and problems only a folder can have.
@Suite struct ProjectValidationTests {
  let folder: URL
  let project: Project

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("netexport-validation-\(UUID().uuidString)")
    let locales = folder.appendingPathComponent("Locales")
    try FileManager.default.createDirectory(at: locales, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: Fixtures.folder.appendingPathComponent("en.yaml"), to: locales.appendingPathComponent("en.yaml"))
    try FileManager.default.copyItem(
      at: Fixtures.checks.appendingPathComponent("clean.es.yaml"), to: locales.appendingPathComponent("es.yaml"))
    // A folder where a catalog file should be.
    try FileManager.default.createDirectory(
      at: locales.appendingPathComponent("fr.yaml"), withIntermediateDirectories: true)
    project = Project(path: folder.path)
  }

  @Test func reportsEveryCatalogOfTheProject() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let validator = try Validator.forProject(project, document: Fixtures.document())
    let report = try validator.validate(project: project)
    #expect(report.locales.map(\.locale) == ["en", "es", "fr"])
    #expect(report.locales.map(\.isSource) == [true, false, false])
    #expect(report.locales[0].findings.isEmpty)
    #expect(report.locales[1].findings.isEmpty)
    let unreadable = try #require(report.locales[2].findings.first)
    #expect(report.locales[2].findings.count == 1)
    #expect(unreadable.code == "unreadable-file")
    #expect(unreadable.locale == "fr")
    #expect(Rule.named(unreadable.code)?.severity == .error)
    #expect(report.errorCount == 1 && report.warningCount == 0)
    #expect(!report.passes(strict: false))
  }
}
