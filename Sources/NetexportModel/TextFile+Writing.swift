import Foundation

/// A file written beside its destination but not yet in place: see `TextFile.prepare`.
///
/// Preparing every file first and committing them only when all were prepared lets a
/// caller writing several files (`netexport --all`) leave all of them untouched when one
/// cannot be written (a full disk, a folder in the way).
public struct PendingWrite: Sendable {
  enum Plan: Sendable {
    /// A temporary file, complete and synced, to rename over `target` (or, when
    /// `exclusive`, to link there, which fails if something exists).
    case rename(temporary: String, target: String, exclusive: Bool, unchangedFrom: [UInt8]?)
    /// Bytes to write into a character device or a FIFO, which a rename would replace.
    case direct(path: String, bytes: [UInt8])
    /// Bytes for an open descriptor (`/dev/stdout`, `/dev/fd/N`).
    case descriptor(Int32, bytes: [UInt8])
  }

  let plan: Plan
  /// How the destination is named in messages.
  public let displayPath: String
}

extension TextFile {
  /// Writes text so that readers see either the old file or the whole new one, never a
  /// part. See `prepare` for what is written where, and `commit` for the final step.
  ///
  /// - Parameters:
  ///   - createFolders: Whether to create missing parent folders.
  ///   - exclusive: Fail when the file exists, even if it appears while writing.
  ///   - original: The text the caller read from the file and based its new text on: when
  ///     the file no longer holds exactly that just before it is replaced (an editor saved
  ///     it meanwhile), nothing is written and the error is `changed-on-disk`.
  /// - Throws: `DiagnosticError` with code `unwritable-output` naming the path and the
  ///   reason, or `changed-on-disk`.
  public static func writeAtomically(
    _ text: String, to url: URL, displayPath: String, createFolders: Bool = false, exclusive: Bool = false,
    replacing original: String? = nil
  ) throws {
    try writeAtomically(
      Data(text.utf8), to: url, displayPath: displayPath, createFolders: createFolders, exclusive: exclusive,
      replacing: original.map { Data($0.utf8) })
  }

  /// Writes bytes (a PDF) as `writeAtomically(_:to:displayPath:createFolders:exclusive:replacing:)`
  /// writes text.
  public static func writeAtomically(
    _ data: Data, to url: URL, displayPath: String, createFolders: Bool = false, exclusive: Bool = false,
    replacing original: Data? = nil
  ) throws {
    let pending = try prepare(
      data, to: url, displayPath: displayPath, createFolders: createFolders, exclusive: exclusive,
      replacing: original)
    try commit(pending)
  }

  /// Writes text to a temporary file beside its destination, ready for `commit`.
  ///
  /// What the destination is decides how it is written:
  /// - nothing, or a regular file: a temporary file in the same folder, named
  ///   `.<name>.netexport-<pid>-<random>.tmp` and created with `O_EXCL`, is written,
  ///   given the existing file's mode (and, when running as root, its owner and group),
  ///   synced to disk, then renamed over the file by `commit`. A file without write
  ///   permission is refused, not replaced: someone protected it. A file with several
  ///   hard links is replaced too, so its other names keep the old text: rewriting it in
  ///   place instead would leave a half-written catalog after a crash or a full disk, and
  ///   losing a translator's work is worse than breaking a link.
  /// - a symbolic link: followed, and the file it leads to is replaced; the link stays.
  /// - a character device (`/dev/null`) or a FIFO: written into at `commit`, never
  ///   replaced; `/dev/stdout`, `/dev/stderr` and `/dev/fd/N` write to that descriptor.
  /// - a folder, a block device or a socket: refused.
  ///
  /// - Throws: `DiagnosticError` with code `unwritable-output`; no temporary file is left.
  public static func prepare(
    _ text: String, to url: URL, displayPath: String, createFolders: Bool = false, exclusive: Bool = false,
    replacing original: String? = nil
  ) throws -> PendingWrite {
    try prepare(
      Data(text.utf8), to: url, displayPath: displayPath, createFolders: createFolders, exclusive: exclusive,
      replacing: original.map { Data($0.utf8) })
  }

