import Foundation
import NetexportTestSupport
import Testing

/// `--format audio` as a user meets it without the speech programs: usage errors, a missing
/// program, a language with no usable voice, and audio files kept out of the committed
/// exports. (`AudioExportProofTests` renders the files with the real programs.)
@Suite struct AudioCommandTests {
  /// An empty folder for `PATH`: no espeak-ng, opusenc or ffmpeg.
  static func emptyPath(_ cli: CLI) throws -> [String: String] {
    let bin = cli.folder.appendingPathComponent("empty-bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    return ["PATH": bin.path]
  }

  @Test(arguments: [
    (
      ["--locale", "en", "--audio-format", "mp3"],
      "--audio-format chooses the kind of audio file; use it with --format audio."
    ),
    (
      ["--locale", "en", "--format", "ssml", "--audio-format", "opus"],
      "--audio-format chooses the kind of audio file; use it with --format audio."
    ),
    (
      ["--locale", "en", "--format", "audio", "--output", "-"],
      "--format audio writes a file, not standard output; give --output a file name, or leave it out to write Exports/<locale>/<document>.opus."
    ),
    (
      ["--locale", "en", "--format", "audio", "--audio-format", "m4b", "--output", "-"],
      "--format audio writes a file, not standard output; give --output a file name, or leave it out to write Exports/<locale>/<document>.m4b."
    ),
    (
      ["--all", "--check", "--format", "audio"],
      "--check compares every committed export (PDFs and audio files are not committed); it takes no --format."
    ),
    (
      ["--locale", "en", "--format", "audio", "--audio-format", "wav"],
      "The value 'wav' is invalid for '--audio-format <kind>'"
    ),
  ])
  func audioOptionsOutOfPlaceAreUsageErrors(arguments: [String], message: String) throws {
    let cli = try CLI()
    let result = try cli.run(arguments: arguments)
    #expect(result.status == 64)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    #expect(!cli.exists("Exports"))
  }

  @Test(arguments: [
    ("opus", "espeak-ng and opusenc, which are", "sudo apt-get install espeak-ng opus-tools"),
    ("mp3", "espeak-ng and ffmpeg, which are", "sudo apt-get install espeak-ng ffmpeg"),
    ("m4b", "espeak-ng and ffmpeg, which are", "sudo apt-get install espeak-ng ffmpeg"),
  ])
  func aMissingProgramNamesTheDebianPackagesAndWritesNothing(kind: String, missing: String, install: String) throws {
    let cli = try CLI()
    let environment = try Self.emptyPath(cli)
    let expected =
      "error[missing-tool]: making \(kind == "opus" ? "Opus" : kind.uppercased()) audio needs \(missing) not installed (not found on PATH); install them with: \(install)\n"
    var result = try cli.run("--locale", "en", "--format", "audio", "--audio-format", kind, environment: environment)
    #expect(result.status == 1)
    #expect(result.stderr == expected)
    #expect(result.stdout.isEmpty)
    #expect(!cli.exists("Exports"))
    try cli.write("the old file\n", to: "listen.\(kind)")
    result = try cli.run(
      "--locale", "en", "--format", "audio", "--audio-format", kind, "--output", "listen.\(kind)",
      environment: environment)
    #expect(result.status == 1)
    #expect(result.stderr == expected)
    #expect(try cli.read("listen.\(kind)") == "the old file\n")
  }

  /// `--all --format audio` looks for the programs once, before any locale is rendered, and
  /// says so once.
  @Test func aMissingProgramStopsEveryLocaleWithOneError() throws {
    let cli = CLI(try TestProject.repository(shipped: ["es", "zh-Hans"]))
    let result = try cli.run("--all", "--format", "audio", environment: try Self.emptyPath(cli))
    #expect(result.status == 1)
    let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("error") }
    #expect(
      errors == [
        "error[missing-tool]: making Opus audio needs espeak-ng and opusenc, which are not installed (not found on PATH); install them with: sudo apt-get install espeak-ng opus-tools"
      ], "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    #expect(!cli.exists("Exports"))
  }

  /// No offline voice speaks Mandarin usably: asked for, Chinese audio is refused with the
  /// reason and what to export instead, before any program is looked for.
  @Test func chineseAudioIsRefusedWithTheReasonAndTheSSMLInstead() throws {
    let cli = CLI(try TestProject.repository(shipped: ["zh-Hans"]))
    let result = try cli.run("--locale", "zh-Hans", "--format", "audio", environment: try Self.emptyPath(cli))
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("error[no-usable-voice]: not making zh-Hans audio: espeak-ng"), "\(result.stderr)")
    #expect(result.stderr.contains("reads most Chinese characters as English pinyin with a tone digit"))
    #expect(result.stderr.contains("Export SSML instead (--format ssml) for a speech engine that speaks Mandarin"))
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    #expect(!cli.exists("Exports"))
  }

  /// Audio files are build products: `--all` writes none, `--check` leaves those beside the
  /// committed exports alone, and git ignores them.
  @Test func audioFilesStayOutOfTheCommittedExports() throws {
    let cli = try CLI()
    let all = try cli.run("--all")
    #expect(all.status == 0)
    #expect(
      all.stdout.split(separator: "\n").map { String($0.split(separator: ".", maxSplits: 1).last ?? "") }.sorted() == [
        "html", "script.txt", "ssml", "txt",
      ])
    for kind in ["opus", "mp3", "m4b"] {
      try cli.write("audio from an earlier run\n", to: "Exports/en/neuroendocrine-tumors.\(kind)")
    }
    let result = try cli.run("--all", "--check")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "4 exports in Exports/ are up to date.\n")
    for kind in ["opus", "mp3", "m4b"] {
      let ignored = try Programs.run([
        "git", "-C", Repository.root.path, "check-ignore", "--quiet", "--no-index",
        "Exports/es/neuroendocrine-tumors.\(kind)",
      ])
      #expect(ignored.status == 0, "git does not ignore Exports/es/neuroendocrine-tumors.\(kind)")
    }
  }
}
