public import NetexportICU
import Yams

/// A project's manifest, `netexport.yaml` at the project's root: the source locale, the
/// locales the project translates into (each shipped or a draft), and defaults for handouts.
///
/// See the README ("A project") for the format.
public struct Manifest: Hashable, Sendable {
  /// Whether a locale's exports are published.
  public enum LocaleStatus: String, Hashable, Sendable, CaseIterable {
    /// Exported by `--all`; `validate --strict` requires it complete.
    case shipped
    /// Validated and reported, never exported by `--all`, never failing a whole-project run.
    case draft
  }

  /// Who hands the material out, printed on handouts.
  public struct Organization: Hashable, Sendable {
    public var name: String?
    /// One line: a phone number, a web address.
    public var contact: String?

    public init(name: String? = nil, contact: String? = nil) {
      self.name = name
      self.contact = contact
    }
  }

  public static let fileName = "netexport.yaml"
  static let topLevelFields = ["source-locale", "locales", "handouts"]
  static let handoutFields = ["paper", "organization"]
  static let organizationFields = ["name", "contact"]

  /// One target locale the manifest lists.
  public struct Locale: Hashable, Sendable {
    public var tag: LanguageTag
    public var status: LocaleStatus
    /// Where the manifest lists it.
    public var location: SourceLocation?

    public init(_ tag: LanguageTag, _ status: LocaleStatus, location: SourceLocation? = nil) {
      self.tag = tag
      self.status = status
      self.location = location
    }
  }

  public var sourceLocale: LanguageTag
  /// The target locales, in the order the manifest lists them.
  public var locales: [Locale]
  /// The paper handouts are printed on; `nil` (`auto` in the file) for the one used in each
  /// locale's region, as ICU gives it (US Letter in the US and a few others, A4 elsewhere).
  public var paper: Paper?
  public var organization: Organization
  /// The manifest file as shown in messages.
  public var file: String

  public init(
    sourceLocale: LanguageTag, locales: [Locale] = [], paper: Paper? = nil,
    organization: Organization = Organization(), file: String = fileName
  ) {
    self.sourceLocale = sourceLocale
    self.locales = locales
    self.paper = paper
    self.organization = organization
    self.file = file
  }

  /// The status the manifest gives a locale, or `nil` when it does not list it.
  public func status(of locale: LanguageTag) -> LocaleStatus? {
    locales.first { $0.tag == locale }?.status
  }

  /// Reads a manifest from its YAML text.
  ///
  /// - Throws: `DiagnosticError` with every problem of the file at once, each at its
  ///   file:line:column (code `invalid-manifest`, or the YAML codes).
  public static func parse(_ text: String, file: String) throws -> Manifest {
    var problems: [Diagnostic] = []
    func problem(_ node: Node?, _ message: String) {
      problems.append(Diagnostic(code: .invalidManifest, at: YAMLSupport.location(node?.mark, file: file), message))
    }
    guard let root = try YAMLSupport.compose(text, file: file, plainText: true), let top = root.mapping else {
      throw DiagnosticError(
        Diagnostic(
          code: .invalidManifest, at: SourceLocation(file: file, line: 1, column: 1),
          "the manifest must be a mapping with 'source-locale' and 'locales'; see the README (A project)"))
    }
    var sourceLocale: LanguageTag?
    var locales: [Locale] = []
    var paper: Paper?
    var organization = Organization()

    func tag(_ node: Node, _ what: String) -> LanguageTag? {
      guard let text = node.scalar?.string, !text.isEmpty else {
        problem(node, "\(what) must be a language tag such as 'en' or 'pt-BR'")
        return nil
      }
      guard let tag = LanguageTag(text) else {
        problem(node, "\(what) '\(text)' is not a valid BCP 47 language tag (for example: en, es, pt-BR, zh-Hans)")
        return nil
      }
      guard tag.canonical == text else {
        problem(node, "\(what) '\(text)' is not in canonical form; write '\(tag.canonical)'")
        return nil
      }
      return tag
    }
    func scalarText(_ node: Node, _ what: String) -> String? {
      guard let scalar = node.scalar else {
        problem(node, "\(what) must be text")
        return nil
      }
      return scalar.string
    }
    func unknown(_ key: Node, in what: String, known: [String]) {
      problem(
        key, "unknown field '\(key.string ?? "?")' in \(what) (known fields: \(known.joined(separator: ", ")))")
    }

    for (key, value) in top {
      switch key.string {
      case "source-locale":
        sourceLocale = tag(value, "source-locale")
      case "locales":
        if value.scalar.map({ $0.string.isEmpty || $0.string == "~" || $0.string == "null" }) == true { continue }
        guard let mapping = value.mapping else {
          problem(value, "'locales' must map each locale to 'shipped' or 'draft' (for example 'es: shipped')")
          continue
        }
        for (localeNode, statusNode) in mapping {
          guard let locale = tag(localeNode, "locale") else { continue }
          guard let word = statusNode.scalar?.string, let status = LocaleStatus(rawValue: word) else {
            problem(
              statusNode,
              "the status of '\(locale.canonical)' must be 'shipped' or 'draft' (found \(statusNode.scalar.map { "'\($0.string)'" } ?? "a collection"))"
            )
            continue
          }
          locales.append(Locale(locale, status, location: YAMLSupport.location(localeNode.mark, file: file)))
        }
      case "handouts":
        guard let mapping = value.mapping else {
          problem(value, "'handouts' must be a mapping with 'paper' and 'organization'")
          continue
        }
        for (field, fieldValue) in mapping {
          switch field.string {
          case "paper":
            guard let word = scalarText(fieldValue, "'paper'") else { continue }
            guard word == "auto" || Paper(rawValue: word) != nil else {
              problem(
                fieldValue, "'paper' must be one of: auto, \(Paper.allCases.map(\.rawValue).joined(separator: ", "))")
              continue
            }
            paper = Paper(rawValue: word)
          case "organization":
            guard let fields = fieldValue.mapping else {
              problem(fieldValue, "'organization' must be a mapping with 'name' and 'contact'")
              continue
            }
            for (name, nameValue) in fields {
              switch name.string {
              case "name": organization.name = scalarText(nameValue, "'name'")
              case "contact": organization.contact = scalarText(nameValue, "'contact'")
              default: unknown(name, in: "'organization'", known: organizationFields)
              }
            }
          default: unknown(field, in: "'handouts'", known: handoutFields)
          }
        }
      default:
        unknown(key, in: "the manifest", known: topLevelFields)
      }
    }
    if top.first(where: { $0.key.string == "source-locale" }) == nil {
      problem(root, "the manifest has no 'source-locale' (the language the documents are written in, e.g. 'en')")
    }
    if let sourceLocale, let listed = locales.first(where: { $0.tag == sourceLocale }) {
      problems.append(
        Diagnostic(
          code: .invalidManifest, at: listed.location,
          "'\(sourceLocale.canonical)' is the source locale; list only the locales it is translated into"))
    }
    guard problems.isEmpty, let sourceLocale else { throw DiagnosticError(problems) }
    return Manifest(
      sourceLocale: sourceLocale, locales: locales, paper: paper, organization: organization, file: file)
  }
}

