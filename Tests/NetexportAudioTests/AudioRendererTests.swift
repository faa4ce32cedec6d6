import Foundation
import NetexportAudio
import NetexportICU
import NetexportModel
import NetexportTestSupport
import Testing

/// Renders small documents with the real tools and reads the files back with ffprobe.
@Suite(.serialized) struct AudioRendererTests {
  @Test(
    .enabled(if: AudioTools.available(AudioTools.all), AudioTools.installHint),
    arguments: [Samples.english, Samples.spanish], AudioFormat.allCases)
  func rendersOneChapterPerPartAtTheExactStarts(document: AudioDocument, format: AudioFormat) throws {
    let folder = try TemporaryFolder()
    let work = try folder.folder("work")
    let output = try folder.folder("out").appendingPathComponent("document.\(format.fileExtension)")
    let rendered = try AudioRenderer(format: format, temporaryFolder: work).render(document, to: output)
    #expect(try folder.contents(of: work).isEmpty, "the work folder is left behind")
    #expect(try folder.contents(of: output.deletingLastPathComponent()) == [output.lastPathComponent])
    #expect(rendered.notes.isEmpty)

    let decoded = try AudioTools.run(["ffmpeg", "-nostdin", "-v", "error", "-i", output.path, "-f", "null", "-"])
    #expect(decoded.status == 0 && decoded.stderr.isEmpty, "does not decode: \(decoded.stderr)")

    // Each part spoken here on its own and measured by ffprobe, in samples: the chapters
    // must start where the parts before them end.
    var expectedStarts: [Double] = []
    var samples = 0
    var sampleRate = 0
    for (index, chapter) in document.chapters.enumerated() {
      let ssml = folder.url.appendingPathComponent("check\(index).ssml")
      let wav = folder.url.appendingPathComponent("check\(index).wav")
      try Data(chapter.ssml.utf8).write(to: ssml)
      let spoken = try AudioTools.run(["espeak-ng", "-m", "-v", rendered.voice, "-w", wav.path, "-f", ssml.path])
      try #require(spoken.status == 0, "\(spoken.stderr)")
      let stream = try AudioTools.run([
        "ffprobe", "-v", "error", "-show_entries", "stream=duration_ts,sample_rate", "-of", "csv=p=0", wav.path,
      ])
      let fields = stream.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",")
      let rate = try #require(Int(fields.first ?? ""), "\(stream.stdout)")
      let length = try #require(Int(fields.last ?? ""), "\(stream.stdout)")
      sampleRate = rate
      expectedStarts.append(Double(samples) / Double(rate))
      samples += length
    }
    let total = Double(samples) / Double(sampleRate)
    #expect(rendered.sampleCount == samples)

    let probe = try Probe(output)
    #expect(probe.chapters.map(\.title) == document.chapters.map(\.title))
    for (chapter, start) in zip(probe.chapters, expectedStarts) {
      #expect(abs(chapter.start - start) <= 0.002, "'\(chapter.title)' starts at \(chapter.start) s, not \(start) s")
    }
    // MP3 and M4B store where the last chapter ends; Ogg stores starts only, and the last
    // chapter ends where ffprobe estimates the stream ends.
    if format != .opus { #expect(abs((probe.chapters.last?.end ?? 0) - total) <= 0.002) }
    // MP3's length is estimated from whole frames (576 samples at 22 050 Hz) and includes
    // the encoder's delay and padding: about 50 ms more than the samples.
    #expect(abs(probe.duration - total) < 0.1, "\(probe.duration) s of audio, \(total) s spoken")

    let words = Samples.words(document)
    let rate = Double(words) / (probe.duration / 60)
    #expect((70...320).contains(rate), "\(words) words in \(probe.duration) s is \(Int(rate)) words a minute")

    #expect(probe.tags["title"] == document.metadata.title)
    #expect(probe.tags["artist"] == document.metadata.publisher)
    #expect(probe.tags["date"] == document.metadata.date)
    let language = format == .opus ? document.locale.canonical : (document.locale.language == "es" ? "spa" : "eng")
    #expect(probe.tags["language"] == language)

    switch format {
    case .opus:
      #expect(probe.formatName == "ogg")
      // 24 kb/s: about 1 MB for 6 minutes. The tags and Ogg pages add a little.
      let bitsPerSecond = Double(probe.size * 8) / probe.duration
      #expect((16_000...36_000).contains(bitsPerSecond), "\(probe.size) bytes for \(probe.duration) s")
    case .mp3:
      #expect(probe.formatName == "mp3")
      let bytes = try Data(contentsOf: output)
      #expect(bytes.starts(with: Array("ID3".utf8)) && bytes[3] == 4, "no ID3v2.4 tag")
      #expect(bytes.range(of: Data("CTOC".utf8)) != nil, "no ID3v2 table of contents (CTOC)")
    case .m4b:
      #expect(probe.formatName.contains("mp4"))
      #expect(probe.tags["major_brand"] == "M4B ")
    }
  }

