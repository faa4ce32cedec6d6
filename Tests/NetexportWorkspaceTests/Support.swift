import Foundation
import NetexportModel
import NetexportTestSupport
import Testing

enum Fixtures {
  /// `Fixtures/legacy-project`: this repository's catalogs and content model as they were
  /// before the migration (`Locales/<locale>.yaml`, `neuroendocrine-tumors.yaml`).
  static let legacyProject = Bundle.module.url(forResource: "Fixtures/legacy-project", withExtension: nil)!

  /// The repository's root, found from this file's path.
  static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The label keys as the issue lists them, written out here rather than taken from
  /// `Labels.keys`, so that the tests do not share the migration's idea of what a label is.
  static let labelKeys: Set<String> = [
    "references.heading", "export.page-counter", "audio.part", "audio.list-count", "audio.aside", "audio.pause",
    "audio.pronunciation-guide", "audio.aside-inline", "audio.references", "export.machine-translation",
  ]
}

/// A project folder in the temporary folder, removed when the test ends: the shared
/// `TestProject`.
typealias ScratchProject = TestProject

extension TestProject {
  /// A copy of the legacy fixture's catalogs; its content model stays in the fixture.
  static func legacyCopy() throws -> TestProject {
    let project = try TestProject()
    try FileManager.default.copyItem(
      at: Fixtures.legacyProject.appendingPathComponent("Locales"), to: project.root.appendingPathComponent("Locales"))
    return project
  }
}

/// Checks a migration, independently of the migration's own verification: the old catalog
/// against the union of a locale's three new files.
enum MigrationCheck {
  static func fields(_ entry: CatalogEntry) -> [String] {
    [
      entry.key, entry.text, entry.note ?? "<no note>", entry.source ?? "<no source>",
      entry.previousSource ?? "<no previous-source>", entry.state?.rawValue ?? "<no state>",
      "allow: \(entry.allow)",
    ]
  }

  static func fields(_ entry: GlossaryEntry) -> [String] {
    [
      entry.key, "forms: \(entry.forms)", entry.pronunciation ?? "<no pronunciation>",
      entry.definition ?? "<no definition>", entry.usage ?? "<no usage>",
    ]
  }

  static func lines(_ text: String) -> [String] {
    var lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  static func isComment(_ line: String) -> Bool { line.trimmingCharacters(in: .whitespaces).hasPrefix("#") }

  /// The lines of `lines` that `other` lacks, counting repeats.
  static func missing(_ lines: [String], from other: [String]) -> [String] {
    var counts = Dictionary(other.map { ($0, 1) }, uniquingKeysWith: +)
    var missing: [String] = []
    for line in lines {
      if let count = counts[line], count > 0 { counts[line] = count - 1 } else { missing.append(line) }
    }
    return missing
  }

  /// The new files of one locale hold exactly what its old catalog held.
  ///
  /// - every entry and obsolete entry once, all fields equal, labels in `labels.yaml` and
  ///   the rest in the document's catalog, each in the old order;
  /// - every glossary entry, all fields equal, in order;
  /// - every line of the old file (comments, blank-separated groups aside) in the new
  ///   files as many times as before, and no other line but `locale:` in each file,
  ///   `document:`, the labels' `entries:` (or `alsoAdded`) and the labels' own header.
  static func assertLossless(
    old oldText: String, locale: String, folder: ScratchProject, document id: String, alsoAdded: [String] = [],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let old = try Catalog.parse(oldText, file: "old/\(locale).yaml", expectedLocale: locale)
    let paths = ["Locales/\(locale)/\(id).yaml", "Locales/\(locale)/labels.yaml", "Locales/\(locale)/glossary.yaml"]
    let texts = try paths.map(folder.read)
    let document = try Catalog.parse(texts[0], file: paths[0], expectedLocale: locale, kind: .document(id))
    let labels = try Catalog.parse(texts[1], file: paths[1], expectedLocale: locale, kind: .labels)
    let glossary = try Catalog.parse(texts[2], file: paths[2], expectedLocale: locale, kind: .glossary)
    let isLabel = { (entry: CatalogEntry) in Fixtures.labelKeys.contains(entry.key) }

    #expect(
      document.entries.map(fields) == old.entries.filter { !isLabel($0) }.map(fields), "\(locale): document entries",
      sourceLocation: sourceLocation)
    #expect(
      labels.entries.map(fields) == old.entries.filter(isLabel).map(fields), "\(locale): labels",
      sourceLocation: sourceLocation)
    let newObsolete: [[String]] = (document.obsolete + labels.obsolete).map(fields).sorted { $0[0] < $1[0] }
    let oldObsolete: [[String]] = old.obsolete.map(fields).sorted { $0[0] < $1[0] }
    #expect(newObsolete == oldObsolete, "\(locale): obsolete", sourceLocation: sourceLocation)
    #expect(
      glossary.glossary.map(fields) == old.glossary.map(fields), "\(locale): glossary", sourceLocation: sourceLocation)
    #expect(document.glossary.isEmpty && labels.glossary.isEmpty, sourceLocation: sourceLocation)

    let oldLines = lines(oldText).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    let labelLines = lines(texts[1])
    let labelHeader = Array(labelLines.prefix { isComment($0) })
    let newLines = (lines(texts[0]) + labelLines.dropFirst(labelHeader.count) + lines(texts[2])).filter {
      !$0.trimmingCharacters(in: .whitespaces).isEmpty
    }
    #expect(missing(oldLines, from: newLines) == [], "\(locale): lines lost", sourceLocation: sourceLocation)
    let localeLine = try #require(oldLines.first { $0.hasPrefix("locale:") })
    // A catalog made by machine says so in both files that take its messages.
    let machineLine = oldLines.filter { $0.hasPrefix("machine-translated:") }
    #expect(
      missing(newLines, from: oldLines).sorted()
        == ([localeLine, localeLine, "document: \(id)"] + machineLine + (alsoAdded.isEmpty ? ["entries:"] : alsoAdded))
        .sorted(),
      "\(locale): lines added", sourceLocation: sourceLocation)
    // The labels' header: three lines of their own, then lines of the old header.
    #expect(labelHeader.first?.hasPrefix("# netexport labels: ") == true, sourceLocation: sourceLocation)
    #expect(
      missing(Array(labelHeader.dropFirst(3)), from: oldLines.filter(isComment)) == [], sourceLocation: sourceLocation)
  }
}
