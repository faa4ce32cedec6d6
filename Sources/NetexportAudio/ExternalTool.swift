import Foundation
import NetexportModel

/// A program netexport runs to make audio, and the Debian package that installs it.
public struct ExternalTool: Hashable, Sendable, CustomStringConvertible {
  /// The command's name on `PATH`, e.g. `opusenc`.
  public var command: String
  /// The Debian (and Ubuntu) package that installs it, e.g. `opus-tools`.
  public var debianPackage: String

  public init(command: String, debianPackage: String) {
    self.command = command
    self.debianPackage = debianPackage
  }

  public var description: String { command }

  /// Speaks SSML into a WAV file.
  public static let espeakNG = ExternalTool(command: "espeak-ng", debianPackage: "espeak-ng")
  /// Encodes Opus in Ogg, with the chapter comments netexport writes itself.
  public static let opusenc = ExternalTool(command: "opusenc", debianPackage: "opus-tools")
  /// Encodes MP3 (with ID3v2 chapters) and M4B (AAC with chapters).
  public static let ffmpeg = ExternalTool(command: "ffmpeg", debianPackage: "ffmpeg")
  /// Reads audio files back (the tests use it; the renderer does not).
  public static let ffprobe = ExternalTool(command: "ffprobe", debianPackage: "ffmpeg")
}

/// Finds external programs on a search path, and says exactly what to install when some
/// are missing.
public struct ToolFinder: Sendable {
  /// Folders separated by colons, searched in order, as in `PATH`.
  public var searchPath: String

  /// - Parameter searchPath: The folders to search; `PATH` of this process when `nil`.
  public init(searchPath: String? = nil) {
    self.searchPath = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
  }

  /// The first executable file named like the tool on the search path, or `nil`.
  public func location(of tool: ExternalTool) -> URL? {
    // An empty entry means the current folder to a shell; a renderer should not run
    // whatever happens to lie there, so empty entries are skipped.
    for folder in searchPath.split(separator: ":", omittingEmptySubsequences: true) {
      let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(tool.command)
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
        FileManager.default.isExecutableFile(atPath: candidate.path)
      {
        return candidate
      }
    }
    return nil
  }

  /// Finds every tool, or names all that are missing at once.
  ///
  /// - Parameters:
  ///   - tools: What the job needs.
  ///   - purpose: The job, as the end of "… needs …", e.g. "making Opus audio".
  /// - Returns: Each tool's location, by command name.
  /// - Throws: `DiagnosticError` with code `missing-tool`, naming the missing commands and
  ///   the `apt-get` line that installs them.
  public func locate(_ tools: [ExternalTool], for purpose: String) throws -> [String: URL] {
    var found: [String: URL] = [:]
    var missing: [ExternalTool] = []
    for tool in tools where found[tool.command] == nil {
      if let url = location(of: tool) {
        found[tool.command] = url
      } else if !missing.contains(tool) {
        missing.append(tool)
      }
    }
    guard missing.isEmpty else { throw Self.missingTools(missing, for: purpose) }
    return found
  }

  /// The error for missing tools: what is missing, and the one command that installs it.
  static func missingTools(_ missing: [ExternalTool], for purpose: String) -> DiagnosticError {
    let commands = missing.map(\.command)
    var packages: [String] = []
    for tool in missing where !packages.contains(tool.debianPackage) { packages.append(tool.debianPackage) }
    let names =
      commands.count == 1
      ? "\(commands[0]), which is"
      : "\(commands.dropLast().joined(separator: ", ")) and \(commands.last!), which are"
    return DiagnosticError(
      Diagnostic(
        code: .missingTool, at: nil,
        "\(purpose) needs \(names) not installed (not found on PATH); install \(packages.count == 1 ? "it" : "them") with: sudo apt-get install \(packages.joined(separator: " "))"
      ))
  }
}
