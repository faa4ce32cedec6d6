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
  /// The text a reader sees, without argument syntax; runs are separated by U+001F.
  public var literalText: String

  /// Reads a pattern's structure.
  ///
  /// - Throws: `MessageSyntaxError` when ICU cannot parse the pattern.
  public init(_ pattern: String) throws(MessageSyntaxError) {
    let pattern16 = Array(pattern.utf16)
    var errorOffset: Int32 = -1
    let result: String
    do {
      result = try utf16Result("read a message", initialCapacity: pattern16.count * 2 + 64) {
        out, capacity, status in
        netx_message_analyze(pattern16, Int32(pattern16.count), out, capacity, &errorOffset, &status)
      }
    } catch {
      throw Formatting.syntaxError(error, offset: errorOffset, in: pattern)
    }
    var arguments: [Argument] = []
    var signs = 0
    var literal = ""
    var remaining = Substring(result)
    while let newline = remaining.firstIndex(of: "\n") {
      let line = remaining[..<newline]
      remaining = remaining[remaining.index(after: newline)...]
      if line == "L" {
        literal = String(remaining)
        break
      }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      if fields.first == "H", fields.count == 2 {
        signs = Int(fields[1]) ?? 0
      } else if fields.first == "A", fields.count == 9 {
        let utf16Offset = min(Int(fields[1]) ?? 0, pattern16.count)
        let selectors = fields[5].split(separator: " ").map(String.init)
        var argument = Argument(
          name: String(fields[2]), kind: Argument.Kind(rawValue: String(fields[3])) ?? .none,
          style: String(fields[4]), selectors: selectors, utf16Offset: utf16Offset)
        func offsets(_ field: Substring) -> [Int] { field.split(separator: ":").compactMap { Int($0) } }
        let style = offsets(fields[6])
        if style.count == 2, style[0] >= 0, style[0] <= style[1], style[1] <= pattern16.count {
          argument.styleText = String(decoding: pattern16[style[0]..<style[1]], as: UTF16.self)
          argument.styleUTF16Range = style[0]..<style[1]
        }
        argument.pluralOffset = Double(fields[8]) ?? 0
        for (selector, field) in zip(selectors, fields[7].split(separator: " ")) {
          let range = offsets(field)
          guard range.count == 3, range[1] <= range[2], range[2] <= pattern16.count else { continue }
          argument.branches.append(
            Argument.Branch(selector: selector, selectorOffset: range[0], utf16Range: range[1]..<range[2]))
        }
        arguments.append(argument)
      }
    }
    self.arguments = arguments
    self.pluralNumberSigns = signs
    self.literalText = literal
  }
}

/// Unicode normalization through ICU.
public enum Normalization {
  /// Whether the text is in Normalization Form C, the form catalogs must use.
  public static func isNFC(_ text: String) -> Bool {
    // Every character below U+0300 (ASCII, Latin-1, Latin Extended) is in NFC whatever
    // follows it; combining marks start there.
    if text.unicodeScalars.allSatisfy({ $0.value < 0x300 }) { return true }
    let text16 = Array(text.utf16)
    var status: Int32 = 0
    return netx_is_nfc(text16, Int32(text16.count), &status) == 1 && status <= 0
  }

  /// The text in Normalization Form C.
  public static func nfc(_ text: String) throws(ICUError) -> String {
    let text16 = Array(text.utf16)
    return try utf16Result("normalize text to NFC", initialCapacity: text16.count + 16) { out, capacity, status in
      netx_to_nfc(text16, Int32(text16.count), out, capacity, &status)
    }
  }
}
