import Foundation
import NetexportInterchange
import NetexportModel
import Testing

/// The PO files through GNU gettext's own tools, as a translator's toolchain runs them.
@Suite(.enabled(if: Tools.available("msgfmt", "msgmerge", "msgcat"), Tools.gettextHint))
struct POToolTests {
  /// Units parsed from a file a tool wrote.
  func units(_ text: String) throws -> [InterchangeUnit] {
    try PO.parse(text, file: "tool.po").documents[0].document.units
  }

  @Test func msgfmtChecksPass() throws {
    let folder = try TemporaryFolder()
    for (name, text) in [("es.po", try PO.write(Samples.document)), ("es.pot", try PO.template(Samples.document))] {
      let path = try folder.write(text, to: name)
      let checked = try Tools.run([
        "msgfmt", "--check-format", "--check-header", "--check-domain", "--statistics", "-o", "/dev/null", path,
      ])
      #expect(checked.status == 0, "\(name): \(checked.stderr)")
      // The only remark allowed is gettext's advice against "\r" in messages (the sample has one on purpose).
      let remarks = checked.stderr.split(separator: "\n").filter {
        !$0.contains("should not contain the '\\r' escape sequence") && !$0.contains("translated message")
          && !$0.contains("untranslated message")
      }
      #expect(remarks.isEmpty, "\(name): \(remarks)")
    }
  }

  /// msgfmt's own checks still apply: a translation that drops the source's final line feed is
  /// refused, as gettext users expect.
  @Test func msgfmtStillRefusesWhatItChecks() throws {
    let document = InterchangeDocument(
      sourceLocale: "en", targetLocale: "es", catalog: "labels",
      units: [InterchangeUnit(key: "a", source: "Line\n", target: "Línea", state: .translated)])
    let folder = try TemporaryFolder()
    let path = try folder.write(try PO.write(document), to: "es.po")
    let checked = try Tools.run(["msgfmt", "--check-format", "-o", "/dev/null", path])
    #expect(checked.status != 0)
    #expect(checked.stderr.contains("'msgid' and 'msgstr' entries do not both end with '\\n'"), "\(checked.stderr)")
  }

