import Foundation
public import NetexportICU

/// A netexport project folder: `Locales/` with one catalog per locale, and `Exports/`.
public struct Project: Sendable {
  /// The project folder.
  public let root: URL
  /// How the user named the folder; paths in messages start with it ("" for the current folder).
  public let displayRoot: String

  /// `Locales/`: made once, as every catalog's URL starts with it.
  public let localesDirectory: URL

  /// - Parameter path: The folder as the user typed it (default: the current folder).
  public init(path: String = ".") {
    root = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
    displayRoot = path == "." || path == "./" ? "" : (path.hasSuffix("/") ? path : path + "/")
    localesDirectory = root.appendingPathComponent("Locales", isDirectory: true)
  }

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
          code: .noCatalogs, at: SourceLocation(file: displayPath("Locales/")),
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
          code: .invalidLocale, at: nil,
          "'\(requested)' is not a valid BCP 47 language tag (for example: en, es, pt-BR, zh-Hans)"))
    }
    let available = try availableLocales()
    guard available.contains(tag.canonical) else {
      throw DiagnosticError(
        Diagnostic(
          code: .unknownLocale, at: nil,
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
    try requireInside(catalogURL(for: locale.canonical), displayPath: catalogDisplayPath(for: locale.canonical))
    return try Catalog.load(
      catalogURL(for: locale.canonical), displayPath: catalogDisplayPath(for: locale.canonical),
      expectedLocale: locale.canonical, lenient: lenient)
  }

  /// `Locales/<locale>.yaml` as shown in messages.
  public func catalogDisplayPath(for locale: String) -> String { displayPath("Locales/\(locale).yaml") }

  /// Refuses a path inside the project folder that symbolic links lead outside it.
  ///
  /// A checkout someone else wrote is read and written by CI, often as root: a catalog
  /// linked to `/etc/shadow` was read and every line of it echoed as an unknown field,
  /// and a report or export linked to a system file would overwrite it. Links that stay
  /// inside the project are fine, and a path the user names outside the project
  /// (`--content /tmp/leaflet.yaml`) is read or written as asked.
  ///
  /// - Throws: `DiagnosticError` with code `outside-project`, which names the link but
  ///   never where it leads or what is there.
  public func requireInside(_ url: URL, displayPath: String) throws {
    guard let realRoot = Self.realPath(root.path) else { return }
    let lexical = url.standardizedFileURL.path
    // `root` is standardized already (`init`): standardizing it again for every file read
    // cost as much as standardizing the file's own URL.
    guard Self.path(lexical, isInside: root.path) || Self.path(lexical, isInside: realRoot)
    else { return }
    let followed: String
    switch try? TextFile.resolve(lexical) {
    case .existing(let path, _), .missing(let path): followed = path
    // The process's own descriptors (a link to /dev/stdout), which whoever ran it opened.
    case .descriptor: return
    // Links that cannot be followed (a loop, a file where a folder should be) lead
    // nowhere: the read or write then reports why.
    case nil: return
    }
    guard let real = Self.realPath(followed), !Self.path(real, isInside: realRoot) else { return }
    throw DiagnosticError(
      Diagnostic(
        code: .outsideProject, at: SourceLocation(file: displayPath),
        "\(displayPath) is a symbolic link that leads outside the project folder; netexport does not follow it there (put the file itself inside the project, or name its real path)"
      ))
  }

  private static func path(_ path: String, isInside folder: String) -> Bool {
    path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
  }

  /// Where a path really is, with every folder's links followed: `realpath` of the nearest
  /// folder that exists, and the rest (which does not exist, so holds no link) as it is.
  /// `nil` when that cannot be found (a folder that cannot be searched).
  private static func realPath(_ path: String) -> String? {
    var existing = path
    var rest: [String] = []
    while !existing.isEmpty {
      if let real = realpath(existing, nil) {
        defer { free(real) }
        return ([String(cString: real)] + rest.reversed()).joined(separator: "/")
      }
      guard errno == ENOENT, existing != "/" else { return nil }
      rest.append((existing as NSString).lastPathComponent)
      existing = (existing as NSString).deletingLastPathComponent
    }
    return nil
  }
}
