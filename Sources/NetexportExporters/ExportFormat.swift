public import NetexportValidation

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

  /// The exporter for the format, or `nil` while it is not built yet.
  public func exporter(options: ExportOptions) -> (any Exporter)? {
    switch self {
    case .plainText: PlainTextExporter(width: options.width)
    case .largePrintHTML: LargePrintHTMLExporter()
    case .audioScript, .ssml: nil
    }
  }

  /// Formats that have an exporter.
  public static var available: [ExportFormat] { allCases.filter { $0.exporter(options: ExportOptions()) != nil } }
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
}