  /// Writes bytes (a PDF) to a temporary file beside their destination, ready for `commit`,
  /// as `prepare(_:to:displayPath:createFolders:exclusive:replacing:)` writes text.
  public static func prepare(
    _ data: Data, to url: URL, displayPath: String, createFolders: Bool = false, exclusive: Bool = false,
    replacing original: Data? = nil
  ) throws -> PendingWrite {
    func failure(_ reason: String) -> DiagnosticError {
      DiagnosticError(
        Diagnostic(code: .unwritableOutput, at: SourceLocation(file: displayPath), "cannot write the file\(reason)"))
    }
    func failure(errno code: Int32) -> DiagnosticError { failure(" (\(String(cString: strerror(code))))") }
    let bytes = Array(data)
    if createFolders {
      do {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      } catch {
        throw failure(" (\(reason(error)))")
      }
    }
    let destination: Destination
    do {
      destination = try resolve(url.path)
    } catch {
      throw failure(errno: error.code)
    }
    let target: String
    var existing: stat?
    switch destination {
    case .descriptor(let descriptor):
      return PendingWrite(plan: .descriptor(descriptor, bytes: bytes), displayPath: displayPath)
    case .missing(let path):
      if original != nil { throw changedOnDisk(displayPath) }
      target = path
    case .existing(let path, let info):
      let kind = info.st_mode & S_IFMT
      switch kind {
      case S_IFREG:
        if exclusive { throw failure(" (it exists already)") }
        // access() answers for the user; root may write anything, so for root a file
        // without any write permission bit counts as protected too.
        if access(path, W_OK) != 0 || info.st_mode & 0o222 == 0 {
          throw failure(
            ": it is read-only (mode \(String(format: "%04o", info.st_mode & 0o7777))); netexport does not replace a protected file (make it writable first if it should be replaced)"
          )
        }
        target = path
        existing = info
      case S_IFCHR, S_IFIFO:
        if exclusive { throw failure(" (it exists already)") }
        return PendingWrite(plan: .direct(path: path, bytes: bytes), displayPath: displayPath)
      default:
        throw failure(
          ": it is \(describe(kind)); netexport writes regular files, character devices such as /dev/null and pipes"
        )
      }
    }
    let folder = (target as NSString).deletingLastPathComponent
    let name = (target as NSString).lastPathComponent
    // Created 0600 for an existing file, whose own mode is set below before anything is
    // visible under its name; 0666 (less the umask) for a new one, as any new file.
    let (temporary, descriptor) = try createTemporary(
      in: folder.isEmpty ? "." : folder, for: name, mode: existing == nil ? 0o666 : 0o600
    ) { failure(errno: $0) }
    var failed: Int32 = 0
    if let existing {
      // The owner first: chown clears set-user-ID bits, which the mode then restores.
      // Only root may give a file away; anyone may try to keep its group. Both are best
      // effort: a file system without owners or modes (FAT) refuses them, and there the
      // temporary file's own 0600 is the safe outcome.
      if geteuid() == 0 {
        _ = fchown(descriptor, existing.st_uid, existing.st_gid)
      } else if existing.st_gid != getegid() {
        _ = fchown(descriptor, uid_t.max, existing.st_gid)
      }
      _ = fchmod(descriptor, existing.st_mode & 0o7777)
    }
    if failed == 0 { failed = writeAll(bytes, to: descriptor) }
    // Synced before the rename, so that a crash never leaves the name on an empty file.
    if failed == 0 && fsync(descriptor) != 0 { failed = errno }
    if close(descriptor) != 0 && failed == 0 { failed = errno }
    guard failed == 0 else {
      unlink(temporary)
      throw failure(errno: failed)
    }
    return PendingWrite(
      plan: .rename(
        temporary: temporary, target: target, exclusive: exclusive, unchangedFrom: original.map { Array($0) }),
      displayPath: displayPath)
  }

