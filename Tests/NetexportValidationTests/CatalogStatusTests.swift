import NetexportModel
import NetexportResolution
import NetexportValidation
import Testing

/// `CatalogStatus` counts with `Usability.standing` and `Catalog.position(of:guess:)`; these
/// tests hold them to what they stand for: the groups of `Usability.problems`' findings, and
/// the entry the catalog's subscript finds.
@Suite struct CatalogStatusTests {
  /// The group the findings of `Usability.problems` put an entry in, as the status counted
  /// them before `standing`.
  static func group(of problems: [Diagnostic]) -> Usability.Standing {
    if problems.isEmpty { return .ready }
    if problems.contains(where: { $0.has(.missingKey) || $0.has(.emptyText) || $0.has(.stateNew) }) {
      return .missing
    }
    if problems.contains(where: { $0.has(.needsReview) }) { return .needsReview }
    return .stale
  }

  @Test func standingIsTheGroupOfTheProblems() {
    let location = SourceLocation(file: "Locales/es/doc.yaml", line: 3, column: 3)
    let states: [CatalogEntry.State?] = [nil] + CatalogEntry.State.allCases
    for text in ["", "Hola"] {
      for state in states {
        for recorded in [nil, "Hello", "Hi"] as [String?] {
          for previous in [nil, "Hullo"] as [String?] {
            for sourceText in [nil, "Hello"] as [String?] {
              for isSource in [false, true] {
                let entry = CatalogEntry(
                  key: "k", text: text, source: recorded, previousSource: previous, state: state, location: location)
                let problems = Usability.problems(
                  key: "k", entry: entry, sourceText: sourceText, isSource: isSource, file: location.file)
                let standing = Usability.standing(of: entry, sourceText: sourceText, isSource: isSource)
                #expect(
                  standing == Self.group(of: problems),
                  "text \(text), state \(String(describing: state)), source \(String(describing: recorded)), current \(String(describing: sourceText)), isSource \(isSource)"
                )
              }
            }
          }
        }
      }
    }
  }

  /// Keys out of the source's order, missing, added and twice over: the position guessed is
  /// taken only when it is the one the subscript finds.
  @Test func positionIsTheSubscriptsEntry() {
    let location = SourceLocation(file: "Locales/es/doc.yaml")
    let keys = ["a", "b", "c", "d"]
    let orders = [
      ["a", "b", "c", "d"], ["b", "a", "d"], ["x", "a", "b", "y", "c", "d"], ["a", "b", "a", "c"],
      ["b", "a", "c", "a", "d"], [],
    ]
    for order in orders {
      let entries = order.enumerated().map { CatalogEntry(key: $1, text: "\($0)", location: location) }
      let catalog = Catalog(locale: "es", file: location.file, entries: entries)
      for key in keys + ["z"] {
        for guess in -1...(entries.count + 1) {
          let position = catalog.position(of: key, guess: guess)
          #expect(position.map { catalog.entries[$0] } == catalog[key], "\(order), \(key) guessed at \(guess)")
        }
      }
    }
  }

  /// Counts every group, in a catalog that lists its messages out of order and one twice,
  /// as counting with the subscript and `Usability.problems` does.
  @Test func countsAsTheProblemsDo() {
    let location = SourceLocation(file: "Locales/es/doc.yaml")
    func entry(_ key: String, _ text: String, _ state: CatalogEntry.State?, source: String? = nil) -> CatalogEntry {
      CatalogEntry(key: key, text: text, source: source, state: state, location: location)
    }
    let source = Catalog(
      locale: "en", file: "Locales/en/doc.yaml",
      entries: ["a", "b", "c", "d", "e", "f", "g"].map { entry($0, "Text \($0)", nil) })
    let target = Catalog(
      locale: "es", file: location.file,
      entries: [
        entry("b", "", .translated), entry("a", "Uno", .new), entry("c", "Tres", .needsReview),
        entry("e", "Cinco", .translated, source: "Old e"), entry("d", "Cuatro", .reviewed, source: "Text d"),
        entry("e", "Cinco", .reviewed), entry("g", "Siete", .translated), entry("x", "Extra", .translated),
      ])
    for isSource in [false, true] {
      let catalog = isSource ? source : target
      let status = CatalogStatus(catalog: catalog, source: source, isSource: isSource, errorKeys: ["g"])
      var expected = [Usability.Standing: Int]()
      var errors = 0
      var reviewed = 0
      for sourceEntry in source.entries {
        let found = catalog[sourceEntry.key]
        let group = Self.group(
          of: Usability.problems(
            key: sourceEntry.key, entry: found, sourceText: isSource ? nil : sourceEntry.text, isSource: isSource,
            file: catalog.file))
        if group == .ready && sourceEntry.key == "g" {
          errors += 1
          continue
        }
        expected[group, default: 0] += 1
        if group == .ready && !isSource && found?.state == .reviewed { reviewed += 1 }
      }
      #expect(status.total == 7)
      #expect(status.translated == expected[.ready, default: 0])
      #expect(status.missing == expected[.missing, default: 0])
      #expect(status.needsReview == expected[.needsReview, default: 0])
      #expect(status.stale == expected[.stale, default: 0])
      #expect(status.errors == errors)
      #expect(status.reviewed == reviewed)
    }
    // The figures themselves, so that the comparison cannot pass on two wrong counts.
    let status = CatalogStatus(catalog: target, source: source, errorKeys: ["g"])
    #expect(
      [status.translated, status.reviewed, status.missing, status.needsReview, status.stale, status.errors]
        == [1, 1, 3, 1, 1, 1])
  }
}
