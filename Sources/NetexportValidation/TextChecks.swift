import NetexportResolution

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Small text inspections the validator runs on every message. They read the text a reader
/// sees (`MessageStructure.literalText`), so ICU syntax never counts as text.
enum TextChecks {
  static let runSeparator: Character = "\u{1F}"

  /// Numbers in a text, with grouping and decimal separators removed and digits of any
  /// script read as their values ("1,000", "1.000", "١٠٠٠" all give "1000"). Inline markup
  /// is not text: the 1 of `<link1>` is no number.
  static func numbers(in text: String) -> [String] {
    var text = text
    if containsByte(UInt8(ascii: "<"), in: text) {
      text = InlineMarkup.plain(text)
    }
    return text.withUTF8(numbers(inUTF8:))
  }

  /// The numbers of well-formed UTF-8 (a `String`'s), as `numbers(in:)` reads them.
  ///
  /// Every character of every message is read here: between numbers, a byte loop skips
  /// whatever cannot start one (ASCII other than digits, and scalars of the Basic
  /// Multilingual Plane in a block of 64 without a digit, `digitBlocks`, told by their first
  /// two bytes), so only digits, what follows them and the blocks with digits are decoded and
  /// looked up.
  private static func numbers(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [String] {
    let digitBlocks = Self.digitBlocks
    var numbers: [String] = []
    // The digits of the number being read, as ASCII.
    var current: [UInt8] = []
    var pendingSeparator = false
    var index = 0
    let count = bytes.count
    while index < count {
      if current.isEmpty {
        // Outside a number, a scalar that is no digit changes nothing: skipped whole.
        while index < count {
          let byte = bytes[index]
          if byte < 0x80 {
            if byte &- 0x30 < 10 { break }
            index += 1
          } else if byte < 0xE0 {
            // Two bytes: U+0080 to U+07FF, the block is in the lead byte.
            if digitBlocks[Int(byte & 0x1F)] { break }
            index += 2
          } else if byte < 0xF0 {
            // Three bytes: U+0800 to U+FFFF.
            if digitBlocks[Int(byte & 0x0F) << 6 | Int(bytes[index + 1] & 0x3F)] { break }
            index += 3
          } else {
            // Above the Basic Multilingual Plane: looked up.
            break
          }
        }
        if index == count { break }
      }
      let (scalar, length) = scalar(inUTF8: bytes, at: index)
      index += length
      if let digit = decimalDigit(scalar) {
        current.append(0x30 + digit)
        pendingSeparator = false
      } else if !current.isEmpty && !pendingSeparator && isNumberSeparator(scalar) {
        pendingSeparator = true
      } else {
        if !current.isEmpty { numbers.append(String(decoding: current, as: UTF8.self)) }
        current.removeAll(keepingCapacity: true)
        pendingSeparator = false
      }
    }
    if !current.isEmpty { numbers.append(String(decoding: current, as: UTF8.self)) }
    return numbers
  }

  /// The scalar of well-formed UTF-8 (a `String`'s) that starts at `index`, and its length
  /// in bytes. (The standard library's decoder validates what a `String` already has.)
  static func scalar(inUTF8 bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
    let lead = UInt32(bytes[index])
    let value: UInt32
    let length: Int
    if lead < 0x80 {
      return (Unicode.Scalar(UInt8(lead)), 1)
    } else if lead < 0xE0 {
      value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
      length = 2
    } else if lead < 0xF0 {
      value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
      length = 3
    } else {
      value =
        (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
        | UInt32(bytes[index + 3] & 0x3F)
      length = 4
    }
    return (Unicode.Scalar(value).unsafelyUnwrapped, length)
  }

  /// A decimal digit's value, in any script.
  ///
  /// Checks ask this of every character of every message, and the standard library's property
  /// lookup searches Unicode's tables each time: in the Basic Multilingual Plane the digits
  /// are looked up here, in the 36 runs of ten that Unicode 15 has there (`digitRuns`);
  /// above it, by the standard library. `TextCheckTests` asks the standard library about
  /// every scalar, so a Unicode version with a run elsewhere fails it.
  static func decimalDigit(_ scalar: Unicode.Scalar) -> UInt8? {
    let value = scalar.value
    if value < 0x80 { return (0x30...0x39).contains(value) ? UInt8(value - 0x30) : nil }
    if value >= 0x1_0000 {
      guard scalar.properties.numericType == .decimal, let digit = scalar.properties.numericValue else { return nil }
      return UInt8(digit)
    }
    guard value >= digitRuns[0] else { return nil }
    // The last run starting at or before the value.
    var low = 0
    var high = digitRuns.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if digitRuns[middle] <= value { low = middle } else { high = middle - 1 }
    }
    let offset = value - digitRuns[low]
    return offset < 10 ? UInt8(offset) : nil
  }

  /// Where each run of the ten decimal digits 0-9 starts in the Basic Multilingual Plane,
  /// beyond ASCII (Unicode 15: Arabic-Indic, Extended Arabic-Indic, NKo, Devanagari, ...,
  /// full-width).
  private static let digitRuns: [UInt32] = [
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50, 0xED0, 0xF20,
    0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0,
    0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
  ]

  /// Whether each block of 64 scalars of the Basic Multilingual Plane (U+0000-U+003F,
  /// U+0040-U+007F, ...) holds a decimal digit (`digitRuns`, and ASCII's in the first).
  private static let digitBlocks: [Bool] = {
    var blocks = [Bool](repeating: false, count: 0x1_0000 >> 6)
    for start in [0x30] + digitRuns {
      blocks[Int(start) >> 6] = true
      blocks[Int(start + 9) >> 6] = true
    }
    return blocks
  }()

  /// The grouping and decimal separators a number may have between its digits: full stop,
  /// comma, apostrophe, no-break and thin spaces, the Arabic decimal and thousands
  /// separators, and the right single quotation mark.
  private static func isNumberSeparator(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x2E, 0x2C, 0x27, 0xA0, 0x202F, 0x2009, 0x66B, 0x66C, 0x2019: true
    default: false
    }
  }

