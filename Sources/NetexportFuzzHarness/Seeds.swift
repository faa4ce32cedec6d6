import Foundation
import NetexportInterchange
import NetexportModel
import NetexportResolution

/// The inputs each fuzz target starts from, made from the project's own files: the
/// repository's catalogs (`Locales/<locale>/<file>.yaml`, whole and split into entries), its
/// documents, the test fixtures (Markdown handouts among them), the hand-made hostile inputs
/// of `Tests/Hostile/` and `HostileStrings`. Made afresh for each run, so they follow the
/// catalogs as translators change them.
public enum Seeds {
  /// One seed: a file name and its bytes.
  public struct Seed: Sendable {
    public var name: String
    public var bytes: [UInt8]
  }

  /// Writes every target's seeds to `folder/<target>/`, replacing what was there.
  ///
  /// - Returns: The number of seeds per target.
  public static func write(root: URL, to folder: URL) throws -> [FuzzTarget: Int] {
    var counts: [FuzzTarget: Int] = [:]
    for (target, seeds) in try make(root: root) {
      let directory = folder.appendingPathComponent(target.rawValue)
      try? FileManager.default.removeItem(at: directory)
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      for seed in seeds {
        try Data(seed.bytes).write(to: directory.appendingPathComponent(seed.name))
      }
      counts[target] = seeds.count
    }
    return counts
  }

  /// One catalog file of the repository.
  struct CatalogSeed {
    var locale: String
    var file: CatalogFile
    var text: String
    /// `<locale>.<file>`, for seed names.
    var name: String { "\(locale).\(file.name)" }
  }

