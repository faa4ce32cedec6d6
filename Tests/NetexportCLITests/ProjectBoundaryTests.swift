import Foundation
import NetexportTestSupport
import Testing

/// Symbolic links inside a project must not lead netexport out of it: CI reads and writes
/// checkouts someone else wrote, often as root.
@Suite struct ProjectBoundaryTests {
  /// A folder outside the project holding a file that must never be echoed or changed.
  struct Outside {
    let folder: URL
    let secret: URL
    static let text = "root:$y$j9T$SECRETHASH:19000:0:99999:7:::\npassword: hunter2\n"

    init() throws {
      folder = FileManager.default.temporaryDirectory.appendingPathComponent("netexport-outside-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      secret = folder.appendingPathComponent("shadow")
      try Data(Self.text.utf8).write(to: secret)
    }

    func unchanged() throws -> Bool { try String(contentsOf: secret, encoding: .utf8) == Self.text }
  }

  static func leaks(_ result: CLI.Result, _ outside: Outside) -> Bool {
    let all = result.stdout + result.stderr
    return all.contains("SECRETHASH") || all.contains("hunter2") || all.contains(outside.folder.path)
  }

  static func refusal(_ path: String) -> String {
    "\(path): error[outside-project]: \(path) is a symbolic link that leads outside the project folder; netexport does not follow it there (put the file itself inside the project, or name its real path)"
  }

  /// The NET project with Spanish shipped, and one of its files replaced by a link to the
  /// file outside.
  static func linked(_ path: String, to outside: Outside) throws -> CLI {
    let cli = CLI(try TestProject.repository(shipped: ["es"]))
    try cli.project.remove(path)
    #expect(symlink(outside.secret.path, cli.project.url(path).path) == 0)
    return cli
  }

  static let commands = [
    ["validate"], ["validate", "--locale", "es", "--report", "json"], ["--locale", "es"], ["--all"],
    ["update", "--locale", "es"], ["status"], ["readability", "--locale", "es"],
  ]

  @Test(arguments: commands)
  func aCatalogLinkedOutsideIsRefusedAndNeverEchoed(arguments: [String]) throws {
    let outside = try Outside()
    let path = "Locales/es/neuroendocrine-tumors.yaml"
    let cli = try Self.linked(path, to: outside)
    let result = try cli.run(arguments: arguments)
    #expect(result.status == 1)
    #expect(
      (result.stdout + result.stderr).contains(arguments.contains("json") ? "outside-project" : Self.refusal(path)),
      "\(result.stdout)\(result.stderr)")
    #expect(!Self.leaks(result, outside), "\(result.stdout)\(result.stderr)")
    #expect(try outside.unchanged())
  }

  /// The same for the other files a project reads: a content model, the labels, a glossary
  /// and the manifest. Every command that reads the file refuses it (a command that does
  /// not need it, such as update for a target's glossary, leaves it alone); none echoes it.
  @Test(arguments: [
    "Documents/neuroendocrine-tumors.yaml", "Locales/en/labels.yaml", "Locales/es/glossary.yaml", "netexport.yaml",
  ])
  func anyProjectFileLinkedOutsideIsRefusedAndNeverEchoed(path: String) throws {
    let outside = try Outside()
    let cli = try Self.linked(path, to: outside)
    for arguments in Self.commands {
      let result = try cli.run(arguments: arguments)
      let output = result.stdout + result.stderr
      let reads = !(path.hasSuffix("glossary.yaml") && (arguments.first == "update" || arguments.first == "status"))
      if reads {
        #expect(result.status == 1, "\(arguments): \(output)")
        #expect(
          output.contains(arguments.contains("json") ? "outside-project" : Self.refusal(path)),
          "\(arguments): \(output)")
      }
      #expect(!Self.leaks(result, outside), "\(arguments): \(output)")
    }
    #expect(try outside.unchanged())
  }

  @Test func aCatalogLinkedInsideTheProjectIsRead() throws {
    let cli = try CLI()
    let path = "Locales/en/neuroendocrine-tumors.yaml"
    try cli.write(try cli.read(path), to: "shared/en/neuroendocrine-tumors.yaml")
    try cli.project.remove(path)
    #expect(symlink("../../shared/en/neuroendocrine-tumors.yaml", cli.project.url(path).path) == 0)
    let result = try cli.run("validate")
    #expect(result.status == 0, "\(result.stdout)")
    #expect(try cli.run("--all").status == 0)
  }

  @Test(arguments: [["validate", "--output", "report.txt"], ["--locale", "en", "--output", "report.txt"]])
  func anOutputLinkedOutsideIsNotWrittenThrough(arguments: [String]) throws {
    let outside = try Outside()
    let cli = try CLI()
    #expect(symlink(outside.secret.path, cli.folder.appendingPathComponent("report.txt").path) == 0)
    let result = try cli.run(arguments: arguments)
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "report.txt: error[outside-project]: report.txt is a symbolic link that leads outside the project folder; netexport does not follow it there (put the file itself inside the project, or name its real path)\n"
    )
    #expect(try outside.unchanged())
  }

  @Test func anExportFolderLinkedOutsideIsNotWrittenInto() throws {
    let outside = try Outside()
    let cli = try CLI()
    try FileManager.default.createDirectory(
      at: cli.folder.appendingPathComponent("Exports"), withIntermediateDirectories: true)
    #expect(symlink(outside.folder.path, cli.folder.appendingPathComponent("Exports/en").path) == 0)
    let result = try cli.run("--all")
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("Exports/en/neuroendocrine-tumors.txt: error[outside-project]: "))
    #expect(try FileManager.default.contentsOfDirectory(atPath: outside.folder.path) == ["shadow"])
  }
}
