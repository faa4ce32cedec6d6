import Foundation
import NetexportModel
import Testing

@Suite struct TextFileWritingTests {
  let folder: URL

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("netexport-textfile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() }

  func read(_ name: String) throws -> String {
    try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
  }

  @Test func preparesARecognisableTemporaryFileBesideTheTargetAndCommitsIt() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("handout.txt")
    try Data("old\n".utf8).write(to: target)
    let pending = try TextFile.prepare("new\n", to: target, displayPath: "handout.txt")
    let temporary = try #require(try names().first { $0 != "handout.txt" })
    let pattern = try Regex("^\\.handout\\.txt\\.netexport-\(getpid())-[0-9a-z]+\\.tmp$")
    #expect(temporary.wholeMatch(of: pattern) != nil, "\(temporary)")
    #expect(try read("handout.txt") == "old\n")
    #expect(try read(temporary) == "new\n")
    try TextFile.commit(pending)
    #expect(try names() == ["handout.txt"])
    #expect(try read("handout.txt") == "new\n")
  }

  @Test func discardLeavesTheTargetAsItWas() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("handout.txt")
    try Data("old\n".utf8).write(to: target)
    TextFile.discard(try TextFile.prepare("new\n", to: target, displayPath: "handout.txt"))
    #expect(try names() == ["handout.txt"])
    #expect(try read("handout.txt") == "old\n")
  }

  @Test func createsTheTargetOfADanglingLink() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let link = folder.appendingPathComponent("link.txt")
    #expect(symlink("made.txt", link.path) == 0)
    try TextFile.writeAtomically("new\n", to: link, displayPath: "link.txt")
    #expect(try read("made.txt") == "new\n")
    #expect(
      try FileManager.default.attributesOfItem(atPath: link.path)[.type] as? FileAttributeType == .typeSymbolicLink)
  }

  /// Bytes (a PDF) take the same path as text: written beside the file the link leads to,
  /// given its mode, and renamed there; the link stays, and every byte arrives as it was.
  @Test func writesBytesThroughALinkKeepingTheMode() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("handout.pdf")
    try Data("old".utf8).write(to: target)
    #expect(chmod(target.path, 0o640) == 0)
    let link = folder.appendingPathComponent("latest.pdf")
    #expect(symlink("handout.pdf", link.path) == 0)
    let bytes = Data([0x25, 0x50, 0x44, 0x46, 0x2D, 0xE2, 0xE3, 0xCF, 0xD3, 0x00, 0xFF, 0x0A])
    try TextFile.writeAtomically(bytes, to: link, displayPath: "latest.pdf")
    #expect(try Data(contentsOf: target) == bytes)
    let attributes = try FileManager.default.attributesOfItem(atPath: target.path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o640)
    #expect(
      try FileManager.default.attributesOfItem(atPath: link.path)[.type] as? FileAttributeType == .typeSymbolicLink)
    #expect(try names() == ["handout.pdf", "latest.pdf"])
  }

  /// The documented choice: a file with several hard links is replaced atomically, so its
  /// other names keep the old text (rewriting it in place could leave it half-written).
  @Test func replacesAHardLinkedFileRatherThanRewritingIt() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("es.yaml")
    try Data("old\n".utf8).write(to: target)
    #expect(link(target.path, folder.appendingPathComponent("other.yaml").path) == 0)
    try TextFile.writeAtomically("new\n", to: target, displayPath: "es.yaml")
    #expect(try read("es.yaml") == "new\n")
    #expect(try read("other.yaml") == "old\n")
  }

  @Test func anExclusiveWriteNeverReplaces() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("fr.yaml")
    try TextFile.writeAtomically("first\n", to: target, displayPath: "fr.yaml", exclusive: true)
    #expect(throws: DiagnosticError.self) {
      try TextFile.writeAtomically("second\n", to: target, displayPath: "fr.yaml", exclusive: true)
    }
    #expect(try read("fr.yaml") == "first\n")
    #expect(try names() == ["fr.yaml"])
  }
}

/// `TextFile.rewrite`, which `update` and `pseudo` write catalogs with: a translator's save
/// made between the read and the write is kept, and the command fails.
@Suite struct TextFileRewriteTests {
  let folder: URL
  let target: URL

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("netexport-rewrite-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    target = folder.appendingPathComponent("es.yaml")
    try Data("text: v1\n".utf8).write(to: target)
  }

  func contents() throws -> String { try String(contentsOf: target, encoding: .utf8) }

  /// An editor saves either by renaming a new file over the old one or by rewriting it.
  @Test(arguments: [true, false])
  func keepsASaveMadeWhileItWorked(editorRenames: Bool) throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let error = #expect(throws: DiagnosticError.self) {
      try TextFile.rewrite(target, displayPath: "Locales/es.yaml") { text in
        try Data("text: v2 (the translator's)\n".utf8).write(to: target, options: editorRenames ? .atomic : [])
        return text + "added: 1\n"
      }
    }
    #expect(error?.diagnostics.map(\.code) == ["changed-on-disk"])
    #expect(
      error?.description
        == "Locales/es.yaml: error[changed-on-disk]: the file changed on disk while netexport was working on it (saved from an editor?); nothing was written, so that change is kept: run the command again"
    )
    #expect(try contents() == "text: v2 (the translator's)\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["es.yaml"])
  }

  @Test func writesTheNewTextWhenNothingChangedMeanwhile() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try TextFile.rewrite(target, displayPath: "es.yaml") { $0 + "added: 1\n" })
    #expect(try contents() == "text: v1\nadded: 1\n")
    #expect(try !TextFile.rewrite(target, displayPath: "es.yaml") { _ in nil })
    #expect(try contents() == "text: v1\nadded: 1\n")
  }
}
