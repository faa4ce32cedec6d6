import Foundation
public import NetexportICU
public import NetexportInterchange
public import NetexportModel
import NetexportResolution
import NetexportValidation

/// The file formats CAT tools exchange catalogs in.
public enum InterchangeFormat: String, Sendable, CaseIterable {
  /// GNU gettext PO: one catalog per file (Poedit, Weblate, OmegaT, Crowdin).
  case po
  /// XLIFF 2.0: one or more catalogs of one locale per file (memoQ, Trados, Phrase, OmegaT with Okapi).
  case xliff

  /// The file name extension.
  public var fileExtension: String { self == .po ? "po" : "xlf" }

  /// The format of a file, from its name (`.po`, `.pot`; `.xlf`, `.xliff`, `.xml`), or else
  /// from its first character (`<` for XML).
  public static func of(path: String, text: String) -> InterchangeFormat {
    let lowered = path.lowercased()
    if lowered.hasSuffix(".po") || lowered.hasSuffix(".pot") { return .po }
    if lowered.hasSuffix(".xlf") || lowered.hasSuffix(".xliff") || lowered.hasSuffix(".xml") { return .xliff }
    let first = text.unicodeScalars.first { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }
    return first == "<" ? .xliff : .po
  }
}

/// What `catalog import` did, or would do, with one file.
public struct InterchangeImport: Sendable {
  /// What became of one entry of the file.
  public struct Outcome: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
      /// The translation or its state was applied.
      case updated
      /// The file holds what the catalog holds already.
      case unchanged
      /// The English changed since the file was exported: the translation is applied as
      /// needs-review, never as translated.
      case conflict
      /// Not applied: the text has errors, or the catalog has no such entry.
      case rejected
    }

    public var key: String
    public var kind: Kind
    /// Why, or what changed; `nil` for an unchanged entry.
    public var reason: String?
    /// Where the entry is in the imported file.
    public var location: SourceLocation
    /// Warnings about the applied text, and remarks a translator left in the file.
    public var notes: [String] = []
  }

  /// One catalog the file held.
  public struct CatalogResult: Sendable {
    public var file: CatalogFile
    public var locale: String
    /// The catalog file, as shown in messages.
    public var path: String
    /// Each entry of the file, in the file's order.
    public var outcomes: [Outcome]
    /// Whether the catalog changes (it is written unless this is a dry run).
    public var changed: Bool

    public func count(_ kind: Outcome.Kind) -> Int { outcomes.filter { $0.kind == kind }.count }
  }

  /// The imported file, as shown in messages.
  public var path: String
  public var catalogs: [CatalogResult]
  /// What the reader ignored (obsolete PO entries).
  public var warnings: [Diagnostic]
  /// Whether the changes were written (not with `--dry-run`).
  public var written: Bool

  /// Whether any entry was rejected.
  public var hasRejections: Bool { catalogs.contains { $0.count(.rejected) > 0 } }
}

extension Workspace {
  /// The default file `catalog export` writes: `Interchange/<catalog>.<locale>.<ext>` for one
  /// catalog, `Interchange/<locale>.xlf` for several.
  public func interchangePath(locale: WorkspaceLocale, files: [CatalogFile], format: InterchangeFormat) -> String {
    let name = files.count == 1 ? "\(files[0].name).\(locale.canonical)" : locale.canonical
    return "Interchange/\(name).\(format.fileExtension)"
  }

  /// The message catalogs of a locale an export covers: the ones named (`labels` names the
  /// labels), or every document's and the labels.
  ///
  /// - Throws: `DiagnosticError` (`unknown-document`) for a name that is neither.
  public func interchangeFiles(_ names: [String]) throws -> [CatalogFile] {
    guard !names.isEmpty else { return messageFiles(documents) }
    let documentNames = names.filter { $0 != CatalogFile.labels.name }
    // `documents([])` would be every document.
    var files = documentNames.isEmpty ? [] : try self.documents(documentNames).map { CatalogFile.document($0.id) }
    if names.contains(CatalogFile.labels.name) { files.append(.labels) }
    return files
  }

