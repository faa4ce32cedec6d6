public import NetexportModel

/// An entry's `allow` list: the warnings a translator accepts for it.
public enum AllowFindings: FindingRegistry {
  public static let family = FindingFamily("allow", title: "Accepted warnings")
  public static let codes: [FindingCode] = [.invalidAllow]
}

extension FindingCode {
  public static let invalidAllow = FindingCode(
    "invalid-allow", .warning, "An 'allow' list names an unknown code or an error.", family: AllowFindings.family)
}

/// An entry's `allow` list: the warnings it names are not reported for the entry, nor
/// `untranslated`; a code that does not exist, another error (except one reported as a
/// warning in some cases) or pending work cannot be allowed (`invalid-allow`).
enum AllowCheck {
  /// Codes that are errors by default but warnings in some cases (a plural category used
  /// only for exact millions), which an entry's `allow` may then accept.
  static let downgradable: Set<FindingCode> = [.pluralCategoryMissing]

  /// Errors a translator may accept for an entry, having checked it: a text that is right
  /// as the source has it (a name, an international abbreviation) is `untranslated`.
  static let acceptableErrors: Set<FindingCode> = [.untranslated]

  static func apply(_ findings: [Diagnostic], to entry: CatalogEntry) -> [Diagnostic] {
    guard !entry.allow.isEmpty else { return findings }
    let acceptable = Set(acceptableErrors.map(\.code))
    var kept = findings.filter { finding in
      !((finding.severity == .warning || acceptable.contains(finding.code)) && entry.allow.contains(finding.code))
    }
    for code in entry.allow {
      guard let rule = Rule.named(code) else {
        kept.append(
          Diagnostic(
            code: .invalidAllow, at: entry.location,
            "'\(entry.key)' allows '\(code)', which is not a finding code", key: entry.key))
        continue
      }
      if rule.severity == .error && !Self.downgradable.contains(rule) && !Self.acceptableErrors.contains(rule) {
        kept.append(
          Diagnostic(
            code: .invalidAllow, at: entry.location,
            "'\(entry.key)' allows '\(code)', but errors cannot be allowed; fix the entry instead", key: entry.key))
      } else if rule.severity == .pending {
        kept.append(
          Diagnostic(
            code: .invalidAllow, at: entry.location,
            "'\(entry.key)' allows '\(code)', but that is work still to do, not a warning; translate or review the entry instead",
            key: entry.key))
      }
    }
    return kept
  }
}
