import NetexportModel

/// An entry for a key the source no longer has (`obsolete-key`).
enum ObsoleteKeyCheck {
  /// - Parameter inSource: For each entry of the catalog, whether the validator found the
  ///   source's entry for it already (by position, not by hashing its key); the key of any
  ///   other entry is looked up.
  static func findings(in catalog: Catalog, validator: Validator, inSource: [Bool]) -> [Diagnostic] {
    // By position: filtering the entries themselves would copy every one of them, and nearly
    // all are kept; `index(forKey:)`, as `sourceInfo[key] == nil` copies the source message
    // out to compare it with nil.
    var findings: [Diagnostic] = []
    for position in catalog.entries.indices
    where !inSource[position]
      && validator.sourceInfo.index(forKey: catalog.entries[position].key) == nil
    {
      let entry = catalog.entries[position]
      findings.append(
        Diagnostic(
          code: .obsoleteKey, at: entry.location,
          "the source no longer has '\(entry.key)'; run 'netexport update' to move it to 'obsolete' (its text is kept there)",
          key: entry.key))
    }
    return findings
  }
}
