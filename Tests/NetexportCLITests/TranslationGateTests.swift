import Foundation
import NetexportTestSupport
import Testing

/// Never a mixed-language handout by accident (issue 13, item 2): a translation that is the
/// English, or an entry that does not say where it stands, keeps a document from being
/// exported in that locale; the warnings of what is exported are said.
@Suite struct TranslationGateTests {
  static let catalog = "Locales/es/neuroendocrine-tumors.yaml"

  /// The Spanish project, with the overview's heading and first paragraph set to their English
  /// source, as a CAT tool's "copy source to target" leaves them.
  static func copiedFromEnglish() throws -> CLI {
    let cli = CLI(try TestProject.repository(shipped: ["es"]))
    try cli.edit(catalog, replacing: "    text: \"Descripción general\"\n", with: "    text: \"Overview\"\n")
    try cli.edit(
      catalog,
      replacing:
        "    text: \"Los tumores neuroendocrinos son cánceres que empiezan en unas células especializadas llamadas células neuroendocrinas. Estas células tienen rasgos parecidos a los de las células nerviosas y a los de las células que producen hormonas.\"\n",
      with:
        "    text: \"Neuroendocrine tumors are cancers that begin in specialized cells called neuroendocrine cells. Neuroendocrine cells have traits similar to those of nerve cells and hormone-producing cells.\"\n"
    )
    return cli
  }

  @Test func aTranslationLeftInEnglishIsNotExported() throws {
    let cli = try Self.copiedFromEnglish()
    for arguments in [["--locale", "es"], ["--all"]] {
      let result = try cli.run(arguments: arguments)
      #expect(result.status == 1, "\(arguments)")
      #expect(
        result.stderr.contains(
          "Locales/es/neuroendocrine-tumors.yaml:37:11: error[untranslated]: 'overview.heading' is the same as the source text \"Overview\", so the handout would show it untranslated; translate it, or add allow: [untranslated] to the entry if it is right as it is (a name, for example)\n"
        ), "\(result.stderr)")
      #expect(
        result.stderr.contains(
          "Locales/es/neuroendocrine-tumors.yaml:41:11: error[untranslated]: 'overview.definition'"))
      #expect(
        result.stderr.contains(
          "Locales/es/neuroendocrine-tumors.yaml: error[export-refused]: not exporting neuroendocrine-tumors in es: 2 errors (above)"
        ), "\(result.stderr)")
      #expect(!cli.exists("Exports/es/neuroendocrine-tumors.txt"))
    }
    #expect(try cli.run("validate", "--locale", "es").status == 1)
  }

  /// The same text, accepted by the translator for the entry, exports.
  @Test func aTextAcceptedAsItIsExports() throws {
    let cli = CLI(try TestProject.repository(shipped: ["es"]))
    try cli.edit(
      Self.catalog, replacing: "    text: \"Descripción general\"\n    state: translated\n",
      with: "    text: \"Overview\"\n    state: translated\n    allow: [untranslated]\n")
    let result = try cli.run("--locale", "es")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr == "")
    #expect(try cli.read("Exports/es/neuroendocrine-tumors.txt").contains("Overview"))
  }

  /// Copied English in an entry still marked new is work to do: pending, not an error.
  @Test func copiedEnglishInANewEntryIsPending() throws {
    let cli = CLI(try TestProject.repository(shipped: ["es"]))
    try cli.edit(
      Self.catalog, replacing: "    text: \"Descripción general\"\n    state: translated\n",
      with: "    text: \"Overview\"\n    state: new\n")
    let result = try cli.run("validate", "--locale", "es")
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout.contains("pending[state-new]: 'overview.heading'"))
    #expect(!result.stdout.contains("untranslated"))
  }

  @Test func anEntryWithoutAStateIsNotExported() throws {
    let cli = CLI(try TestProject.repository(shipped: ["es"]))
    try cli.edit(
      Self.catalog, replacing: "    text: \"Descripción general\"\n    state: translated\n",
      with: "    text: \"Descripción general\"\n")
    let result = try cli.run("--locale", "es")
    #expect(result.status == 1)
    #expect(
      result.stderr.hasPrefix(
        "Locales/es/neuroendocrine-tumors.yaml:34:3: error[state-missing]: 'overview.heading' has a text but no state, so nothing says whether it is a finished translation; set state: translated when it is translated and checked, or state: new while it is not\n"
      ), "\(result.stderr)")
    #expect(!cli.exists("Exports/es/neuroendocrine-tumors.txt"))
  }

  /// Warnings do not stop an export; each command that exports says how many it saw.
  @Test func theWarningsOfWhatIsExportedAreSaid() throws {
    let cli = CLI(try TestProject.repository(shipped: ["es"]))
    try cli.edit(
      Self.catalog, replacing: "    text: \"Descripción general\"\n", with: "    text: \"Descripción  general\"\n")
    let one = "es/neuroendocrine-tumors: 1 warning (run 'netexport validate --locale es' to see it)\n"
    var result = try cli.run("--locale", "es")
    #expect(result.status == 0)
    #expect(result.stderr == one)
    result = try cli.run("--all")
    #expect(result.status == 0)
    #expect(result.stderr == one)
    try cli.edit(
      Self.catalog, replacing: "    text: \"Síntomas y causas\"\n", with: "    text: \"Síntomas y  causas\"\n")
    result = try cli.run("--locale", "es", "--format", "ssml")
    #expect(
      result.stderr == "es/neuroendocrine-tumors: 2 warnings (run 'netexport validate --locale es' to see them)\n")
    #expect(try cli.run("--locale", "en").stderr == "")
  }
}
