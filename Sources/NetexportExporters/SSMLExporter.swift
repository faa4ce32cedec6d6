import Foundation
import NetexportICU
import NetexportModel
public import NetexportResolution

/// The spoken script as SSML 1.1 for speech engines: `speak` with the locale's `xml:lang`,
/// a `p` per paragraph and an `s` per sentence, `break` for pauses, `sub` for abbreviations
/// with a pronunciation and `say-as characters` for those spelled letter by letter. A passage
/// kept in another language is a `lang` with its `xml:lang`, or, when it is the whole
/// sentence, the `s`'s own `xml:lang`.
///
/// Written for what engines really do (espeak-ng 1.51 was checked): `xml:lang` is on every
/// `p` and `s`, since some engines do not switch back at a closing tag; no full stop follows
/// a closing tag directly, since it is then read as "dot"; numbers and dates are words
/// already, since `say-as` dates and numbers are widely ignored. Every catalog string is
/// escaped (`XMLText`), and controls and noncharacters are replaced by U+FFFD.
public struct SSMLExporter: TextExporter, SpokenScriptExporter {
  public init() {}

  public var spoken: Bool { true }

  public func export(_ document: ResolvedDocument) throws -> String {
    try export(document, script: try SpokenScript(document))
  }

  public func render(_ document: ResolvedDocument, script: SpokenScript) throws -> ExportContents {
    .text(try export(document, script: script))
  }

  /// The export of `script`, which `SpokenScript(document)` built.
  func export(_ document: ResolvedDocument, script: SpokenScript) throws -> String {
    Self.speak(script.blocks, locale: document.locale)
  }

  /// Each chapter of the spoken script (the introduction, then each part) as an SSML
  /// document of its own, as `export` writes the whole: what an audio file's chapters are
  /// spoken from. A chapter keeps the pause at its end, so that the parts of an audio file
  /// are set apart as in the whole document, and a listener who skips to a chapter hears it
  /// start at once.
  ///
  /// - Throws: `DiagnosticError` when a label the script needs does not format, `ICUError`
  ///   when ICU fails.
  public func chapters(_ document: ResolvedDocument) throws -> [(kind: SpokenScript.Chapter.Kind, ssml: String)] {
    try SpokenScript(document).chapters.map {
      ($0.kind, Self.speak($0.blocks, locale: document.locale, endingWithPause: true))
    }
  }

  /// A complete `speak` document saying `blocks`; a pause at the end is dropped unless
  /// `endingWithPause`.
  static func speak(_ blocks: [SpokenScript.Block], locale: LanguageTag, endingWithPause: Bool = false) -> String {
    let lang = XMLText.escape(locale.canonical)
    var out = [
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<speak version=\"1.1\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"\(lang)\">",
    ]
    for block in blocks {
      switch block {
      case .pause:
        if out.last != Self.pause { out.append(Self.pause) }
      case .paragraph(let sentences):
        let languages = Set(sentences.map { $0.language?.canonical ?? locale.canonical })
        let paragraphLang = languages.count == 1 ? XMLText.escape(languages.first!) : lang
        out.append("  <p xml:lang=\"\(paragraphLang)\">")
        for sentence in sentences {
          let sentenceLang = XMLText.escape(sentence.language?.canonical ?? locale.canonical)
          out.append("    <s xml:lang=\"\(sentenceLang)\">\(Self.markUp(sentence))</s>")
        }
        out.append("  </p>")
      }
    }
    if !endingWithPause { while out.last == Self.pause { out.removeLast() } }
    out.append("</speak>")
    return out.joined(separator: "\n") + "\n"
  }

  /// The pause between parts. espeak-ng 1.51 makes a break after a sentence the whole pause
  /// (0.80 s of silence after the last word, where a sentence alone ends with 0.53 s), not an
  /// addition to the sentence's own: measured, and kept so in the audio files by
  /// `ChapterPauseTests`.
  static let pause = "  <break time=\"800ms\"/>"

  static func characters(_ text: String) -> String {
    "<say-as interpret-as=\"characters\">\(XMLText.escape(text, quotes: false))</say-as>"
  }

  /// An abbreviation said letter by letter: each run of capital letters spelled, the rest
  /// (a number in words: "MEN one") said as written.
  static func spelled(_ written: String) -> String {
    var markup = ""
    var run = ""
    var rest = ""
    for character in written {
      if character.isUppercase {
        if !rest.isEmpty { markup += XMLText.escape(rest, quotes: false) }
        rest = ""
        run.append(character)
      } else {
        if !run.isEmpty { markup += characters(run) }
        run = ""
        rest.append(character)
      }
    }
    if !run.isEmpty { markup += characters(run) }
    if !rest.isEmpty { markup += XMLText.escape(rest, quotes: false) }
    return markup
  }

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
        markup += XMLText.escape(text, quotes: false)
        previousWasElement = false
      case .passage(let language):
        // SSML 1.1's element for a passage in another language. espeak-ng 1.51 reads it with
        // the sentence's voice (it switches voices only for xml:lang on p, s and the SSML 1.0
        // voice); engines that know it (Azure, Google, Polly) change the language.
        markup += "<lang xml:lang=\"\(XMLText.escape(language.canonical))\">"
        previousWasElement = false
      case .passageEnd:
        markup += "</lang>"
        previousWasElement = true
      case .abbreviation(let written, let spoken):
        switch spoken {
        case .form(let words):
          markup += "<sub alias=\"\(XMLText.escape(words))\">\(XMLText.escape(written, quotes: false))</sub>"
        case .letters:
          markup += spelled(written)
        case .asWritten:
          markup +=
            written.allSatisfy({ $0.isUppercase || $0 == " " })
            ? characters(written) : XMLText.escape(written, quotes: false)
        }
        // Whatever ends the markup: a full stop right after it would be read aloud.
        previousWasElement = markup.hasSuffix(">")
      }
    }
    return markup.trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
