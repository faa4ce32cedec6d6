/// A place in a file the user wrote: what editors and CI annotations point at.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
  /// The path as the user would type it (relative to the working folder when possible).
  public var file: String
  /// 1-based line, or `nil` when only the file is known.
  public var line: Int?
  /// 1-based column in Unicode scalars, or `nil` when only the line is known.
  public var column: Int?

  public init(file: String, line: Int? = nil, column: Int? = nil) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`, leaving out what is not known.
  public var description: String {
    var text = file
    if let line {
      text += ":\(line)"
      if let column { text += ":\(column)" }
    }
    return text
  }
}

/// One problem found in the user's input, in the form compilers use:
/// `Locales/es.yaml:14:5: error[missing-key]: ...`.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Sendable, Comparable, CaseIterable {
    /// Not a mistake: work not done yet (a message not translated, or waiting for review).
    /// A document with pending messages in a locale is not exported there, and that is
    /// never a failure, except where a shipped locale must be complete (`validate --strict`).
    case pending
    case warning
    case error

    private var rank: Int {
      switch self {
      case .pending: 0
      case .warning: 1
      case .error: 2
      }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
  }

  public var severity: Severity
  /// A stable identifier of the kind of problem, e.g. `malformed-yaml`: the text of a
  /// ``FindingCode``, as reports and `allow` lists write it.
  public var code: String
  public var location: SourceLocation?
  /// What is wrong and how to fix it, for the person who wrote the file.
  public var message: String
  /// The locale whose catalog the problem is in, when there is one.
  public var locale: String?
  /// The message key the problem is about, when there is one.
  public var key: String?

  /// - Parameters:
  ///   - severity: The finding's severity; by default the code's.
  ///   - code: The kind of problem, declared in its family's registry.
  public init(
    _ severity: Severity? = nil, code: FindingCode, at location: SourceLocation?, _ message: String,
    locale: String? = nil, key: String? = nil
  ) {
    self.severity = severity ?? code.severity
    self.code = code.code
    self.location = location
    self.message = message
    self.locale = locale
    self.key = key
  }

  public var description: String {
    let head = "\(severity.rawValue)[\(code)]: \(message)"
    return location.map { "\($0): \(head)" } ?? head
  }
}

/// One or more problems that stop an operation.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
  public init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }

  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
