import NetexportExporters
import NetexportTestSupport
import Testing

/// A run that writes the narrator script and SSML of a document builds its spoken form once
/// and gives it to both; each export is the same as the one the exporter builds alone.
@Suite struct SharedScriptTests {
  @Test(arguments: ["en"] + Repository.shippedLocales)
  func anExportFromASharedScriptIsTheExportAlone(locale: String) throws {
    let document = try Repository.resolved(locale, spoken: true)
    let script = try SpokenScript(document)
    let exporters: [any SpokenScriptExporter] = [AudioScriptExporter(width: 60), SSMLExporter()]
    for exporter in exporters {
      #expect(try exporter.render(document, script: script) == exporter.render(document))
    }
  }
}
