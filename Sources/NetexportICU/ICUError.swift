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

/// Calls an ICU function that writes into a caller's buffer, growing the buffer once when
/// ICU reports that it was too small (as swift-foundation's ICU helpers do).
///
/// - Parameter reserve: Units kept free after the result (1 for a terminating NUL).
private func bufferResult<Unit: FixedWidthInteger>(
  _ operation: () -> String, initialCapacity: Int, reserve: Int,
  _ body: (UnsafeMutablePointer<Unit>, Int32, inout Int32) -> Int32
) throws(ICUError) -> ArraySlice<Unit> {
  var capacity = initialCapacity
  for _ in 0..<2 {
    var status: Int32 = 0
    var buffer = [Unit](repeating: 0, count: capacity + reserve)
    let length = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress!, Int32(capacity), &status) }
    if status == NETX_BUFFER_OVERFLOW {
      capacity = Int(length)
      continue
    }
    if status > 0 {
      throw ICUError(code: status, operation: operation())
    }
    return buffer[0..<Int(length)]
  }
  throw ICUError(code: NETX_BUFFER_OVERFLOW, operation: operation())
}

/// A UTF-16 result of an ICU call (see `bufferResult`).
func utf16Result(
  _ operation: @autoclosure () -> String, initialCapacity: Int = 128,
  _ body: (UnsafeMutablePointer<UInt16>, Int32, inout Int32) -> Int32
) throws(ICUError) -> String {
  String(utf16Units: try bufferResult(operation, initialCapacity: initialCapacity, reserve: 1, body))
}

/// A byte-string result of an ICU call, such as a locale ID or tag (see `bufferResult`).
func cStringResult(
  _ operation: @autoclosure () -> String,
  _ body: (UnsafeMutablePointer<CChar>, Int32, inout Int32) -> Int32
) throws(ICUError) -> String {
  let bytes = try bufferResult(operation, initialCapacity: 64, reserve: 1, body)
  return String(decoding: bytes.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
