/// libyaml's events for the narrow layout netexport writes its catalogs in, found without
/// libyaml; `nil` for any other text, which libyaml then reads as before.
///
/// Why by hand: libyaml was a third of the instructions of validating a library (its reader
/// checks and copies every character into a buffer, its scanner queues tokens and copies every
/// scalar, its parser builds each event in memory of its own), and validation is measured
/// against `msgfmt --check` (issue 16). No other YAML library available here is faster
/// (libfyaml read the same catalogs in the same time). So this reads only what
/// `CatalogWriter` and translators' edits of its files usually hold, and gives up at the
/// first byte of anything else:
///
/// - lines that end in LF; no tab outside quotes, no control character, no BOM, no NEL, LS or
///   PS (libyaml counts those as line breaks), no U+FFFE or U+FFFF (libyaml refuses them);
/// - blank lines and comment lines anywhere;
/// - block mappings, indented with spaces, whose keys are plain words (letters, digits, `_`,
///   `.`, `-`, `/`, starting with a letter, digit or `_`) followed by `:`;
/// - as a key's value on its line: a double-quoted text with YAML's escapes, a single-quoted
///   text, a plain word or phrase, or a flow list of those on one line; or, on the next lines,
///   a mapping indented further;
/// - a comment after a value.
///
/// Everything else (an empty value, a text over several lines, block lists, block scalars,
/// anchors, tags, flow mappings, directives, document markers, a key in quotes) sends the file
/// to libyaml, and so does anything libyaml would call an error: what this reads, libyaml
/// reads too, into the same events at the same places (`YAMLFastPathTests` compares the two
/// on every catalog of the repository and on variants of them; the `catalog` fuzz target
/// compares them on every input).
package enum YAMLFastPath {
  /// One event, with its place and, for a scalar, where its text is in the bytes.
  struct Event {
    var kind: YAMLEventReader.Kind
    var style: YAMLEventReader.ScalarStyle = .plain
    var isFlow = false
    /// Whether the text between `valueStart` and `valueEnd` holds escapes (`\` in double
    /// quotes, `''` in single quotes) to undo.
    var escaped = false
    /// 0-based line and column (in Unicode scalars), as libyaml's marks count them.
    var line: Int
    var column: Int
    var valueStart = 0
    var valueEnd = 0
  }

  /// The events of `bytes` (UTF-8), or `nil` when the text is not in the layout above.
  static func events(_ bytes: UnsafeBufferPointer<UInt8>) -> [Event]? {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
    var scanner = Scanner(base: base, count: bytes.count)
    return scanner.run()
  }

  /// The text of a scalar event.
  static func value(of event: Event, in bytes: UnsafeBufferPointer<UInt8>) -> String {
    let raw = UnsafeBufferPointer(rebasing: bytes[event.valueStart..<event.valueEnd])
    guard event.escaped else {
      if event.style == .plain, let word = common(raw) { return word }
      return String(decoding: raw, as: UTF8.self)
    }
    var text: [UInt8] = []
    text.reserveCapacity(raw.count)
    if event.style == .singleQuoted {
      var index = 0
      while index < raw.count {
        text.append(raw[index])
        // `''` stands for one quotation mark.
        index += raw[index] == UInt8(ascii: "'") ? 2 : 1
      }
    } else {
      var index = 0
      while index < raw.count {
        let byte = raw[index]
        guard byte == UInt8(ascii: "\\") else {
          text.append(byte)
          index += 1
          continue
        }
        // Checked by the scanner: a known escape, naming a scalar.
        let (scalar, length) = escape(raw, at: index)!
        UTF8.encode(Unicode.Scalar(scalar)!) { text.append($0) }
        index += length
      }
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// The same string as `raw`, when it is one of the words every entry of a catalog repeats
  /// as plain scalars (its field names, its state): a literal, rather than a string made from
  /// the bytes (their UTF-8 checked again) for each of the hundreds of thousands a library's
  /// catalogs hold.
  private static func common(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
    func matches(_ word: StaticString) -> Bool {
      guard word.utf8CodeUnitCount == raw.count else { return false }
      for index in 0..<raw.count where raw[index] != word.utf8Start[index] { return false }
      return true
    }
    switch raw.count {
    case 3: return matches("new") ? "new" : nil
    case 4: return matches("text") ? "text" : matches("note") ? "note" : nil
    case 5: return matches("state") ? "state" : matches("allow") ? "allow" : nil
    case 6: return matches("source") ? "source" : nil
    case 8: return matches("reviewed") ? "reviewed" : nil
    case 10: return matches("translated") ? "translated" : nil
    case 12: return matches("needs-review") ? "needs-review" : nil
    case 13: return matches("previous-note") ? "previous-note" : nil
    case 15: return matches("previous-source") ? "previous-source" : nil
    default: return nil
    }
  }

  /// The scalar an escape of a double-quoted text stands for, and how many bytes it takes;
  /// `nil` for one libyaml refuses (and for `\` before a line break, which never gets here).
  /// libyaml's escapes: `\0 \a \b \t \<tab> \n \v \f \r \e \<space> \" \/ \\ \N \_ \L \P`,
  /// and `\x`, `\u`, `\U` with 2, 4 and 8 hexadecimal digits naming a scalar.
  static func escape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: UInt32, length: Int)? {
    guard index + 1 < bytes.count else { return nil }
    let simple: UInt32
    switch bytes[index + 1] {
    case UInt8(ascii: "0"): simple = 0
    case UInt8(ascii: "a"): simple = 7
    case UInt8(ascii: "b"): simple = 8
    case UInt8(ascii: "t"), 0x09: simple = 9
    case UInt8(ascii: "n"): simple = 10
    case UInt8(ascii: "v"): simple = 11
    case UInt8(ascii: "f"): simple = 12
    case UInt8(ascii: "r"): simple = 13
    case UInt8(ascii: "e"): simple = 0x1B
    case UInt8(ascii: " "): simple = 0x20
    case UInt8(ascii: "\""): simple = 0x22
    case UInt8(ascii: "/"): simple = 0x2F
    case UInt8(ascii: "\\"): simple = 0x5C
    case UInt8(ascii: "N"): simple = 0x85
    case UInt8(ascii: "_"): simple = 0xA0
    case UInt8(ascii: "L"): simple = 0x2028
    case UInt8(ascii: "P"): simple = 0x2029
    case UInt8(ascii: "x"): return hexEscape(bytes, at: index, digits: 2)
    case UInt8(ascii: "u"): return hexEscape(bytes, at: index, digits: 4)
    case UInt8(ascii: "U"): return hexEscape(bytes, at: index, digits: 8)
    default: return nil
    }
    return (simple, 2)
  }

  private static func hexEscape(
    _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, digits: Int
  ) -> (scalar: UInt32, length: Int)? {
    guard index + 2 + digits <= bytes.count else { return nil }
    var value: UInt32 = 0
    for offset in index + 2..<index + 2 + digits {
      let byte = bytes[offset]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: return nil
      }
      value = value << 4 | UInt32(digit)
    }
    // libyaml refuses surrogates and values past U+10FFFF ("found invalid Unicode character
    // escape code").
    guard value < 0xD800 || (value > 0xDFFF && value <= 0x10FFFF) else { return nil }
    return (value, 2 + digits)
  }

  /// What a byte is to the scanner, as bits: it looks up every byte of a text once in this
  /// table (a walk byte by byte with a table, where a `switch` per byte cost twice as much).
  enum ByteClass {
    static let doubleQuote: UInt8 = 1
    static let singleQuote: UInt8 = 2
    static let backslash: UInt8 = 4
    static let lineFeed: UInt8 = 8
    /// A byte to look at closer: a control character (tab among them), DEL, or the lead byte
    /// of NEL and the other C1 controls (C2), of LS and PS (E2), of BOM, U+FFFE and U+FFFF (EF).
    static let check: UInt8 = 16
    static let space: UInt8 = 32
    static let colon: UInt8 = 64
    /// A letter, digit, `_`, `.`, `-` or `/`: what keys and plain list items are made of.
    static let word: UInt8 = 128

    /// Written once, then only read.
    nonisolated(unsafe) static let table: UnsafePointer<UInt8> = {
      let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
      table.initialize(repeating: 0, count: 256)
      for byte in 0..<0x20 where byte != 0x0A { table[byte] = check }
      table[0x7F] = check
      for byte in [0xC2, 0xE2, 0xEF] { table[byte] = check }
      table[0x0A] = lineFeed
      table[Int(UInt8(ascii: "\""))] = doubleQuote
      table[Int(UInt8(ascii: "'"))] = singleQuote
      table[Int(UInt8(ascii: "\\"))] = backslash
      table[Int(UInt8(ascii: " "))] = space
      table[Int(UInt8(ascii: ":"))] = colon
      for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(byte)] = word }
      for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] = word }
      for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] = word }
      for byte in ["_", ".", "-", "/"] { table[Int(UInt8(ascii: Unicode.Scalar(byte)!))] = word }
      return UnsafePointer(table)
    }()
  }
}