  /// `msgcat --no-wrap` rewrites the file in gettext's own layout: the writer's layout is that
  /// layout, so only the flags gettext does not keep change, and the units come back whole.
  @Test func msgcatChangesOnlyTheFlagsItDoesNotKnow() throws {
    let folder = try TemporaryFolder()
    let written = try PO.write(Samples.document)
    let path = try folder.write(written, to: "es.po")
    let catted = try Tools.run(["msgcat", "--no-wrap", path])
    try #require(catted.status == 0, "\(catted.stderr)")
    let changed = zip(written.split(separator: "\n"), catted.stdout.split(separator: "\n")).filter { $0 != $1 }
    #expect(written.split(separator: "\n").count == catted.stdout.split(separator: "\n").count)
    #expect(changed.allSatisfy { $0.hasPrefix("#, ") && $1.hasPrefix("#, ") }, "\(changed)")
    // msgcat keeps no-c-format and fuzzy, drops icu-message-format, and drops fuzzy where
    // msgstr is empty (the needs-review mark keeps that unit's state).
    #expect(!catted.stdout.contains("icu-message-format") && catted.stdout.contains("#, fuzzy, no-c-format"))
    #expect(exact(try units(catted.stdout)) == exact(Samples.units))

    let wrapped = try Tools.run(["msgcat", path])
    try #require(wrapped.status == 0, "\(wrapped.stderr)")
    #expect(
      wrapped.stdout.contains("\"A long sentence that goes on and on. A long sentence that goes on and on. A \"\n"))
    #expect(exact(try units(wrapped.stdout)) == exact(Samples.units))
  }

  /// msgmerge updates a translation from the template: with the same template every unit comes
  /// back as it was; with changed English the translation is kept, fuzzy, with the old English.
  @Test func msgmergeKeepsEveryUnit() throws {
    let folder = try TemporaryFolder()
    let translation = try folder.write(try PO.write(Samples.document), to: "es.po")
    let template = try folder.write(try PO.template(Samples.document), to: "es.pot")
    let merged = try Tools.run(["msgmerge", "--quiet", "--previous", "-o", "-", translation, template])
    try #require(merged.status == 0, "\(merged.stderr)")
    // msgmerge drops `#| msgid` from an entry without translation: a needs-review unit with an
    // empty target keeps its state (netexport's mark) but loses the old English.
    // It takes `#.` lines from the template, which has no translations and so no earlier
    // notes: the note a translation was made with is dropped (the catalog keeps it: import
    // never reads it back).
    var expected = Samples.units
    for index in expected.indices where expected[index].target.isEmpty { expected[index].previousSource = nil }
    for index in expected.indices { expected[index].previousNote = nil }
    #expect(exact(try units(merged.stdout)) == exact(expected))

    var changed = Samples.document
    for index in changed.units.indices where ["document.title", "rtl.arabic"].contains(changed.units[index].key) {
      changed.units[index].source += " (updated)"
    }
    let newTemplate = try folder.write(try PO.template(changed), to: "new.pot")
    let updated = try Tools.run(["msgmerge", "--quiet", "--previous", "-o", "-", translation, newTemplate])
    try #require(updated.status == 0, "\(updated.stderr)")
    let result = try units(updated.stdout)
    #expect(result.map(\.key) == Samples.units.map(\.key))
    for (unit, original) in zip(result, Samples.units) {
      if unit.key == "document.title" || unit.key == "rtl.arabic" {
        // Translated and reviewed both come back needs-review, the translation and old English kept.
        #expect(unit.state == .needsReview, "\(unit.key)")
        #expect(unit.source == original.source + " (updated)")
        #expect(unit.target == original.target)
        #expect(unit.previousSource == original.source)
      } else {
        #expect(ExactUnit(unit) == ExactUnit(expected.first { $0.key == original.key }!))
      }
    }
  }

  /// What Poedit does on save: lines re-wrapped at 79 columns, the header in its own order with
  /// its own fields, the translator's name and date. The units do not change.
  @Test func aPoeditStyleResaveReadsBackTheSame() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write(try PO.write(Samples.document), to: "es.po")
    let wrapped = try Tools.run(["msgcat", "--width=79", path])
    try #require(wrapped.status == 0, "\(wrapped.stderr)")
    var lines = wrapped.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let headerStart = try #require(lines.firstIndex(of: "msgstr \"\"")) + 1
    let headerEnd = try #require(lines[headerStart...].firstIndex(of: ""))
    var header = lines[headerStart..<headerEnd].map {
      $0.hasPrefix("\"Last-Translator:")
        ? #""Last-Translator: Ana García <ana@example.org>\n""#
        : $0.hasPrefix("\"PO-Revision-Date:")
          ? #""PO-Revision-Date: 2026-12-05 10:42+0100\n""#
          : $0.hasPrefix("\"Language-Team:") ? #""Language-Team: Spanish\n""# : $0
    }
    header.reverse()
    header += [
      #""Plural-Forms: nplurals=2; plural=(n != 1);\n""#, #""X-Poedit-SourceCharset: UTF-8\n""#,
      #""X-Poedit-Basepath: .\n""#,
    ]
    lines.replaceSubrange(headerStart..<headerEnd, with: header)
    let resaved = lines.joined(separator: "\n")
    #expect(resaved != wrapped.stdout)
    let parsed = try PO.parse(resaved, file: "es.po").documents[0].document
    #expect(exact(parsed.units) == exact(Samples.units))
    #expect(parsed.catalog == Samples.document.catalog && parsed.targetLocale == "es" && parsed.sourceLocale == "en")
    // And msgfmt accepts what Poedit wrote.
    let resavedPath = try folder.write(resaved, to: "resaved.po")
    let checked = try Tools.run(["msgfmt", "--check", "-o", "/dev/null", resavedPath])
    #expect(checked.status == 0, "\(checked.stderr)")
  }
}
