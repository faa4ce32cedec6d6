import ArgumentParser

struct ReadabilityCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "readability", abstract: "Score the readability of each locale's document.")

  func run() throws {}
}
