public import Foundation
public import NetexportAudio
public import NetexportICU
public import NetexportResolution

/// The kinds of output netexport writes.
public enum ExportFormat: String, CaseIterable, Sendable {
  case plainText = "plain-text"
  case largePrintHTML = "large-print-html"
  case audioScript = "audio-script"
  case ssml
  case pdf
  /// The spoken script as an audio file with a chapter per part (`AudioExporter`), in the
  /// `ExportOptions.audioFormat`.
  case audio

  /// The file name extension of an export; for `.audio`, that of the default audio format
  /// (Opus): `fileExtension(_:)` gives the one the options choose.
  public var fileExtension: String {
    switch self {
    case .plainText: "txt"
    case .largePrintHTML: "html"
    case .audioScript: "script.txt"
    case .ssml: "ssml"
    case .pdf: "pdf"
    case .audio: AudioFormat.opus.fileExtension
    }
  }

  /// The file name extension of an export made with `options` (`.audio`: `opus`, `mp3` or `m4b`).
  public func fileExtension(_ options: ExportOptions) -> String {
    self == .audio ? options.audioFormat.fileExtension : fileExtension
  }

  /// Whether exports in the format are committed in `Exports/` (written by `--all`, compared
  /// by `--check`). PDFs and audio files are not: they are build products, binary, and differ
  /// with the version of the programs that make them; `.gitignore` keeps them out of git.
  public var isCommitted: Bool { self != .pdf && self != .audio }

  /// The formats committed in `Exports/`.
  public static var committed: [ExportFormat] { allCases.filter(\.isCommitted) }

  /// Whether a file name is that of a committed export (`<document>.<extension>` of a
  /// committed format), which `--all --check` compares.
  public static func isCommittedExport(_ name: String) -> Bool {
    committed.contains { name.hasSuffix("." + $0.fileExtension) && name.count > $0.fileExtension.count + 1 }
  }

  /// The catalog labels the format's exporter formats itself, beyond the document's text.
  public var labelKeys: [String] {
    switch self {
    case .plainText: []
    case .largePrintHTML, .pdf: ["export.page-counter"]
    case .audioScript:
      [
        "audio.part", "audio.list-count", "audio.aside", "audio.aside-inline", "audio.references", "audio.pause",
        "audio.pronunciation-guide",
      ]
    case .ssml, .audio: ["audio.part", "audio.list-count", "audio.aside", "audio.aside-inline", "audio.references"]
    }
  }

  /// The exporter for the format; `nil` for `.audio`, which is spoken from the document
  /// resolved both for speech and for print (the chapters' names), by `AudioExporter`.
  public func exporter(options: ExportOptions) -> (any Exporter)? {
    switch self {
    case .plainText: PlainTextExporter(width: options.width)
    case .largePrintHTML: LargePrintHTMLExporter(paper: options.paper)
    case .audioScript: AudioScriptExporter(width: options.width)
    case .ssml: SSMLExporter()
    case .pdf: PDFExporter(paper: options.paper, organization: options.organization, contact: options.contact)
    case .audio: nil
    }
  }
}

/// Settings that apply to every exporter.
public struct ExportOptions: Sendable {
  /// The widest line, in terminal columns, for text formats.
  public var width: Int
  /// The paper printed handouts are laid out for; `nil` for the one customary where the
  /// locale is used (`Paper.customary(for:)`).
  public var paper: Paper?
  /// The organization handing the PDF handout out, printed at the foot of every page.
  public var organization: String?
  /// How to reach the organization (a telephone number, a web address), printed under its name.
  public var contact: String?
  /// The kind of file `.audio` writes.
  public var audioFormat: AudioFormat

  public static let widthRange = 20...400

  public init(
    width: Int = 72, paper: Paper? = nil, organization: String? = nil, contact: String? = nil,
    audioFormat: AudioFormat = .opus
  ) {
    self.width = width
    self.paper = paper
    self.organization = organization
    self.contact = contact
    self.audioFormat = audioFormat
  }
}

/// What an exporter makes: text, written as UTF-8, or the bytes of a binary file (a PDF).
public enum ExportContents: Sendable, Equatable {
  case text(String)
  case binary(Data)

  /// The bytes of the file.
  public var data: Data {
    switch self {
    case .text(let text): Data(text.utf8)
    case .binary(let data): data
    }
  }

  /// The text of a text export; `nil` for a binary one.
  public var text: String? {
    if case .text(let text) = self { return text }
    return nil
  }
}

/// Turns a resolved document into one export file.
public protocol Exporter {
  /// Renders the whole export.
  ///
  /// - Throws: `DiagnosticError` or `ICUError` when a message, ICU service or external
  ///   tool fails.
  func render(_ document: ResolvedDocument) throws -> ExportContents

  /// Whether the exporter takes the document resolved for speech: numbers, counts and
  /// dates in words (`Resolver.resolve(…, spoken: true)`).
  var spoken: Bool { get }
}

extension Exporter {
  public var spoken: Bool { false }
}

/// An exporter whose export is text.
public protocol TextExporter: Exporter {
  /// Renders the whole export as text.
  ///
  /// - Throws: `DiagnosticError` or `ICUError` when a message or ICU service fails.
  func export(_ document: ResolvedDocument) throws -> String
}

extension TextExporter {
  public func render(_ document: ResolvedDocument) throws -> ExportContents { .text(try export(document)) }
}

/// An exporter of the document's spoken form (`SpokenScript`), which a caller rendering
/// several such formats of one document builds once and gives to each: building it is most of
/// the work of the narrator script and of SSML alike.
public protocol SpokenScriptExporter: Exporter {
  /// Renders the whole export from the script `SpokenScript(document)` builds.
  ///
  /// - Throws: `DiagnosticError` or `ICUError` when a message or ICU service fails.
  func render(_ document: ResolvedDocument, script: SpokenScript) throws -> ExportContents
}
