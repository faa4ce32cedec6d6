import Foundation
import NetexportICU
import NetexportModel
import NetexportTestSupport
import NetexportWorkspace
import Testing

/// `netexport new` writes English labels from a copy netexport carries; they must be the
/// labels this repository's English catalog has, word for word, note for note.
@Suite struct NewProjectLabelsTests {
  @Test func aNewProjectHasTheRepositorysEnglishLabels() throws {
    let folder = try TestProject()
    let project = Project(path: folder.url("new").path)
    _ = try Workspace.create(project, sourceLocale: LanguageTag("en")!)
    let created = try Catalog.load(
      project.catalogURL("en", .labels), displayPath: "labels.yaml", expectedLocale: "en", kind: .labels)
    let repository = try Repository.catalog("en", .labels)
    func fields(_ entry: CatalogEntry) -> [String?] { [entry.key, entry.text, entry.note] }
    #expect(created.entries.map(fields) == repository.entries.map(fields))
    #expect(Set(created.keys) == Labels.keys)
  }
}
