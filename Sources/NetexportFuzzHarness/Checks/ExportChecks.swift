import NetexportExporters
import NetexportICU
import NetexportModel
import NetexportResolution
import NetexportValidation

/// Renders a resolved document in every text format and checks each output cheaply, by the
/// rules of its format (the unit tests in `HostileTextTests` check the same more thoroughly).
/// The PDF is the handout printed by an external program (WeasyPrint), too slow to fuzz; what
/// it prints is the handout checked here.
enum ExportChecks {
  /// Renders all four formats and checks them.
  ///
  /// - Parameters:
  ///   - printed: The document resolved for print.
  ///   - spoken: The same document resolved for speech.
  ///   - width: The text formats' line width.
  ///   - mustRender: Whether every format must render: true when validation passed the
  ///     catalog, whose promise is that it exports. Otherwise an exporter may refuse with a
  ///     diagnostic (a label that does not format), but never crash.
  ///   - links: The web addresses of the content model, where the handout's links may go.
  static func check(
    printed: ResolvedDocument, spoken: ResolvedDocument, width: Int, mustRender: Bool, links: Set<String>
  ) throws(InvariantViolation) {
    func render(_ format: ExportFormat, _ document: ResolvedDocument) throws(InvariantViolation) -> String? {
      do {
        guard let exporter = format.exporter(options: ExportOptions(width: width)) else {
          throw InvariantViolation("\(format.rawValue) has no text exporter")
        }
        guard let text = try exporter.render(document).text else {
          throw InvariantViolation("\(format.rawValue) rendered bytes, not text")
        }
        return text
      } catch let violation as InvariantViolation {
        throw violation
      } catch let error as DiagnosticError {
        try require(!mustRender, "\(format.rawValue) refused a catalog validation passed: \(error)")
      } catch let error as ICUError {
        try require(!mustRender, "\(format.rawValue) failed in ICU on a catalog validation passed: \(error)")
      } catch {
        throw InvariantViolation("\(format.rawValue) threw \(type(of: error)), not a diagnostic: \(error)")
      }
      return nil
    }
    if let text = try render(.plainText, printed) {
      try checkCharacters(text, .plainText)
    }
    if let html = try render(.largePrintHTML, printed) {
      try checkCharacters(html, .largePrintHTML)
      try HTMLCheck.check(html, locale: printed.locale.canonical, links: links)
    }
    if let script = try render(.audioScript, spoken) {
      try checkCharacters(script, .audioScript)
      try ScriptCheck.check(script)
    }
    if let ssml = try render(.ssml, spoken) {
      try checkCharacters(ssml, .ssml)
      try SSMLCheck.check(ssml)
    }
  }

  /// No export carries C0 controls but tab, line feed and carriage return, DEL, C1 controls
  /// or noncharacters (written out here from the standards, not taken from the exporters).
  static func checkCharacters(_ output: String, _ format: ExportFormat) throws(InvariantViolation) {
    if let bad = output.unicodeScalars.first(where: isForbidden) {
      throw InvariantViolation("\(format.rawValue) output holds U+\(String(bad.value, radix: 16, uppercase: true))")
    }
  }

  static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return (value < 0x20 && ![0x9, 0xA, 0xD].contains(value)) || (0x7F...0x9F).contains(value)
      || (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
  }
}

extension Document {
  /// Every web address the content model's texts link to.
  var linkAddresses: Set<String> { Set(textRefs.flatMap(\.links)) }
}
