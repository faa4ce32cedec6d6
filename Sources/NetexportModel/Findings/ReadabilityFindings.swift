/// `netexport readability`: what keeps it from scoring a document.
public enum ReadabilityFindings: FindingRegistry {
  public static let family = FindingFamily("readability", title: "Readability")
  public static let codes: [FindingCode] = [.invalidConfig, .readabilityFailed, .readabilitySkipped]
}

extension FindingCode {
  public static let invalidConfig = FindingCode(
    "invalid-config", .error, "readability.yaml cannot be read, or a target has neither 'max' nor 'min'.",
    family: ReadabilityFindings.family)
  public static let readabilityFailed = FindingCode(
    "readability-failed", .error, "A document could not be scored in a locale.", family: ReadabilityFindings.family)
  public static let readabilitySkipped = FindingCode(
    "readability-skipped", .error, "Documents whose catalogs do not validate were not scored.",
    family: ReadabilityFindings.family)
}
