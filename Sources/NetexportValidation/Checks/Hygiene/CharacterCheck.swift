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
    if largest >= 0xCC && !Normalization.isNFC(text) {
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
