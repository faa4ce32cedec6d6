import Dispatch
import Foundation
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

/// What an export run rendered, and what it left out and why.
public struct ExportPlan: Sendable {
  /// Everything rendered, not yet written.
  public var exports: [RenderedExport] = []
  /// Pairs not exported because their translation is not finished (never a failure).
  public var pending: [PendingExport] = []
  /// Problems that make the run fail: errors in a pair that should have exported.
  public var problems: [Diagnostic] = []
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
              code: "export-refused", at: nil,
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
      if locale.status == .source {
        result.ready.append(ReadyPair(document: document, locale: locale, table: sourceTable, source: nil))
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
                code: "export-refused", at: SourceLocation(file: file.path),
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
                code: "export-pending", at: SourceLocation(file: file.path),
                "not exporting \(document.id) in \(locale): its translation is \(percent) % done (\(total - ready) message\(total - ready == 1 ? "" : "s") to translate or review; 'netexport validate --locale \(locale)' lists them)\(allowIncomplete ? "" : "; pass --allow-incomplete to fill the gaps from \(sourceLocale)")",
                locale: locale.canonical))
          }
          continue
        }
        fallback = Resolver.Fallback(table: sourceTable, locale: sourceLocale, keys: notReady)
        let used = Set(document.document.textRefs.map(\.key) + labelKeys)
        let filled = notReady.intersection(used).count
        result.notes.append(
          "note: \(locale): \(document.id): \(filled) of \(used.count) messages are in \(sourceLocale.displayName(in: sourceLocale)) (\(sourceLocale)), taken from the source because their translation is not ready"
        )
      }
      guard let catalog = file.catalog else { continue }
      let table = MessageTable(
        [catalog] + (labels?.catalog.map { [$0] } ?? []), glossary: glossary?.catalog?.glossary ?? [])
      result.ready.append(
        ReadyPair(document: document, locale: locale, table: table, source: sourceTable, fallback: fallback))
    }
    return result
  }

  /// Checks and renders documents in locales (see `gate`).
  ///
  /// Every locale's gate runs at once, then every document that passed in every locale is
  /// rendered at once, on the machine's cores; the plan lists what they give in the order
  /// of the locales, their documents and the formats, as one at a time would.
  public func render(
    locales: [WorkspaceLocale], documents: [ProjectDocument], formats: [ExportFormat], options: ExportOptions,
    explicit: Bool, allowIncomplete: Bool = false
  ) -> ExportPlan {
    let source = checkSource(documents: documents)
    let gates = ResultSlots<GateResult>(count: locales.count)
    DispatchQueue.concurrentPerform(iterations: locales.count) { index in
      gates[index] = gate(
        locale: locales[index], documents: documents, source: source, explicit: explicit,
        allowIncomplete: allowIncomplete, labelKeys: formats.flatMap(\.labelKeys))
    }
    let gated = gates.values
    let pairs = gated.flatMap(\.ready)
    let rendered = ResultSlots<ExportPlan>(count: pairs.count)
    DispatchQueue.concurrentPerform(iterations: pairs.count) { index in
      rendered[index] = render(pairs[index], formats: formats, options: options)
    }
    var plan = ExportPlan()
    var done = rendered.values[...]
    for gate in gated {
      plan.pending += gate.pending
      plan.problems += gate.problems
      plan.notes += gate.notes
      for _ in gate.ready {
        let pair = done.removeFirst()
        plan.exports += pair.exports
        plan.problems += pair.problems
      }
    }
    return plan
  }

  /// Renders one document in one locale in each format: the exports made until one failed,
  /// and why it failed.
  private func render(_ pair: ReadyPair, formats: [ExportFormat], options: ExportOptions) -> ExportPlan {
    var plan = ExportPlan()
    let locale = pair.locale
    do {
      var resolved: [Bool: ResolvedDocument] = [:]
      // The spoken form is built once for the narrator script and SSML.
      var script: SpokenScript?
      for format in formats {
        let exporter = format.exporter(options: options)
        if resolved[exporter.spoken] == nil {
          resolved[exporter.spoken] = try pair.resolve(spoken: exporter.spoken)
        }
        let document = resolved[exporter.spoken]!
        let contents: ExportContents
        if let speech = exporter as? any SpokenScriptExporter {
          if script == nil { script = try SpokenScript(document) }
          contents = try speech.render(document, script: script!)
        } else {
          contents = try exporter.render(document)
        }
        plan.exports.append(
          RenderedExport(
            locale: locale.tag, format: format,
            relativePath: Project.exportPath(
              locale: locale.canonical, document: pair.document.id, fileExtension: format.fileExtension),
            contents: contents))
      }
    } catch let error as DiagnosticError {
      plan.problems += error.diagnostics
    } catch let error as ICUError {
      plan.problems.append(Diagnostic(code: "icu-failure", at: nil, "\(locale): \(pair.document.id): \(error)"))
    } catch {
      plan.problems.append(Diagnostic(code: "export-failed", at: nil, "\(locale): \(pair.document.id): \(error)"))
    }
    return plan
  }
}
