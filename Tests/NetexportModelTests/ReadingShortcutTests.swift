import Foundation
import Testing

@testable import NetexportModel

/// The shortcuts taken where every catalog of a library is read give what the plain ways give:
/// a file read straight into an array sized by `fstat`, and a document's glossary keys made
/// without its other uses.
@Suite struct ReadingShortcutTests {
  @Test func glossaryKeysAreThoseOfTheUses() throws {
    let url = CatalogLayoutTests.packageRoot.appendingPathComponent("Documents/neuroendocrine-tumors.yaml")
    let document = try Document.load(url, displayPath: "Documents/neuroendocrine-tumors.yaml")
    #expect(!document.terms.isEmpty && !document.abbreviations.isEmpty)
    #expect(document.glossaryKeys == document.uses.terms.map(\.glossaryKey))
  }

  /// Files of every size around the first read's room and the chunk size come back whole.
  @Test func readsWholeFilesOfAnySize() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("netexport-read-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let piece = "texte « é » 日本語 👍\n"
    for size in [0, 1, 4_095, 4_096, 65_535, 65_536, 65_537, 300_000] {
      let bytes = Array(String(repeating: piece, count: size / piece.utf8.count + 1).utf8.prefix(size))
      let url = folder.appendingPathComponent("\(size).yaml")
      try Data(bytes).write(to: url)
      #expect(try TextFile.readData(url, displayPath: "\(size).yaml").elementsEqual(bytes), "\(size) bytes")
      if let text = String(validating: bytes, as: UTF8.self) {
        let same = try TextFile.readUTF8(url, displayPath: "\(size).yaml") == text
        #expect(same, "\(size) bytes")
      }
    }
  }

  /// A descriptor whose size `fstat` does not know (a pipe here; a file that grows after it
  /// was looked at) is read on to its end.
  @Test func readsPastTheSizeFirstSeen() throws {
    let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
    let pipe = Pipe()
    let writer = Thread {
      pipe.fileHandleForWriting.write(Data(bytes))
      try? pipe.fileHandleForWriting.close()
    }
    writer.start()
    let read = try TextFile.readAll(pipe.fileHandleForReading.fileDescriptor, displayPath: "pipe")
    #expect(read.count == bytes.count)
    #expect(read.elementsEqual(bytes))
  }

  @Test func locatesInvalidUTF8InAFileRead() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("netexport-utf8-\(UUID().uuidString).yaml")
    defer { try? FileManager.default.removeItem(at: url) }
    try (Data("locale: es\nentries:\n  a:\n    text: caf".utf8) + Data([0xE9]) + Data("\n".utf8)).write(to: url)
    #expect {
      _ = try TextFile.readUTF8(url, displayPath: "Locales/es.yaml")
    } throws: { error in
      (error as? DiagnosticError)?.description
        == "Locales/es.yaml:4:14: error[invalid-utf8]: the file is not valid UTF-8 (byte 0xE9 at offset 38); save it as UTF-8"
    }
  }
}