  /// Puts a prepared file in place: renames the temporary file over its destination (or
  /// writes into the device, FIFO or descriptor).
  ///
  /// - Throws: `DiagnosticError` with code `unwritable-output`, or `changed-on-disk` when
  ///   the file no longer holds the text it was prepared to replace; the destination is
  ///   then untouched and the temporary file removed.
  public static func commit(_ pending: PendingWrite) throws {
    func failure(errno code: Int32, _ detail: String? = nil) -> DiagnosticError {
      DiagnosticError(
        Diagnostic(
          code: .unwritableOutput, at: SourceLocation(file: pending.displayPath),
          "cannot write the file (\(detail ?? String(cString: strerror(code))))"))
    }
    switch pending.plan {
    case .rename(let temporary, let target, let exclusive, let original):
      if let original {
        // Read again just before the rename: an editor that saved the file since it was
        // read must not lose that save. (A save landing between this read and the rename
        // itself, microseconds later, is still lost: POSIX offers no compare-and-rename.)
        let current = try? contents(of: target, displayPath: pending.displayPath)
        guard current == original else {
          unlink(temporary)
          throw changedOnDisk(pending.displayPath)
        }
      }
      if exclusive {
        // link() refuses an existing name, where rename() would replace it.
        defer { unlink(temporary) }
        guard link(temporary, target) == 0 else {
          let code = errno
          throw failure(errno: code, code == EEXIST ? "it exists already" : nil)
        }
      } else if rename(temporary, target) != 0 {
        let code = errno
        unlink(temporary)
        throw failure(errno: code)
      }
    case .direct(let path, let bytes):
      // O_NONBLOCK so that a FIFO nobody reads is an error rather than a wait forever;
      // the descriptor is made blocking again for the writes.
      let descriptor = open(path, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
      guard descriptor >= 0 else {
        let code = errno
        throw failure(errno: code, code == ENXIO ? "it is a FIFO (named pipe) that nobody reads" : nil)
      }
      defer { close(descriptor) }
      _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
      let code = writeAll(bytes, to: descriptor)
      guard code == 0 else { throw failure(errno: code) }
    case .descriptor(let descriptor, let bytes):
      let code = writeAll(bytes, to: descriptor)
      guard code == 0 else { throw failure(errno: code) }
    }
  }

  /// Removes a prepared file's temporary file, leaving its destination as it was.
  public static func discard(_ pending: PendingWrite) {
    if case .rename(let temporary, _, _, _) = pending.plan { unlink(temporary) }
  }

  static func changedOnDisk(_ displayPath: String) -> DiagnosticError {
    DiagnosticError(
      Diagnostic(
        code: .changedOnDisk, at: SourceLocation(file: displayPath),
        "the file changed on disk while netexport was working on it (saved from an editor?); nothing was written, so that change is kept: run the command again"
      ))
  }

  /// The bytes of a regular file, for comparing with what was read earlier.
  static func contents(of path: String, displayPath: String) throws -> [UInt8] {
    let descriptor = try openForReading(path, displayPath: displayPath)
    defer { close(descriptor) }
    return try readAll(descriptor, displayPath: displayPath)
  }
}

// MARK: - Temporary files

extension TextFile {
  /// The suffix of netexport's temporary files: `.<name>.netexport-<pid>-<random>.tmp`.
  static let temporaryMarker = ".netexport-"

  /// The process that made a temporary file, if the name is one of netexport's
  /// (`.<name>.netexport-<pid>-<random>.tmp`) or Foundation's (`.dat.nosync<hex pid>.XXXXXX`,
  /// which netexport wrote through before it named its own).
  public static func temporaryFileOwner(_ name: String) -> Int32? {
    if let match = name.wholeMatch(of: /\..+\.netexport-([0-9]+)-[0-9a-z]+\.tmp/) { return Int32(match.1) }
    if let match = name.wholeMatch(of: /\.dat\.nosync([0-9A-Fa-f]+)\.[0-9A-Za-z]{6}/) {
      return Int32(match.1, radix: 16)
    }
    return nil
  }

  /// Removes the temporary files that a netexport killed midway (`kill -9`, a power cut)
  /// left in a folder: those named as `temporaryFileOwner` recognises, whose process no
  /// longer runs, and which were last changed before `date` (when this run began), so that
  /// a run still writing is never disturbed.
  ///
  /// - Returns: The names of the files removed.
  public static func removeLeftovers(in folder: URL, olderThan date: Date) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.sorted().filter { name in
      guard let owner = temporaryFileOwner(name), owner > 0, kill(owner, 0) != 0, errno == ESRCH else { return false }
      let path = folder.appendingPathComponent(name).path
      guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
        attributes[.type] as? FileAttributeType == .typeRegular,
        let modified = attributes[.modificationDate] as? Date, modified < date
      else { return false }
      return unlink(path) == 0
    }
  }

  /// Creates a new temporary file for `name` in `folder`, refusing to reuse any name.
  private static func createTemporary(
    in folder: String, for name: String, mode: mode_t, failure: (Int32) -> DiagnosticError
  ) throws -> (path: String, descriptor: Int32) {
    let pid = getpid()
    for _ in 0..<16 {
      let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
      let path = folder + "/.\(name)\(temporaryMarker)\(pid)-\(random).tmp"
      let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
      if descriptor >= 0 { return (path, descriptor) }
      if errno != EEXIST { throw failure(errno) }
    }
    throw failure(EEXIST)
  }
}

// MARK: - Following a path to what it names

extension TextFile {
  enum Destination {
    /// `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` or `/proc/self/fd/N`.
    case descriptor(Int32)
    /// Nothing is there yet (a dangling link's target, or a new file).
    case missing(String)
    /// Something other than a symbolic link.
    case existing(String, stat)
  }

