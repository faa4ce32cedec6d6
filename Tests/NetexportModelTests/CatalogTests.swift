import Foundation
import NetexportModel
import NetexportTestSupport
import Testing

@Suite struct CatalogLoadingTests {
  @Test func loadsEntriesWithTheirPlaces() throws {
    let catalog = try Catalog.parse(
      """
      locale: es
      entries:
        overview.heading:
          text: "Descripción general"
          note: Section heading.
          source: Overview
          state: translated
        empty:
          text:
      """, file: "Locales/es.yaml", expectedLocale: "es")
    #expect(catalog.locale == "es")
    #expect(catalog.keys == ["overview.heading", "empty"])
    let entry = try #require(catalog["overview.heading"])
    #expect(entry.text == "Descripción general")
    #expect(entry.note == "Section heading.")
    #expect(entry.source == "Overview")
    #expect(entry.state == .translated)
    #expect(entry.location.description == "Locales/es.yaml:3:3")
    #expect(entry.textLocation.description == "Locales/es.yaml:4:11")
    #expect(catalog["empty"]?.text == "")
  }

  /// A catalog says whether a machine made its translations; an entry may be reviewed (checked
  /// by a second person).
  @Test func readsMachineTranslatedAndReviewed() throws {
    let text = """
      locale: es
      document: leaflet
      machine-translated: true
      entries:
        a:
          source: "A"
          text: "Una"
          state: reviewed
      """
    let catalog = try Catalog.parse(text, file: "Locales/es/leaflet.yaml", kind: .document("leaflet"))
    #expect(catalog.machineTranslated)
    #expect(catalog["a"]?.state == .reviewed)
    #expect(catalog["a"]?.state?.isDone == true)
    let human = try Catalog.parse(
      text.replacingOccurrences(of: "machine-translated: true\n", with: ""), file: "f", kind: .document("leaflet"))
    #expect(!human.machineTranslated)
  }

