import Foundation
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
