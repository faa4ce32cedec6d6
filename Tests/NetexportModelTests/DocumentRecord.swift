import Foundation
import NetexportModel
import Testing

/// A document as plain text, one value a line, arguments in name order: a stable record of
/// what a content file reads to, so that a golden file can show that a change to the reader
/// keeps every value (a `Document` has dictionaries, whose order changes from run to run).
enum DocumentRecord {
  static func text(_ document: Document) -> String {
    var lines = [
      "id: \(document.id.debugDescription)",
      "source-locale: \(document.sourceLocale.debugDescription)",
      "title: \(ref(document.metadata.title))",
      "subtitle: \(document.metadata.subtitle.map(ref) ?? "none")",
      "byline: \(ref(document.metadata.byline))",
      "reviewed: \(ref(document.metadata.reviewed))",
      "publisher: \(document.metadata.publisher.debugDescription)",
    ]
    for section in document.sections {
      lines.append("section \(section.id.debugDescription): \(ref(section.heading))")
      for block in section.blocks {
        switch block {
        case .heading(let text): lines.append("  heading: \(ref(text))")
        case .paragraph(let text): lines.append("  paragraph: \(ref(text))")
        case .list(let list):
          lines.append(
            "  list\(list.ordered ? " ordered" : ""): lead-in \(list.leadIn.map(ref) ?? "none")\(list.announcement.map { ", announcement " + ref($0) } ?? "")"
          )
          for item in list.items {
            lines.append("    item: \(ref(item.text))\(item.detail.map { "; detail: \(ref($0))" } ?? "")")
          }
        case .callout(let callout):
          lines.append("  callout: title \(callout.title.map(ref) ?? "none")")
          lines += callout.body.map { "    body: \(ref($0))" }
        }
      }
    }
    lines.append("references: \(ref(document.references.heading))")
    lines += document.references.items.map { "  item: \(ref($0))" }
    for group in document.related {
      lines.append("related: \(ref(group.heading))")
      lines += group.items.map { "  item: \(ref($0))" }
    }
    lines += document.terms.map {
      "term \($0.id.debugDescription): \(ref($0.name)); definition: \($0.definition.map(ref) ?? "none")"
    }
    lines += document.abbreviations.map {
      "abbreviation \($0.id.debugDescription): \(ref($0.short)); expansion: \(ref($0.expansion))"
    }
    lines += document.doNotTranslate.map { "do-not-translate: \($0.debugDescription)" }
    return lines.joined(separator: "\n") + "\n"
  }

  static func ref(_ ref: TextRef) -> String {
    var text = ref.key.debugDescription
    if !ref.arguments.isEmpty {
      let arguments = ref.arguments.sorted { $0.key < $1.key }.map { name, value in
        switch value {
        case .number(let number): "\(name.debugDescription): number \(number)"
        case .date(let day): "\(name.debugDescription): date \(day)"
        case .string(let string): "\(name.debugDescription): string \(string.debugDescription)"
        }
      }
      text += " {\(arguments.joined(separator: ", "))}"
    }
    if !ref.links.isEmpty { text += " links \(ref.links.map(\.debugDescription).joined(separator: ", "))" }
    return text
  }

  /// Compares the record of `document` with the golden file `Fixtures/records/<name>`. With
  /// RECORD_SNAPSHOTS set, writes it instead and fails, so that a recording run is never
  /// mistaken for a passing one.
  static func expect(
    _ document: Document, matches name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/records/\(name)")
    let record = text(document)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
      try Data(record.utf8).write(to: url)
      Issue.record("recorded Fixtures/records/\(name); review it, then run the tests without RECORD_SNAPSHOTS")
      return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    let differences = zip(expected.split(separator: "\n"), record.split(separator: "\n")).enumerated()
      .filter { $0.element.0 != $0.element.1 }.prefix(5)
      .map { "line \($0.offset + 1): expected \($0.element.0)\n         read     \($0.element.1)" }
    #expect(
      record == expected,
      "differs from Fixtures/records/\(name):\n\(differences.joined(separator: "\n"))",
      sourceLocation: sourceLocation)
  }
}
