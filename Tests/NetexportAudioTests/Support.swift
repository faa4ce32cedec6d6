import Foundation
import NetexportAudio
import NetexportICU
import NetexportModel
import NetexportTestSupport
import Testing

/// The programs the audio tests prove the files with. A test that needs them skips on a
/// developer's machine without them, saying what to install; under CI (`CI` set) it always
/// runs, so a missing program fails it.
enum AudioTools {
  static func available(_ tools: [ExternalTool]) -> Bool {
    Programs.inCI || tools.allSatisfy { ToolFinder().location(of: $0) != nil }
  }

  static let all: [ExternalTool] = [.espeakNG, .opusenc, .ffmpeg, .ffprobe]
  static let installHint: Comment = "needs espeak-ng, opus-tools (opusenc) and ffmpeg (ffmpeg, ffprobe) from Debian"

  /// Runs a program found on `PATH` (the shared test support's runner).
  static func run(_ arguments: [String]) throws -> Programs.Output { try Programs.run(arguments) }
}

/// A fresh folder that removes itself.
final class TemporaryFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("netexport-audio-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  func folder(_ name: String) throws -> URL {
    let folder = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// The names in a subfolder, hidden ones included.
  func contents(of folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }

  /// A folder of programs for `PATH`: shell scripts by name, and links to real programs.
  func bin(scripts: [String: String] = [:], linking real: [ExternalTool] = []) throws -> URL {
    let bin = try folder("bin-\(UUID().uuidString)")
    for (name, body) in scripts {
      let url = bin.appendingPathComponent(name)
      try Data("#!/bin/sh\n\(body)\n".utf8).write(to: url)
      try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    }
    for tool in real {
      guard let target = ToolFinder().location(of: tool) else { continue }
      try FileManager.default.createSymbolicLink(
        at: bin.appendingPathComponent(tool.command), withDestinationURL: target)
    }
    return bin
  }
}

/// Small documents to render: three parts, with titles that carry the characters
/// FFMETADATA and Ogg comments treat specially (`=`, `;`, `#`, `&`, accents).
enum Samples {
  static func ssml(_ locale: String, _ sentences: [String]) -> String {
    var lines = [
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<speak version=\"1.1\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"\(locale)\">",
      "  <p xml:lang=\"\(locale)\">",
    ]
    lines += sentences.map { "    <s xml:lang=\"\(locale)\">\($0)</s>" }
    lines += ["  </p>", "</speak>"]
    return lines.joined(separator: "\n") + "\n"
  }

  static let english = AudioDocument(
    locale: LanguageTag("en")!,
    metadata: AudioMetadata(title: "Neuroendocrine tumors", publisher: "Mayo Clinic", date: "2023-06-23"),
    chapters: [
      AudioChapter(
        title: "Overview",
        ssml: ssml(
          "en",
          [
            "Neuroendocrine tumors are cancers that begin in specialized cells called neuroendocrine cells.",
            "Neuroendocrine cells have traits similar to those of nerve cells and hormone-producing cells.",
          ])),
      AudioChapter(
        title: "Symptoms; when to see a doctor",
        ssml: ssml(
          "en",
          [
            "Neuroendocrine tumors don't always cause symptoms at first.",
            "Make an appointment with a doctor if you have any symptoms that worry you.",
          ])),
      AudioChapter(
        title: "Causes & risk factors = what #1 raises the risk",
        ssml: ssml(
          "en",
          [
            "It's not clear what causes neuroendocrine tumors.",
            "A change in the <sub alias=\"deoxyribonucleic acid\">DNA</sub> of a cell tells it to make many more cells.",
          ])),
    ])

  static let spanish = AudioDocument(
    locale: LanguageTag("es")!,
    metadata: AudioMetadata(title: "Tumores neuroendocrinos", publisher: "Mayo Clinic", date: "2023-06-23"),
    chapters: [
      AudioChapter(
        title: "Descripción general",
        ssml: ssml(
          "es",
          [
            "Los tumores neuroendocrinos son cánceres que comienzan en células especializadas llamadas células neuroendocrinas.",
            "Estas células tienen rasgos parecidos a los de las células nerviosas y a los de las células que producen hormonas.",
          ])),
      AudioChapter(
        title: "Síntomas: ¿cuándo consultar al médico?",
        ssml: ssml(
          "es",
          [
            "Los tumores neuroendocrinos no siempre causan síntomas al principio.",
            "Pida una consulta con un médico si tiene algún síntoma que le preocupe.",
          ])),
      AudioChapter(
        title: "Causas y factores de riesgo",
        ssml: ssml(
          "es",
          [
            "No está claro qué causa los tumores neuroendocrinos.",
            "Un cambio en el <say-as interpret-as=\"characters\">ADN</say-as> de una célula le indica que produzca muchas más células.",
          ])),
    ])

  /// The words a listener hears: the SSML's text without markup, split at white space
  /// (enough for English and Spanish).
  static func words(_ document: AudioDocument) -> Int {
    document.chapters.reduce(0) { count, chapter in
      var text = ""
      var inTag = false
      for character in chapter.ssml {
        if character == "<" {
          inTag = true
        } else if character == ">" {
          inTag = false
          text.append(" ")
        } else if !inTag {
          text.append(character)
        }
      }
      // The XML declaration's content is inside a tag; what is left is the spoken text.
      return count + text.split(whereSeparator: \.isWhitespace).count
    }
  }
}

extension AudioDocument: CustomTestStringConvertible {
  public var testDescription: String { "\(locale) document of \(chapters.count) chapters" }
}