extension YAMLFastPath {
  /// Reads the text line by line, looking at each byte once; every method returns `nil` at
  /// the first byte outside the layout.
  fileprivate struct Scanner {
    let base: UnsafePointer<UInt8>
    let count: Int
    let classes = ByteClass.table
    var events: [Event] = []
    /// The indentation of each open block mapping, outermost first.
    var indents: [Int] = []
    /// The current line (0-based) and the offset of its first byte.
    var line = 0
    var lineStart = 0

    init(base: UnsafePointer<UInt8>, count: Int) {
      self.base = base
      self.count = count
      // About one event per 30 bytes in catalogs.
      events.reserveCapacity(count / 24 + 8)
    }

    /// libyaml's limit on an implicit key's length, and a margin.
    static let longestKey = 1000
    /// Deeper nesting than catalogs have goes to libyaml; well under
    /// `YAMLSupport.maximumDepth`, which the catalog reader then need not check.
    static let deepest = 16

    @inline(__always)
    func has(_ index: Int, _ bits: UInt8) -> Bool { classes[Int(base[index])] & bits != 0 }

    /// Whether the byte at `index`, of class `check`, starts a character the layout allows:
    /// a tab where `tab` says so; no other control character, no DEL, NEL (or another C1
    /// control), LS, PS, BOM, U+FFFE or U+FFFF.
    func allowed(at index: Int, tab: Bool) -> Bool {
      switch base[index] {
      case 0x09: return tab
      case 0xC2: return index + 1 < count && base[index + 1] >= 0xA0
      case 0xE2:
        return !(index + 2 < count && base[index + 1] == 0x80 && (base[index + 2] == 0xA8 || base[index + 2] == 0xA9))
      case 0xEF:
        guard index + 2 < count else { return true }
        return
          !((base[index + 1] == 0xBB && base[index + 2] == 0xBF)
          || (base[index + 1] == 0xBF && base[index + 2] >= 0xBE))
      default: return false
      }
    }

    mutating func run() -> [Event]? {
      events.append(Event(kind: .streamStart, line: 0, column: 0))
      // A key whose value is on the next lines (a mapping).
      var pendingMapping = false
      var offset = 0
      while offset < count {
        lineStart = offset
        var index = offset
        while index < count && base[index] == UInt8(ascii: " ") { index += 1 }
        let indent = index - offset
        guard index < count else { break }  // spaces at the end, without a line break
        switch base[index] {
        case UInt8(ascii: "\n"):
          offset = index + 1
          line += 1
          continue
        case UInt8(ascii: "#"):
          guard let next = comment(from: index) else { return nil }
          offset = next
          continue
        default:
          break
        }
        if indents.isEmpty {
          // The document's first key: the top-level mapping starts there.
          guard indent == 0 else { return nil }
          events.append(Event(kind: .documentStart, line: line, column: 0))
          events.append(Event(kind: .mappingStart, line: line, column: 0))
          indents.append(0)
        } else if pendingMapping {
          guard indent > indents[indents.count - 1], indents.count < Self.deepest else { return nil }
          events.append(Event(kind: .mappingStart, line: line, column: indent))
          indents.append(indent)
        } else {
          while indent < indents[indents.count - 1] {
            indents.removeLast()
            guard !indents.isEmpty else { return nil }
            events.append(Event(kind: .mappingEnd, line: line, column: indent))
          }
          guard indent == indents[indents.count - 1] else { return nil }
        }
        guard let next = keyLine(at: index, column: indent, pendingMapping: &pendingMapping) else { return nil }
        offset = next
      }
      guard !indents.isEmpty, !pendingMapping else { return nil }
      // libyaml ends the stream on a line of its own.
      let endLine = base[count - 1] == UInt8(ascii: "\n") ? line : line + 1
      for _ in indents { events.append(Event(kind: .mappingEnd, line: endLine, column: 0)) }
      events.append(Event(kind: .documentEnd, line: endLine, column: 0))
      events.append(Event(kind: .streamEnd, line: endLine, column: 0))
      return events
    }

    /// A comment from its `#` to the line's end; returns the offset of the next line.
    mutating func comment(from index: Int) -> Int? {
      var index = index
      while index < count {
        if has(index, ByteClass.lineFeed | ByteClass.check) {
          if base[index] == UInt8(ascii: "\n") {
            line += 1
            return index + 1
          }
          guard allowed(at: index, tab: true) else { return nil }
        }
        index += 1
      }
      return count
    }

    static func isWordStart(_ byte: UInt8) -> Bool {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
        true
      default: false
      }
    }

