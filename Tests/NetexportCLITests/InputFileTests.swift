import Foundation
import NetexportTestSupport
import Testing

@Suite struct InputFileTests {
  @Test func aFIFOAsACatalogIsRefusedWithoutWaiting() throws {
    let cli = CLI(try TestProject.repository(shipped: ["es"]))
    let path = "Locales/es/neuroendocrine-tumors.yaml"
    try cli.project.remove(path)
    #expect(mkfifo(cli.project.url(path).path, 0o644) == 0)
    let result = try cli.run("validate", "--locale", "es")
    #expect(result.status == 1)
    #expect(
      result.stdout.contains(
        "  \(path): error[unreadable-file]: cannot read the file: it is a FIFO (named pipe), not a regular file\n"))
  }

  @Test func aFIFOAsAContentModelIsRefusedWithoutWaiting() throws {
    let cli = try CLI()
    #expect(mkfifo(cli.project.url("Documents/pills.yaml").path, 0o644) == 0)
    let result = try cli.run("validate")
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "Documents/pills.yaml: error[unreadable-file]: cannot read the file: it is a FIFO (named pipe), not a regular file\n"
    )
  }

  /// The Markdown file `import` reads is named by the user, wherever it is.
  @Test(arguments: [
    ("/dev/zero", "a character device"), ("/dev/null", "a character device"), (".", "a folder"),
  ])
  func markdownThatIsNotARegularFileIsRefused(path: String, kind: String) throws {
    let cli = try CLI()
    let before = try cli.project.snapshot()
    let result = try cli.run("import", path)
    #expect(result.status == 1)
    #expect(
      result.stderr == "\(path): error[unreadable-file]: cannot read the file: it is \(kind), not a regular file\n")
    #expect(try cli.project.snapshot() == before)
  }

  @Test func aFileOverTheSizeLimitIsRefusedUnread() throws {
    let cli = try CLI()
    // A sparse file: its size says 17 MiB without the disk holding them.
    let url = cli.folder.appendingPathComponent("huge.md")
    #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
    let handle = try FileHandle(forWritingTo: url)
    try handle.truncate(atOffset: 17 << 20)
    try handle.close()
    let result = try cli.run("import", "huge.md")
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "huge.md: error[unreadable-file]: cannot read the file: it is larger than 16 MiB, the most netexport reads (a catalog or document is far smaller; is this the right file?)\n"
    )
    #expect(!cli.exists("Documents/huge.yaml"))
  }
}
