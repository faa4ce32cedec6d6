public import NetexportModel
import NetexportResolution

/// Inline markup: the `<b>…</b>` and `<linkN>…</linkN>` tags a message may hold (see
/// docs/content-model.md), which exports show as bold text and links.
public enum MarkupFindings: FindingRegistry {
  public static let family = FindingFamily("markup", title: "Inline markup")
  public static let codes: [FindingCode] = [.markupMismatch]
}

extension FindingCode {
  public static let markupMismatch = FindingCode(
    "markup-mismatch", .error,
    "The inline tags (<b>, <linkN>) differ from the source's, are out of balance, or name a link the document does not give.",
    family: MarkupFindings.family)
}

/// A message's inline tags (`markup-mismatch`): a translation has the same tags as the
/// source text, every tag is closed in order, and a `<linkN>` has its address in the
/// content model (`links[N-1]` of the text reference). An export never loses words for a
/// tag out of place, it shows the tags as text (`InlineMarkup.runs`), so the reader would
/// see "<b>" in the handout.
///
/// Language tags (`<lang-en>`) are left out: a translation marks the passages it keeps in
/// another language, which the source has no reason to mark. Tags are compared as a set: a plural repeats a tag in each branch, in the source and in a
/// translation with more branches alike.
struct MarkupCheck: EntryCheck {
  func check(_ context: EntryContext, _ findings: inout EntryFindings) {
    let entry = context.entry
    let text = entry.text
    let open = UInt8(ascii: "<")
    guard TextChecks.containsByte(open, in: text) || TextChecks.containsByte(open, in: context.sourceText) else {
      return
    }
    let isSource = context.isSourceEntry
    let withoutLanguageTags = LanguageMarkupCheck.withoutLanguageTags(text)
    // A translation whose only tags are passages in another language, of a source without
    // tags (a name kept in English): no tag is out of balance, missing or added, since tags
    // are written with '<'.
    if !isSource && !TextChecks.containsByte(open, in: withoutLanguageTags)
      && !TextChecks.containsByte(open, in: context.sourceText)
    {
      return
    }
    // Passages in another language are balanced or not by `LanguageMarkupCheck`'s measure,
    // which reports them; here only the tags exports show are weighed.
    let sourceBalanced =
      isSource || InlineMarkup.problem(in: LanguageMarkupCheck.withoutLanguageTags(context.sourceText)) == nil
    if sourceBalanced, let problem = InlineMarkup.problem(in: withoutLanguageTags) {
      findings.add(
        .markupMismatch, at: location(of: "<", in: context),
        "'\(entry.key)' has inline tags out of balance: \(problem); close each <b> with </b> and each <linkN> with </linkN>, in order"
      )
      return
    }
    if !isSource {
      let tags = Self.tagNames(in: text)
      let sourceTags = Self.tagNames(in: context.sourceText)
      let missing = sourceTags.filter { !tags.contains($0) }
      let added = tags.filter { !sourceTags.contains($0) }
      if !missing.isEmpty || !added.isEmpty {
        var parts: [String] = []
        if !missing.isEmpty { parts.append("lacks \(missing.joined(separator: ", ")) of the source text") }
        if !added.isEmpty { parts.append("has \(added.joined(separator: ", ")), which the source text does not have") }
        findings.add(
          .markupMismatch, at: location(of: added.first ?? "", in: context),
          "'\(entry.key)' \(parts.joined(separator: " and ")); keep each tag of the source around the words it marks (a tag is never translated)"
        )
        return
      }
    }
    // The links a translation shares with the source are reported on the source.
    guard isSource else { return }
    let links = context.catalog.validator.refsByKey[entry.key]?.map(\.links.count)
    for case .link(let number) in InlineMarkup.tags(in: text) {
      guard let fewest = links?.min(), number > fewest else { continue }
      findings.add(
        .markupMismatch, at: location(of: "<link\(number)>", in: context),
        "'\(entry.key)' has <link\(number)>, but the document gives this text \(fewest == 0 ? "no link" : fewest == 1 ? "1 link" : "\(fewest) links"); add its address to the text reference's links in the content model (<link\(number)> is links[\(number - 1)]), or remove the tag"
      )
      return
    }
  }

  /// The tags of a text as written (`<b>`, `</b>`, `<link1>`, ...), each once, in the order
  /// they first appear.
  static func tagNames(in text: String) -> [String] {
    var seen = Set<String>()
    return InlineMarkup.tokens(text).compactMap { token -> String? in
      switch token {
      // A passage's language (`<lang-en>`) is the translation's to mark, not the source's:
      // `LanguageMarkupCheck` checks those tags.
      case .text, .open(.language), .close(.language): nil
      case .open(let tag): "<\(tag.name)>"
      case .close(let tag): "</\(tag.name)>"
      }
    }.filter { seen.insert($0).inserted }
  }

  /// Where `tag` first is in the entry's text (the start of the text when it is not there).
  private func location(of tag: String, in context: EntryContext) -> SourceLocation {
    guard !tag.isEmpty, let range = context.entry.text.range(of: tag) else { return context.entry.textLocation }
    return context.location(
      utf16Offset: context.entry.text.utf16.distance(
        from: context.entry.text.startIndex, to: range.lowerBound))
  }
}
