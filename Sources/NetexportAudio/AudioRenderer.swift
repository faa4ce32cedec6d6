import Foundation
public import NetexportICU
import NetexportModel

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Speaks a document with espeak-ng and encodes it as one audio file with a chapter per part.
///
/// Each part is spoken on its own (`espeak-ng -m -v <voice> -w partNNN.wav`), so each
/// chapter starts exactly where the samples of the parts before it end: the length of every
/// part is read from its WAV header, never estimated. The parts are joined into one WAV
/// (`WAVAudio`) and encoded: Opus with `opusenc` and chapter comments written here; MP3 and
/// M4B with ffmpeg and an FFMETADATA file.
///
/// All the work happens in a private temporary folder, removed on every path out. The file
/// appears at its destination only when it is complete (written beside it, then renamed), so
/// a failure leaves either the old file or none, never part of one; or it is returned as bytes
/// (`render(_:displayPath:)`) for the caller to write.
///
/// Errors are `DiagnosticError`s with these codes:
/// - `no-usable-voice`: no offline voice speaks the locale usably (`SpeechVoices`);
/// - `missing-tool`: a program is not installed; the message has the `apt-get` line;
/// - `invalid-audio-input`: no chapters, too many, an empty title, or SSML that is not a
///   well-formed `speak` document (espeak-ng would read it aloud anyway);
/// - `speech-failed`: espeak-ng failed or made no sound for a part;
/// - `encode-failed`: the encoder failed or wrote nothing;
/// - `unwritable-output`: the destination cannot be written.
public struct AudioRenderer: Sendable {
  public var format: AudioFormat
  public var tools: ToolFinder
  /// Where the private work folder is made.
  public var temporaryFolder: URL

  /// - Parameters:
  ///   - format: The file format (Opus by default).
  ///   - tools: Where to look for espeak-ng and the encoders (`PATH` by default).
  ///   - temporaryFolder: Where to make the private work folder.
  public init(
    format: AudioFormat = .opus, tools: ToolFinder = ToolFinder(),
    temporaryFolder: URL = FileManager.default.temporaryDirectory
  ) {
    self.format = format
    self.tools = tools
    self.temporaryFolder = temporaryFolder
  }

  /// Renders the document and writes it to `destination`.
  ///
  /// - Parameters:
  ///   - document: The locale, tags and chapters.
  ///   - destination: The file to write; replaced only when the new one is complete.
  ///   - displayPath: How to name the destination in messages (its path by default).
  ///   - createFolders: Whether to create the destination's missing parent folders.
  /// - Returns: The voice, the chapters' places and any notes (Arabic: vowels are guessed).
  /// - Throws: `DiagnosticError` (see the type's documentation for the codes).
  @discardableResult
  public func render(
    _ document: AudioDocument, to destination: URL, displayPath: String? = nil, createFolders: Bool = false
  ) throws -> RenderedAudio {
    let display = displayPath ?? destination.path
    return try rendering(document, display: display) {
      try Self.checkDestination(destination, display: display)
    } deliver: { encoded in
      try Self.install(encoded, at: destination, display: display, createFolders: createFolders)
    }
  }

  /// Renders the document and returns the file's bytes, for a caller that writes files its
  /// own way (netexport's exports: all of a run's files, or none).
  ///
  /// - Parameter displayPath: How to name the file in messages.
  /// - Returns: The encoded file, and the voice, the chapters' places and any notes.
  /// - Throws: `DiagnosticError` (see the type's documentation for the codes).
  public func render(_ document: AudioDocument, displayPath: String) throws -> (data: Data, audio: RenderedAudio) {
    var data = Data()
    let audio = try rendering(document, display: displayPath) {
    } deliver: { encoded in
      do {
        data = try Data(contentsOf: encoded)
      } catch {
        throw DiagnosticError(
          Diagnostic(
            code: .encodeFailed, at: SourceLocation(file: displayPath),
            "cannot read back the encoded file (\(TextFile.reason(error)))", locale: document.locale.canonical))
      }
    }
    return (data, audio)
  }

