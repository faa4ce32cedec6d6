import Foundation

extension TextFile {
  /// Writes text so that readers see either the old file or the whole new one, never a
  /// part: Foundation writes a temporary file beside the target, then renames it.
  ///
  /// - Parameter createFolders: Whether to create missing parent folders.
  /// - Throws: `DiagnosticError` with code `unwritable-output`, naming the path and reason.
  ///
  /// - Parameter exclusive: Fail when the file exists, even if it appears while writing
  ///   (the complete file is linked into place, which the system refuses over an existing one).
  public static func writeAtomically(
    _ text: String, to url: URL, displayPath: String, createFolders: Bool = false, exclusive: Bool = false
  ) throws {
    if exclusive {
      let temporary = url.deletingLastPathComponent().appendingPathComponent(
        ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
      try writeAtomically(text, to: temporary, displayPath: displayPath, createFolders: createFolders)
      defer { unlink(temporary.path) }
      if link(temporary.path, url.path) != 0 {
        let reason = errno == EEXIST ? "it exists already" : String(cString: strerror(errno))
        throw DiagnosticError(
          Diagnostic(
            code: "unwritable-output", at: SourceLocation(file: displayPath), "cannot write the file (\(reason))"))
      }
      return
    }
    do {
      if createFolders {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      }
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
        throw CocoaError(.fileWriteInvalidFileName)
      }
      try Data(text.utf8).write(to: url, options: .atomic)
    } catch let error as CocoaError where error.code == .fileWriteInvalidFileName {
      throw DiagnosticError(
        Diagnostic(
          code: "unwritable-output", at: SourceLocation(file: displayPath), "cannot write the file: it is a folder"))
    } catch {
      throw DiagnosticError(
        Diagnostic(
          code: "unwritable-output", at: SourceLocation(file: displayPath), "cannot write the file (\(reason(error)))"
        ))
    }
  }
}
