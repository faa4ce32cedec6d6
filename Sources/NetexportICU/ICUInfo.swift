internal import CNetexportICU

/// Facts about the ICU library netexport runs on.
public enum ICUInfo {
  /// ICU's version, e.g. "72.1".
  public static var version: String { versionString(netx_icu_version) }

  /// The Unicode version ICU implements, e.g. "15.0".
  public static var unicodeVersion: String { versionString(netx_unicode_version) }

  private static func versionString(_ read: (UnsafeMutablePointer<CChar>) -> Void) -> String {
    var buffer = [CChar](repeating: 0, count: 32)
    buffer.withUnsafeMutableBufferPointer { read($0.baseAddress!) }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
