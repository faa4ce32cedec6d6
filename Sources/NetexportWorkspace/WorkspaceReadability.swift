public import NetexportModel
public import NetexportReadability
import NetexportResolution
import NetexportValidation

/// What `netexport readability` found for the project's documents.
public struct ReadabilityRun: Sendable {
  /// One report per document and locale that could be scored.
  public var reports: [ReadabilityReport] = []
  /// Documents not scored in a locale because their translation is not finished.
  public var pending: [PendingExport] = []
  /// Problems that kept a document from being scored in a locale that counts.
  public var problems: [Diagnostic] = []
}

extension Workspace {
  /// Scores each document in each locale whose translation is complete and valid, and
  /// compares a translation that misses a target with its source document.
  ///
  /// - Parameter explicit: Whether the user named the locales: a draft's problems then count.
  public func readability(
    locales: [WorkspaceLocale], documents chosen: [ProjectDocument], targets: ReadabilityConfig, hardest: Int,
    explicit: Bool
  ) -> ReadabilityRun {
    var run = ReadabilityRun()
    // Rendering for readability is rendering without exporters: the same gate, the same judge.
    let source = checkSource(documents: chosen)
    var sourceReports: [String: ReadabilityReport] = [:]
    func score(_ locale: WorkspaceLocale, _ document: ProjectDocument, _ resolved: ResolvedDocument) throws
      -> ReadabilityReport
    {
      try Readability.score(
        resolved, targets: targets.targets[locale.canonical] ?? [], hardest: hardest,
        isSourceLocale: locale.status == .source)
    }
    for locale in locales {
      let gate = gate(locale: locale, documents: chosen, source: source, explicit: explicit)
      run.pending += gate.pending
      run.problems += gate.problems
      for pair in gate.ready {
        let document = pair.document
        do {
          let report = try score(locale, document, pair.resolve())
          if locale.status == .source { sourceReports[document.id] = report }
          run.reports.append(report)
        } catch let error as DiagnosticError {
          run.problems += error.diagnostics
        } catch {
          run.problems.append(Diagnostic(code: .readabilityFailed, at: nil, "\(locale): \(document.id): \(error)"))
        }
      }
    }
    // A translation that misses a target is compared with its source document, which may
    // miss its own (scored here even when not asked for).
    for index in run.reports.indices where !run.reports[index].passed && !run.reports[index].isSourceLocale {
      let id = run.reports[index].source
      if sourceReports[id] == nil, let document = chosen.first(where: { $0.id == id }) {
        let sourceLocale = WorkspaceLocale(self.sourceLocale, .source)
        if let pair = gate(locale: sourceLocale, documents: [document], source: source, explicit: false).ready.first,
          let resolved = try? pair.resolve()
        {
          sourceReports[id] = try? score(sourceLocale, document, resolved)
        }
      }
      if let sourceReport = sourceReports[id] { run.reports[index].compare(withSource: sourceReport) }
    }
    return run
  }
}
