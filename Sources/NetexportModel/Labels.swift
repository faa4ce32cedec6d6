/// The labels every export shares, kept in one catalog per locale (`labels.yaml`): words the
/// exporters add around a document's own text, such as the page counter and the audio
/// announcements.
///
/// Each label is used by the exporters with the values listed here; validation formats every
/// label with these values, so a translation that cannot show them is found before export.
public enum Labels {
  /// A label and the values the exporters give it.
  public struct Label: Hashable, Sendable {
    public var key: String
    /// Typical values of the label's arguments, as the exporters pass them.
    public var arguments: [String: Argument]

    public init(_ key: String, _ arguments: [String: Argument] = [:]) {
      self.key = key
      self.arguments = arguments
    }

    public var textRef: TextRef { TextRef(key, arguments: arguments) }
  }

  /// Every label, in the order `labels.yaml` lists them.
  public static let all: [Label] = [
    Label("references.heading"),
    Label("export.page-counter", ["page": .number(1), "pages": .number(6)]),
    Label("audio.part", ["part": .number(2), "parts": .number(8), "title": .string("Types")]),
    Label("audio.list-count", ["count": .number(6)]),
    Label("audio.aside", ["kind": .string("term"), "aside": .string("mutations")]),
    Label("audio.aside-inline", ["kind": .string("term"), "aside": .string("functional tumors")]),
    Label("audio.references"),
    Label("audio.pause"),
    Label("audio.pronunciation-guide"),
    Label(machineTranslation),
  ]

  /// The sentence a handout or script carries while a machine's translation is not all
  /// reviewed by a person (see `ResolvedDocument.machineTranslationNotice`).
  public static let machineTranslation = "export.machine-translation"

  /// The label keys.
  public static let keys: Set<String> = Set(all.map(\.key))

  /// Whether a message key names a label (and so lives in `labels.yaml`, not in a
  /// document's catalog).
  public static func isLabel(_ key: String) -> Bool { keys.contains(key) }
}
