import Foundation

/// Cuts a plain-text file into the blocks `Readability.score(text:...)` scores: paragraphs
/// are separated by blank lines, and each line that starts a list item ("- ", "* ", "• ",
/// "1. ") or is underlined as a heading is a block of its own; lines of a paragraph are joined
/// with a space.
///
/// The rules are Swift's Character rules (lines end at a "\n" Character, so "\r\n" does not
/// end one; trimming removes whitespace Characters). They are applied to the UTF-8 bytes of
/// lines that are all ASCII, where a Character is a byte (or the CR LF pair, which is
/// whitespace either way); any other line goes through the same expressions on Characters.
enum PlainTextReader {
  /// How much text each reader gets, about: a big file is read in parts on every core.
  static let segmentBytes = 1 << 20

  static func input(text: String, file: String, segmentBytes: Int = segmentBytes) -> ScoringInput {
    var text = text
    text.makeContiguousUTF8()
    let segments = text.utf8.withContiguousStorageIfAvailable { split($0, every: segmentBytes) }!
    // Each part is read on its own (its line numbers from 1), then joined.
    final class Parts: @unchecked Sendable {
      var inputs: [ScoringInput]
      var lines: [Int]
      init(_ count: Int) {
        inputs = Array(repeating: ScoringInput(partCount: 1), count: count)
        lines = Array(repeating: 0, count: count)
      }
    }
    let parts = Parts(segments.count)
    let source = text
    @Sendable func read(_ index: Int) -> (ScoringInput, Int) {
      var input = ScoringInput(partCount: 1)
      let lines = source.utf8.withContiguousStorageIfAvailable { bytes in
        var reader = Reader(text: source, bytes: bytes)
        return reader.read(segments[index], into: &input)
      }!
      return (input, lines)
    }
    if segments.count == 1 {
      (parts.inputs[0], parts.lines[0]) = read(0)
    } else {
      let lock = NSLock()
      DispatchQueue.concurrentPerform(iterations: segments.count) { index in
        let (input, lines) = read(index)
        lock.withLock { (parts.inputs[index], parts.lines[index]) = (input, lines) }
      }
    }
    var input = ScoringInput(source: text, partCount: 1)
    var lineOffset = 0
    for (part, lines) in zip(parts.inputs, parts.lines) {
      let pieceOffset = input.pieces.count
      let textOffset = input.texts.count
      input.pieces += part.pieces
      input.texts += part.texts
      for var block in part.blocks {
        switch block.text {
        case .pieces(let range): block.text = .pieces(range.lowerBound + pieceOffset..<range.upperBound + pieceOffset)
        case .own(let index): block.text = .own(index + textOffset)
        }
        if case .line(let line) = block.origin { block.origin = .line(line + lineOffset) }
        input.blocks.append(block)
      }
      lineOffset += lines
    }
    return input
  }

  /// Cuts the text where a line ends and the next line is empty (a "\n" not after "\r",
  /// then "\n"), about every `size` bytes: there a paragraph has ended, and the empty line
  /// that starts the next part ends nothing, so each part reads as it would in the whole.
  static func split(_ bytes: UnsafeBufferPointer<UInt8>, every size: Int) -> [Range<Int>] {
    var segments: [Range<Int>] = []
    var start = 0
    var target = size
    while target < bytes.count {
      var position = target
      var cut: Int?
      while position + 1 < bytes.count, let found = memchr(bytes.baseAddress! + position, 0x0A, bytes.count - position)
      {
        let newline = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
        if newline + 1 < bytes.count && bytes[newline + 1] == 0x0A && newline > 0 && bytes[newline - 1] != 0x0D {
          cut = newline
          break
        }
        position = newline + 1
      }
      guard let cut else { break }
      segments.append(start..<cut)
      start = cut + 1
      target = start + size
    }
    segments.append(start..<bytes.count)
    return segments
  }

  /// A line without its surrounding whitespace, and what the reader needs to know of it.
  private struct Line {
    /// Its bytes without surrounding whitespace.
    var trimmed: Range<Int>
    var isASCII: Bool
    /// All "=", "-" or "~", at least three of them.
    var isUnderline: Bool
  }

  private struct Reader {
    let text: String
    let bytes: UnsafeBufferPointer<UInt8>
    var current: [Range<Int>] = []
    var currentIsASCII = true
    var currentLine = 0

    init(text: String, bytes: UnsafeBufferPointer<UInt8>) {
      self.text = text
      self.bytes = bytes
    }

    /// Reads the lines of `segment` (byte offsets of the whole text); returns how many.
    mutating func read(_ segment: Range<Int>, into input: inout ScoringInput) -> Int {
      let count = segment.upperBound
      // The end of the line that starts at `start`: the next "\n" that is not after "\r".
      func lineEnd(from start: Int) -> Int {
        var position = start
        while position < count, let found = memchr(bytes.baseAddress! + position, 0x0A, count - position) {
          let newline = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
          if newline == 0 || bytes[newline - 1] != 0x0D { return newline }
          position = newline + 1
        }
        return count
      }
      var end = lineEnd(from: segment.lowerBound)
      var line = describe(segment.lowerBound..<end)
      var number = 1
      while true {
        // Each line is handled knowing whether the next one underlines it.
        var next: Line?
        var nextEnd = count
        if end < count {
          nextEnd = lineEnd(from: end + 1)
          next = describe(end + 1..<nextEnd)
        }
        handle(line, number: number, nextIsUnderline: next?.isUnderline ?? false, into: &input)
        guard let next else { break }
        line = next
        end = nextEnd
        number += 1
      }
      flush(into: &input)
      return number
    }