  /// Rendered in memory, the file is the same, and nothing is left in the work folder or
  /// written anywhere else.
  @Test(.enabled(if: AudioTools.available([.espeakNG, .opusenc, .ffprobe]), AudioTools.installHint))
  func rendersInMemoryForACallerThatWritesTheFile() throws {
    let folder = try TemporaryFolder()
    let work = try folder.folder("work")
    let (data, rendered) = try AudioRenderer(temporaryFolder: work).render(
      Samples.english, displayPath: "Exports/en/document.opus")
    #expect(try folder.contents(of: work).isEmpty)
    #expect(try folder.contents(of: folder.url) == ["work"])
    let file = folder.url.appendingPathComponent("document.opus")
    try data.write(to: file)
    let probe = try Probe(file)
    #expect(probe.formatName == "ogg")
    #expect(probe.chapters.map(\.title) == Samples.english.chapters.map(\.title))
    #expect(rendered.chapters.map(\.title) == Samples.english.chapters.map(\.title))
    #expect(abs(probe.duration - rendered.duration) < 0.1)
  }

  @Test(.enabled(if: AudioTools.available([.espeakNG, .opusenc, .ffprobe]), AudioTools.installHint))
  func arabicIsRenderedWithANoteThatVowelsAreGuessed() throws {
    let folder = try TemporaryFolder()
    let output = folder.url.appendingPathComponent("ar.opus")
    let document = AudioDocument(
      locale: LanguageTag("ar")!, metadata: AudioMetadata(title: "أورام الغدد الصم العصبية"),
      chapters: [
        AudioChapter(
          title: "نظرة عامة",
          ssml: Samples.ssml(
            "ar", ["الأورام العصبية الصماوية هي سرطانات تبدأ في خلايا متخصصة تسمى الخلايا العصبية الصماوية."]))
      ])
    let rendered = try AudioRenderer(temporaryFolder: try folder.folder("work")).render(document, to: output)
    #expect(rendered.voice == "ar")
    #expect(rendered.notes.count == 1)
    #expect(rendered.notes.first?.hasPrefix("note: ar: the Arabic audio's vowels are guessed") == true)
    #expect(try Probe(output).chapters.map(\.title) == ["نظرة عامة"])
  }

  @Test(.enabled(if: AudioTools.available([.espeakNG]), "needs espeak-ng from Debian"), arguments: AudioFormat.allCases)
  func aFailingEncoderLeavesTheOldFileAndNoPart(format: AudioFormat) throws {
    let folder = try TemporaryFolder()
    let encoder = format == .opus ? "opusenc" : "ffmpeg"
    // The fake encoder writes part of a file to its last argument, then fails.
    let bin = try folder.bin(
      scripts: [
        encoder: """
        for last in "$@"; do :; done
        printf 'half an audio file' > "$last"
        echo "\(encoder): No space left on device" >&2
        exit 1
        """
      ], linking: [.espeakNG])
    let work = try folder.folder("work")
    let out = try folder.folder("out")
    let output = out.appendingPathComponent("document.\(format.fileExtension)")
    try Data("the old file".utf8).write(to: output)
    let renderer = AudioRenderer(format: format, tools: ToolFinder(searchPath: bin.path), temporaryFolder: work)
    let error = try #require(throws: DiagnosticError.self) { try renderer.render(Samples.english, to: output) }
    #expect(error.diagnostics.map(\.code) == ["encode-failed"])
    #expect(error.description.contains("\(encoder): No space left on device"), "\(error)")
    #expect(error.description.contains("exit status 1"))
    #expect(try String(contentsOf: output, encoding: .utf8) == "the old file")
    #expect(try folder.contents(of: out) == [output.lastPathComponent])
    #expect(try folder.contents(of: work).isEmpty)
  }

  @Test(.enabled(if: AudioTools.available([.espeakNG]), "needs espeak-ng from Debian"))
  func theSpanishCatalogIsSpokenWithTheLatinAmericanVoiceEvenWhenTheSSMLSaysEs() throws {
    // The renderer passes `-v es-419`; the SSML says `xml:lang="es"`. espeak-ng keeps the
    // Latin American voice, which says "cinco" with /s/ (seseo), not /θ/.
    guard case .voice(let voice, _) = SpeechVoices.choice(for: LanguageTag("es")!) else {
      Issue.record("es has no voice")
      return
    }
    let folder = try TemporaryFolder()
    let ssml = folder.url.appendingPathComponent("es.ssml")
    try Data(Samples.ssml("es", ["Cinco cerezas."]).utf8).write(to: ssml)
    let phonemes = try AudioTools.run(["espeak-ng", "-q", "-x", "-m", "-v", voice, "-f", ssml.path])
    #expect(phonemes.status == 0)
    #expect(phonemes.stdout.contains("s'inko"), "\(phonemes.stdout)")
    #expect(!phonemes.stdout.contains("T'inko"), "\(phonemes.stdout)")
  }

