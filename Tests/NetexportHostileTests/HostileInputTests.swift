import Foundation
import NetexportModel
import NetexportTestSupport
import Testing
import Yams

/// The hand-made hostile inputs of `Tests/Hostile/`: each case puts its files into a copy of
/// a small project, runs the built `netexport` there, and checks the exit status, what it
/// printed, and that every file of the project is as it was (bytes, mode, link target, kind)
/// unless the case names it. `Tests/Hostile/README.md` describes a case's `case.yaml`.
@Suite struct HostileInputTests {
  static let folder = Repository.url("Tests/Hostile")

  /// With NETEXPORT_RUN_PENDING set, pending cases run too: to check, after merging a fix,
  /// which `pending:` lines can go.
  static let runPending = ProcessInfo.processInfo.environment["NETEXPORT_RUN_PENDING"] != nil
  static let cases: [HostileCase] = (try? HostileCase.all(in: folder)) ?? []
  static let active = cases.filter { $0.pending == nil || runPending }
  static let pending = cases.filter { $0.pending != nil && !runPending }

  @Test func theCasesAllLoad() throws {
    let cases = try HostileCase.all(in: Self.folder)
    #expect(cases.count >= 30)
    #expect(Set(cases.map(\.name)).count == cases.count)
  }

  @Test(arguments: active)
  func netexportRefusesOrHandlesTheInputAndChangesNothingElse(hostileCase: HostileCase) throws {
    let project = try HostileProject(for: hostileCase)
    let before = try project.snapshot()
    let result = try project.run()

    let where_ = "\(hostileCase.name): \(hostileCase.about)"
    #expect(!result.timedOut, "did not finish in \(HostileProject.timeLimit) s: \(where_)")
    #expect(
      result.status == hostileCase.status,
      "exit status \(result.status), expected \(hostileCase.status); stderr: \(String(decoding: result.stderr, as: UTF8.self).prefix(3000)) — \(where_)"
    )
    // Compared byte for byte, as a terminal or a markup parser reads: a String compares
    // grapheme clusters, and "\u{0600}<img" holds no "<img" cluster for cluster.
    func has(_ output: Data, _ part: String) -> Bool {
      var part = part
      if part.contains("{edit-line}") {
        guard let line = project.editLine else {
          Issue.record("\(where_): {edit-line} needs edits of exactly one file")
          return false
        }
        part = part.replacingOccurrences(of: "{edit-line}", with: String(line))
      }
      return output.range(of: Data(part.utf8)) != nil
    }
    let stderr = String(decoding: result.stderr, as: UTF8.self).prefix(3000)
    for part in hostileCase.stderr ?? [] {
      #expect(has(result.stderr, part), "stderr lacks \(part.debugDescription): \(stderr) — \(where_)")
    }
    for part in hostileCase.stderrExcludes ?? [] {
      #expect(!has(result.stderr, part), "stderr holds \(part.debugDescription): \(stderr) — \(where_)")
    }
    for part in hostileCase.stdout ?? [] {
      #expect(has(result.stdout, part), "stdout lacks \(part.debugDescription) — \(where_)")
    }
    for part in hostileCase.stdoutExcludes ?? [] {
      #expect(!has(result.stdout, part), "stdout holds \(part.debugDescription) — \(where_)")
    }

    // Every path is as it was; one the case names may have new bytes (or appear), but keeps
    // its kind, mode and link destination.
    let after = try project.snapshot()
    let allowed = Set(hostileCase.changes ?? [])
    for path in Set(before.keys).union(after.keys).sorted() {
      let old = before[path]
      let new = after[path]
      if allowed.contains(path), let old, let new {
        #expect(
          old.kind == new.kind && old.mode == new.mode && old.destination == new.destination,
          "\(path) changed: \(old) -> \(new) — \(where_)")
      } else if !allowed.contains(path) || old != nil {
        #expect(
          old == new, "\(path) changed: \(old?.description ?? "none") -> \(new?.description ?? "none") — \(where_)")
      }
    }
    for device in hostileCase.devices ?? [] {
      var status = stat()
      #expect(lstat(device, &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR, "\(device) is no longer a device")
    }
  }

  /// Cases whose fix is on a branch not merged yet are not run; this test says which, and why.
  @Test func pendingCasesAreSkipped() throws {
    guard !Self.pending.isEmpty else { return }
    try Test.cancel(
      Comment(
        rawValue: "pending, not run: " + Self.pending.map { "\($0.name) (\($0.pending ?? ""))" }.joined(separator: "; ")
      ))
  }
}