  /// Web addresses in a text, without trailing punctuation.
  ///
  /// An address ends at whitespace, at punctuation outside ASCII (the ideographic full stop
  /// "。" and full-width brackets of Chinese and Japanese text, which no address contains)
  /// and at invisible format characters (the isolates that keep an address left-to-right
  /// in Arabic text).
  static func urls(in text: String) -> [String] {
    // Almost no message has an address: a byte scan rules that out before any splitting.
    guard mayContainURL(text) else { return [] }
    var found: [String] = []
    let tokens = text.split { character in
      character.isWhitespace || character == runSeparator || character == "<" || character == ">"
        || (!character.isASCII && character.isPunctuation)
        || character.unicodeScalars.first?.properties.generalCategory == .format
    }
    for token in tokens {
      let lowered = token.lowercased()
      guard
        let (prefix, start) = ["https://", "http://", "www."].lazy.compactMap({ prefix in
          lowered.range(of: prefix).map { (prefix, $0) }
        }).first
      else { continue }
      var url = token[
        token.index(token.startIndex, offsetBy: lowered.distance(from: lowered.startIndex, to: start.lowerBound))...]
      while let last = url.last, ".,;:!?)]}»”\"'".contains(last) { url = url.dropLast() }
      // Something must follow the prefix: a bare "www." or "https://" is no address.
      if url.count > prefix.count { found.append(String(url)) }
    }
    return found
  }

  /// Whether the text has "http" or "www." in any case (ASCII only, as addresses start).
  static func mayContainURL(_ text: String) -> Bool {
    // Over the bytes themselves: a loop over `utf8` costs several times as much per byte,
    // and every message is read here.
    var text = text
    return text.withUTF8(mayContainURL(inUTF8:))
  }