  struct ResolveError: Error {
    var code: Int32
  }

  /// Follows symbolic links from `path` to what they finally name.
  ///
  /// Written by hand rather than with `realpath(3)` or `URL.resolvingSymlinksInPath()`:
  /// those fail or stop at a link whose target does not exist yet (a new file through a
  /// link), and they would turn `/dev/stdout` into the file standard output happens to be
  /// open on, which a rename would then replace, losing what the shell wrote before.
  static func resolve(_ path: String) throws(ResolveError) -> Destination {
    var current = path
    // Linux's own limit on links followed in one path (MAXSYMLINKS).
    for _ in 0..<40 {
      if let descriptor = descriptorNumber(current) { return .descriptor(descriptor) }
      var info = stat()
      guard lstat(current, &info) == 0 else {
        if errno == ENOENT { return .missing(current) }
        throw ResolveError(code: errno)
      }
      guard info.st_mode & S_IFMT == S_IFLNK else { return .existing(current, info) }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let count = readlink(current, &buffer, buffer.count - 1)
      guard count >= 0 else { throw ResolveError(code: errno) }
      let target = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      current = target.hasPrefix("/") ? target : ((current as NSString).deletingLastPathComponent + "/" + target)
    }
    throw ResolveError(code: ELOOP)
  }

  /// Whether writing to this path writes to standard output (`/dev/stdout`, `/dev/fd/1`,
  /// or a link to one), where nothing else should be printed.
  public static func isStandardOutput(_ url: URL) -> Bool {
    if case .descriptor(STDOUT_FILENO) = try? resolve(url.path) { true } else { false }
  }

  /// The descriptor a path names directly, as shells and awk treat these paths.
  static func descriptorNumber(_ path: String) -> Int32? {
    switch path {
    case "/dev/stdout": return STDOUT_FILENO
    case "/dev/stderr": return STDERR_FILENO
    default:
      for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
        return Int32(path.dropFirst(prefix.count))
      }
      return nil
    }
  }
}

// MARK: - Rewriting a file others may write too

extension TextFile {
  /// Reads a file, works out its new text, and writes that back, without losing a change
  /// someone else made meanwhile.
  ///
  /// Two guards: an advisory lock (`flock`) on the file, held from before it is read until
  /// after the new one is renamed into place, so that two netexport commands take turns;
  /// and, since editors take no such lock, a check just before the rename that the file
  /// still holds exactly the text that was read (see `commit`). A translator's save made
  /// meanwhile is kept, and the command fails with `changed-on-disk`.
  ///
  /// - Parameters:
  ///   - onWait: Called once, when another process holds the lock and this one waits.
  ///   - transform: The new text for the text read, or `nil` to leave the file as it is.
  /// - Returns: Whether the file was written.
  /// - Throws: What `readUTF8`, `transform` or `writeAtomically` throw.
  @discardableResult
  public static func rewrite(
    _ url: URL, displayPath: String, onWait: () -> Void = {}, _ transform: (String) throws -> String?
  ) throws -> Bool {
    let descriptor = try lockExclusively(url.path, displayPath: displayPath, onWait: onWait)
    // Closing the descriptor releases the lock, after the new file is in place.
    defer { close(descriptor) }
    let original = try decodeUTF8(bytes: readAll(descriptor, displayPath: displayPath), displayPath: displayPath)
    guard let text = try transform(original) else { return false }
    try writeAtomically(text, to: url, displayPath: displayPath, replacing: original)
    return true
  }

  /// Opens a regular file and takes an exclusive `flock` on it, waiting for another holder.
  ///
  /// - Returns: The open, locked descriptor of the file now at the path.
  private static func lockExclusively(_ path: String, displayPath: String, onWait: () -> Void) throws -> Int32 {
    var waited = false
    while true {
      let descriptor = try openForReading(path, displayPath: displayPath)
      if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
        guard errno == EWOULDBLOCK else {
          // A file system without flock (some network ones): go on without the lock; the
          // check before the rename still keeps a change made meanwhile.
          return descriptor
        }
        if !waited {
          onWait()
          waited = true
        }
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
      }
      // The holder may have renamed a new file over the one locked here: lock that one.
      var locked = stat()
      var current = stat()
      if fstat(descriptor, &locked) == 0, stat(path, &current) == 0, locked.st_dev == current.st_dev,
        locked.st_ino == current.st_ino
      {
        return descriptor
      }
      close(descriptor)
    }
  }
}
