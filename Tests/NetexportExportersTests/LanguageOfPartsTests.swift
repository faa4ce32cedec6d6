import Foundation
import NetexportExporters
import NetexportICU
import NetexportResolution
import Testing

/// Issue 14, item 4: what every shipped translation keeps in English on purpose (the
/// organisation's and the community's names, the reference it does not translate) is marked
/// as English in its catalog, and the handout and the SSML say so.
@Suite struct LanguageOfPartsTests {
  static let kept = [
    "Mayo Clinic", "Mayo Clinic Connect",
    "Neuroendocrine and adrenal tumors. Plymouth Meeting, Pa.: National Comprehensive Cancer Network.",
    "Warner KJ. Allscripts EPSi. Mayo Clinic, Rochester, Minn.",
  ]

  static func translations() throws -> [String] { try Fixtures.shippedLocales().filter { $0 != "en" } }

  @Test(arguments: try translations())
  func theHandoutMarksTheEnglishPassagesOfEveryTranslation(locale: String) throws {
    let html = try LargePrintHTMLExporter().export(Fixtures.shipped(locale))
    for passage in Self.kept {
      #expect(html.contains("<span lang=\"en\" dir=\"ltr\">\(passage)</span>"), "\(locale): \(passage)")
    }
    // Nothing else is marked: the translated words around the names are the page's language.
    #expect(html.components(separatedBy: "<span lang=").count - 1 >= Self.kept.count)
    #expect(!html.contains("lang-en"))
  }

  /// Speech says the byline and the invitation (not the references): each name is a `lang`
  /// element inside its sentence.
  @Test(arguments: try translations())
  func theSSMLMarksTheEnglishNamesOfEveryTranslation(locale: String) throws {
    let ssml = try SSMLExporter().export(Fixtures.shipped(locale, spoken: true))
    #expect(ssml.contains("<lang xml:lang=\"en\">Mayo Clinic</lang>"), "\(locale)")
    #expect(ssml.contains("<lang xml:lang=\"en\">Mayo Clinic Connect</lang>"), "\(locale)")
    #expect(!ssml.contains("lang-en"))
  }

  /// The English handout has no passage in another language.
  @Test func theEnglishHandoutHasNone() throws {
    let html = try LargePrintHTMLExporter().export(Fixtures.english())
    #expect(!html.contains("<span lang="))
  }
}
