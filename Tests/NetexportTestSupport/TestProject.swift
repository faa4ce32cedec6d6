import Foundation
public import NetexportModel

/// A netexport project in a fresh temporary folder, removed when the value goes away: the
/// one fixture every suite that needs a project on disk builds on.
///
/// Either a copy of this repository's own project (its manifest rewritten to list the
/// locales a test asks for) or a small project written from strings.
public final class TestProject: @unchecked Sendable {
  public let root: URL

  /// An empty folder, with `files` (relative path to text) written into it.
  public init(files: [String: String] = [:]) throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("netexport-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    for (path, text) in files { try write(text, to: path) }
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  /// A copy of this repository's project with the NET document alone (the repository's
  /// other documents left out): its content model, its English catalogs (the NET catalog,
  /// the labels and the glossary), and those of `shipped` and `drafts`, which the manifest
  /// lists as such.
  ///
  /// - Parameters:
  ///   - exports: Copy the committed exports of those locales too.
  ///   - readability: Copy `readability.yaml`.
  public static func repository(
    shipped: [String] = [], drafts: [String] = [], exports: Bool = false, readability: Bool = false
  ) throws -> TestProject {
    let project = try TestProject()
    try project.write(manifest(shipped: shipped, drafts: drafts), to: Manifest.fileName)
    try project.copy("Documents/\(Repository.documentID).yaml")
    for locale in ["en"] + shipped + drafts {
      for file in [Repository.documentID, "labels", "glossary"] { try project.copy("Locales/\(locale)/\(file).yaml") }
      if exports {
        for format in ["txt", "html", "script.txt", "ssml"] {
          try project.copy("Exports/\(locale)/\(Repository.documentID).\(format)")
        }
      }
    }
    if readability { try project.copy("readability.yaml") }
    return project
  }

  /// A manifest with source locale `source` listing `shipped` and `drafts`.
  public static func manifest(source: String = "en", shipped: [String] = [], drafts: [String] = []) -> String {
    let locales =
      shipped.map { "  \($0): shipped\n" }.joined() + drafts.map { "  \($0): draft\n" }.joined()
    return "# A test project.\nsource-locale: \(source)\nlocales:\n\(locales)"
  }

  /// The project as netexport's libraries see it.
  public var project: Project { Project(path: root.path) }

  public func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

  /// Copies a file or folder of the repository to the same place in the project.
  public func copy(_ relative: String) throws {
    let target = url(relative)
    try FileManager.default.createDirectory(
      at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: Repository.url(relative), to: target)
  }

  public func write(_ text: String, to relative: String) throws {
    try write(Data(text.utf8), to: relative)
  }

  public func write(_ data: Data, to relative: String) throws {
    try FileManager.default.createDirectory(
      at: url(relative).deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url(relative))
  }

  public func read(_ relative: String) throws -> String {
    String(decoding: try Data(contentsOf: url(relative)), as: UTF8.self)
  }

  /// Replaces `old` (which must be there) with `new` in a file.
  public func edit(_ relative: String, replacing old: String, with new: String) throws {
    let text = try read(relative)
    guard text.contains(old) else { throw TestProjectError.notFound(old, in: relative) }
    try write(text.replacingOccurrences(of: old, with: new), to: relative)
  }

  public func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: url(relative).path) }

  public func remove(_ relative: String) throws { try FileManager.default.removeItem(at: url(relative)) }

  /// Every path under the root, sorted.
  public func paths() -> [String] {
    (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []).sorted()
  }

  /// Every file and folder under the root with its bytes (folders as empty data), to show
  /// that a refused run changed nothing.
  public func snapshot() throws -> [String: Data] {
    var result: [String: Data] = [:]
    for relative in paths() {
      var isFolder: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: url(relative).path, isDirectory: &isFolder)
      result[relative] = isFolder.boolValue ? Data() : try Data(contentsOf: url(relative))
    }
    return result
  }

  /// The files under `folder` with their text.
  public func files(under folder: String) throws -> [String: String] {
    var files: [String: String] = [:]
    for relative in paths() where relative.hasPrefix(folder + "/") {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: url(relative).path, isDirectory: &isFolder), !isFolder.boolValue {
        files[relative] = try read(relative)
      }
    }
    return files
  }
}

public enum TestProjectError: Error, CustomStringConvertible {
  case notFound(String, in: String)

  public var description: String {
    switch self {
    case .notFound(let text, let file): "\(file) does not contain \(text.debugDescription)"
    }
  }
}
