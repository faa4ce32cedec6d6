import Foundation
public import NetexportICU
import NetexportModel
public import NetexportResolution
import Yams

/// A target a locale's text must meet: a formula's value at most `max` or at least `min`.
public struct ReadabilityTarget: Hashable, Sendable, Codable {
  public var formula: String
  public var max: Double?
  public var min: Double?

  public init(formula: String, max: Double? = nil, min: Double? = nil) {
    self.formula = formula
    self.max = max
    self.min = min
  }

  public var description: String {
    [max.map { "\(formula) <= \(Self.number($0))" }, min.map { "\(formula) >= \(Self.number($0))" }]
      .compactMap { $0 }.joined(separator: " and ")
  }

  static func number(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
  }
}

/// The readability targets of a project, per locale: `readability.yaml` at the project's root.
/// See `docs/readability.md`.
public struct ReadabilityConfig: Hashable, Sendable {
  public var targets: [String: [ReadabilityTarget]]

  public init(targets: [String: [ReadabilityTarget]] = [:]) { self.targets = targets }

  struct File: Decodable {
    var targets: [String: [ReadabilityTarget]]
  }

  /// Reads a config file; a missing file means no targets.
  ///
  /// - Throws: `DiagnosticError` naming the file (and line, for YAML errors).
  public static func load(_ url: URL, displayPath: String) throws -> ReadabilityConfig {
    guard FileManager.default.fileExists(atPath: url.path) else { return ReadabilityConfig() }
    let text = try TextFile.readUTF8(url, displayPath: displayPath)
    do {
      let file = try YAMLDecoder().decode(File.self, from: text)
      for (locale, targets) in file.targets {
        for target in targets where target.max == nil && target.min == nil {
          throw DiagnosticError(
            Diagnostic(
              code: .invalidConfig, at: SourceLocation(file: displayPath),
              "the target for '\(target.formula)' in '\(locale)' has neither 'max' nor 'min'"))
        }
      }
      return ReadabilityConfig(targets: file.targets)
    } catch let error as DiagnosticError {
      throw error
    } catch {
      throw DiagnosticError(
        Diagnostic(
          code: .invalidConfig, at: SourceLocation(file: displayPath),
          "cannot read the readability targets: \(error); the file maps locales to lists of {formula, max or min}"))
    }
  }
}

/// The readability of one document (or text file) in one locale.
public struct ReadabilityReport: Hashable, Sendable, Codable {
  /// A part of the text with its scores: a section, or the whole.
  public struct Part: Hashable, Sendable, Codable {
    public var id: String
    public var title: String
    public var statistics: TextStatistics
    public var assessment: LanguageAssessment
  }

  /// A sentence a writer should look at first.
  public struct HardSentence: Hashable, Sendable, Codable {
    public var text: String
    /// The catalog key the sentence comes from (none for a text file).
    public var key: String?
    /// `file:line` of the message (or of the paragraph in a text file).
    public var location: String?
    public var words: Int
    /// What the list is sorted by, the same in every language: words + 2 × long words (7+
    /// letters) + 2 × words of 3+ syllables; characters for Chinese and Japanese.
    public var difficulty: Double
    public var polysyllabicWords: [String]
    public var longWords: [String]
    /// Why it is hard, for people.
    public var reasons: [String]
  }

  /// Whether the text meets one target.
  public struct TargetResult: Hashable, Sendable, Codable {
    public var target: ReadabilityTarget
    /// The whole text's value of the formula (`nil` when the locale has no such formula).
    public var value: Double?
    public var met: Bool
    public var message: String
  }

  public var locale: String
  /// The document's id, or the text file's path.
  public var source: String
  /// Whether this is the source locale: the trusted text netexport never rewrites. A missed
  /// target there is reported for its authors, and fails the run only with `--strict`.
  public var isSourceLocale: Bool = false
  public var whole: Part
  public var sections: [Part]
  public var hardest: [HardSentence]
  public var targets: [TargetResult]
  /// What was left out of the scores, and other caveats.
  public var notes: [String]

  /// Set when this translation misses a target but the source misses its own too, and the
  /// translation is not harder than the source on a comparable scale: a faithful translation
  /// cannot be expected to be plainer than its source. Reported, and failing only with `--strict`.
  public var followsTheSource: Bool = false

  public var passed: Bool { targets.allSatisfy(\.met) }

  /// Whether the run fails because of this report.
  public func fails(strict: Bool) -> Bool { !passed && (strict || !(isSourceLocale || followsTheSource)) }

