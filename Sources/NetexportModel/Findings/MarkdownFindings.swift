/// `netexport import FILE.md`: what keeps a Markdown handout from becoming a document, and
/// what it changes (see `docs/markdown-import.md`).
public enum MarkdownFindings: FindingRegistry {
  public static let family = FindingFamily("markdown", title: "Markdown import")
  public static let codes: [FindingCode] = [
    .markdownFrontMatter, .markdownStructure, .markdownUnsupported, .markdownLink, .markdownItalics,
    .markdownLineBreak, .markdownLinkTitle,
  ]
}

extension FindingCode {
  public static let markdownFrontMatter = FindingCode(
    "markdown-front-matter", .error,
    "Missing, unknown, repeated or malformed front-matter fields; no front matter; front matter not closed.",
    family: MarkdownFindings.family)
  public static let markdownStructure = FindingCode(
    "markdown-structure", .error, "The body's structure is not a handout's (text before the first section, ...).",
    family: MarkdownFindings.family)
  public static let markdownUnsupported = FindingCode(
    "markdown-unsupported", .error, "A construct netexport cannot show.", family: MarkdownFindings.family)
  public static let markdownLink = FindingCode(
    "markdown-link", .error, "A link address a reader cannot follow, or a link without text.",
    family: MarkdownFindings.family)
  public static let markdownItalics = FindingCode(
    "markdown-italics", .warning, "Italics shown in bold.", family: MarkdownFindings.family)
  public static let markdownLineBreak = FindingCode(
    "markdown-line-break", .warning, "A hard line break turned into a space.", family: MarkdownFindings.family)
  public static let markdownLinkTitle = FindingCode(
    "markdown-link-title", .warning, "A link title that no export shows.", family: MarkdownFindings.family)
}
