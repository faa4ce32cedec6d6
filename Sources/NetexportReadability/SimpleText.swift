/// Text in which every Character is one Unicode scalar, whatever surrounds it: there,
/// Swift's Character-based rules of `Segmenter` and `TextAnalyzer` (trimming, `hasSuffix`,
/// `isLetter` of the character before an abbreviation) give the same answers as the same
/// rules over UTF-16 code units, which is how `ReadabilityEngine` applies them. A block with
/// any other scalar goes through `TextAnalyzer` instead.
///
/// Written out by hand because neither Foundation nor the Swift standard library exposes a
/// scalar's grapheme cluster break property. `SimpleTextTests` checks every scalar listed here
/// against Swift's own Character rules.
enum SimpleText {
  /// Whether `value` is always a Character of its own and is canonically equivalent to no
  /// other single scalar. Left out: combining and enclosing marks, spacing marks, joiners and
  /// other format characters (U+00AD, U+200B-U+200F, ...), CR and LF, line and paragraph
  /// separators, conjoining Hangul jamo, regional indicators, emoji and everything beyond the
  /// BMP, canonical singletons (U+0374, U+037E, U+0387, U+2126, U+212A, U+212B, CJK
  /// compatibility ideographs), and the scripts not listed.
  static func isSimple(_ value: UInt32) -> Bool {
    switch value {
    case 0x0A, 0x0D: false
    case 0x00..<0x80: true
    case 0xAD: false
    case 0xA0...0x2FF: true  // Latin-1, Latin Extended-A and -B, IPA, spacing modifier letters
    case 0x374, 0x37E, 0x387: false
    case 0x370...0x3FF: true  // Greek and Coptic
    case 0x400...0x482, 0x48A...0x52F: true  // Cyrillic without its combining marks
    case 0x60C, 0x61B, 0x61F, 0x621...0x64A, 0x660...0x66F, 0x671...0x6D3, 0x6D5, 0x6EE...0x6FF: true  // Arabic letters
    case 0x1E00...0x1EFF: true  // Latin Extended Additional (Vietnamese)
    case 0x2010...0x2027, 0x2030...0x205E: true  // dashes, quotation marks, bullets, ellipsis, primes
    case 0x20A0...0x20C0: true  // currency signs
    case 0x2126, 0x212A, 0x212B: false
    case 0x2100...0x214F: true  // letterlike symbols
    case 0x3000...0x3029, 0x3030...0x303F: true  // CJK symbols and punctuation
    case 0x3041...0x3096, 0x309B...0x30FF: true  // kana
    case 0x3400...0x4DBF, 0x4E00...0x9FFF: true  // CJK unified ideographs
    case 0xAC00...0xD7A3: true  // Hangul syllables
    case 0xFF01...0xFF9D: true  // fullwidth and halfwidth forms
    default: false
    }
  }

  /// Character.isWhitespace for a simple scalar (Unicode's White_Space property).
  @inline(__always)
  static func isWhitespace(_ unit: UInt16) -> Bool {
    if unit < 0x80 { return unit == 0x20 || (0x09...0x0D).contains(unit) }
    return Unicode.Scalar(unit).map(\.properties.isWhitespace) ?? false
  }

  /// Character.isLetter || Character.isNumber for the Character made of one simple scalar.
  static func isLetterOrNumber(_ unit: UInt16) -> Bool {
    if unit < 0x80 {
      return (unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7A || (0x30...0x39).contains(unit)
    }
    guard let scalar = Unicode.Scalar(unit) else { return false }
    let character = Character(scalar)
    return character.isLetter || character.isNumber
  }
}
