import Foundation
import NetexportExporters
import NetexportModel
import Testing

/// The PDF engine's errors: what is missing, and what to install. WeasyPrint itself is not
/// needed here (stand-in modules on PYTHONPATH play the versions that must be refused); the
/// PDFs it makes are checked in `RealToolTests`.
@Suite struct PDFEngineTests {
  static let html = "<!DOCTYPE html><html lang=\"en\"><head><title>T</title></head><body><p>x</p></body></html>"

  func diagnostic(_ engine: PDFEngine) throws -> Diagnostic {
    do {
      _ = try engine.render(html: Self.html, what: "en")
    } catch let error as DiagnosticError {
      return try #require(error.diagnostics.first)
    }
    Issue.record("the engine made a PDF")
    throw CancellationError()
  }

  /// A folder on PYTHONPATH with stand-in modules: `files` maps a path to its Python source.
  func engine(with files: [String: String]) throws -> (PDFEngine, URL) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("netexport-stubs-\(UUID().uuidString)")
    for (path, source) in files {
      let url = folder.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(source.utf8).write(to: url)
    }
    var environment = ProcessInfo.processInfo.environment
    environment["PYTHONPATH"] = folder.path
    environment["NETEXPORT_PYTHON"] = nil
    return (PDFEngine(environment: environment), folder)
  }

  @Test func saysWhatToInstallWhenThereIsNoPython() throws {
    let problem = try diagnostic(PDFEngine(environment: ["PATH": "/nonexistent"]))
    #expect(problem.code == "pdf-engine-missing")
    #expect(
      problem.message.hasPrefix(
        "cannot make PDFs: python3 is not on PATH; install Python 3, then pip install 'weasyprint>=70' pikepdf"))
  }

  @Test func saysWhenNETEXPORT_PYTHONIsNotAProgram() throws {
    let problem = try diagnostic(PDFEngine(environment: ["NETEXPORT_PYTHON": "/nonexistent/python3"]))
    #expect(problem.code == "pdf-engine-missing")
    #expect(problem.message.contains("NETEXPORT_PYTHON names /nonexistent/python3"))
  }

  /// Debian 12's python3-weasyprint is 57, whose PDFs store Arabic text reversed.
  @Test(.enabled(if: RealTools.available(["python3"]), "needs python3"))
  func refusesAWeasyPrintOlderThan70() throws {
    let (engine, folder) = try engine(with: ["weasyprint/__init__.py": "__version__ = '57.2'\n"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let problem = try diagnostic(engine)
    #expect(problem.code == "pdf-engine-missing")
    #expect(problem.message.contains("WeasyPrint 57.2 is too old"))
    #expect(problem.message.hasSuffix("install it with: pip install 'weasyprint>=70'"))
  }

  @Test(.enabled(if: RealTools.available(["python3"]), "needs python3"))
  func saysWhenPikepdfIsMissing() throws {
    let (engine, folder) = try engine(with: [
      "weasyprint/__init__.py": "__version__ = '70.0'\n", "pikepdf/__init__.py": "raise ImportError('stand-in')\n",
    ])
    defer { try? FileManager.default.removeItem(at: folder) }
    let problem = try diagnostic(engine)
    #expect(problem.code == "pdf-engine-missing")
    #expect(problem.message.hasSuffix("install it with: pip install pikepdf"))
  }

  /// The script wraps the function WeasyPrint tags PDFs with; a WeasyPrint without it is
  /// refused rather than making PDFs without the languages of passages.
  @Test(.enabled(if: RealTools.available(["python3"], python: ["pikepdf"]), "needs python3 and pikepdf"))
  func refusesAWeasyPrintThatTagsDifferently() throws {
    let (engine, folder) = try engine(with: [
      "weasyprint/__init__.py": "__version__ = '99.0'\n", "weasyprint/pdf/__init__.py": "",
      "weasyprint/pdf/tags.py": "def add_tags(*arguments): pass\n",
    ])
    defer { try? FileManager.default.removeItem(at: folder) }
    let problem = try diagnostic(engine)
    #expect(problem.code == "pdf-engine-missing")
    #expect(problem.message.contains("WeasyPrint 99.0 tags PDFs differently"))
  }
}
