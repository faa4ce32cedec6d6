import Foundation
public import NetexportICU

/// A netexport project folder: `Locales/` with one catalog per locale, and `Exports/`.
public struct Project: Sendable {
  /// The project folder.
  public let root: URL
  /// How the user named the folder; paths in messages start with it ("" for the current folder).
  public let displayRoot: String

  /// - Parameter path: The folder as the user typed it (default: the current folder).
  public init(path: String = ".") {
    root = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
    displayRoot = path == "." || path == "./" ? "" : (path.hasSuffix("/") ? path : path + "/")
  }

  public var localesDirectory: URL { root.appendingPathComponent("Locales", isDirectory: true) }
  public var exportsDirectory: URL { root.appendingPathComponent("Exports", isDirectory: true) }

  /// A path inside the project as shown in messages, e.g. `Locales/es.yaml`.
  public func displayPath(_ relative: String) -> String { displayRoot + relative }

  public func catalogURL(for locale: String) -> URL { localesDirectory.appendingPathComponent("\(locale).yaml") }

  /// The locales that have a catalog, sorted; each is the catalog's file name without `.yaml`.
  public func availableLocales() throws -> [String] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: localesDirectory.path)
    } catch {
      throw DiagnosticError(
        Diagnostic(
          code: "no-catalogs", at: SourceLocation(file: displayPath("Locales/")),
          "cannot read the catalogs folder (\(TextFile.reason(error))); run netexport from the project folder or pass --project DIR"
        ))
    }
    return names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }.sorted()
  }

  /// Checks a locale the user asked for: it must be a valid BCP 47 tag, and have a catalog.
  ///
  /// - Returns: The canonical tag (`pt-br` gives `pt-BR`).
  /// - Throws: `DiagnosticError` with code `invalid-locale` or `unknown-locale`; the latter
  ///   lists the locales that are available.
  public func locale(_ requested: String) throws -> LanguageTag {
    guard let tag = LanguageTag(requested) else {
      throw DiagnosticError(
        Diagnostic(
          code: "invalid-locale", at: nil,
          "'\(requested)' is not a valid BCP 47 language tag (for example: en, es, pt-BR, zh-Hans)"))
    }
    let available = try availableLocales()
    guard available.contains(tag.canonical) else {
      throw DiagnosticError(
        Diagnostic(
          code: "unknown-locale", at: nil,
          "no catalog for locale '\(tag.canonical)' (looked for \(displayPath("Locales/\(tag.canonical).yaml"))); available locales: \(available.isEmpty ? "none" : available.joined(separator: ", "))"
        ))
    }
    return tag
  }

  /// Loads the catalog of a locale that `locale(_:)` accepted.
  ///
  /// - Parameter lenient: Return the catalog despite problems that leave part of it usable
  ///   (see `Catalog.parse`), for validation.
  public func catalog(for locale: LanguageTag, lenient: Bool = false) throws -> Catalog {
    try Catalog.load(
      catalogURL(for: locale.canonical), displayPath: catalogDisplayPath(for: locale.canonical),
      expectedLocale: locale.canonical, lenient: lenient)
  }

  /// `Locales/<locale>.yaml` as shown in messages.
  public func catalogDisplayPath(for locale: String) -> String { displayPath("Locales/\(locale).yaml") }
}
