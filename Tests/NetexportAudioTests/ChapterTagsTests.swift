import Foundation
import NetexportICU
import NetexportModel
import Testing

@testable import NetexportAudio

/// The chapter marks and tags, in the exact forms `opusenc` and ffmpeg read.
struct ChapterTagsTests {
  let tags = ChapterTags(
    marks: [
      .init(title: "Overview", start: 0, end: 11_723),
      .init(title: "Causes = risk; #1 \\ more", start: 11_723, end: 3_723_500),
    ],
    title: "Tumores neuroendocrinos", publisher: "Mayo Clinic", date: "2023-06-23", locale: LanguageTag("es")!)

  @Test(arguments: [(0, "00:00:00.000"), (11_029, "00:00:11.029"), (3_723_500, "01:02:03.500")])
  func oggChapterTimesAreHoursMinutesSecondsAndMilliseconds(milliseconds: Int, clock: String) {
    #expect(ChapterTags.clock(milliseconds: milliseconds) == clock)
  }

  @Test func opusCommentsCarryTheTagsAndNumberedChapters() {
    #expect(
      tags.opusComments == [
        "--comment", "TITLE=Tumores neuroendocrinos", "--comment", "ARTIST=Mayo Clinic", "--comment", "DATE=2023-06-23",
        "--comment", "LANGUAGE=es", "--comment", "CHAPTER001=00:00:00.000", "--comment", "CHAPTER001NAME=Overview",
        "--comment", "CHAPTER002=00:00:11.723", "--comment", "CHAPTER002NAME=Causes = risk; #1 \\ more",
      ])
  }

  @Test func ffmetadataEscapesWhatFFmpegTreatsSpeciallyAndUsesISO639_2() {
    #expect(
      tags.ffmetadata == """
        ;FFMETADATA1
        title=Tumores neuroendocrinos
        artist=Mayo Clinic
        publisher=Mayo Clinic
        date=2023-06-23
        language=spa

        [CHAPTER]
        TIMEBASE=1/1000
        START=0
        END=11723
        title=Overview

        [CHAPTER]
        TIMEBASE=1/1000
        START=11723
        END=3723500
        title=Causes \\= risk\\; \\#1 \\\\ more

        """)
    #expect(ChapterTags.escape("a\nb") == "a\\\nb")
  }

  @Test func samplesBecomeMillisecondsRoundedOnce() {
    #expect(AudioRenderer.milliseconds(258_500, rate: 22_050) == 11_723)  // 11 723.35…
    #expect(AudioRenderer.milliseconds(11, rate: 22_050) == 0)  // 0.499 ms
    #expect(AudioRenderer.milliseconds(12, rate: 22_050) == 1)  // 0.544 ms
  }

  @Test func titlesAreOneLine() {
    #expect(AudioRenderer.oneLine("  Síntomas\n y\tcausas ") == "Síntomas y causas")
  }
}

/// The WAV reader and joiner: exact lengths from headers, and nothing guessed.
struct WAVAudioTests {
  @Test func readsTheFormatAndSkipsOtherChunksWithTheirPadding() throws {
    // A LIST chunk of odd length (3 bytes, padded to 4) between "fmt " and "data".
    var bytes = WAVBytes.header(dataSize: 6)
    let data = Array(bytes[36...])
    bytes = Array(bytes[..<36]) + Array("LIST".utf8) + [3, 0, 0, 0, 65, 66, 67, 0] + data + [1, 0, 2, 0, 3, 0]
    let wav = try WAVAudio(parsing: Data(bytes))
    #expect(wav.format == WAVAudio.Format(channels: 1, sampleRate: 22_050, bitsPerSample: 16, blockAlign: 2))
    #expect(wav.frameCount == 3)
    #expect(Array(wav.file[wav.samples]) == [1, 0, 2, 0, 3, 0])
  }

  @Test func refusesWhatItCannotMeasureExactly() {
    #expect(throws: WAVAudio.ParseError.notWAV) { try WAVAudio(parsing: Data("RIFF0000AVI ".utf8)) }
    // espeak-ng writing to a pipe leaves the sizes as placeholders.
    #expect(throws: WAVAudio.ParseError.truncated(declared: 0x7FFF_FFFF, present: 2)) {
      try WAVAudio(parsing: Data(WAVBytes.header(dataSize: 0x7FFF_FFFF) + [0, 0]))
    }
    var float = WAVBytes.header(dataSize: 0)
    float[20] = 3
    #expect(throws: WAVAudio.ParseError.unsupportedEncoding(3)) { try WAVAudio(parsing: Data(float)) }
    #expect(throws: WAVAudio.ParseError.missingChunk("data")) {
      try WAVAudio(parsing: Data(WAVBytes.header(dataSize: 0).prefix(36)))
    }
  }

  @Test func joinsPartsIntoOneFileWithTheSummedSize() throws {
    let first = try WAVAudio(parsing: Data(WAVBytes.header(dataSize: 4) + [1, 0, 2, 0]))
    let second = try WAVAudio(parsing: Data(WAVBytes.header(dataSize: 2) + [3, 0]))
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("netexport-\(UUID().uuidString).wav")
    defer { try? FileManager.default.removeItem(at: url) }
    try WAVAudio.concatenate([first, second], to: url)
    #expect(try Data(contentsOf: url) == Data(WAVBytes.header(dataSize: 6) + [1, 0, 2, 0, 3, 0]))
  }
}

/// A chapter's title is shown as the handout prints it, on one line.
struct ChapterTitleTests {
  /// French puts a no-break space before "?" and ":"; a player must not break the line there.
  @Test func keepsNoBreakSpacesAndJoinsLines() {
    for title in [
      "Vous vivez avec une tumeur neuroendocrine\u{A0}?", "Symptômes\u{202F}: quand consulter", "1\u{2007}000 cas",
    ] {
      #expect(AudioRenderer.oneLine(title) == title)
    }
    #expect(AudioRenderer.oneLine(" Causes\n and \t risks\u{2028}factors ") == "Causes and risks factors")
  }

  @Test func refusesATitleOfSpacesAlone() throws {
    var document = Samples.english
    document.chapters[0].title = " \u{A0}\u{202F} "
    let error = try #require(throws: DiagnosticError.self) { try AudioRenderer.checked(document, display: "x.opus") }
    #expect(error.diagnostics.first?.message == "chapter 1 has no title")
  }
}
