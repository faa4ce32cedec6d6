import ArgumentParser
import Foundation
import NetexportICU
import NetexportModel
import NetexportValidation
import NetexportWorkspace

struct Status: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show how far each document's translation has come in each locale.",
    discussion: """
      A table of document x locale (the labels every export shares are a row of their own):
      the share of messages ready (translated, made from the current source text, and with no
      error 'netexport validate' reports), and how many have such an error; then the share
      reviewed (also checked by a second person). Below them, what is left in each unfinished
      cell: errors to fix, needs review, stale (the source changed; run 'netexport update'),
      missing (absent, empty or still new); and which catalogs were made by machine.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @Option(name: .long, parsing: .singleValue, help: "A locale to show (repeatable); default: every target locale.")
  var locale: [String] = []

  @OptionGroup var documents: DocumentOptions

  @Option(name: .long, help: "The report format: text or json.")
  var report: Format = .text

  @OptionGroup var projectOptions: ProjectOptions

  func validate() throws { _ = try canonicalLocales(locale) }

  func run() throws {
    try reportingFailures {
      let workspace = try projectOptions.workspace()
      let locales = try workspace.locales(try canonicalLocales(locale)).filter { $0.status != .source }
      let table = workspace.status(locales: locales, documents: try workspace.documents(documents.document))
      switch report {
      case .json: try Console.write(ReportRenderer.encode(table))
      case .text: try Console.line(Self.text(table))
      }
      if !table.problems.isEmpty { throw DiagnosticError(table.problems) }
    }
  }

  static func text(_ table: StatusTable) -> String {
    let columns = table.columns.map { $0.status == "shipped" ? $0.locale : "\($0.locale) (\($0.status))" }
    // A message with an error is not ready, whatever its state says: the export gate refuses it.
    let ready = table.rows.map { row in
      [row.catalog]
        + row.cells.map {
          "\($0.percentComplete) %" + ($0.errors > 0 ? " (\($0.errors) error\($0.errors == 1 ? "" : "s"))" : "")
        }
    }
    // Reviewed: checked by a second person; a second table in the same columns.
    let reviewed = table.rows.map { row in [row.catalog] + row.cells.map { "\($0.percentReviewed) %" } }
    let widths = ([["document"] + columns, ["reviewed"] + columns] + ready + reviewed).reduce(into: [Int]()) {
      widths, cells in
      for (index, cell) in cells.enumerated() {
        let width = TextColumns.count(cell)
        if index < widths.count { widths[index] = max(widths[index], width) } else { widths.append(width) }
      }
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { index, cell in
        let pad = String(repeating: " ", count: widths[index] - TextColumns.count(cell))
        return index == 0 ? cell + pad : pad + cell
      }.joined(separator: "  ")
    }
    var lines = [line(["document"] + columns)] + ready.map(line)
    if table.columns.isEmpty {
      lines.append("(no target locales yet; start one with 'netexport init --locale ID')")
    } else {
      lines += [line(["reviewed"] + columns)] + reviewed.map(line)
    }
    var left: [String] = []
    for row in table.rows {
      for cell in row.cells where cell.percentComplete < 100 {
        var parts: [String] = []
        if cell.errors > 0 {
          parts.append(
            "\(cell.errors) with an error to fix ('netexport validate --locale \(cell.locale)' shows \(cell.errors == 1 ? "it" : "them"))"
          )
        }
        if cell.needsReview > 0 { parts.append("\(cell.needsReview) needs review") }
        if cell.stale > 0 { parts.append("\(cell.stale) stale") }
        if cell.missing > 0 { parts.append("\(cell.missing) missing") }
        left.append(
          "  \(cell.locale)/\(row.catalog): \(cell.translated) of \(cell.total) ready; \(parts.joined(separator: ", "))"
        )
      }
    }
    if !left.isEmpty { lines += ["left to do:"] + left }
    // Which catalogs were made by machine, by locale: a locale whose every catalog was is
    // named alone, otherwise with the catalogs that were.
    var machine: [String] = []
    for (index, column) in table.columns.enumerated() {
      let catalogs = table.rows.filter { index < $0.cells.count && $0.cells[index].machineTranslated }.map(\.catalog)
      guard !catalogs.isEmpty else { continue }
      machine.append(
        catalogs.count == table.rows.count ? column.locale : "\(column.locale) (\(catalogs.joined(separator: ", ")))")
    }
    if !machine.isEmpty {
      lines.append(
        "machine-translated: \(machine.joined(separator: ", ")); their handouts say so until every message is reviewed"
      )
    }
    lines.append(
      "Source locale: \(table.sourceLocale). 'ready' means translated from the current source text, with no error; 'reviewed', also checked by a second person."
    )
    return lines.joined(separator: "\n")
  }
}

struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Start a new locale: its catalogs, ready to translate, and a draft entry in the manifest.",
    discussion: """
      Writes Locales/<locale>/<document>.yaml for every document (or those named with
      --document) and Locales/<locale>/labels.yaml, each message with its source text recorded,
      an empty text, state new and the translator notes; writes Locales/<locale>/glossary.yaml,
      with an entry to agree on for each term and abbreviation; and adds '<locale>: draft' to
      netexport.yaml. A draft is validated and reported but never exported by --all; change it
      to 'shipped' when its translations are done. 'netexport update --locale ID' creates the
      catalogs of the other documents later. Never overwrites a catalog. The tag must name a
      language ICU has data for (its plural rules, dates and numbers), and a script and region
      ICU knows: 'Italian', 'xx' and 'zz-ZZ' are refused, unless --force.
      """
  )

  @Option(name: .long, help: "The new locale, as a BCP 47 tag (es, pt-BR, zh-Hans).")
  var locale: String

  @OptionGroup var documents: DocumentOptions

  @Flag(name: .long, help: "Start the locale even when ICU does not know its language, script or region.")
  var force = false

  @OptionGroup var projectOptions: ProjectOptions

  func validate() throws {
    let canonical = try canonicalLocales([locale])
    guard !force, let tag = canonical.first.flatMap(LanguageTag.init), let problem = Self.unknown(tag, as: locale)
    else { return }
    throw ValidationError(problem + " Pass --force to start it anyway.")
  }

  /// Why ICU cannot serve `tag` (as the user wrote it, `written`), with the tag they may have
  /// meant: a language's name ("Italian") gives its code. `nil` when ICU knows every part.
  static func unknown(_ tag: LanguageTag, as written: String) -> String? {
    let unknown = tag.unknownSubtags
    guard !unknown.isEmpty else { return nil }
    var text = "'\(written)' is not a locale ICU knows: \(unknown.map(\.description).joined(separator: ", "))."
    if unknown.contains(where: { if case .language = $0 { true } else { false } }) {
      text += " Its plural rules, dates and numbers would be ICU's defaults: every count would take the 'other' branch."
      if let english = LanguageTag("en"), let meant = LanguageTag.languages(named: written, in: english).first {
        text += " Did you mean '\(meant.canonical)' (\(meant.displayName(in: english)))?"
      }
    }
    return text
  }

  func run() throws {
    try reportingFailures {
      let workspace = try projectOptions.workspace()
      // validate() has checked the tag.
      guard let tag = LanguageTag(locale) else { throw ExitCode.validationFailure }
      let run = try workspace.startLocale(tag, documents: try workspace.documents(documents.document))
      if tag.canonical != locale {
        Console.error("note: wrote the canonical form of '\(locale)', which is '\(tag.canonical)'")
      }
      if let unknown = Self.unknown(tag, as: locale) {
        Console.error("note: started anyway (--force): \(unknown)")
      }
      for change in run.changes {
        switch change.kind {
        case .created(let messages):
          try Console.line(
            "\(change.path): \(messages) messages to translate (\(tag.displayName(in: workspace.sourceLocale)))")
        case .glossary(let entries):
          try Console.line(
            "\(change.path): \(entries) glossary entr\(entries == 1 ? "y" : "ies") to agree on (terms and abbreviations)"
          )
        case .updated: break
        }
      }
      for note in run.notes { Console.error(note) }
    }
  }
}

struct Update: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Bring target catalogs in line with the source catalogs.",
    discussion: """
      Creates the catalog of a document a locale has none for yet; adds new messages (state
      new); marks messages whose source text changed as needs-review (keeping the
      translation, and the old source text in previous-source), except where only
      punctuation, spacing or letter case changed (a minor source edit: the recorded source
      is refreshed and the state kept); and moves messages the
      source no longer has to the 'obsolete' section. Never changes a translation; keeps each
      file's order, comments and layout. Writes are atomic, and refused when a translator
      saved the file meanwhile.
      """
  )

  @Option(name: .long, parsing: .singleValue, help: "A locale to update (repeatable); default: every target locale.")
  var locale: [String] = []

  @OptionGroup var documents: DocumentOptions

  @Flag(name: .long, help: "Show what would change without writing anything.")
  var dryRun = false

  @OptionGroup var projectOptions: ProjectOptions

  func validate() throws { _ = try canonicalLocales(locale) }

  func run() throws {
    let started = Date()
    try reportingFailures {
      let workspace = try projectOptions.workspace()
      let requested = try canonicalLocales(locale)
      let locales = try workspace.locales(requested) { $0.status != .source && $0.status != .pseudo }
      let chosen = try workspace.documents(documents.document)
      if !dryRun {
        for locale in locales {
          for name in TextFile.removeLeftovers(
            in: workspace.project.localeDirectory(locale.canonical), olderThan: started)
          {
            Console.error(
              "note: removed \(workspace.project.displayPath("Locales/\(locale)/" + name)), a temporary file left by an interrupted netexport run"
            )
          }
        }
      }
      let source = workspace.checkSource(documents: chosen)
      let sourceErrors = source.check.files.filter { $0.file != .glossary }.flatMap(\.errors)
      guard sourceErrors.isEmpty else { throw DiagnosticError(sourceErrors) }
      var problems: [Diagnostic] = []
      for locale in locales {
        let run = workspace.update(
          locale, documents: chosen, source: source, dryRun: dryRun, onWait: Self.noteWaiting(for:))
        for change in run.changes { try Console.line(Self.summary(change, dryRun: dryRun)) }
        for note in run.notes { Console.error(note) }
        problems += run.problems
      }
      if !problems.isEmpty { throw DiagnosticError(problems) }
    }
  }

  static func noteWaiting(for display: String) {
    Console.error("note: waiting for another netexport to finish writing \(display)")
  }

  static func summary(_ change: CatalogChange, dryRun: Bool) -> String {
    let notWritten = dryRun ? " (dry run: not written)" : ""
    let update: CatalogUpdater.Update
    switch change.kind {
    case .created(let messages):
      return "\(change.path): created, \(messages) messages to translate\(notWritten)"
    case .updated(let value):
      update = value
    case .glossary(let entries):
      return
        "\(change.path): created, \(entries) glossary entr\(entries == 1 ? "y" : "ies") to agree on\(notWritten)"
    }
    let file = change.path
    guard update.changed || !update.skipped.isEmpty else { return "\(file): up to date" }
    var parts: [String] = []
    func count(_ keys: [String], _ what: String) {
      if !keys.isEmpty { parts.append("\(keys.count) \(what)") }
    }
    count(update.added, "added")
    count(update.markedForReview, "marked needs-review")
    count(update.sourceUpdated, "source updated (not translated yet)")
    count(update.minorSourceEdits, "minor source edits (state kept)")
    count(update.notesUpdated, "notes updated")
    count(update.movedToObsolete, "moved to obsolete")
    count(update.restored, "restored from obsolete")
    var lines = ["\(file): \(parts.isEmpty ? "nothing changed" : parts.joined(separator: ", "))\(notWritten)"]
    func list(_ keys: [String], _ label: String) {
      for key in keys { lines.append("  \(label): \(key)") }
    }
    list(update.added.filter { !update.filledFromMemory.contains($0) }, "added")
    list(update.filledFromMemory, "added from translation memory (needs review)")
    list(update.markedForReview, "needs review")
    list(update.minorSourceEdits, "minor source edit")
    list(update.movedToObsolete, "obsolete")
    list(update.restored, "restored")
    for skipped in update.skipped { lines.append("  not changed: \(skipped)") }
    return lines.joined(separator: "\n")
  }
}

struct Pseudo: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Generate a pseudo-locale for testing layouts: en-XA (accented, 40 % longer) or ar-XB (right-to-left).",
    discussion: """
      Writes Locales/<locale>/ from the source catalogs; only literal text changes, so the
      catalogs validate and export like a real translation. Run it again after the source
      changes. It overwrites only catalogs it generated itself. Pseudo-locales are for
      testing: 'netexport --all' leaves them out, and .gitignore keeps them out of git.
      """
  )

  @Option(name: .long, help: "en-XA or ar-XB.")
  var locale: String

  @OptionGroup var projectOptions: ProjectOptions

  func validate() throws {
    guard PseudoLocalizer.locales.contains(locale) else {
      throw ValidationError(
        "'\(locale)' is not a pseudo-locale netexport generates; use \(PseudoLocalizer.locales.joined(separator: " or "))."
      )
    }
  }

  func run() throws {
    try reportingFailures {
      let workspace = try projectOptions.workspace()
      for file in try workspace.generatePseudoLocale(locale, onWait: Update.noteWaiting(for:)) {
        try Console.line(
          file.messages > 0
            ? "\(file.path): \(file.messages) messages in the pseudo-locale \(locale)"
            : "\(file.path): the glossary of the pseudo-locale \(locale)")
      }
    }
  }
}
