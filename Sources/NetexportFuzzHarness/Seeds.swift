import Foundation
import NetexportModel

/// The inputs each fuzz target starts from, made from the project's own files: the shipped
/// catalogs (whole, and split into entries), the bundled content file, the test fixtures, the
/// hand-made hostile inputs of `Tests/Hostile/` and `HostileStrings`. Made afresh for each run,
/// so they follow the catalogs as translators change them.
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

  /// Every target's seeds, from the project at `root`.
  public static func make(root: URL) throws -> [FuzzTarget: [Seed]] {
    let catalogs = try shippedCatalogs(root: root)
    let fixtures = try testFiles(root: root)
    var seeds: [FuzzTarget: [Seed]] = [:]

    // Loading a catalog: whole catalogs (also with CRLF line ends), each entry as a catalog
    // of its own, the test fixtures, the hostile inputs, and each hostile string as a text.
    var catalog: [Seed] = []
    for (locale, text) in catalogs {
      catalog.append(Seed(name: "\(locale).yaml", bytes: Array(text.utf8)))
      catalog.append(
        Seed(name: "\(locale).crlf.yaml", bytes: Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)))
      // Eight entries a seed: small inputs run fast, and together they hold every entry.
      let entries = entryLines(text)
      for start in stride(from: 0, to: entries.count, by: 8) {
        let chunk = entries[start..<min(entries.count, start + 8)]
        let body = chunk.map(\.lines).joined(separator: "\n")
        catalog.append(
          Seed(name: "\(locale).\(chunk.first!.key).yaml", bytes: Array("locale: \(locale)\nentries:\n\(body)\n".utf8)))
      }
    }
    catalog.append(Seed(name: "fixture-en.yaml", bytes: Array(Fixture.sourceText.utf8)))
    catalog += fixtures.filter { $0.name.hasSuffix(".yaml") }
    for (index, hostile) in HostileStrings.all.enumerated() {
      let text = "locale: es\nentries:\n  document.title:\n    text: \(YAMLText.doubleQuoted(hostile))\n"
      catalog.append(Seed(name: "hostile-\(index).yaml", bytes: Array(text.utf8)))
    }
    seeds[.catalog] = catalog

    // Loading a content file: the bundled document, the fixture's, and the test fixtures.
    let bundled = root.appendingPathComponent("Sources/NetexportModel/Resources/neuroendocrine-tumors.yaml")
    seeds[.content] =
      [
        Seed(name: "bundled.yaml", bytes: Array(try Data(contentsOf: bundled))),
        Seed(name: "fixture-document.yaml", bytes: Array(Fixture.documentText.utf8)),
      ] + fixtures.filter { $0.name.contains("document") || $0.name.contains("content") }

    // Validating an entry: each fixture message in one of the shipped translations (taking
    // the locales in turn), in the style its catalog writes it; each hostile string as one
    // message. One locale per message, not all of them: each input validates and exports a
    // whole catalog, and the seeds are all run before any mutation.
    var entry: [Seed] = []
    let translations = catalogs.compactMap { locale, text -> (index: Int, catalog: Catalog)? in
      guard let index = Fixture.locales.firstIndex(of: locale),
        let parsed = try? Catalog.parse(text, file: "\(locale).yaml", lenient: true)
      else { return nil }
      return (index, parsed)
    }
    for (keyIndex, key) in Fixture.keys.enumerated() where !translations.isEmpty {
      let (localeIndex, parsed) = translations[keyIndex % translations.count]
      guard let translated = parsed[key] else { continue }
      let style = YAMLText.Style.allCases.firstIndex(of: style(of: translated)) ?? 0
      entry.append(
        Seed(
          name: "\(parsed.locale).\(key)",
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
    for (locale, text) in catalogs {
      guard let localeIndex = renderLocales.firstIndex(of: locale),
        let parsed = try? Catalog.parse(text, file: "\(locale).yaml", lenient: true)
      else { continue }
      let texts =
        Fixture.keys.map { parsed[$0]?.text ?? "" }
        + Fixture.source.glossary.map { term in parsed.glossaryEntry(term.key)?.pronunciation ?? "" }
      render.append(Seed(name: locale, bytes: [UInt8(localeIndex), 52] + joined(texts)))
    }
    for (index, hostile) in HostileStrings.all.enumerated() {
      let texts =
        Fixture.keys.map { "\(Fixture.english($0).prefix(12)) \(hostile)" }
        + Fixture.source.glossary.map { _ in hostile }
      render.append(Seed(name: "hostile-\(index)", bytes: [UInt8(index % renderLocales.count), 20] + joined(texts)))
    }
    seeds[.render] = render

    // Updating: the shipped translations, and the fixture's catalog translated, then with
    // entries missing, sources changed, an entry the source no longer has, in LF and CRLF.
    var update: [Seed] = catalogs.filter { $0.locale != "en" }.map {
      Seed(name: "\($0.locale).yaml", bytes: Array($0.text.utf8))
    }
    for (name, text) in fixtureTranslations() {
      update.append(Seed(name: "\(name).yaml", bytes: Array(text.utf8)))
      update.append(
        Seed(name: "\(name).crlf.yaml", bytes: Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)))
    }
    update += fixtures.filter { $0.name.hasSuffix(".yaml") && !$0.name.contains("document") }
    seeds[.update] = update

    // The regression inputs whose fixes have landed.
    for regression in try Regression.all(root: root) where regression.pending == nil {
      seeds[regression.target, default: []].append(
        Seed(name: "regression-\(regression.name)", bytes: regression.bytes))
    }
    return seeds
  }

  /// The shipped catalogs, `Locales/<locale>.yaml`, without the generated pseudo-locales.
  static func shippedCatalogs(root: URL) throws -> [(locale: String, text: String)] {
    let folder = root.appendingPathComponent("Locales")
    return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().compactMap { name in
      guard name.hasSuffix(".yaml"), !["en-XA.yaml", "ar-XB.yaml"].contains(name) else { return nil }
      let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      return (String(name.dropLast(5)), text)
    }
  }

  /// Test inputs: the validation fixtures, the model fixtures and every file of
  /// `Tests/Hostile/` but those of pending cases, named by their path.
  static func testFiles(root: URL) throws -> [Seed] {
    var seeds: [Seed] = []
    for folder in [
      "Tests/NetexportValidationTests/Fixtures", "Tests/NetexportModelTests/Fixtures", "Tests/Hostile",
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

  /// The fixture's catalog translated into Spanish, and variants an update has work on.
  static func fixtureTranslations() -> [(name: String, text: String)] {
    let translated = EntryTarget.catalogText(locale: "es", key: "", text: "", style: .escaped)
    var lines = translated.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
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
    lines.insert(
      "glossary:\n  term.mutation:\n    forms: [\"mutaciones\"]\n    pronunciation: \"mu-ta-SIO-nes\"",
      at: lines.count - 1)
    variants.append(("fixture-es-glossary", lines.joined(separator: "\n")))
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