  /// Every target's seeds, from the project at `root`.
  public static func make(root: URL) throws -> [FuzzTarget: [Seed]] {
    let catalogs = try repositoryCatalogs(root: root)
    let fixtures = try testFiles(root: root)
    var seeds: [FuzzTarget: [Seed]] = [:]

    // Loading a catalog: whole files of every kind (also with CRLF line ends), each entry of
    // the message files in a file of its own, the fixture's files, the test fixtures (the
    // old layout's catalogs among them), the hostile inputs, and each hostile string as a
    // text.
    var catalog: [Seed] = []
    for file in catalogs {
      catalog.append(Seed(name: "\(file.name).yaml", bytes: Array(file.text.utf8)))
      catalog.append(
        Seed(name: "\(file.name).crlf.yaml", bytes: Array(file.text.replacingOccurrences(of: "\n", with: "\r\n").utf8)))
      // Eight entries a seed: small inputs run fast, and together they hold every entry.
      let entries = entryLines(file.text)
      let header = "locale: \(file.locale)\n" + (file.file.documentID.map { "document: \($0)\n" } ?? "")
      for start in stride(from: 0, to: entries.count, by: 8) {
        let chunk = entries[start..<min(entries.count, start + 8)]
        let body = chunk.map(\.lines).joined(separator: "\n")
        catalog.append(
          Seed(name: "\(file.name).\(chunk.first!.key).yaml", bytes: Array("\(header)entries:\n\(body)\n".utf8)))
      }
    }
    for (name, text) in [
      ("fixture-en", Fixture.sourceText), ("fixture-labels", Fixture.labelsText),
      ("fixture-glossary", Fixture.glossaryText),
    ] {
      catalog.append(Seed(name: "\(name).yaml", bytes: Array(text.utf8)))
    }
    catalog += fixtures.filter { $0.name.hasSuffix(".yaml") }
    for (index, hostile) in HostileStrings.all.enumerated() {
      let text = "locale: es\nentries:\n  document.title:\n    text: \(YAMLText.doubleQuoted(hostile))\n"
      catalog.append(Seed(name: "hostile-\(index).yaml", bytes: Array(text.utf8)))
    }
    seeds[.catalog] = catalog

    // Loading a content model: the repository's documents, the fixture's, and the test
    // fixtures.
    let documents = root.appendingPathComponent("Documents")
    seeds[.content] =
      try FileManager.default.contentsOfDirectory(atPath: documents.path).sorted().filter { $0.hasSuffix(".yaml") }
      .map { Seed(name: "document-\($0)", bytes: Array(try Data(contentsOf: documents.appendingPathComponent($0)))) }
      + [Seed(name: "fixture-document.yaml", bytes: Array(Fixture.documentText.utf8))]
      + fixtures.filter { $0.name.contains("document") || $0.name.contains("content") }

    // Each locale's messages, as the workspace puts a document's catalog and the labels
    // together.
    var tables: [(locale: String, table: MessageTable)] = []
    for locale in Set(catalogs.map(\.locale)).sorted() {
      let files = catalogs.filter { $0.locale == locale }
      func parsed(_ kind: CatalogFile) -> Catalog? {
        files.first { $0.file == kind }.flatMap {
          try? Catalog.parse($0.text, file: "\($0.name).yaml", kind: kind, lenient: true)
        }
      }
      let messageFiles = files.map(\.file).filter { $0 != .glossary && $0 != .labels }.sorted()
      let labels = parsed(.labels).map { [$0] } ?? []
      tables.append(
        (
          locale,
          MessageTable(messageFiles.compactMap(parsed) + labels, glossary: parsed(.glossary)?.glossary ?? [])
        ))
    }

    // Validating an entry: each fixture message in one of the shipped translations (taking
    // the locales in turn), in the style its catalog writes it; each hostile string as one
    // message. One locale per message, not all of them: each input validates and exports a
    // whole locale, and the seeds are all run before any mutation.
    var entry: [Seed] = []
    let translations = tables.compactMap { locale, table -> (index: Int, locale: String, table: MessageTable)? in
      Fixture.locales.firstIndex(of: locale).map { ($0, locale, table) }
    }
    for (keyIndex, key) in Fixture.keys.enumerated() where !translations.isEmpty {
      let (localeIndex, locale, table) = translations[keyIndex % translations.count]
      guard let translated = table[key]?.entry else { continue }
      let style = YAMLText.Style.allCases.firstIndex(of: style(of: translated)) ?? 0
      entry.append(
        Seed(
          name: "\(locale).\(key)",
          bytes: [UInt8(keyIndex), UInt8(localeIndex), UInt8(style)] + Array(translated.text.utf8)))
    }
    for (index, hostile) in HostileStrings.all.enumerated() {
      entry.append(
        Seed(
          name: "hostile-\(index)",
          bytes: [UInt8(index % Fixture.keys.count), UInt8(index % Fixture.locales.count), 0] + Array(hostile.utf8)))
    }
    seeds[.entry] = entry

    // Rendering: each locale's translations of every fixture message, then the glossary's
    // pronunciations; each hostile string in every text.
    var render: [Seed] = []
    let renderLocales = Fixture.locales + ["en"]
    for (locale, table) in tables {
      guard let localeIndex = renderLocales.firstIndex(of: locale) else { continue }
      let glossary = Dictionary(table.glossary.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
      let texts =
        Fixture.keys.map { table[$0]?.entry.text ?? "" }
        + Fixture.glossary.glossary.map { term in glossary[term.key]?.pronunciation ?? "" }
      render.append(Seed(name: locale, bytes: [UInt8(localeIndex), 52] + joined(texts)))
    }
    for (index, hostile) in HostileStrings.all.enumerated() {
      let texts =
        Fixture.keys.map { "\(Fixture.english($0).prefix(12)) \(hostile)" }
        + Fixture.glossary.glossary.map { _ in hostile }
      render.append(Seed(name: "hostile-\(index)", bytes: [UInt8(index % renderLocales.count), 20] + joined(texts)))
    }
    seeds[.render] = render

    // Updating: the shipped translations of the documents, and the fixture's catalog
    // translated, then with entries missing, sources changed, an entry the source no longer
    // has, entries in obsolete, in LF and CRLF.
    var update: [Seed] = catalogs.filter { $0.locale != "en" && $0.file.documentID != nil }.map {
      Seed(name: "\($0.name).yaml", bytes: Array($0.text.utf8))
    }
    for (name, text) in fixtureTranslations() {
      update.append(Seed(name: "\(name).yaml", bytes: Array(text.utf8)))
      update.append(
        Seed(name: "\(name).crlf.yaml", bytes: Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)))
    }
    update += fixtures.filter { $0.name.hasSuffix(".yaml") && !$0.name.contains("document") }
    seeds[.update] = update

    // Importing Markdown: the importer's test handouts (the refused ones too), the hostile
    // Markdown inputs, and each hostile string in every kind of block of a small handout.
    var markdown = fixtures.filter { $0.name.hasSuffix(".md") }
    for (index, hostile) in HostileStrings.all.enumerated() {
      markdown.append(Seed(name: "hostile-\(index).md", bytes: Array(handout(hostile).utf8)))
    }
    seeds[.markdown] = markdown

    // Reading a translator's file: each shipped translation's catalogs written as PO and as
    // XLIFF, as `catalog export` writes them, and each hostile string as a translation in both.
    var interchange: [Seed] = []
    for document in interchangeDocuments(catalogs) {
      let name = "\(document.targetLocale).\(document.catalog)"
      if let po = try? PO.write(document) { interchange.append(Seed(name: "\(name).po", bytes: Array(po.utf8))) }
      if let xliff = try? XLIFF.write(document) {
        interchange.append(Seed(name: "\(name).xlf", bytes: Array(xliff.utf8)))
      }
    }
    for (index, hostile) in HostileStrings.all.enumerated() {
      let document = InterchangeDocument(
        sourceLocale: "en", targetLocale: "es", catalog: "labels",
        units: [
          InterchangeUnit(key: "document.title", source: "Title", target: hostile, state: .translated)
        ])
      // A string gettext cannot hold (NUL) goes in raw, where the parser must refuse it.
      var placeholder = document
      placeholder.units[0].target = "\u{1}HOSTILE\u{1}"
      if let po = (try? PO.write(document))
        ?? (try? PO.write(placeholder))?.replacingOccurrences(of: "\u{1}HOSTILE\u{1}", with: hostile)
      {
        interchange.append(Seed(name: "hostile-\(index).po", bytes: Array(po.utf8)))
      }
      if let xliff = try? XLIFF.write(document) {
        interchange.append(Seed(name: "hostile-\(index).xlf", bytes: Array(xliff.utf8)))
      }
    }
    seeds[.interchange] = interchange

    // The regression inputs whose fixes have landed.
    for regression in try Regression.all(root: root) where regression.pending == nil {
      seeds[regression.target, default: []].append(
        Seed(name: "regression-\(regression.name)", bytes: regression.bytes))
    }
    return seeds
  }

