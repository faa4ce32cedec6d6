import Foundation
import NetexportICU
import NetexportModel
import NetexportTestSupport
import NetexportWorkspace
import Testing

/// Issue 12's property, end to end through the workspace: an author edits a Markdown
/// handout at random and imports it again, round after round; a translator translates and
/// reviews the Spanish catalog in between. No translation is ever lost, and exactly the
/// edited messages come back for review.
@Suite struct ReimportEndToEndTests {
  /// What a translator does to a catalog between imports: translates every `new` entry
  /// (a made-up translation, different every time) and reviews every `needs-review` one
  /// (keeps its text, marks it translated, drops the previous source).
  struct Translator {
    var count = 0
    /// Every translation made, by key.
    var made: [String: String] = [:]

    mutating func work(on text: String, file: String, document: String) throws -> String {
      let catalog = try Catalog.parse(text, file: file, expectedLocale: "es", kind: .document(document))
      let todo = Dictionary(
        uniqueKeysWithValues: catalog.entries.filter { $0.state == .new || $0.state == .needsReview }.map {
          ($0.key, $0)
        })
      var lines: [String] = []
      var inEntries = false
      var current: CatalogEntry?
      for line in text.components(separatedBy: "\n") {
        if let first = line.first, first != " " {
          inEntries = line == "entries:"
          current = nil
        } else if inEntries, line.hasPrefix("  "), !line.hasPrefix("   "), line.hasSuffix(":") {
          current = todo[String(line.dropFirst(2).dropLast())]
        } else if let entry = current, line.hasPrefix("    ") {
          if line.hasPrefix("    previous-source:") { continue }
          if line.hasPrefix("    state:") {
            lines.append("    state: translated")
            continue
          }
          if line.hasPrefix("    text:"), entry.state == .new {
            count += 1
            let translation = "ES\(count) \(entry.source ?? "")"
            made[entry.key] = translation
            lines.append("    text: \(CatalogWriter.quote(translation))")
            continue
          }
        }
        lines.append(line)
      }
      let done = lines.joined(separator: "\n")
      let check = try Catalog.parse(done, file: file, expectedLocale: "es", kind: .document(document))
      #expect(check.entries.allSatisfy { $0.state == .translated }, "the translator left work in \(file)")
      return done
    }
  }

  /// 5 handouts x 10 rounds of 1 to 3 random edits: 50 re-imports, each updating Spanish.
  @Test(arguments: 1...5)
  func everyTranslationSurvivesRandomEditsAndReimports(seed: Int) throws {
    let folder = try TestProject()
    let project = folder.project
    _ = try Workspace.create(project, sourceLocale: LanguageTag("en")!)
    var author = RandomHandout.Author(seed: UInt64(1000 + seed))
    var sections = (0..<Int.random(in: 2...4, using: &author.random)).map { _ in author.section() }
    func importHandout() throws -> ImportRun {
      try folder.write(RandomHandout.markdown(sections), to: "random.md")
      return try Workspace.open(project).importMarkdown(
        folder.url("random.md"), path: "random.md", id: "random", dryRun: false)
    }
    let first = try importHandout()
    #expect(first.reimport == nil)
    _ = try Workspace.open(project).startLocale(LanguageTag("es")!)
    let path = "Locales/es/random.yaml"
    var translator = Translator()
    try folder.write(try translator.work(on: folder.read(path), file: path, document: "random"), to: path)

    for round in 1...10 {
      for _ in 0..<Int.random(in: 1...3, using: &author.random) { author.change(&sections) }
      let run = try importHandout()
      let context = Comment(rawValue: "seed \(seed), round \(round):\n\(RandomHandout.markdown(sections))")
      let report = try #require(run.reimport, context)
      #expect(run.updates.problems.isEmpty, "\(run.updates.problems); \(context)")
      let catalog = try Catalog.load(
        folder.url(path), displayPath: path, expectedLocale: "es", kind: .document("random"))

      // Every translation ever made is still there, under its key, in entries or obsolete.
      for (key, text) in translator.made {
        let kept = (catalog.entries + catalog.obsolete).filter { $0.key == key }
        #expect(kept.map(\.text) == [text], "the translation of '\(key)' is lost; \(context)")
      }
      // Unchanged messages stay translated; exactly the edited ones need review, keeping
      // their translation and saying what changed; new ones wait to be translated.
      for key in report.unchanged {
        #expect(catalog[key]?.state == .translated, "'\(key)' is unchanged; \(context)")
      }
      let review = Set(catalog.entries.filter { $0.state == .needsReview }.map(\.key))
      #expect(review == Set(report.edited.map(\.key)), context)
      for edit in report.edited {
        #expect(catalog[edit.key]?.source == edit.newText, context)
        #expect(catalog[edit.key]?.previousSource == edit.oldText, context)
        #expect(catalog[edit.key]?.text == translator.made[edit.key], context)
      }
      for message in report.added {
        #expect(catalog[message.key]?.state == .new && catalog[message.key]?.text == "", context)
      }
      #expect(Set(report.removed.map(\.key)).isSubset(of: Set(catalog.obsolete.map(\.key))), context)
      // The catalog holds the document's messages, no more and no fewer.
      let source = try Catalog.load(
        folder.url("Locales/en/random.yaml"), displayPath: "Locales/en/random.yaml", expectedLocale: "en",
        kind: .document("random"))
      #expect(catalog.keys.sorted() == source.keys.sorted(), context)

      try folder.write(try translator.work(on: folder.read(path), file: path, document: "random"), to: path)
    }
    #expect(translator.made.count > 20)
  }
}
