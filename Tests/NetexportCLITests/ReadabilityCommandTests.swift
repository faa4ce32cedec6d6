import Foundation
import NetexportTestSupport
import Testing

@Suite struct ReadabilityCommandTests {
  static let draft = """
    Taking your medicine
    ====================

    Take one tablet in the morning. Dr. Smith may change the dose.

    - Drink water.
    - Call us if you feel sick.

    Diagnosis and treatment of neuroendocrine tumors depend on the type of tumor, its location, whether it produces excess hormones, how aggressive it is and whether it has spread to other parts of the body.

    """

  func json(_ result: CLI.Result) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
  }

  @Test func scoresATextFileWithTheEnglishFormulas() throws {
    let cli = try CLI()
    try cli.write(Self.draft, to: "draft.txt")
    let result = try cli.run("readability", "--text", "draft.txt", "--language", "en", "--report", "json")
    #expect(result.status == 0, "\(result.stderr)")
    let report = try #require((try json(result)["reports"] as? [[String: Any]])?.first)
    let whole = try #require(report["whole"] as? [String: Any])
    let statistics = try #require(whole["statistics"] as? [String: Any])
    // The heading and both list items are sentences of their own; "Dr. Smith" does not end one.
    #expect(statistics["sentences"] as? Int == 6)
    #expect(statistics["words"] as? Int == 57)
    let scores = try #require((whole["assessment"] as? [String: Any])?["scores"] as? [[String: Any]])
    #expect(
      scores.compactMap { $0["id"] as? String } == [
        "flesch-reading-ease", "flesch-kincaid-grade", "smog", "gunning-fog", "coleman-liau", "ari", "lix", "rix",
      ])
    let hardest = try #require(report["hardest"] as? [[String: Any]])
    #expect(hardest.first?["location"] as? String == "draft.txt:9")
    #expect((hardest.first?["polysyllabicWords"] as? [String])?.contains("neuroendocrine") == true)
  }

  @Test func failsWhenAGradeCeilingIsMissed() throws {
    let cli = try CLI()
    try cli.write(Self.draft, to: "draft.txt")
    let result = try cli.run("readability", "--text", "draft.txt", "--language", "en", "--max-grade", "5")
    #expect(result.status == 1)
    #expect(result.stdout.contains("MISSED: flesch-kincaid-grade is "))
    #expect(result.stdout.hasSuffix("1 scored; targets missed in: en.\n"))
    let easy = try cli.run("readability", "--text", "draft.txt", "--language", "en", "--max-grade", "30")
    #expect(easy.status == 0)
  }

  @Test func reportsTheSourcesOwnMissAndFailsOnlyWhenStrict() throws {
    let cli = try CLI()
    try cli.write("targets:\n  en:\n    - {formula: flesch-kincaid-grade, max: 3}\n", to: "readability.yaml")
    let result = try cli.run("readability")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("MISSED: flesch-kincaid-grade is "))
    #expect(result.stdout.contains("hardest sentences:\n    1. Locales/en/neuroendocrine-tumors.yaml:"))
    #expect(
      result.stdout.hasSuffix(
        "1 scored; no target missed; misses reported but not failed (the source's own, or following the source's): en.\n"
      ))
    #expect(try cli.run("readability", "--strict").status == 1)
  }

  @Test func aTranslationMissingATargetTheSourceMissesToIsComparedWithTheSource() throws {
    let cli = CLI(try TestProject.repository(shipped: ["de"]))
    // The German is as easy as the English on Flesch's scale, or easier: its miss follows the source's.
    try cli.write(
      "targets:\n  en:\n    - {formula: flesch-kincaid-grade, max: 3}\n  de:\n    - {formula: amstad, min: 95}\n",
      to: "readability.yaml")
    var result = try cli.run("readability", "--locale", "de")
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout.contains("MISSED: amstad is "))
    #expect(result.stdout.contains("note: The source (en) misses its own targets too (flesch-kincaid-grade "))
    #expect(result.stdout.contains("It is not harder than the source on Flesch's reading-ease scale (amstad "))
    #expect(try cli.run("readability", "--locale", "de", "--strict").status == 1)
    // When the source meets its targets, a translation's miss always fails.
    try cli.write(
      "targets:\n  en:\n    - {formula: flesch-kincaid-grade, max: 30}\n  de:\n    - {formula: amstad, min: 95}\n",
      to: "readability.yaml")
    result = try cli.run("readability", "--locale", "de")
    #expect(result.status == 1)
    #expect(!result.stdout.contains("The source (en) misses"))
  }

  @Test func aTargetForAFormulaTheLocaleLacksIsAMiss() throws {
    let cli = try CLI()
    try cli.write(Self.draft, to: "draft.txt")
    try cli.write("targets:\n  en:\n    - {formula: szigriszt-pazos, min: 55}\n", to: "readability.yaml")
    let result = try cli.run("readability", "--text", "draft.txt", "--language", "en")
    #expect(result.status == 1)
    #expect(result.stdout.contains("MISSED: en has no 'szigriszt-pazos' score"))
  }

  @Test func neverAppliesEnglishFormulasToChinese() throws {
    let cli = try CLI()
    try cli.write("神经内分泌肿瘤很少见。它们可以出现在身体的任何部位。\n", to: "zh.txt")
    let result = try cli.run("readability", "--text", "zh.txt", "--language", "zh-Hans", "--report", "json")
    #expect(result.status == 0, "\(result.stderr)")
    let report = try #require((try json(result)["reports"] as? [[String: Any]])?.first)
    let assessment = try #require((report["whole"] as? [String: Any])?["assessment"] as? [String: Any])
    #expect(assessment["hasValidatedFormula"] as? Bool == false)
    let ids = (assessment["scores"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
    #expect(ids == ["average-sentence-length-characters"])
  }

  @Test(arguments: [
    ["readability", "--text", "draft.txt"], ["readability", "--language", "en"],
    ["readability", "--text", "draft.txt", "--language", "../x"], ["syllables", "--language", "zh-Hans", "字"],
  ])
  func usageErrorsExit64(arguments: [String]) throws {
    #expect(try CLI().run(arguments: arguments).status == 64)
  }

  @Test func printsSyllablesPerWord() throws {
    let result = try CLI().run("syllables", "--language", "es", "córneo", "país", "pingüino")
    #expect(result.status == 0)
    #expect(result.stdout == "córneo\t3\npaís\t2\npingüino\t3\n")
  }
}
