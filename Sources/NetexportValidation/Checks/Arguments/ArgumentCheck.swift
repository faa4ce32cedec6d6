import NetexportICU
public import NetexportModel

/// A translation's arguments against the source message's: the same names, types, date
/// styles and plural offsets.
public enum ArgumentFindings: FindingRegistry {
  public static let family = FindingFamily("arguments", title: "Arguments")
  public static let codes: [FindingCode] = [
    .argumentMissing, .argumentUnknown, .argumentType, .argumentStyle, .pluralOffset,
  ]
}

extension FindingCode {
  public static let argumentMissing = FindingCode(
    "argument-missing", .error, "An argument of the source message is missing from the translation.",
    family: ArgumentFindings.family)
  public static let argumentUnknown = FindingCode(
    "argument-unknown", .error, "The translation uses an argument the source message does not have.",
    family: ArgumentFindings.family)
  public static let argumentType = FindingCode(
    "argument-type", .error, "An argument has another type than in the source message.",
    family: ArgumentFindings.family)
  public static let argumentStyle = FindingCode(
    "argument-style", .warning,
    "A date or time argument is formatted with another style than in the source message.",
    family: ArgumentFindings.family)
  public static let pluralOffset = FindingCode(
    "plural-offset", .error, "A plural or selectordinal has another 'offset:' than in the source message.",
    family: ArgumentFindings.family)
}

/// The translation uses the source message's arguments: none left out
/// (`argument-missing`), none invented (`argument-unknown`), each of the same type
/// (`argument-type`), dates and times in the same style (`argument-style`), plurals with the
/// same `offset:` (`plural-offset`).
struct ArgumentCheck: EntryCheck {
  /// The codes of an argument the translation uses wrongly (`argument-...`): ICU would not
  /// format the message as the document needs, so formatting is not tried.
  static let argumentCodes: [FindingCode] = [.argumentMissing, .argumentUnknown, .argumentType, .argumentStyle]

  func check(_ context: EntryContext, _ findings: inout EntryFindings) {
    guard let structure = context.message, let sourceStructure = context.source.structure else { return }
    // Most messages are sentences without arguments, in the source and the translation:
    // nothing below can be found, and nothing is built to find it.
    guard !(structure.arguments.isEmpty && sourceStructure.arguments.isEmpty) else { return }
    // Most translations write the source's arguments as the source does: nothing below can
    // be found, and nothing is built to find it.
    guard !Self.writtenAlike(structure.arguments, sourceStructure.arguments) else { return }
    Self.compare(structure, with: sourceStructure, context, &findings)
  }