  /// The Flesch-family reading ease of the whole text on Flesch's 0–100 scale, where the
  /// locale has one: Flesch (en), Fernández-Huerta (es), Kandel–Moles (fr), Amstad (de), and
  /// Martins et al.'s Portuguese Flesch. These adapt one formula to each language's word
  /// lengths, each with constants of its own, so they are the one scale on which a
  /// translation can be compared with its source. Each is taken as it is: Martins et al.'s
  /// 42 points are Portuguese's adaptation for its longer words, as Amstad's and Kandel and
  /// Moles' constants are German's and French's; taking them away would count Portuguese's
  /// longer words against a faithful translation twice.
  public var fleschEase: (formula: String, value: Double)? {
    let family: Set = ["flesch-reading-ease", "fernandez-huerta", "kandel-moles", "amstad", "flesch-pt"]
    return whole.assessment.scores.first { family.contains($0.id) }.map { ($0.id, $0.value) }
  }

  /// Compares a translation that misses a target with the source's report, and excuses the
  /// miss (with a note giving the figures) when the source misses its own targets and the
  /// translation is not harder than the source.
  public mutating func compare(withSource source: ReadabilityReport) {
    guard !passed, !isSourceLocale, !source.passed else { return }
    let sourceMisses = source.targets.filter { !$0.met }.map { target in
      "\(target.target.formula) \(target.value.map { String(format: "%.1f", $0) } ?? "?")"
    }
    let lead =
      "The source (\(source.locale)) misses its own targets too (\(sourceMisses.joined(separator: ", "))), so a faithful translation cannot be expected to meet this one."
    guard let mine = fleschEase, let theirs = source.fleschEase else {
      notes.append(lead + " No comparable scale exists between the two languages, so the miss stands.")
      return
    }
    let shown = String(format: "%.1f", mine.value)
    let theirsShown = String(format: "%.1f", theirs.value)
    let scale = "\(mine.formula) \(shown)"
    if mine.value >= theirs.value {
      followsTheSource = true
      notes.append(
        lead
          + " It is not harder than the source on Flesch's reading-ease scale (\(scale) against \(source.locale) \(theirs.formula) \(theirsShown)); the miss is reported and fails the run only with --strict."
      )
    } else {
      notes.append(
        lead
          + " But it is harder than the source on Flesch's reading-ease scale (\(scale) against \(source.locale) \(theirs.formula) \(theirsShown)), so the miss stands."
      )
    }
  }
}

/// A block of text to score: a paragraph, a heading, a list item.
public struct ReadabilityBlock: Hashable, Sendable {
  public var text: String
  public var key: String?
  public var location: String?

  public init(text: String, key: String? = nil, location: String? = nil) {
    self.text = text
    self.key = key
    self.location = location
  }
}

/// Scores documents and text files.
public enum Readability {
  /// Scores a resolved document: each section, and the whole (title and sections; the
  /// byline, review date, references, links to related topics and the second lines of list
  /// items (a discussion's reply count and date) are left out, since they are labels, data,
  /// citations and titles of other pages rather than prose a patient reads for meaning: a date written out in full would otherwise make
  /// a handout "harder" for being clearer).
  public static func score(
    _ document: ResolvedDocument, targets: [ReadabilityTarget], hardest: Int = 5, isSourceLocale: Bool = false
  ) throws -> ReadabilityReport {
    func block(_ text: ResolvedText) -> ReadabilityBlock {
      ReadabilityBlock(text: text.text, key: text.key, location: text.location.map { Self.fileAndLine($0) })
    }
    var parts: [(id: String, title: String, blocks: [ReadabilityBlock])] = []
    parts.append(
      ("title", document.title.text, [document.title].map(block) + (document.subtitle.map { [block($0)] } ?? [])))
    for section in document.sections {
      var blocks = [block(section.heading)]
      for item in section.blocks {
        switch item {
        case .heading(let text), .paragraph(let text): blocks.append(block(text))
        case .list(let list):
          blocks += (list.leadIn.map { [block($0)] } ?? [])
          blocks += list.items.map { block($0.text) }
        case .callout(let callout):
          blocks += (callout.title.map { [block($0)] } ?? []) + callout.body.map(block)
        }
      }
      parts.append((section.id, section.heading.text, blocks))
    }
    var report = try score(
      parts: parts, locale: document.locale, source: document.id, targets: targets, hardest: hardest,
      notes: [
        "The byline, the review date, the references and the second lines of list items (reply counts and dates) are not scored: they are labels, data and citations."
      ]
        + (document.related.isEmpty
          ? [] : ["The links to related topics after the references are not scored: they are titles of other pages."]))
    report.isSourceLocale = isSourceLocale
    if isSourceLocale && !report.passed {
      report.notes.append(
        "This is the source text, which netexport does not rewrite: a missed target is for its authors to act on; it fails the run only with --strict."
      )
    }
    return report
  }

  /// Scores a plain-text file: paragraphs are separated by blank lines, and each line that
  /// starts a list item ("- ", "* ", "1. ") or is underlined as a heading is a block of its
  /// own; lines of a paragraph are joined (see `PlainTextReader`).
  public static func score(
    text: String, file: String, locale: LanguageTag, targets: [ReadabilityTarget], hardest: Int = 5
  ) throws -> ReadabilityReport {
    try score(
      PlainTextReader.input(text: text, file: file), titles: [("text", file)], locale: locale, source: file,
      file: file, targets: targets, hardest: hardest, notes: [])
  }

