/// Writes catalog YAML: new catalogs (`netexport init`) and new entries (`netexport update`).
///
/// Written by hand rather than with Yams' emitter so that the output has the layout people
/// edit (one field per line, a blank line between groups of keys, comments kept) and so
/// that `update` can insert entries into an existing file without re-emitting it.
public enum CatalogWriter {
  /// A translation found for a new entry in another catalog of the same locale whose
  /// English is the same (translation memory).
  public struct MemoryMatch: Hashable, Sendable {
    /// The translation.
    public var text: String
    /// The catalog file it is in, as shown in messages.
    public var file: String
    /// Its key there.
    public var key: String

    public init(text: String, file: String, key: String) {
      self.text = text
      self.file = file
      self.key = key
    }
  }

  /// A new catalog for `locale` with every entry of `source`: the source text recorded,
  /// the text empty, state `new`, and the translator notes copied.
  ///
  /// - Parameter document: The document the catalog is for, written as its `document`
  ///   field; `nil` for the labels or a catalog holding everything.
  ///   - memory: Translations to start from, by key (translation memory): such an entry gets
  ///     the text, state `needs-review`, and a comment saying where it came from.
  public static func newCatalog(
    locale: String, languageName: String, source: Catalog, document: String? = nil,
    memory: [String: MemoryMatch] = [:]
  ) -> String {
    var lines = [
      "# netexport catalog: \(languageName) (\(locale))\(document.map { ", document \($0)" } ?? "").",
      "# For each entry, translate 'source' into 'text', then set state: translated.",
      "# 'note' tells where the text appears. See docs/catalog-format.md.",
      "locale: \(locale)",
    ]
    if let document { lines.append("document: \(document)") }
    lines.append("entries:")
    var previousGroup: Substring?
    for entry in source.entries {
      let group = entry.key.split(separator: ".").first
      if previousGroup != nil && group != previousGroup { lines.append("") }
      previousGroup = group
      lines += newEntry(entry, indent: 2, memory: memory[entry.key])
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The lines of a new entry for a source entry: untranslated, or started from a
  /// translation memory match (then `needs-review`, with a comment naming where it came from).
  public static func newEntry(_ sourceEntry: CatalogEntry, indent: Int, memory: MemoryMatch? = nil) -> [String] {
    let pad = String(repeating: " ", count: indent)
    var lines: [String] = []
    if let memory {
      lines.append(
        "\(pad)# Filled by translation memory from \(memory.file) (\(memory.key)), where the English is the same; check it in this context, then set state: translated."
      )
    }
    lines.append("\(pad)\(key(sourceEntry.key)):")
    if let note = sourceEntry.note { lines.append("\(pad)  note: \(quote(note))") }
    lines.append("\(pad)  source: \(quote(sourceEntry.text))")
    if let memory {
      lines.append("\(pad)  text: \(quote(memory.text))")
      lines.append("\(pad)  state: needs-review")
    } else {
      lines.append("\(pad)  text: \"\"")
      lines.append("\(pad)  state: new")
    }
    return lines
  }

  /// One entry of a new glossary: its key, and what the source locale says of it.
  public struct GlossarySeed: Hashable, Sendable {
    /// `term.<id>` or `abbr.<id>`.
    public var key: String
    /// The term or abbreviation in the source locale, when a document's catalog has it.
    public var sourceText: String?
    /// The source glossary's entry, when it has one.
    public var sourceEntry: GlossaryEntry?

    public init(key: String, sourceText: String?, sourceEntry: GlossaryEntry?) {
      self.key = key
      self.sourceText = sourceText
      self.sourceEntry = sourceEntry
    }
  }

  /// A new glossary for `locale` (`netexport init`): one entry for each term and
  /// abbreviation, not agreed yet (`forms: []`), under a comment saying what the source
  /// says of it, for the translator to fill in.
  ///
  /// Glossary entries have no state: an entry with no forms and no pronunciation asks
  /// nothing of a translation, so a new glossary changes no check until it is filled in.
  public static func newGlossary(locale: String, languageName: String, sourceLanguage: String, seeds: [GlossarySeed])
    -> String
  {
    var lines = [
      "# netexport glossary: \(languageName) (\(locale)), shared by every document.",
      "# The agreed \(languageName) wording of the documents' terms and abbreviations. For each key: other",
      "# forms that count as using the term ('forms'), how to say it ('pronunciation'), and for an",
      "# abbreviation what speech engines say ('spoken', or 'letters: true'; 'expand: false' keeps it short).",
      "# The comment above each entry says what the \(sourceLanguage) glossary gives. See docs/catalog-format.md.",
      "locale: \(locale)",
      "glossary:",
    ]
    for seed in seeds {
      var said: [String] = []
      if let text = seed.sourceText { said.append(quote(text)) }
      if let entry = seed.sourceEntry {
        if !entry.forms.isEmpty { said.append("other forms \(entry.forms.map(quote).joined(separator: ", "))") }
        if let pronunciation = entry.pronunciation { said.append("said \(quote(pronunciation))") }
        if entry.letters { said.append("letters: true") }
        if let spoken = entry.spoken { said.append("spoken \(quote(spoken))") }
        if !entry.expand { said.append("expand: false") }
      }
      if !said.isEmpty { lines.append("  # \(sourceLanguage): \(said.joined(separator: "; "))") }
      lines.append("  \(key(seed.key)):")
      lines.append("    forms: []")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A field line, `<indent>name: "value"`.
  static func field(_ name: String, _ value: String, indent: Int) -> String {
    String(repeating: " ", count: indent) + "\(name): \(quote(value))"
  }

  /// A message key as a YAML key: keys are `[A-Za-z0-9._-]+`, which YAML reads as text
  /// unless they look like a number, a boolean or null.
  static func key(_ key: String) -> String {
    let lowered = key.lowercased()
    let looksTyped =
      ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"].contains(lowered) || Double(key) != nil
      || key.hasPrefix("-") || key.hasPrefix(".")
    return looksTyped ? quote(key) : key
  }

  /// A YAML double-quoted scalar holding exactly `text`: backslash, quote, line breaks and
  /// every control or invisible line-break character escaped, and U+FFFE and U+FFFF, which
  /// YAML allows only escaped.
  public static func quote(_ text: String) -> String {
    var quoted = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": quoted += "\\\\"
      case "\"": quoted += "\\\""
      case "\n": quoted += "\\n"
      case "\t": quoted += "\\t"
      case "\r": quoted += "\\r"
      case "\u{85}": quoted += "\\N"
      case "\u{A0}": quoted += "\\_"
      case "\u{2028}": quoted += "\\L"
      case "\u{2029}": quoted += "\\P"
      default:
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFEFF || value == 0xFFFE || value == 0xFFFF {
          let digits = String(value, radix: 16, uppercase: true)
          quoted += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
        } else {
          quoted.unicodeScalars.append(scalar)
        }
      }
    }
    return quoted + "\""
  }
}