  @Test(.enabled(if: AudioTools.available([.espeakNG]), "needs espeak-ng from Debian"))
  func everyVoiceInTheTableExists() throws {
    for (key, choice) in SpeechVoices.table {
      guard case .voice(let voice, _) = choice else { continue }
      let spoken = try AudioTools.run(["espeak-ng", "-q", "-v", voice, "."])
      #expect(spoken.status == 0 && spoken.stderr.isEmpty, "\(key): espeak-ng has no voice \(voice): \(spoken.stderr)")
    }
  }
}

/// Failures found before or without the real tools: these always run.
struct AudioRendererRefusalTests {
  @Test(arguments: [
    (AudioFormat.opus, [String](), "espeak-ng and opusenc, which are", "sudo apt-get install espeak-ng opus-tools"),
    (AudioFormat.opus, ["espeak-ng"], "opusenc, which is", "sudo apt-get install opus-tools"),
    (AudioFormat.mp3, ["espeak-ng"], "ffmpeg, which is", "sudo apt-get install ffmpeg"),
    (AudioFormat.m4b, [String](), "espeak-ng and ffmpeg, which are", "sudo apt-get install espeak-ng ffmpeg"),
  ])
  func aMissingProgramSaysWhatToInstallAndWritesNothing(
    format: AudioFormat, present: [String], missing: String, install: String
  ) throws {
    let folder = try TemporaryFolder()
    let bin = try folder.bin(scripts: Dictionary(uniqueKeysWithValues: present.map { ($0, "exit 0") }))
    let work = try folder.folder("work")
    let out = try folder.folder("out")
    let renderer = AudioRenderer(format: format, tools: ToolFinder(searchPath: bin.path), temporaryFolder: work)
    let error = try #require(throws: DiagnosticError.self) {
      try renderer.render(Samples.english, to: out.appendingPathComponent("document.\(format.fileExtension)"))
    }
    #expect(error.diagnostics.map(\.code) == ["missing-tool"])
    #expect(
      error.description
        == "error[missing-tool]: making \(format.displayName) audio needs \(missing) not installed (not found on PATH); install \(missing.hasSuffix("are") ? "them" : "it") with: \(install)"
    )
    #expect(try folder.contents(of: out).isEmpty)
    #expect(try folder.contents(of: work).isEmpty)
  }

  @Test func chineseIsRefusedWithTheReasonAndTheSSMLAlternative() throws {
    let folder = try TemporaryFolder()
    let output = folder.url.appendingPathComponent("zh-Hans.opus")
    let document = AudioDocument(
      locale: LanguageTag("zh-Hans")!, metadata: AudioMetadata(title: "神经内分泌肿瘤"),
      chapters: [AudioChapter(title: "概述", ssml: Samples.ssml("zh-Hans", ["神经内分泌肿瘤是一种癌症。"]))])
    let error = try #require(throws: DiagnosticError.self) {
      try AudioRenderer(tools: ToolFinder(searchPath: "")).render(document, to: output)
    }
    #expect(error.diagnostics.map(\.code) == ["no-usable-voice"])
    #expect(error.diagnostics.first?.locale == "zh-Hans")
    #expect(error.description.hasPrefix("error[no-usable-voice]: not making zh-Hans audio: espeak-ng"))
    #expect(error.description.contains("English pinyin"))
    #expect(error.description.contains("--format ssml"))
    #expect(!FileManager.default.fileExists(atPath: output.path))
  }

  @Test func aPartWhoseWAVHeaderPromisesMoreThanTheFileHoldsIsAnError() throws {
    let folder = try TemporaryFolder()
    // A fake espeak-ng writes a header declaring 1000 bytes of samples, and 4 bytes.
    let header = WAVBytes.header(dataSize: 1000) + [1, 0, 2, 0]
    let octal = header.map { "\\" + String($0, radix: 8) }.joined()
    let bin = try folder.bin(
      scripts: [
        "espeak-ng": """
        while [ "$1" != "-w" ]; do shift; done
        printf '\(octal)' > "$2"
        """,
        "opusenc": "exit 0",
      ])
    let work = try folder.folder("work")
    let output = folder.url.appendingPathComponent("document.opus")
    let renderer = AudioRenderer(tools: ToolFinder(searchPath: bin.path), temporaryFolder: work)
    let error = try #require(throws: DiagnosticError.self) { try renderer.render(Samples.english, to: output) }
    #expect(error.diagnostics.map(\.code) == ["speech-failed"])
    #expect(
      error.description.contains(
        "chapter 1 ('Overview') with the voice en-us: its WAV file cannot be read: its header declares 1000 bytes of samples but the file holds 4"
      ), "\(error)")
    #expect(!FileManager.default.fileExists(atPath: output.path))
    #expect(try folder.contents(of: work).isEmpty)
  }

  @Test func aSpeechEngineKilledBySignalIsReportedSoAndNothingIsWritten() throws {
    let folder = try TemporaryFolder()
    let bin = try folder.bin(scripts: ["espeak-ng": "kill -9 $$", "opusenc": "exit 0"])
    let work = try folder.folder("work")
    let output = folder.url.appendingPathComponent("document.opus")
    let renderer = AudioRenderer(tools: ToolFinder(searchPath: bin.path), temporaryFolder: work)
    let error = try #require(throws: DiagnosticError.self) { try renderer.render(Samples.english, to: output) }
    #expect(error.diagnostics.map(\.code) == ["speech-failed"])
    #expect(
      error.diagnostics.first?.message.hasSuffix("en-us: killed by signal 9: it printed nothing on standard error")
        == true, "\(error)")
    #expect(!FileManager.default.fileExists(atPath: output.path))
    #expect(try folder.contents(of: work).isEmpty)
  }

  @Test(arguments: [
    (
      "<speak xml:lang=\"en\"><s>Unclosed</speak>",
      "not well-formed XML at line 1, column 41 (a closing tag does not match the open element)"
    ),
    (
      "<speak xml:lang=\"en\">\n  <s>A & B</s>\n</speak>",
      "not well-formed XML at line 2, column 9 (a bare '&' or '<' (write &amp; and &lt;))"
    ),
    ("", "it has no elements"),
    ("<?xml version=\"1.0\"?><p>Not speech</p>", "its root element is <p>, not <speak>"),
  ])
  func ssmlThatIsNotASpeakDocumentIsRefusedBeforeAnythingRuns(ssml: String, problem: String) throws {
    let folder = try TemporaryFolder()
    var document = Samples.english
    document.chapters[1].ssml = ssml
    let output = folder.url.appendingPathComponent("document.opus")
    let error = try #require(throws: DiagnosticError.self) {
      try AudioRenderer(tools: ToolFinder(searchPath: "")).render(document, to: output)
    }
    #expect(error.diagnostics.map(\.code) == ["invalid-audio-input"])
    #expect(
      error.description.contains(
        "chapter 2 ('Symptoms; when to see a doctor') is not an SSML document espeak-ng can speak: \(problem)"),
      "\(error)")
  }

  @Test func aDocumentWithoutChaptersOrTitlesIsRefused() throws {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("netexport-\(UUID().uuidString).opus")
    var empty = Samples.english
    empty.chapters = []
    var untitled = Samples.english
    untitled.chapters[2].title = " \n "
    for (document, message) in [
      (empty, "there is nothing to say: the document has no chapters"), (untitled, "chapter 3 has no title"),
    ] {
      let error = try #require(throws: DiagnosticError.self) {
        try AudioRenderer(tools: ToolFinder(searchPath: "")).render(document, to: output)
      }
      #expect(error.diagnostics.map(\.code) == ["invalid-audio-input"])
      #expect(error.diagnostics.first?.message == message)
    }
  }

  @Test func aDestinationThatIsAFolderIsRefusedBeforeSpeaking() throws {
    let folder = try TemporaryFolder()
    // Programs that would leave a mark if they ran.
    let marker = folder.url.appendingPathComponent("ran")
    let bin = try folder.bin(scripts: ["espeak-ng": "touch '\(marker.path)'", "opusenc": "touch '\(marker.path)'"])
    let destination = try folder.folder("document.opus")
    let error = try #require(throws: DiagnosticError.self) {
      try AudioRenderer(tools: ToolFinder(searchPath: bin.path)).render(
        Samples.english, to: destination, displayPath: "Exports/en/document.opus")
    }
    #expect(
      error.description == "Exports/en/document.opus: error[unwritable-output]: cannot write the file: it is a folder")
    #expect(!FileManager.default.fileExists(atPath: marker.path))
  }
}

/// WAV headers for tests, written out field by field.
enum WAVBytes {
  static func header(dataSize: UInt32, rate: UInt32 = 22050, channels: UInt16 = 1, bits: UInt16 = 16) -> [UInt8] {
    func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
    func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    let block = channels * bits / 8
    return Array("RIFF".utf8) + le32(36 + dataSize) + Array("WAVEfmt ".utf8) + le32(16) + le16(1) + le16(channels)
      + le32(rate) + le32(rate * UInt32(block)) + le16(block) + le16(bits) + Array("data".utf8) + le32(dataSize)
  }
}
