import Foundation
import NetexportInterchange
import NetexportModel
import Testing

/// Units that break naive writers: every character class PO escapes or XML must encode, ICU
/// syntax, right-to-left text, line breaks in notes, empty targets, all states.
enum Samples {
  static let units: [InterchangeUnit] = [
    InterchangeUnit(
      key: "document.title", source: "Neuroendocrine tumors", target: "Tumores neuroendocrinos",
      note: "Title of the handout.", state: .translated, location: "Locales/es/neuroendocrine-tumors.yaml:4",
      base: InterchangeUnit.digest(key: "document.title", text: "Tumores neuroendocrinos")),
    InterchangeUnit(
      key: "quotes.and-backslashes", source: #"Say "yes" \ or 'no' \n (a backslash, then n)"#,
      target: #"Diga «sí» \ o "no" \\"#, note: "Quotes: \"double\", 'single' and \\backslash\\.",
      state: .reviewed),
    InterchangeUnit(
      key: "icu.plural", source: "{count, plural, one {# reply} other {# replies}} · {posted, date, ::EEEyMMMdd}",
      target:
        "{count, plural, one {# respuesta} many {# de respuestas} other {# respuestas}} · {posted, date, ::EEEyMMMdd}",
      note: "{count} is the number of replies.\nKeep it under 40 characters.\n",
      previousNote: "{count} is the number of replies.\n\n  Keep it short. netexport-previous-note: kept as text",
      state: .needsReview,
      previousSource: "{count, plural, one {# Reply} other {# Replies}} · {posted, date, ::EEEyMMMdd}"),
    InterchangeUnit(
      key: "icu.apostrophes", source: "Accessed '{accessed}' on {accessed, date, ::yMMMMd}; '#' is literal",
      target: "Consultato l''{accessed, date, ::yMMMMd}; '#' è letterale", state: .translated),
    InterchangeUnit(
      key: "lines.and-tabs", source: "First line\nSecond\tline\n\nAfter a blank line\n",
      target: "Primera línea\r\nSegunda\tlínea\n\nTras una línea en blanco\n", note: "\n  indented note line\n\n",
      state: .translated,
      comment: "Translator: checked with the nurse.\n  second line"),
    InterchangeUnit(key: "new.empty", source: "Symptoms & causes", note: "Subtitle <b>bold</b> & more."),
    InterchangeUnit(
      key: "new.with-draft", source: "Overview", target: "Panorama (borrador)", state: .new,
      previousSource: "Summary"),
    InterchangeUnit(key: "needs-review.empty", source: "Causes", state: .needsReview, previousSource: "Cause"),
    InterchangeUnit(key: "translated.empty", source: "Optional line", state: .translated),
    InterchangeUnit(key: "reviewed.empty", source: "Optional line 2", state: .reviewed),
    InterchangeUnit(
      key: "rtl.arabic", source: "Neuroendocrine tumors are rare.",
      target: "\u{200F}الأورام العصبية الصماوية نادرة.", note: "Arabic, right to left: ‏ and ‎ marks kept.",
      state: .reviewed),
    InterchangeUnit(
      key: "emoji_and.combining", source: "Family: 👨‍👩‍👧 e\u{301} 🇪🇸", target: "Familia: 👨‍👩‍👧 é 🇪🇸",
      state: .translated),
    InterchangeUnit(
      key: "long.line", source: String(repeating: "A long sentence that goes on and on. ", count: 12),
      target: String(repeating: "Una frase larga que sigue y sigue. ", count: 12), state: .translated),
    InterchangeUnit(
      key: "spaces", source: "  two leading, two  inside, trailing ", target: " ", note: " ", state: .translated),
    InterchangeUnit(
      key: "markup-like", source: "<ph id=\"1\"/> ]]> &amp; &lt;", target: "<cp hex=\"0041\"/> ]]> &amp;",
      state: .translated, location: "Locales/es/a b.yaml:9"),
  ]

  static let document = InterchangeDocument(
    sourceLocale: "en", targetLocale: "es", catalog: "neuroendocrine-tumors", units: units)
}

/// A unit as exact scalars: Swift's `==` on strings is canonical equivalence, under which
/// "é" equals "e" + U+0301; a lossless format must keep the very code points.
struct ExactUnit: Equatable, CustomStringConvertible {
  var fields: [[UInt32]?]
  var state: InterchangeUnit.State
  var unit: InterchangeUnit

  init(_ unit: InterchangeUnit) {
    let exact = { (text: String?) in text.map { $0.unicodeScalars.map(\.value) } }
    fields = [
      exact(unit.key), exact(unit.source), exact(unit.target), exact(unit.note), exact(unit.previousNote),
      exact(unit.previousSource), exact(unit.base),
      exact(unit.location), exact(unit.comment),
    ]
    state = unit.state
    self.unit = unit
  }

  static func == (lhs: ExactUnit, rhs: ExactUnit) -> Bool { lhs.fields == rhs.fields && lhs.state == rhs.state }

  var description: String { String(reflecting: unit) }
}

func exact(_ units: [InterchangeUnit]) -> [ExactUnit] { units.map(ExactUnit.init) }

/// The first diagnostic of a thrown `DiagnosticError`, as printed.
func failure(_ body: () throws -> Any) -> String? {
  do {
    _ = try body()
    return nil
  } catch let error as DiagnosticError {
    return error.description
  } catch {
    return "\(error)"
  }
}

/// The programs the tests prove the files with. A test that needs them skips on a developer's
/// machine without them, saying what to install; under CI (`CI` set) it always runs.
enum Tools {
  static let inCI = ProcessInfo.processInfo.environment["CI"] != nil

  static func available(_ names: String...) -> Bool {
    inCI
      || names.allSatisfy { name in
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").contains {
          FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
        }
      }
  }

  static let gettextHint: Comment = "needs GNU gettext (msgfmt, msgmerge, msgcat): apt-get install gettext"
  static let xmllintHint: Comment =
    "needs xmllint (apt-get install libxml2-utils) and the OASIS XSDs: run Tests/Tools/fetch-xliff-schemas"

  /// The folder `Tests/Tools/fetch-xliff-schemas` fills: `xliff-core-2.0.xsd` and `xml.xsd`.
  static let schemaFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Tools/xliff-schemas")

  static var schemasAvailable: Bool {
    inCI
      || (available("xmllint")
        && FileManager.default.fileExists(atPath: schemaFolder.appendingPathComponent("xliff-core-2.0.xsd").path))
  }

  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs a program found on `PATH`, with standard error in a file so no pipe can block it.
  static func run(_ arguments: [String], in folder: URL? = nil) throws -> Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    let out = Pipe()
    let errURL = FileManager.default.temporaryDirectory.appendingPathComponent(
      "netexport-interchange-test-\(UUID().uuidString)")
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

/// A fresh folder that removes itself.
final class TemporaryFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "netexport-interchange-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// Writes `text` to a file in the folder and returns its path.
  func write(_ text: String, to name: String) throws -> String {
    let file = url.appendingPathComponent(name)
    try Data(text.utf8).write(to: file)
    return file.path
  }

  func read(_ name: String) throws -> String {
    try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
  }
}
