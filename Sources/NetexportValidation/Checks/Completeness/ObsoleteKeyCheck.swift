import NetexportModel

/// An entry for a key the source no longer has (`obsolete-key`).
enum ObsoleteKeyCheck {
  static func findings(in catalog: Catalog, validator: Validator) -> [Diagnostic] {
    catalog.entries.filter { validator.sourceInfo[$0.key] == nil }.map { entry in
      Diagnostic(
        code: .obsoleteKey, at: entry.location,
        "the source no longer has '\(entry.key)'; run 'netexport update' to move it to 'obsolete' (its text is kept there)",
        key: entry.key)
    }
  }
}
