internal import CNetexportICU

/// What an ICU MessageFormat pattern is made of, as ICU's `MessagePattern` reads it: its
/// arguments with their kinds and plural or select branches, and the text a reader sees.
///
/// netexport writes no message parser of its own: ICU's is the one that formats.
public struct MessageStructure: Hashable, Sendable {
  /// One `{...}` argument of a pattern.
  public struct Argument: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
      /// `{name}`
      case none
      /// `{name, number}`, `{name, date, ::yMMMd}`, ...
      case simple
      case plural
      case select
      case selectordinal
      case choice
    }

    public var name: String
    public var kind: Kind
    /// For a simple argument, its type: `number`, `date`, `time`, `spellout`, ...
    public var style: String
    /// For plural, selectordinal and select arguments: the branch selectors (`one`, `=0`, ...).
    public var selectors: [String]
    /// Offset of the argument's `{` in the pattern, in UTF-16 code units.
    public var utf16Offset: Int
    /// For a simple argument with a style, the style as written (`::yMMMMd` in
    /// `{d, date, ::yMMMMd}`), from ICU's parse.
    public var styleText: String = ""
    /// For plural, selectordinal and select arguments, each branch: the UTF-16 offset of its
    /// selector and the UTF-16 range of its `{...}`, braces included.
    public var branches: [Branch] = []
    /// For plural and selectordinal arguments, the `offset:` ICU subtracts from the number
    /// before `#` shows it and before the plural rules pick a branch; 0 when there is none.
    public var pluralOffset: Double = 0
    /// For a simple argument with a style, the UTF-16 range of `styleText` in the pattern.
    public var styleUTF16Range: Range<Int>?

    public struct Branch: Hashable, Sendable {
      public var selector: String
      public var selectorOffset: Int
      public var utf16Range: Range<Int>
    }

    public init(name: String, kind: Kind, style: String = "", selectors: [String] = [], utf16Offset: Int = 0) {
      self.name = name
      self.kind = kind
      self.style = style
      self.selectors = selectors
      self.utf16Offset = utf16Offset
    }

    /// The kind as a writer would name it: `plural`, `date`, or `text` for a plain `{name}`.
    public var typeName: String {
      switch kind {
      case .none: "text"
      case .simple: style
      default: kind.rawValue
      }
    }
  }

  /// Every argument, nested ones included, in pattern order.
  public var arguments: [Argument]
  /// How many `#` signs stand for a plural's number.
  public var pluralNumberSigns: Int
  /// The UTF-16 offset in the pattern of each `#` that stands for a plural's number.
  public var numberSignOffsets: [Int] = []
  /// The text a reader sees, without argument syntax; runs are separated by U+001F.
  public var literalText: String

  /// Reads a pattern's structure.
  ///
  /// - Throws: `MessageSyntaxError` when ICU cannot parse the pattern.
  public init(_ pattern: String) throws(MessageSyntaxError) {
    guard MessagePattern.isPlainText(pattern) else {
      self.init(try MessagePattern(pattern))
      return
    }
    // What `init(_: MessagePattern)` makes of a pattern that is only text: one run, closed.
    self.init(
      arguments: [], pluralNumberSigns: 0,
      literalText: pattern.isEmpty || pattern.utf8.last == 0x1F ? pattern : pattern + "\u{1F}")
  }

  private init(arguments: [Argument], pluralNumberSigns: Int, literalText: String) {
    self.arguments = arguments
    self.pluralNumberSigns = pluralNumberSigns
    self.literalText = literalText
  }

  init(_ pattern: MessagePattern) {
    let parts = pattern.parts
    var arguments: [Argument] = []
    var signs = 0
    var signOffsets: [Int] = []
    var literal: [UInt16] = []
    /// Runs of literal text are separated by U+001F, where an argument or a branch starts or
    /// ends.
    func separate() {
      if let last = literal.last, last != 0x1F { literal.append(0x1F) }
    }
    // What encloses the current part: true for a message (whose text readers see), false for
    // an argument (whose text between parts is syntax).
    var inMessage: [Bool] = []
    var previousLimit = 0
    for (index, part) in parts.enumerated() {
      if inMessage.last == true && part.start > previousLimit {
        literal += pattern.text[previousLimit..<part.start]
      }
      previousLimit = part.limit
      switch part.type {
      case .messageStart:
        separate()
        inMessage.append(true)
      case .messageLimit:
        separate()
        _ = inMessage.popLast()
      case .argumentLimit:
        _ = inMessage.popLast()
      case .replaceNumber:
        signs += 1
        signOffsets.append(part.start)
      case .insertChar:
        literal.append(UInt16(truncatingIfNeeded: part.value))
      case .argumentStart:
        separate()
        inMessage.append(false)
        arguments.append(Self.argument(startingAt: index, in: pattern))
      default:
        break
      }
    }
    self.arguments = arguments
    self.pluralNumberSigns = signs
    self.numberSignOffsets = signOffsets
    self.literalText = String(utf16Units: literal)
  }

  /// Whether ICU's MessageFormat formats this message with these values in this locale
  /// without fail, so that a validator need not ask it (applying the pattern and formatting it
  /// take some 16,000 instructions a message under callgrind, after `MessagePattern` has read
  /// it already).
  ///
  /// MessageFormat fails, once its parse (the one `MessagePattern` made) has succeeded, only
  /// where it makes a formatter for a simple argument (`{n, number, ::skeleton}`, an unknown
  /// type) and where a value does not suit its argument: a plural, selectordinal or choice
  /// given no number, a select given no text (ICU 72's `MessageFormat::format`). A `{name}`
  /// formats any value, and a missing value prints as `{name}`; a date or time argument with
  /// a `::skeleton` style, given a date or nothing, fails exactly when its formatter cannot be
  /// made, which ICU is asked (`netx_date_style_formatter`, which keeps the formatter as the
  /// formatting would); a `{n, number}` given a number or nothing, when the locale's number
  /// format cannot be made (`netx_number_format_made`). A message with only such arguments
  /// and values that suit them formats;
  /// anything else is left to ICU. Written by hand because ICU has no call that answers this
  /// without formatting.
  package func formatsWithoutFail(with values: [String: MessageArgument], locale: LanguageTag) -> Bool {
    arguments.allSatisfy { argument in
      switch (argument.kind, values[argument.name]) {
      case (.none, _), (.plural, nil), (.selectordinal, nil), (.select, nil), (.select, .string?): true
      case (.plural, .number(let number)?), (.selectordinal, .number(let number)?): number.isFinite
      case (.simple, nil) where Self.isPlainNumber(argument), (.simple, .number?) where Self.isPlainNumber(argument):
        if case .number(let number)? = values[argument.name], !number.isFinite {
          false
        } else {
          Formatting.numberFormatIsMade(locale: locale)
        }
      case (.simple, nil), (.simple, .date?):
        (Self.isType(argument.style, "date") || Self.isType(argument.style, "time"))
          && Formatting.dateStyleFormatterIsMade(argument.styleText, locale: locale)
      default: false
      }
    }
  }

  /// Whether an argument is formatted with the locale's default number format: `{n, number}`
  /// with no style, or `{n, spellout, ...}`, which `Formatting.message` writes as that.
  private static func isPlainNumber(_ argument: Argument) -> Bool {
    argument.style == "spellout" || (isType(argument.style, "number") && argument.styleText.isEmpty)
  }

  /// Whether an argument's type is `keyword` (lower-case ASCII), its ASCII letters compared
  /// without regard to case as MessageFormat compares them (no letter outside ASCII lowers to
  /// one of "date" or "time").
  private static func isType(_ type: String, _ keyword: StaticString) -> Bool {
    let keyword = UnsafeBufferPointer(start: keyword.utf8Start, count: keyword.utf8CodeUnitCount)
    return type.utf8.elementsEqual(keyword) { ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }
  }

  /// The argument whose start is part `index`: its name, kind, type, selectors and branches
  /// (those of its own level, not of arguments nested in its branches).
  private static func argument(startingAt index: Int, in pattern: MessagePattern) -> Argument {
    let parts = pattern.parts
    let start = parts[index]
    let kind: Argument.Kind =
      switch start.argumentType {
      case .simple?: .simple
      case .plural?: .plural
      case .select?: .select
      case .selectordinal?: .selectordinal
      case .choice?: .choice
      default: .none
      }
    var argument = Argument(name: "", kind: kind, utf16Offset: min(start.start, pattern.text.count))
    var selectorStart = -1
    var branchStart: (selector: Int, start: Int)?
    var depth = 0
    for inner in parts[(index + 1)..<(start.limitPart ?? index + 1)] {
      switch (inner.type, depth) {
      case (.messageStart, _):
        if depth == 0 { branchStart = (selectorStart, inner.start) }
        depth += 1
      case (.messageLimit, _):
        depth -= 1
        if depth == 0, let opened = branchStart, argument.branches.count < argument.selectors.count {
          let selector = argument.selectors[argument.branches.count]
          argument.branches.append(
            Argument.Branch(selector: selector, selectorOffset: opened.selector, utf16Range: opened.start..<inner.limit)
          )
        }
      case (.argumentStyle, 0):
        argument.styleText = pattern.text(inner)
        argument.styleUTF16Range = inner.start..<inner.limit
      case (.argumentSelector, 0):
        selectorStart = inner.start
        argument.selectors.append(pattern.text(inner))
      case (.argumentName, 0), (.argumentNumber, 0):
        argument.name = pattern.text(inner)
      case (.argumentType, 0):
        argument.style = pattern.text(inner)
      default:
        break
      }
    }
    if start.argumentType?.isPlural == true { argument.pluralOffset = pattern.pluralOffset(at: index + 2) }
    return argument
  }
}

/// Unicode normalization through ICU.
public enum Normalization {
  /// Whether the text is in Normalization Form C, the form catalogs must use.
  public static func isNFC(_ text: String) -> Bool {
    // Every character below U+0300 (ASCII, Latin-1, Latin Extended) is in NFC whatever
    // follows it; combining marks start there.
    if UTF8Scan.allScalarsBelow0300(text) { return true }
    // ICU reads the UTF-8 itself: converting it to UTF-16 first took more than the check.
    var text = text
    return text.withUTF8 { bytes in
      bytes.withMemoryRebound(to: CChar.self) { chars in
        var status: Int32 = 0
        return netx_is_nfc_utf8(chars.baseAddress, Int32(chars.count), &status) == 1 && status <= 0
      }
    }
  }

  /// The text in Normalization Form C.
  public static func nfc(_ text: String) throws(ICUError) -> String {
    let text16 = [UInt16](utf16Of: text)
    return try utf16Result("normalize text to NFC", initialCapacity: text16.count + 16) { out, capacity, status in
      netx_to_nfc(text16, Int32(text16.count), out, capacity, &status)
    }
  }
}