  /// A small Markdown handout with `text` in its title, a heading, a paragraph, a list, a
  /// link's text and a callout.
  static func handout(_ text: String) -> String {
    """
    ---
    title: "Hostile \(YAMLText.doubleQuoted(text).dropFirst().dropLast())"
    byline: By the staff
    publisher: Example Health
    reviewed: 2025-01-01
    ---

    ## Before \(text)

    A paragraph with \(text) and **bold \(text)** and [a link \(text)](https://example.org/).

    Bring these:

    - \(text)
    - Your card

    > **Note \(text)**
    > Call us.

    """
  }

  /// The repository's catalogs, `Locales/<locale>/<file>.yaml`, without the generated
  /// pseudo-locales.
  static func repositoryCatalogs(root: URL) throws -> [CatalogSeed] {
    let folder = root.appendingPathComponent("Locales")
    let manager = FileManager.default
    var seeds: [CatalogSeed] = []
    for locale in try manager.contentsOfDirectory(atPath: folder.path).sorted()
    where !["en-XA", "ar-XB"].contains(locale) {
      let localeFolder = folder.appendingPathComponent(locale)
      var isFolder: ObjCBool = false
      guard manager.fileExists(atPath: localeFolder.path, isDirectory: &isFolder), isFolder.boolValue else { continue }
      for name in try manager.contentsOfDirectory(atPath: localeFolder.path).sorted() where name.hasSuffix(".yaml") {
        let text = try String(contentsOf: localeFolder.appendingPathComponent(name), encoding: .utf8)
        seeds.append(CatalogSeed(locale: locale, file: CatalogFile(name: String(name.dropLast(5))), text: text))
      }
    }
    return seeds
  }

