import ArgumentParser
import Foundation
import NetexportModel
import NetexportWorkspace

struct Migrate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Move a project of the old layout (Locales/<locale>.yaml) to the library layout.",
    discussion: """
      Writes netexport.yaml, Documents/<id>.yaml (the content model) and, per locale,
      Locales/<locale>/<id>.yaml (the document's messages), labels.yaml and glossary.yaml.
      Every entry, glossary entry and comment moves byte for byte, and every new file is
      read back and compared with the old catalog before anything is written; then the old
      Locales/<locale>.yaml files are removed. A locale whose catalog is complete is listed
      as shipped, any other as a draft. Nothing is written when the project has a manifest
      already, a catalog has any problem, or a new file would not read the same.
      Exit status: 0 when migrated, 1 when refused (nothing written), 64 for a usage error.
      """
  )

  @Option(name: .long, help: ArgumentHelp("The project folder, holding Locales/.", valueName: "dir"))
  var project: String = "."

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The content model the catalogs translate (earlier netexport bundled it: Sources/NetexportModel/Resources/neuroendocrine-tumors.yaml).",
      valueName: "file"))
  var content: String

  @Flag(name: .long, help: "Check and list what would be written and removed; write nothing.")
  var dryRun = false

  func validate() throws {
    if project.isEmpty { throw ValidationError("--project needs a folder.") }
    if content.isEmpty { throw ValidationError("--content needs a file name.") }
  }

  func run() throws {
    try reportingFailures {
      let project = Project(path: project)
      let (url, display) = (URL(fileURLWithPath: content), content)
      let migration = try LegacyMigration.plan(project: project, content: url, contentDisplayPath: display)
      let verb = dryRun ? "would write" : "wrote"
      var removed = migration.legacyCatalogs.map(\.path)
      var kept: [Diagnostic] = []
      if !dryRun {
        let result = try migration.write()
        removed = result.removed
        kept = result.kept
      }
      for file in migration.files { try Console.line("\(verb) \(project.displayPath(file.path))") }
      for path in removed { try Console.line("\(dryRun ? "would remove" : "removed") \(project.displayPath(path))") }
      for move in migration.moves { try Console.line(Self.summary(move, migration: migration, project: project)) }
      let listed = migration.moves.filter { $0.role == .shipped || $0.role == .draft }
      let shipped = listed.filter { $0.role == .shipped }.count
      try Console.line(
        "\(dryRun ? "Checked" : "Moved") \(migration.moves.count) locale\(migration.moves.count == 1 ? "" : "s") of \(migration.documentID): every entry, glossary entry and comment \(dryRun ? "would read" : "reads") the same in the new files. \(Manifest.fileName) lists source \(migration.sourceLocale), \(shipped) shipped, \(listed.count - shipped) draft."
      )
      if dryRun { try Console.line("Nothing was written (--dry-run).") }
      for warning in kept { Console.error(warning.description) }
    }
  }

  static func summary(_ move: LegacyMigration.LocaleMove, migration: LegacyMigration, project: Project) -> String {
    func count(_ number: Int, _ one: String, _ many: String, obsolete: Int = 0) -> String {
      "\(number) \(number == 1 ? one : many)\(obsolete > 0 ? " and \(obsolete) obsolete" : "")"
    }
    func path(_ name: String) -> String { project.displayPath("Locales/\(move.locale)/\(name).yaml") }
    return [
      "\(move.locale) (\(move.role.rawValue)):",
      count(move.documentEntries, "message", "messages", obsolete: move.documentObsolete), "to",
      path(migration.documentID) + ",", count(move.labelEntries, "label", "labels", obsolete: move.labelObsolete),
      "to", path("labels") + ",", count(move.glossaryEntries, "glossary entry", "glossary entries"), "to",
      path("glossary") + ",", count(move.comments, "comment line", "comment lines"),
    ].joined(separator: " ")
  }
}
