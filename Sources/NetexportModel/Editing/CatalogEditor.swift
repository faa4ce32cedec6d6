/// Changes fields of existing entries of a catalog file in place, for `catalog import`: only
/// the lines of the fields that change are rewritten, so the file's order, comments, blank
/// lines, line endings and every other entry stay byte for byte as they were.
///
/// It uses the same layout reader as `update` (`CatalogLayout`), and checks its result the same
/// way: the new text is read back, and every entry must hold what was asked and nothing else
/// may have changed.
public enum CatalogEditor {
  /// A field of an entry set to a value, or removed (`nil`).
  public struct FieldChange: Hashable, Sendable {
    public var field: String
    public var value: String?

    public init(_ field: String, _ value: String?) {
      self.field = field
      self.value = value
    }
  }

  /// The fields whose value is one text, which an edit can set.
  public static let editableFields: Set<String> = [
    "text", "note", "previous-note", "source", "previous-source", "state",
  ]

  /// The edited text, and the entries that could not be edited with the reason.
  public struct Result: Hashable, Sendable {
    public var text: String
    /// Keys left as they were: written in flow style (`key: {text: ...}`), or not in `entries`.
    public var skipped: [String: String]
  }

  /// Applies `changes` (by entry key, each in order) to the catalog `text`.
  ///
  /// - Parameters:
  ///   - file: How to name the file in messages.
  ///   - locale: The locale the file is named for.
  ///   - kind: Which file of a project's locale it is.
  /// - Throws: `DiagnosticError` when the catalog has problems that make editing unsafe (as
  ///   `update` refuses them), when a field name is not an entry field, or when the result
  ///   would not be the catalog asked for (a bug guard: nothing is to be written then). A
  ///   field may be one of `editableFields`.
  public static func apply(
    _ changes: [String: [FieldChange]], to text: String, file: String, locale: String, kind: CatalogFile? = nil
  ) throws -> Result {
    for change in changes.values.joined() where !editableFields.contains(change.field) {
      throw DiagnosticError(
        Diagnostic(
          code: .updateFailed, at: SourceLocation(file: file), "'\(change.field)' is not a field netexport edits"))
    }
    let (old, outline) = try Catalog.read(text, file: file, expectedLocale: locale, kind: kind)
    var layout = try CatalogLayout(text: text, outline: outline, file: file)
    var skipped: [String: String] = [:]
    var edited = Set<String>()
    for index in layout.entries.indices {
      let key = layout.entries[index].key
      guard let fieldChanges = changes[key], !fieldChanges.isEmpty else { continue }
      guard !layout.entries[index].isFlow else {
        skipped[key] = "written in flow style ({...}), which netexport cannot edit; write it as one field per line"
        continue
      }
      for change in fieldChanges { layout.entries[index].set(change.field, change.value) }
      edited.insert(key)
    }
    for key in changes.keys where !edited.contains(key) && skipped[key] == nil {
      skipped[key] = "no entry '\(key)' in \(file)"
    }
    guard !edited.isEmpty else { return Result(text: text, skipped: skipped) }
    let result = layout.text
    try verify(
      result, old: old, changes: changes.filter { edited.contains($0.key) }, file: file, locale: locale, kind: kind)
    return Result(text: result, skipped: skipped)
  }

  /// Reads the new text back: each edited entry holds its new values, and everything else of
  /// the catalog is as it was.
  private static func verify(
    _ text: String, old: Catalog, changes: [String: [FieldChange]], file: String, locale: String, kind: CatalogFile?
  ) throws {
    func failure(_ what: String) -> DiagnosticError {
      DiagnosticError(
        Diagnostic(
          code: .updateFailed, at: SourceLocation(file: file),
          "the edit would \(what), so the file was left as it was; please report this"))
    }
    let new: Catalog
    do {
      new = try Catalog.parse(text, file: file, expectedLocale: locale, kind: kind)
    } catch {
      throw failure("not give a valid catalog")
    }
    guard new.keys == old.keys, new.obsolete.map(\.key) == old.obsolete.map(\.key),
      new.machineTranslated == old.machineTranslated
    else { throw failure("change the catalog's entries") }
    for entry in old.entries {
      guard let written = new[entry.key] else { throw failure("lose '\(entry.key)'") }
      let actual = Fields(written)
      var expected = Fields(entry)
      for change in changes[entry.key] ?? [] { expected[change.field] = change.value }
      guard actual == expected else { throw failure("not give '\(entry.key)' the values asked for") }
    }
  }

  /// The fields of an entry as text, to compare what was asked with what was written.
  private struct Fields: Equatable {
    var values: [String: String]

    init(_ entry: CatalogEntry) {
      values = ["text": entry.text]
      values["note"] = entry.note
      values["previous-note"] = entry.previousNote
      values["source"] = entry.source
      values["previous-source"] = entry.previousSource
      values["state"] = entry.state?.rawValue
      if !entry.allow.isEmpty { values["allow"] = entry.allow.joined(separator: "\u{1F}") }
    }

    subscript(field: String) -> String? {
      get { values[field] }
      set { values[field] = newValue }
    }
  }
}
