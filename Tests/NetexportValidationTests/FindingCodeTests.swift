import Foundation
import NetexportModel
import NetexportValidation
import Testing

/// The registries of finding codes: every code netexport can print is declared once, in
/// its family's registry, documented, and the only way Sources name a code.
@Suite struct FindingCodeTests {
  static let sources = Fixtures.packageRoot.appendingPathComponent("Sources")

  /// The Swift files under `Sources/`, with their text.
  static func sourceFiles() throws -> [(path: String, text: String)] {
    let root = sources.path
    let enumerator = try #require(FileManager.default.enumerator(atPath: root))
    return try enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted().map {
      ($0, try String(contentsOfFile: root + "/" + $0, encoding: .utf8))
    }
  }

  @Test func everyCodeIsKebabCaseAndUnique() {
    let codes = Rule.everyCode.map(\.code)
    #expect(Set(codes).count == codes.count, "a code is listed twice: \(codes)")
    let kebab = /[a-z][a-z0-9]*(-[a-z0-9]+)*/
    #expect(codes.filter { (try? kebab.wholeMatch(in: $0)) == nil } == [])
  }

  /// A code listed in a registry belongs to that registry's family, and each family has
  /// one registry.
  @Test func eachRegistryListsOnlyItsFamily() {
    // Families and codes are read out of the registries first: the compiler (6.3.1) crashes
    // on an existential metatype's member inside #expect.
    let registries: [(family: FindingFamily, codes: [FindingCode])] =
      (Rule.registries + FindingCode.otherCommandRegistries).map { ($0.family, $0.codes) }
    #expect(Set(registries.map(\.family.name)).count == registries.count)
    for (family, codes) in registries {
      #expect(!codes.isEmpty)
      let strangers = codes.filter { $0.family != family }
      #expect(strangers.isEmpty, "the \(family) registry lists \(strangers) of other families")
    }
  }

  /// Every code declared in Sources (`static let name = FindingCode("code", ...)`) is in a
  /// registry's list, so `Rule.everyCode`, the docs and the schema see it.
  @Test func everyDeclaredCodeIsRegistered() throws {
    let declaration = /static let (\w+) = FindingCode\(\s*"([^"]*)"/
    var declared: [String] = []
    for file in try Self.sourceFiles() {
      declared += file.text.matches(of: declaration).map { String($0.output.2) }
    }
    #expect(declared.count == Set(declared).count, "a code is declared twice")
    #expect(Set(declared) == Set(Rule.everyCode.map(\.code)))
    #expect(declared.count >= 100)
  }

  /// A finding is created with a declared code (`code: .missingKey`), never a text, so that
  /// a misspelt code does not compile; and codes are declared only in registries.
  @Test func sourcesNameCodesOnlyThroughTheRegistries() throws {
    for file in try Self.sourceFiles() {
      let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
      for (number, line) in lines.enumerated() {
        // `code: "..."` as an argument; `case .code: "..."` is something else.
        #expect(
          !line.contains(/(^|[^.\w])code: "/), "Sources/\(file.path):\(number + 1) gives a code as text")
        if line.contains("FindingCode(") && !line.contains("struct FindingCode") {
          #expect(
            line.contains(/static let \w+ = FindingCode\(/),
            "Sources/\(file.path):\(number + 1) makes a code outside a registry")
        }
      }
    }
  }

  /// `validate` reports the codes of its own families only; an `allow` list may name
  /// nothing else.
  @Test func validationRulesAreTheValidationFamilies() {
    #expect(Rule.all.count == Set(Rule.all).count)
    #expect(Rule.named("missing-key") == .missingKey)
    #expect(Rule.named("export-refused") == nil)
    #expect(Rule.everyCode.starts(with: Rule.all))
  }
}
