import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// An SSML export read by Foundation's XML parser (libxml2), which fails on anything not
/// well-formed: only the elements and attributes the exporter writes, and no comment, CDATA
/// section or processing instruction (the exporter writes none).
enum SSMLCheck {
  static let attributes: [String: [String]] = [
    "speak": ["version", "xml:lang", "xmlns"], "p": ["xml:lang"], "s": ["xml:lang"], "break": ["time"],
    "sub": ["alias"], "say-as": ["interpret-as"],
  ]

  static func check(_ ssml: String) throws(InvariantViolation) {
    let reader = Reader()
    let parser = XMLParser(data: Data(ssml.utf8))
    parser.delegate = reader
    guard parser.parse() else {
      throw InvariantViolation(
        "ssml is not well-formed: \(parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber)")
    }
    if let problem = reader.problems.first { throw InvariantViolation("ssml: \(problem)") }
    try require(reader.root == "speak", "ssml's root is \(reader.root ?? "missing"), not speak")
    // Foundation's parser stops at the end of the root element and reads nothing after it:
    // the one `</speak>` (text holds no raw `<`) must end the file.
    let ends = ssml.components(separatedBy: "</speak>")
    try require(
      ends.count == 2 && ends[1].allSatisfy(\.isWhitespace), "ssml has something after its root element")
  }

  private final class Reader: NSObject, XMLParserDelegate {
    var problems: [String] = []
    var root: String?

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      if root == nil { root = elementName }
      guard let known = SSMLCheck.attributes[elementName] else {
        problems.append("an element the exporter does not write: <\(elementName)>")
        return
      }
      if attributes.keys.sorted() != known {
        problems.append("<\(elementName)> has attributes \(attributes.keys.sorted()), not \(known)")
      }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { problems.append("a CDATA section") }
    func parser(_ parser: XMLParser, foundComment comment: String) { problems.append("a comment") }
    func parser(_ parser: XMLParser, foundProcessingInstructionWithTarget target: String, data: String?) {
      problems.append("a processing instruction \(target)")
    }
  }
}
