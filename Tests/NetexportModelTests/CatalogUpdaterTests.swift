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

  /// A changed note is recorded as the source is: a translated entry keeps the note it was
  /// made with in previous-note (once: a second change keeps the first note), an entry not
  /// translated yet just gets the new one.
  @Test func aChangedNoteKeepsTheNoteTheTranslationWasMadeWith() throws {
    let target = """
      locale: es
      entries:
        a.one:
          note: "First."
          source: "One"
          text: "Uno"
          state: translated
        b.three:
          note: "Third."
          source: "Three"
          text: ""
          state: new

      """
    func source(_ one: String, _ three: String) throws -> Catalog {
      try sourceCatalog(
        "locale: en\nentries:\n  a.one:\n    text: \"One\"\n    note: \"\(one)\"\n  b.three:\n    text: \"Three\"\n    note: \"\(three)\"\n"
      )
    }
    let update = try CatalogUpdater.update(
      target, file: "Locales/es.yaml", locale: "es", source: source("First, at most 20 letters.", "Third, changed."))
    #expect(update.notesUpdated == ["a.one", "b.three"])
    #expect(
      update.text == """
        locale: es
        entries:
          a.one:
            note: "First, at most 20 letters."
            previous-note: "First."
            source: "One"
            text: "Uno"
            state: translated
          b.three:
            note: "Third, changed."
            source: "Three"
            text: ""
            state: new

        """)
    let again = try CatalogUpdater.update(
      update.text, file: "Locales/es.yaml", locale: "es",
      source: source("First, at most 10 letters.", "Third, changed."))
    #expect(again.text.contains("    note: \"First, at most 10 letters.\"\n    previous-note: \"First.\"\n"))
    let entry = try #require(Catalog.parse(again.text, file: "Locales/es.yaml", expectedLocale: "es")["a.one"])
    #expect(entry.previousNote == "First.")
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

  /// Punctuation, spacing or letter case changed in the English: the translation keeps its
  /// state (translated or reviewed), the recorded source is refreshed, and update says so;
  /// a removed word still marks the entry needs-review.
  /// A text in quotes over several lines whose last line starts with `#` (a comment to a line
  /// reader, text to YAML): update writes its new fields after the whole text, not inside it
  /// (found by the update fuzz target: the guard refused the cut file).
  @Test func aTextOverSeveralLinesStaysWhole() throws {
    let source = try sourceCatalog(
      """
      locale: en
      entries:
        one:
          text: "One"
        two:
          text: "Two"

      """)
    let target = """
      locale: es
      entries:
        one:
          text: "Uno,
         # y no un comentario"
        two:
          source: "Two"
          text: "Dos"
          state: translated

      """
    let update = try CatalogUpdater.update(target, file: "Locales/es.yaml", locale: "es", source: source)
    #expect(
      update.text == """
        locale: es
        entries:
          one:
            source: "One"
            text: "Uno,
           # y no un comentario"
            state: needs-review
          two:
            source: "Two"
            text: "Dos"
            state: translated

        """)
    let updated = try Catalog.parse(update.text, file: "Locales/es.yaml", expectedLocale: "es")
    #expect(updated["one"]?.text == "Uno, # y no un comentario")
  }

  @Test func keepsTheStateOnAMinorSourceEdit() throws {
    let source = try sourceCatalog(
      """
      locale: en
      entries:
        comma:
          text: "See your doctor, if you have any signs."
        word:
          text: "See your doctor if you have signs."
        reviewed:
          text: "Overview."

      """)
    let target = """
      locale: es
      entries:
        comma:
          source: "See your doctor if you have any signs."
          text: "Consulte a su médico si tiene algún signo."
          state: translated
        word:
          source: "See your doctor if you have any signs."
          text: "Consulte a su médico si tiene algún signo."
          state: translated
        reviewed:
          source: "overview"
          text: "Descripción general"
          state: reviewed

      """
    let update = try CatalogUpdater.update(target, file: "Locales/es.yaml", locale: "es", source: source)
    #expect(update.minorSourceEdits == ["comma", "reviewed"])
    #expect(update.markedForReview == ["word"])
    #expect(
      update.text == """
        locale: es
        entries:
          comma:
            source: "See your doctor, if you have any signs."
            text: "Consulte a su médico si tiene algún signo."
            state: translated
          word:
            source: "See your doctor if you have signs."
            previous-source: "See your doctor if you have any signs."
            text: "Consulte a su médico si tiene algún signo."
            state: needs-review
          reviewed:
            source: "Overview."
            text: "Descripción general"
            state: reviewed

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

  /// The English may hold U+FFFE and U+FFFF, escaped (YAML carries them no other way); an
  /// update writes them escaped too, so the catalog reads back. It wrote them raw, and its own
  /// check refused the result (update-failed); found by the Markdown import fuzz target.
  @Test func writesNoncharactersEscaped() throws {
    let source = try Catalog.parse(
      "locale: en\nentries:\n  a.one:\n    text: \"One\\uFFFF two\\uFFFE\"\n", file: "Locales/en.yaml")
    let english = "One\(Unicode.Scalar(0xFFFF)!) two\(Unicode.Scalar(0xFFFE)!)"
    #expect(source["a.one"]?.text == english)
    let update = try CatalogUpdater.update(
      "locale: es\nentries: {}\n", file: "Locales/es.yaml", locale: "es", source: source)
    #expect(try Catalog.parse(update.text, file: "Locales/es.yaml")["a.one"]?.source == english)
    #expect(update.text.contains("source: \"One\\uFFFF two\\uFFFE\""))
  }

  /// An update never writes a catalog larger than netexport reads back.
  @Test func refusesToGrowACatalogPastWhatCanBeRead() throws {
    let long = String(repeating: "x", count: (1 << 20) - 100)
    let target = "locale: es\nentries:\n  a.one:\n    source: \"One\"\n    text: \"\(long)\"\n"
    #expect(throws: Never.self) {
      try CatalogUpdater.update(
        target, file: "Locales/es.yaml", locale: "es", source: sourceCatalog(), maximumSize: 2 << 20)
    }
    #expect {
      try CatalogUpdater.update(
        target, file: "Locales/es.yaml", locale: "es", source: sourceCatalog(), maximumSize: 1 << 20)
    } throws: { error in
      (error as? DiagnosticError)?.description
        == "Locales/es.yaml: error[update-failed]: the updated catalog would be larger than 1 MiB, the most netexport reads, so the file was left as it was"
    }
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
    let scenario = try RandomUpdate(seed: seed)
    #expect(
      try CatalogLayoutTests.layout(of: scenario.target)?.text == scenario.target,
      "seed \(seed): layout does not round-trip")
    _ = try scenario.check(scenario.target)
  }

  /// Property: a catalog whose lines end in CR LF, or some in CR LF and some in LF (the first
  /// line in CR LF and the rest in LF crashed update), gets the same update as with LF
  /// endings; every line keeps its own ending, and new lines get the more common one.
  @Test(arguments: 0..<150)
  func keepsEachLinesEnding(seed: Int) throws {
    let scenario = try RandomUpdate(seed: seed)
    let lf = try CatalogUpdater.update(scenario.target, file: "es.yaml", locale: "es", source: scenario.source)

    let crlfTarget = RandomUpdate.withEndings(scenario.target) { _ in "\r\n" }
    let crlf = try scenario.check(crlfTarget)
    #expect(crlf.text == RandomUpdate.withEndings(lf.text) { _ in "\r\n" }, "seed \(seed): CR LF")

    var random = SplitMix64(seed: UInt64(seed) + 1000)
    let mixedTarget = RandomUpdate.withEndings(scenario.target) { line in
      line == 0 || random.chance(0.3) ? "\r\n" : "\n"
    }
    #expect(try CatalogLayoutTests.layout(of: mixedTarget)?.text == mixedTarget, "seed \(seed): layout")
    let mixed = try scenario.check(mixedTarget)
    #expect(RandomUpdate.removingCR(mixed.text) == lf.text, "seed \(seed): mixed endings")
    // Each line the update left alone kept its ending: a line that is in the file once
    // before and once after ends the same way. (Lines of fields update writes are left out:
    // a new line may happen to repeat one it replaced.)
    let endingsBefore = RandomUpdate.lineEndings(mixedTarget)
    let endingsAfter = RandomUpdate.lineEndings(mixed.text)
    let written = ["source:", "state:", "note:", "entries:", "obsolete:"]
    for (content, endings) in endingsBefore
    where endings.count == 1 && endingsAfter[content]?.count == 1 && !written.contains(where: content.contains) {
      #expect(endingsAfter[content] == endings, "seed \(seed): '\(content)' changed its line ending")
    }
  }

  /// Property: a lone CR (old Mac line ends) or a raw U+2028 LINE SEPARATOR inside a quoted
  /// text makes update refuse the file with `unusual-line-break` at the character, as libyaml
  /// counts lines (it crashed before); the layout reader still reads such a file, so that a
  /// plan applied to it gives the same lines as with LF.
  @Test(arguments: 0..<40)
  func refusesLineBreaksEditorsMayNotShow(seed: Int) throws {
    let scenario = try RandomUpdate(seed: seed)
    let lf = try CatalogUpdater.update(scenario.target, file: "es.yaml", locale: "es", source: scenario.source)

    let crTarget = RandomUpdate.withEndings(scenario.target) { _ in "\r" }
    #expect {
      try CatalogUpdater.update(crTarget, file: "es.yaml", locale: "es", source: scenario.source)
    } throws: { error in
      (error as? DiagnosticError)?.diagnostics.first { $0.code == "unusual-line-break" }?.location?.description
        == "es.yaml:1:\(scenario.target.prefix { $0 != "\n" }.unicodeScalars.count + 1)"
    }
    let layout = try #require(try CatalogLayoutTests.layout(of: crTarget))
    #expect(layout.text == crTarget, "seed \(seed): layout of a lone-CR file")
    let target = try Catalog.parse(crTarget, file: "es.yaml", expectedLocale: "es", lenient: true)
    let plan = UpdatePlan(
      target: target, source: scenario.source, entryBlocks: layout.entries.map { ($0.key, $0.isFlow) },
      obsoleteBlocks: layout.obsolete.map { ($0.key, $0.isFlow) })
    if plan.summary.changed {
      let applied = CatalogUpdater.apply(plan, to: layout)
      #expect(RandomUpdate.removingCR(applied.replacingOccurrences(of: "\r", with: "\n")) == lf.text, "seed \(seed)")
    }

    // A raw LS inside the first double-quoted value.
    var lines = scenario.target.components(separatedBy: "\n")
    guard let index = lines.firstIndex(where: { $0.contains(": \"") }) else { return }
    let quote = try #require(lines[index].range(of: ": \""))
    let column = lines[index][..<quote.upperBound].unicodeScalars.count + 1
    lines[index].insert("\u{2028}", at: quote.upperBound)
    let lsTarget = lines.joined(separator: "\n")
    #expect {
      try CatalogUpdater.update(lsTarget, file: "es.yaml", locale: "es", source: scenario.source)
    } throws: { error in
      (error as? DiagnosticError)?.diagnostics.map(\.description).contains {
        $0.hasPrefix("es.yaml:\(index + 1):\(column): error[unusual-line-break]: U+2028 LINE SEPARATOR")
      } == true
    }
    #expect(try CatalogLayoutTests.layout(of: lsTarget)?.text == lsTarget, "seed \(seed): layout with LS")
  }
}

/// A random target catalog and a random change of its source, for the property tests.
struct RandomUpdate {
  let seed: Int
  /// The target catalog's text, with LF line ends.
  let target: String
  let source: Catalog
  let sourceKeys: [String]
  let sourceTexts: [String: String]
  /// Every non-empty text of the target, by key.
  let oldTexts: [String: String]
  /// Keys of the entries of the target that are translated (not in obsolete).
  let translatedKeys: Set<String>

  init(seed: Int) throws {
    self.seed = seed
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
    target = lines.joined(separator: "\n") + "\n"

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
    source = try Catalog.parse(sourceText, file: "en.yaml", expectedLocale: "en")
    self.sourceKeys = sourceKeys
    self.sourceTexts = sourceTexts
    self.oldTexts = oldTexts
    self.translatedKeys = translatedKeys
  }

  /// Updates `text` (the target, perhaps with other line ends) and checks the result.
  func check(_ text: String) throws -> CatalogUpdater.Update {
    let before = try Catalog.parse(text, file: "es.yaml", expectedLocale: "es")
    let update = try CatalogUpdater.update(text, file: "es.yaml", locale: "es", source: source)
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
    return update
  }

  /// `text` with each line feed replaced by `ending(lineIndex)`.
  static func withEndings(_ text: String, _ ending: (Int) -> String) -> String {
    var result = ""
    var line = 0
    for scalar in text.unicodeScalars {
      if scalar == "\n" {
        result += ending(line)
        line += 1
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// The line ending of each line of `text` (LF or CR LF), by the line's content.
  static func lineEndings(_ text: String) -> [String: [String]] {
    var endings: [String: [String]] = [:]
    var line = ""
    for scalar in text.unicodeScalars {
      if scalar == "\n" {
        let crlf = line.unicodeScalars.last == "\r"
        if crlf { line.unicodeScalars.removeLast() }
        endings[line, default: []].append(crlf ? "CR LF" : "LF")
        line = ""
      } else {
        line.unicodeScalars.append(scalar)
      }
    }
    return endings
  }

  /// `text` without carriage returns.
  static func removingCR(_ text: String) -> String {
    var result = ""
    result.unicodeScalars.append(contentsOf: text.unicodeScalars.filter { $0 != "\r" })
    return result
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
