import Foundation
import NetexportExporters
import NetexportICU
import NetexportModel
import NetexportResolution
import NetexportValidation

/// The small project every target works in: `Fixture/document.yaml` and its source catalog
/// `Fixture/en.yaml` (a few of the bundled document's messages, word for word).
public enum Fixture {
  /// The fixture's content file, as text.
  public static let documentText = resource("document")
  /// The fixture's source catalog, as text.
  public static let sourceText = resource("en")

  public static let documentFile = "fixture/document.yaml"
  public static let sourceFile = "Locales/en.yaml"

  public static let document: Document = {
    do {
      return try Document.parse(documentText, file: documentFile)
    } catch {
      fatalError("the fuzz fixture's document does not load: \(error)")
    }
  }()

  public static let source: Catalog = {
    do {
      return try Catalog.parse(sourceText, file: sourceFile, expectedLocale: "en")
    } catch {
      fatalError("the fuzz fixture's source catalog does not load: \(error)")
    }
  }()

  static let sourceLocale = LanguageTag("en")!

  static let validator = Validator(document: document, source: source, sourceLocale: sourceLocale)

  /// The locales inputs choose from: the shipped translations, and Russian for its four
  /// plural categories.
  public static let locales = ["es", "fr", "de", "pt-BR", "zh-Hans", "ar", "vi", "ru"]

  /// Every key a target may fill, in a fixed order: the document's messages in reading order,
  /// then the labels the export formats format themselves.
  public static let keys: [String] = {
    var seen = Set<String>()
    let labels = ExportFormat.allCases.flatMap(\.labelKeys)
    return (document.textRefs.map(\.key) + labels).filter { seen.insert($0).inserted }
  }()

  /// The English text of `key`.
  static func english(_ key: String) -> String { source[key]?.text ?? "" }

  private static func resource(_ name: String) -> String {
    guard let url = Bundle.module.url(forResource: name, withExtension: "yaml", subdirectory: "Fixture"),
      let text = try? String(contentsOf: url, encoding: .utf8)
    else { fatalError("the fuzz fixture Fixture/\(name).yaml is missing from this build") }
    return text
  }
}
