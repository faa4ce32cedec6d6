import NetexportICU
public import NetexportValidation

/// A narrator's script in plain text: what to say, in order, with numbers and dates in words,
/// abbreviations explained, and directions to the narrator in square brackets on lines of their
/// own (a pause, the pronunciation guide). Nothing else on the page is meant only for the eye:
/// no bullets, no web addresses.
public struct AudioScriptExporter: TextExporter {
  /// The widest line, in terminal columns.
  public let width: Int

  public init(width: Int = 72) { self.width = width }

  public var spoken: Bool { true }

  public func export(_ document: ResolvedDocument) throws -> String {
    let script = try SpokenScript(document)
    let wrapper = try TextWrapper(width: width, locale: document.locale)
    // Right-to-left lines carry marks so common viewers lay them out right.
    func wrap(_ text: String) throws -> [String] {
      let lines = try wrapper.wrap(text)
      return document.locale.isRightToLeft ? TextWrapper.markingRightToLeft(lines) : lines
    }
    var out: [String] = []
    func direction(_ text: String) throws { out += try wrap("[\(text)]") }

    if !script.pronunciations.isEmpty {
      try direction(try document.messages.format("audio.pronunciation-guide").text)
      for entry in script.pronunciations {
        try direction("\(entry.term): \(entry.pronunciation)")
      }
      out.append("")
    }
    let pause = try document.messages.format("audio.pause").text
    let pauseLine = try wrap("[\(pause)]").last
    for block in script.blocks {
      switch block {
      case .pause:
        if out.last(where: { !$0.isEmpty }) != pauseLine {
          try direction(pause)
          out.append("")
        }
      case .paragraph(let sentences):
        out += try wrap(Self.join(sentences.map(\.written)))
        out.append("")
      }
    }
    while out.last == "" || out.last == pauseLine { out.removeLast() }
    return out.joined(separator: "\n") + "\n"
  }

  /// Sentences joined with a space, except after a full-width stop (Chinese, Japanese), which
  /// needs none.
  static func join(_ sentences: [String]) -> String {
    var text = ""
    for sentence in sentences {
      if let last = text.last, !"。！？：".contains(last) { text += " " }
      text += sentence
    }
    return text
  }
}
