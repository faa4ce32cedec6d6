import Dispatch
import Foundation
import NetexportAudio
public import NetexportExporters
public import NetexportICU
public import NetexportModel
import NetexportResolution
import NetexportValidation

/// A document in a locale that is not exported because its translation is not finished.
public struct PendingExport: Hashable, Sendable {
  public var document: String
  public var locale: String
  /// Messages ready, as a share of those the document needs there (document and labels).
  public var percent: Int
  /// How many messages are not ready.
  public var pendingCount: Int
  /// The catalog files with pending messages.
  public var files: [String]
}

/// A document in a locale that passed the export gate although its catalogs have warnings:
/// exported, and said in one line, so that nobody ships a handout unaware of them.
public struct ExportWarnings: Hashable, Sendable {
  public var document: String
  public var locale: String
  /// How many warnings the catalogs the pair is made from have (the document's catalog, the
  /// labels and the glossary).
  public var count: Int

  /// One line for standard error: `es/neuroendocrine-tumors: 3 warnings (run 'netexport
  /// validate --locale es' to see them)`.
  public var summary: String {
    "\(locale)/\(document): \(count) warning\(count == 1 ? "" : "s") (run 'netexport validate --locale \(locale)' to see \(count == 1 ? "it" : "them"))"
  }
}

/// What an export run rendered, and what it left out and why.
public struct ExportPlan: Sendable {
  /// Everything rendered, not yet written.
  public var exports: [RenderedExport] = []
  /// Pairs not exported because their translation is not finished (never a failure).
  public var pending: [PendingExport] = []
  /// Problems that make the run fail: errors in a pair that should have exported.
  public var problems: [Diagnostic] = []
  /// Pairs rendered although their catalogs have warnings.
  public var warnings: [ExportWarnings] = []
  /// Lines for the user: messages taken from the source (`--allow-incomplete`), drafts
  /// skipped with problems, and the like.
  public var notes: [String] = []

  public var failed: Bool { !problems.isEmpty }
}

/// A document in a locale that passed the export gate: what it is resolved from.
public struct ReadyPair: Sendable {
  public var document: ProjectDocument
  public var locale: WorkspaceLocale
  /// The locale's messages for the document.
  public var table: MessageTable
  /// The source's messages (`nil` when the locale is the source).
  public var source: MessageTable?
  /// Messages taken from the source (`--allow-incomplete`).
  public var fallback: Resolver.Fallback?

  /// The document resolved in the locale, for print or (`spoken`) for speech.
  public func resolve(spoken: Bool = false) throws -> ResolvedDocument {
    try Resolver.resolve(
      document.document, messages: table, locale: locale.tag, source: source, fallback: fallback, spoken: spoken)
  }
}

/// What the export gate let through, held back, and refused.
public struct GateResult: Sendable {
  public var ready: [ReadyPair] = []
  public var pending: [PendingExport] = []
  public var problems: [Diagnostic] = []
  /// The ready pairs whose catalogs have warnings.
  public var warnings: [ExportWarnings] = []
  public var notes: [String] = []
}

