import NetexportICU
public import NetexportValidation

/// The spoken script as SSML 1.1 for speech engines: `speak` with the locale's `xml:lang`,
/// a `p` per paragraph and an `s` per sentence, `break` for pauses, `sub` for abbreviations
/// with a pronunciation and `say-as characters` for those spelled letter by letter.
///
/// Written for what engines really do (espeak-ng 1.51 was checked): `xml:lang` is on every
/// `p` and `s`, since some engines do not switch back at a closing tag; no full stop follows
/// a closing tag directly, since it is then read as "dot"; numbers and dates are words
/// already, since `say-as` dates and numbers are widely ignored. Every catalog string is
/// escaped, and characters XML forbids are dropped.
public struct SSMLExporter: Exporter {
  public init() {}

  public var spoken: Bool { true }

  public func export(_ document: ResolvedDocument) throws -> String {
    let script = try SpokenScript(document)
    let lang = XML.escape(document.locale.canonical, attribute: true)
    var out = [
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<speak version=\"1.1\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"\(lang)\">",
    ]
    for block in script.blocks {
      switch block {
      case .pause:
        if out.last != Self.pause { out.append(Self.pause) }
      case .paragraph(let sentences):
        let languages = Set(sentences.map { $0.language?.canonical ?? document.locale.canonical })
        let paragraphLang = languages.count == 1 ? XML.escape(languages.first!, attribute: true) : lang
        out.append("  <p xml:lang=\"\(paragraphLang)\">")
        for sentence in sentences {
          let sentenceLang = XML.escape(sentence.language?.canonical ?? document.locale.canonical, attribute: true)
          out.append("    <s xml:lang=\"\(sentenceLang)\">\(Self.markUp(sentence))</s>")
        }
        out.append("  </p>")
      }
    }
    while out.last == Self.pause { out.removeLast() }
    out.append("</speak>")
    return out.joined(separator: "\n") + "\n"
  }

  static let pause = "  <break time=\"800ms\"/>"

  /// A sentence's markup. A full stop right after an element is dropped: the end of `s`
  /// already ends the sentence, and engines read a stop after a tag aloud.
  static func markUp(_ sentence: SpokenScript.Sentence) -> String {
    var markup = ""
    var previousWasElement = false
    for part in sentence.parts {
      switch part {
      case .text(var text):
        if previousWasElement, text.hasPrefix("."), text.dropFirst().allSatisfy(\.isWhitespace) {
          text = String(text.dropFirst())
        }
        markup += XML.escape(text)
        previousWasElement = false
      case .abbreviation(let written, let pronunciation):
        if let pronunciation {
          markup += "<sub alias=\"\(XML.escape(pronunciation, attribute: true))\">\(XML.escape(written))</sub>"
        } else if written.allSatisfy({ $0.isUppercase || $0 == " " }) {
          markup += "<say-as interpret-as=\"characters\">\(XML.escape(written))</say-as>"
        } else {
          markup += XML.escape(written)
        }
        previousWasElement = true
      }
    }
    return markup.trimmingSpaces
  }
}

/// Escaping for XML 1.0 text and attribute values.
enum XML {
  /// Escapes markup characters (and quotes in attribute values), and drops characters XML 1.0 does not allow at all (C0
  /// controls other than tab and line breaks, unpaired surrogates cannot occur in Swift
  /// strings, U+FFFE and U+FFFF), so the document is always well-formed.
  static func escape(_ text: String, attribute: Bool = false) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"" where attribute: escaped += "&quot;"
      case "'" where attribute: escaped += "&apos;"
      case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
        escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }
}