  @Test(arguments: ["yes", "\"true\"", "[true]"])
  func refusesAMachineTranslatedThatIsNotTrueOrFalse(value: String) throws {
    let text = "locale: es\nmachine-translated: \(value)\nentries: {}\n"
    #expect {
      try Catalog.parse(text, file: "Locales/es/labels.yaml", kind: .labels)
    } throws: { error in
      (error as? DiagnosticError)?.description
        == "Locales/es/labels.yaml:2:21: error[invalid-catalog]: 'machine-translated' must be true (the translations were made by machine) or false"
    }
  }

  /// The field belongs to catalogs of messages, not to the glossary.
  @Test func refusesMachineTranslatedInTheGlossary() throws {
    #expect(throws: DiagnosticError.self) {
      try Catalog.parse(
        "locale: es\nmachine-translated: true\nglossary: {}\n", file: "Locales/es/glossary.yaml", kind: .glossary)
    }
  }

  @Test func loadsTheEnglishSourceCatalog() throws {
    let catalog = try Repository.catalog("en", .document(Repository.documentID))
    #expect(catalog.entries.count > 80)
    #expect(catalog["overview.heading"]?.text == "Overview")
  }

  @Test(arguments: [
    (
      "locale: es\nentries:\n  a:\n    text: \"open\n",
      "Locales/es.yaml:4:11: error[malformed-yaml]: malformed YAML: the text in double quotes that starts here is never closed, so YAML reads on to the end of the file; end it with \" (a quotation mark inside the text is written \\\")"
    ),
    (
      "locale: es\nentries:\n  a: Hola\n",
      "Locales/es.yaml:3:6: error[invalid-entry]: entry 'a' must be a mapping with a 'text' field (found text); write it as 'a:' followed by an indented 'text: ...'"
    ),
    (
      "locale: es\nentries:\n  a:\n    txt: Hola\n",
      "Locales/es.yaml:4:5: error[unknown-field]: unknown field 'txt' in entry 'a' (known fields: text, note, previous-note, source, previous-source, state, allow)\nLocales/es.yaml:4:5: error[invalid-entry]: entry 'a' has no 'text' field (use text: \"\" for a string not translated yet)"
    ),
    (
      "locale: es\nentries:\n  a:\n    text: Hola\n    state: done\n",
      "Locales/es.yaml:5:12: error[invalid-state]: state 'done' of entry 'a' is not one of: new, translated, needs-review, reviewed"
    ),
    (
      "locale: es\nentries:\n  a:\n    text: [Hola]\n",
      "Locales/es.yaml:4:11: error[invalid-entry]: 'text' of entry 'a' must be text (found a list)"
    ),
    (
      "locale: es\nentries:\n  a:\n    text: Uno\n  a:\n    text: Dos\n",
      "Locales/es.yaml:5:3: error[duplicate-key]: duplicate key 'a' (first at Locales/es.yaml:3:3); a key may appear only once, so merge the two entries"
    ),
    // Found in a mapping of a few keys (looked through) and of many (hashed).
    (
      "locale: es\nentries:\n  a:\n    text: Uno\n    note: x\n    text: Dos\n",
      "Locales/es.yaml:6:5: error[duplicate-key]: duplicate key 'text' (first at Locales/es.yaml:4:5); a key may appear only once, so merge the two entries"
    ),
    (
      "locale: es\nentries:\n" + (1...11).map { "  k\($0): {text: x}\n" }.joined() + "  k3: {text: y}\n",
      "Locales/es.yaml:14:3: error[duplicate-key]: duplicate key 'k3' (first at Locales/es.yaml:5:3); a key may appear only once, so merge the two entries"
    ),
    (
      "locale: fr\nentries: {}\n",
      "Locales/es.yaml:1:9: error[locale-mismatch]: the file is named for 'es' but declares locale 'fr'"
    ),
    (
      "locale: es_ES\nentries: {}\n",
      "Locales/es.yaml:1:9: error[invalid-locale]: locale 'es_ES' is not a valid BCP 47 language tag\nLocales/es.yaml:1:9: error[locale-mismatch]: the file is named for 'es' but declares locale 'es_ES'"
    ),
    (
      "locale: es\nentries:\n  a:\n    text: \"Hola\\u001B[2J\"\n",
      "Locales/es.yaml:4:11: error[control-character]: 'text' of entry 'a' contains the control character U+001B; remove it"
    ),
    (
      "locale: es\nentries:\n  bad key:\n    text: x\n",
      "Locales/es.yaml:3:3: error[invalid-key]: 'bad key' is not a valid message key (letters, digits, '.', '-' and '_', starting with a letter)"
    ),
    (
      "locale: es\nentries: {}\nglosary: {}\n",
      "Locales/es.yaml:3:1: error[unknown-field]: unknown top-level field 'glosary' (known fields: locale, machine-translated, entries, obsolete, glossary)"
    ),
    (
      "- a\n- b\n",
      "Locales/es.yaml:1:1: error[invalid-catalog]: a catalog must be a mapping with 'locale' and 'entries' at its top level"
    ),
    ("entries: {}\n", "Locales/es.yaml:1:1: error[invalid-catalog]: the catalog has no 'locale' field"),
    // Every duplicate, each where it is, also in flow style.
    (
      "locale: es\nentries: {a: {text: x}, b: {text: y}, a: {text: z}}\nglossary:\n  t: {forms: [x]}\n  t: {}\n",
      "Locales/es.yaml:2:39: error[duplicate-key]: duplicate key 'a' (first at Locales/es.yaml:2:11); a key may appear only once, so merge the two entries\nLocales/es.yaml:5:3: error[duplicate-key]: duplicate key 't' (first at Locales/es.yaml:4:3); a key may appear only once, so merge the two entries"
    ),
    (
      "locale: es\nentries: {}\n---\nlocale: fr\n",
      "Locales/es.yaml:3:1: error[malformed-yaml]: malformed YAML: but found another document (expected a single document in the stream that starts at line 1, column 1)"
    ),
    // Lines counted as YAML counts them (an LS or a lone CR ends a line), with the reason.
    (
      "locale: es\nentries:\n  a:\n    text: \"x\u{2028}y\"\n  a:\n    text: z\n",
      "Locales/es.yaml:6:3: error[duplicate-key]: duplicate key 'a' (first at Locales/es.yaml:3:3); a key may appear only once, so merge the two entries\nLocales/es.yaml:4:13: error[unusual-line-break]: U+2028 LINE SEPARATOR, which YAML reads as a line break but many editors do not; line numbers after it count it as one. Replace it with a normal line break (or, inside a double-quoted text that needs it, write \\L)."
    ),
    (
      "locale: es\rentries:\r  a:\r    text: \"open\r",
      "Locales/es.yaml:4:11: error[malformed-yaml]: malformed YAML: the text in double quotes that starts here is never closed, so YAML reads on to the end of the file; end it with \" (a quotation mark inside the text is written \\\")\nLocales/es.yaml:1:11: error[unusual-line-break]: a carriage return (CR) without a line feed after it, which YAML reads as a line break but many editors do not; line numbers after it count it as one (the file has 3 more). Save the file with LF (or CR LF) line endings."
    ),
    (
      "locale: es\r\nentries:\u{85}  a:\n    text: \"\u{1}\"\n",
      "Locales/es.yaml:4:12: error[malformed-yaml]: malformed YAML: control characters are not allowed\nLocales/es.yaml:2:9: error[unusual-line-break]: U+0085 NEXT LINE (NEL), which YAML reads as a line break but many editors do not; line numbers after it count it as one. Replace it with a normal line break (or, inside a double-quoted text that needs it, write \\N)."
    ),
  ])
  func reportsEachProblemWithItsPlace(yaml: String, expected: String) {
    #expect {
      _ = try Catalog.parse(yaml, file: "Locales/es.yaml", expectedLocale: "es")
    } throws: { error in
      let description = (error as? DiagnosticError)?.description
      if description != expected { print("got: \(description ?? "\(error)")") }
      return description == expected
    }
  }

  /// An alias "bomb": each level's list holds nine aliases of the one before, and the last
  /// is used as a mapping key, which Yams' composer hashes in full (at eight levels a
  /// 381-byte file took 44 s). Refused from the event stream before anything is composed.
  static func aliasBomb(levels: Int) -> String {
    var lines = ["locale: es", "entries: {}", "lol:", "  a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for level in 1..<levels {
      lines.append(
        "  a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
    }
    lines += ["  ? *a\(levels - 1)", "  : boom"]
    return lines.joined(separator: "\n") + "\n"
  }

  /// A text not in quotes that YAML cut at " #" is reported where the rest looks like text;
  /// a comment written as one ("# " with a space), or a "#" inside the text, is not.
  @Test(arguments: [
    ("    text: Sintomi e cause #1\n", ["4:27 text-cut-by-comment"]),
    ("    text: Sintomi e cause   #prima parte\n", ["4:29 text-cut-by-comment"]),
    ("    text: Sintomi e cause # da rivedere\n", []),
    ("    text: Sintomi e cause#1\n", []),
    ("    text: \"Sintomi e cause\" #1\n", []),
  ])
  func findsATextCutByAComment(line: String, expected: [String]) throws {
    let catalog = try Catalog.parse(
      "locale: it\nentries:\n  a:\n" + line + "    state: translated\n", file: "Locales/it.yaml",
      expectedLocale: "it", lenient: true)
    #expect(catalog.problems.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.code)" } == expected)
  }

  @Test func refusesAnAliasBombBeforeComposingIt() {
    #expect {
      _ = try Catalog.parse(Self.aliasBomb(levels: 4), file: "Locales/es.yaml", expectedLocale: "es")
    } throws: { error in
      (error as? DiagnosticError)?.description == """
        Locales/es.yaml:4:7: error[unsupported-yaml]: an anchor (&a0): catalogs and content files do not use YAML anchors and aliases; remove it (the file has 3 more)
        Locales/es.yaml:5:12: error[unsupported-yaml]: an alias (*a0): catalogs and content files do not use YAML anchors and aliases; write the value out in full (the file has 27 more)
        """
    }
  }

  @Test(arguments: [
    (
      "locale: es\nentries:\n  a:\n    text: !!binary SG9sYQ==\n",
      "Locales/es.yaml:4:11: error[unsupported-yaml]: a tag (!!binary): netexport reads values as text, numbers and lists, never by YAML tag; remove the tag"
    ),
    (
      "locale: es\nentries:\n  a: !!python/object:os.system\n    text: rm\n",
      "Locales/es.yaml:3:6: error[unsupported-yaml]: a tag (!!python/object:os.system): netexport reads values as text, numbers and lists, never by YAML tag; remove the tag"
    ),
    (
      "locale: !custom es\nentries: {}\n",
      "Locales/es.yaml:1:9: error[unsupported-yaml]: a tag (!custom): netexport reads values as text, numbers and lists, never by YAML tag; remove the tag"
    ),
    (
      "locale: es\nentries:\n  ? [a, b]\n  : text: x\n",
      "Locales/es.yaml:3:5: error[unsupported-yaml]: a key that is a list; keys are text"
    ),
    (
      "locale: es\nentries:\n  {a: 1}: x\n",
      "Locales/es.yaml:3:3: error[unsupported-yaml]: a key that is a mapping; keys are text"
    ),
    // The structure is checked while the catalog is read, in one pass, and reported first,
    // wherever it is in the file: before a duplicate key or a second document.
    (
      "locale: es\nentries:\n  a: {text: x}\n  a: {text: y}\n  b: {text: *x}\n",
      "Locales/es.yaml:5:13: error[unsupported-yaml]: an alias (*x): catalogs and content files do not use YAML anchors and aliases; write the value out in full"
    ),
    (
      "locale: es\nentries: {}\n---\nlocale: &l fr\n",
      "Locales/es.yaml:4:9: error[unsupported-yaml]: an anchor (&l): catalogs and content files do not use YAML anchors and aliases; remove it"
    ),
    (
      "locale: es\nentries:\n  a: {text: x}\n  a: {text: y}\n  b: {text: \"open\n",
      "Locales/es.yaml:5:13: error[malformed-yaml]: malformed YAML: the text in double quotes that starts here is never closed, so YAML reads on to the end of the file; end it with \" (a quotation mark inside the text is written \\\")"
    ),
    (
      "locale: es\nentries:\n  a:\n    text: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70)
        + "\n",
      "Locales/es.yaml:4:72: error[unsupported-yaml]: mappings and lists nest more than 64 levels deep here; no catalog or content file needs that many"
    ),
  ])
  func refusesWhatCatalogsNeverNeed(yaml: String, expected: String) {
    #expect {
      _ = try Catalog.parse(yaml, file: "Locales/es.yaml", expectedLocale: "es")
    } throws: { error in
      let description = (error as? DiagnosticError)?.description
      if description != expected { print("got: \(description ?? "\(error)")") }
      return description == expected
    }
  }

  /// A mix of LF and CR LF is a warning: it moves no line number, so the catalog loads.
  @Test func loadsACatalogWithMixedLineEndings() throws {
    let catalog = try Catalog.parse(
      "locale: es\r\nentries:\n  a:\r\n    text: Uno\n", file: "Locales/es.yaml", expectedLocale: "es")
    #expect(catalog["a"]?.text == "Uno")
    #expect(
      catalog.problems.map(\.description) == [
        "Locales/es.yaml:1:11: warning[mixed-line-endings]: lines end in both LF (2 lines) and CR LF (2 lines), the first CR LF here; save the file with one kind of line ending (update writes new lines with LF, the more common here)"
      ])
  }

  /// The parser reads no more than the file reader does: 16 MiB.
  @Test func refusesATextLargerThanAnyCatalog() {
    let text = "locale: es\nentries: {}\n" + String(repeating: "#", count: 16 << 20)
    #expect {
      _ = try Catalog.parse(text, file: "Locales/es.yaml", expectedLocale: "es")
    } throws: { error in
      (error as? DiagnosticError)?.description
        == "Locales/es.yaml: error[unreadable-file]: cannot read the file: it is larger than 16 MiB, the most netexport reads (a catalog or document is far smaller; is this the right file?)"
    }
  }

  /// Catalogs read every scalar as text, so a key such as `1` or `true` stays a key.
  @Test func readsKeysThatLookTypedAsText() throws {
    let catalog = try Catalog.parse(
      "locale: es\nentries:\n  a1:\n    text: \"true\"\n    note: 1\n", file: "Locales/es.yaml",
      expectedLocale: "es")
    #expect(catalog["a1"]?.note == "1")
  }

  @Test func locatesInvalidUTF8() {
    let bytes = Data("locale: es\nentries:\n  a:\n    text: caf".utf8) + Data([0xE9]) + Data("\n".utf8)
    #expect {
      _ = try TextFile.decodeUTF8(bytes, displayPath: "Locales/es.yaml")
    } throws: { error in
      (error as? DiagnosticError)?.description
        == "Locales/es.yaml:4:14: error[invalid-utf8]: the file is not valid UTF-8 (byte 0xE9 at offset 38); save it as UTF-8"
    }
  }
}

