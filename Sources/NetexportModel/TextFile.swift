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

  /// Writes every byte to a file descriptor, retrying after interruptions and short writes.
  ///
  /// - Returns: 0 on success, or the `errno` of the write that failed.
  public static func writeAll(_ bytes: some Collection<UInt8>, to descriptor: Int32) -> Int32 {
    let array = Array(bytes)
    var offset = 0
    while offset < array.count {
      let count = array.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
      if count < 0 {
        if errno == EINTR { continue }
        if errno == EAGAIN || errno == EWOULDBLOCK {
          // A descriptor left non-blocking by whoever opened it (a terminal, a pipe):
          // wait until it can take more.
          var waiting = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
          _ = poll(&waiting, 1, -1)
          continue
        }
        return errno
      }
      offset += count
    }
    return 0
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
