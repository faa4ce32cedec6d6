import Foundation

/// A PCM WAV file: its sample format and where its samples are.
///
/// Written by hand rather than with sox: the renderer must read each part's header anyway
/// to know its length in samples exactly, and joining parts of one format is a 44-byte
/// header followed by their sample bytes, exact by construction and with no program to
/// install. Only what espeak-ng writes is accepted (integer PCM, sizes filled in).
struct WAVAudio {
  struct Format: Hashable {
    var channels: UInt16
    var sampleRate: UInt32
    var bitsPerSample: UInt16
    var blockAlign: UInt16
  }

  enum ParseError: Error, Equatable, CustomStringConvertible {
    case notWAV
    case unsupportedEncoding(UInt16)
    case missingChunk(String)
    case truncated(declared: Int, present: Int)
    case inconsistentFormat

    var description: String {
      switch self {
      case .notWAV: "not a RIFF WAVE file"
      case .unsupportedEncoding(let tag): "sample encoding \(tag) is not integer PCM (1)"
      case .missingChunk(let id): "it has no '\(id)' chunk"
      case .truncated(let declared, let present):
        "its header declares \(declared) bytes of samples but the file holds \(present)"
      case .inconsistentFormat: "its format chunk is inconsistent (block size, channels and bits disagree)"
      }
    }
  }

  var format: Format
  /// The whole file (memory-mapped when possible).
  var file: Data
  /// Where the samples are in `file`.
  var samples: Range<Int>

  /// Sample frames (one sample per channel): the exact length of the audio.
  var frameCount: Int { samples.count / Int(format.blockAlign) }

  init(contentsOf url: URL) throws {
    try self.init(parsing: try Data(contentsOf: url, options: .mappedIfSafe))
  }

  init(parsing data: Data) throws(ParseError) {
    let bytes = data
    func uint32(_ offset: Int) -> UInt32 {
      (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[bytes.startIndex + offset + $1]) << (8 * UInt32($1)) }
    }
    func uint16(_ offset: Int) -> UInt16 {
      UInt16(bytes[bytes.startIndex + offset]) | UInt16(bytes[bytes.startIndex + offset + 1]) << 8
    }
    func tag(_ offset: Int) -> String {
      String(decoding: bytes[(bytes.startIndex + offset)..<(bytes.startIndex + offset + 4)], as: UTF8.self)
    }
    guard bytes.count >= 12, tag(0) == "RIFF", tag(8) == "WAVE" else { throw .notWAV }
    var format: Format?
    var offset = 12
    while offset + 8 <= bytes.count {
      let id = tag(offset)
      let size = Int(uint32(offset + 4))
      let body = offset + 8
      if id == "fmt " {
        guard size >= 16, body + 16 <= bytes.count else {
          throw .truncated(declared: size, present: bytes.count - body)
        }
        let encoding = uint16(body)
        guard encoding == 1 else { throw .unsupportedEncoding(encoding) }
        let found = Format(
          channels: uint16(body + 2), sampleRate: uint32(body + 4), bitsPerSample: uint16(body + 14),
          blockAlign: uint16(body + 12))
        guard found.channels > 0, found.sampleRate > 0, found.bitsPerSample % 8 == 0,
          Int(found.blockAlign) == Int(found.channels) * Int(found.bitsPerSample) / 8, found.blockAlign > 0
        else { throw .inconsistentFormat }
        format = found
      } else if id == "data" {
        guard let format else { throw .missingChunk("fmt ") }
        // No guessing: a size that the file does not hold (a stream's placeholder) is an error.
        guard body + size <= bytes.count else { throw .truncated(declared: size, present: bytes.count - body) }
        guard size % Int(format.blockAlign) == 0 else { throw .inconsistentFormat }
        self.format = format
        self.file = data
        self.samples = (bytes.startIndex + body)..<(bytes.startIndex + body + size)
        return
      }
      // Chunks are padded to an even length.
      offset = body + size + (size % 2)
    }
    throw .missingChunk(format == nil ? "fmt " : "data")
  }

  /// The largest sample data a WAV header can declare.
  static let maximumDataSize = Int(UInt32.max) - 36

  /// Writes the parts one after another as one WAV file, in their common format.
  ///
  /// - Precondition: Every part has the same format, and their samples fit in one file.
  static func concatenate(_ parts: [WAVAudio], to url: URL) throws {
    let format = parts[0].format
    precondition(parts.allSatisfy { $0.format == format })
    let dataSize = parts.reduce(0) { $0 + $1.samples.count }
    precondition(dataSize <= maximumDataSize)
    var header = Data()
    func append(_ text: String) { header.append(contentsOf: Array(text.utf8)) }
    func append32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { header.append(contentsOf: $0) } }
    func append16(_ value: UInt16) { withUnsafeBytes(of: value.littleEndian) { header.append(contentsOf: $0) } }
    append("RIFF")
    append32(UInt32(36 + dataSize))
    append("WAVE")
    append("fmt ")
    append32(16)
    append16(1)
    append16(format.channels)
    append32(format.sampleRate)
    append32(format.sampleRate * UInt32(format.blockAlign))
    append16(format.blockAlign)
    append16(format.bitsPerSample)
    append("data")
    append32(UInt32(dataSize))
    guard FileManager.default.createFile(atPath: url.path, contents: header) else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
    }
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    try handle.seekToEnd()
    for part in parts { try handle.write(contentsOf: part.file[part.samples]) }
  }
}
