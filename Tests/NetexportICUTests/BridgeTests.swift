import CNetexportICU
import NetexportICU
import Testing

/// The C door to ICU (`netx_icu.h`) as Swift sees it: no C++ exception crosses it, and the
/// message parts it returns are ICU's.
@Suite struct BridgeTests {
  /// An allocation the C++ standard library cannot make throws `std::bad_alloc`; unwinding
  /// through the Swift caller would end the process. The bridge reports it as ICU's
  /// U_MEMORY_ALLOCATION_ERROR instead. (Two billion arguments: the bridge reserves room for
  /// their names and values before it reads one.)
  @Test func aFailedAllocationIsAStatusNotACrash() {
    let pattern = Array("{a}".utf16)
    let pool: [UInt16] = Array("a".utf16)
    var argument = netx_message_argument(
      nameStart: 0, nameLength: 1, kind: Int32(NETX_ARG_STRING), number: 0, stringStart: 0, stringLength: 1)
    var out = [UInt16](repeating: 0, count: 16)
    var errorOffset: Int32 = 0
    var status: Int32 = 0
    _ = netx_format_message(
      "en", pattern, Int32(pattern.count), pool, &argument, Int32.max, Int32(NETX_FORMAT_CHECK_LIMITS), &out,
      Int32(out.count), &errorOffset, &status)
    #expect(status > 0)
    #expect(String(cString: netx_error_name(status)) == "U_MEMORY_ALLOCATION_ERROR")
  }

  /// The parts of a plural with an offset, a `#` and a nested argument, as ICU's
  /// `MessagePattern` reads them: kinds, ranges, nesting, limits and numbers.
  @Test func returnsICUsMessageParts() throws {
    let pattern = Array("{n, plural, offset:1 =0 {none} other {# {x}}}".utf16)
    var parts = [netx_message_part](repeating: netx_message_part(), count: 64)
    var errorOffset: Int32 = -1
    var status: Int32 = 0
    let count = netx_message_parts(
      pattern, Int32(pattern.count), &parts, Int32(parts.count), &errorOffset, &status)
    #expect(status <= 0)
    let read = parts.prefix(Int(count)).map { part in
      (part.type, String(decoding: pattern[Int(part.index)..<Int(part.index + part.length)], as: UTF16.self))
    }
    #expect(
      read.map(\.0)
        == [
          NETX_PART_MSG_START, NETX_PART_ARG_START, NETX_PART_ARG_NAME, NETX_PART_ARG_INT, NETX_PART_ARG_SELECTOR,
          NETX_PART_ARG_INT, NETX_PART_MSG_START, NETX_PART_MSG_LIMIT, NETX_PART_ARG_SELECTOR, NETX_PART_MSG_START,
          NETX_PART_REPLACE_NUMBER, NETX_PART_ARG_START, NETX_PART_ARG_NAME, NETX_PART_ARG_LIMIT, NETX_PART_MSG_LIMIT,
          NETX_PART_ARG_LIMIT, NETX_PART_MSG_LIMIT,
        ].map { Int32($0) })
    #expect(read.map(\.1) == ["", "{", "n", "1", "=0", "0", "{", "}", "other", "{", "#", "{", "x", "}", "}", "}", ""])
    #expect(parts[1].value == Int32(NETX_ARG_TYPE_PLURAL))
    #expect(parts[1].limitPart == 15)
    #expect(parts[3].number == 1)  // the offset
    #expect(parts[5].number == 0)  // =0
    #expect(parts[9].value == 1)  // a branch is one level deeper than the message
    #expect(parts[11].value == Int32(NETX_ARG_TYPE_NONE))
  }

  /// Asked for fewer parts than the pattern has, the bridge says how many there are.
  @Test func saysHowManyPartsWhenTheBufferIsTooSmall() {
    let pattern = Array("a {b} c".utf16)
    var parts = [netx_message_part](repeating: netx_message_part(), count: 2)
    var errorOffset: Int32 = -1
    var status: Int32 = 0
    let count = netx_message_parts(pattern, Int32(pattern.count), &parts, 2, &errorOffset, &status)
    #expect(status == NETX_BUFFER_OVERFLOW)
    #expect(count == 5)
  }
}
