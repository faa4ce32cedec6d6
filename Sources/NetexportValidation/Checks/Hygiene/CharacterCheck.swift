import NetexportICU
public import NetexportModel

extension FindingCode {
  public static let notNFC = FindingCode(
    "not-nfc", .warning, "The text is not in Unicode Normalization Form C.", family: HygieneFindings.family)
  public static let invisibleCharacter = FindingCode(
    "invisible-character", .warning, "An invisible format character (zero-width space, BOM, ...).",
    family: HygieneFindings.family)
}

/// Unicode normalization (`not-nfc`), bidirectional controls (`bidi-control`) and invisible
/// format characters (`invisible-character`), in the catalog's locale.
struct CharacterCheck: EntryCheck {
  func check(_ context: EntryContext, _ findings: inout EntryFindings) {
    let entry = context.entry
    var text = entry.text
    // The largest byte of the UTF-8 tells what the text can hold: below 0xCC every scalar is
    // below U+0300, where combining marks start (every such text is in NFC, as
    // `Normalization.isNFC` says without asking ICU); below 0xC2 it is ASCII, with no
    // scalar from U+00AD on, so nothing below can be found.
    let largest = text.withUTF8 { bytes in bytes.reduce(UInt8(0)) { Swift.max($0, $1) } }
    if largest >= 0xCC && text.withUTF8(Self.mayBeOutsideNFC) && !Normalization.isNFC(text) {
      findings.add(
        .notNFC, at: entry.textLocation,
        "'\(entry.key)' is not in Unicode NFC: some accented letters are written as a letter plus a combining mark; save it with composed characters (NFC)"
      )
    }
    guard largest >= 0xC2 else { return }
    text.withUTF8 { bytes in scalars(bytes, context, &findings) }
  }

