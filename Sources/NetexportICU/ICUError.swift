internal import CNetexportICU

/// A failure reported by ICU, with the operation that failed.
public struct ICUError: Error, Equatable, Sendable, CustomStringConvertible {
  /// ICU's `UErrorCode` value.
  public let code: Int32
  /// ICU's symbolic name for the code, e.g. `U_ILLEGAL_ARGUMENT_ERROR`.
  public let name: String
  /// What netexport asked ICU to do.
  public let operation: String

  init(code: Int32, operation: String) {
    self.code = code
    self.name = String(cString: netx_error_name(code))
    self.operation = operation
  }

  public var description: String { "ICU could not \(operation) (\(name))" }
}

/// Runs an ICU call that reports through a status code, and throws when it failed.
func checked<T>(_ operation: @autoclosure () -> String, _ body: (inout Int32) -> T) throws(ICUError) -> T {
  var status: Int32 = 0
  let result = body(&status)
  if status > 0 {
    throw ICUError(code: status, operation: operation())
  }
  return result
}

/// Calls an ICU function that writes UTF-16 into a caller's buffer, growing the buffer once
/// when ICU reports that it was too small (as swift-foundation's ICU helpers do).
func utf16Result(
  _ operation: @autoclosure () -> String, initialCapacity: Int = 128,
  _ body: (UnsafeMutablePointer<UInt16>, Int32, inout Int32) -> Int32
) throws(ICUError) -> String {
  var capacity = initialCapacity
  for _ in 0..<2 {
    var status: Int32 = 0
    var buffer = [UInt16](repeating: 0, count: capacity)
    let length = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress!, Int32(capacity), &status) }
    if status == NETX_BUFFER_OVERFLOW {
      capacity = Int(length) + 1
      continue
    }
    if status > 0 {
      throw ICUError(code: status, operation: operation())
    }
    return String(decoding: buffer[0..<Int(length)], as: UTF16.self)
  }
  throw ICUError(code: NETX_BUFFER_OVERFLOW, operation: operation())
}

/// The same as `utf16Result` for ICU functions that write bytes (locale IDs and tags).
func cStringResult(
  _ operation: @autoclosure () -> String,
  _ body: (UnsafeMutablePointer<CChar>, Int32, inout Int32) -> Int32
) throws(ICUError) -> String {
  var capacity = 64
  for _ in 0..<2 {
    var status: Int32 = 0
    var buffer = [CChar](repeating: 0, count: capacity)
    let length = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress!, Int32(capacity - 1), &status) }
    if status == NETX_BUFFER_OVERFLOW {
      capacity = Int(length) + 2
      continue
    }
    if status > 0 {
      throw ICUError(code: status, operation: operation())
    }
    return String(decoding: buffer[0..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
  throw ICUError(code: NETX_BUFFER_OVERFLOW, operation: operation())
}
