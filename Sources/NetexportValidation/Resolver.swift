public import NetexportICU
public import NetexportModel

/// Combines the content model with a locale's catalog into a `ResolvedDocument`.
///
/// A handout must never drop a sentence or mix languages, so resolution fails when any
/// message the document uses is missing, untranslated, waiting for review, or does not
/// format; it reports all such problems at once.
public enum Resolver {
  /// Resolves `document` in the catalog's locale.
  ///
  /// - Parameters:
  ///   - document: The content model.
  ///   - catalog: The locale's catalog.
  ///   - locale: The catalog's locale.
  /// - Throws: `DiagnosticError` listing every message that cannot be used, each with the
  ///   catalog file and, where the entry exists, its line and column.
  public static func resolve(_ document: Document, catalog: Catalog, locale: LanguageTag) throws -> ResolvedDocument {
    var problems: [Diagnostic] = []
    var seen = Set<String>()
    // Check every message first, so the report lists all problems rather than the first.
    for ref in document.textRefs {
      do {
        _ = try format(ref, in: catalog, locale: locale, isSource: locale.canonical == document.sourceLocale)
      } catch let error as DiagnosticError {
        for diagnostic in error.diagnostics where seen.insert(diagnostic.description).inserted {
          problems.append(diagnostic)
        }
      }
    }
    if !problems.isEmpty { throw DiagnosticError(problems) }

    let isSource = locale.canonical == document.sourceLocale
    func text(_ ref: TextRef) throws -> ResolvedText {
      try format(ref, in: catalog, locale: locale, isSource: isSource)
    }
    func block(_ block: NetexportModel.Block) throws -> ResolvedDocument.Block {
      switch block {
      case .heading(let ref): return .heading(try text(ref))
      case .paragraph(let ref): return .paragraph(try text(ref))
      case .list(let list):
        return .list(
          ResolvedDocument.List(
            leadIn: try list.leadIn.map(text),
            items: try list.items.map {
              ResolvedDocument.Item(text: try text($0.text), detail: try $0.detail.map(text))
            },
            ordered: list.ordered))
      case .callout(let callout):
        return .callout(ResolvedDocument.Callout(title: try callout.title.map(text), body: try callout.body.map(text)))
      }
    }
    return ResolvedDocument(
      id: document.id, locale: locale,
      title: try text(document.metadata.title), subtitle: try document.metadata.subtitle.map(text),
      byline: try text(document.metadata.byline), reviewed: try text(document.metadata.reviewed),
      publisher: document.metadata.publisher,
      sections: try document.sections.map {
        ResolvedDocument.Section(id: $0.id, heading: try text($0.heading), blocks: try $0.blocks.map(block))
      },
      references: ResolvedDocument.References(
        heading: try text(document.references.heading), items: try document.references.items.map(text)),
      terms: try document.terms.map {
        ResolvedDocument.Term(id: $0.id, name: try text($0.name), definition: try $0.definition.map(text))
      },
      abbreviations: try document.abbreviations.map {
        ResolvedDocument.Abbreviation(id: $0.id, short: try text($0.short), expansion: try text($0.expansion))
      },
      messages: Messages(locale: locale, catalog: catalog))
  }

  /// Formats one message.
  static func format(
    _ ref: TextRef, in catalog: Catalog, locale: LanguageTag, isSource: Bool = true
  ) throws -> ResolvedText {
    guard let entry = catalog[ref.key] else {
      throw DiagnosticError(
        Diagnostic(
          code: "missing-key", at: SourceLocation(file: catalog.file),
          "the catalog has no entry '\(ref.key)', which the document uses; add it (netexport needs every message to export)"
        ))
    }
    if entry.text.isEmpty {
      throw DiagnosticError(
        Diagnostic(code: "empty-text", at: entry.textLocation, "entry '\(ref.key)' has no text yet; translate it"))
    }
    if !isSource, let state = entry.state, state != .translated {
      throw DiagnosticError(
        Diagnostic(
          code: state == .new ? "untranslated" : "needs-review", at: entry.location,
          "entry '\(ref.key)' is marked '\(state.rawValue)'; finish it and set state: translated"))
    }
    do {
      let missing = try Formatting.argumentNames(in: entry.text).filter { ref.arguments[$0] == nil }
      if !missing.isEmpty {
        throw DiagnosticError(
          Diagnostic(
            code: "message-arguments", at: entry.textLocation,
            "entry '\(ref.key)' uses \(missing.map { "{\($0)}" }.joined(separator: ", ")), which the document does not give here; the document gives \(ref.arguments.isEmpty ? "no values" : ref.arguments.keys.sorted().map { "{\($0)}" }.joined(separator: ", "))"
          ))
      }
      let text = try Formatting.message(
        entry.text, arguments: ref.arguments.mapValues(\.messageArgument), locale: locale)
      return ResolvedText(key: ref.key, text: text, location: entry.textLocation)
    } catch let error as MessageSyntaxError {
      throw DiagnosticError(
        Diagnostic(
          code: "message-syntax", at: entry.textLocation, "entry '\(ref.key)' is not a valid ICU message: \(error)"))
    } catch let error as ICUError {
      let given = ref.arguments.keys.sorted().map { "{\($0)}" }.joined(separator: ", ")
      throw DiagnosticError(
        Diagnostic(
          code: "message-arguments", at: entry.textLocation,
          "entry '\(ref.key)' cannot be formatted with the values the document gives (\(given.isEmpty ? "none" : given)): \(error.name)"
        ))
    }
  }
}
