import NetexportModel

/// XLIFF 2.0 files: one `<file>` per catalog (its id the catalog name), one `<unit>` per
/// message (its id the key), the ICU text whole in `<source>` and `<target>`, as Angular
/// writes its ICU messages.
///
/// ```xml
/// <unit id="document.title">
///   <notes>
///     <note category="description">Title of the handout.</note>
///   </notes>
///   <segment state="translated">
///     <source>Neuroendocrine tumors</source>
///     <target>Tumores neuroendocrinos</target>
///   </segment>
/// </unit>
/// ```
///
/// States: new is `initial`; needs-review is `initial` with a target and
/// `subState="netexport:needs-review"` (so a tool that drops the subState leaves it untranslated,
/// never done); translated is `translated`; reviewed is `reviewed` with
/// `subState="netexport:reviewed-<fingerprint>"`, which stops counting once the texts change.
/// `final` reads as reviewed. See `docs/cat-tools.md`.
public enum XLIFF {
  static let namespace = "urn:oasis:names:tc:xliff:document:2.0"
  static let needsReview = "netexport:needs-review"
  static let reviewedPrefix = "netexport:reviewed-"

  /// Note categories: the translator's note, and netexport's own.
  enum Category {
    static let description = "description"
    static let location = "netexport:location"
    static let previousSource = "netexport:previous-source"
    static let previousNote = "netexport:previous-note"
    static let base = "netexport:base"
  }

  /// Whether `text` is an XML NMTOKEN, as `file` and `unit` ids must be (XML 1.0 fifth edition
  /// name characters).
  static func isNameToken(_ text: String) -> Bool {
    !text.isEmpty
      && text.unicodeScalars.allSatisfy { scalar in
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x3A, 0x5F, 0xB7: true
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x37D, 0x37F...0x1FFF, 0x200C...0x200D, 0x203F...0x2040: true
        case 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD: true
        case 0x10000...0xEFFFF: true
        default: false
        }
      }
  }

  /// Whether XML 1.0 can hold the character at all (tab, line feed and carriage return are
  /// the only controls below U+0020 it allows; U+FFFE and U+FFFF are excluded).
  static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: true
    case 0x00...0x1F, 0xFFFE, 0xFFFF: false
    default: true
    }
  }

  /// Whether a text needs `xml:space="preserve"`: tools may otherwise collapse its white space.
  static func needsPreserve(_ text: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    if scalars.first == " " || scalars.last == " " { return true }
    for (index, scalar) in scalars.enumerated() {
      if scalar == "\n" || scalar == "\t" || scalar == "\r" { return true }
      if scalar == " " && index + 1 < scalars.count && scalars[index + 1] == " " { return true }
    }
    return false
  }
}

extension XLIFF {
  /// Writes one catalog as an XLIFF 2.0 file.
  /// - Throws: see `write(_:)` for several documents.
  public static func write(_ document: InterchangeDocument) throws -> String { try write([document]) }

  /// Writes catalogs of one language pair as one XLIFF 2.0 file, one `<file>` each. The same
  /// documents always give the same bytes.
  ///
  /// A character XML cannot hold (a control other than tab, line feed and carriage return)
  /// is written in `<source>` and `<target>` as XLIFF's `<cp hex="0007"/>`; a carriage
  /// return as `&#13;`, so that XML does not turn it into a line feed.
  /// - Throws: `DiagnosticError` with `interchange-unrepresentable` when the documents are
  ///   none or of different language pairs, a document has no units (XLIFF needs one), a
  ///   catalog name or key is not an XML name token (letters, digits, `.`, `-`, `_`, `:`), a
  ///   catalog name or key appears twice, or a note, comment or location holds a character
  ///   XML cannot hold.
  public static func write(_ documents: [InterchangeDocument]) throws -> String {
    guard let first = documents.first else { throw unrepresentable("there is no catalog to write") }
    for locale in [first.sourceLocale, first.targetLocale]
    where locale.isEmpty || !locale.unicodeScalars.allSatisfy({ isXMLCharacter($0) && $0 != "\n" }) {
      throw unrepresentable("'\(locale)' cannot be an XLIFF language")
    }
    var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    output += "<xliff xmlns=\"\(namespace)\" version=\"2.0\" srcLang=\"\(attribute(first.sourceLocale))\""
    output += " trgLang=\"\(attribute(first.targetLocale))\">\n"
    var catalogs: Set<String> = []
    for document in documents {
      guard document.sourceLocale == first.sourceLocale, document.targetLocale == first.targetLocale else {
        throw unrepresentable(
          "one XLIFF file holds one language pair: '\(document.catalog)' is \(document.sourceLocale) to \(document.targetLocale), '\(first.catalog)' \(first.sourceLocale) to \(first.targetLocale)"
        )
      }
      guard isNameToken(document.catalog) else {
        throw unrepresentable(
          "the catalog name '\(document.catalog)' cannot be an XLIFF file id (letters, digits, '.', '-', '_' and ':' only)"
        )
      }
      guard catalogs.insert(document.catalog).inserted else {
        throw unrepresentable("the catalog '\(document.catalog)' is given twice")
      }
      guard !document.units.isEmpty else {
        throw unrepresentable("the catalog '\(document.catalog)' has no messages; an XLIFF file needs at least one")
      }
      // No resegmenting: the ICU text of a unit is one message and must stay one segment.
      output += "  <file id=\"\(attribute(document.catalog))\" canResegment=\"no\">\n"
      var keys: Set<String> = []
      for unit in document.units {
        guard isNameToken(unit.key) else {
          throw unrepresentable(
            "the key '\(unit.key)' cannot be an XLIFF unit id (letters, digits, '.', '-', '_' and ':' only)")
        }
        guard keys.insert(unit.key).inserted else {
          throw unrepresentable("the key '\(unit.key)' appears twice in '\(document.catalog)'")
        }
        output += try self.unit(unit)
      }
      output += "  </file>\n"
    }
    output += "</xliff>\n"
    return output
  }

