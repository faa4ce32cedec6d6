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
    let rtl = context.catalog.rightToLeft
    if !Normalization.isNFC(entry.text) {
      findings.add(
        .notNFC, at: entry.textLocation,
        "'\(entry.key)' is not in Unicode NFC: some accented letters are written as a letter plus a combining mark; save it with composed characters (NFC)"
      )
    }
    var utf16Offset = 0
    var open: [(scalar: Unicode.Scalar, offset: Int)] = []
    var reportedInvisible = false
    for scalar in entry.text.unicodeScalars {
      defer { utf16Offset += UTF16.width(scalar) }
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
