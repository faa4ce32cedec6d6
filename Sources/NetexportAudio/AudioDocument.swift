public import NetexportICU

/// The audio file formats netexport writes, each with chapters a player shows.
public enum AudioFormat: String, CaseIterable, Sendable {
  /// Opus in Ogg at 24 kb/s (about 1 MB for 6 minutes of speech), with `CHAPTERnnn`
  /// comments: what players on phones and in browsers play.
  case opus
  /// MP3 (LAME VBR quality 7) with ID3v2.4 CTOC and CHAP frames, for older players.
  case mp3
  /// AAC in an MPEG-4 audiobook (`.m4b`) with a chapter track, for Apple's Books and
  /// podcast players.
  case m4b

  /// The file name extension.
  public var fileExtension: String { rawValue }

  /// The programs that make the format (the speech engine first).
  public var tools: [ExternalTool] {
    switch self {
    case .opus: [.espeakNG, .opusenc]
    case .mp3, .m4b: [.espeakNG, .ffmpeg]
    }
  }

  /// The format's name in messages.
  public var displayName: String {
    switch self {
    case .opus: "Opus"
    case .mp3: "MP3"
    case .m4b: "M4B"
    }
  }
}

/// What an audio file is made from: the document's locale, its tags, and its parts in order.
public struct AudioDocument: Hashable, Sendable {
  /// The language the document is spoken in; it chooses the voice (`SpeechVoices`) and is
  /// the file's language tag.
  public var locale: LanguageTag
  public var metadata: AudioMetadata
  /// One chapter per part, in order.
  public var chapters: [AudioChapter]

  public init(locale: LanguageTag, metadata: AudioMetadata, chapters: [AudioChapter]) {
    self.locale = locale
    self.metadata = metadata
    self.chapters = chapters
  }
}

/// The tags an audio file carries.
public struct AudioMetadata: Hashable, Sendable {
  /// The document's title, in the locale's language.
  public var title: String
  /// Who published the document, e.g. "Mayo Clinic" (the file's artist).
  public var publisher: String?
  /// When the content was last reviewed, as an ISO 8601 date: `2023-06-23`.
  public var date: String?

  public init(title: String, publisher: String? = nil, date: String? = nil) {
    self.title = title
    self.publisher = publisher
    self.date = date
  }
}

/// One part of the document: its title (the chapter's name) and what is said.
public struct AudioChapter: Hashable, Sendable {
  public var title: String
  /// A complete SSML 1.1 document for the part alone: `<speak xml:lang="…">…</speak>`, as
  /// `SSMLExporter` writes it.
  public var ssml: String

  public init(title: String, ssml: String) {
    self.title = title
    self.ssml = ssml
  }
}

/// What was rendered: the voice, where each chapter starts, and what the listener's
/// distributor should know.
public struct RenderedAudio: Hashable, Sendable {
  public struct Chapter: Hashable, Sendable {
    public var title: String
    /// Where the chapter starts and ends in the file, in milliseconds (from its exact
    /// length in samples, rounded once).
    public var start: Int
    public var end: Int
  }

  /// The espeak-ng voice that spoke.
  public var voice: String
  public var chapters: [Chapter]
  /// The whole length, in samples at `sampleRate`.
  public var sampleCount: Int
  public var sampleRate: Int
  /// Things to say about the audio, one line each, in the form `note: ar: …`.
  public var notes: [String]

  /// The whole length in seconds.
  public var duration: Double { Double(sampleCount) / Double(sampleRate) }
}