    /// Reads `key: value` or `key:` from `index`, the first byte of the key (at `column`, all
    /// before it spaces); returns the offset of the next line.
    mutating func keyLine(at index: Int, column: Int, pendingMapping: inout Bool) -> Int? {
      guard Self.isWordStart(base[index]) else { return nil }
      var end = index + 1
      while end < count && has(end, ByteClass.word) { end += 1 }
      guard end < count, base[end] == UInt8(ascii: ":"), end - index <= Self.longestKey else { return nil }
      events.append(Event(kind: .scalar, line: line, column: column, valueStart: index, valueEnd: end))
      var cursor = end + 1
      guard cursor == count || has(cursor, ByteClass.space | ByteClass.lineFeed) else { return nil }
      while cursor < count && base[cursor] == UInt8(ascii: " ") { cursor += 1 }
      if cursor == count || base[cursor] == UInt8(ascii: "\n") {
        pendingMapping = true
        return cursor == count ? count : endOfLine(at: cursor)
      }
      if base[cursor] == UInt8(ascii: "#") {
        pendingMapping = true
        return comment(from: cursor)
      }
      pendingMapping = false
      // Keys and what is before a value are ASCII, so the value's column is its byte's.
      let valueColumn = cursor - lineStart
      let after: Int?
      switch base[cursor] {
      case UInt8(ascii: "\""): after = quoted(at: cursor, column: valueColumn, double: true)
      case UInt8(ascii: "'"): after = quoted(at: cursor, column: valueColumn, double: false)
      case UInt8(ascii: "["): after = flowList(at: cursor, column: valueColumn)
      default: after = plain(at: cursor, column: valueColumn)
      }
      guard let after else { return nil }
      return endOfValueLine(at: after)
    }