  /// Writes a locale's catalogs as a PO or XLIFF file for a CAT tool: every message of the
  /// English, with its translation, note, state and the English a translation to review was
  /// made from (see `docs/cat-tools.md`).
  ///
  /// - Throws: `DiagnosticError` when the locale is the source, a catalog is missing, cannot
  ///   be read or has errors that stop reading it, is not up to date with the English (run
  ///   `update` first: the file would not say what to review), or holds what the format
  ///   cannot (`interchange-unrepresentable`); a PO file holds one catalog.
  public func exportInterchange(_ locale: WorkspaceLocale, files: [CatalogFile], format: InterchangeFormat) throws
    -> String
  {
    guard locale.status != .source else {
      throw DiagnosticError(
        Diagnostic(
          code: .sourceLocale, at: nil,
          "'\(locale)' is the source locale; export a target locale's catalogs for translation"))
    }
    if format == .po && files.count != 1 {
      throw DiagnosticError(
        Diagnostic(
          code: .interchangeUnrepresentable, at: nil,
          "a PO file holds one catalog; name it with --document (\((documents.map(\.id) + ["labels"]).joined(separator: ", "))), or export XLIFF"
        ))
    }
    let source = checkSource(documents: documents.filter { files.contains(.document($0.id)) })
    var problems: [Diagnostic] = []
    var exported: [InterchangeDocument] = []
    for file in files {
      guard let sourceCatalog = source.catalog(file) else {
        problems += source.check[file]?.errors ?? []
        continue
      }
      do {
        exported.append(try interchangeDocument(locale, file: file, source: sourceCatalog))
      } catch let error as DiagnosticError {
        problems += error.diagnostics
      }
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }
    do {
      return format == .po ? try PO.write(exported[0]) : try XLIFF.write(exported)
    } catch let error as DiagnosticError {
      throw DiagnosticError(
        error.diagnostics.map { located($0, at: SourceLocation(file: exported.first?.catalog ?? "")) })
    }
  }

  /// One catalog as the neutral interchange form.
  func interchangeDocument(_ locale: WorkspaceLocale, file: CatalogFile, source: Catalog) throws
    -> InterchangeDocument
  {
    let loaded = load(file, locale: locale.canonical)
    let path = loaded.path
    guard let catalog = loaded.catalog else {
      if !loaded.readProblems.isEmpty { throw DiagnosticError(loaded.readProblems) }
      throw DiagnosticError(
        Diagnostic(
          .error, code: .missingCatalog, at: SourceLocation(file: path),
          "\(path) does not exist yet; run 'netexport update --locale \(locale)' to create it, then export"))
    }
    let errors = catalog.problems.filter { $0.severity == .error }
    if !errors.isEmpty { throw DiagnosticError(errors) }
    // The file must say what the translator is to do: an entry missing, or translated from
    // English that changed since (update marks those needs-review), would say it wrongly.
    let missing = source.entries.filter { catalog[$0.key] == nil }.map(\.key)
    let stale = source.entries.filter { sourceEntry in
      guard let entry = catalog[sourceEntry.key] else { return false }
      return entry.source != sourceEntry.text && !entry.text.isEmpty
    }.map(\.key)
    if !missing.isEmpty || !stale.isEmpty {
      var parts: [String] = []
      if !missing.isEmpty { parts.append("\(missing.count) message\(missing.count == 1 ? "" : "s") missing") }
      if !stale.isEmpty {
        parts.append(
          "\(stale.count) translated from English that changed since (or not recorded): \(stale.prefix(3).joined(separator: ", "))\(stale.count > 3 ? ", …" : "")"
        )
      }
      throw DiagnosticError(
        Diagnostic(
          code: .interchangeOutOfDate, at: SourceLocation(file: path),
          "\(path) is not up to date with the English (\(parts.joined(separator: "; "))); run 'netexport update --locale \(locale)' first, then export"
        ))
    }
    let units = source.entries.compactMap { sourceEntry -> InterchangeUnit? in
      guard let entry = catalog[sourceEntry.key] else { return nil }
      return InterchangeUnit(
        key: entry.key, source: sourceEntry.text, target: entry.text, note: sourceEntry.note ?? entry.note,
        previousNote: entry.previousNote, state: Self.exportedState(entry), previousSource: entry.previousSource,
        location: "\(path):\(entry.location.line ?? 1)", base: InterchangeUnit.digest(key: entry.key, text: entry.text))
    }
    return InterchangeDocument(
      sourceLocale: sourceLocale.canonical, targetLocale: locale.canonical, catalog: file.name, units: units)
  }

