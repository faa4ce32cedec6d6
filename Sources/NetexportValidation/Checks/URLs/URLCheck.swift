public import NetexportModel

/// The web addresses of the source text, kept exactly in the translation.
public enum URLFindings: FindingRegistry {
  public static let family = FindingFamily("urls", title: "Web addresses")
  public static let codes: [FindingCode] = [.urlChanged, .urlAdded]
}

extension FindingCode {
  public static let urlChanged = FindingCode(
    "url-changed", .error, "A web address of the source text is missing or altered.", family: URLFindings.family)
  public static let urlAdded = FindingCode(
    "url-added", .warning, "The translation has a web address the source text does not have.",
    family: URLFindings.family)
}

/// Every web address of the source text must be in the translation exactly
/// (`url-changed`), and the translation should have no others (`url-added`).
struct URLCheck: EntryCheck {
  func check(_ entry: EntryContext, _ findings: inout EntryFindings) {
    let sourceURLs = entry.source.urls
    let urls = TextChecks.urls(in: entry.literal)
    var added = urls.filter { !sourceURLs.contains($0) }
    for url in sourceURLs where !urls.contains(url) {
      // An address in place of the source's is taken to be the source's, altered.
      let replacement = added.isEmpty ? "" : "; it has \(added.removeFirst()) instead"
      findings.add(
        .urlChanged, at: entry.entry.textLocation,
        "'\(entry.key)' must keep the web address \(url) exactly as the source has it\(replacement)")
    }
    for url in added {
      findings.add(
        .urlAdded, at: entry.entry.textLocation,
        "'\(entry.key)' has the web address \(url), which the source text does not have")
    }
  }
}