  /// Checks the input, speaks, encodes in the work folder and hands the encoded file to
  /// `deliver`, then removes the work folder.
  ///
  /// - Parameters:
  ///   - beforeWork: Runs once the input and the tools are checked, before anything is
  ///     spoken (a check of the destination).
  ///   - deliver: Takes the encoded file, in the work folder.
  private func rendering(
    _ document: AudioDocument, display: String, beforeWork: () throws -> Void, deliver: (URL) throws -> Void
  ) throws -> RenderedAudio {
    let locale = document.locale
    let (voice, notes) = try Self.voice(for: locale)
    let titles = try Self.checked(document, display: display)
    let found = try locateTools()
    try beforeWork()

    let work = temporaryFolder.appendingPathComponent("netexport-audio-\(UUID().uuidString)")
    do {
      try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    } catch {
      throw DiagnosticError(
        Diagnostic(
          code: .unwritableOutput, at: SourceLocation(file: work.path),
          "cannot make a temporary folder for the audio (\(TextFile.reason(error)))"))
    }
    defer { try? FileManager.default.removeItem(at: work) }

    let parts = try speak(
      document, voice: voice, espeak: found[ExternalTool.espeakNG.command]!, work: work, display: display)
    let sampleRate = Int(parts[0].format.sampleRate)
    var marks: [ChapterTags.Mark] = []
    var samplesBefore = 0
    for (title, part) in zip(titles, parts) {
      let start = Self.milliseconds(samplesBefore, rate: sampleRate)
      samplesBefore += part.frameCount
      marks.append(
        ChapterTags.Mark(title: title, start: start, end: Self.milliseconds(samplesBefore, rate: sampleRate)))
    }
    let joined = work.appendingPathComponent("document.wav")
    do {
      try WAVAudio.concatenate(parts, to: joined)
    } catch {
      throw DiagnosticError(
        Diagnostic(
          code: .unwritableOutput, at: SourceLocation(file: joined.path),
          "cannot join the spoken parts (\(TextFile.reason(error)))"))
    }
    let tags = ChapterTags(
      marks: marks, title: Self.oneLine(document.metadata.title),
      publisher: Self.nonEmpty(document.metadata.publisher), date: Self.nonEmpty(document.metadata.date),
      locale: locale)
    let encoded = try encode(joined, tags: tags, tools: found, work: work, display: display)
    try deliver(encoded)
    return RenderedAudio(
      voice: voice, chapters: marks.map { RenderedAudio.Chapter(title: $0.title, start: $0.start, end: $0.end) },
      sampleCount: samplesBefore, sampleRate: sampleRate, notes: notes)
  }

  /// The espeak-ng voice that speaks a locale, and what to tell about it (`note: ar: …`).
  ///
  /// - Throws: `DiagnosticError` with code `no-usable-voice` when no offline voice speaks
  ///   the locale usably (`SpeechVoices`), saying why and what to export instead.
  public static func voice(for locale: LanguageTag) throws -> (voice: String, notes: [String]) {
    switch SpeechVoices.choice(for: locale) {
    case .refused(let reason):
      throw DiagnosticError(
        Diagnostic(
          code: .noUsableVoice, at: nil, "not making \(locale) audio: \(reason)", locale: locale.canonical))
    case .voice(let name, let note):
      return (name, note.map { ["note: \(locale): \($0)"] } ?? [])
    }
  }

  /// Finds the programs the format needs, before any work: a caller rendering many files
  /// checks once.
  ///
  /// - Returns: Each program's location, by command name.
  /// - Throws: `DiagnosticError` with code `missing-tool`, naming every missing program and
  ///   the `apt-get` line that installs them.
  @discardableResult
  public func locateTools() throws -> [String: URL] {
    try tools.locate(format.tools, for: "making \(format.displayName) audio")
  }

  /// Speaks every chapter into its own WAV file and reads back its exact length.
  private func speak(
    _ document: AudioDocument, voice: String, espeak: URL, work: URL, display: String
  ) throws -> [WAVAudio] {
    var parts: [WAVAudio] = []
    for (index, chapter) in document.chapters.enumerated() {
      let name = "part\(index + 1)"
      let ssml = work.appendingPathComponent("\(name).ssml")
      let wav = work.appendingPathComponent("\(name).wav")
      func failure(_ why: String) -> DiagnosticError {
        DiagnosticError(
          Diagnostic(
            code: .speechFailed, at: SourceLocation(file: display),
            "espeak-ng could not speak chapter \(index + 1) ('\(Self.oneLine(chapter.title))') with the voice \(voice): \(why)",
            locale: document.locale.canonical))
      }
      do {
        try Data(chapter.ssml.utf8).write(to: ssml)
      } catch {
        throw failure("cannot write its SSML to the work folder (\(TextFile.reason(error)))")
      }
      let run: ToolRun
      do {
        run = try ToolRun.run(espeak, ["-m", "-v", voice, "-w", wav.path, "-f", ssml.path], workFolder: work)
      } catch {
        throw failure("it could not be started (\(TextFile.reason(error)))")
      }
      guard run.succeeded else { throw failure("\(run.ending): \(run.stderrTail)") }
      let part: WAVAudio
      do {
        part = try WAVAudio(contentsOf: wav)
      } catch let error as WAVAudio.ParseError {
        throw failure("its WAV file cannot be read: \(error)")
      } catch {
        throw failure("it wrote no WAV file (\(TextFile.reason(error)))")
      }
      guard part.frameCount > 0 else { throw failure("it made no sound") }
      if let first = parts.first, first.format != part.format {
        throw failure(
          "its samples (\(part.format.sampleRate) Hz, \(part.format.channels) channels, \(part.format.bitsPerSample) bits) differ from chapter 1's (\(first.format.sampleRate) Hz, \(first.format.channels), \(first.format.bitsPerSample)), so they cannot be joined"
        )
      }
      parts.append(part)
      let total = parts.reduce(0) { $0 + $1.samples.count }
      guard total <= WAVAudio.maximumDataSize else { throw failure("the audio is longer than a WAV file can hold") }
    }
    return parts
  }

