import Foundation
public import NetexportAudio
public import NetexportICU
public import NetexportModel
public import NetexportResolution

/// The spoken script as an audio file a patient can play, with the chapters a player lists:
/// the introduction (title, source, review date), then one per part, each named by its
/// printed title.
///
/// It takes the document twice: resolved for speech, for what is said (the SSML export's
/// words, `SSMLExporter.chapters`), and for print, for the names of the chapters, which a
/// listener reads on a screen as the handout shows them ("MEN 1", not "MEN one"). The words
/// are spoken and encoded by `AudioRenderer` (espeak-ng, then opusenc or ffmpeg).
public struct AudioExporter: Sendable {
  public var renderer: AudioRenderer

  /// - Parameter renderer: Speaks and encodes (Opus, with the programs on `PATH`, by default).
  public init(renderer: AudioRenderer = AudioRenderer()) {
    self.renderer = renderer
  }

  /// What the audio file is made from: its tags and chapters.
  ///
  /// - Parameters:
  ///   - spoken: The document resolved for speech (`spoken: true`).
  ///   - printed: The same document in the same locale, resolved for print.
  ///   - reviewed: When the content was last reviewed (the file's date tag).
  /// - Throws: `DiagnosticError` when a label the script needs does not format, or when the
  ///   two resolutions are not of the same document; `ICUError` when ICU fails.
  public static func audioDocument(
    spoken: ResolvedDocument, printed: ResolvedDocument, reviewed: CalendarDay?
  ) throws -> AudioDocument {
    guard spoken.id == printed.id, spoken.locale == printed.locale, spoken.sections.count == printed.sections.count
    else {
      throw DiagnosticError(
        Diagnostic(
          code: .invalidAudioInput, at: nil,
          "the spoken document (\(spoken.id), \(spoken.locale)) and the printed one (\(printed.id), \(printed.locale)) differ",
          locale: spoken.locale.canonical))
    }
    let chapters = try SSMLExporter().chapters(spoken).map { chapter in
      let title: String
      switch chapter.kind {
      case .introduction: title = printed.title.text
      case .section(let index): title = printed.sections[index].heading.text
      case .references: title = printed.references.heading.text
      }
      return AudioChapter(title: title, ssml: chapter.ssml)
    }
    return AudioDocument(
      locale: spoken.locale,
      metadata: AudioMetadata(
        title: printed.title.text, publisher: printed.publisher, date: reviewed.map { $0.description }),
      chapters: chapters)
  }

  /// The day a document was last reviewed, for the file's date tag: the date its review
  /// line shows (the latest, should it show several), or `nil`.
  public static func reviewDay(of document: Document) -> CalendarDay? {
    document.metadata.reviewed.arguments.values.compactMap { argument -> CalendarDay? in
      if case .date(let day) = argument { return day }
      return nil
    }.max()
  }

  /// Speaks and encodes the document.
  ///
  /// - Parameters:
  ///   - displayPath: How to name the file in messages.
  /// - Returns: The file's bytes, and the voice, the chapters' places and notes for the user
  ///   (Arabic: vowels are guessed).
  /// - Throws: `DiagnosticError` (`no-usable-voice`, `missing-tool`, `speech-failed`,
  ///   `encode-failed`, …: see `AudioRenderer`), `ICUError` when ICU fails.
  public func render(
    spoken: ResolvedDocument, printed: ResolvedDocument, reviewed: CalendarDay?, displayPath: String
  ) throws -> (contents: ExportContents, audio: RenderedAudio) {
    let document = try Self.audioDocument(spoken: spoken, printed: printed, reviewed: reviewed)
    let (data, audio) = try renderer.render(document, displayPath: displayPath)
    return (.binary(data), audio)
  }
}
