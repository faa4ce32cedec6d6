import Foundation
import NetexportAudio
import NetexportICU
import NetexportTestSupport
import Testing

/// The pause between chapters, measured in the encoded files (issue 15, "listening"): each
/// chapter's SSML ends with `<break time="800ms"/>`, as `SSMLExporter.chapters` writes it, and
/// a listener must hear that pause before the next chapter, with the chapter's mark in it, not
/// in the words on either side.
///
/// espeak-ng 1.51 ends a sentence with about 0.53 s of silence; a break after it makes the
/// whole pause the break's length (0.80 s for 800 ms), not the sum of the two. Measured here
/// with ffmpeg's `silencedetect` (below -50 dB), after encoding, since the encoders smear the
/// edges by a few milliseconds.
@Suite(.serialized) struct ChapterPauseTests {
  /// A chapter as `SSMLExporter.chapters` writes it: its sentences, then the pause.
  static func chapter(_ title: String, _ sentences: [String]) -> AudioChapter {
    let spoken = Samples.ssml("es", sentences)
    let ending = "</speak>\n"
    return AudioChapter(
      title: title, ssml: String(spoken.dropLast(ending.count)) + "  <break time=\"800ms\"/>\n" + ending)
  }

  static let pair = AudioDocument(
    locale: LanguageTag("es")!, metadata: AudioMetadata(title: "Tumores neuroendocrinos"),
    chapters: [
      chapter("Síntomas", ["Los tumores neuroendocrinos no siempre causan síntomas al principio."]),
      chapter("Causas", ["No está claro qué causa los tumores neuroendocrinos."]),
    ])

  /// The stretches below -50 dB lasting 50 ms or more, in seconds.
  static func silences(in file: URL) throws -> [ClosedRange<Double>] {
    let run = try AudioTools.run([
      "ffmpeg", "-nostdin", "-hide_banner", "-nostats", "-i", file.path, "-af", "silencedetect=noise=-50dB:d=0.05",
      "-f", "null", "-",
    ])
    try #require(run.status == 0, "\(run.stderr)")
    var starts: [Double] = []
    var ranges: [ClosedRange<Double>] = []
    for line in run.stderr.split(separator: "\n") {
      if let start = line.firstRange(of: "silence_start: ") {
        starts.append(Double(line[start.upperBound...].prefix { !$0.isWhitespace }) ?? .nan)
      } else if let end = line.firstRange(of: "silence_end: "), let start = starts.popLast() {
        ranges.append(start...(Double(line[end.upperBound...].prefix { !$0.isWhitespace }) ?? .nan))
      }
    }
    return ranges
  }

  @Test(
    .enabled(if: AudioTools.available(AudioTools.all), AudioTools.installHint), arguments: AudioFormat.allCases)
  func theNextChapterStartsAfterTheWholePauseOfTheBreak(format: AudioFormat) throws {
    let folder = try TemporaryFolder()
    let output = folder.url.appendingPathComponent("pair.\(format.fileExtension)")
    try AudioRenderer(format: format, temporaryFolder: try folder.folder("work")).render(Self.pair, to: output)
    let probe = try Probe(output)
    try #require(probe.chapters.count == 2)
    let boundary = probe.chapters[1].start
    let silences = try Self.silences(in: output)
    // The silence the mark falls in: the mark is not before the first chapter's last word
    // ends nor after the second chapter's first word begins (a few milliseconds of the
    // encoder's smear allowed).
    let pause = try #require(
      silences.first { $0.lowerBound <= boundary && boundary <= $0.upperBound + 0.01 },
      "no silence at the chapter mark (\(boundary) s): \(silences)")
    #expect(
      boundary - pause.lowerBound >= 0.75,
      "the first chapter's words end \(boundary - pause.lowerBound) s before the mark at \(boundary) s: \(pause)")
    #expect(pause.upperBound - pause.lowerBound >= 0.75, "a pause of \(pause.upperBound - pause.lowerBound) s")
  }
}