extension Workspace {
  /// The export gate, which every command that needs a document's text in a locale goes
  /// through (export, readability): a pair (document, locale) passes when its catalog, the
  /// labels and the glossary have no errors and every message it needs is ready.
  ///
  /// - Parameters:
  ///   - explicit: Whether the user named the documents or locales: a pending pair is then a
  ///     problem too (the user asked for something that cannot be made), and a draft's errors
  ///     count.
  ///   - allowIncomplete: Let through a pair with messages that are not ready (pending, or
  ///     with errors of their own), taking those from the source locale, marked with its
  ///     language, and saying how many.
  ///   - labelKeys: The labels the caller will format, for the note on filled messages.
  public func gate(
    locale: WorkspaceLocale, documents: [ProjectDocument], source: SourceSide, explicit: Bool,
    allowIncomplete: Bool = false, labelKeys: [String] = []
  ) -> GateResult {
    var result = GateResult()
    // The source's own problems stop every locale: nothing can be resolved without it.
    let sourceErrors = source.check.files.filter { $0.file != .glossary }.flatMap(\.errors)
    if !sourceErrors.isEmpty {
      if locale.status == .source || explicit || locale.isShipped {
        result.problems =
          sourceErrors + [
            Diagnostic(
              code: .exportRefused, at: nil,
              "nothing can be exported: the source catalogs have \(sourceErrors.count) error\(sourceErrors.count == 1 ? "" : "s") (above); fix them first"
            )
          ]
      }
      return result
    }
    guard let sourceLabels = source.catalog(.labels) else { return result }
    let check = locale.status == .source ? source.check : check(locale, against: source, documents: documents)
    let counts = explicit || locale.isShipped
    let glossary = check[.glossary]
    let labels = check[.labels]
    for document in documents {
      guard let sourceCatalog = source.catalog(.document(document.id)), let file = check[.document(document.id)]
      else { continue }
      let sourceTable = MessageTable([sourceCatalog, sourceLabels], glossary: source.glossary)
      // Warnings never stop an export, but they are said: a translation that is not quite
      // right should not ship unnoticed.
      let warningCount = [file, labels, glossary].compactMap { $0 }.flatMap(\.findings).count {
        $0.severity == .warning
      }
      func ready(_ pair: ReadyPair) {
        result.ready.append(pair)
        if warningCount > 0 {
          result.warnings.append(
            ExportWarnings(document: document.id, locale: locale.canonical, count: warningCount))
        }
      }
      if locale.status == .source {
        ready(ReadyPair(document: document, locale: locale, table: sourceTable, source: nil))
        continue
      }
      let parts = [file, labels].compactMap { $0 }
      var errors = parts.flatMap(\.errors) + (glossary?.errors ?? [])
      let pending = parts.flatMap(\.pending)
      // A message unusable because of its own mistake can be taken from the source, as a
      // pending one can; a problem of a whole file cannot.
      let perMessage = errors.filter { $0.key != nil }
      if allowIncomplete && perMessage.count == errors.count { errors = [] }
      if !errors.isEmpty {
        if counts {
          result.problems +=
            errors + [
              Diagnostic(
                code: .exportRefused, at: SourceLocation(file: file.path),
                "not exporting \(document.id) in \(locale): \(errors.count) error\(errors.count == 1 ? "" : "s") (above); \(allowIncomplete ? "some are not about single messages, so --allow-incomplete cannot fill them; fix them first" : "fix them, or pass --allow-incomplete to fill the gaps from \(sourceLocale)")",
                locale: locale.canonical)
            ]
        } else {
          result.notes.append(
            "note: \(locale) (\(locale.status.rawValue)): \(document.id) has \(errors.count) error\(errors.count == 1 ? "" : "s"); 'netexport validate --locale \(locale)' lists them"
          )
        }
        continue
      }
      let notReady = Set(pending.compactMap(\.key) + (allowIncomplete ? perMessage.compactMap(\.key) : []))
      var fallback: Resolver.Fallback?
      if !pending.isEmpty || !notReady.isEmpty {
        let total = (file.status?.total ?? 0) + (labels?.status?.total ?? 0)
        let ready = (file.status?.ready ?? 0) + (labels?.status?.ready ?? 0)
        let percent = total == 0 ? 0 : ready * 100 / total
        let whole = pending.contains { $0.key == nil }  // a catalog not started at all
        guard allowIncomplete, !whole || file.catalog != nil else {
          result.pending.append(
            PendingExport(
              document: document.id, locale: locale.canonical, percent: percent, pendingCount: total - ready,
              files: parts.filter { !$0.pending.isEmpty }.map(\.path)))
          if explicit {
            result.problems.append(
              Diagnostic(
                code: .exportPending, at: SourceLocation(file: file.path),
                "not exporting \(document.id) in \(locale): its translation is \(percent) % done (\(total - ready) message\(total - ready == 1 ? "" : "s") to translate or review; 'netexport validate --locale \(locale)' lists them)\(allowIncomplete ? "" : "; pass --allow-incomplete to fill the gaps from \(sourceLocale)")",
                locale: locale.canonical))
          }
          continue
        }
        fallback = Resolver.Fallback(table: sourceTable, locale: sourceLocale, keys: notReady)
        let used = Set(document.document.textRefs.map(\.key) + labelKeys)
        let filled = notReady.intersection(used)
        let kinds = Self.kinds(of: filled, pending: pending, errors: perMessage)
        result.notes.append(
          "note: \(locale): \(document.id): \(filled.count) of \(used.count) messages are in \(sourceLocale.displayName(in: sourceLocale)) (\(sourceLocale)), taken from the source because their translation is not ready\(kinds.isEmpty ? "" : " (\(kinds))")"
        )
      }
      guard let catalog = file.catalog else { continue }
      let table = MessageTable(
        [catalog] + (labels?.catalog.map { [$0] } ?? []), glossary: glossary?.catalog?.glossary ?? [])
      ready(ReadyPair(document: document, locale: locale, table: table, source: sourceTable, fallback: fallback))
    }
    return result
  }

