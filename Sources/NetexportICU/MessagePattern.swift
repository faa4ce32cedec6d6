internal import CNetexportICU

/// A MessageFormat pattern as ICU's `MessagePattern` reads it: the pattern's UTF-16 text and
/// its parts, in order. Every reading of a message's structure (its arguments, its literal
/// text, the rewriting of numbers and dates for speech) starts from these parts, so that
/// netexport has no message parser of its own.
struct MessagePattern {
  /// ICU's part kinds (`UMessagePatternPartType`).
  enum PartType: Int32 {
    case messageStart = 0, messageLimit, skipSyntax, insertChar, replaceNumber, argumentStart, argumentLimit
    case argumentNumber, argumentName, argumentType, argumentStyle, argumentSelector, argumentInt, argumentDouble
  }

  /// ICU's argument kinds (`UMessagePatternArgType`).
  enum ArgumentType: Int32 {
    case none = 0, simple, choice, plural, select, selectordinal

    /// Whether `#` in its branches stands for its number.
    var isPlural: Bool { self == .plural || self == .selectordinal }
  }

  struct Part {
    var type: PartType
    /// The UTF-16 range of the part's text in the pattern.
    var start: Int
    var limit: Int
    /// ICU's value: the nesting level of a message start or limit, the character an
    /// insert-char part inserts.
    var value: Int32
    /// For an argument start or limit, the argument's kind.
    var argumentType: ArgumentType?
    /// For an argument or message start, the index of its limit part.
    var limitPart: Int?
    /// For a numeric part (a selector's `=N`, a plural's `offset:`), the number.
    var number: Double?
  }

  /// The pattern in UTF-16 code units, as the parts' offsets count.
  let text: [UInt16]
  let parts: [Part]

  /// Whether ICU reads a pattern as nothing but its text: it has no brace and no apostrophe
  /// (`#` and `|` mean something only inside a plural or a choice), and it is within
  /// `MessageLimits`. ICU's parts of such a pattern are its start and its end, and ICU prints
  /// it as it is; most catalog messages are such sentences, so they need not cross the bridge.
  static func isPlainText(_ pattern: String) -> Bool {
    guard !UTF8Scan.contains(UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "'"), in: pattern) else { return false }
    return pattern.utf8.count <= MessageLimits.maxLength || pattern.utf16.count <= MessageLimits.maxLength
  }

  /// Reads a pattern with ICU, after checking it against `MessageLimits`.
  ///
  /// - Throws: `MessageSyntaxError` when ICU cannot parse the pattern or it breaks a limit.
  init(_ pattern: String) throws(MessageSyntaxError) {
    let text = [UInt16](utf16Of: pattern)
    var errorOffset: Int32 = -1
    var capacity = text.count / 2 + 16
    var parts: [Part] = []
    var failure: Int32 = 0
    for _ in 0..<2 {
      // ICU's parts are read from a buffer that lives only for the call, uninitialized (ICU
      // writes every part it counts), rather than from an array filled with empty parts first.
      let needed = withUnsafeTemporaryAllocation(of: netx_message_part.self, capacity: capacity) { raw -> Int? in
        var status: Int32 = 0
        let count = netx_message_parts(
          text, Int32(text.count), raw.baseAddress!, Int32(capacity), &errorOffset, &status)
        if status == NETX_BUFFER_OVERFLOW { return Int(count) }
        if status > 0 {
          failure = status
          return nil
        }
        parts = UnsafeBufferPointer(rebasing: raw[0..<Int(count)]).map(Self.part)
        return nil
      }
      guard let needed else { break }
      capacity = needed
    }
    if failure > 0 {
      throw Formatting.syntaxError(
        ICUError(code: failure, operation: "read a message"), offset: errorOffset, in: pattern)
    }
    self.text = text
    self.parts = parts
  }

  /// A part as ICU's bridge gives it.
  private static func part(_ part: netx_message_part) -> Part {
    let type = PartType(rawValue: part.type) ?? .skipSyntax
    let isArgument = type == .argumentStart || type == .argumentLimit
    return Part(
      type: type, start: Int(part.index), limit: Int(part.index + part.length), value: part.value,
      argumentType: isArgument ? ArgumentType(rawValue: part.value) : nil,
      limitPart: part.limitPart >= 0 ? Int(part.limitPart) : nil,
      number: type == .argumentInt || type == .argumentDouble ? part.number : nil)
  }

  /// The text of a part, or of any UTF-16 range of the pattern.
  func text(_ part: Part) -> String { text(part.start..<part.limit) }

  func text(_ range: Range<Int>) -> String { String(utf16Units: text[range]) }

  /// The `offset:` of the plural or selectordinal whose style starts at part `index` (the
  /// part after its name), or 0, as ICU's `getPluralOffset` reads it.
  func pluralOffset(at index: Int) -> Double {
    index < parts.count ? parts[index].number ?? 0 : 0
  }

  /// The UTF-16 range from an argument's `{` to the end of its `}`.
  func argumentRange(startingAt index: Int) -> Range<Int> {
    parts[index].start..<parts[parts[index].limitPart ?? index].limit
  }
}
