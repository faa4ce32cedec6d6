import Foundation
import NetexportTestSupport
import Testing

/// `netexport import` end to end: a first import, an import after edits, a dry run, and what
/// it refuses.
@Suite struct ImportCommandTests {
  static let first = """
    ---
    title: Living with a tumor
    byline: By the clinic staff
    publisher: Example Clinic
    reviewed: 2025-01-02
    ---

    ## Every day

    Walk for twenty minutes every day.

    Drink water with every meal.

    Sleep eight hours a night.

    """

  static let edited =
    first
    .replacingOccurrences(of: "Walk for twenty minutes", with: "Walk for thirty minutes")
    .replacingOccurrences(of: "Drink water with every meal.\n\n", with: "")
    + "\nCall us when you feel tired.\n"

  /// First import, then an edited import: the keys of unchanged and edited blocks stay,
  /// the Spanish catalog follows (edited: needs review with its translation kept; removed:
  /// obsolete; new: added), and a dry run writes nothing.
  @Test func importsAndImportsAgainAfterAnEdit() throws {
    let cli = try Handouts.net()
    try cli.write(Self.first, to: "living.md")
    let first = try cli.run("import", "living.md")
    #expect(first.status == 0, "\(first.stderr)")
    #expect(
      first.stdout == """
        living: 7 messages in 1 section
        Documents/living.yaml
        Locales/en/living.yaml
        Locales/es/living.yaml: created, 7 messages to translate
        Locales/es/labels.yaml: up to date

        """)
    // The translator translates the paragraphs.
    for (english, spanish) in [
      ("Walk for twenty minutes every day.", "Camine veinte minutos cada día."),
      ("Drink water with every meal.", "Beba agua con cada comida."),
      ("Sleep eight hours a night.", "Duerma ocho horas cada noche."),
    ] {
      try cli.edit(
        "Locales/es/living.yaml", replacing: "    source: \"\(english)\"\n    text: \"\"\n    state: new",
        with: "    source: \"\(english)\"\n    text: \"\(spanish)\"\n    state: translated")
    }

    try cli.write(Self.edited, to: "living.md")
    let before = try cli.project.snapshot()
    let dry = try cli.run("import", "living.md", "--dry-run")
    #expect(dry.status == 0, "\(dry.stderr)")
    #expect(
      dry.stdout == """
        living: 5 unchanged, 1 edited, 1 added, 1 removed (dry run: not written)
          edited: every-day.paragraph-1
          added: every-day.paragraph-4
          removed: every-day.paragraph-2
        Documents/living.yaml (dry run: not written)
        Locales/en/living.yaml (dry run: not written)

        """)
    #expect(try cli.project.snapshot() == before)

    let again = try cli.run("import", "living.md")
    #expect(again.status == 0, "\(again.stderr)")
    #expect(
      again.stdout == """
        living: 5 unchanged, 1 edited, 1 added, 1 removed
          edited: every-day.paragraph-1
          added: every-day.paragraph-4
          removed: every-day.paragraph-2
        Documents/living.yaml
        Locales/en/living.yaml
        Locales/es/living.yaml: 1 added, 1 marked needs-review, 1 moved to obsolete
          added: every-day.paragraph-4
          needs review: every-day.paragraph-1
          obsolete: every-day.paragraph-2
        Locales/es/labels.yaml: up to date

        """)
    let spanish = try cli.read("Locales/es/living.yaml")
    #expect(
      spanish.contains(
        "    source: \"Walk for thirty minutes every day.\"\n    previous-source: \"Walk for twenty minutes every day.\"\n    text: \"Camine veinte minutos cada día.\"\n    state: needs-review\n"
      ))
    #expect(spanish.contains("    text: \"Beba agua con cada comida.\"\n"))
    #expect(spanish.contains("    text: \"Duerma ocho horas cada noche.\"\n    state: translated\n"))
    let english = try cli.read("Locales/en/living.yaml")
    #expect(english.contains("  every-day.paragraph-3:\n"))
    #expect(english.contains("  every-day.paragraph-4:\n"))
    #expect(!english.contains("every-day.paragraph-2:"))
  }

  /// What netexport cannot show is refused at its place, and nothing is written.
  @Test func refusesATableAtItsPlaceAndWritesNothing() throws {
    let cli = try Handouts.net()
    try cli.write(Self.first + "\n| Day | Walk |\n|-----|------|\n| Mon | 20 min |\n", to: "living.md")
    let before = try cli.project.snapshot()
    let result = try cli.run("import", "living.md")
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "living.md:16:1: error[markdown-unsupported]: table: large print and audio cannot show a table; write each row as a list item (for example '- **Name**: value') or as a paragraph\n"
    )
    #expect(result.stdout == "")
    #expect(try cli.project.snapshot() == before)
  }

  @Test(arguments: [["import", "living.md", "--id", "Living"], ["import", "living.md", "--id", "-x"], ["import"]])
  func usageErrorsExit64(arguments: [String]) throws {
    let cli = try Handouts.net()
    try cli.write(Self.first, to: "living.md")
    let before = try cli.project.snapshot()
    #expect(try cli.run(arguments: arguments).status == 64)
    #expect(try cli.project.snapshot() == before)
  }

  /// A document netexport did not import is never overwritten by an import.
  @Test func neverOverwritesADocumentItDidNotImport() throws {
    let cli = try Handouts.net()
    try cli.write(Self.first, to: "living.md")
    let before = try cli.project.snapshot()
    let result = try cli.run("import", "living.md", "--id", "neuroendocrine-tumors")
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "Documents/neuroendocrine-tumors.yaml:1: error[document-exists]: Documents/neuroendocrine-tumors.yaml was not made by 'netexport import', so importing would overwrite it; import under another id (--id)\n"
    )
    #expect(try cli.project.snapshot() == before)
  }
}
