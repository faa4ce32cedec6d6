import ArgumentParser
import NetexportICU

/// The `netexport` command: a thin layer that parses options, calls the libraries and
/// prints what they report. The libraries never print.
@main
struct Netexport: ParsableCommand {
  static let toolVersion = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "netexport",
    abstract: "Turn one trusted patient-education document into accessible material in many languages.",
    discussion: """
      Export is the default subcommand: 'netexport --locale es --format plain-text' writes
      Exports/es/<document>.txt and prints its path.
      """,
    version: "netexport \(toolVersion) (ICU \(ICUInfo.version), Unicode \(ICUInfo.unicodeVersion))",
    subcommands: [
      Export.self, New.self, Import.self, Validate.self, Status.self, Init.self, Update.self, CatalogCommand.self,
      Pseudo.self,
      ReadabilityCommand.self, SyllablesCommand.self, Migrate.self,
    ],
    defaultSubcommand: Export.self
  )

  static func main() {
    Console.prepare()
    main(nil)
  }
}
