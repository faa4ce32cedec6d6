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