extension Manifest {
  /// The manifest's text with `locale: status` added to `locales`, everything else (order,
  /// comments, layout) as it was. The result is read back and must list the locale.
  ///
  /// Written by hand because no YAML library for Swift edits a file while keeping its
  /// comments; the edit is one inserted line, after the last line of the `locales` block.
  ///
  /// - Throws: `DiagnosticError` when `locales` is written in flow style (`{es: shipped}`),
  ///   which the edit does not rewrite, or when the result would not read back.
  public static func adding(
    _ locale: LanguageTag, status: LocaleStatus, to text: String, file: String
  ) throws -> String {
    let newline = text.contains("\r\n") ? "\r\n" : "\n"
    var lines = text.components(separatedBy: newline)
    if lines.last == "" { lines.removeLast() }
    let entry = "  \(locale.canonical): \(status.rawValue)"
    if let header = lines.firstIndex(where: { $0.hasPrefix("locales:") }) {
      let rest = lines[header].dropFirst("locales:".count).trimmingCharacters(in: .whitespaces)
      guard rest.isEmpty || rest.hasPrefix("#") || rest == "~" || rest == "null" || rest == "{}" else {
        throw DiagnosticError(
          Diagnostic(
            code: .invalidManifest, at: SourceLocation(file: file, line: header + 1, column: 1),
            "'locales' is written on one line; write it as a block ('locales:' then one '  tag: status' per line) so netexport can add '\(locale.canonical)'"
          ))
      }
      if !rest.isEmpty && !rest.hasPrefix("#") { lines[header] = "locales:" }
      // The block ends before the next line that starts at column 1 (a top-level key or a
      // comment there); the entry goes after the block's last indented line.
      var last = header
      var index = header + 1
      while index < lines.count {
        let line = lines[index]
        if let first = line.first, first != " " && first != "\t" { break }
        if !line.trimmingCharacters(in: .whitespaces).isEmpty { last = index }
        index += 1
      }
      lines.insert(entry, at: last + 1)
    } else {
      lines += ["locales:", entry]
    }
    let result = lines.joined(separator: newline) + newline
    let manifest = try parse(result, file: file)
    guard manifest.status(of: locale) == status else {
      throw DiagnosticError(
        Diagnostic(
          code: .invalidManifest, at: SourceLocation(file: file),
          "could not add '\(locale.canonical)' to 'locales'; add '\(entry.trimmingCharacters(in: .whitespaces))' by hand"
        ))
    }
    return result
  }

  /// The text of a new project's manifest.
  public static func newManifestText(sourceLocale: LanguageTag) -> String {
    """
    # netexport project manifest. See the README (A project).
    # source-locale: the language the documents are written in.
    # locales: every locale the documents are translated into, 'shipped' (exported by
    #   'netexport --all') or 'draft' (validated and reported, not exported yet).
    #   'netexport init --locale ID' adds a locale as a draft; change it to shipped when its
    #   translations are complete and reviewed.
    source-locale: \(sourceLocale.canonical)
    locales:
    handouts:
      paper: auto          # auto (from the locale's region), a4 or letter
      # organization:      # printed on handouts: who hands them out, and how to reach them
      #   name: "Example Health, Patient Education"
      #   contact: "Questions? Call 555-0100"

    """
  }
}