  /// The findings about a translation's arguments against the source message's.
  static func compare(
    _ structure: MessageStructure, with sourceStructure: MessageStructure, _ context: EntryContext,
    _ findings: inout EntryFindings
  ) {
    let entry = context.entry
    // In the order the messages use them, so the findings come out the same every run.
    let sourceArguments = Self.firstTypes(sourceStructure)
    let arguments = Self.firstTypes(structure)
    let sourceTypes = Dictionary(uniqueKeysWithValues: sourceArguments.map { ($0.name, $0.type) })
    let types = Dictionary(uniqueKeysWithValues: arguments.map { ($0.name, $0.type) })
    for (name, type) in sourceArguments where types[name] == nil {
      findings.add(
        .argumentMissing, at: entry.textLocation,
        "'\(entry.key)' does not use {\(name)} (a \(type) in the source message); every value the source shows must appear in the translation"
      )
    }
    for (name, _) in arguments where sourceTypes[name] == nil {
      findings.add(
        .argumentUnknown, at: entry.textLocation,
        "'\(entry.key)' uses {\(name)}, which the source message does not have (it has \(sourceArguments.isEmpty ? "no arguments" : sourceArguments.map { "{\($0.name)}" }.joined(separator: ", "))); check the spelling"
      )
    }
    for (name, type) in arguments {
      guard let sourceType = sourceTypes[name], sourceType != type else { continue }
      findings.add(
        .argumentType, at: entry.textLocation,
        "'\(entry.key)' uses {\(name)} as a \(type), but the source message uses it as a \(sourceType)")
    }
    // A date's style is a skeleton ICU adapts to each locale, so it rarely needs to change;
    // a stray character in it (a no-break space before "::") silently turns it into a
    // pattern that prints "::2023juin23".
    let sourceStyles = Dictionary(
      sourceStructure.arguments.filter { ["date", "time"].contains($0.typeName.lowercased()) }.map {
        ($0.name, $0.writtenStyle)
      }, uniquingKeysWith: { first, _ in first })
    var reported = Set<String>()
    // The conditions cheapest first: whether ICU reads the skeleton (a call into ICU) is
    // asked only of a style that differs from the source's; none has a side effect but the
    // last, which is still asked last.
    for argument in structure.arguments where ["date", "time"].contains(argument.typeName.lowercased()) {
      guard let sourceStyle = sourceStyles[argument.name] else { continue }
      let style = argument.writtenStyle
      guard style != sourceStyle, argument.unreadableDateSkeleton == nil, reported.insert(argument.name).inserted
      else { continue }
      findings.add(
        .argumentStyle, at: entry.textLocation,
        "'\(entry.key)' formats {\(argument.name)} with the style \"\(style)\", but the source message uses \"\(sourceStyle)\"; copy the whole {...} from source unless the other style is meant (then add allow: [argument-style])"
      )
    }
    // ICU subtracts a plural's offset from the number before '#' shows it and before the
    // plural rules pick a branch: another offset than the source's prints another number.
    let plurals: [MessageStructure.Argument.Kind] = [.plural, .selectordinal]
    let sourceOffsets = Dictionary(
      sourceStructure.arguments.filter { plurals.contains($0.kind) }.map { ($0.name, ($0.kind, $0.pluralOffset)) },
      uniquingKeysWith: { first, _ in first })
    reported = []
    for argument in structure.arguments where plurals.contains(argument.kind) {
      guard let (kind, sourceOffset) = sourceOffsets[argument.name], kind == argument.kind,
        argument.pluralOffset != sourceOffset, reported.insert(argument.name).inserted
      else { continue }
      let has =
        argument.pluralOffset == 0
        ? "has no offset, but the source message has offset:\(Self.offsetText(sourceOffset))"
        : sourceOffset == 0
          ? "has offset:\(Self.offsetText(argument.pluralOffset)), which the source message does not have"
          : "has offset:\(Self.offsetText(argument.pluralOffset)), but the source message has offset:\(Self.offsetText(sourceOffset))"
      let fix = sourceOffset == 0 ? "remove it" : "use offset:\(Self.offsetText(sourceOffset)) as the source does"
      findings.add(
        .pluralOffset, at: context.location(utf16Offset: argument.utf16Offset),
        "'\(entry.key)': the \(argument.kind.rawValue) {\(argument.name)} \(has); ICU subtracts the offset from the number before '#' shows it and before a branch is chosen, so the reader would see another number; \(fix)"
      )
    }
  }

  /// Whether a translation's arguments are the source's, in the same order, each with the
  /// same name, kind, type, style as written and offset, and no date, time, plural or
  /// selectordinal argument named twice (whose later uses the checks below compare with the
  /// source's first): then none is missing, unknown or of another type, and no style or
  /// offset differs from the source's.
  static func writtenAlike(_ arguments: [MessageStructure.Argument], _ source: [MessageStructure.Argument]) -> Bool {
    guard arguments.count == source.count else { return false }
    for index in arguments.indices {
      let argument = arguments[index]
      let sourceArgument = source[index]
      guard argument.name == sourceArgument.name, argument.kind == sourceArgument.kind,
        argument.style == sourceArgument.style, argument.styleText == sourceArgument.styleText,
        argument.pluralOffset == sourceArgument.pluralOffset
      else { return false }
      let compared =
        argument.kind == .plural || argument.kind == .selectordinal
        || (argument.kind == .simple && ["date", "time"].contains(argument.style.lowercased()))
      if compared && arguments[..<index].contains(where: { $0.name == argument.name }) { return false }
    }
    return true
  }

  /// Each argument once, with the type of its first use, in the order the message uses them.
  /// ICU reads type names without regard to case (`{d, Date}` is a date).
  private static func firstTypes(_ structure: MessageStructure) -> [(name: String, type: String)] {
    var seen = Set<String>()
    return structure.arguments.filter { seen.insert($0.name).inserted }.map {
      // A spellout argument is a number: print shows its digits, speech says it with the
      // rule set the translation names (an ordinal, a feminine form).
      let type = $0.typeName.lowercased()
      return ($0.name, type == "spellout" ? "number" : type)
    }
  }

  /// A plural's `offset:` as a translator writes it.
  private static func offsetText(_ offset: Double) -> String {
    offset == offset.rounded() && abs(offset) < 1e15 ? String(Int(offset)) : String(offset)
  }
}
