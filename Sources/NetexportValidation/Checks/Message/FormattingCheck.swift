import NetexportICU
import NetexportModel
import NetexportResolution

/// Formats a message with the values the document gives it, as an export will.
///
/// `MessagePattern` accepts some messages that ICU cannot format: an unknown argument type
/// (`{n, numbr}`) or a number skeleton with a typo (`{n, number, ::group-of}`). Those are
/// reported at the argument; other failures at the start of the text.
///
/// In the source catalog the resolver has formatted every message in use already
/// (`SourceFormatting`), so only those it could not read are checked here, to find where;
/// in a translation, every message whose arguments match the source's (otherwise the
/// argument findings say what is wrong).
struct FormattingCheck: EntryCheck {
  func check(_ context: EntryContext, _ findings: inout EntryFindings) {
    let catalog = context.catalog
    if catalog.isSource {
      guard catalog.unformattable.contains(context.key) else { return }
    } else {
      guard !findings.hasError(ArgumentCheck.argumentCodes) else { return }
    }
    // A message without arguments formats whatever the document gives: MessagePattern read it
    // (`context.message`), and MessageFormat reads it the same way and has nothing else to
    // make or format. Most messages are such sentences.
    guard let structure = context.message, !structure.arguments.isEmpty else { return }
    let entry = context.entry
    let validator = catalog.validator
    if let unknown = structure.arguments.first(where: {
      $0.kind == .simple && !Self.argumentTypes.contains($0.style.lowercased())
    }) {
      findings.add(
        .messageSyntax, at: context.location(utf16Offset: unknown.utf16Offset),
        "'\(entry.key)' uses {\(unknown.name), \(unknown.style)}, but ICU knows no argument type '\(unknown.style)'; use one of \(Self.argumentTypes.sorted().joined(separator: ", "))"
      )
      return
    }
    for ref in validator.refsByKey[entry.key] ?? [] {
      if let mismatch = Resolver.valueMismatch(in: structure, arguments: ref.arguments) {
        // The source message has it too (the arguments' types match the source's): it is
        // reported once, on the source catalog, not on every translation.
        if let sourceStructure = validator.sourceInfo[entry.key]?.structure,
          catalog.catalog.file != validator.source.file,
          Resolver.valueMismatch(in: sourceStructure, arguments: ref.arguments) != nil
        {
          continue
        }
        findings.add(.messageArguments, at: entry.textLocation, "'\(entry.key)' \(mismatch)")
        return
      }
      do {
        try Formatting.check(
          entry.text, structure: structure, arguments: ref.arguments.mapValues(\.messageArgument),
          locale: catalog.locale)
      } catch let error as MessageSyntaxError {
        if let (argument, text) = Self.unreadableSkeleton(in: structure, of: entry.text, locale: catalog.locale) {
          findings.add(
            .messageSyntax, at: context.location(utf16Offset: argument.utf16Offset),
            "'\(entry.key)' has a number skeleton ICU cannot read: \(text); check the words after '::' (for example ::integer, ::percent, ::group-off)"
          )
        } else {
          findings.add(.messageSyntax, at: entry.textLocation, "'\(entry.key)' is not a valid ICU message: \(error)")
        }
        return
      } catch {
        let given = ref.arguments.keys.sorted().map { "{\($0)}" }.joined(separator: ", ")
        findings.add(
          .messageArguments, at: entry.textLocation,
          "'\(entry.key)' cannot be formatted with the values the document gives (\(given.isEmpty ? "none" : given)): \((error as? ICUError)?.name ?? "\(error)")"
        )
        return
      }
    }
  }

  /// The argument types ICU's MessageFormat knows.
  private static let argumentTypes: Set<String> = ["number", "date", "time", "spellout", "ordinal", "duration"]

  /// The first `{name, number, ::skeleton}` argument whose skeleton ICU rejects, with its text.
  private static func unreadableSkeleton(
    in structure: MessageStructure, of pattern: String, locale: LanguageTag
  ) -> (MessageStructure.Argument, String)? {
    let pattern16 = Array(pattern.utf16)
    for argument in structure.arguments where argument.kind == .simple && argument.style.lowercased() == "number" {
      // A simple argument holds no braces, so it ends at the first '}'.
      guard argument.utf16Offset < pattern16.count,
        let close = pattern16[argument.utf16Offset...].firstIndex(of: UInt16(UInt8(ascii: "}")))
      else { continue }
      let text = String(decoding: pattern16[argument.utf16Offset...close], as: UTF16.self)
      guard text.contains("::") else { continue }
      if (try? Formatting.message(text, arguments: [argument.name: .number(1)], locale: locale)) == nil {
        return (argument, text)
      }
    }
    return nil
  }
}
