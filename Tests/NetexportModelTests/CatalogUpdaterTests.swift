import Testing

@testable import NetexportModel

@Suite struct CatalogUpdaterTests {
  static let source = """
    locale: en
    entries:
      a.one:
        text: "One"
        note: "First."
      a.two:
        text: "Two, changed"
      b.three:
        text: "Three"
      b.four:
        text: "Four"

    """

  static let target = """
    # Spanish catalog, kept by hand.
    locale: es
    entries:
      # The first one.
      a.one:
        note: "First."
        source: "One"
        text: 'Uno'
        state: translated
      a.two:
        note: "Second."
        source: "Two"
        text: |-
          Dos,
          en dos líneas
        state: translated

      gone:
        source: "Gone"
        text: "Ido"
        state: translated
      b.three:
        source: "Three"
        text: ""
        state: new
    glossary:
      term.x:
        forms: ["x"]

    """

  func sourceCatalog(_ text: String = source) throws -> Catalog {
    try Catalog.parse(text, file: "Locales/en.yaml", expectedLocale: "en")
  }

  @Test func addsMarksMovesAndKeepsEverythingElse() throws {
    let update = try CatalogUpdater.update(
      Self.target, file: "Locales/es.yaml", locale: "es", source: sourceCatalog())
    #expect(update.added == ["b.four"])
    #expect(update.markedForReview == ["a.two"])
    #expect(update.movedToObsolete == ["gone"])
    #expect(update.notesUpdated == [])
    #expect(
      update.text == """
        # Spanish catalog, kept by hand.
        locale: es
        entries:
          # The first one.
          a.one:
            note: "First."
            source: "One"
            text: 'Uno'
            state: translated
          a.two:
            note: "Second."
            source: "Two, changed"
            previous-source: "Two"
            text: |-
              Dos,
              en dos líneas
            state: needs-review

          b.three:
            source: "Three"
            text: ""
            state: new
          b.four:
            source: "Four"
            text: ""
            state: new
        glossary:
          term.x:
            forms: ["x"]

        # Entries whose key the source no longer has, kept so that no translation is lost.
        obsolete:
          gone:
            source: "Gone"
            text: "Ido"
            state: translated

        """)
  }

  @Test func isIdempotentAndRestoresFromObsolete() throws {
    let first = try CatalogUpdater.update(Self.target, file: "Locales/es.yaml", locale: "es", source: sourceCatalog())
    let second = try CatalogUpdater.update(first.text, file: "Locales/es.yaml", locale: "es", source: sourceCatalog())
    #expect(!second.changed)
    #expect(second.text == first.text)
    let withGone = try sourceCatalog(Self.source + "  gone:\n    text: \"Gone\"\n")
    let third = try CatalogUpdater.update(first.text, file: "Locales/es.yaml", locale: "es", source: withGone)
    #expect(third.restored == ["gone"])
    let catalog = try Catalog.parse(third.text, file: "Locales/es.yaml", expectedLocale: "es")
    #expect(catalog["gone"]?.text == "Ido")
    #expect(catalog["gone"]?.state == .translated)
    #expect(catalog.obsolete.isEmpty)
    #expect(third.text.contains("obsolete: {}"))
  }

  @Test func reportsEntriesItCannotEdit() throws {
    let target = """
      locale: es
      entries:
        a.one: {source: "Uno?", text: "Uno", state: translated}
        a.two:
          source: "Two, changed"
          text: "Dos"
          state: translated
        b.three:
          text: "Tres"
        b.four:
          source: "Four"
          text: "Cuatro"

      """
    let update = try CatalogUpdater.update(target, file: "Locales/es.yaml", locale: "es", source: sourceCatalog())
    #expect(
      update.skipped == [
        "a.one: written in flow style ({...}), so it was not changed; write it as one field per line and run update again"
      ])
    #expect(update.markedForReview == ["b.three"])
    // b.three had no recorded source: its origin is unknown, so it gets a review.
    #expect(update.text.contains("  b.three:\n    source: \"Three\"\n    text: \"Tres\"\n    state: needs-review\n"))
  }

  @Test func fillsAnEmptyCatalog() throws {
    let update = try CatalogUpdater.update(
      "locale: es\nentries: {}\n", file: "Locales/es.yaml", locale: "es", source: sourceCatalog())
    #expect(update.added == ["a.one", "a.two", "b.three", "b.four"])
    #expect(update.text.hasPrefix("locale: es\nentries:\n  a.one:\n    note: \"First.\"\n"))
  }

  @Test func refusesACatalogWithProblems() throws {
    let broken = "locale: es\nentries:\n  a.one:\n    txt: Uno\n"
    #expect(throws: DiagnosticError.self) {
      try CatalogUpdater.update(broken, file: "Locales/es.yaml", locale: "es", source: sourceCatalog())
    }
  }

  /// Property: for random catalogs and random changes of the source, an update never loses
  /// a translation, gives a valid catalog with every source key, marks exactly the changed
  /// translated entries for review, and a second update changes nothing.
  ///
  /// A seeded generator (written here; it needs only a few lines) makes every failure
  /// reproducible: the failing seed is in the test's message.
  @Test(arguments: 0..<150)
  func neverLosesATranslation(seed: Int) throws {
    var random = SplitMix64(seed: UInt64(seed))
    let keyPool = (0..<14).map { "k\($0 % 3).item-\($0)" }
    var sourceKeys = keyPool.filter { _ in random.chance(0.7) }
    if sourceKeys.isEmpty { sourceKeys = [keyPool[0]] }
    var sourceTexts = Dictionary(uniqueKeysWithValues: sourceKeys.map { ($0, random.text()) })

    // The target, written in assorted styles, with comments and blank lines.
    var lines = ["# generated catalog \(seed)", "locale: es", "entries:"]
    var oldTexts: [String: String] = [:]
    var translatedKeys = Set<String>()
    var obsoleteLines: [String] = []
    for key in keyPool where random.chance(0.75) {
      let text = random.chance(0.2) ? "" : random.text()
      let inObsolete = !sourceKeys.contains(key) && random.chance(0.3)
      var entry: [String] = []
      if random.chance(0.2) { entry.append(random.chance(0.5) ? "" : "  # about \(key)") }
      entry.append("  \(key):")
      if random.chance(0.4) { entry.append("    note: \(CatalogWriter.quote(random.text()))") }
      if random.chance(0.85) {
        entry.append("    source: \(CatalogWriter.quote(sourceTexts[key] ?? random.text()))")
      }
      entry += random.styled(text, field: "text", indent: 4)
      let state = text.isEmpty ? "new" : random.pick(["translated", "translated", "needs-review", "new"])
      if random.chance(0.9) { entry.append("    state: \(state)") }
      if !text.isEmpty && state != "new" && !inObsolete { translatedKeys.insert(key) }
      if !text.isEmpty { oldTexts[key] = text }
      if inObsolete { obsoleteLines += entry } else { lines += entry }
    }
    if lines.count == 3 { lines[2] = "entries: {}" }
    if !obsoleteLines.isEmpty { lines += ["obsolete:"] + obsoleteLines }
    let target = lines.joined(separator: "\n") + "\n"
    let before = try Catalog.parse(target, file: "es.yaml", expectedLocale: "es")
    #expect(try CatalogLayoutTests.layout(of: target)?.text == target, "seed \(seed): layout does not round-trip")

    // Random changes of the source: removals, additions, rewrites.
    for key in sourceKeys where random.chance(0.2) {
      sourceKeys.removeAll { $0 == key }
      sourceTexts[key] = nil
    }
    for key in keyPool where !sourceKeys.contains(key) && random.chance(0.2) {
      sourceKeys.append(key)
      sourceTexts[key] = random.text()
    }
    for key in sourceKeys where random.chance(0.3) { sourceTexts[key] = random.text() }
    let sourceText =
      "locale: en\nentries:"
      + (sourceKeys.isEmpty
        ? " {}\n"
        : "\n"
          + sourceKeys.map { "  \($0):\n    text: \(CatalogWriter.quote(sourceTexts[$0] ?? ""))\n" }.joined())
    let source = try Catalog.parse(sourceText, file: "en.yaml", expectedLocale: "en")

    let update = try CatalogUpdater.update(target, file: "es.yaml", locale: "es", source: source)
    let after = try Catalog.parse(update.text, file: "es.yaml", expectedLocale: "es")
    let kept = Dictionary(grouping: after.entries + after.obsolete, by: \.key).mapValues { Set($0.map(\.text)) }
    for (key, text) in oldTexts {
      #expect(kept[key]?.contains(text) == true, "seed \(seed): lost the text of \(key)")
    }
    for key in sourceKeys {
      let entry = after[key]
      #expect(entry != nil, "seed \(seed): \(key) missing")
      #expect(entry?.source == sourceTexts[key], "seed \(seed): \(key) records a stale source")
      if let old = before[key], translatedKeys.contains(key), old.source != sourceTexts[key] {
        #expect(entry?.state == .needsReview, "seed \(seed): \(key) changed but was not marked")
        #expect(entry?.previousSource == (old.previousSource ?? old.source), "seed \(seed): \(key) previous source")
      }
    }
    for entry in after.entries { #expect(sourceTexts[entry.key] != nil, "seed \(seed): \(entry.key) not obsolete") }
    let again = try CatalogUpdater.update(update.text, file: "es.yaml", locale: "es", source: source)
    #expect(!again.changed, "seed \(seed): a second update changed the file")
  }
}