  /// A catalog entry's state as a unit's: an entry without one counts as translated when it
  /// has text, as everywhere else.
  static func unitState(_ entry: CatalogEntry) -> InterchangeUnit.State {
    switch entry.state {
    case .new?: .new
    case .needsReview?: .needsReview
    case .translated?: .translated
    case .reviewed?: .reviewed
    case nil: entry.text.isEmpty ? .new : .translated
    }
  }

  /// The state an entry is exported with: its own, except that a translation whose note
  /// changed since it was made (it has `previous-note`) goes out as needs-review, so that the
  /// translator's tool flags it (PO `fuzzy`) and the translator checks it against the new note;
  /// taking the flag off is what tells import the check is done.
  static func exportedState(_ entry: CatalogEntry) -> InterchangeUnit.State {
    let state = unitState(entry)
    return entry.previousNote != nil && (state == .translated || state == .reviewed) ? .needsReview : state
  }

  static func entryState(_ state: InterchangeUnit.State) -> CatalogEntry.State {
    switch state {
    case .new: .new
    case .needsReview: .needsReview
    case .translated: .translated
    case .reviewed: .reviewed
    }
  }

  private func located(_ diagnostic: Diagnostic, at location: SourceLocation) -> Diagnostic {
    var copy = diagnostic
    if copy.location == nil { copy.location = location }
    return copy
  }
}

extension Workspace {
  /// Reads a PO or XLIFF file a translator sends back and applies its translations to the
  /// catalogs it was exported from, in place (order, comments and layout kept).
  ///
  /// Every text is checked with the full validation (ICU syntax, arguments, plurals, numbers,
  /// ...) before it is applied: an entry with errors is rejected, and the others are applied.
  /// An entry whose English changed since the file was exported arrives as needs-review. An
  /// empty translation never replaces a catalog's text.
  ///
  /// - Parameters:
  ///   - url: The file.
  ///   - displayPath: How to name it in messages.
  ///   - dryRun: Work out everything, write nothing.
  /// - Throws: `DiagnosticError`, with nothing written, when the file does not parse, is for
  ///   a catalog or locale this project does not have, or a catalog it names cannot be read
  ///   or edited (each problem naming `file:line`).
  public func importInterchange(_ url: URL, displayPath: String, dryRun: Bool) throws -> InterchangeImport {
    let text = try TextFile.readUTF8(url, displayPath: displayPath)
    let parsed: InterchangeFile
    switch InterchangeFormat.of(path: displayPath, text: text) {
    case .po: parsed = try PO.parse(text, file: displayPath)
    case .xliff: parsed = try XLIFF.parse(text, file: displayPath)
    }
    // Every document is checked before anything is worked out: a file is applied whole or
    // not at all.
    var targets: [(located: InterchangeFile.Located, locale: WorkspaceLocale, file: CatalogFile)] = []
    var problems: [Diagnostic] = []
    let allLocales = try locales()
    for located in parsed.documents {
      let document = located.document
      let file = CatalogFile(name: document.catalog)
      let tag = LanguageTag(document.targetLocale.replacingOccurrences(of: "_", with: "-"))
      guard let tag, let locale = allLocales.first(where: { $0.tag == tag }), locale.status != .source else {
        problems.append(
          Diagnostic(
            code: .interchangeWrongLocale, at: located.location,
            "the file is for locale '\(document.targetLocale)', which is not a target locale of this project (\(allLocales.filter { $0.status != .source }.map(\.canonical).joined(separator: ", "))); import it into the project it was exported from"
          ))
        continue
      }
      let known = messageFiles(documents)
      guard known.contains(file) else {
        problems.append(
          Diagnostic(
            code: .interchangeWrongCatalog, at: located.location,
            "the file is for catalog '\(document.catalog)', which this project does not have (\(known.map(\.name).joined(separator: ", "))); import it into the project it was exported from"
          ))
        continue
      }
      do {
        try located.requireMatch(
          catalog: file.name, sourceLocale: sourceLocale.canonical, targetLocale: locale.canonical)
      } catch let error as DiagnosticError {
        problems += error.diagnostics
        continue
      }
      targets.append((located, locale, file))
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }

    let source = checkSource(
      documents: documents.filter { document in targets.contains { $0.file == .document(document.id) } })
    var results: [InterchangeImport.CatalogResult] = []
    var writes: [(url: URL, path: String, old: String, new: String)] = []
    for target in targets {
      let (result, newText, old, catalogURL) = try applyImport(
        target.located, locale: target.locale, file: target.file, source: source)
      results.append(result)
      if let newText { writes.append((catalogURL, result.path, old, newText)) }
    }
    if !dryRun && !writes.isEmpty {
      // Every catalog is prepared before any is replaced, and each only if nobody saved it
      // since it was read: all of the file, or none of it.
      var pending: [PendingWrite] = []
      do {
        for write in writes {
          pending.append(try TextFile.prepare(write.new, to: write.url, displayPath: write.path, replacing: write.old))
        }
        for item in pending { try TextFile.commit(item) }
      } catch {
        pending.forEach(TextFile.discard)
        throw error
      }
    }
    return InterchangeImport(
      path: displayPath, catalogs: results, warnings: parsed.warnings, written: !dryRun && !writes.isEmpty)
  }