  /// Why messages are not ready, counted by kind for the `--allow-incomplete` note: "1 new,
  /// 2 needs-review, 1 missing, 1 with an error". Each message counts once, under the first
  /// kind that applies: missing (no entry), new (no text, or still marked new),
  /// needs-review, stale (made from English that has changed since), with an error.
  static func kinds(of keys: Set<String>, pending: [Diagnostic], errors: [Diagnostic]) -> String {
    let order: [(kind: String, codes: Set<FindingCode>)] = [
      ("missing", [.missingKey]), ("new", [.emptyText, .stateNew]), ("needs-review", [.needsReview]),
      ("stale", [.staleSource]),
    ]
    var counts: [String: Int] = [:]
    for key in keys {
      let codes = Set(pending.filter { $0.key == key }.map(\.code))
      let kind =
        order.first { kind in kind.codes.contains { codes.contains($0.code) } }?.kind
        ?? (errors.contains { $0.key == key } ? "with an error" : "not ready")
      counts[kind, default: 0] += 1
    }
    return (order.map(\.kind) + ["with an error", "not ready"]).compactMap { kind in
      counts[kind].map { "\($0) \(kind == "with an error" && $0 > 1 ? "with errors" : kind)" }
    }.joined(separator: ", ")
  }

  /// Checks and renders documents in locales (see `gate`).
  ///
  /// Every locale's gate runs at once, then every document that passed in every locale is
  /// rendered at once, on the machine's cores; the plan lists what they give in the order
  /// of the locales, their documents and the formats, as one at a time would.
  ///
  /// Audio (`.audio` among the formats) is spoken only in locales an offline voice speaks
  /// usably (`AudioRenderer.voice(for:)`); in another locale it is a problem
  /// (`no-usable-voice`), or, with `skippingLocalesWithoutVoice` (`--all`), left out with a
  /// note. The programs it needs are looked for once, before anything is rendered: a missing
  /// one is the only problem reported (`missing-tool`), and nothing is rendered. Audio is
  /// rendered one document at a time: each runs a speech engine and an encoder of its own.
  public func render(
    locales: [WorkspaceLocale], documents: [ProjectDocument], formats: [ExportFormat], options: ExportOptions,
    explicit: Bool, allowIncomplete: Bool = false, skippingLocalesWithoutVoice: Bool = false
  ) -> ExportPlan {
    var plan = ExportPlan()
    let audio = AudioExporter(renderer: AudioRenderer(format: options.audioFormat))
    var unvoiced = Set<LanguageTag>()
    if formats.contains(.audio) {
      for locale in locales {
        do {
          _ = try AudioRenderer.voice(for: locale.tag)
        } catch let error as DiagnosticError {
          unvoiced.insert(locale.tag)
          if skippingLocalesWithoutVoice {
            plan.notes += error.diagnostics.map { "note: \(locale): skipped, not a failure: \($0.message)" }
          } else {
            plan.problems += error.diagnostics
          }
        } catch {
          plan.problems.append(Diagnostic(code: .exportFailed, at: nil, "\(locale): \(error)"))
        }
      }
      if locales.contains(where: { !unvoiced.contains($0.tag) }) {
        do {
          try audio.renderer.locateTools()
        } catch let error as DiagnosticError {
          plan.problems += error.diagnostics
          return plan
        } catch {
          plan.problems.append(Diagnostic(code: .exportFailed, at: nil, "\(error)"))
          return plan
        }
      }
    }
    let source = checkSource(documents: documents)
    let localeFormats = locales.map { locale in
      unvoiced.contains(locale.tag) ? formats.filter { $0 != .audio } : formats
    }
    let gates = ResultSlots<GateResult>(count: locales.count)
    DispatchQueue.concurrentPerform(iterations: locales.count) { index in
      // A locale left with no format (audio only, and no voice for it) has nothing to check.
      guard !localeFormats[index].isEmpty else {
        gates[index] = GateResult()
        return
      }
      gates[index] = gate(
        locale: locales[index], documents: documents, source: source, explicit: explicit,
        allowIncomplete: allowIncomplete, labelKeys: localeFormats[index].flatMap(\.labelKeys))
    }
    let gated = gates.values
    let pairs = gated.enumerated().flatMap { index, gate in
      gate.ready.map { (pair: $0, formats: localeFormats[index]) }
    }
    let rendered = ResultSlots<ExportPlan>(count: pairs.count)
    if formats.contains(.audio) {
      for (index, item) in pairs.enumerated() {
        rendered[index] = render(item.pair, formats: item.formats, options: options, audio: audio)
      }
    } else {
      DispatchQueue.concurrentPerform(iterations: pairs.count) { index in
        rendered[index] = render(pairs[index].pair, formats: pairs[index].formats, options: options, audio: audio)
      }
    }
    var done = rendered.values[...]
    for gate in gated {
      plan.pending += gate.pending
      plan.problems += gate.problems
      plan.warnings += gate.warnings
      plan.notes += gate.notes
      for _ in gate.ready {
        let pair = done.removeFirst()
        plan.exports += pair.exports
        plan.problems += pair.problems
        for note in pair.notes where !plan.notes.contains(note) { plan.notes.append(note) }
      }
    }
    return plan
  }

