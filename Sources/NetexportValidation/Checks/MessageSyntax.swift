import NetexportICU
import NetexportModel
import NetexportResolution

// The message family's codes (message-syntax, other-branch-missing, message-arguments) are
// declared in NetexportModel (`MessageFindings`): the resolver and the pseudo-localizer
// report them too.

/// ICU must be able to read the message; reported at the character where it stops, with
/// its own code for a plural, selectordinal or select without `other`.
struct SyntaxCheck: EntryCheck {
  func check(_ entry: EntryContext, _ findings: inout EntryFindings) {
    guard let error = entry.syntaxError else { return }
    let location = error.utf16Offset.map { entry.location(utf16Offset: $0) } ?? entry.entry.textLocation
    if error.limit != nil {
      findings.add(
        .messageSyntax, at: location, "'\(entry.key)' is too complex for netexport: \(error); simplify it")
    } else if error.name == "U_DEFAULT_KEYWORD_MISSING" {
      findings.add(
        .otherBranchMissing, at: location,
        "'\(entry.key)' has a plural, selectordinal or select without an 'other' branch; ICU needs one for every value the other branches do not match"
      )
    } else {
      findings.add(
        .messageSyntax, at: location,
        "'\(entry.key)' is not a valid ICU message: \(error). Braces must pair up, and a literal { or } is written '{' or '}'"
      )
    }
  }
}

/// Date and time skeletons ICU cannot read, reported at the character it cannot read.
struct DateSkeletonCheck: EntryCheck {
  func check(_ entry: EntryContext, _ findings: inout EntryFindings) {
    for argument in entry.message?.arguments ?? [] {
      guard let (skeleton, utf16Offset, character) = argument.unreadableDateSkeleton else { continue }
      let type = argument.style.lowercased()
      let problem =
        character.map {
          "the \(type) skeleton \"\(skeleton)\", in which \(TextChecks.quote(String($0))) is not a date field letter ICU knows (ICU ignores it, and prints what the other letters mean)"
        } ?? "an empty \(type) skeleton, which prints nothing"
      findings.add(
        .messageSyntax, at: entry.location(utf16Offset: utf16Offset),
        "'\(entry.key)' formats {\(argument.name)} with \(problem); write only field letters after '::', such as ::yMMMMd (y year, MMMM month, d day, EEEE weekday)"
      )
    }
  }
}

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
    guard let structure = context.message else { return }
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
        _ = try Formatting.message(
          entry.text, arguments: ref.arguments.mapValues(\.messageArgument), locale: catalog.locale)
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

/// The source catalog's messages formatted with the values the document gives them, as an
/// export will (through the resolver, which every export uses).
enum SourceFormatting {
  /// What the resolver reports, and the keys of the messages it could not read although
  /// `MessagePattern` reads them (`FormattingCheck` then says where).
  static func check(_ validator: Validator) -> (findings: [Diagnostic], unformattable: Set<String>) {
    let source = validator.source
    var findings: [Diagnostic] = []
    var reported = Set<String>()
    var unformattable = Set<String>()
    let unreadableKeys = Validator.unreadableKeys(of: source)
    let table = MessageTable([source])
    for ref in validator.uses.refs {
      do {
        _ = try Resolver.format(ref, in: table, locale: validator.sourceLocale)
      } catch let error as DiagnosticError {
        for diagnostic in error.diagnostics where reported.insert("\(diagnostic.code) \(ref.key)").inserted {
          var finding = diagnostic
          finding.key = ref.key
          // Syntax errors are reported with their exact position: by SyntaxCheck when
          // MessagePattern finds them, otherwise (an unknown type, a bad skeleton) by
          // FormattingCheck.
          if finding.has(.messageSyntax) {
            unformattable.insert(ref.key)
          } else if !(finding.has(.missingKey) && unreadableKeys.contains(ref.key)) {
            findings.append(finding)
          }
        }
      } catch {
        findings.append(
          Diagnostic(code: .messageArguments, at: source[ref.key]?.textLocation, "\(error)", key: ref.key))
      }
    }
    return (findings, unformattable)
  }
}

extension MessageStructure.Argument {
  /// The style of a simple argument as written (`::yMMMMd` in `{d, date, ::yMMMMd}`), without
  /// the spaces ICU ignores around it (ASCII spaces, tabs, line breaks); a no-break space is
  /// kept, as ICU keeps it.
  var writtenStyle: String {
    let space: Set<Character> = [" ", "\t", "\n", "\r"]
    var slice = Substring(styleText)
    while let first = slice.first, space.contains(first) { slice.removeFirst() }
    while let last = slice.last, space.contains(last) { slice.removeLast() }
    return String(slice)
  }

  /// For a date or time argument with a `::` skeleton that ICU cannot read, the skeleton, the
  /// UTF-16 offset in the pattern of its first unreadable character, and that character
  /// (`nil` for a skeleton with no field at all, whose offset is that of the `::`).
  var unreadableDateSkeleton: (skeleton: String, utf16Offset: Int, character: Character?)? {
    guard kind == .simple, ["date", "time"].contains(style.lowercased()), let range = styleUTF16Range
    else { return nil }
    let written = writtenStyle
    guard written.hasPrefix("::") else { return nil }
    let skeleton = String(written.dropFirst(2))
    guard let offset = Formatting.unreadableSkeletonOffset(in: skeleton) else { return nil }
    // The style as ICU reads it starts after the white space it trims (see writtenStyle).
    let leading = styleText.utf16.prefix { [9, 10, 13, 32].contains($0) }.count
    guard !skeleton.utf16.allSatisfy({ [9, 10, 13, 32].contains($0) }) else {
      return (skeleton, range.lowerBound + leading, nil)
    }
    let index = String.Index(utf16Offset: offset, in: skeleton)
    return (skeleton, range.lowerBound + leading + 2 + offset, skeleton[index])
  }
}
