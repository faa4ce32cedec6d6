import Foundation

/// Reads files the user wrote, with errors that say where the problem is.
public enum TextFile {
  /// Reads a whole file as UTF-8.
  ///
  /// - Parameters:
  ///   - url: The file.
  ///   - displayPath: How to name the file in messages.
  /// - Throws: `DiagnosticError` with code `unreadable-file` when the file cannot be read,
  ///   or `invalid-utf8` naming the line and column of the first bad byte.
  public static func readUTF8(_ url: URL, displayPath: String) throws -> String {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw DiagnosticError(
        Diagnostic(
          code: "unreadable-file", at: SourceLocation(file: displayPath), "cannot read the file (\(reason(error)))"))
    }
    return try decodeUTF8(data, displayPath: displayPath)
  }

  /// Decodes UTF-8, locating the first invalid byte as line:column.
  public static func decodeUTF8(_ data: Data, displayPath: String) throws -> String {
    let bytes = [UInt8](data)
    if let text = String(validating: bytes, as: UTF8.self) {
      return text
    }
    // Walk the valid prefix to find the line and column of the first bad byte.
    var line = 1
    var column = 1
    var iterator = bytes.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        offset += encoded.count
        if encoded.count == 1 && encoded.first == UInt8(ascii: "\n") {
          line += 1
          column = 1
        } else {
          column += 1
        }
      case .error(let length):
        let bad = bytes[offset..<min(bytes.count, offset + length)].map {
          "0x" + String($0, radix: 16, uppercase: true)
        }
        throw DiagnosticError(
          Diagnostic(
            code: "invalid-utf8", at: SourceLocation(file: displayPath, line: line, column: column),
            "the file is not valid UTF-8 (byte \(bad.joined(separator: " ")) at offset \(offset)); save it as UTF-8"))
      case .emptyInput:
        return String(decoding: bytes, as: UTF8.self)
      }
    }
  }

  /// A short reason for a file system error, without Foundation's long prefixes.
  public static func reason(_ error: Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? any Error,
      (underlying as NSError).domain == NSPOSIXErrorDomain
    {
      return String(cString: strerror(Int32((underlying as NSError).code)))
    }
    if nsError.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(nsError.code)))
    }
    switch nsError.code {
    case NSFileReadNoSuchFileError: return "No such file or directory"
    case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return "Permission denied"
    case NSFileWriteOutOfSpaceError: return "No space left on device"
    case NSFileWriteVolumeReadOnlyError: return "Read-only file system"
    default: return nsError.localizedDescription
    }
  }
}

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
    try writeAtomically(
      Data(text.utf8), to: url, displayPath: displayPath, createFolders: createFolders, exclusive: exclusive)
  }

  /// Writes bytes atomically, as `writeAtomically(_:to:displayPath:createFolders:exclusive:)`
  /// writes text.
  public static func writeAtomically(
    _ data: Data, to url: URL, displayPath: String, createFolders: Bool = false, exclusive: Bool = false
  ) throws {
    if exclusive {
      let temporary = url.deletingLastPathComponent().appendingPathComponent(
        ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
      try writeAtomically(data, to: temporary, displayPath: displayPath, createFolders: createFolders)
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
      try data.write(to: url, options: .atomic)
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
