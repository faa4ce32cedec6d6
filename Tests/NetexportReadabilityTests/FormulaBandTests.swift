import Testing

@testable import NetexportReadability

/// The boundaries of every published scale: a value on a boundary belongs to the band above it
/// unless the scale says otherwise (INFLESZ).
@Suite("Formula bands")
struct FormulaBandTests {
  struct Boundary: Sendable, CustomTestStringConvertible {
    var scale: String
    var value: Double
    var band: String
    var testDescription: String { "\(scale) \(value) → \(band)" }
  }

  static func boundaries(_ scale: String, _ pairs: [(Double, String)]) -> [Boundary] {
    pairs.map { Boundary(scale: scale, value: $0.0, band: $0.1) }
  }

  static func band(_ scale: String, _ value: Double) -> String? {
    switch scale {
    case "flesch": Bands.flesch(value, labels: Bands.fleschEnglish)
    case "fernandez-huerta": Bands.flesch(value, labels: Bands.fernandezHuerta)
    case "kandel-moles": Bands.flesch(value, labels: Bands.kandelMoles)
    case "amstad": Bands.flesch(value, labels: Bands.amstad)
    case "grade": Bands.usGrade(value)
    case "inflesz": Bands.inflesz(value)
    case "crawford": Bands.crawford(value)
    case "schulstufe": Bands.schulstufe(value)
    case "gulpease": Bands.gulpease(value)
    case "flesch-pt": Bands.fleschPortuguese(value)
    case "lix": Bands.lix(value)
    case "rix": Bands.rix(value)
    case "chinese": Bands.chineseSentenceLength(value)
    default: nil
    }
  }

  static let all: [Boundary] =
    // Flesch (1948): 90-100 very easy ... 0-30 very difficult; values beyond 0-100 stay in the end bands.
    boundaries(
      "flesch",
      [
        (121, "very easy"), (90, "very easy"), (89.99, "easy"), (80, "easy"), (79.99, "fairly easy"),
        (70, "fairly easy"), (60, "standard"), (59.99, "fairly difficult"), (50, "fairly difficult"),
        (49.99, "difficult"), (30, "difficult"), (29.99, "very difficult"), (-12, "very difficult"),
      ])
    + boundaries("fernandez-huerta", [(90, "muy fácil"), (60, "normal"), (59.99, "algo difícil"), (30, "difícil")])
    + boundaries("kandel-moles", [(80, "facile"), (60, "standard"), (29.99, "très difficile")])
    + boundaries("amstad", [(70, "mittelleicht"), (60, "mittel"), (50, "mittelschwer"), (30, "schwer")])
    // US grade N from N up to N + 1; college 13-16; college graduate from 17.
    + boundaries(
      "grade",
      [
        (-3.4, "below 1st grade"), (0.99, "below 1st grade"), (1, "1st grade"), (2.5, "2nd grade"),
        (3, "3rd grade"), (8.99, "8th grade"), (11, "11th grade"), (12.99, "12th grade"), (13, "college"),
        (16.99, "college"), (17, "college graduate"),
      ])
    // INFLESZ: < 40, 40-55, 55-65, 65-80, > 80; an inner range includes its upper end.
    + boundaries(
      "inflesz",
      [
        (39.99, "muy difícil"), (40, "algo difícil"), (55, "algo difícil"), (55.01, "normal"), (65, "normal"),
        (65.01, "bastante fácil"), (80, "bastante fácil"), (80.01, "muy fácil"),
      ])
    + boundaries(
      "crawford", [(0.5, "below 1st grade"), (1, "1st grade"), (6.99, "6th grade"), (7, "above 6th grade")])
    + boundaries(
      "schulstufe",
      [
        (3.99, "unter Schulstufe 4"), (4, "Schulstufe 4"), (12.5, "Schulstufe 12"), (15.99, "Schulstufe 15"),
        (16, "über Schulstufe 15"),
      ])
    // Gulpease: below 80, 60 and 40 hard for primary, lower-secondary and upper-secondary readers.
    + boundaries(
      "gulpease",
      [
        (80, "facile per chi ha la licenza elementare"), (79.99, "difficile per chi ha la licenza elementare"),
        (60, "difficile per chi ha la licenza elementare"), (59.99, "difficile per chi ha la licenza media"),
        (40, "difficile per chi ha la licenza media"), (39.99, "difficile per chi ha un diploma superiore"),
      ])
    + boundaries(
      "flesch-pt",
      [
        (75, "muito fácil"), (74.99, "fácil"), (50, "fácil"), (49.99, "difícil"), (25, "difícil"),
        (24.99, "muito difícil"),
      ])
    + boundaries(
      "lix",
      [
        (29.99, "very easy"), (30, "easy"), (39.99, "easy"), (40, "medium"), (50, "difficult"),
        (59.99, "difficult"), (60, "very difficult"),
      ])
    // Anderson (1983), Rix to grade.
    + boundaries(
      "rix",
      [
        (0.19, "1st grade"), (0.2, "2nd grade"), (0.5, "3rd grade"), (2.99, "7th grade"), (3.0, "8th grade"),
        (6.2, "12th grade"), (7.19, "12th grade"), (7.2, "college"),
      ])
    // Wang et al. (2020): > 10 sentences per 100 characters simple, 6-10 primary, < 6
    // intermediate or difficult; and CLDC > 30 difficult.
    + boundaries(
      "chinese",
      [
        (9.9, "simple"), (10, "primary"), (16.6, "primary"), (16.7, "intermediate or difficult"),
        (30, "intermediate or difficult"), (30.1, "difficult"),
      ])

  @Test(arguments: all)
  func boundary(_ boundary: Boundary) {
    #expect(Self.band(boundary.scale, boundary.value) == boundary.band)
  }

  @Test(arguments: [
    (1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"), (21, "21st"),
  ])
  func ordinal(_ number: Int, _ expected: String) {
    #expect(Bands.ordinal(number) == expected)
  }

  /// The bands reach the public scores: Szigriszt-Pazos just under the patient-text target of
  /// 55 is algo difícil, just over it normal.
  @Test func infleszTargetBoundaryThroughTheFormula() throws {
    // 206.835 - 62.3 x 2.28 - 10 = 54.79; 206.835 - 62.3 x 2.27 - 10 = 55.41.
    let below = try #require(
      Formulas.score("szigriszt-pazos", TextStatistics(sentences: 10, words: 100, syllables: 228)))
    let above = try #require(
      Formulas.score("szigriszt-pazos", TextStatistics(sentences: 10, words: 100, syllables: 227)))
    #expect(below.value < 55 && below.band == "algo difícil")
    #expect(above.value > 55 && above.band == "normal")
  }
}