/// One case: a folder of `Tests/Hostile/` with its `case.yaml`.
struct HostileCase: Decodable, Sendable, CustomStringConvertible {
  /// The folder's name.
  var name = ""
  var folder = URL(fileURLWithPath: "/")
  var about: String
  /// Project path to a file of the case's folder, copied into the project.
  var files: [String: String]?
  /// Files copied beside the project folder, outside it (what a link may point at).
  var outside: [String: String]?
  /// Project path to replacements in that file: each `find` must occur exactly once.
  var edit: [String: [Edit]]?
  var remove: [String]?
  /// Project path to the path it is moved to, after the edits.
  var renames: [String: String]?
  /// Project path to the symbolic link's destination (`{project}` is the project's folder).
  var symlinks: [String: String]?
  var fifos: [String]?
  /// Project path to permissions, in octal ("0640").
  var modes: [String: String]?
  /// The arguments (`{project}` is the project's folder).
  var run: [String]
  /// Where standard output goes instead of being read: a path such as /dev/full.
  var stdoutTo: String?
  var status: Int32
  /// Parts standard error must contain, and must not.
  var stderr: [String]?
  var stderrExcludes: [String]?
  var stdout: [String]?
  var stdoutExcludes: [String]?
  /// Project paths that may change (all others must not, nor appear or vanish).
  var changes: [String]?
  /// Paths that must still be character devices afterwards.
  var devices: [String]?
  /// Why the case is not run yet ("issue 11 item 2 (branch h11-files)"), or nil.
  var pending: String?

  struct Edit: Decodable, Sendable {
    var find: String
    var replace: String
  }

  enum CodingKeys: String, CodingKey {
    case about, files, outside, edit, remove, renames, symlinks, fifos, modes, run, status, stderr, stdout, changes,
      devices,
      pending
    case stdoutTo = "stdout-to"
    case stderrExcludes = "stderr-excludes"
    case stdoutExcludes = "stdout-excludes"
  }

  var description: String { name }

  static func all(in folder: URL) throws -> [HostileCase] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().compactMap { name in
      let caseFolder = folder.appendingPathComponent(name)
      let sidecar = caseFolder.appendingPathComponent("case.yaml")
      guard FileManager.default.fileExists(atPath: sidecar.path) else { return nil }
      var hostileCase = try YAMLDecoder().decode(
        HostileCase.self, from: try String(contentsOf: sidecar, encoding: .utf8))
      hostileCase.name = name
      hostileCase.folder = caseFolder
      return hostileCase
    }
  }

  /// A case file's text with `<<repeat N|TEXT>>` written out: TEXT N times (deep nesting and
  /// long messages without megabytes in git).
  static func expand(_ data: Data) -> Data {
    guard var text = String(data: data, encoding: .utf8), text.contains("<<repeat ") else { return data }
    while let start = text.range(of: "<<repeat "),
      let bar = text.range(of: "|", range: start.upperBound..<text.endIndex),
      let end = text.range(of: ">>", range: bar.upperBound..<text.endIndex),
      let count = Int(text[start.upperBound..<bar.lowerBound])
    {
      text.replaceSubrange(
        start.lowerBound..<end.upperBound,
        with: String(repeating: String(text[bar.upperBound..<end.lowerBound]), count: count))
    }
    return Data(text.utf8)
  }
}

/// A scratch project for one case: a copy of this repository's project with Spanish shipped
/// (its manifest, the NET document, and the English and Spanish catalogs), then the case's
/// files, edits, links, pipes and modes. The project is a folder inside the scratch folder,
/// so that a case can put files beside it, outside the project.
struct HostileProject {
  static let timeLimit: TimeInterval = 120

