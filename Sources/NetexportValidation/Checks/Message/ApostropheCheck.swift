import NetexportICU
import NetexportModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Its code, apostrophe-quote, is declared with the message family's in NetexportModel
// (`MessageFindings`).

/// An ASCII apostrophe that ICU reads as the start of quoted text (`apostrophe-quote`), where
/// a translator meant an apostrophe: in ICU MessageFormat an apostrophe directly before `{`,
/// `}` (or `#` in a plural branch) quotes everything up to the next apostrophe, so
/// `Consultato l'{accessed, date, ::yMMMMd}` prints the argument's syntax as text,
/// `one {Un po'} other {…}` loses its `}` and `l'# elemento` prints "#". ICU's own findings
/// for such a message (a missing argument, no `other` branch, unmatched braces) point away
/// from the cause, so the message is reported here, at the apostrophe, instead (the entry
/// context treats it as a message ICU cannot read).
///
/// An apostrophe counts as meant for the language when it follows a letter (an elision or a
/// possessive: "l'", "po'") and the quoted text it starts holds more than syntax characters
/// (words, an argument), or runs to the end of the message. Quoting on purpose quotes only
/// the characters ICU would otherwise read as syntax: `'{'`, `braces'}'` (as the Markdown
/// importer writes them), `'#'`.
/// Written by hand, since ICU has no notion of what a writer meant: the scan follows ICU's
/// quoting rules (`''` is one apostrophe, in quoted text too), and ICU says which `#` are a
/// plural's number.
struct ApostropheCheck: EntryCheck {
  func check(_ context: EntryContext, _ findings: inout EntryFindings) {
    // Nearly every entry has no trap: its text is not copied to UTF-16 for nothing.
    guard !context.apostropheTraps.isEmpty else { return }
    let units = Array(context.entry.text.utf16)
    for offset in context.apostropheTraps {
      let next = offset + 1 < units.count ? String(decoding: [units[offset + 1]], as: UTF16.self) : ""
      // What ICU reads as quoted text: up to the next apostrophe, or to the end.
      var end = offset + 1
      while end < units.count && units[end] != UInt16(UInt8(ascii: "'")) { end += 1 }
      var quoted = String(decoding: units[(offset + 1)..<end], as: UTF16.self)
      if quoted.count > 40 { quoted = String(quoted.prefix(40)) + "…" }
      let effect =
        next == "#"
        ? "so the # prints as '#' instead of the number"
        : "so ICU reads \(TextChecks.quote(quoted)) as plain text instead of message syntax"
      findings.add(
        .apostropheQuote, at: context.location(utf16Offset: offset),
        "'\(context.key)': this apostrophe before '\(next)' starts quoted text in ICU MessageFormat, \(effect); write the apostrophe as ’ (the typographic apostrophe) or as '' (two apostrophes)"
      )
    }
  }

  /// The UTF-16 offsets of the apostrophes in `text` that ICU would read as the start of
  /// quoted text although they follow a letter.
  static func traps(in text: String) -> [Int] {
    // Most texts have no apostrophe before a brace or '#': looked for in the UTF-8 first,
    // without copying the text (memchr finds each apostrophe).
    guard apostropheBeforeSyntax(text) else { return [] }
    let apostrophe = UInt16(UInt8(ascii: "'"))
    let units = Array(text.utf16)
    let braces: Set<UInt16> = [UInt16(UInt8(ascii: "{")), UInt16(UInt8(ascii: "}"))]
    let hash = UInt16(UInt8(ascii: "#"))
    func followsLetter(_ offset: Int) -> Bool {
      guard offset > 0, let scalar = Unicode.Scalar(units[offset - 1]) else { return false }
      return scalar.properties.isAlphabetic
    }
    let starts = units.indices.filter {
      units[$0] == apostrophe && $0 + 1 < units.count && (braces.contains(units[$0 + 1]) || units[$0 + 1] == hash)
    }
    guard starts.contains(where: followsLetter) else { return [] }
    // Which '#' after an apostrophe are a plural's number: ICU says, once those apostrophes
    // are made typographic (failing that, any in a message with a plural).
    var numberSigns = Set<Int>()
    let hashes = starts.filter { units[$0 + 1] == hash }
    if !hashes.isEmpty {
      var fixed = units
      for offset in hashes { fixed[offset] = 0x2019 }
      numberSigns = Set(
        (try? MessageStructure(String(decoding: fixed, as: UTF16.self)))?.numberSignOffsets
          ?? (text.contains("plural") || text.contains("selectordinal") ? hashes.map { $0 + 1 } : []))
    }
    var traps: [Int] = []
    // The apostrophe that opened the quoted text being read, if it follows a letter, and
    // whether the quoted text holds only syntax characters so far.
    var opened: Int?
    var onlySyntax = true
    var quoted = false
    let syntax: Set<UInt16> = braces.union([hash, UInt16(UInt8(ascii: "|"))])
    var offset = 0
    while offset < units.count {
      defer { offset += 1 }
      guard units[offset] == apostrophe else {
        if quoted && !syntax.contains(units[offset]) { onlySyntax = false }
        continue
      }
      if offset + 1 < units.count && units[offset + 1] == apostrophe {
        offset += 1  // '' is one apostrophe, inside quoted text or not
        continue
      }
      if quoted {
        quoted = false
        if let start = opened, !onlySyntax { traps.append(start) }
        continue
      }
      guard offset + 1 < units.count else { continue }
      let next = units[offset + 1]
      guard braces.contains(next) || (next == hash && numberSigns.contains(offset + 1)) else { continue }
      quoted = true
      onlySyntax = true
      opened = followsLetter(offset) ? offset : nil
    }
    // Quoted text that runs to the end of the message was never meant.
    if quoted, let start = opened { traps.append(start) }
    return traps
  }

  /// Whether an ASCII apostrophe is directly followed by `{`, `}` or `#` somewhere in `text`.
  static func apostropheBeforeSyntax(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      guard let base = bytes.baseAddress else { return false }
      var position = 0
      while position < bytes.count,
        let found = memchr(base + position, Int32(UInt8(ascii: "'")), bytes.count - position)
      {
        let next = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        guard next < bytes.count else { return false }
        let byte = bytes[next]
        if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "#") { return true }
        position = next
      }
      return false
    }
  }
}
