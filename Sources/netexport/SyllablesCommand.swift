import ArgumentParser
import Foundation
import NetexportICU
import NetexportReadability

struct SyllablesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "syllables",
    abstract: "Print how many syllables netexport counts in words.",
    discussion: """
      Prints 'word<TAB>count', one word per line. With no WORD, reads words from standard
      input, one per line (for checking long word lists).
      """
  )

  @Option(name: .long, help: "The language, as a BCP 47 tag (en, es, pt-BR, ...).")
  var language: String

  @Argument(help: "Words to count.")
  var words: [String] = []

  func validate() throws {
    guard let tag = LanguageTag(language) else {
      throw ValidationError("'\(language)' is not a valid BCP 47 language tag (for example: en, es, pt-BR).")
    }
    guard Syllables.counter(forLanguage: tag.language) != nil else {
      throw ValidationError(
        "netexport counts no syllables in '\(tag.canonical)': its readability measures use characters, not syllables.")
    }
  }

  func run() throws {
    guard let tag = LanguageTag(language), let counter = Syllables.counter(forLanguage: tag.language) else { return }
    try reportingFailures {
      var output = ""
      func emit(_ word: String) throws {
        output += "\(word)\t\(counter.syllables(in: word))\n"
        if output.utf8.count > 1 << 16 {
          try Console.write(output)
          output = ""
        }
      }
      if words.isEmpty {
        while let line = readLine() {
          let word = line.trimmingCharacters(in: .whitespaces)
          if !word.isEmpty { try emit(word) }
        }
      } else {
        try words.forEach(emit)
      }
      try Console.write(output)
    }
  }
}
