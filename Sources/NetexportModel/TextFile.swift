import Foundation

/// Reads files the user wrote, with errors that say where the problem is.
///
/// Reading and writing go through POSIX calls (`stat`, `open`, `read`, `write`, `rename`)
/// rather than `Data(contentsOf:)` and `Data.write(options: .atomic)`: Foundation gives no
/// say over what is opened (a FIFO blocks, `/dev/zero` never ends, both are reported as
/// "Permission denied"), how much is read, or what an atomic write replaces (a device, a
/// symbolic link, a file's mode and owner).
public enum TextFile {
  /// The largest file netexport reads: 16 MiB. The bundled catalog is 40 KB and its
  /// document 20 KB; a file hundreds of times larger is not a catalog or document anyone
  /// wrote by hand, and reading it would take minutes and gigabytes.
  public static let maximumInputSize = 16 << 20

  /// Reads a whole file as UTF-8.
  ///
  /// Only a regular file (or a symbolic link to one) is read: a folder, a FIFO, a device
  /// or a socket is refused before it is opened, so a FIFO never blocks and `/dev/zero`
  /// is never read; a file over `maximumInputSize` is refused too.
  ///
  /// - Parameters:
  ///   - url: The file.
  ///   - displayPath: How to name the file in messages.
  /// - Throws: `DiagnosticError` with code `unreadable-file` when the file cannot be read
  ///   (naming why: missing, no permission, not a regular file, too large), or
  ///   `invalid-utf8` naming the line and column of the first bad byte.
  public static func readUTF8(_ url: URL, displayPath: String) throws -> String {
    try decodeUTF8(bytes: readBytes(url, displayPath: displayPath), displayPath: displayPath)
  }

  /// Reads a whole regular file, with the checks and limit of `readUTF8`.
  ///
  /// - Throws: `DiagnosticError` with code `unreadable-file`.
  public static func readData(_ url: URL, displayPath: String) throws -> Data {
    Data(try readBytes(url, displayPath: displayPath))
  }

  /// Reads a whole regular file as bytes, with the checks and limit of `readUTF8`.
  static func readBytes(_ url: URL, displayPath: String) throws -> [UInt8] {
    let descriptor = try openForReading(url.path, displayPath: displayPath)
    defer { close(descriptor) }
    return try readAll(descriptor, displayPath: displayPath)
  }

  /// Opens a regular file for reading, refusing anything else before it is opened.
  ///
  /// - Returns: The open file descriptor; the caller closes it.
  static func openForReading(_ path: String, displayPath: String) throws -> Int32 {
    var info = stat()
    guard stat(path, &info) == 0 else { throw unreadable(displayPath, errno) }
    try requireReadableKind(info, displayPath: displayPath)
    // O_NONBLOCK: should the file be swapped for a FIFO between the check above and this
    // call, opening it still returns at once instead of waiting for a writer.
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
    guard descriptor >= 0 else { throw unreadable(displayPath, errno) }
    do {
      guard fstat(descriptor, &info) == 0 else { throw unreadable(displayPath, errno) }
      try requireReadableKind(info, displayPath: displayPath)
    } catch {
      close(descriptor)
      throw error
    }
    return descriptor
  }

  private static func requireReadableKind(_ info: stat, displayPath: String) throws {
    let kind = info.st_mode & S_IFMT
    guard kind == S_IFREG else {
      throw DiagnosticError(
        Diagnostic(
          code: .unreadableFile, at: SourceLocation(file: displayPath),
          "cannot read the file: it is \(describe(kind)), not a regular file"))
    }
    guard info.st_size <= maximumInputSize else { throw tooLarge(displayPath) }
  }

  /// Reads from a descriptor to its end, refusing more than `maximumInputSize` bytes
  /// (the file may have grown since it was checked).
  ///
  /// Read straight into an array of the size `fstat` gives, and one byte more, so that the
  /// read that finds the end needs no more room: every catalog of a library is read, and
  /// reading through a zeroed 64 KiB buffer appended to a growing array cost half as much as
  /// validating the text's UTF-8.
  static func readAll(_ descriptor: Int32, displayPath: String) throws -> [UInt8] {
    var info = stat()
    let expected = fstat(descriptor, &info) == 0 ? min(max(Int(info.st_size), 0), maximumInputSize) : 0
    var bytes: [UInt8] = []
    var room = expected + 1
    while true {
      var failure: Int32 = 0
      var ended = false
      let chunk = [UInt8](unsafeUninitializedCapacity: room) { buffer, count in
        while count < buffer.count {
          let got = read(descriptor, buffer.baseAddress! + count, buffer.count - count)
          if got < 0 {
            if errno == EINTR { continue }
            failure = errno
            return
          }
          if got == 0 {
            ended = true
            return
          }
          count += got
        }
      }
      if failure != 0 { throw unreadable(displayPath, failure) }
      if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
      if bytes.count > maximumInputSize { throw tooLarge(displayPath) }
      if ended { return bytes }
      // The file grew since `fstat`: read on in chunks.
      room = 1 << 16
    }
  }

  /// A file type as a noun for messages: "a folder", "a FIFO (named pipe)", ...
  static func describe(_ kind: mode_t) -> String {
    switch kind {
    case S_IFDIR: "a folder"
    case S_IFIFO: "a FIFO (named pipe)"
    case S_IFCHR: "a character device"
    case S_IFBLK: "a block device"
    case S_IFSOCK: "a socket"
    case S_IFLNK: "a symbolic link"
    default: "a special file"
    }
  }

  static func unreadable(_ displayPath: String, _ code: Int32) -> DiagnosticError {
    DiagnosticError(
      Diagnostic(
        code: .unreadableFile, at: SourceLocation(file: displayPath),
        "cannot read the file (\(String(cString: strerror(code))))"))
  }

  private static func tooLarge(_ displayPath: String) -> DiagnosticError {
    DiagnosticError(
      Diagnostic(
        code: .unreadableFile, at: SourceLocation(file: displayPath),
        "cannot read the file: it is larger than \(maximumInputSize >> 20) MiB, the most netexport reads (a catalog or document is far smaller; is this the right file?)"
      ))
  }

  /// Decodes UTF-8, locating the first invalid byte as line:column.
  public static func decodeUTF8(_ data: Data, displayPath: String) throws -> String {
    try decodeUTF8(bytes: [UInt8](data), displayPath: displayPath)
  }

  /// Decodes UTF-8 bytes, locating the first invalid byte as line:column (see `decodeUTF8(_:displayPath:)`).
  static func decodeUTF8(bytes: [UInt8], displayPath: String) throws -> String {
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
            code: .invalidUTF8, at: SourceLocation(file: displayPath, line: line, column: column),
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
