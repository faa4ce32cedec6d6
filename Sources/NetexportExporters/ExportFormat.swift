public import NetexportResolution

/// The kinds of output netexport writes.
public enum ExportFormat: String, CaseIterable, Sendable {
  case plainText = "plain-text"
  case largePrintHTML = "large-print-html"
  case audioScript = "audio-script"
  case ssml

  /// The file name extension of an export.
  public var fileExtension: String {
    switch self {
    case .plainText: "txt"
    case .largePrintHTML: "html"
    case .audioScript: "script.txt"
    case .ssml: "ssml"
    }
  }

  /// Whether a file name is that of a committed export (`<document>.<extension>` of a text
  /// format), which `--all --check` compares.
  public static func isCommittedExport(_ name: String) -> Bool {
    allCases.contains { name.hasSuffix("." + $0.fileExtension) && name.count > $0.fileExtension.count + 1 }
  }

  /// The catalog labels the format's exporter formats itself, beyond the document's text.
  public var labelKeys: [String] {
    switch self {
    case .plainText: []
    case .largePrintHTML: ["export.page-counter"]
    case .audioScript:
      [
        "audio.part", "audio.list-count", "audio.aside", "audio.aside-inline", "audio.references", "audio.pause",
        "audio.pronunciation-guide",
      ]
    case .ssml: ["audio.part", "audio.list-count", "audio.aside", "audio.aside-inline", "audio.references"]
    }
  }

  /// The exporter for the format.
  public func exporter(options: ExportOptions) -> any Exporter {
    switch self {
    case .plainText: PlainTextExporter(width: options.width)
    case .largePrintHTML: LargePrintHTMLExporter()
    case .audioScript: AudioScriptExporter(width: options.width)
    case .ssml: SSMLExporter()
    }
  }
}

/// Settings that apply to every exporter.
public struct ExportOptions: Sendable {
  /// The widest line, in terminal columns, for text formats.
  public var width: Int

  public static let widthRange = 20...400

  public init(width: Int = 72) { self.width = width }
}

/// Turns a resolved document into the text of one export format.
public protocol Exporter {
  /// Renders the whole export.
  ///
  /// - Throws: `DiagnosticError` or `ICUError` when a message or ICU service fails.
  func export(_ document: ResolvedDocument) throws -> String

  /// Whether the exporter takes the document resolved for speech: numbers, counts and
  /// dates in words (`Resolver.resolve(…, spoken: true)`).
  var spoken: Bool { get }
}

extension Exporter {
  public var spoken: Bool { false }
}
