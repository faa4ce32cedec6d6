import Foundation
import NetexportTestSupport
import Testing

/// Proof with the real programs (issue 15, item 7): `netexport --all --format audio` speaks
/// every shipped locale, as a user runs it, and each file decodes, has one chapter per part in
/// order, named as the handout prints it, and lasts as long as its words take at a speaking
/// rate (70 to 320 words a minute). Chinese, which no offline voice speaks usably, is skipped
/// by `--all` and refused when asked for.
///
/// Every locale is rendered as Opus (the default); MP3 and M4B, whose chapters ffmpeg writes
/// from the same marks, for Spanish only, to keep the run short on CI's two cores. The tests
/// skip on a machine without espeak-ng, opus-tools or ffmpeg, saying so; under CI they run.
@Suite(.serialized) struct AudioExportProofTests {
  static let programs = ["espeak-ng", "opusenc", "ffmpeg", "ffprobe"]
  static let installHint: Comment = "needs espeak-ng, opus-tools (opusenc) and ffmpeg (ffmpeg, ffprobe) from Debian"

  /// The locales with a voice: the source and every shipped translation but Chinese.
  static let voiced = ["en"] + Repository.shippedLocales.filter { $0 != "zh-Hans" }

  /// Checks an audio file of the NET document in a locale against what a listener must get.
  static func check(_ file: URL, locale: String, cli: CLI) throws {
    let name = "\(locale) \(file.lastPathComponent)"
    #expect(try Probe.decodingProblem(file) == nil, "\(name) does not decode")
    let probe = try Probe(file)
    let titles = try Repository.chapterTitles(locale)
    #expect(probe.chapters.map(\.title) == titles, "\(name): chapters")
    #expect(
      probe.chapters.first?.start == 0, "\(name): the first chapter starts at \(probe.chapters.first?.start ?? -1)")
    for (chapter, next) in zip(probe.chapters, probe.chapters.dropFirst()) {
      #expect(
        chapter.end == next.start, "\(name): '\(chapter.title)' ends at \(chapter.end), not where the next starts")
    }
    // Each part is said (the shortest, the references' announcement and one sentence, takes
    // about seven seconds), and the last chapter ends where the audio does.
    for chapter in probe.chapters {
      #expect(chapter.end - chapter.start > 3, "\(name): '\(chapter.title)' lasts \(chapter.end - chapter.start) s")
    }
    #expect(abs((probe.chapters.last?.end ?? 0) - probe.duration) < 0.1, "\(name): ends at \(probe.duration) s")

    let ssml = try cli.run("--locale", locale, "--format", "ssml", "--output", "-")
    try #require(ssml.status == 0, "\(ssml.stderr)")
    let words = try SpokenWords.count(inSSML: ssml.stdout, locale: locale)
    let rate = Double(words) / (probe.duration / 60)
    #expect(words > 500, "\(name): \(words) words")
    #expect((70...320).contains(rate), "\(name): \(words) words in \(probe.duration) s is \(Int(rate)) words a minute")

    #expect(probe.tags["title"] == titles.first, "\(name): title tag")
    #expect(probe.tags["artist"] == "Mayo Clinic", "\(name): artist tag")
    #expect(probe.tags["date"] == "2023-06-23", "\(name): date tag")
  }

  @Test(.enabled(if: Programs.available(programs), installHint))
  func everyShippedLocaleIsSpokenWithAChapterPerPart() throws {
    let cli = CLI(try TestProject.repository(shipped: Repository.shippedLocales))
    let result = try cli.run("--all", "--format", "audio")
    try #require(result.status == 0, "\(result.stderr)")
    let paths = Self.voiced.map { "Exports/\($0)/\(Repository.documentID).opus" }
    #expect(result.stdout.split(separator: "\n").map(String.init).sorted() == paths.sorted())
    // Chinese is skipped, with the reason, and is not a failure; Arabic carries its note.
    let notes = result.stderr.split(separator: "\n").map(String.init)
    #expect(
      notes.contains {
        $0.hasPrefix("note: zh-Hans: skipped, not a failure: not making zh-Hans audio: espeak-ng")
          && $0.contains("English pinyin with a tone digit") && $0.contains("--format ssml")
      }, "\(result.stderr)")
    #expect(notes.contains { $0.hasPrefix("note: ar: the Arabic audio's vowels are guessed") }, "\(result.stderr)")
    #expect(!notes.contains { $0.contains("error") }, "\(result.stderr)")
    #expect(!cli.exists("Exports/zh-Hans"))

    let chinese = try cli.run("--locale", "zh-Hans", "--format", "audio")
    #expect(chinese.status == 1)
    #expect(chinese.stderr.hasPrefix("error[no-usable-voice]: not making zh-Hans audio: espeak-ng"))
    #expect(chinese.stderr.contains("English pinyin") && chinese.stderr.contains("--format ssml"))
    #expect(!cli.exists("Exports/zh-Hans"))

    for (locale, path) in zip(Self.voiced, paths) {
      try Self.check(cli.folder.appendingPathComponent(path), locale: locale, cli: cli)
      #expect(try Probe(cli.folder.appendingPathComponent(path)).formatName == "ogg")
    }
  }

  @Test(.enabled(if: Programs.available(programs), installHint), arguments: ["mp3", "m4b"])
  func spanishIsSpokenAsMP3AndM4BWithTheSameChapters(kind: String) throws {
    let cli = CLI(try TestProject.repository(shipped: ["es"]))
    let result = try cli.run("--locale", "es", "--format", "audio", "--audio-format", kind)
    try #require(result.status == 0, "\(result.stderr)")
    let path = "Exports/es/\(Repository.documentID).\(kind)"
    #expect(result.stdout == path + "\n")
    #expect(result.stderr.isEmpty)
    let file = cli.folder.appendingPathComponent(path)
    try Self.check(file, locale: "es", cli: cli)
    let format = try Probe(file).formatName
    #expect(kind == "mp3" ? format == "mp3" : format.contains("mp4"), "\(format)")
  }
}