  /// Encodes the joined WAV into the work folder, returning the encoded file.
  private func encode(
    _ wav: URL, tags: ChapterTags, tools found: [String: URL], work: URL, display: String
  ) throws -> URL {
    let output = work.appendingPathComponent("document.\(format.fileExtension)")
    let tool: ExternalTool
    let arguments: [String]
    switch format {
    case .opus:
      tool = .opusenc
      // 24 kb/s is plenty for speech (about 1 MB for 6 minutes); `--speech` says what it is
      // rather than letting the encoder guess.
      arguments = ["--quiet", "--bitrate", "24", "--speech"] + tags.opusComments + [wav.path, output.path]
    case .mp3, .m4b:
      tool = .ffmpeg
      let metadata = work.appendingPathComponent("chapters.ffmetadata")
      do {
        try Data(tags.ffmetadata.utf8).write(to: metadata)
      } catch {
        throw DiagnosticError(
          Diagnostic(
            code: .unwritableOutput, at: SourceLocation(file: metadata.path),
            "cannot write the chapter list (\(TextFile.reason(error)))"))
      }
      let common = [
        "-nostdin", "-hide_banner", "-loglevel", "error", "-i", wav.path, "-f", "ffmetadata", "-i", metadata.path,
        "-map", "0:a", "-map_metadata", "1", "-map_chapters", "1",
      ]
      if format == .mp3 {
        arguments = common + ["-c:a", "libmp3lame", "-q:a", "7", "-id3v2_version", "4", "-f", "mp3", output.path]
      } else {
        // MP4 keeps the language on the track, not in the file's tags.
        let language = tags.iso639_2.map { ["-metadata:s:a:0", "language=\($0)"] } ?? []
        arguments =
          common + language + [
            "-c:a", "aac", "-b:a", "48k", "-brand", "M4B ", "-movflags", "+faststart", "-f", "ipod", output.path,
          ]
      }
    }
    func failure(_ why: String) -> DiagnosticError {
      DiagnosticError(
        Diagnostic(
          code: .encodeFailed, at: SourceLocation(file: display),
          "\(tool.command) could not encode the \(format.displayName) audio: \(why)", locale: tags.locale.canonical))
    }
    let run: ToolRun
    do {
      run = try ToolRun.run(found[tool.command]!, arguments, workFolder: work)
    } catch {
      throw failure("it could not be started (\(TextFile.reason(error)))")
    }
    guard run.succeeded else { throw failure("\(run.ending): \(run.stderrTail)") }
    let size = (try? FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int) ?? 0
    guard size > 0 else { throw failure("it wrote no file") }
    return output
  }

  /// Checks what a caller passes in, before anything runs; returns the chapter titles on one
  /// line each.
  static func checked(_ document: AudioDocument, display: String) throws -> [String] {
    func invalid(_ why: String) -> DiagnosticError {
      DiagnosticError(
        Diagnostic(
          code: .invalidAudioInput, at: SourceLocation(file: display), why, locale: document.locale.canonical))
    }
    guard !document.chapters.isEmpty else { throw invalid("there is nothing to say: the document has no chapters") }
    guard document.chapters.count <= ChapterTags.maximumChapters else {
      throw invalid(
        "the document has \(document.chapters.count) chapters; an audio file holds at most \(ChapterTags.maximumChapters)"
      )
    }
    guard !isBlank(document.metadata.title) else { throw invalid("the document has no title") }
    var titles: [String] = []
    for (index, chapter) in document.chapters.enumerated() {
      let title = oneLine(chapter.title)
      guard !isBlank(title) else { throw invalid("chapter \(index + 1) has no title") }
      if let problem = SSMLCheck.problem(in: chapter.ssml) {
        throw invalid("chapter \(index + 1) ('\(title)') is not an SSML document espeak-ng can speak: \(problem)")
      }
      titles.append(title)
    }
    return titles
  }

