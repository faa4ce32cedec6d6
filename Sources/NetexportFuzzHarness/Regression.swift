import Foundation

/// An input a fuzz target once failed on, kept in `Tests/Fuzz/Regressions/<target>/` so that
/// the unit tests replay it on every run (and the fuzzers start from it).
///
/// `Tests/Fuzz/Regressions/pending.txt` lists inputs whose fix is on a branch not merged yet,
/// one `<target>/<file>: <reason>` a line: the tests skip them with the reason and the
/// fuzzers leave them out. Delete the line when the fix lands.
public struct Regression: Sendable, CustomStringConvertible {
  public var target: FuzzTarget
  public var name: String
  /// The file.
  public var url: URL
  public var bytes: [UInt8]
  /// Why the input is not expected to pass yet, or nil.
  public var pending: String?

  public var description: String { "\(target.rawValue)/\(name)" }

  /// Every regression input of the project at `root`, in order.
  public static func all(root: URL) throws -> [Regression] {
    let folder = root.appendingPathComponent("Tests/Fuzz/Regressions")
    let pending = try pendingReasons(folder.appendingPathComponent("pending.txt"))
    var regressions: [Regression] = []
    for target in FuzzTarget.allCases {
      let directory = folder.appendingPathComponent(target.rawValue)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
      for name in names.sorted() where !name.hasPrefix(".") {
        let url = directory.appendingPathComponent(name)
        regressions.append(
          Regression(
            target: target, name: name, url: url, bytes: Array(try Data(contentsOf: url)),
            pending: pending["\(target.rawValue)/\(name)"]))
      }
    }
    return regressions
  }

  private static func pendingReasons(_ url: URL) throws -> [String: String] {
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
    var reasons: [String: String] = [:]
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      reasons[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return reasons
  }
}