  /// Works out what one document of an imported file does to its catalog.
  ///
  /// - Returns: The outcome of each unit, the catalog's new text (`nil` when nothing
  ///   changes), its text as read, and its URL.
  private func applyImport(
    _ located: InterchangeFile.Located, locale: WorkspaceLocale, file: CatalogFile, source: SourceSide
  ) throws -> (InterchangeImport.CatalogResult, String?, String, URL) {
    let path = project.catalogDisplayPath(locale.canonical, file)
    let url = project.catalogURL(locale.canonical, file)
    try project.requireInside(url, displayPath: path)
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw DiagnosticError(
        Diagnostic(
          .error, code: .missingCatalog, at: located.location,
          "\(path) does not exist; run 'netexport update --locale \(locale)' to create it, then import again"))
    }
    guard let sourceCatalog = source.catalog(file), let validator = source.validators[file] else {
      throw DiagnosticError(source.check[file]?.errors ?? [])
    }
    let old = try TextFile.readUTF8(url, displayPath: path)
    let catalog = try Catalog.parse(old, file: path, expectedLocale: locale.canonical, kind: file)
    let glossary = load(.glossary, locale: locale.canonical).catalog?.glossary ?? []

    var outcomes: [InterchangeImport.Outcome] = []
    var changes: [String: [CatalogEditor.FieldChange]] = [:]
    for (index, unit) in located.document.units.enumerated() {
      let at = located.unitLocations[index]
      var outcome = InterchangeImport.Outcome(key: unit.key, kind: .unchanged, reason: nil, location: at)
      if let comment = unit.comment {
        outcome.notes.append("remark in the file: \(Quoting.quote(comment, limit: 200))")
      }
      guard let english = sourceCatalog[unit.key]?.text else {
        outcome.kind = .rejected
        outcome.reason = "the English has no message '\(unit.key)' (any more); it was not applied"
        outcomes.append(outcome)
        continue
      }
      guard let entry = catalog[unit.key] else {
        outcome.kind = .rejected
        outcome.reason =
          "\(path) has no entry '\(unit.key)'; run 'netexport update --locale \(locale)', then import the file again"
        outcomes.append(outcome)
        continue
      }
      // An empty translation never replaces one: a tool may have cleared it.
      if unit.target.isEmpty && !entry.text.isEmpty {
        outcome.reason = "the file has no translation and the catalog has one, which is kept"
        outcomes.append(outcome)
        continue
      }
      // The catalog's translation changed since the file was written (someone edited the
      // YAML): the file's, when the translator did not change it, is the older one; when both
      // changed, applying the file's would lose the catalog's edit, so neither replaces the other.
      if unit.target != entry.text, let base = unit.base, InterchangeUnit.isDigest(base),
        base != InterchangeUnit.digest(key: unit.key, text: entry.text)
      {
        if base == InterchangeUnit.digest(key: unit.key, text: unit.target) {
          outcome.reason =
            "the translation in \(path) was changed since the file was exported, and the file's was not: the catalog's is kept"
          outcomes.append(outcome)
          continue
        }
        outcome.kind = .rejected
        outcome.reason =
          "the translation in \(path) was changed since the file was exported (it is now \(Quoting.quote(entry.text, limit: 120))), so the file's was not applied and neither is lost; export the file again and make the change there, or edit \(path)"
        outcomes.append(outcome)
        continue
      }
      var fields: [CatalogEditor.FieldChange] = []
      let currentState = entry.state ?? (entry.text.isEmpty ? .new : .translated)
      if unit.source != english {
        // Made from other English than today's: the translator could not see the change.
        guard unit.target != entry.text else {
          outcome.reason = "the English changed since the file was exported, and the translation was not changed"
          outcomes.append(outcome)
          continue
        }
        outcome.kind = .conflict
        outcome.reason =
          "the English changed since the file was exported (\(Usability.change(from: unit.source, to: english))); imported as needs-review"
        fields.append(.init("text", unit.target))
        if entry.source != english { fields.append(.init("source", english)) }
        if entry.previousSource != unit.source { fields.append(.init("previous-source", unit.source)) }
        if currentState != .needsReview || entry.state == nil { fields.append(.init("state", "needs-review")) }
      } else {
        let newState = Self.entryState(unit.state)
        // A translation whose note changed went out as needs-review: coming back so, unchanged,
        // it is what the catalog holds; coming back done, the translator checked it.
        let exported = Self.entryState(Self.exportedState(entry))
        let noteChecked = entry.previousNote != nil && newState.isDone
        guard unit.target != entry.text || (newState != currentState && newState != exported) || noteChecked else {
          outcomes.append(outcome)
          continue
        }
        outcome.kind = .updated
        var what: [String] = []
        if unit.target != entry.text {
          fields.append(.init("text", unit.target))
          // The change as a word diff, so a long sentence shows where it changed.
          if entry.text.isEmpty {
            what.append("text \(Quoting.quote(unit.target))")
          } else if let diff = WordDiff.describe(from: entry.text, to: unit.target) {
            what.append("text \"\(diff)\"")
          } else {
            what.append("text: only its spaces or line breaks changed")
          }
        }
        if newState != currentState || entry.state == nil {
          fields.append(.init("state", newState.rawValue))
          what.append("state \(currentState.rawValue) → \(newState.rawValue)")
        }
        if noteChecked {
          fields.append(.init("previous-note", nil))
          what.append("checked against the new note (previous-note removed)")
        }
        if entry.source != english { fields.append(.init("source", english)) }
        // A review done: the English it was made from no longer needs keeping.
        if newState.isDone && entry.previousSource != nil { fields.append(.init("previous-source", nil)) }
        outcome.reason = what.joined(separator: "; ")
      }
      changes[unit.key] = fields
      outcomes.append(outcome)
    }

