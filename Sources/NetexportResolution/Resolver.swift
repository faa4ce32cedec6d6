public import NetexportICU
public import NetexportModel

/// Combines the content model with a locale's catalog into a `ResolvedDocument`.
///
/// A handout must never drop a sentence or mix languages, so resolution fails when any
/// message the document uses is missing, untranslated, waiting for review, or does not
/// format; it reports all such problems at once.
public enum Resolver {
  /// Where to take messages whose translation is not ready, when the user allows an
  /// incomplete export.
  public struct Fallback: Hashable, Sendable {
    /// The source locale's messages.
    public var table: MessageTable
    public var locale: LanguageTag
    /// The keys to take from it.
    public var keys: Set<String>

    public init(table: MessageTable, locale: LanguageTag, keys: Set<String>) {
      self.table = table
      self.locale = locale
      self.keys = keys
    }
  }

  /// Resolves `document` with one catalog holding every message it uses (labels included),
  /// as tests and single-file tools have it.
  public static func resolve(
    _ document: Document, catalog: Catalog, locale: LanguageTag, fallback: Fallback? = nil, spoken: Bool = false
  ) throws -> ResolvedDocument {
    try resolve(
      document, messages: MessageTable([catalog]), locale: locale,
      source: locale.canonical == document.sourceLocale ? nil : MessageTable([]), fallback: fallback,
      spoken: spoken)
  }

  /// Resolves `document` in a locale.
  ///
  /// - Parameters:
  ///   - document: The content model.
  ///   - messages: The locale's messages for the document: its catalog, then the labels.
  ///   - locale: Their locale.
  ///   - source: The source locale's messages, to tell translations made from English that
  ///     changed since; `nil` when `messages` are the source's own.
  ///   - fallback: Messages to take from the source locale instead, marked with its language.
  ///   - spoken: Format messages as they are said aloud, for speech exports: numbers, counts
  ///     and dates in words (`Formatting.spokenMessage`).
  /// - Throws: `DiagnosticError` listing every message that cannot be used, each with the
  ///   catalog file and, where the entry exists, its line and column.
  public static func resolve(
    _ document: Document, messages table: MessageTable, locale: LanguageTag, source: MessageTable?,
    fallback: Fallback? = nil, spoken: Bool = false
  ) throws -> ResolvedDocument {
    let messages = Messages(locale: locale, table: table, source: source, fallback: fallback, spoken: spoken)
    var problems: [Diagnostic] = []
    var reported = Set<Diagnostic>()
    // The keys whose translation the document shows (not those taken from the source).
    var used = Set<String>()
    // Each message is formatted once; a failure is recorded and resolution goes on, so the
    // report lists every problem rather than the first.
    func text(_ ref: TextRef) -> ResolvedText {
      do {
        if fallback?.keys.contains(ref.key) != true { used.insert(ref.key) }
        return try messages.format(ref)
      } catch let error as DiagnosticError {
        for diagnostic in error.diagnostics where reported.insert(diagnostic).inserted {
          problems.append(diagnostic)
        }
      } catch {
        problems.append(
          Diagnostic(
            code: .icuFailure, at: SourceLocation(file: table.home(of: ref.key).file), "\(ref.key): \(error)"))
      }
      return ResolvedText(key: ref.key, text: "")
    }
    func block(_ block: NetexportModel.Block) -> ResolvedDocument.Block {
      switch block {
      case .heading(let ref): return .heading(text(ref))
      case .paragraph(let ref): return .paragraph(text(ref))
      case .list(let list):
        return .list(
          ResolvedDocument.List(
            leadIn: list.leadIn.map(text),
            items: list.items.map { ResolvedDocument.Item(text: text($0.text), detail: $0.detail.map(text)) },
            ordered: list.ordered, announcement: list.announcement.map(text)))
      case .callout(let callout):
        return .callout(ResolvedDocument.Callout(title: callout.title.map(text), body: callout.body.map(text)))
      }
    }
    // Resolved in reading order, so problems are reported in the order a reader meets them.
    let title = text(document.metadata.title)
    let subtitle = document.metadata.subtitle.map(text)
    let sections = document.sections.map {
      ResolvedDocument.Section(id: $0.id, heading: text($0.heading), blocks: $0.blocks.map(block))
    }
    let byline = text(document.metadata.byline)
    let reviewed = text(document.metadata.reviewed)
    let references = ResolvedDocument.References(
      heading: text(document.references.heading), items: document.references.items.map(text))
    let related = document.related.map {
      ResolvedDocument.Related(heading: text($0.heading), items: $0.items.map(text))
    }
    let terms = document.terms.map {
      ResolvedDocument.Term(id: $0.id, name: text($0.name), definition: $0.definition.map(text))
    }
    let abbreviations = document.abbreviations.map {
      ResolvedDocument.Abbreviation(id: $0.id, short: text($0.short), expansion: text($0.expansion))
    }
    // A translation a machine made says so until a person has reviewed every message the
    // exports show: the document's and the labels they add around it.
    var notice: ResolvedText?
    if source != nil,
      used.union(Labels.keys.filter { fallback?.keys.contains($0) != true }).contains(
        where: table.isUnreviewedMachineTranslation)
    {
      notice = text(TextRef(Labels.machineTranslation))
    }
    let resolved = ResolvedDocument(
      id: document.id, locale: locale, title: title, subtitle: subtitle, byline: byline, reviewed: reviewed,
      publisher: document.metadata.publisher, sections: sections, references: references, related: related,
      terms: terms, abbreviations: abbreviations, messages: messages, machineTranslationNotice: notice)
    if !problems.isEmpty { throw DiagnosticError(problems) }
    return resolved
  }

