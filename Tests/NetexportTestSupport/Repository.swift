import Foundation
import NetexportICU
public import NetexportModel
public import NetexportResolution

/// This repository, which is itself a netexport project: the NET document and its catalogs in
/// the library layout, read from the checkout (not from a copy bundled into netexport).
public enum Repository {
  /// The repository's root, found from this file's path.
  public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The id of the repository's document.
  public static let documentID = "neuroendocrine-tumors"

  /// The locales `netexport.yaml` ships, besides the source (en).
  public static let shippedLocales = ["ar", "de", "es", "fr", "pt-BR", "vi", "zh-Hans"]

  public static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

  /// `Documents/neuroendocrine-tumors.yaml`, read.
  public static func document() throws -> Document {
    try Document.load(url("Documents/\(documentID).yaml"), displayPath: "Documents/\(documentID).yaml")
  }

  /// One catalog file of a locale (`neuroendocrine-tumors`, `labels` or `glossary`), read.
  public static func catalog(_ locale: String, _ file: CatalogFile) throws -> Catalog {
    let path = "Locales/\(locale)/\(file.name).yaml"
    return try Catalog.load(url(path), displayPath: path, expectedLocale: locale, kind: file)
  }

  /// What the NET document is resolved from in a locale: its catalog, the labels and the
  /// glossary, as the workspace puts them together.
  public static func messages(_ locale: String) throws -> MessageTable {
    MessageTable(
      [try catalog(locale, .document(documentID)), try catalog(locale, .labels)],
      glossary: try catalog(locale, .glossary).glossary)
  }

  /// The NET document resolved in a locale (from the committed catalogs, which are complete).
  public static func resolved(_ locale: String = "en", spoken: Bool = false) throws -> ResolvedDocument {
    let source = locale == "en" ? nil : try messages("en")
    return try Resolver.resolve(
      document(), messages: messages(locale), locale: LanguageTag(locale)!, source: source, fallback: nil,
      spoken: spoken)
  }
}
