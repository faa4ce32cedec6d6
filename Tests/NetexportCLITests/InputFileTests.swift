import Foundation
import Testing

@Suite struct InputFileTests {
  @Test func aFIFOAsACatalogIsRefusedWithoutWaiting() throws {
    let cli = try CLI()
    #expect(mkfifo(cli.folder.appendingPathComponent("Locales/xx.yaml").path, 0o644) == 0)
    let result = try cli.run("validate", "--locale", "xx")
    #expect(result.status == 1)
    #expect(
      result.stdout.contains(
        "  Locales/xx.yaml: error[unreadable-file]: cannot read the file: it is a FIFO (named pipe), not a regular file\n"
      ))
  }

  @Test(arguments: [
    ("/dev/zero", "a character device"), ("/dev/null", "a character device"), (".", "a folder"),
  ])
  func contentThatIsNotARegularFileIsRefused(path: String, kind: String) throws {
    let result = try CLI().run("--locale", "en", "--content", path)
    #expect(result.status == 1)
    #expect(
      result.stderr == "\(path): error[unreadable-file]: cannot read the file: it is \(kind), not a regular file\n")
  }

  @Test func aFileOverTheSizeLimitIsRefusedUnread() throws {
    let cli = try CLI()
    // A sparse file: its size says 17 MiB without the disk holding them.
    let url = cli.folder.appendingPathComponent("huge.yaml")
    #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
    let handle = try FileHandle(forWritingTo: url)
    try handle.truncate(atOffset: 17 << 20)
    try handle.close()
    let result = try cli.run("--locale", "en", "--content", "huge.yaml")
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "huge.yaml: error[unreadable-file]: cannot read the file: it is larger than 16 MiB, the most netexport reads (a catalog or document is far smaller; is this the right file?)\n"
    )
  }
}
