/// A kind of finding: its stable code, its severity, what it means in one line, and the
/// family of checks it belongs to.
///
/// Every code is a static constant declared once, in its family's registry
/// (`FindingCode.missingKey`), so a misspelt code does not compile, and every place that
/// creates a ``Diagnostic`` names one. On the wire (text, JSON, SARIF, GitHub and JUnit
/// reports, a catalog entry's `allow` list) a finding's code is the kebab-case text,
/// ``code``; codes never change meaning, since CI configurations and catalogs refer to them.
///
/// A family's registry lives in the lowest target that creates one of its codes (every
/// target sees this one): the catalog reader's, the message, completeness and staleness
/// codes (which the pseudo-localizer and the resolver create too) and the codes of the
/// other commands here, in `Findings/`; the codes only validation reports beside their
/// checks, in `NetexportValidation/Checks/`. `docs/validation.md` explains each code.
public struct FindingCode: Hashable, Sendable, CustomStringConvertible {
  /// The code as reports and `allow` lists write it, e.g. `missing-key`.
  public let code: String
  /// The severity of a finding with this code, unless the place that reports it says
  /// otherwise (pending work in a target catalog is an error in the source catalog).
  public let severity: Diagnostic.Severity
  /// One line on what the code means, for SARIF and the documentation.
  public let summary: String
  /// The family the code belongs to.
  public let family: FindingFamily

  /// Declares a code; only a family's registry does.
  package init(_ code: String, _ severity: Diagnostic.Severity, _ summary: String, family: FindingFamily) {
    self.code = code
    self.severity = severity
    self.summary = summary
    self.family = family
  }

  public var description: String { code }

  // A code is its text: the rest describes it.
  public static func == (lhs: FindingCode, rhs: FindingCode) -> Bool { lhs.code == rhs.code }
  public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

/// A group of related finding codes, as `docs/validation.md` lists them.
public struct FindingFamily: Hashable, Sendable, CustomStringConvertible {
  /// A short stable name, e.g. `numbers`.
  public let name: String
  /// What the family is about, as a heading, e.g. "Numbers".
  public let title: String

  package init(_ name: String, title: String) {
    self.name = name
    self.title = title
  }

  public var description: String { name }
}

/// The one place a family's codes are declared and listed.
public protocol FindingRegistry: Sendable {
  /// The family whose codes this registry declares.
  static var family: FindingFamily { get }
  /// The family's codes, in the order `docs/validation.md` lists them.
  static var codes: [FindingCode] { get }
}

extension Diagnostic {
  /// Whether the finding has this code.
  public func has(_ code: FindingCode) -> Bool { self.code == code.code }
}

extension FindingCode {
  /// The registries of the codes commands other than `validate` report, in the order
  /// `docs/validation.md` lists them.
  public static let otherCommandRegistries: [any FindingRegistry.Type] = [
    ProjectFindings.self, FileFindings.self, ExportFindings.self, ReadabilityFindings.self, AudioFindings.self,
    MarkdownFindings.self, InterchangeFindings.self, MigrationFindings.self,
  ]
}
