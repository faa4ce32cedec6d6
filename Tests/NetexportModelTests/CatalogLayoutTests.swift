import Foundation
import Testing

@testable import NetexportModel

@Suite struct CatalogLayoutTests {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Every committed catalog: `Locales/` and the test fixtures that are catalogs.
  static let catalogs: [String] = {
    var paths: [String] = []
    for folder in ["Locales", "Tests"] {
      let root = packageRoot.appendingPathComponent(folder)
      let walker = FileManager.default.enumerator(atPath: root.path)
      while let path = walker?.nextObject() as? String {
        guard path.hasSuffix(".yaml") else { continue }
        paths.append("\(folder)/\(path)")
      }
    }
    return paths.sorted()
  }()

  /// The layout of a catalog, read leniently (problems in entries do not stop it); `nil` for
  /// a file that is not a catalog at all.
  static func layout(of text: String) throws -> CatalogLayout? {
    guard let (_, outline) = try? Catalog.read(text, file: "catalog.yaml", lenient: true),
      outline.sections.contains(where: { $0.key.name == "entries" })
    else { return nil }
    return try CatalogLayout(text: text, outline: outline, file: "catalog.yaml")
  }

  /// The layout reader loses nothing: every committed catalog it can read comes back byte
  /// for byte from its sections and blocks.
  @Test func readsEveryCommittedCatalogBackByteForByte() throws {
    var read = 0
    for path in Self.catalogs {
      let data = try Data(contentsOf: Self.packageRoot.appendingPathComponent(path))
      // Some fixtures are deliberately not valid UTF-8 or not valid YAML.
      guard let text = String(data: data, encoding: .utf8), let layout = try? Self.layout(of: text) else { continue }
      #expect(layout.text == text, "\(path) does not round-trip")
      read += 1
    }
    #expect(read >= 50, "only \(read) catalogs read")
  }
}