  /// Where a message and the document disagree on what a value is: the first argument whose
  /// value from the document is of a kind the message cannot format (a text where a plural
  /// needs a number), described for a finding. ICU would only fail with
  /// U_ILLEGAL_ARGUMENT_ERROR, which says neither which value nor that it comes from the
  /// document's content file.
  package static func valueMismatch(in structure: MessageStructure, arguments: [String: Argument]) -> String? {
    for argument in structure.arguments {
      guard let value = arguments[argument.name] else { continue }
      let needed: String
      switch (argument.kind, argument.style.lowercased()) {
      case (.plural, _), (.selectordinal, _), (.choice, _), (.simple, "number"), (.simple, "spellout"),
        (.simple, "ordinal"), (.simple, "duration"):
        needed = "a number"
      case (.simple, "date"), (.simple, "time"): needed = "a date"
      case (.select, _): needed = "a text"
      default: continue
      }
      let given: String
      switch value {
      case .number(let number):
        guard needed != "a number" else { continue }
        let whole = number == number.rounded() && abs(number) < Argument.numberLimit
        given = "the number \(whole ? String(Int64(number)) : String(number))"
      case .date(let day):
        guard needed != "a date" else { continue }
        given = "the date \(day)"
      case .string(let text):
        guard needed != "a text" else { continue }
        given = "the text \(Quoting.quote(text))"
      }
      return
        "needs \(needed) for {\(argument.name)} (its \(argument.typeName.lowercased())), but the document gives \(given); the message and the document's content file must agree on what {\(argument.name)} is"
    }
    return nil
  }

  /// Formats one message, after the judge (`Usability`) has found it ready.
  ///
  /// - Parameter source: The source locale's messages when `table` is a translation's.
  package static func format(
    _ ref: TextRef, in table: MessageTable, locale: LanguageTag, source: MessageTable? = nil, spoken: Bool = false
  ) throws -> ResolvedText {
    let located = table[ref.key]
    let home = table.home(of: ref.key)
    let problems = Usability.problems(
      key: ref.key, entry: located?.entry, sourceText: source?[ref.key]?.entry.text, isSource: source == nil,
      file: located?.file ?? home.file, entriesLocation: home.entriesLocation)
    if !problems.isEmpty { throw DiagnosticError(problems) }
    guard let entry = located?.entry else { throw DiagnosticError(problems) }
    do {
      let structure = try MessageStructure(entry.text)
      var seen = Set<String>()
      let missing = structure.arguments.map(\.name).filter { ref.arguments[$0] == nil && seen.insert($0).inserted }
      if !missing.isEmpty {
        throw DiagnosticError(
          Diagnostic(
            code: .messageArguments, at: entry.textLocation,
            "entry '\(ref.key)' uses \(missing.map { "{\($0)}" }.joined(separator: ", ")), which the document does not give here; the document gives \(ref.arguments.isEmpty ? "no values" : ref.arguments.keys.sorted().map { "{\($0)}" }.joined(separator: ", "))"
          ))
      }
      if let mismatch = valueMismatch(in: structure, arguments: ref.arguments) {
        throw DiagnosticError(
          Diagnostic(code: .messageArguments, at: entry.textLocation, "entry '\(ref.key)' \(mismatch)"))
      }
      let arguments = ref.arguments.mapValues(\.messageArgument)
      let text =
        spoken
        ? try Formatting.spokenMessage(entry.text, arguments: arguments, locale: locale)
        : try Formatting.message(entry.text, arguments: arguments, locale: locale)
      let runs = InlineMarkup.runs(text, links: ref.links)
      return ResolvedText(
        key: ref.key, text: runs.map(\.text).joined(), location: entry.textLocation, runs: runs)
    } catch let error as MessageSyntaxError {
      throw DiagnosticError(
        Diagnostic(
          code: .messageSyntax, at: entry.textLocation, "entry '\(ref.key)' is not a valid ICU message: \(error)"))
    } catch let error as ICUError {
      let given = ref.arguments.keys.sorted().map { "{\($0)}" }.joined(separator: ", ")
      throw DiagnosticError(
        Diagnostic(
          code: .messageArguments, at: entry.textLocation,
          "entry '\(ref.key)' cannot be formatted with the values the document gives (\(given.isEmpty ? "none" : given)): \(error.name)"
        ))
    }
  }
}
