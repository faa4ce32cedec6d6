import Foundation
import NetexportICU

/// The chapter marks and tags of an audio file, in the forms the encoders take.
struct ChapterTags {
  struct Mark: Equatable {
    var title: String
    /// Where the chapter starts and ends, in milliseconds from the start of the audio.
    var start: Int
    var end: Int
  }

  var marks: [Mark]
  var title: String
  var publisher: String?
  var date: String?
  var locale: LanguageTag

  /// `HH:MM:SS.mmm`, the form of Ogg's chapter comments (Vorbis comment chapter extension).
  static func clock(milliseconds: Int) -> String {
    let hours = milliseconds / 3_600_000
    let minutes = milliseconds / 60_000 % 60
    let seconds = milliseconds / 1000 % 60
    let millis = milliseconds % 1000
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(hours, 2)):\(pad(minutes, 2)):\(pad(seconds, 2)).\(pad(millis, 3))"
  }

  /// The most chapters Ogg's three-digit `CHAPTERnnn` numbering holds.
  static let maximumChapters = 999

  /// `opusenc` arguments for the tags and chapters: `--comment KEY=value`, each its own
  /// argument, so no quoting is involved. Chapters are numbered from 001.
  ///
  /// ffmpeg is not used for Ogg: 5.1 writes a chapter's start a second late whenever its
  /// milliseconds are .500 or more.
  var opusComments: [String] {
    var comments = ["TITLE=\(title)"]
    if let publisher { comments.append("ARTIST=\(publisher)") }
    if let date { comments.append("DATE=\(date)") }
    // Ogg's LANGUAGE is free text: the BCP 47 tag keeps the region ("pt-BR").
    comments.append("LANGUAGE=\(locale.canonical)")
    for (index, mark) in marks.enumerated() {
      let number = String(repeating: "0", count: 3 - String(index + 1).count) + String(index + 1)
      comments.append("CHAPTER\(number)=\(Self.clock(milliseconds: mark.start))")
      comments.append("CHAPTER\(number)NAME=\(mark.title)")
    }
    return comments.flatMap { ["--comment", $0] }
  }

  /// The ISO 639-2 code ID3's TLAN and MP4's track language take ("spa"), from Foundation's
  /// locale data; `nil` when it has none.
  var iso639_2: String? {
    Locale(identifier: locale.canonical).language.languageCode?.identifier(.alpha3)
  }

  /// An FFMETADATA file for ffmpeg (`-f ffmetadata -i`): global tags, then one `[CHAPTER]`
  /// per mark in milliseconds. ffmpeg writes them as ID3v2 CTOC and CHAP frames in MP3 and
  /// as a chapter track (and Nero `chpl`) in M4B.
  var ffmetadata: String {
    var lines = [";FFMETADATA1", "title=\(Self.escape(title))"]
    if let publisher {
      lines.append("artist=\(Self.escape(publisher))")
      lines.append("publisher=\(Self.escape(publisher))")
    }
    if let date { lines.append("date=\(Self.escape(date))") }
    if let iso639_2 { lines.append("language=\(iso639_2)") }
    for mark in marks {
      lines += ["", "[CHAPTER]", "TIMEBASE=1/1000", "START=\(mark.start)", "END=\(mark.end)"]
      lines.append("title=\(Self.escape(mark.title))")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// FFMETADATA's escaping: `=`, `;`, `#`, `\` and line breaks get a backslash (ffmpeg's
  /// "Metadata" documentation).
  static func escape(_ value: String) -> String {
    var escaped = ""
    for character in value {
      if character.isNewline || "=;#\\".contains(character) { escaped.append("\\") }
      escaped.append(character)
    }
    return escaped
  }
}