  /// Renders one document in one locale in each format: the exports made until one failed,
  /// and why it failed.
  private func render(_ pair: ReadyPair, formats: [ExportFormat], options: ExportOptions, audio: AudioExporter)
    -> ExportPlan
  {
    var plan = ExportPlan()
    let locale = pair.locale
    do {
      var resolved: [Bool: ResolvedDocument] = [:]
      func resolution(spoken: Bool) throws -> ResolvedDocument {
        if let done = resolved[spoken] { return done }
        let document = try pair.resolve(spoken: spoken)
        resolved[spoken] = document
        return document
      }
      // The spoken form is built once for the narrator script and SSML.
      var script: SpokenScript?
      for format in formats {
        let relativePath = Project.exportPath(
          locale: locale.canonical, document: pair.document.id, fileExtension: format.fileExtension(options))
        let contents: ExportContents
        if let exporter = format.exporter(options: options) {
          let document = try resolution(spoken: exporter.spoken)
          if let speech = exporter as? any SpokenScriptExporter {
            if script == nil { script = try SpokenScript(document) }
            contents = try speech.render(document, script: script!)
          } else {
            contents = try exporter.render(document)
          }
        } else {
          let rendered = try audio.render(
            spoken: resolution(spoken: true), printed: resolution(spoken: false),
            reviewed: AudioExporter.reviewDay(of: pair.document.document),
            displayPath: project.displayPath(relativePath))
          contents = rendered.contents
          for note in rendered.audio.notes where !plan.notes.contains(note) { plan.notes.append(note) }
        }
        plan.exports.append(
          RenderedExport(locale: locale.tag, format: format, relativePath: relativePath, contents: contents))
      }
    } catch let error as DiagnosticError {
      plan.problems += error.diagnostics
    } catch let error as ICUError {
      plan.problems.append(Diagnostic(code: .icuFailure, at: nil, "\(locale): \(pair.document.id): \(error)"))
    } catch {
      plan.problems.append(Diagnostic(code: .exportFailed, at: nil, "\(locale): \(pair.document.id): \(error)"))
    }
    return plan
  }
}