/// A small, fast, seedable generator (Steele et al.'s SplitMix64).
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }

  mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }

  /// A text with the characters that make YAML hard: quotes, backslashes, colons, hashes,
  /// braces, line breaks, and letters of several scripts.
  mutating func text() -> String {
    let pieces = [
      "Tumores", "neuroendocrinos", "ça", "l'été", "\"citado\"", "a: b", "# no comment",
      "{n, plural, one {#} other {#}}",
      "back\\slash", "línea\nnueva", "肿瘤", "أورام", "  espacio", "fin ", "50 mg", "&<>", "- guion", "? pregunta", "'",
      "%", "@", "`", "yes", "null", "~", "1.5",
    ]
    return (0..<Int.random(in: 1...4, using: &self)).map { _ in pick(pieces) }.joined(separator: " ")
  }

  /// A field in a random YAML style that can hold the text.
  mutating func styled(_ text: String, field: String, indent: Int) -> [String] {
    let pad = String(repeating: " ", count: indent)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let blockSafe =
      !text.isEmpty && lines.allSatisfy { !$0.isEmpty && $0.first != " " && $0.last != " " }
    if blockSafe && chance(0.3) {
      return ["\(pad)\(field): |-"] + lines.map { "\(pad)  \($0)" }
    }
    if !text.contains("\n") && chance(0.3) {
      return ["\(pad)\(field): '\(text.replacingOccurrences(of: "'", with: "''"))'"]
    }
    return ["\(pad)\(field): \(CatalogWriter.quote(text))"]
  }
}