  private static func unit(_ unit: InterchangeUnit) throws -> String {
    if let base = unit.base, !InterchangeUnit.isDigest(base) {
      throw unrepresentable("the base of '\(unit.key)' is not 16 hexadecimal digits")
    }
    var output = "    <unit id=\"\(attribute(unit.key))\">\n"
    let notes: [(String?, String?)] = [
      (Category.description, unit.note), (Category.previousNote, unit.previousNote), (Category.location, unit.location),
      (Category.previousSource, unit.previousSource), (Category.base, unit.base), (nil, unit.comment),
    ]
    if notes.contains(where: { $0.1 != nil }) {
      output += "      <notes>\n"
      for case (let category, let text?) in notes {
        if let bad = text.unicodeScalars.first(where: { !isXMLCharacter($0) }) {
          let field = category.map { "'\($0)' note" } ?? "comment"
          throw unrepresentable(
            "the \(field) of '\(unit.key)' contains U+\(hex(bad)), which XML cannot hold outside <source> and <target>")
        }
        output += "        <note"
        if let category { output += " category=\"\(category)\"" }
        if needsPreserve(text) { output += " xml:space=\"preserve\"" }
        output += ">\(content(text))</note>\n"
      }
      output += "      </notes>\n"
    }
    let fingerprint = Fingerprint.of(key: unit.key, source: unit.source, target: unit.target)
    let (state, subState): (String, String?) =
      switch unit.state {
      case .new: ("initial", nil)
      case .needsReview: ("initial", needsReview)
      case .translated: ("translated", nil)
      case .reviewed: ("reviewed", reviewedPrefix + fingerprint)
      }
    output += "      <segment state=\"\(state)\"\(subState.map { " subState=\"\($0)\"" } ?? "")>\n"
    output += "        \(element("source", unit.source))\n"
    // An initial segment without text has no target: tools read an empty one as translated.
    if !(state == "initial" && unit.target.isEmpty) {
      output += "        \(element("target", unit.target))\n"
    }
    output += "      </segment>\n"
    output += "    </unit>\n"
    return output
  }

  /// `<name>text</name>`, with `xml:space` when needed and `<cp/>` for what XML cannot hold.
  private static func element(_ name: String, _ text: String) -> String {
    var output = "<\(name)\(needsPreserve(text) ? " xml:space=\"preserve\"" : "")>"
    for scalar in text.unicodeScalars {
      if isXMLCharacter(scalar) {
        output += content(String(scalar))
      } else {
        output += "<cp hex=\"\(hex(scalar))\"/>"
      }
    }
    return output + "</\(name)>"
  }

  /// Text content: markup characters escaped, and a carriage return as a character reference
  /// (XML reads a literal one as a line feed).
  private static func content(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\r": escaped += "&#13;"
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }

  /// An attribute value in double quotes; white space as references, which attribute
  /// normalization would otherwise turn into spaces.
  private static func attribute(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case "\"": escaped += "&quot;"
      case "\t": escaped += "&#9;"
      case "\n": escaped += "&#10;"
      case "\r": escaped += "&#13;"
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }

  static func hex(_ scalar: Unicode.Scalar) -> String {
    let digits = String(scalar.value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  private static func unrepresentable(_ message: String) -> DiagnosticError {
    DiagnosticError(Diagnostic(code: InterchangeCode.unrepresentable, at: nil, message))
  }
}
