import Foundation
import Testing

@testable import NetexportModel

/// The shortcuts taken where every catalog of a library is read give what the plain ways give:
/// a file read straight into an array sized by `fstat`, entry fields and states picked by the
/// name's length, and a document's glossary keys made without its other uses.
@Suite struct ReadingShortcutTests {
  /// Names compared as the reader compared them before, one known name after another.
  static func plainField(_ name: String) -> Catalog.EntryFields.Field? {
    switch name {
    case "text": .text
    case "note": .note
    case "previous-note": .previousNote
    case "source": .source
    case "previous-source": .previousSource
    case "state": .state
    case "allow": .allow
    default: nil
    }
  }

  /// Each known name, and names near one: other case, a letter more or less, other
  /// punctuation, full-width letters, a combining mark, text around it.
  static let names: [String] = {
    var names = Catalog.entryFields + CatalogEntry.State.allCases.map(\.rawValue)
    for known in names {
      names += [
        known.uppercased(), known + "s", String(known.dropLast()), String(known.dropFirst()), " " + known,
        known + "\u{301}", known.replacingOccurrences(of: "-", with: "_"),
        known.replacingOccurrences(of: "-", with: " "),
        String(known.unicodeScalars.map { Character(Unicode.Scalar($0.value + 0xFEE0) ?? $0) }),
      ]
    }
    return names + ["", "-", "e\u{301}", "\u{212A}", "texte", "notes", "sources"]
  }()

  @Test func entryFieldsAreFoundAsByComparingEachName() {
    for name in Self.names {
      #expect(Catalog.EntryFields.Field(name) == Self.plainField(name), "\(name.debugDescription)")
    }
  }

  @Test func statesAreFoundAsByRawValue() {
    for name in Self.names {
      #expect(Catalog.EntryFields.state(named: name) == CatalogEntry.State(rawValue: name), "\(name.debugDescription)")
    }
    for state in CatalogEntry.State.allCases {
      #expect(Catalog.EntryFields.state(named: state.rawValue) == state)
    }
  }

  /// The key index, made by position, finds the first entry of a key that is there twice.
  @Test func indexFindsTheFirstOfAKey() {
    let location = SourceLocation(file: "es.yaml")
    let entries = ["a", "b", "a", "c", "b"].enumerated().map {
      CatalogEntry(key: $1, text: "\($0)", location: location)
    }
    let catalog = Catalog(locale: "es", file: "es.yaml", entries: entries)
    #expect(["a", "b", "c", "d"].map { catalog[$0]?.text } == ["0", "1", "3", nil])
  }

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
