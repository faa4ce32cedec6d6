public import Foundation
import NetexportICU
import NetexportResolution

/// External programs for the tests that prove audio files: found on `PATH`, and run with
/// what they print.
public enum Programs {
  /// Whether the tests run in CI (`CI` set), where a test that needs a program always runs,
  /// so that a missing program fails it rather than skipping it.
  public static let inCI = ProcessInfo.processInfo.environment["CI"] != nil

  /// Whether every one of `commands` is an executable file on `PATH`.
  public static func installed(_ commands: [String]) -> Bool {
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    return commands.allSatisfy { command in
      folders.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(command)") }
    }
  }

  /// Whether a test that needs `commands` runs: in CI always, elsewhere when they are installed.
  public static func available(_ commands: [String]) -> Bool { inCI || installed(commands) }

  public struct Output: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
  }

  /// Runs a program found on `PATH`, with standard error in a file so that no pipe can fill
  /// up and block it.
  public static func run(_ arguments: [String]) throws -> Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let out = Pipe()
    let errURL = FileManager.default.temporaryDirectory.appendingPathComponent(
      "netexport-program-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errURL) }
    let err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try err.close()
    return Output(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
  }
}

/// What `ffprobe -show_chapters -show_format -show_streams -of json` says about an audio file
/// (Debian's ffmpeg).
public struct Probe: Sendable {
  public struct Chapter: Sendable {
    public var title: String
    /// Where the chapter starts and ends, in seconds.
    public var start: Double
    public var end: Double
  }

  public var chapters: [Chapter]
  /// The whole length, in seconds.
  public var duration: Double
  public var size: Int
  /// ffprobe's name of the container: `ogg`, `mp3`, `mov,mp4,m4a,3gp,3g2,mj2`.
  public var formatName: String
  /// The file's tags and its audio stream's, by lower-cased key.
  public var tags: [String: String]

  /// - Throws: `ProbeError` when ffprobe cannot read the file.
  public init(_ url: URL) throws {
    let output = try Programs.run([
      "ffprobe", "-v", "error", "-show_chapters", "-show_format", "-show_streams", "-of", "json", url.path,
    ])
    guard output.status == 0,
      let json = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any],
      let format = json["format"] as? [String: Any]
    else { throw ProbeError(message: "ffprobe cannot read \(url.lastPathComponent): \(output.stderr)") }
    chapters = (json["chapters"] as? [[String: Any]] ?? []).map {
      Chapter(
        title: ($0["tags"] as? [String: String])?["title"] ?? "",
        start: Double($0["start_time"] as? String ?? "") ?? -1, end: Double($0["end_time"] as? String ?? "") ?? -1)
    }
    duration = Double(format["duration"] as? String ?? "") ?? 0
    size = Int(format["size"] as? String ?? "") ?? 0
    formatName = format["format_name"] as? String ?? ""
    // Ogg keeps its tags on the stream, MP3 and MP4 on the file (and MP4 its language on the track).
    var tags: [String: String] = [:]
    // (An M4B's chapter track is a stream too, with a language of its own: only the audio counts.)
    for stream in json["streams"] as? [[String: Any]] ?? [] where stream["codec_type"] as? String == "audio" {
      for (key, value) in stream["tags"] as? [String: String] ?? [:] { tags[key.lowercased()] = value }
    }
    for (key, value) in format["tags"] as? [String: String] ?? [:] { tags[key.lowercased()] = value }
    self.tags = tags
  }

  /// Decodes the whole file with ffmpeg: `nil` when it decodes without a word on standard
  /// error, else what ffmpeg said.
  public static func decodingProblem(_ url: URL) throws -> String? {
    let decoded = try Programs.run(["ffmpeg", "-nostdin", "-v", "error", "-i", url.path, "-f", "null", "-"])
    return decoded.status == 0 && decoded.stderr.isEmpty ? nil : "exit status \(decoded.status): \(decoded.stderr)"
  }

  public struct ProbeError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
  }
}

/// What a listener hears, counted.
public enum SpokenWords {
  /// The words of an SSML document's text without its markup, counted with ICU's word breaks
  /// for the locale (so Chinese words are counted as words, not as whole sentences).
  public static func count(inSSML ssml: String, locale: String) throws -> Int {
    var text = ""
    var inTag = false
    for character in ssml {
      if character == "<" {
        inTag = true
      } else if character == ">" {
        inTag = false
        text.append(" ")
      } else if !inTag {
        text.append(character)
      }
    }
    guard let tag = LanguageTag(locale) else { throw Probe.ProbeError(message: "'\(locale)' is not a language tag") }
    // ICU's rule status 100 and above: a word of letters, numbers or ideographs (not
    // punctuation or space).
    return try BreakIterator(.word, locale: tag).segments(of: text).filter { $0.ruleStatus >= 100 }.count
  }
}

extension Repository {
  /// The names an audio file of the NET document must give its chapters, in order: the
  /// document's title (the introduction: title, source and date), then each part's printed
  /// heading, the references' last.
  public static func chapterTitles(_ locale: String) throws -> [String] {
    let printed = try resolved(locale)
    return [printed.title.text] + printed.sections.map(\.heading.text) + [printed.references.heading.text]
  }
}