    // Each changed text is checked with the full validation of the catalog it would be in; an
    // entry with errors is left out, and the rest checked again without it (an entry's
    // findings may depend on another's).
    var newText: String?
    var rejected: [String: [Diagnostic]] = [:]
    var warnings: [String: [Diagnostic]] = [:]
    while !changes.isEmpty {
      let edit = try CatalogEditor.apply(changes, to: old, file: path, locale: locale.canonical, kind: file)
      for (key, reason) in edit.skipped {
        rejected[key] = [Diagnostic(code: .updateUnsupported, at: nil, reason)]
        changes[key] = nil
      }
      let candidate = try Catalog.parse(edit.text, file: path, expectedLocale: locale.canonical, kind: file)
      let findings = validator.validate(candidate, glossary: glossary, locale: locale.tag)
      let errors = Dictionary(grouping: findings.filter { $0.severity == .error && changes[$0.key ?? ""] != nil }) {
        $0.key ?? ""
      }
      if errors.isEmpty && edit.skipped.isEmpty {
        newText = edit.text == old ? nil : edit.text
        warnings = Dictionary(grouping: findings.filter { $0.severity == .warning && changes[$0.key ?? ""] != nil }) {
          $0.key ?? ""
        }
        break
      }
      for (key, found) in errors {
        rejected[key] = found
        changes[key] = nil
      }
    }
    for index in outcomes.indices {
      let key = outcomes[index].key
      if let found = rejected[key] {
        outcomes[index].kind = .rejected
        outcomes[index].reason =
          found.map { "\($0.severity.rawValue)[\($0.code)]: \($0.message)" }.joined(separator: "; ") + "; not applied"
      } else if let found = warnings[key] {
        outcomes[index].notes += found.map { "\($0.severity.rawValue)[\($0.code)]: \($0.message)" }
      }
    }
    let result = InterchangeImport.CatalogResult(
      file: file, locale: locale.canonical, path: path, outcomes: outcomes, changed: newText != nil)
    return (result, newText, old, url)
  }
}