  /// `mayContainURL(_:)` on UTF-8.
  ///
  /// Every "http" holds "tt" and every "www." "ww": eight bytes at a time (overlapping by
  /// one, so that no two neighbours are split), a word is looked at closely only when two
  /// neighbouring bytes are both t or both w in either case, which few words of any language
  /// have; OR-ing 0x20 into a byte makes 0x74 only of T and t, and 0x77 only of W and w. A
  /// byte loop took about five instructions per byte of every message.
  static func mayContainURL(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    guard count >= 4, let base = bytes.baseAddress else { return false }
    let ones = wordOnes
    var start = 0
    while start + 8 <= count {
      let folded = UInt64(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self)) | (ones << 5)
      // Byte k of `same` is zero when bytes k and k + 1 are the same (the top byte compares
      // with a zero shifted in, and no folded byte is zero).
      let same = folded ^ (folded >> 8)
      let pairs = zeroBytes(same) & (zeroBytes(folded ^ (ones &* 0x74)) | zeroBytes(folded ^ (ones &* 0x77)))
      // A pair at byte k (k < 7) belongs to an "http" starting at k - 1, or a "www." starting
      // at k - 1 or k.
      if pairs != 0 && hasAddressStart(base, count: count, from: max(0, start - 1), through: start + 6) {
        return true
      }
      start += 7
    }
    return hasAddressStart(base, count: count, from: max(0, start - 1), through: count - 4)
  }

  /// 0x01 in each byte of a 64-bit word.
  private static let wordOnes: UInt64 = 0x0101_0101_0101_0101

  /// A high bit in each byte of `x` that is zero (and perhaps in a byte above one that is:
  /// a byte looked at for nothing, never one missed).
  @inline(__always)
  private static func zeroBytes(_ x: UInt64) -> UInt64 { (x &- wordOnes) & ~x & 0x8080_8080_8080_8080 }

  /// Whether "http" or "www." (lowercased as ASCII) starts at one of the offsets.
  private static func hasAddressStart(_ base: UnsafePointer<UInt8>, count: Int, from first: Int, through last: Int)
    -> Bool
  {
    var offset = first
    while offset <= last && offset + 4 <= count {
      var window: UInt32 = 0
      for index in offset..<offset + 4 {
        let byte = base[index]
        window = (window << 8) | UInt32(byte >= 65 && byte <= 90 ? byte | 0x20 : byte)
      }
      if window == 0x6874_7470 || window == 0x7777_772E { return true }  // "http", "www."
      offset += 1
    }
    return false
  }

  /// The first bracket or quotation mark without its partner, if any.
  static func unbalanced(in text: String) -> String? {
    // One pass over the scalars (the check runs on every message, so it avoids Characters
    // and dictionaries): brackets must nest; quotation marks are only counted, since the
    // same mark may open in one language and close in another (German „…“, English “…”).
    // The scalars are decoded from the bytes here: the standard library's iterator costs
    // several times as much per character.
    var text = text
    return text.withUTF8(unbalanced(inUTF8:))
  }

  /// `unbalanced(in:)` on well-formed UTF-8 (a `String`'s).
  private static func unbalanced(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
    var stack: [UInt32] = []
    var straight = 0
    var curly = 0
    var guillemets = 0
    var index = 0
    while index < bytes.count {
      // Only the scalars below are counted: ASCII ( ) [ ] " and what starts with the bytes
      // C2 (« »), E2 (“ ” „ ‟), E3 (「 」 『 』 【 】 《 》) or EF (（ ）). Anything else is
      // skipped undecoded.
      // The second byte narrows it to the 64 scalars they are among: C2 AB, C2 BB (« »); E2 80
      // (U+2000-U+203F: “ ” „ ‟), E3 80 (U+3000-U+303F), EF BC (U+FF00-U+FF3F). The rest of
      // CJK, kana and the General Punctuation block is skipped.
      let lead = bytes[index]
      if lead < 0x80 {
        if lead != 0x28 && lead != 0x29 && lead != 0x5B && lead != 0x5D && lead != 0x22 {
          index += 1
          continue
        }
      } else if lead == 0xC2 {
        let second = bytes[index + 1]
        if second != 0xAB && second != 0xBB {
          index += 2
          continue
        }
      } else if lead == 0xE2 || lead == 0xE3 || lead == 0xEF {
        if bytes[index + 1] != (lead == 0xEF ? 0xBC : 0x80) {
          index += 3
          continue
        }
      } else {
        index += lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        continue
      }
      let (scalar, length) = scalar(inUTF8: bytes, at: index)
      index += length
      let value = scalar.value
      switch value {
      case 0x28, 0x5B, 0xFF08, 0x300C, 0x300E, 0x3010, 0x300A:  // ( [ （ 「 『 【 《
        stack.append(value)
      case 0x29, 0x5D, 0xFF09, 0x300D, 0x300F, 0x3011, 0x300B:  // ) ] ） 」 』 】 》
        guard stack.last == opener(of: value) else { return String(scalar) }
        stack.removeLast()
      case 0x22: straight += 1
      case 0x201C, 0x201D, 0x201E, 0x201F: curly += 1
      case 0xAB: guillemets += 1
      case 0xBB: guillemets -= 1
      default: break
      }
    }
    if let open = stack.first, let scalar = Unicode.Scalar(open) { return String(scalar) }
    if straight % 2 == 1 { return "\"" }
    if curly % 2 == 1 { return "“" }
    if guillemets != 0 { return "«" }
    return nil
  }

  private static func opener(of closer: UInt32) -> UInt32 {
    switch closer {
    case 0x29: 0x28
    case 0x5D: 0x5B
    case 0xFF09: 0xFF08
    default: closer - 1  // 」』】》 follow their openers
    }
  }

  /// Whether `text`'s UTF-8 holds `byte`: memchr rather than `utf8.contains`, which takes a
  /// call per byte (every entry asks this of its text for `<`, `#`, ...).
  static func containsByte(_ byte: UInt8, in text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in bytes.baseAddress.map { memchr($0, Int32(byte), bytes.count) != nil } ?? false }
  }

  /// Whether `needle` occurs in `haystack`, comparing UTF-8 bytes (memmem).
  static func contains(_ needle: String, in haystack: String) -> Bool {
    firstOffset(of: needle, in: haystack, from: 0) != nil
  }

  /// The UTF-8 offset of the first occurrence of `needle` at or after `start`.
  static func firstOffset(of needle: String, in haystack: String, from start: Int) -> Int? {
    var needle = needle
    var haystack = haystack
    return haystack.withUTF8 { hay in
      needle.withUTF8 { pattern in firstOffset(of: pattern, in: hay, from: start) }
    }
  }

  /// The offset of the first occurrence of the bytes of `pattern` in `hay` at or after
  /// `start` (none for an empty pattern).
  static func firstOffset(of pattern: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from start: Int)
    -> Int?
  {
    guard !pattern.isEmpty, start <= hay.count, let base = hay.baseAddress, let patternBase = pattern.baseAddress
    else { return nil }
    // memchr finds candidates for the first byte, memcmp checks the rest (glibc's memmem
    // is not visible to Swift without _GNU_SOURCE).
    var position = start
    let first = Int32(patternBase.pointee)
    while position + pattern.count <= hay.count {
      guard let candidate = memchr(base + position, first, hay.count - position - pattern.count + 1) else {
        return nil
      }
      let offset = base.distance(to: candidate.assumingMemoryBound(to: UInt8.self))
      if memcmp(base + offset, patternBase, pattern.count) == 0 { return offset }
      position = offset + 1
    }
    return nil
  }

  /// Whether two texts are canonically equivalent, as `==` on `String` says, with a byte
  /// comparison first that settles most pairs without normalizing: identical bytes are
  /// equal; a text that is a proper prefix of the other's bytes is not (the decomposition of
  /// the longer one is longer); and texts whose first differing bytes are both ASCII are
  /// not, since an ASCII character is its own decomposition and a starter, which no
  /// reordering of combining marks crosses, so their decompositions differ there too. Any
  /// other pair (the first difference in a character outside ASCII) is left to `==`.
  /// `TextCheckTests` compares the two on texts with accents, combining marks and
  /// singletons such as the Kelvin sign.
  static func canonicallyEqual(_ left: String, _ right: String) -> Bool {
    var left = left
    var right = right
    let settled: Bool? = left.withUTF8 { a in
      right.withUTF8 { b in
        let count = min(a.count, b.count)
        var index = 0
        while index < count && a[index] == b[index] { index += 1 }
        if index == count { return a.count == b.count }
        return a[index] < 0x80 && b[index] < 0x80 ? false : nil
      }
    }
    return settled ?? (left == right)
  }

  static func leadingWhitespace(_ text: String) -> Substring {
    // A Character is white space when its first scalar is (`Character.isWhitespace`), so a
    // text whose first scalar is not starts with none; most do, and need no walk by
    // Character (which finds where each Character ends, by Unicode's tables, beyond ASCII).
    guard let first = firstScalar(of: text), isWhitespace(first) else {
      return text[text.startIndex..<text.startIndex]
    }
    return text.prefix { $0.isWhitespace }
  }

  static func trailingWhitespace(_ text: String) -> Substring {
    // The last Character is white space only when its first scalar is; a last scalar that
    // is not white space and never joins the Character before it (`startsACharacter`) is
    // that first scalar.
    if let last = text.unicodeScalars.last, !isWhitespace(last), startsACharacter(last) {
      return text[text.endIndex..<text.endIndex]
    }
    return text.suffix(text.reversed().prefix { $0.isWhitespace }.count)
  }

  /// Whether the text is not empty and has no white space at either end
  /// (`leadingWhitespace` and `trailingWhitespace` are empty), as its first and last scalars
  /// tell: a text whose ends are ASCII, letters of common scripts or CJK, not white space.
  static func endsWithoutWhitespace(_ text: String) -> Bool {
    guard let first = firstScalar(of: text), !isWhitespace(first), let last = text.unicodeScalars.last else {
      return false
    }
    return !isWhitespace(last) && startsACharacter(last)
  }

  /// The first scalar of a text, read from its UTF-8.
  static func firstScalar(of text: String) -> Unicode.Scalar? {
    var text = text
    return text.withUTF8 { bytes in bytes.isEmpty ? nil : scalar(inUTF8: bytes, at: 0).0 }
  }

  /// Whether a scalar has Unicode's White_Space property, as `properties.isWhitespace` says
  /// (a search of Unicode's tables, asked of the ends of every text): tab to carriage return,
  /// space, U+0085, no-break space, U+1680, the spaces U+2000-U+200A, the line and paragraph
  /// separators, U+202F, U+205F and the ideographic space. `TextCheckTests` asks the
  /// standard library about every scalar.
  static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
    default: false
    }
  }

  /// Whether a scalar always starts a Character of its own after white space: it is none of
  /// the marks, joiners and vowel signs that extend the Character before them. A few runs of
  /// letters and signs of common scripts (ASCII, Latin, Greek, Cyrillic, Hebrew and Arabic
  /// letters, Thai consonants, Devanagari letters, kana, CJK ideographs, Hangul syllables and
  /// CJK punctuation) whose ends checks look at; anything else is left to the walk by
  /// Character. `TextCheckTests` checks every scalar listed after a space and after an
  /// ideographic space.
  static func startsACharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x7F, 0xA1...0x2FF, 0x370...0x374, 0x376...0x482, 0x48A...0x52F, 0x5D0...0x5EA, 0x5F3, 0x5F4,
      0x620...0x64A, 0x660...0x66D, 0x671...0x6D3, 0x6D4, 0xE01...0xE30, 0xE32, 0xE3F...0xE46, 0x904...0x939,
      0x964...0x970, 0x2010...0x2027, 0x2030...0x205E, 0x3001...0x3029, 0x3030...0x3096, 0x30A0...0x30FF,
      0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF9D:
      true
    default: false
    }
  }

  /// The ASCII characters Unicode counts as white space: tab, line feed, vertical tab, form
  /// feed, carriage return and space.
  private static func isASCIIWhitespace(_ byte: UInt8) -> Bool { (0x09...0x0D).contains(byte) || byte == 0x20 }

  static func hasDoubledSpace(_ text: String) -> Bool {
    // Most texts have no two spaces in a row anywhere: one pass over the bytes settles them
    // without Foundation's string search.
    var text = text
    return text.withUTF8(hasTwoSpacesInARow(inUTF8:)) && text.trimmingWhitespace().contains("  ")
  }

  /// Whether two bytes in a row are spaces: eight bytes at a time (overlapping by one), a
  /// word looked at closely only when two neighbouring bytes may both be spaces. A loop
  /// over the bytes took about four instructions per byte of every message.
  static func hasTwoSpacesInARow(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    guard count >= 2, let base = bytes.baseAddress else { return false }
    func pair(from first: Int, through last: Int) -> Bool {
      var index = first
      while index <= last && index + 1 < count {
        if base[index] == 0x20 && base[index + 1] == 0x20 { return true }
        index += 1
      }
      return false
    }
    var start = 0
    while start + 8 <= count {
      let word = UInt64(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self))
      let spaces = zeroBytes(word ^ (wordOnes << 5))
      if spaces & (spaces >> 8) != 0 && pair(from: start, through: start + 6) { return true }
      start += 7
    }
    return pair(from: start, through: count - 2)
  }

  /// How many `#` a text has, as characters (a `#` with a combining mark is another one).
  static func hashSigns(in text: String) -> Int {
    // Most texts have none: a byte scan settles them before the walk by Character.
    guard containsByte(UInt8(ascii: "#"), in: text) else { return 0 }
    return text.filter { $0 == "#" }.count
  }

  static func hasLetters(_ text: String) -> Bool {
    text.unicodeScalars.contains { $0.properties.isAlphabetic }
  }

  /// Whether the text is not empty and its first and last bytes are ASCII other than white
  /// space: then it has no white space at either end (`leadingWhitespace` and
  /// `trailingWhitespace` are empty), which most texts settle this way.
  static func hasNoWhitespaceAtTheEnds(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      guard let first = bytes.first, let last = bytes.last else { return false }
      return first < 0x80 && !isASCIIWhitespace(first) && last < 0x80 && !isASCIIWhitespace(last)
    }
  }

  /// Whether a scalar is an invisible format character (general category Cf), looking its
  /// properties up only for the few blocks that have any: the lookup is a search of
  /// Unicode's tables, and checks ask for every character of every message. The places are
  /// Unicode 15's (U+00AD; the Arabic number signs and letter mark U+0600-U+061C, before
  /// the letters; U+06DD, U+070F, U+0890-U+08E2; U+180E, the General Punctuation
  /// controls, U+FEFF, the interlinear annotations, and planes above the first);
  /// `TextCheckTests` asks the standard library about every scalar, so a new version that
  /// adds one elsewhere fails it.
  static func isFormat(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    guard
      value == 0xAD || (0x600...0x61C).contains(value) || value == 0x6DD || value == 0x70F
        || (0x890...0x8E2).contains(value) || value == 0x180E || (0x2000...0x206F).contains(value) || value == 0xFEFF
        || (0xFFF0...0xFFFF).contains(value) || value >= 0x1_0000
    else { return false }
    return scalar.properties.generalCategory == .format
  }

  /// `U+202E RIGHT-TO-LEFT OVERRIDE`.
  static func describe(_ scalar: Unicode.Scalar) -> String {
    let digits = String(scalar.value, radix: 16, uppercase: true)
    let code = "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    return scalar.properties.name.map { "\(code) \($0)" } ?? code
  }

  /// Quotes a text for a message, shortened to `limit` characters.
  static func quote(_ text: String, limit: Int = 80) -> String { Quoting.quote(text, limit: limit) }

  /// Items for a message: `"2", "3"`.
  static func list(_ items: [String]) -> String {
    items.map { "\"\($0)\"" }.joined(separator: ", ")
  }

}

extension String {
  func trimmingWhitespace() -> Substring {
    let start = firstIndex { !$0.isWhitespace } ?? endIndex
    let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
    return self[start..<max(start, end)]
  }

  func replacingNewlines() -> String {
    String(map { $0.isNewline ? " " : $0 })
  }
}