    /// The line break at `index`: counts the line, returns the next one's offset.
    mutating func endOfLine(at index: Int) -> Int {
      line += 1
      return index + 1
    }

    /// After a value: spaces, then the line's end or a comment.
    mutating func endOfValueLine(at index: Int) -> Int? {
      var cursor = index
      while cursor < count && base[cursor] == UInt8(ascii: " ") { cursor += 1 }
      guard cursor < count else { return count }
      switch base[cursor] {
      case UInt8(ascii: "\n"): return endOfLine(at: cursor)
      case UInt8(ascii: "#") where cursor > index: return comment(from: cursor)
      default: return nil
      }
    }

    /// A quoted text that ends on its line, from its opening quote; returns the offset after
    /// the closing quote.
    mutating func quoted(at index: Int, column: Int, double: Bool) -> Int? {
      let stops =
        (double ? ByteClass.doubleQuote | ByteClass.backslash : ByteClass.singleQuote) | ByteClass.lineFeed
        | ByteClass.check
      var cursor = index + 1
      var escaped = false
      let quote = double ? UInt8(ascii: "\"") : UInt8(ascii: "'")
      while true {
        // Eight bytes at a time while none is a stop (most of a text), then byte by byte.
        while cursor + 8 <= count {
          let word = UnsafeRawPointer(base + cursor).loadUnaligned(as: UInt64.self)
          if ByteScan.hasBelow(word, 0x20) || ByteScan.has(word, quote) || ByteScan.has(word, UInt8(ascii: "\\"))
            || ByteScan.has(word, 0x7F) || ByteScan.has(word, 0xC2) || ByteScan.has(word, 0xE2)
            || ByteScan.has(word, 0xEF)
          {
            break
          }
          cursor += 8
        }
        // At most to the end of the word that may hold a stop: a word of French with « or
        // of Chinese with its punctuation holds none, and the words after it go eight at a time.
        let limit = min(cursor + 8, count)
        while cursor < limit && !has(cursor, stops) { cursor += 1 }
        guard cursor < count else { return nil }
        if cursor == limit { continue }
        switch base[cursor] {
        case UInt8(ascii: "\""):
          break
        case UInt8(ascii: "'"):
          // `''` inside single quotes is one quotation mark.
          guard cursor + 1 < count && base[cursor + 1] == UInt8(ascii: "'") else { break }
          escaped = true
          cursor += 2
          continue
        case UInt8(ascii: "\\"):
          let buffer = UnsafeBufferPointer(start: base, count: count)
          guard let (_, length) = YAMLFastPath.escape(buffer, at: cursor) else { return nil }
          escaped = true
          cursor += length
          continue
        case UInt8(ascii: "\n"):
          // A text over several lines: libyaml folds it.
          return nil
        default:
          guard allowed(at: cursor, tab: true) else { return nil }
          cursor += 1
          continue
        }
        break
      }
      events.append(
        Event(
          kind: .scalar, style: double ? .doubleQuoted : .singleQuoted, escaped: escaped, line: line, column: column,
          valueStart: index + 1, valueEnd: cursor))
      return cursor + 1
    }

