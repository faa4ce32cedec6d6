import ArgumentParser
import Foundation
import NetexportICU
import NetexportModel
import NetexportValidation

struct Status: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show how complete each locale's translation is.",
    discussion: """
      Counts every message of the source catalog once: translated (and checked against the
      current source), needs review, stale (the source changed; run 'netexport update'), or
      missing (absent, empty or still new).
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @Option(name: .long, parsing: .singleValue, help: "A locale to show (repeatable); default: every target catalog.")
  var locale: [String] = []

  @Option(name: .long, help: "The report format: text or json.")
  var report: Format = .text

  @OptionGroup var projectOptions: ProjectOptions

  func validate() throws { _ = try canonicalLocales(locale) }

  func run() throws {
    try reportingFailures {
      let (project, document) = try projectOptions.load()
      let sourceTag = try project.locale(document.sourceLocale)
      let source = try project.catalog(for: sourceTag, lenient: true)
      let requested = try canonicalLocales(locale)
      let names = try requested.isEmpty ? project.availableLocales().filter { $0 != sourceTag.canonical } : requested
      var rows: [CatalogStatus] = []
      var problems: [Diagnostic] = []
      for name in names {
        do {
          rows.append(
            CatalogStatus(catalog: try project.catalog(for: project.locale(name), lenient: true), source: source))
        } catch let error as DiagnosticError {
          problems += error.diagnostics
        }
      }
      switch report {
      case .json:
        struct Output: Encodable {
          var sourceLocale: String
          var locales: [CatalogStatus]
        }
        try Console.write(ReportRenderer.encode(Output(sourceLocale: sourceTag.canonical, locales: rows)))
      case .text:
        try Console.line(Self.table(rows, source: sourceTag.canonical, total: source.entries.count))
      }
      if !problems.isEmpty { throw DiagnosticError(problems) }
    }
  }

  static func table(_ rows: [CatalogStatus], source: String, total: Int) -> String {
    let header = ["locale", "translated", "needs review", "stale", "missing", "complete"]
    let body = rows.map {
      [$0.locale, "\($0.translated)", "\($0.needsReview)", "\($0.stale)", "\($0.missing)", "\($0.percentComplete) %"]
    }
    let widths = header.indices.map { column in
      ([header] + body).map { TextColumns.count($0[column]) }.max() ?? 0
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { index, cell in
        let pad = String(repeating: " ", count: widths[index] - TextColumns.count(cell))
        return index == 0 ? cell + pad : pad + cell
      }.joined(separator: "  ")
    }
    var lines = [line(header)] + body.map(line)
    if rows.isEmpty { lines.append("(no target catalogs yet; create one with 'netexport init --locale ID')") }
    lines.append("\(total) messages in the source catalog (\(source)).")
    return lines.joined(separator: "\n")
  }
}

struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Create the catalog of a new locale, ready to translate.",
    discussion: """
      Writes Locales/<locale>.yaml with every message of the source catalog: the source text
      recorded, the text empty, state new, and the translator notes. Never overwrites a
      catalog that exists.
      """
  )

  @Option(name: .long, help: "The new locale, as a BCP 47 tag (es, pt-BR, zh-Hans).")
  var locale: String

  @OptionGroup var projectOptions: ProjectOptions

  func validate() throws { _ = try canonicalLocales([locale]) }

  func run() throws {
    try reportingFailures {
      let (project, document) = try projectOptions.load()
      // validate() has checked the tag.
      guard let tag = LanguageTag(locale) else { throw ExitCode.validationFailure }
      let sourceTag = try project.locale(document.sourceLocale)
      guard tag.canonical != sourceTag.canonical else {
        throw DiagnosticError(
          Diagnostic(
            code: "source-locale", at: nil,
            "'\(tag.canonical)' is the source locale; its catalog is \(project.catalogDisplayPath(for: tag.canonical))")
        )
      }
      let url = project.catalogURL(for: tag.canonical)
      let display = project.catalogDisplayPath(for: tag.canonical)
      guard !FileManager.default.fileExists(atPath: url.path) else {
        throw DiagnosticError(
          Diagnostic(
            code: "catalog-exists", at: SourceLocation(file: display),
            "\(display) exists already; netexport never overwrites a catalog (use 'netexport update --locale \(tag.canonical)' to bring it up to date)"
          ))
      }
      try project.requireInside(url, displayPath: display)
      let source = try project.catalog(for: sourceTag)
      let text = CatalogWriter.newCatalog(
        locale: tag.canonical, languageName: tag.displayName(in: sourceTag), source: source)
      try TextFile.writeAtomically(text, to: url, displayPath: display, createFolders: false, exclusive: true)
      if tag.canonical != locale {
        try Console.line("note: wrote the canonical form of '\(locale)', which is '\(tag.canonical)'")
      }
      try Console.line("\(display): \(source.entries.count) messages to translate (\(tag.displayName(in: sourceTag)))")
    }
  }
}

struct Update: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Bring target catalogs in line with the source catalog.",
    discussion: """
      Adds new messages (state new), marks messages whose source text changed as
      needs-review (keeping the translation, and the old source text in previous-source),
      and moves messages the source no longer has to the 'obsolete' section. Never changes a
      translation; keeps the file's order, comments and layout. Writes are atomic, take turns
      with another netexport, and are refused when the file changed since it was read.
      """
  )

  @Option(name: .long, parsing: .singleValue, help: "A locale to update (repeatable); default: every target catalog.")
  var locale: [String] = []

  @Flag(name: .long, help: "Show what would change without writing anything.")
  var dryRun = false

  @OptionGroup var projectOptions: ProjectOptions

  func validate() throws { _ = try canonicalLocales(locale) }

  func run() throws {
    let started = Date()
    try reportingFailures {
      let (project, document) = try projectOptions.load()
      let sourceTag = try project.locale(document.sourceLocale)
      let source = try project.catalog(for: sourceTag)
      if !dryRun {
        for name in TextFile.removeLeftovers(in: project.localesDirectory, olderThan: started) {
          Console.error(
            "note: removed \(project.displayPath("Locales/" + name)), a temporary file left by an interrupted netexport run"
          )
        }
      }
      let requested = try canonicalLocales(locale)
      let names = try requested.isEmpty ? project.availableLocales().filter { $0 != sourceTag.canonical } : requested
      var problems: [Diagnostic] = []
      for name in names {
        do {
          let tag = try project.locale(name)
          guard tag.canonical != sourceTag.canonical else {
            throw DiagnosticError(
              Diagnostic(
                code: "source-locale", at: nil,
                "'\(tag.canonical)' is the source locale; update brings target catalogs in line with it"))
          }
          let display = project.catalogDisplayPath(for: tag.canonical)
          let url = project.catalogURL(for: tag.canonical)
          try project.requireInside(url, displayPath: display)
          var summary = ""
          // Locked against another netexport, and refused when the file changes (a
          // translator's save) between this read and the write.
          try TextFile.rewrite(url, displayPath: display, onWait: { Self.noteWaiting(for: display) }) { text in
            let update = try CatalogUpdater.update(text, file: display, locale: tag.canonical, source: source)
            summary = Self.summary(update, file: display, dryRun: dryRun)
            return update.changed && !dryRun ? update.text : nil
          }
          try Console.line(summary)
        } catch let error as DiagnosticError {
          problems += error.diagnostics
        }
      }
      if !problems.isEmpty { throw DiagnosticError(problems) }
    }
  }

  static func noteWaiting(for display: String) {
    Console.error("note: waiting for another netexport to finish writing \(display)")
  }

  static func summary(_ update: CatalogUpdater.Update, file: String, dryRun: Bool) -> String {
    guard update.changed || !update.skipped.isEmpty else { return "\(file): up to date" }
    var parts: [String] = []
    func count(_ keys: [String], _ what: String) {
      if !keys.isEmpty { parts.append("\(keys.count) \(what)") }
    }
    count(update.added, "added")
    count(update.markedForReview, "marked needs-review")
    count(update.sourceUpdated, "source updated (not translated yet)")
    count(update.notesUpdated, "notes updated")
    count(update.movedToObsolete, "moved to obsolete")
    count(update.restored, "restored from obsolete")
    var lines = [
      "\(file): \(parts.isEmpty ? "nothing changed" : parts.joined(separator: ", "))\(dryRun ? " (dry run: not written)" : "")"
    ]
    func list(_ keys: [String], _ label: String) {
      for key in keys { lines.append("  \(label): \(key)") }
    }
    list(update.added, "added")
    list(update.markedForReview, "needs review")
    list(update.movedToObsolete, "obsolete")
    list(update.restored, "restored")
    for skipped in update.skipped { lines.append("  not changed: \(skipped)") }
    return lines.joined(separator: "\n")
  }
}

struct Pseudo: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Generate a pseudo-locale catalog for testing layouts: en-XA (accented, 40 % longer) or ar-XB (right-to-left).",
    discussion: """
      Writes Locales/<locale>.yaml from the source catalog; only literal text changes, so the
      catalog validates and exports like a real translation. Run it again after the source
      changes. It overwrites only a catalog it generated itself. Pseudo-locales are for
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
      let (project, document) = try projectOptions.load()
      let source = try project.catalog(for: project.locale(document.sourceLocale))
      let url = project.catalogURL(for: locale)
      let display = project.catalogDisplayPath(for: locale)
      try project.requireInside(url, displayPath: display)
      let text = try PseudoLocalizer.catalog(locale: locale, source: source, keep: document.doNotTranslate)
      var info = stat()
      if lstat(url.path, &info) == 0 {
        // Replaced only if it is still a generated catalog when the new one goes in.
        try TextFile.rewrite(url, displayPath: display, onWait: { Update.noteWaiting(for: display) }) { existing in
          guard existing.hasPrefix("# netexport pseudo-locale") else {
            throw DiagnosticError(
              Diagnostic(
                code: "catalog-exists", at: SourceLocation(file: display, line: 1),
                "\(display) exists and was not generated by 'netexport pseudo'; netexport never overwrites a translation"
              ))
          }
          return text
        }
      } else {
        // Never replaces a catalog created meanwhile.
        try TextFile.writeAtomically(text, to: url, displayPath: display, createFolders: true, exclusive: true)
      }
      try Console.line("\(display): \(source.entries.count) messages in the pseudo-locale \(locale)")
    }
  }
}
