public import NetexportModel
public import NetexportValidation

/// How far each document's translation has come in each locale: a table of document x
/// locale, with the labels as a row of their own.
public struct StatusTable: Sendable, Encodable {
  public struct Column: Sendable, Encodable {
    public var locale: String
    /// `shipped`, `draft`, `unlisted` or `pseudo`.
    public var status: String
  }

  public struct Row: Sendable, Encodable {
    /// A document id, or `labels`.
    public var catalog: String
    /// One cell per column, in the columns' order.
    public var cells: [CatalogStatus]
  }

  public var sourceLocale: String
  public var columns: [Column]
  public var rows: [Row]
  /// Problems that kept a catalog from being read (it counts as not started).
  public var problems: [Diagnostic]

  enum CodingKeys: String, CodingKey {
    case sourceLocale, columns, rows
  }
}

extension Workspace {
  /// The status of the given documents in the given target locales.
  public func status(locales: [WorkspaceLocale], documents chosen: [ProjectDocument]) -> StatusTable {
    let targets = locales.filter { $0.status != .source }
    var checks = check(targets, documents: chosen, keepCatalogs: false)
    // Source files that could not be read (`check` puts them first): nothing can be counted
    // against them.
    var problems = checks.filter { $0.locale.status == .source }.flatMap { $0.files.flatMap(\.errors) }
    checks.removeAll { $0.locale.status == .source }
    let files = chosen.map { CatalogFile.document($0.id) } + [.labels]
    var rows: [StatusTable.Row] = []
    for file in files {
      var cells: [CatalogStatus] = []
      for check in checks {
        guard let catalog = check[file] else { continue }
        if let status = catalog.status {
          cells.append(status)
        } else {
          problems += catalog.findings.filter { $0.severity == .error }
          // Nothing in it counts: 0 % of the messages it should hold, not 100 % of none.
          cells.append(
            CatalogStatus(notReadable: catalog.path, locale: check.locale.canonical, total: catalog.checkedKeys.count))
        }
      }
      rows.append(StatusTable.Row(catalog: file.name, cells: cells))
    }
    return StatusTable(
      sourceLocale: sourceLocale.canonical,
      columns: checks.map { StatusTable.Column(locale: $0.locale.canonical, status: $0.locale.status.rawValue) },
      rows: rows, problems: problems)
  }
}