  /// The bidi and invisible characters of the entry's text, as UTF-8: the text is walked by
  /// bytes, ASCII skipped, and only the scalars from U+0080 on decoded.
  private func scalars(_ bytes: UnsafeBufferPointer<UInt8>, _ context: EntryContext, _ findings: inout EntryFindings) {
    let entry = context.entry
    let rtl = context.catalog.rightToLeft
    var utf16Offset = 0
    var open: [(scalar: Unicode.Scalar, offset: Int)] = []
    var reportedInvisible = false
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        utf16Offset += 1
        continue
      }
      // A lead byte whose 64 (two bytes) or 4,096 (three bytes) scalars hold no bidi
      // control and nothing `TextChecks.isFormat` looks up (U+00AD, U+0600-U+061C, U+06DD,
      // U+070F, U+0890-U+08E2, U+180E, U+2000-U+206F, U+FEFF, U+FFF0-U+FFFF): skipped
      // undecoded, as are nearly all letters of Cyrillic, Arabic, Chinese, ... text.
      if lead < 0xE0 {
        if lead != 0xC2 && lead != 0xD8 && lead != 0xDB && lead != 0xDC {
          index += 2
          utf16Offset += 1
          continue
        }
      } else if lead < 0xF0 && lead > 0xE2 && lead != 0xEF {
        index += 3
        utf16Offset += 1
        continue
      }
      let (scalar, length) = TextChecks.scalar(inUTF8: bytes, at: index)
      index += length
      defer { utf16Offset += length == 4 ? 2 : 1 }
      let value = scalar.value
      if value < 0xAD { continue }  // no control below the soft hyphen is invisible or bidi
      let isEmbedding = (0x202A...0x202E).contains(value)
      let isIsolate = (0x2066...0x2069).contains(value)
      if isEmbedding || isIsolate {
        let location = context.location(utf16Offset: utf16Offset)
        if !rtl {
          findings.add(
            .bidiControl, at: location,
            "'\(entry.key)' contains \(TextChecks.describe(scalar)), which a left-to-right language does not need; it can change the order in which characters are shown, so remove it"
          )
          return
        }
        if value == 0x202D || value == 0x202E {
          findings.add(
            .bidiControl, at: location,
            "'\(entry.key)' contains \(TextChecks.describe(scalar)), which forces characters into another order (it can make '50' show as '05'); use an isolate (U+2067 ... U+2069) or the marks U+200F/U+200E instead"
          )
          return
        }
        if value == 0x202C || value == 0x2069 {
          let opener: (UInt32) -> Bool =
            value == 0x202C ? { (0x202A...0x202B).contains($0) } : { (0x2066...0x2068).contains($0) }
          guard let last = open.last, opener(last.scalar.value) else {
            findings.add(
              .bidiControl, at: location,
              "'\(entry.key)' contains \(TextChecks.describe(scalar)) with nothing to close; remove it")
            return
          }
          open.removeLast()
        } else {
          open.append((scalar, utf16Offset))
        }
        continue
      }
      if TextChecks.isFormat(scalar) && !reportedInvisible
        && !Self.allowedInvisible(scalar, rightToLeft: rtl, script: context.catalog.script)
      {
        reportedInvisible = true
        findings.add(
          .invisibleCharacter, at: context.location(utf16Offset: utf16Offset),
          "'\(entry.key)' contains the invisible character \(TextChecks.describe(scalar)); remove it unless the text needs it"
        )
      }
    }
    if let unclosed = open.first {
      findings.add(
        .bidiControl, at: context.location(utf16Offset: unclosed.offset),
        "'\(entry.key)' opens \(TextChecks.describe(unclosed.scalar)) but never closes it; close it with \(unclosed.scalar.value >= 0x2066 ? "U+2069 POP DIRECTIONAL ISOLATE" : "U+202C POP DIRECTIONAL FORMATTING") so the text after it is not affected"
      )
    }
  }

  /// Whether the UTF-8 (a `String`'s) has a scalar that can make a text other than NFC:
  /// one of `outsideNFC`, or one above the Basic Multilingual Plane. A text without any is in
  /// NFC (Unicode's quick check says yes for a text whose every scalar is a starter that is
  /// NFC_Quick_Check=Yes), so ICU is not asked: converting each text of Cyrillic, Greek,
  /// Arabic, CJK, ... script to UTF-16 to ask it was 1.2 % of validation's instructions.
  static func mayBeOutsideNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let bits = outsideNFCBits
    var index = 0
    let count = bytes.count
    while index < count {
      let lead = bytes[index]
      // ASCII, and two bytes below U+0300 (lead bytes up to 0xCB).
      if lead < 0xCC {
        index += lead < 0x80 ? 1 : 2
        continue
      }
      let value: Int
      if lead < 0xE0 {
        value = Int(lead & 0x1F) << 6 | Int(bytes[index + 1] & 0x3F)
        index += 2
      } else if lead < 0xF0 {
        value = Int(lead & 0x0F) << 12 | Int(bytes[index + 1] & 0x3F) << 6 | Int(bytes[index + 2] & 0x3F)
        index += 3
      } else {
        return true
      }
      if bits[value >> 6] & (1 << UInt64(value & 63)) != 0 { return true }
    }
    return false
  }

  /// The scalars of the Basic Multilingual Plane that can make a text other than NFC: those
  /// with a canonical combining class other than 0, those NFC never has (NFC_Quick_Check=No:
  /// singletons such as the Kelvin sign, composition exclusions), and those that can join
  /// the scalar before them (NFC_Quick_Check=Maybe: Hangul vowels and final consonants, the
  /// vowel signs of some Indic scripts). Unicode 14 (Python's `unicodedata`), with the marks
  /// later versions added at U+0897 and U+1ACF-U+1AEB, which the standard library knows;
  /// written here because the standard library tells neither the quick check nor
  /// decompositions;
  /// `CharacterCheckTests` asks ICU and Foundation about every scalar, so a Unicode version
  /// that adds one fails it (one listed that no longer needs to be only costs a call to ICU).
  static let outsideNFC: [ClosedRange<Int>] = [
    0x300...0x34E, 0x350...0x36F, 0x374...0x374, 0x37E...0x37E, 0x387...0x387, 0x483...0x487, 0x591...0x5BD,
    0x5BF...0x5BF, 0x5C1...0x5C2, 0x5C4...0x5C5, 0x5C7...0x5C7, 0x610...0x61A, 0x64B...0x65F, 0x670...0x670,
    0x6D6...0x6DC, 0x6DF...0x6E4, 0x6E7...0x6E8, 0x6EA...0x6ED, 0x711...0x711, 0x730...0x74A, 0x7EB...0x7F3,
    0x7FD...0x7FD, 0x816...0x819, 0x81B...0x823, 0x825...0x827, 0x829...0x82D, 0x859...0x85B, 0x897...0x89F,
    0x8CA...0x8E1, 0x8E3...0x8FF, 0x93C...0x93C, 0x94D...0x94D, 0x951...0x954, 0x958...0x95F, 0x9BC...0x9BC,
    0x9BE...0x9BE, 0x9CD...0x9CD, 0x9D7...0x9D7, 0x9DC...0x9DD, 0x9DF...0x9DF, 0x9FE...0x9FE, 0xA33...0xA33,
    0xA36...0xA36, 0xA3C...0xA3C, 0xA4D...0xA4D, 0xA59...0xA5B, 0xA5E...0xA5E, 0xABC...0xABC, 0xACD...0xACD,
    0xB3C...0xB3C, 0xB3E...0xB3E, 0xB4D...0xB4D, 0xB56...0xB57, 0xB5C...0xB5D, 0xBBE...0xBBE, 0xBCD...0xBCD,
    0xBD7...0xBD7, 0xC3C...0xC3C, 0xC4D...0xC4D, 0xC55...0xC56, 0xCBC...0xCBC, 0xCC2...0xCC2, 0xCCD...0xCCD,
    0xCD5...0xCD6, 0xD3B...0xD3C, 0xD3E...0xD3E, 0xD4D...0xD4D, 0xD57...0xD57, 0xDCA...0xDCA, 0xDCF...0xDCF,
    0xDDF...0xDDF, 0xE38...0xE3A, 0xE48...0xE4B, 0xEB8...0xEBA, 0xEC8...0xECB, 0xF18...0xF19, 0xF35...0xF35,
    0xF37...0xF37, 0xF39...0xF39, 0xF43...0xF43, 0xF4D...0xF4D, 0xF52...0xF52, 0xF57...0xF57, 0xF5C...0xF5C,
    0xF69...0xF69, 0xF71...0xF76, 0xF78...0xF78, 0xF7A...0xF7D, 0xF80...0xF84, 0xF86...0xF87, 0xF93...0xF93,
    0xF9D...0xF9D, 0xFA2...0xFA2, 0xFA7...0xFA7, 0xFAC...0xFAC, 0xFB9...0xFB9, 0xFC6...0xFC6, 0x102E...0x102E,
    0x1037...0x1037, 0x1039...0x103A, 0x108D...0x108D, 0x1161...0x1175, 0x11A8...0x11C2, 0x135D...0x135F,
    0x1714...0x1715, 0x1734...0x1734, 0x17D2...0x17D2, 0x17DD...0x17DD, 0x18A9...0x18A9, 0x1939...0x193B,
    0x1A17...0x1A18, 0x1A60...0x1A60, 0x1A75...0x1A7C, 0x1A7F...0x1A7F, 0x1AB0...0x1ABD, 0x1ABF...0x1AEB,
    0x1B34...0x1B35, 0x1B44...0x1B44, 0x1B6B...0x1B73, 0x1BAA...0x1BAB, 0x1BE6...0x1BE6, 0x1BF2...0x1BF3,
    0x1C37...0x1C37, 0x1CD0...0x1CD2, 0x1CD4...0x1CE0, 0x1CE2...0x1CE8, 0x1CED...0x1CED, 0x1CF4...0x1CF4,
    0x1CF8...0x1CF9, 0x1DC0...0x1DFF, 0x1F71...0x1F71, 0x1F73...0x1F73, 0x1F75...0x1F75, 0x1F77...0x1F77,
    0x1F79...0x1F79, 0x1F7B...0x1F7B, 0x1F7D...0x1F7D, 0x1FBB...0x1FBB, 0x1FBE...0x1FBE, 0x1FC9...0x1FC9,
    0x1FCB...0x1FCB, 0x1FD3...0x1FD3, 0x1FDB...0x1FDB, 0x1FE3...0x1FE3, 0x1FEB...0x1FEB, 0x1FEE...0x1FEF,
    0x1FF9...0x1FF9, 0x1FFB...0x1FFB, 0x1FFD...0x1FFD, 0x2000...0x2001, 0x20D0...0x20DC, 0x20E1...0x20E1,
    0x20E5...0x20F0, 0x2126...0x2126, 0x212A...0x212B, 0x2329...0x232A, 0x2ADC...0x2ADC, 0x2CEF...0x2CF1,
    0x2D7F...0x2D7F, 0x2DE0...0x2DFF, 0x302A...0x302F, 0x3099...0x309A, 0xA66F...0xA66F, 0xA674...0xA67D,
    0xA69E...0xA69F, 0xA6F0...0xA6F1, 0xA806...0xA806, 0xA82C...0xA82C, 0xA8C4...0xA8C4, 0xA8E0...0xA8F1,
    0xA92B...0xA92D, 0xA953...0xA953, 0xA9B3...0xA9B3, 0xA9C0...0xA9C0, 0xAAB0...0xAAB0, 0xAAB2...0xAAB4,
    0xAAB7...0xAAB8, 0xAABE...0xAABF, 0xAAC1...0xAAC1, 0xAAF6...0xAAF6, 0xABED...0xABED, 0xF900...0xFA0D,
    0xFA10...0xFA10, 0xFA12...0xFA12, 0xFA15...0xFA1E, 0xFA20...0xFA20, 0xFA22...0xFA22, 0xFA25...0xFA26,
    0xFA2A...0xFA6D, 0xFA70...0xFAD9, 0xFB1D...0xFB1F, 0xFB2A...0xFB36, 0xFB38...0xFB3C, 0xFB3E...0xFB3E,
    0xFB40...0xFB41, 0xFB43...0xFB44, 0xFB46...0xFB4E, 0xFE20...0xFE2F,
  ]

  /// `outsideNFC` as one bit per scalar of the Basic Multilingual Plane (8 KB).
  static let outsideNFCBits: [UInt64] = {
    var bits = [UInt64](repeating: 0, count: 0x1_0000 >> 6)
    for range in outsideNFC {
      for value in range { bits[value >> 6] |= 1 << UInt64(value & 63) }
    }
    return bits
  }()

  /// Format characters a language legitimately needs: direction marks in right-to-left
  /// text, and zero-width (non-)joiners in scripts that join letters.
  private static func allowedInvisible(_ scalar: Unicode.Scalar, rightToLeft: Bool, script: String?) -> Bool {
    switch scalar.value {
    case 0x200E, 0x200F, 0x061C: rightToLeft
    case 0x200C, 0x200D: !["Latn", "Cyrl", "Grek"].contains(script ?? "Latn")
    default: false
    }
  }
}
