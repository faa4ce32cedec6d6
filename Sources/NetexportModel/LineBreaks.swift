/// A line break as YAML reads it. libyaml (YAML 1.1) ends a line at each of these, so every
/// line and column netexport reports, from libyaml or its own, counts them all, and `update`
/// cuts lines at the same places.
///
/// Editors differ: all break lines at LF and CR LF, most at a lone CR, few at NEL, and some
/// at LS and PS (VS Code only warns of "unusual line terminators"). So validation reports
/// the last four (`unusual-line-break`) and a mix of LF and CR LF (`mixed-line-endings`):
/// where an editor does not break, line numbers after the character differ from the file's.
enum LineBreak: String, CaseIterable, Hashable, Sendable {
  case lf = "\n"
  case crlf = "\r\n"
  case cr = "\r"
  /// U+0085 NEXT LINE.
  case nel = "\u{85}"
  /// U+2028 LINE SEPARATOR.
  case ls = "\u{2028}"
  /// U+2029 PARAGRAPH SEPARATOR.
  case ps = "\u{2029}"

  var utf8Count: Int { rawValue.utf8.count }

  /// Whether YAML keeps the character in a text value where the line breaks (LS and PS); the
  /// others become a line feed, or fold into a space.
  var isKeptInText: Bool { self == .ls || self == .ps }