  /// The executable SwiftPM built next to this test bundle.
  static let executable: URL = {
    var folder = Bundle.main.bundleURL
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("netexport")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      folder.deleteLastPathComponent()
    }
    return Repository.url(".build/debug/netexport")
  }()

  /// The repository's files every scratch project starts from.
  static let projectFiles = ["Documents/\(Repository.documentID).yaml", "Locales/en", "Locales/es"]

  let hostileCase: HostileCase
  /// The scratch folder, removed with this value.
  let scratch: TestProject
  let folder: URL
  /// The line where the first `find` of the case's edits starts, in the file as it was before
  /// them: what `{edit-line}` stands for in the expected messages, so that a case about an
  /// edited entry still holds when lines are added above it (`nil` when a case edits several
  /// files or none).
  private(set) var editLine: Int?

  init(for hostileCase: HostileCase) throws {
    self.hostileCase = hostileCase
    scratch = try TestProject()
    try scratch.write(TestProject.manifest(shipped: ["es"]), to: "project/\(Manifest.fileName)")
    folder = scratch.url("project")
    let manager = FileManager.default
    for path in Self.projectFiles {
      let url = folder.appendingPathComponent(path)
      try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try manager.copyItem(at: Repository.url(path), to: url)
    }
    for (path, source) in hostileCase.outside ?? [:] {
      try scratch.write(
        HostileCase.expand(Data(contentsOf: hostileCase.folder.appendingPathComponent(source))), to: path)
    }
    for path in hostileCase.remove ?? [] { try manager.removeItem(at: folder.appendingPathComponent(path)) }
    for (path, source) in hostileCase.files ?? [:] {
      let url = folder.appendingPathComponent(path)
      try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try? manager.removeItem(at: url)
      try HostileCase.expand(Data(contentsOf: hostileCase.folder.appendingPathComponent(source))).write(to: url)
    }
    for (path, edits) in hostileCase.edit ?? [:] {
      let url = folder.appendingPathComponent(path)
      var text = try String(contentsOf: url, encoding: .utf8)
      if hostileCase.edit?.count == 1, let first = edits.first, let found = text.range(of: first.find) {
        editLine = text[..<found.lowerBound].utf8.filter { $0 == UInt8(ascii: "\n") }.count + 1
      }
      for edit in edits {
        let parts = text.components(separatedBy: edit.find)
        guard parts.count == 2 else {
          throw CaseError("\(hostileCase.name): '\(edit.find)' occurs \(parts.count - 1) times in \(path), not once")
        }
        text = parts.joined(separator: edit.replace)
      }
      try HostileCase.expand(Data(text.utf8)).write(to: url)
    }
    for (path, destination) in hostileCase.renames ?? [:] {
      let url = folder.appendingPathComponent(destination)
      try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try manager.moveItem(at: folder.appendingPathComponent(path), to: url)
    }
    for (path, destination) in hostileCase.symlinks ?? [:] {
      let url = folder.appendingPathComponent(path)
      try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try? manager.removeItem(at: url)
      try manager.createSymbolicLink(
        atPath: url.path, withDestinationPath: destination.replacingOccurrences(of: "{project}", with: folder.path))
    }
    for path in hostileCase.fifos ?? [] {
      let url = folder.appendingPathComponent(path)
      try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try? manager.removeItem(at: url)
      guard mkfifo(url.path, 0o644) == 0 else { throw CaseError("cannot make the pipe \(path)") }
    }
    for (path, mode) in hostileCase.modes ?? [:] {
      guard let bits = mode_t(mode, radix: 8), chmod(folder.appendingPathComponent(path).path, bits) == 0 else {
        throw CaseError("cannot set the mode of \(path) to \(mode)")
      }
    }
  }

  /// What a project path is: kind, permissions, and its bytes or link destination.
  struct Entry: Equatable, CustomStringConvertible {
    var kind: String
    var mode: mode_t
    var content: Data?
    var destination: String?

    var description: String {
      "\(kind) \(String(mode, radix: 8))" + (content.map { " \($0.count) bytes" } ?? "")
        + (destination.map { " -> \($0)" } ?? "")
    }
  }

  /// Every path under the project (links not followed, pipes not read).
  func snapshot() throws -> [String: Entry] {
    var entries: [String: Entry] = [:]
    func walk(_ url: URL, _ relative: String) throws {
      var status = stat()
      guard lstat(url.path, &status) == 0 else { return }
      let mode = status.st_mode & 0o7777
      switch status.st_mode & S_IFMT {
      case S_IFDIR:
        if !relative.isEmpty { entries[relative + "/"] = Entry(kind: "folder", mode: mode) }
        for name in try FileManager.default.contentsOfDirectory(atPath: url.path) {
          try walk(url.appendingPathComponent(name), relative.isEmpty ? name : "\(relative)/\(name)")
        }
      case S_IFLNK:
        entries[relative] = Entry(
          kind: "link", mode: mode, destination: try FileManager.default.destinationOfSymbolicLink(atPath: url.path))
      case S_IFREG:
        entries[relative] = Entry(kind: "file", mode: mode, content: try Data(contentsOf: url))
      case S_IFIFO: entries[relative] = Entry(kind: "pipe", mode: mode)
      default: entries[relative] = Entry(kind: "other", mode: mode)
      }
    }
    try walk(folder, "")
    return entries
  }

  struct Result {
    var status: Int32
    var stdout: Data
    var stderr: Data
    var timedOut: Bool
  }

  /// Runs netexport in the project, standard input empty, standard error to a file outside
  /// it (so that no pipe can fill up), standard output to a file or where the case says.
  func run() throws -> Result {
    let process = Process()
    process.executableURL = Self.executable
    process.arguments = hostileCase.run.map { $0.replacingOccurrences(of: "{project}", with: folder.path) }
    process.currentDirectoryURL = folder
    process.standardInput = FileHandle.nullDevice
    let outURL = scratch.url("stdout")
    let errURL = scratch.url("stderr")
    for url in [outURL, errURL] { _ = FileManager.default.createFile(atPath: url.path, contents: nil) }
    let out = try FileHandle(forWritingTo: hostileCase.stdoutTo.map { URL(fileURLWithPath: $0) } ?? outURL)
    let err = try FileHandle(forWritingTo: errURL)
    defer {
      try? out.close()
      try? err.close()
    }
    process.standardOutput = out
    process.standardError = err
    let done = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in done.signal() }
    try process.run()
    var timedOut = false
    if done.wait(timeout: .now() + Self.timeLimit) == .timedOut {
      timedOut = true
      process.terminate()
      if done.wait(timeout: .now() + 5) == .timedOut { kill(process.processIdentifier, SIGKILL) }
      process.waitUntilExit()
    }
    return Result(
      status: process.terminationStatus, stdout: (try? Data(contentsOf: outURL)) ?? Data(),
      stderr: (try? Data(contentsOf: errURL)) ?? Data(), timedOut: timedOut)
  }
}

struct CaseError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
