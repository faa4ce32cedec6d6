import Foundation

/// One catalog file of a locale: a document's messages, the labels every export shares, or
/// the locale's glossary. The file's name says which (`Locales/<locale>/<name>.yaml`).
public enum CatalogFile: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The messages of one document, `Locales/<locale>/<document id>.yaml`.
  case document(String)
  /// The labels every export shares (page counter, audio announcements, "References"),
  /// `Locales/<locale>/labels.yaml`.
  case labels
  /// The locale's glossary, shared by every document, `Locales/<locale>/glossary.yaml`.
  case glossary

  /// File names a document id cannot take, because the shared catalogs use them.
  public static let reservedNames: Set<String> = ["labels", "glossary"]

  /// The file's name without `.yaml`.
  public var name: String {
    switch self {
    case .document(let id): id
    case .labels: "labels"
    case .glossary: "glossary"
    }
  }

  /// The catalog file a file name (without `.yaml`) stands for.
  public init(name: String) {
    switch name {
    case "labels": self = .labels
    case "glossary": self = .glossary
    default: self = .document(name)
    }
  }

  public var documentID: String? {
    if case .document(let id) = self { return id }
    return nil
  }

  public var description: String { name }

  /// Documents first (by id), then the labels, then the glossary.
  public static func < (lhs: CatalogFile, rhs: CatalogFile) -> Bool {
    func rank(_ file: CatalogFile) -> (Int, String) {
      switch file {
      case .document(let id): (0, id)
      case .labels: (1, "")
      case .glossary: (2, "")
      }
    }
    return rank(lhs) < rank(rhs)
  }
}

extension Project {
  /// `netexport.yaml`, the project's manifest.
  public var manifestURL: URL { root.appendingPathComponent(Manifest.fileName) }
  /// `Documents/`, one content model per document.
  public var documentsDirectory: URL { root.appendingPathComponent("Documents", isDirectory: true) }

  /// `Documents/<id>.yaml`.
  public func documentURL(_ id: String) -> URL { documentsDirectory.appendingPathComponent("\(id).yaml") }
  public func documentDisplayPath(_ id: String) -> String { displayPath("Documents/\(id).yaml") }

  /// `Locales/<locale>/`.
  public func localeDirectory(_ locale: String) -> URL {
    localesDirectory.appendingPathComponent(locale, isDirectory: true)
  }

  /// `Locales/<locale>/<file>.yaml`.
  public func catalogURL(_ locale: String, _ file: CatalogFile) -> URL {
    localeDirectory(locale).appendingPathComponent("\(file.name).yaml")
  }

  public func catalogDisplayPath(_ locale: String, _ file: CatalogFile) -> String {
    displayPath("Locales/\(locale)/\(file.name).yaml")
  }

  /// `Exports/<locale>/<document>.<extension>`, relative to the project.
  public static func exportPath(locale: String, document: String, fileExtension: String) -> String {
    "Exports/\(locale)/\(document).\(fileExtension)"
  }
}
