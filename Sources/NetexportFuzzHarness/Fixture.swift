import Foundation
import NetexportExporters
import NetexportICU
import NetexportModel
import NetexportResolution
import NetexportValidation

/// The small project every target works in, `Fixture/` in the library layout: the manifest,
/// `Documents/fuzz-fixture.yaml`, and its English catalogs `Locales/en/fuzz-fixture.yaml`
/// (a few of the repository document's messages, word for word), `labels.yaml` and
/// `glossary.yaml`. Read once, from memory, as the workspace reads each kind of file.
public enum Fixture {
  /// The document's id, and the name of its catalog in every locale.
  public static let documentID = "fuzz-fixture"
  /// The document's catalog file.
  public static let documentFile = CatalogFile.document(documentID)

  /// The fixture project's folder, inside this build's resources.
  public static let folder: URL = {
    guard let url = Bundle.module.url(forResource: "Fixture", withExtension: nil) else {
      fatalError("the fuzz fixture's project Fixture/ is missing from this build")
    }
    return url
  }()

  /// The fixture's content model, as text.
  public static let documentText = resource("Documents/\(documentID).yaml")
  /// The fixture's English catalogs, as text.
  public static let sourceText = resource(catalogPath("en", documentFile))
  public static let labelsText = resource(catalogPath("en", .labels))
  public static let glossaryText = resource(catalogPath("en", .glossary))

  public static let document: Document = {
    do {
      return try Document.parse(documentText, file: "Documents/\(documentID).yaml")
    } catch {
      fatalError("the fuzz fixture's document does not load: \(error)")
    }
  }()

  /// The English catalog of the document.
  public static let source = catalog(sourceText, "en", documentFile)
  /// The English labels.
  public static let labels = catalog(labelsText, "en", .labels)
  /// The English glossary.
  public static let glossary = catalog(glossaryText, "en", .glossary)

  /// The English messages, as the workspace puts them together for the document.
  public static let sourceTable = MessageTable([source, labels], glossary: glossary.glossary)

  static let sourceLocale = LanguageTag("en")!

  /// `Locales/<locale>/<file>.yaml`, as messages name it.
  public static func catalogPath(_ locale: String, _ file: CatalogFile) -> String {
    "Locales/\(locale)/\(file.name).yaml"
  }

  /// What the workspace checks a locale's document catalog with.
  static let validator = Validator(
    uses: document.uses, source: source, sourceGlossary: glossary.glossary, sourceLocale: sourceLocale)
  /// ... and its labels.
  static let labelsValidator = Validator(
    uses: Labels.uses, source: labels, sourceGlossary: glossary.glossary, sourceLocale: sourceLocale)

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

  /// The catalog file a key's entry lives in: the labels, or the document's.
  public static func home(of key: String) -> CatalogFile { Labels.isLabel(key) ? .labels : documentFile }

  /// The English text of `key`.
  static func english(_ key: String) -> String { sourceTable[key]?.entry.text ?? "" }

  private static func catalog(_ text: String, _ locale: String, _ file: CatalogFile) -> Catalog {
    do {
      return try Catalog.parse(text, file: catalogPath(locale, file), expectedLocale: locale, kind: file)
    } catch {
      fatalError("the fuzz fixture's catalog \(catalogPath(locale, file)) does not load: \(error)")
    }
  }

  private static func resource(_ path: String) -> String {
    guard let text = try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8) else {
      fatalError("the fuzz fixture Fixture/\(path) is missing from this build")
    }
    return text
  }
}
