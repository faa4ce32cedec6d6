import Foundation
import Testing

/// The kind of file at a path, without following a symbolic link there.
func fileKind(_ url: URL) -> mode_t {
  var info = stat()
  return lstat(url.path, &info) == 0 ? info.st_mode & S_IFMT : 0
}

/// The permission bits and owner of a file.
func fileMode(_ url: URL) -> (mode: mode_t, uid: uid_t, gid: gid_t) {
  var info = stat()
  _ = stat(url.path, &info)
  return (info.st_mode & 0o7777, info.st_uid, info.st_gid)
}

/// `--output` and every other write: what is at the path decides how it is written.
@Suite struct OutputFileTests {
  static func englishText(_ cli: CLI) throws -> String { try cli.run("--locale", "en", "--output", "-").stdout }

  @Test(.enabled(if: geteuid() == 0, "creating a device node needs root"))
  func writesIntoACharacterDeviceWithoutReplacingIt() throws {
    let cli = try CLI()
    // A node of its own for the null device (major 1, minor 3): a regression must not be
    // able to replace the machine's /dev/null.
    let device = cli.folder.appendingPathComponent("null")
    #expect(mknod(device.path, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0)
    for arguments in [["--locale", "en", "--output", "null"], ["validate", "--output", "null"]] {
      let result = try cli.run(arguments: arguments)
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
      #expect(fileKind(device) == S_IFCHR, "\(arguments) replaced the device")
    }
  }

  @Test func writesIntoAFIFOWithoutReplacingIt() throws {
    let cli = try CLI()
    let fifo = cli.folder.appendingPathComponent("handout.fifo")
    #expect(mkfifo(fifo.path, 0o644) == 0)
    let reader = open(fifo.path, O_RDONLY | O_NONBLOCK)
    #expect(reader >= 0)
    defer { close(reader) }
    let result = try cli.run("--locale", "en", "--output", "handout.fifo")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(fileKind(fifo) == S_IFIFO)
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    let count = read(reader, &buffer, buffer.count)
    #expect(String(decoding: buffer[0..<max(0, count)], as: UTF8.self) == (try Self.englishText(cli)))
  }

  @Test func aFIFOThatNobodyReadsIsAnErrorNotAWait() throws {
    let cli = try CLI()
    let fifo = cli.folder.appendingPathComponent("handout.fifo")
    #expect(mkfifo(fifo.path, 0o644) == 0)
    let result = try cli.run("--locale", "en", "--output", "handout.fifo")
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "handout.fifo: error[unwritable-output]: cannot write the file (it is a FIFO (named pipe) that nobody reads)\n"
    )
    #expect(fileKind(fifo) == S_IFIFO)
  }

  /// `/dev/stdout` and `/dev/fd/1` are standard output itself (the real `/dev/stdout` is
  /// reached through a link of the test's own, so that a regression cannot replace it).
  @Test(arguments: ["/dev/fd/1", "stdout-link"])
  func writesToStandardOutputThroughItsPaths(path: String) throws {
    let cli = try CLI()
    #expect(symlink("/dev/stdout", cli.folder.appendingPathComponent("stdout-link").path) == 0)
    let result = try cli.run("--locale", "en", "--output", path)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == (try Self.englishText(cli)))
    #expect(fileKind(cli.folder.appendingPathComponent("stdout-link")) == S_IFLNK)
  }

  @Test func followsASymbolicLinkAndKeepsIt() throws {
    let cli = try CLI()
    try cli.write("old\n", to: "real/handout.txt")
    #expect(symlink("real/handout.txt", cli.folder.appendingPathComponent("handout.txt").path) == 0)
    let result = try cli.run("--locale", "en", "--output", "handout.txt")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(fileKind(cli.folder.appendingPathComponent("handout.txt")) == S_IFLNK)
    #expect(try cli.read("real/handout.txt") == (try Self.englishText(cli)))
  }

  @Test func keepsTheModeAndOwnerOfTheFileItReplaces() throws {
    let cli = try CLI()
    try cli.write("old\n", to: "handout.txt")
    let url = cli.folder.appendingPathComponent("handout.txt")
    #expect(chmod(url.path, 0o640) == 0)
    let root = geteuid() == 0
    if root { #expect(chown(url.path, 1234, 5678) == 0) }
    let result = try cli.run("--locale", "en", "--output", "handout.txt")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try cli.read("handout.txt") == (try Self.englishText(cli)))
    #expect(fileMode(url).mode == 0o640)
    if root { #expect(fileMode(url).uid == 1234 && fileMode(url).gid == 5678) }
  }

  @Test func refusesToReplaceAReadOnlyFile() throws {
    let cli = try CLI()
    try cli.write("protected\n", to: "handout.txt")
    #expect(chmod(cli.folder.appendingPathComponent("handout.txt").path, 0o444) == 0)
    let result = try cli.run("--locale", "en", "--output", "handout.txt")
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "handout.txt: error[unwritable-output]: cannot write the file: it is read-only (mode 0444); netexport does not replace a protected file (make it writable first if it should be replaced)\n"
    )
    #expect(try cli.read("handout.txt") == "protected\n")
  }

  @Test func refusesAFolder() throws {
    let cli = try CLI()
    let result = try cli.run("--locale", "en", "--output", "Locales")
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "Locales: error[unwritable-output]: cannot write the file: it is a folder; netexport writes regular files, character devices such as /dev/null and pipes\n"
    )
  }

  @Test(arguments: [["--locale", "en", "--output", ""], ["validate", "--output", ""]])
  func anEmptyOutputIsAUsageError(arguments: [String]) throws {
    let result = try CLI().run(arguments: arguments)
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix("Error: --output needs a file name, or '-' for standard output.\n"))
  }

  @Test func validateWritesToStandardOutputForADash() throws {
    let project = try Leaflet.project()
    let result = try project.run("validate", "--report", "json", "--output", "-")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("\"passed\" : true"))
    #expect(!project.exists("-"))
  }

  /// A catalog kept elsewhere in the project and linked into Locales/: update edits the
  /// file, keeps the link, and keeps the file's mode.
  @Test func updateEditsALinkedCatalogInPlaceOfTheLink() throws {
    let cli = try Leaflet.project()
    try cli.write(Leaflet.spanish, to: "translations/es/leaflet.yaml")
    try cli.project.remove("Locales/es/leaflet.yaml")
    #expect(symlink("../../translations/es/leaflet.yaml", cli.project.url("Locales/es/leaflet.yaml").path) == 0)
    #expect(chmod(cli.project.url("translations/es/leaflet.yaml").path, 0o640) == 0)
    try cli.write(
      Leaflet.english.replacingOccurrences(of: "\"Overview\"", with: "\"Summary\""), to: "Locales/en/leaflet.yaml")
    let result = try cli.run("update")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(fileKind(cli.project.url("Locales/es/leaflet.yaml")) == S_IFLNK)
    #expect(try cli.read("translations/es/leaflet.yaml").contains("previous-source: \"Overview\""))
    #expect(fileMode(cli.project.url("translations/es/leaflet.yaml")).mode == 0o640)
  }
}