  /// Fails early when the destination cannot be a file.
  static func checkDestination(_ destination: URL, display: String) throws {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: destination.path, isDirectory: &isFolder), isFolder.boolValue {
      throw DiagnosticError(
        Diagnostic(
          code: .unwritableOutput, at: SourceLocation(file: display), "cannot write the file: it is a folder"))
    }
  }

  /// Puts the finished file in place: Foundation writes it beside the destination under
  /// another name, then renames it, so readers see the old file or the new one.
  static func install(_ encoded: URL, at destination: URL, display: String, createFolders: Bool) throws {
    do {
      let data = try Data(contentsOf: encoded)
      if createFolders {
        try FileManager.default.createDirectory(
          at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
      }
      try data.write(to: destination, options: .atomic)
    } catch {
      throw DiagnosticError(
        Diagnostic(
          code: .unwritableOutput, at: SourceLocation(file: display),
          "cannot write the file (\(TextFile.reason(error)))"))
    }
  }

  /// Samples to milliseconds, rounded to the nearest.
  static func milliseconds(_ samples: Int, rate: Int) -> Int { (samples * 1000 + rate / 2) / rate }

  /// An optional tag on one line, or `nil` when it is empty.
  static func nonEmpty(_ text: String?) -> String? {
    text.map(oneLine).flatMap { isBlank($0) ? nil : $0 }
  }

  /// A title or tag on one line: runs of white space (line breaks included) become one space.
  /// No-break spaces stay: they are part of the title as the handout prints it (French puts
  /// one before "?" and ":"), and keep a player from breaking the line there.
  static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace && !noBreakSpaces.contains($0) }).joined(separator: " ")
  }

  /// NO-BREAK SPACE, FIGURE SPACE and NARROW NO-BREAK SPACE.
  static let noBreakSpaces: Set<Character> = ["\u{00A0}", "\u{2007}", "\u{202F}"]

  /// Whether a title says nothing: it is empty or white space alone, no-break spaces included.
  static func isBlank(_ text: String) -> Bool { text.allSatisfy(\.isWhitespace) }
}

/// Checks that SSML is a well-formed XML document whose root is `speak`: espeak-ng reads
/// malformed SSML aloud, tags and all, and still exits with status 0.
enum SSMLCheck {
  /// What is wrong, with the line and column libxml2 reports, or `nil`.
  static func problem(in ssml: String) -> String? {
    let parser = XMLParser(data: Data(ssml.utf8))
    let recorder = Recorder()
    parser.delegate = recorder
    // Foundation on Linux returns true for a document that ends with elements still open,
    // but reports the error: both are checked. The position is taken when the error is
    // reported; afterwards the parser points at the end of the input.
    let parsed = parser.parse()
    if let error = recorder.error {
      return "not well-formed XML at line \(error.line), column \(error.column) (\(reason(error.code)))"
    }
    if !parsed || parser.parserError != nil {
      return "not well-formed XML (\(reason((parser.parserError as? NSError)?.code ?? 0)))"
    }
    guard let root = recorder.root else { return "it has no elements" }
    guard root == "speak" else { return "its root element is <\(root)>, not <speak>" }
    return nil
  }

  /// Words for the parser's commonest errors (its messages are empty on Linux). The codes
  /// are libxml2's, which NSXMLParser's documented codes follow; swift-corelibs-foundation's
  /// `XMLParser.ErrorCode` numbers its cases differently, so the numbers are matched here.
  static func reason(_ code: Int) -> String {
    switch code {
    case 4: "it is empty or not XML"
    case 5: "its elements are not all closed, or something follows the end of the document"
    case 23: "an entity reference has no closing ';'"
    case 26: "an entity that XML does not know (SSML has only &amp; &lt; &gt; &quot; &apos;)"
    case 68: "a bare '&' or '<' (write &amp; and &lt;)"
    case 76: "a closing tag does not match the open element"
    default: "libxml2 error \(code)"
    }
  }

  private final class Recorder: NSObject, XMLParserDelegate {
    var root: String?
    var error: (line: Int, column: Int, code: Int)?

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      if root == nil { root = elementName }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
      if error == nil { error = (parser.lineNumber, parser.columnNumber, (parseError as NSError).code) }
    }
  }
}
