internal import CNetexportICU

/// ICU's text boundary analysis for one kind of unit and one locale.
///
/// The ICU handle is closed when the iterator is released. An iterator is not thread safe:
/// use one per task.
public final class BreakIterator {
  /// The unit whose boundaries are found.
  public enum Kind: Int32, Sendable {
    case character = 0
    case word = 1
    case line = 2
    case sentence = 3
  }

  /// One segment of the text: the text between two consecutive boundaries.
  public struct Segment: Equatable, Sendable {
    /// Where the segment is in the text it was cut from.
    public let range: Range<String.Index>
    /// ICU's rule status for the boundary that ends the segment (for lines, 100 and above
    /// is a hard break; for words, 100 and above marks numbers, 200 letters, 400 ideographs).
    public let ruleStatus: Int32
  }

  public let kind: Kind
  private let handle: OpaquePointer

  /// Opens an iterator of `kind` for `locale`.
  ///
  /// - Throws: `ICUError` when ICU has no rules for it.
  public init(_ kind: Kind, locale: LanguageTag) throws(ICUError) {
    self.kind = kind
    var status: Int32 = 0
    let opened = netx_break_open(kind.rawValue, locale.localeID, &status)
    guard status <= 0, let opened else {
      throw ICUError(code: status, operation: "open a \(kind) break iterator for '\(locale)'")
    }
    handle = opened
  }

  deinit { netx_break_close(handle) }

  /// The boundaries of a UTF-16 text, for callers that work on code units rather than on a
  /// String (no String index is made): offsets from 0 to `text.count` in order and, when
  /// asked for, the rule status of each (that of the segment it ends; 0 for the first).
  ///
  /// - Throws: `ICUError` when ICU fails to analyse the text.
  public func boundaries(
    ofUTF16 text: UnsafeBufferPointer<UInt16>, ruleStatuses: Bool
  ) throws(ICUError) -> (offsets: [Int32], statuses: [Int32]) {
    try checked("set the text of a \(kind) break iterator") { status in
      netx_break_set_text(handle, text.baseAddress, Int32(text.count), &status)
    }
    // A text of n code units has at most n + 1 boundaries; ICU writes only the ones it finds.
    let capacity = text.count + 1
    var status: Int32 = 0
    var statuses: [Int32] = []
    let offsets = [Int32](unsafeUninitializedCapacity: capacity) { offsets, found in
      statuses = [Int32](unsafeUninitializedCapacity: ruleStatuses ? capacity : 0) { statuses, written in
        let count = netx_break_boundaries(
          handle, offsets.baseAddress, ruleStatuses ? statuses.baseAddress : nil, Int32(capacity), &status)
        found = min(Int(count), capacity)
        written = ruleStatuses ? found : 0
      }
    }
    if status > 0 { throw ICUError(code: status, operation: "find \(kind) boundaries") }
    return (offsets, statuses)
  }

  /// Cuts `text` into the segments between consecutive boundaries.
  ///
  /// - Throws: `ICUError` when ICU fails to analyse the text.
  public func segments(of text: String) throws(ICUError) -> [Segment] {
    let utf16 = [UInt16](utf16Of: text)
    try checked("set the text of a \(kind) break iterator") { status in
      utf16.withUnsafeBufferPointer { netx_break_set_text(handle, $0.baseAddress, Int32($0.count), &status) }
    }
    // A text of n code units has at most n + 1 boundaries.
    let capacity = utf16.count + 1
    var offsets = [Int32](repeating: 0, count: capacity)
    var statuses = [Int32](repeating: 0, count: capacity)
    let count = try checked("find \(kind) boundaries") { status in
      netx_break_boundaries(handle, &offsets, &statuses, Int32(capacity), &status)
    }
    var segments: [Segment] = []
    segments.reserveCapacity(max(0, Int(count) - 1))
    // Boundaries come in order, so each index is found by stepping on from the previous
    // one (String.Index(utf16Offset:) would start from the beginning every time).
    let view = text.utf16
    var previous = text.startIndex
    var previousOffset = 0
    for index in 1..<max(1, Int(count)) {
      let offset = Int(offsets[index])
      let end = view.index(previous, offsetBy: offset - previousOffset)
      segments.append(Segment(range: previous..<end, ruleStatus: statuses[index]))
      previous = end
      previousOffset = offset
    }
    return segments
  }
}
