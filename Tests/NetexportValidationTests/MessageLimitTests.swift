import Foundation
import NetexportICU
import NetexportModel
import NetexportResolution
import NetexportValidation
import Testing

/// Validation and resolution refuse a message that breaks netexport's limits (see
/// `MessageLimits`) with a finding at the entry, rather than handing it to ICU. The fixtures
/// `message-syntax--depth.es.yaml` and `message-syntax--arguments.en.yaml` show depth and
/// argument count; a message too long for a readable fixture is built here.
@Suite struct MessageLimitTests {
  /// The fixtures' Spanish catalog with `dosing.tablets` replaced by `text`.
  static func spanish(withTablets text: String) throws -> Catalog {
    let clean = try String(contentsOf: Fixtures.checks.appendingPathComponent("clean.es.yaml"), encoding: .utf8)
    var lines = clean.components(separatedBy: "\n")
    let index = try #require(lines.firstIndex { $0.hasPrefix("    text: \"{tablets, plural") })
    lines[index] = "    text: \"\(text)\""
    return try Catalog.parse(lines.joined(separator: "\n"), file: "es.yaml", expectedLocale: "es", lenient: true)
  }

  static let tooLong =
    "{tablets, plural, one {Queda # comprimido} many {Quedan # de comprimidos} other {Quedan # comprimidos}} "
    + String(repeating: "y ", count: MessageLimits.maxLength / 2)

  static let tooDeep =
    String(repeating: "{tablets, plural, other {", count: 5_000) + "#" + String(repeating: "}}", count: 5_000)

  @Test func aMessageTooLongIsAMessageSyntaxErrorAtItsText() throws {
    let catalog = try Self.spanish(withTablets: Self.tooLong)
    let findings = try Fixtures.validator().validate(catalog, locale: LanguageTag("es")!)
    let line = try #require(catalog["dosing.tablets"]?.textLocation.line)
    #expect(
      findings.map(\.description) == [
        "es.yaml:\(line):11: error[message-syntax]: 'dosing.tablets' is too complex for netexport: longer than 16384 UTF-16 code units (netexport reads at most 16384 in one message); simplify it"
      ])
  }

  /// Exports resolve the document printed and spoken; both refuse the message with its
  /// location (before the limits, ICU's formatter overflowed the stack on this one).
  @Test(arguments: [false, true])
  func resolutionRefusesAMessageTooDeep(spoken: Bool) throws {
    let catalog = try Self.spanish(withTablets: Self.tooDeep)
    let location = try #require(catalog["dosing.tablets"]).textLocation
    #expect {
      _ = try Resolver.resolve(Fixtures.document(), catalog: catalog, locale: LanguageTag("es")!, spoken: spoken)
    } throws: { error in
      guard let diagnostics = (error as? DiagnosticError)?.diagnostics, diagnostics.count == 1 else { return false }
      return diagnostics[0].code == "message-syntax" && diagnostics[0].location == location
        && diagnostics[0].message.contains("longer than 16384")
    }
    let short = String(repeating: "{tablets, plural, other {", count: 11) + "#" + String(repeating: "}}", count: 11)
    #expect {
      _ = try Resolver.resolve(
        Fixtures.document(), catalog: Self.spanish(withTablets: short), locale: LanguageTag("es")!, spoken: spoken)
    } throws: { error in
      (error as? DiagnosticError)?.diagnostics.map(\.message) == [
        "entry 'dosing.tablets' is not a valid ICU message: an argument nested more than 10 deep at character 251 (netexport reads at most 10 levels of arguments inside one another)"
      ]
    }
  }
}
