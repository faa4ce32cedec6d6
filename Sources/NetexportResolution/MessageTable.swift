public import NetexportModel

/// A locale's messages for one document, looked up by key: the document's catalog, then the
/// labels every export shares. It holds the entries, not the catalogs' file text.
public struct MessageTable: Hashable, Sendable {
  /// An entry and the catalog file it is in.
  public struct Located: Hashable, Sendable {
    public var entry: CatalogEntry
    /// The catalog file as shown in messages.
    public var file: String
  }

  private var entries: [String: Located]
  /// The catalogs looked in, in order: their files and where their entries go.
  public private(set) var files: [(file: String, entriesLocation: SourceLocation)]
  /// The locale's glossary: other forms of its terms, and how to say them.
  public var glossary: [GlossaryEntry]
  /// The catalog files whose translations a machine made (`machine-translated: true`).
  public private(set) var machineTranslatedFiles: Set<String>

  /// - Parameters:
  ///   - catalogs: Looked in in order; a key's first entry wins.
  ///   - glossary: The locale's glossary; by default the glossaries the catalogs hold.
  public init(_ catalogs: [Catalog], glossary: [GlossaryEntry]? = nil) {
    var entries: [String: Located] = [:]
    for catalog in catalogs {
      for entry in catalog.entries where entries[entry.key] == nil {
        entries[entry.key] = Located(entry: entry, file: catalog.file)
      }
    }
    self.entries = entries
    self.files = catalogs.map { ($0.file, $0.entriesLocation) }
    self.glossary = glossary ?? catalogs.flatMap(\.glossary)
    self.machineTranslatedFiles = Set(catalogs.filter(\.machineTranslated).map(\.file))
  }

  /// Whether the entry for `key` is a machine's translation that no person has reviewed yet:
  /// in a `machine-translated` catalog, and not `reviewed`.
  public func isUnreviewedMachineTranslation(_ key: String) -> Bool {
    guard let located = entries[key] else { return false }
    return machineTranslatedFiles.contains(located.file) && located.entry.state != .reviewed
  }

  public subscript(key: String) -> Located? { entries[key] }

  /// Where an entry for `key` belongs: the labels' catalog for a label, the document's
  /// otherwise (the first catalog).
  public func home(of key: String) -> (file: String, entriesLocation: SourceLocation) {
    if Labels.isLabel(key), files.count > 1 { return files[1] }
    return files.first ?? ("", SourceLocation(file: ""))
  }

  public static func == (lhs: MessageTable, rhs: MessageTable) -> Bool {
    lhs.entries == rhs.entries && lhs.files.map(\.file) == rhs.files.map(\.file) && lhs.glossary == rhs.glossary
      && lhs.machineTranslatedFiles == rhs.machineTranslatedFiles
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(entries)
    hasher.combine(files.map(\.file))
    hasher.combine(machineTranslatedFiles)
  }
}