  /// The line break at `offset` of UTF-8 `bytes`, if one starts there.
  static func at(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> LineBreak? {
    let byte = bytes[offset]
    // Every other byte is settled by one comparison: these loops see every byte of a file.
    guard byte == 0x0A || byte == 0x0D || byte == 0xC2 || byte == 0xE2 else { return nil }
    switch byte {
    case 0x0A: return .lf
    case 0x0D: return offset + 1 < bytes.count && bytes[offset + 1] == 0x0A ? .crlf : .cr
    case 0xC2: return offset + 1 < bytes.count && bytes[offset + 1] == 0x85 ? .nel : nil
    case 0xE2:
      guard offset + 2 < bytes.count, bytes[offset + 1] == 0x80 else { return nil }
      return bytes[offset + 2] == 0xA8 ? .ls : bytes[offset + 2] == 0xA9 ? .ps : nil
    default: return nil
    }
  }

  /// The line break that ends just before `offset` of UTF-8 `bytes`, if one does.
  static func before(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> LineBreak? {
    guard offset > 0 else { return nil }
    switch bytes[offset - 1] {
    case 0x0A: return offset >= 2 && bytes[offset - 2] == 0x0D ? .crlf : .lf
    case 0x0D: return .cr
    case 0x85: return offset >= 2 && bytes[offset - 2] == 0xC2 ? .nel : nil
    case 0xA8, 0xA9:
      guard offset >= 3, bytes[offset - 3] == 0xE2, bytes[offset - 2] == 0x80 else { return nil }
      return bytes[offset - 1] == 0xA8 ? .ls : .ps
    default: return nil
    }
  }

  /// Calls `body` with each line of `text`: the UTF-8 range of its content, and the line
  /// break that ends it (`nil` for a last line without one). A text ending in a line break
  /// has no empty line after it.
  static func forEachLine(in text: String, _ body: (Range<Int>, LineBreak?) throws -> Void) rethrows {
    try withUTF8(text) { bytes in
      var start = 0
      var offset = 0
      while offset < bytes.count {
        if let lineBreak = at(offset, in: bytes) {
          try body(start..<offset, lineBreak)
          offset += lineBreak.utf8Count
          start = offset
        } else {
          offset += 1
        }
      }
      if start < bytes.count { try body(start..<bytes.count, nil) }
    }
  }

  /// Runs `body` on the UTF-8 bytes of `text`, without copying a native string.
  static func withUTF8<Result>(
    _ text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result {
    if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
    return try Array(text.utf8).withUnsafeBufferPointer(body)
  }
}

extension LineBreak {
  /// What validation says about the line breaks of a YAML file: `unusual-line-break` (an
  /// error) at the first CR, NEL, LS and PS, one finding per kind naming how many more there
  /// are, and `mixed-line-endings` (a warning) at the first line ending that differs from the
  /// file's more common one when lines end in both LF and CR LF.
  ///
  /// An error, because an editor that does not break a line there shows every later line
  /// under another number than netexport's findings (and libyaml's) give; a mix of LF and
  /// CR LF is only a warning, since every editor counts both, and `update` keeps each line's
  /// own ending.
  static func findings(in text: String, file: String) -> [Diagnostic] {
    // Lines that all end in LF (nearly every file) give no finding.
    guard withUTF8(text, hasBreakOtherThanLF) else { return [] }
    // Counted in arrays by kind, not dictionaries: a catalog has a line break every few dozen
    // bytes, and hashing each showed in profiles.
    var countsByKind = [Int](repeating: 0, count: allCases.count)
    var firstByKind = [(line: Int, column: Int)?](repeating: nil, count: allCases.count)
    withUTF8(text) { bytes in
      var line = 1
      var lineStart = 0
      var offset = 0
      while offset < bytes.count {
        guard let lineBreak = at(offset, in: bytes) else {
          offset += 1
          continue
        }
        if firstByKind[lineBreak.index] == nil {
          // The column counts Unicode scalars: each starts at a byte that is not a
          // continuation byte.
          let column = 1 + (lineStart..<offset).count { bytes[$0] & 0xC0 != 0x80 }
          firstByKind[lineBreak.index] = (line, column)
        }
        countsByKind[lineBreak.index] += 1
        offset += lineBreak.utf8Count
        line += 1
        lineStart = offset
      }
    }
    var counts: [LineBreak: Int] = [:]
    var first: [LineBreak: (line: Int, column: Int)] = [:]
    for kind in allCases where countsByKind[kind.index] > 0 {
      counts[kind] = countsByKind[kind.index]
      first[kind] = firstByKind[kind.index]
    }
    var findings: [Diagnostic] = []
    func location(_ position: (line: Int, column: Int)) -> SourceLocation {
      SourceLocation(file: file, line: position.line, column: position.column)
    }
    for kind in [LineBreak.cr, .nel, .ls, .ps] {
      guard let position = first[kind], let count = counts[kind] else { continue }
      let more = count > 1 ? " (the file has \(count - 1) more)" : ""
      findings.append(
        Diagnostic(
          code: .unusualLineBreak, at: location(position),
          "\(kind.name), which YAML reads as a line break but many editors do not; line numbers after it count it as one\(more). \(kind.fix)"
        ))
    }
    if let lf = counts[.lf], let crlf = counts[.crlf], let firstLF = first[.lf], let firstCRLF = first[.crlf] {
      let dominant = crlf > lf ? "CR LF" : "LF"
      let minority = crlf > lf ? (name: "LF", position: firstLF) : (name: "CR LF", position: firstCRLF)
      findings.append(
        Diagnostic(
          .warning, code: .mixedLineEndings, at: location(minority.position),
          "lines end in both LF (\(lf) lines) and CR LF (\(crlf) lines), the first \(minority.name) here; save the file with one kind of line ending (update writes new lines with \(dominant), the more common here)"
        ))
    }
    return findings.sorted {
      ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0)
    }
  }

  /// Whether UTF-8 `bytes` have a line break other than LF: a CR (alone or before LF), NEL,
  /// LS or PS. Eight bytes at a time: every byte of every catalog is looked at, and only a word
  /// with a CR or the first byte of NEL (0xC2) or of LS and PS (0xE2) is looked into. (The two
  /// first bytes differ in bit 0x20 alone, and no other byte with that bit set is 0xE2: one
  /// test finds both.)
  static func hasBreakOtherThanLF(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    ByteScan.contains(
      bytes, wordMayHold: { ByteScan.has($0, 0x0D) || ByteScan.has($0 | 0x2020_2020_2020_2020, 0xE2) },
      where: { isBreakOtherThanLF(at: $0, in: bytes) })
  }

  private static func isBreakOtherThanLF(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let lineBreak = at(offset, in: bytes)
    return lineBreak != nil && lineBreak != .lf
  }

  /// The kind's place in `allCases`.
  private var index: Int {
    switch self {
    case .lf: 0
    case .crlf: 1
    case .cr: 2
    case .nel: 3
    case .ls: 4
    case .ps: 5
    }
  }

  private var name: String {
    switch self {
    case .cr: "a carriage return (CR) without a line feed after it"
    case .nel: "U+0085 NEXT LINE (NEL)"
    case .ls: "U+2028 LINE SEPARATOR"
    case .ps: "U+2029 PARAGRAPH SEPARATOR"
    case .lf: "a line feed (LF)"
    case .crlf: "a CR LF"
    }
  }

  private var fix: String {
    switch self {
    case .cr: "Save the file with LF (or CR LF) line endings."
    case .nel: "Replace it with a normal line break (or, inside a double-quoted text that needs it, write \\N)."
    case .ls: "Replace it with a normal line break (or, inside a double-quoted text that needs it, write \\L)."
    case .ps: "Replace it with a normal line break (or, inside a double-quoted text that needs it, write \\P)."
    case .lf, .crlf: ""
    }
  }
}
