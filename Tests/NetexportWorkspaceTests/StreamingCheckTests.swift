import Foundation
import NetexportModel
import NetexportTestSupport
import NetexportWorkspace
import Testing

/// `validate` and `status` check a library file by file and let each catalog go once it is
/// checked (`keepCatalogs: false`); what they find must not depend on it.
@Suite struct StreamingCheckTests {
  /// The repository's project with a second document and mistakes in two locales.
  static func library() throws -> TestProject {
    let project = try TestProject.repository(shipped: ["es", "de"], drafts: ["fr"])
    let id = Repository.documentID
    try project.write(
      try project.read("Documents/\(id).yaml").replacingOccurrences(of: "id: \(id)\n", with: "id: second\n"),
      to: "Documents/second.yaml")
    for locale in ["en", "es", "de", "fr"] {
      try project.write(
        try project.read("Locales/\(locale)/\(id).yaml").replacingOccurrences(
          of: "document: \(id)\n", with: "document: second\n"),
        to: "Locales/\(locale)/second.yaml")
    }
    try project.edit(
      "Locales/es/second.yaml", replacing: "text: \"Síntomas y causas\"", with: "text: \"Síntomas y {causas\"")
    try project.remove("Locales/de/labels.yaml")
    try project.edit("Locales/fr/\(id).yaml", replacing: "state: translated", with: "state: needs-review")
    return project
  }

  @Test func checkingWithoutKeepingCatalogsFindsTheSame() throws {
    let folder = try Self.library()
    let workspace = try Workspace.open(folder.project)
    let locales = try workspace.locales([])
    let kept = workspace.check(locales)
    let streamed = workspace.check(locales, keepCatalogs: false)
    #expect(streamed.map(\.locale) == kept.map(\.locale))
    #expect(kept.flatMap(\.files).contains { $0.catalog != nil })
    #expect(streamed.flatMap(\.files).allSatisfy { $0.catalog == nil })
    for (left, right) in zip(kept, streamed) {
      #expect(left.files.map(\.path) == right.files.map(\.path))
      for (file, same) in zip(left.files, right.files) {
        #expect(file.findings == same.findings, "\(file.path)")
        #expect(file.status == same.status, "\(file.path)")
        #expect(file.checkedKeys == same.checkedKeys, "\(file.path)")
      }
    }
    let findings = streamed.flatMap(\.files).flatMap(\.findings)
    #expect(
      findings.contains { $0.code == "message-syntax" && $0.location?.file.hasSuffix("Locales/es/second.yaml") == true }
    )
    #expect(
      findings.contains {
        $0.code == "missing-catalog" && $0.location?.file.hasSuffix("Locales/de/labels.yaml") == true
      })
    #expect(findings.contains { $0.code == "needs-review" && $0.locale == "fr" })
  }

  /// A source file that cannot be read comes first, alone, as the source locale's check,
  /// also when the catalogs read are not kept (which leaves every check without one).
  @Test func anUnreadableSourceFileComesFirstWithoutKeptCatalogs() throws {
    let folder = try Self.library()
    try folder.edit("Locales/en/second.yaml", replacing: "text: \"Symptoms & causes\"", with: "text: \"Symptoms")
    // Read, with an error of its own: not among the files that could not be read.
    try folder.edit("Locales/en/labels.yaml", replacing: "text: \"References\"", with: "text: \"{References\"")
    let workspace = try Workspace.open(folder.project)
    let checks = workspace.check(try workspace.locales(["es"]), keepCatalogs: false)
    #expect(checks.map(\.locale.canonical) == ["en", "es"])
    #expect(checks[0].files.count == 1)
    #expect(checks[0].files.first?.path.hasSuffix("Locales/en/second.yaml") == true)
    #expect(checks[0].files.first?.errors.first?.code == "malformed-yaml")
    let sourceLabels = workspace.check(try workspace.locales(["en"]), keepCatalogs: false)[0].files.first {
      $0.path.hasSuffix("Locales/en/labels.yaml")
    }
    #expect(sourceLabels?.errors.first?.code == "message-syntax")
    // Its translations have nothing to be checked against.
    let second = try #require(checks[1].files.first { $0.path.hasSuffix("Locales/es/second.yaml") })
    #expect(second.findings.isEmpty && second.status == nil)
  }
}