    /// Trims a line and tells whether it is an underline.
    func describe(_ raw: Range<Int>) -> Line {
      if Self.isASCII(UnsafeBufferPointer(rebasing: bytes[raw])) {
        var lower = raw.lowerBound
        var upper = raw.upperBound
        while lower < upper && Self.isASCIIWhitespace(bytes[lower]) { lower += 1 }
        while upper > lower && Self.isASCIIWhitespace(bytes[upper - 1]) { upper -= 1 }
        var isUnderline = upper - lower >= 3
        var position = lower
        while isUnderline && position < upper {
          isUnderline = bytes[position] == 0x3D || bytes[position] == 0x2D || bytes[position] == 0x7E
          position += 1
        }
        return Line(trimmed: lower..<upper, isASCII: true, isUnderline: isUnderline)
      }
      let line = substring(raw).trimmingWhitespace()
      let isUnderline = line.allSatisfy { "=-~".contains($0) } && line.count >= 3
      return Line(trimmed: offsets(of: line), isASCII: false, isUnderline: isUnderline)
    }

    mutating func handle(_ line: Line, number: Int, nextIsUnderline: Bool, into input: inout ScoringInput) {
      if line.trimmed.isEmpty || line.isUnderline {
        flush(into: &input)
        return
      }
      let content: Range<Int>?  // the item's text, when the line starts an item
      if line.isASCII {
        content = asciiItem(line.trimmed)
      } else {
        // (The reader used to ask `text.contains(". ")` too, which the last test implies; on
        // a Substring of the whole file, Foundation's search indexed all of it as UTF-16.)
        let text = substring(line.trimmed)
        let startsItem =
          text.hasPrefix("- ") || text.hasPrefix("* ") || text.hasPrefix("• ")
          || (text.first?.isNumber == true && text.prefix { $0.isNumber }.count < 4
            && text.dropFirst(text.prefix { $0.isNumber }.count).hasPrefix(". "))
        content = startsItem ? offsets(of: text.drop { $0 != " " }.trimmingWhitespace()) : nil
      }
      if content != nil || nextIsUnderline { flush(into: &input) }
      if current.isEmpty { currentLine = number }
      current.append(content ?? line.trimmed)
      if !line.isASCII { currentIsASCII = false }
      if nextIsUnderline { flush(into: &input) }
    }

    /// The text of an ASCII item line after its marker ("- ", "* ", or 1 to 3 digits and
    /// ". "), from the first space on and trimmed; nil when the line starts no item.
    func asciiItem(_ line: Range<Int>) -> Range<Int>? {
      let first = bytes[line.lowerBound]
      var startsItem = false
      if (first == 0x2D || first == 0x2A) && line.count >= 2 && bytes[line.lowerBound + 1] == 0x20 {
        startsItem = true
      } else if (0x30...0x39).contains(first) {
        var digits = 0
        while line.lowerBound + digits < line.upperBound && (0x30...0x39).contains(bytes[line.lowerBound + digits]) {
          digits += 1
        }
        let after = line.lowerBound + digits
        startsItem = digits < 4 && after + 1 < line.upperBound && bytes[after] == 0x2E && bytes[after + 1] == 0x20
      }
      guard startsItem else { return nil }
      var lower = line.lowerBound
      while bytes[lower] != 0x20 { lower += 1 }
      var upper = line.upperBound
      while lower < upper && Self.isASCIIWhitespace(bytes[lower]) { lower += 1 }
      while upper > lower && Self.isASCIIWhitespace(bytes[upper - 1]) { upper -= 1 }
      return lower..<upper
    }

    /// Ends the block being read: lines of ASCII stay byte ranges of the text (joined with
    /// spaces when scored); a block with any other line is joined and trimmed as a String.
    mutating func flush(into input: inout ScoringInput) {
      guard !current.isEmpty else { return }
      if currentIsASCII {
        let first = input.pieces.count
        input.pieces += current
        input.blocks.append(.init(text: .pieces(first..<input.pieces.count), part: 0, origin: .line(currentLine)))
      } else {
        let joined = current.map { String(substring($0)) }.joined(separator: " ").trimmingWhitespace()
        if !joined.isEmpty {
          input.blocks.append(.init(text: .own(input.texts.count), part: 0, origin: .line(currentLine)))
          input.texts.append(String(joined))
        }
      }
      current.removeAll(keepingCapacity: true)
      currentIsASCII = true
    }

    func substring(_ range: Range<Int>) -> Substring {
      let utf8 = text.utf8
      return text[
        utf8.index(
          utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
    }

    func offsets(of part: Substring) -> Range<Int> {
      let utf8 = text.utf8
      return utf8.distance(
        from: utf8.startIndex, to: part.startIndex)..<utf8.distance(
          from: utf8.startIndex, to: part.endIndex)
    }

    /// Whether every byte is ASCII, eight at a time.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      guard let base = bytes.baseAddress else { return true }
      let raw = UnsafeRawPointer(base)
      var index = 0
      var seen: UInt64 = 0
      while index + 8 <= bytes.count {
        seen |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        index += 8
      }
      while index < bytes.count {
        seen |= UInt64(bytes[index])
        index += 1
      }
      return seen & 0x8080_8080_8080_8080 == 0
    }

    /// Character.isWhitespace for ASCII: tab, line feed, vertical tab, form feed, carriage
    /// return and space.
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
  }
}
