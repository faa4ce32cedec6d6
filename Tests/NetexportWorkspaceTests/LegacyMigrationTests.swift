import Foundation
import NetexportICU
import NetexportModel
import Testing

@testable import NetexportWorkspace

@Suite struct LegacyMigrationTests {
  static let locales = ["en", "ar", "de", "es", "fr", "pt-BR", "vi", "zh-Hans"]

  /// Issue 12, item 7: the NET document's catalogs, as they were, move without loss.
  @Test func movesEveryMessageGlossaryEntryAndCommentOfTheRepositoryCatalogs() throws {
    let folder = try ScratchProject.legacyCopy()
    let content = Fixtures.legacyProject.appendingPathComponent("neuroendocrine-tumors.yaml")
    let old = try Dictionary(
      uniqueKeysWithValues: Self.locales.map { ($0, try folder.read("Locales/\($0).yaml")) })

    let migration = try LegacyMigration.plan(
      project: folder.project, content: content, contentDisplayPath: "neuroendocrine-tumors.yaml")
    let result = try migration.write()

    #expect(result.kept.isEmpty)
    #expect(result.removed.sorted() == Self.locales.map { "Locales/\($0).yaml" }.sorted())
    for locale in Self.locales {
      #expect(!folder.exists("Locales/\(locale).yaml"))
      try MigrationCheck.assertLossless(
        old: old[locale]!, locale: locale, folder: folder, document: "neuroendocrine-tumors")
    }
    // The figures the report gives: 93 messages and 10 labels per locale, and in each
    // translation the list announcement of the related procedures, kept as obsolete since
    // speech no longer says them; the English glossary has no entry for adrenal cancer, which
    // the others define.
    #expect(migration.moves.map(\.documentEntries) == Array(repeating: 93, count: 8))
    #expect(migration.moves.map(\.documentObsolete) == [0] + Array(repeating: 1, count: 7))
    #expect(migration.moves.map(\.labelEntries) == Array(repeating: 10, count: 8))
    #expect(migration.moves.map(\.glossaryEntries) == [17, 18, 18, 18, 18, 18, 18, 18])

    // The content model moves byte for byte, but for the header lines that said where it lived.
    let oldModel = MigrationCheck.lines(try String(contentsOf: content, encoding: .utf8))
    let newModel = MigrationCheck.lines(try folder.read("Documents/neuroendocrine-tumors.yaml"))
    #expect(oldModel.count == newModel.count)
    let changed = zip(oldModel, newModel).filter { $0 != $1 }
    #expect(
      changed.map(\.1) == [
        "# The document: \"Neuroendocrine tumors: Symptoms & causes\" (Mayo Clinic), as a",
        "# content model. Every word a reader sees lives in Locales/<locale>/neuroendocrine-tumors.yaml under the keys named",
      ])
    #expect(
      try Document.parse(folder.read("Documents/neuroendocrine-tumors.yaml"), file: "new")
        == Document.load(content, displayPath: "old"))

    // Every translation is complete, so every target locale ships.
    let manifest = try Manifest.parse(folder.read("netexport.yaml"), file: "netexport.yaml")
    #expect(manifest.sourceLocale.canonical == "en")
    #expect(manifest.locales.map(\.tag.canonical) == Array(Self.locales.dropFirst()))
    #expect(manifest.locales.allSatisfy { $0.status == .shipped })
    #expect(manifest.paper == nil && manifest.organization == Manifest.Organization())

    // The workspace reads the result as a project.
    let workspace = try Workspace.open(folder.project)
    #expect(workspace.documents.map(\.id) == ["neuroendocrine-tumors"])
  }

  @Test func theLabelKeysAreTheOnesTheIssueNames() {
    #expect(Labels.keys == Fixtures.labelKeys)
  }

  // MARK: - Small projects

  static let content = """
    id: pills
    source-locale: en
    metadata:
      title: title
      byline: byline
      reviewed:
        key: reviewed
        arguments:
          reviewed: {date: 2024-02-29}
      publisher: Example Clinic
    sections:
      - id: only
        heading: only.heading
        blocks:
          - paragraph: only.text
    references:
      heading: references.heading
      items: []

    """

  static let source = """
    # Source catalog of a test project.
    locale: en
    entries:
      title:
        text: "Pills"
        note: "Title."
      byline:
        text: By us
      reviewed:
        text: "Reviewed: {reviewed, date, ::yMMMMd}"

      # The only section.
      only.heading:
        text: 'It''s "only"'
      only.text:
        # A comment inside an entry stays with it.
        text: |
          First line.
          # Not a comment: part of the text.
        note: >-
          A folded
          note.

      references.heading:
        text: "References"
      export.page-counter:
        text: "Page {page, number} of {pages, number}"

    # Terms.
    glossary:
      term.pill:
        forms: ["pill"]

    """

  static let spanish = """
    # Spanish. Translated by a test.
    locale: es
    entries:
      title:
        source: "Pills"
        text: "Pastillas"
        state: translated
      byline:
        source: By us
        text: Por nosotros
        state: translated
      reviewed:
        source: "Reviewed: {reviewed, date, ::yMMMMd}"
        text: "Revisado: {reviewed, date, ::yMMMMd}"
        state: translated

      only.heading:
        source: 'It''s "only"'
        text: "Es «solo»"
        state: translated
      only.text:
        source: "First line.\\n# Not a comment: part of the text.\\n"
        text: ""
        state: new

      references.heading:
        source: "References"
        text: "Referencias"
        state: translated
      export.page-counter:
        source: "Page {page, number} of {pages, number}"
        text: "Página {page, number} de {pages, number}"
        state: translated
    # Kept by update.
    obsolete:
      # An old heading.
      old.heading:
        text: "Viejo"
        state: translated
      audio.pause:
        text: "pausa"
        state: translated
    glossary:
      term.pill:
        forms: ["pastilla"]
        usage: "Común."

    """

  static func project(_ catalogs: [String: String]) throws -> ScratchProject {
    var files = catalogs.mapKeys { "Locales/\($0).yaml" }
    files["pills.yaml"] = content
    return try ScratchProject(files: files)
  }

  static func plan(_ folder: ScratchProject) throws -> LegacyMigration {
    try LegacyMigration.plan(
      project: folder.project, content: folder.url("pills.yaml"), contentDisplayPath: "pills.yaml")
  }

  /// A catalog a machine translated says so in both new files that take its messages; the
  /// comment above the field stays with the document's.
  @Test func carriesMachineTranslatedToTheDocumentAndTheLabels() throws {
    let spanish = Self.spanish.replacingOccurrences(
      of: "locale: es\n", with: "locale: es\n# By a machine translation service.\nmachine-translated: true\n")
    let folder = try Self.project(["en": Self.source, "es": spanish])
    _ = try Self.plan(folder).write()
    try MigrationCheck.assertLossless(
      old: spanish, locale: "es", folder: folder, document: "pills", alsoAdded: ["entries:", "obsolete:"])
    #expect(
      try folder.read("Locales/es/pills.yaml").hasPrefix(
        "# Spanish. Translated by a test.\nlocale: es\ndocument: pills\n# By a machine translation service.\nmachine-translated: true\nentries:\n"
      ))
    #expect(try folder.read("Locales/es/labels.yaml").contains("\nlocale: es\nmachine-translated: true\nentries:\n"))
    let workspace = try Workspace.open(folder.project)
    for file in [CatalogFile.document("pills"), .labels] {
      #expect(workspace.load(file, locale: "es").catalog?.machineTranslated == true, "\(file)")
    }
  }

  @Test func movesObsoleteEntriesLabelsToLabelsAndKeepsGroupsAndComments() throws {
    let folder = try Self.project(["en": Self.source, "es": Self.spanish])
    let migration = try Self.plan(folder)
    _ = try migration.write()

    try MigrationCheck.assertLossless(old: Self.source, locale: "en", folder: folder, document: "pills")
    try MigrationCheck.assertLossless(
      old: Self.spanish, locale: "es", folder: folder, document: "pills", alsoAdded: ["entries:", "obsolete:"])
    #expect(
      try folder.read("Locales/es/pills.yaml") == """
        # Spanish. Translated by a test.
        locale: es
        document: pills
        entries:
          title:
            source: "Pills"
            text: "Pastillas"
            state: translated
          byline:
            source: By us
            text: Por nosotros
            state: translated
          reviewed:
            source: "Reviewed: {reviewed, date, ::yMMMMd}"
            text: "Revisado: {reviewed, date, ::yMMMMd}"
            state: translated

          only.heading:
            source: 'It''s "only"'
            text: "Es «solo»"
            state: translated
          only.text:
            source: "First line.\\n# Not a comment: part of the text.\\n"
            text: ""
            state: new
        # Kept by update.
        obsolete:
          # An old heading.
          old.heading:
            text: "Viejo"
            state: translated

        """)
    #expect(
      try folder.read("Locales/es/labels.yaml") == """
        # netexport labels: Spanish (es). The words every export adds around a document's own text:
        # the page counter, the audio announcements, the heading of the references.
        # Moved here from Locales/es.yaml by 'netexport migrate'; from the header of that file:
        # Spanish. Translated by a test.
        locale: es
        entries:
          references.heading:
            source: "References"
            text: "Referencias"
            state: translated
          export.page-counter:
            source: "Page {page, number} of {pages, number}"
            text: "Página {page, number} de {pages, number}"
            state: translated
        obsolete:
          audio.pause:
            text: "pausa"
            state: translated

        """)
    #expect(
      try folder.read("Locales/es/glossary.yaml") == """
        locale: es
        glossary:
          term.pill:
            forms: ["pastilla"]
            usage: "Común."

        """)
    #expect(
      try folder.read("Locales/en/glossary.yaml") == """
        # Terms.
        locale: en
        glossary:
          term.pill:
            forms: ["pill"]

        """)
    // The source's header has no translator's lines to copy.
    #expect(
      try folder.read("Locales/en/labels.yaml").hasPrefix(
        """
        # netexport labels: English (en). The words every export adds around a document's own text:
        # the page counter, the audio announcements, the heading of the references.
        # Moved here from Locales/en.yaml by 'netexport migrate'.
        locale: en
        entries:
          references.heading:
        """))
    // Spanish has a message still to translate: a draft.
    #expect(try folder.read("netexport.yaml").contains("locales:\n  es: draft\nhandouts:"))
    #expect(migration.moves.map(\.role) == [.source, .draft])
    #expect(migration.moves[1].documentObsolete == 1 && migration.moves[1].labelObsolete == 1)
  }

  @Test func keepsWindowsLineEndings() throws {
    let crlf = { (text: String) in text.replacingOccurrences(of: "\n", with: "\r\n") }
    let folder = try Self.project(["en": crlf(Self.source), "es": crlf(Self.spanish)])
    _ = try Self.plan(folder).write()

    for locale in ["en", "es"] {
      try MigrationCheck.assertLossless(
        old: crlf(locale == "en" ? Self.source : Self.spanish), locale: locale, folder: folder, document: "pills",
        alsoAdded: locale == "es" ? ["entries:", "obsolete:"] : [])
      for file in ["pills", "labels", "glossary"] {
        let text = try folder.read("Locales/\(locale)/\(file).yaml")
        #expect(text.hasSuffix("\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "\(locale)/\(file): a bare LF")
      }
    }
    // The text inside a literal block is the same, so the CRLF did not leak into it.
    let document = try Catalog.parse(
      folder.read("Locales/en/pills.yaml"), file: "pills.yaml", expectedLocale: "en", kind: .document("pills"))
    #expect(document["only.text"]?.text == "First line.\n# Not a comment: part of the text.\n")
  }

  @Test func aCatalogWithoutAGlossaryGetsAnEmptyOne() throws {
    let plain = """
      locale: en
      entries:
        title:
          text: "Pills"
        byline:
          text: "By us"
        reviewed:
          text: "Reviewed: {reviewed, date, ::yMMMMd}"
        only.heading:
          text: "Only"
        only.text:
          text: "Text."
        references.heading:
          text: "References"

      """
    let folder = try Self.project(["en": plain])
    _ = try Self.plan(folder).write()
    try MigrationCheck.assertLossless(
      old: plain, locale: "en", folder: folder, document: "pills", alsoAdded: ["entries:", "glossary:"])
    #expect(try folder.read("Locales/en/glossary.yaml") == "locale: en\nglossary:\n")
    #expect(try folder.read("netexport.yaml").contains("source-locale: en\nlocales:\nhandouts:"))
  }

  @Test func refusesACorruptCatalogAndWritesNothing() throws {
    let broken = Self.spanish.replacingOccurrences(of: "    state: new", with: "    state: done\n    notes: x")
    let folder = try Self.project(["en": Self.source, "es": broken])
    let before = try folder.snapshot()
    let error = try #require(throws: DiagnosticError.self) { try Self.plan(folder) }
    #expect(
      error.diagnostics.map(\.description).prefix(2) == [
        "\(folder.root.path)/Locales/es.yaml:24:12: error[invalid-state]: state 'done' of entry 'only.text' is not one of: new, translated, needs-review, reviewed",
        "\(folder.root.path)/Locales/es.yaml:25:5: error[unknown-field]: unknown field 'notes' in entry 'only.text' (known fields: text, note, previous-note, source, previous-source, state, allow)",
      ])
    #expect(error.diagnostics.last?.code == "migration-unsupported")
    #expect(try folder.snapshot() == before)
  }

  @Test(arguments: [
    ("locale: en\nentries: {title: {text: Pills}}\n", 2),
    ("\"locale\": en\nentries:\n  title:\n    text: Pills\n", 1),
  ])
  func refusesWhatItCannotMoveLineByLine(catalog: String, line: Int) throws {
    let folder = try Self.project(["en": catalog])
    let before = try folder.snapshot()
    let error = try #require(throws: DiagnosticError.self) { try Self.plan(folder) }
    #expect(error.diagnostics.map(\.code) == ["migration-unsupported"])
    #expect(error.diagnostics[0].location?.line == line)
    #expect(try folder.snapshot() == before)
  }

  @Test func refusesAProjectThatHasAManifestOrNoOldCatalogs() throws {
    let migrated = try Self.project(["en": Self.source])
    try migrated.write("source-locale: en\n", to: "netexport.yaml")
    let error = try #require(throws: DiagnosticError.self) { try Self.plan(migrated) }
    #expect(error.diagnostics.map(\.code) == ["project-exists"])

    let empty = try ScratchProject(files: ["pills.yaml": Self.content])
    try FileManager.default.createDirectory(at: empty.url("Locales/en"), withIntermediateDirectories: true)
    let none = try #require(throws: DiagnosticError.self) { try Self.plan(empty) }
    #expect(none.diagnostics.map(\.code) == ["no-legacy-catalogs"])

    let noSource = try Self.project(["es": Self.spanish])
    let missing = try #require(throws: DiagnosticError.self) { try Self.plan(noSource) }
    #expect(missing.diagnostics.map(\.code) == ["no-legacy-catalogs"])
    #expect(missing.diagnostics[0].message.contains("no catalog for the document's source locale 'en'"))
  }

  @Test func refusesToOverwriteAFileOfTheNewLayout() throws {
    let folder = try Self.project(["en": Self.source, "es": Self.spanish])
    try folder.write("locale: es\nglossary:\n", to: "Locales/es/glossary.yaml")
    let before = try folder.snapshot()
    let error = try #require(throws: DiagnosticError.self) { try Self.plan(folder) }
    #expect(error.diagnostics.map(\.code) == ["migration-conflict"])
    #expect(error.diagnostics[0].location?.file == "\(folder.root.path)/Locales/es/glossary.yaml")
    #expect(try folder.snapshot() == before)
  }

  @Test func anOldCatalogChangedAfterPlanningStopsTheWrite() throws {
    let folder = try Self.project(["en": Self.source, "es": Self.spanish])
    let migration = try Self.plan(folder)
    try folder.write(Self.spanish.replacingOccurrences(of: "Pastillas", with: "Píldoras"), to: "Locales/es.yaml")
    let before = try folder.snapshot()
    let error = try #require(throws: DiagnosticError.self) { try migration.write() }
    #expect(error.diagnostics.map(\.code) == ["changed-on-disk"])
    #expect(try folder.snapshot() == before)
  }

  @Test func aFailedWriteLeavesNothingBehind() throws {
    let folder = try Self.project(["en": Self.source, "es": Self.spanish])
    let migration = try Self.plan(folder)
    // Something in the way of one of the last files: the files and folders made before it
    // (Documents/, Locales/en/ and their temporary files) are removed again.
    try FileManager.default.createDirectory(
      at: folder.url("Locales/es/glossary.yaml"), withIntermediateDirectories: true)
    let before = try folder.snapshot()
    let error = try #require(throws: DiagnosticError.self) { try migration.write() }
    #expect(error.diagnostics.map(\.code) == ["unwritable-output"])
    #expect(error.diagnostics[0].location?.file == "\(folder.root.path)/Locales/es/glossary.yaml")
    #expect(try folder.snapshot() == before)
  }

  @Test func aManifestThatAppearedAfterPlanningStopsTheWrite() throws {
    let folder = try Self.project(["en": Self.source])
    let migration = try Self.plan(folder)
    try folder.write("source-locale: en\n", to: "netexport.yaml")
    let before = try folder.snapshot()
    let error = try #require(throws: DiagnosticError.self) { try migration.write() }
    #expect(error.diagnostics.map(\.code) == ["project-exists"])
    #expect(try folder.snapshot() == before)
  }

  @Test func theContentModelsHeaderNamesItsNewPlaces() {
    let text = """
      # The bundled document, from Sources/NetexportModel/Resources/pills.yaml.\r
      # Its words live in Locales/<locale>.yaml (Locales/es.yaml for Spanish).\r
      id: pills  # Locales/en.yaml stays as it is here\r
      # Locales/en.yaml, below the header, too.\r

      """
    #expect(
      LegacyMigration.movedContentModel(text, documentID: "pills") == """
        # The document, from Documents/pills.yaml.\r
        # Its words live in Locales/<locale>/pills.yaml (Locales/es/pills.yaml for Spanish).\r
        id: pills  # Locales/en.yaml stays as it is here\r
        # Locales/en.yaml, below the header, too.\r

        """)
  }

  // MARK: - The migration's own check

  @Test func itsCheckFindsEveryKindOfLoss() throws {
    let old = try Catalog.parse(Self.spanish, file: "Locales/es.yaml", expectedLocale: "es")
    let cut = try LegacyCatalogText(Self.spanish, catalog: old, file: "Locales/es.yaml")
    let made = LegacyMigration.split(cut, locale: "es", from: "Locales/es.yaml", documentID: "pills")
    func problems(document: String? = nil, labels: String? = nil, glossary: String? = nil) -> [String] {
      LegacyMigration.verify(
        old: old, oldText: Self.spanish, from: "Locales/es.yaml", locale: "es", documentID: "pills",
        document: ("d.yaml", document ?? made.document), labels: ("l.yaml", labels ?? made.labels),
        glossary: ("g.yaml", glossary ?? made.glossary)
      ).map(\.message)
    }
    #expect(problems() == [])
    let suffix = "; nothing was migrated (a fault of netexport: please report it with the file)"
    #expect(
      problems(document: made.document.replacingOccurrences(of: "Pastillas", with: "Pastilla")) == [
        "'entries' entry 'title' would not read the same in d.yaml\(suffix)"
      ])
    #expect(
      problems(document: made.document.replacingOccurrences(of: "    state: new\n", with: "")) == [
        "'entries' entry 'only.text' would not read the same in d.yaml\(suffix)"
      ])
    #expect(
      problems(document: made.document.replacingOccurrences(of: "  # An old heading.\n", with: "")) == [
        "the comment lines would not move once each (1 lost, 0 added or doubled, first lost: # An old heading.)\(suffix)"
      ])
    #expect(
      problems(labels: made.labels.replacingOccurrences(of: "# Spanish.", with: "# Italian.")) == [
        "the header would gain a line of unknown origin: # Italian. Translated by a test.\(suffix)"
      ])
    #expect(
      problems(glossary: made.glossary.replacingOccurrences(of: "    usage: \"Común.\"\n", with: "")) == [
        "the glossary would not read the same as in Locales/es.yaml\(suffix)"
      ])
    // A label left in the document's catalog is in the wrong file.
    let labelInDocument =
      made.document.replacingOccurrences(of: "entries:\n", with: "entries:\n  audio.part:\n    text: \"x\"\n")
    #expect(
      problems(document: labelInDocument) == ["'entries' entry 'audio.part' would appear in d.yaml\(suffix)"])
    let swapped = made.document.replacingOccurrences(of: "  title:", with: "  zz:").replacingOccurrences(
      of: "  byline:", with: "  title:"
    ).replacingOccurrences(of: "  zz:", with: "  byline:")
    #expect(
      problems(document: swapped).contains(
        "'entries' entry 'title' would move out of its order in d.yaml ('byline' would be in its place)\(suffix)"))
    #expect(
      problems(labels: made.labels.replacingOccurrences(of: "locale: es", with: "locale: es\nglossary: {}")).first?
        .contains("unknown top-level field 'glossary'") == true)
  }
}

extension Dictionary {
  fileprivate func mapKeys<T: Hashable>(_ transform: (Key) -> T) -> [T: Value] {
    Dictionary<T, Value>(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
  }
}