    /// A plain scalar as a block mapping's value: up to the line's end or ` #`, trailing
    /// spaces left out. Returns the offset after its last character.
    mutating func plain(at index: Int, column: Int) -> Int? {
      switch base[index] {
      // Indicators (and `-`, `?`, `:`, which may start a plain scalar only before a
      // non-space; left to libyaml).
      case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
        UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
        UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "%"),
        UInt8(ascii: "@"), UInt8(ascii: "`"):
        return nil
      default:
        break
      }
      let stops = ByteClass.lineFeed | ByteClass.check | ByteClass.space | ByteClass.colon
      var cursor = index
      var end = index
      while cursor < count {
        guard has(cursor, stops) else {
          cursor += 1
          end = cursor
          continue
        }
        let byte = base[cursor]
        if byte == UInt8(ascii: "\n") { break }
        if byte == UInt8(ascii: " ") {
          if cursor + 1 < count && base[cursor + 1] == UInt8(ascii: "#") { break }
          cursor += 1
          continue
        }
        if byte == UInt8(ascii: ":") {
          // `: ` or `:` at the line's end would start a mapping here: an error for libyaml.
          if cursor + 1 == count || has(cursor + 1, ByteClass.space | ByteClass.lineFeed) { return nil }
        } else if !allowed(at: cursor, tab: false) {
          return nil
        }
        cursor += 1
        end = cursor
      }
      events.append(Event(kind: .scalar, line: line, column: column, valueStart: index, valueEnd: end))
      // A more indented line after it would continue it: the next key line checks its
      // indentation against the mapping's, and refuses a deeper one.
      return end
    }

    /// A flow list on one line, `[a, "b", 'c']`, of quoted texts and plain words; returns the
    /// offset after `]`.
    mutating func flowList(at index: Int, column: Int) -> Int? {
      events.append(Event(kind: .sequenceStart, isFlow: true, line: line, column: column))
      var cursor = index + 1
      var expectsItem = true
      while true {
        while cursor < count && base[cursor] == UInt8(ascii: " ") { cursor += 1 }
        guard cursor < count else { return nil }
        let byte = base[cursor]
        if byte == UInt8(ascii: "]") {
          // `[a,]` and `[,]` are left to libyaml.
          guard expectsItem == (events[events.count - 1].kind == .sequenceStart) else { return nil }
          events.append(Event(kind: .sequenceEnd, line: line, column: scalarColumn(of: cursor)))
          return cursor + 1
        }
        if !expectsItem {
          guard byte == UInt8(ascii: ",") else { return nil }
          expectsItem = true
          cursor += 1
          continue
        }
        let itemColumn = scalarColumn(of: cursor)
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
          guard let after = quoted(at: cursor, column: itemColumn, double: byte == UInt8(ascii: "\"")) else {
            return nil
          }
          cursor = after
        } else {
          guard Self.isWordStart(byte) else { return nil }
          var end = cursor + 1
          while end < count && has(end, ByteClass.word) { end += 1 }
          events.append(Event(kind: .scalar, line: line, column: itemColumn, valueStart: cursor, valueEnd: end))
          cursor = end
        }
        expectsItem = false
      }
    }

    /// The column of `offset` on the current line, in Unicode scalars.
    func scalarColumn(of offset: Int) -> Int {
      var column = 0
      for index in lineStart..<offset where base[index] & 0xC0 != 0x80 { column += 1 }
      return column
    }
  }
}

extension YAMLFastPath {
  /// When `YAMLFastPath` reads `text`, the first way its events differ from libyaml's (or
  /// that libyaml refuses the text); `nil` when they agree or the fast path leaves the text to
  /// libyaml. For the tests and the `catalog` fuzz target.
  package static func disagreement(on text: String) -> String? {
    let fast = YAMLEventReader(text)
    guard fast.readFast else { return nil }
    let slow = YAMLEventReader(text, fastPath: false)
    var index = 0
    while true {
      do {
        try slow.next()
      } catch {
        return "libyaml refuses the text at event \(index): \(error)"
      }
      // The fast path never fails.
      try? fast.next()
      func describe(_ reader: YAMLEventReader) -> String {
        "\(reader.kind) at \(reader.start.line):\(reader.start.column) value \(reader.value.debugDescription) "
          + "style \(reader.style) flow \(reader.isFlow) anchor \(reader.anchor ?? "-") tag \(reader.tag ?? "-")"
      }
      let expected = describe(slow)
      let found = describe(fast)
      if expected != found { return "event \(index): libyaml \(expected), fast path \(found)" }
      if slow.kind == .streamEnd { return nil }
      index += 1
    }
  }
}