  /// Test inputs: the fixtures of the validation, model, workspace and import tests and every
  /// file of `Tests/Hostile/` but those of pending cases, named by their path.
  static func testFiles(root: URL) throws -> [Seed] {
    var seeds: [Seed] = []
    for folder in [
      "Tests/NetexportValidationTests/Fixtures", "Tests/NetexportModelTests/Fixtures",
      "Tests/NetexportWorkspaceTests/Fixtures", "Tests/NetexportImportTests/Fixtures", "Tests/Hostile",
    ] {
      let url = root.appendingPathComponent(folder)
      guard let files = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey])
      else { continue }
      for case let file as URL in files {
        guard (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
          file.lastPathComponent != "case.yaml", !isPending(file.deletingLastPathComponent()),
          let data = try? Data(contentsOf: file)
        else { continue }
        let relative = file.path.dropFirst(root.path.count + 1)
        seeds.append(Seed(name: relative.replacingOccurrences(of: "/", with: "_"), bytes: Array(data)))
      }
    }
    return seeds.sorted { $0.name < $1.name }
  }

  /// Each translated catalog of the repository (documents and labels) with the English it
  /// translates, as `catalog export` pairs them.
  static func interchangeDocuments(_ catalogs: [CatalogSeed]) -> [InterchangeDocument] {
    func parsed(_ seed: CatalogSeed) -> Catalog? {
      try? Catalog.parse(seed.text, file: "\(seed.name).yaml", kind: seed.file, lenient: true)
    }
    var documents: [InterchangeDocument] = []
    for seed in catalogs where seed.locale != "en" && seed.file != .glossary {
      guard let english = catalogs.first(where: { $0.locale == "en" && $0.file == seed.file }).flatMap(parsed),
        let catalog = parsed(seed)
      else { continue }
      let units = english.entries.compactMap { source -> InterchangeUnit? in
        guard let entry = catalog[source.key] else { return nil }
        return InterchangeUnit(
          key: entry.key, source: source.text, target: entry.text, note: source.note,
          previousNote: entry.previousNote,
          state: InterchangeUnit.State(rawValue: entry.state?.rawValue ?? "translated") ?? .translated,
          previousSource: entry.previousSource,
          location: "Locales/\(seed.locale)/\(seed.file.name).yaml:\(entry.location.line ?? 1)")
      }
      documents.append(
        InterchangeDocument(sourceLocale: "en", targetLocale: seed.locale, catalog: seed.file.name, units: units))
    }
    return documents
  }

  /// Whether `folder` is a hostile case marked pending: its fix has not landed, so it would
  /// stop a fuzzer before it starts.
  static func isPending(_ folder: URL) -> Bool {
    guard let sidecar = try? String(contentsOf: folder.appendingPathComponent("case.yaml"), encoding: .utf8)
    else { return false }
    return sidecar.split(separator: "\n").contains { $0.hasPrefix("pending:") }
  }

  /// Each entry of a catalog's `entries` as its lines, cut from the file so that its style,
  /// comments and layout stay as the translator wrote them.
  static func entryLines(_ text: String) -> [(key: String, lines: String)] {
    guard let catalog = try? Catalog.parse(text, file: "x.yaml", lenient: true) else { return [] }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let starts = catalog.entries.compactMap { entry in entry.location.line.map { (entry.key, $0) } }
    return starts.enumerated().map { index, start in
      let end = index + 1 < starts.count ? starts[index + 1].1 - 1 : min(lines.count, start.1 + 4)
      let body = lines[(start.1 - 1)..<max(start.1, end)].joined(separator: "\n")
      return (start.0, body)
    }
  }

  /// The fixture's document catalog translated into Spanish, and variants an update has
  /// work on.
  static func fixtureTranslations() -> [(name: String, text: String)] {
    let translated = EntryTarget.catalogText(Fixture.documentFile, locale: "es", key: "", text: "", style: .escaped)
    let lines = translated.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var variants = [("fixture-es", translated)]
    // Every fourth entry's recorded source changed, every fifth entry gone, a comment and a
    // blank line between entries, and an entry the source does not have.
    var entryIndex = 0
    var edited: [String] = []
    var skipping = false
    for line in lines {
      if line.hasPrefix("  "), !line.hasPrefix("    ") {
        entryIndex += 1
        skipping = entryIndex % 5 == 0
        if !skipping && entryIndex % 3 == 0 { edited += ["", "  # reviewed by the medical team"] }
      }
      if skipping { continue }
      if entryIndex % 4 == 0, line.hasPrefix("    source: ") {
        edited.append("    source: \"an older English text\"")
      } else {
        edited.append(line)
      }
    }
    while edited.last == "" { edited.removeLast() }
    edited += ["  overview.gone:", "    text: \"Texto que ya no está en inglés\"", "    state: translated", ""]
    variants.append(("fixture-es-changed", edited.joined(separator: "\n")))
    // The first three entries in 'obsolete', where update finds them again.
    guard let entries = lines.firstIndex(of: "entries:") else { return variants }
    let moved = lines[(entries + 1)..<(entries + 13)]
    variants.append(
      (
        "fixture-es-obsolete",
        (lines[...entries] + lines[(entries + 13)...].dropLast() + ["obsolete:"] + moved + [""]).joined(
          separator: "\n")
      ))
    return variants
  }

  static func style(of entry: CatalogEntry) -> YAMLText.Style {
    switch entry.textStyle {
    case .doubleQuoted: .escaped
    case .singleQuoted: .singleQuoted
    case .literal: .literal
    case .folded: .folded
    case .plain: .plain
    }
  }

  /// Texts separated by 0xFF, as `RenderTarget` reads them.
  static func joined(_ texts: [String]) -> [UInt8] {
    Array(texts.map { Array($0.utf8) }.joined(separator: [0xFF]))
  }
}