@Suite struct ProjectTests {
  let folder: URL

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("netexport-project-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("Locales"), withIntermediateDirectories: true)
    for locale in ["en", "es", "pt-BR"] {
      try Data("locale: \(locale)\nentries: {}\n".utf8).write(
        to: folder.appendingPathComponent("Locales/\(locale).yaml"))
    }
  }

  @Test func listsLocalesAndCanonicalizesRequests() throws {
    let project = Project(path: folder.path)
    #expect(try project.availableLocales() == ["en", "es", "pt-BR"])
    #expect(try project.locale("pt-br").canonical == "pt-BR")
    #expect(try project.catalog(for: project.locale("es")).locale == "es")
  }

  @Test func rejectsUnknownAndInvalidLocales() {
    let project = Project(path: folder.path)
    #expect {
      _ = try project.locale("fr")
    } throws: { error in
      (error as? DiagnosticError)?.description
        == "error[unknown-locale]: no catalog for locale 'fr' (looked for \(folder.path)/Locales/fr.yaml); available locales: en, es, pt-BR"
    }
    for bad in ["../x", "es/../../etc", "", "x y"] {
      #expect {
        _ = try project.locale(bad)
      } throws: { error in
        (error as? DiagnosticError)?.description
          == "error[invalid-locale]: '\(bad)' is not a valid BCP 47 language tag (for example: en, es, pt-BR, zh-Hans)"
      }
    }
  }

  @Test func explainsAMissingLocalesFolder() {
    let project = Project(path: folder.appendingPathComponent("nowhere").path)
    #expect(throws: DiagnosticError.self) { try project.availableLocales() }
  }
}