  static func score(
    parts: [(id: String, title: String, blocks: [ReadabilityBlock])], locale: LanguageTag, source: String,
    targets: [ReadabilityTarget], hardest: Int, notes: [String]
  ) throws -> ReadabilityReport {
    var input = ScoringInput(partCount: parts.count)
    for (index, part) in parts.enumerated() {
      for block in part.blocks {
        input.blocks.append(.init(text: .own(input.texts.count), part: index, origin: .place(input.places.count)))
        input.texts.append(block.text)
        input.places.append((block.key, block.location))
      }
    }
    return try score(
      input, titles: parts.map { ($0.id, $0.title) }, locale: locale, source: source, file: source, targets: targets,
      hardest: hardest, notes: notes)
  }

  static func score(
    _ input: ScoringInput, titles: [(id: String, title: String)], locale: LanguageTag, source: String, file: String,
    targets: [ReadabilityTarget], hardest: Int, notes: [String], chunkBytes: Int = 128 * 1024
  ) throws -> ReadabilityReport {
    let scored = try ReadabilityEngine.score(
      input, locale: locale, file: file, hardest: hardest, chunkBytes: chunkBytes)
    let scoredParts = zip(titles, scored.parts).map { title, statistics in
      ReadabilityReport.Part(
        id: title.id, title: title.title, statistics: statistics,
        assessment: Formulas.assess(statistics, language: locale.language))
    }
    let whole = scored.parts.reduce(
      TextStatistics(hasSyllables: Syllables.counter(forLanguage: locale.language) != nil), +)
    let wholeAssessment = Formulas.assess(whole, language: locale.language)
    let wholePart = ReadabilityReport.Part(id: "whole", title: source, statistics: whole, assessment: wholeAssessment)
    return ReadabilityReport(
      locale: locale.canonical, source: source, whole: wholePart,
      sections: titles.count > 1 ? scoredParts.filter { $0.id != "title" } : [],
      hardest: scored.hardest, targets: targets.map { check($0, wholeAssessment, locale: locale) },
      notes: notes + (wholeAssessment.note.map { [$0] } ?? []))
  }

  static func hardSentence(
    _ sentence: TextAnalyzer.Sentence, block: ReadabilityBlock, locale: LanguageTag
  ) -> ReadabilityReport.HardSentence {
    let statistics = sentence.statistics
    let usesCharacters = statistics.ideographs * 2 > statistics.letters
    let length = usesCharacters ? statistics.ideographs : statistics.words
    // Length, plus two for each long word and each word of 3+ syllables: what makes a
    // sentence hard in every formula, without the per-word averages that rank a two-word list
    // item like "Tuberous sclerosis" above a thirty-word paragraph sentence.
    let difficulty =
      usesCharacters
      ? Double(statistics.ideographs)
      : Double(statistics.words + 2 * statistics.longWords + 2 * statistics.polysyllables)
    var reasons: [String] = []
    reasons.append(usesCharacters ? "\(length) characters" : "\(length) words")
    if !sentence.polysyllabicWords.isEmpty {
      reasons.append(
        "\(sentence.polysyllabicWords.count) of 3+ syllables (\(sentence.polysyllabicWords.prefix(6).joined(separator: ", ")))"
      )
    }
    if !usesCharacters && !sentence.longWords.isEmpty {
      reasons.append("\(sentence.longWords.count) of 7+ letters")
    }
    return .init(
      text: sentence.text, key: block.key, location: block.location, words: statistics.words,
      difficulty: (difficulty * 10).rounded() / 10, polysyllabicWords: sentence.polysyllabicWords,
      longWords: sentence.longWords, reasons: reasons)
  }

  public static func check(
    _ target: ReadabilityTarget, _ assessment: LanguageAssessment, locale: LanguageTag
  ) -> ReadabilityReport.TargetResult {
    guard let score = assessment.score(target.formula) else {
      return .init(
        target: target, value: nil, met: false,
        message:
          "\(locale) has no '\(target.formula)' score (it has: \(assessment.scores.map(\.id).joined(separator: ", "))); fix the target"
      )
    }
    let value = score.value
    var met = true
    if let max = target.max, value > max { met = false }
    if let min = target.min, value < min { met = false }
    let shown = String(format: "%.1f", value)
    return .init(
      target: target, value: value, met: met,
      message: met
        ? "\(target.formula) is \(shown): meets \(target.description)"
        : "\(target.formula) is \(shown): misses \(target.description)")
  }

  static func fileAndLine(_ location: SourceLocation) -> String {
    location.line.map { "\(location.file):\($0)" } ?? location.file
  }
}
