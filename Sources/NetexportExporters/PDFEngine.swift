public import Foundation
import NetexportModel

/// The program that prints a large-print handout's HTML as a PDF/UA-1 file: WeasyPrint 70 or
/// later, run through its Python API by a script netexport ships (`Resources/render_pdf.py`),
/// with pikepdf for the finishing touches.
///
/// WeasyPrint was measured against the alternatives (`../shared/guides/interop-print-audio.md`):
/// with `pdf/ua-1` it tags headings, paragraphs and lists with labels and bodies, writes the
/// title, the language and the PDF/UA identification, stores right-to-left bookmarks in
/// logical order, and passes the offline PDF/UA checkers. Chromium writes no PDF/UA
/// identification, leaves page numbers untagged and stores Arabic bookmarks word-reversed;
/// Debian's WeasyPrint 57 stores Arabic text reversed, so older versions are refused. The
/// script closes WeasyPrint's remaining gaps: the language of passages in another language
/// on their structure elements, the running header and footer as pagination artifacts, and
/// one structure element for a list that continues on the next page.
///
/// The engine runs as `python3` from `PATH`, or the interpreter named by `NETEXPORT_PYTHON`
/// (a virtual environment's, for example). It writes into a temporary folder of its own;
/// nothing reaches the export's destination unless the whole PDF is ready.
public struct PDFEngine: Sendable {
  /// The environment the engine runs in: its `PATH` finds `python3`.
  public var environment: [String: String]

  /// The oldest WeasyPrint that prints right-to-left text correctly (also checked by the script).
  public static let minimumWeasyPrint = 70

  /// What to install, named in the error when the engine is missing.
  public static let installHint =
    "pip install 'weasyprint>=\(minimumWeasyPrint)' pikepdf (WeasyPrint needs Debian's libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 libfontconfig1; Debian's own python3-weasyprint is too old)"

  public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
    self.environment = environment
  }

  /// Prints `html` as a PDF.
  ///
  /// - Parameter what: Names the handout in messages (`es`).
  /// - Returns: The PDF's bytes.
  /// - Throws: `DiagnosticError` with code `pdf-engine-missing` when Python, WeasyPrint 70 or
  ///   later, or pikepdf is missing (saying what to install), or `pdf-render-failed`.
  public func render(html: String, what: String) throws -> Data {
    let python = try interpreter()
    guard let script = Bundle.module.url(forResource: "render_pdf", withExtension: "py") else {
      throw failure(.pdfEngineMissing, "netexport's PDF script (render_pdf.py) is missing from its resources")
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("netexport-pdf-\(UUID().uuidString)")
    let input = folder.appendingPathComponent("handout.html")
    let output = folder.appendingPathComponent("handout.pdf")
    let errors = folder.appendingPathComponent("stderr.txt")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data(html.utf8).write(to: input)
      _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
    } catch {
      throw failure(.pdfRenderFailed, "\(what): cannot prepare a temporary folder (\(TextFile.reason(error)))")
    }
    defer { try? FileManager.default.removeItem(at: folder) }

    let process = Process()
    process.executableURL = python
    process.arguments = [script.path, input.path, output.path]
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    let errorHandle = try FileHandle(forWritingTo: errors)
    // Standard error goes to a file, so the engine can never block on a full pipe.
    process.standardError = errorHandle
    do {
      try process.run()
    } catch {
      throw failure(.pdfEngineMissing, "cannot run \(python.path) (\(TextFile.reason(error))); \(Self.installHint)")
    }
    process.waitUntilExit()
    try? errorHandle.close()
    let message = ((try? String(contentsOf: errors, encoding: .utf8)) ?? "")
      .trimmingCharacters(in: .whitespacesAndNewlines)
    switch process.terminationStatus {
    case 0:
      guard let pdf = FileManager.default.contents(atPath: output.path), pdf.starts(with: Data("%PDF-".utf8)) else {
        throw failure(.pdfRenderFailed, "\(what): the PDF engine wrote no PDF")
      }
      return pdf
    case 3:
      throw failure(.pdfEngineMissing, "cannot make PDFs: \(message)")
    default:
      let status = process.terminationReason == .uncaughtSignal ? "signal" : "exit status"
      throw failure(
        .pdfRenderFailed,
        "\(what): the PDF engine failed (\(status) \(process.terminationStatus)): \(message.isEmpty ? "no message" : message)"
      )
    }
  }

  /// The Python that runs the engine: `NETEXPORT_PYTHON`, or `python3` on `PATH`.
  private func interpreter() throws -> URL {
    if let named = environment["NETEXPORT_PYTHON"], !named.isEmpty {
      guard FileManager.default.isExecutableFile(atPath: named) else {
        throw failure(.pdfEngineMissing, "NETEXPORT_PYTHON names \(named), which is not a program that can be run")
      }
      return URL(fileURLWithPath: named)
    }
    let folders = (environment["PATH"] ?? "").split(separator: ":", omittingEmptySubsequences: true)
    guard let found = folders.map({ "\($0)/python3" }).first(where: FileManager.default.isExecutableFile(atPath:))
    else {
      throw failure(
        .pdfEngineMissing,
        "cannot make PDFs: python3 is not on PATH; install Python 3, then \(Self.installHint)")
    }
    return URL(fileURLWithPath: found)
  }

  private func failure(_ code: FindingCode, _ message: String) -> DiagnosticError {
    DiagnosticError(Diagnostic(code: code, at: nil, message))
  }
}
