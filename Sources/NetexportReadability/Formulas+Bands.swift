/// The interpretation bands of the formulas, in the words of each published scale.
///
/// A value on a boundary belongs to the band above it ("60-70 standard" includes 60), except
/// where the scale says otherwise (INFLESZ, see ``inflesz(_:)``).
enum Bands {
  /// The label of the first threshold the value reaches, thresholds highest first.
  static func atLeast(_ value: Double, _ thresholds: [(Double, String)], otherwise: String) -> String {
    thresholds.first { value >= $0.0 }?.1 ?? otherwise
  }

  /// Flesch's (1948) seven bands, at 90, 80, 70, 60, 50 and 30, easiest first; also the scale
  /// of the adaptations that keep Flesch's 0-100 range (Fernández-Huerta, Kandel-Moles,
  /// Amstad).
  static func flesch(_ value: Double, labels: [String]) -> String {
    precondition(labels.count == 7)
    let thresholds: [Double] = [90, 80, 70, 60, 50, 30]
    return atLeast(value, Array(zip(thresholds, labels)), otherwise: labels[6])
  }

  static let fleschEnglish = [
    "very easy", "easy", "fairly easy", "standard", "fairly difficult", "difficult", "very difficult",
  ]
  /// Fernández Huerta (1959), as tabulated with the school grades 4th-university.
  static let fernandezHuerta = [
    "muy fácil", "fácil", "algo fácil", "normal", "algo difícil", "difícil", "muy difícil",
  ]
  static let kandelMoles = [
    "très facile", "facile", "assez facile", "standard", "assez difficile", "difficile", "très difficile",
  ]
  /// Amstad (1978).
  static let amstad = [
    "sehr leicht", "leicht", "mittelleicht", "mittel", "mittelschwer", "schwer", "sehr schwer",
  ]

  /// A US school grade: grade N covers values from N up to N + 1; 13-16 is college, 17 and
  /// above college graduate (as in Gunning's and Flesch's tables).
  static func usGrade(_ value: Double) -> String {
    if value < 1 { return "below 1st grade" }
    if value >= 17 { return "college graduate" }
    if value >= 13 { return "college" }
    return "\(ordinal(Int(value))) grade"
  }

  /// 1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, 21st.
  static func ordinal(_ number: Int) -> String {
    let suffix: String
    switch (number % 10, number % 100) {
    case (_, 11...13): suffix = "th"
    case (1, _): suffix = "st"
    case (2, _): suffix = "nd"
    case (3, _): suffix = "rd"
    default: suffix = "th"
    }
    return "\(number)\(suffix)"
  }

  /// INFLESZ (Barrio-Cantalejo et al. 2008): < 40 muy difícil, 40-55 algo difícil, 55-65
  /// normal, 65-80 bastante fácil, > 80 muy fácil. The published "< 40" and "> 80" put 40 in
  /// algo difícil and 80 in bastante fácil; the inner boundaries follow the same reading (a
  /// range includes its upper end), so 55 is still algo difícil, matching the target for
  /// patient texts of INFLESZ above 55.
  static func inflesz(_ value: Double) -> String {
    if value < 40 { return "muy difícil" }
    if value <= 55 { return "algo difícil" }
    if value <= 65 { return "normal" }
    if value <= 80 { return "bastante fácil" }
    return "muy fácil"
  }

  /// Crawford (1984): a grade of elementary school, the range the formula was built for.
  static func crawford(_ value: Double) -> String {
    if value < 1 { return "below 1st grade" }
    if value >= 7 { return "above 6th grade" }
    return "\(ordinal(Int(value))) grade"
  }

  /// Wiener Sachtextformel: the Austrian school grade (Schulstufe), 4 to 15.
  static func schulstufe(_ value: Double) -> String {
    if value < 4 { return "unter Schulstufe 4" }
    if value >= 16 { return "über Schulstufe 15" }
    return "Schulstufe \(Int(value))"
  }

  /// Gulpease (Lucisano and Piemontese 1988): below 80 hard for readers with primary school,
  /// below 60 with lower secondary, below 40 with upper secondary.
  static func gulpease(_ value: Double) -> String {
    atLeast(
      value,
      [
        (80, "facile per chi ha la licenza elementare"),
        (60, "difficile per chi ha la licenza elementare"),
        (40, "difficile per chi ha la licenza media"),
      ], otherwise: "difficile per chi ha un diploma superiore")
  }

  /// Martins et al. (1996): 75-100 muito fácil, 50-75 fácil, 25-50 difícil, 0-25 muito difícil.
  static func fleschPortuguese(_ value: Double) -> String {
    atLeast(value, [(75, "muito fácil"), (50, "fácil"), (25, "difícil")], otherwise: "muito difícil")
  }

  /// LIX as commonly quoted from Björnsson: below 30 very easy, 30-40 easy, 40-50 medium,
  /// 50-60 difficult, 60 and above very difficult.
  static func lix(_ value: Double) -> String {
    atLeast(value, [(60, "very difficult"), (50, "difficult"), (40, "medium"), (30, "easy")], otherwise: "very easy")
  }

  /// Anderson's (1983) Rix-to-grade table: 7.2 and above college, then grade 12 from 6.2, 11
  /// from 5.3, 10 from 4.5, 9 from 3.7, 8 from 3.0, 7 from 2.4, 6 from 1.8, 5 from 1.3, 4 from
  /// 0.8, 3 from 0.5, 2 from 0.2, and grade 1 below.
  static func rix(_ value: Double) -> String {
    let grades: [(Double, Int)] = [
      (6.2, 12), (5.3, 11), (4.5, 10), (3.7, 9), (3.0, 8), (2.4, 7), (1.8, 6), (1.3, 5), (0.8, 4), (0.5, 3), (0.2, 2),
    ]
    if value >= 7.2 { return "college" }
    let grade = grades.first { value >= $0.0 }?.1 ?? 1
    return "\(ordinal(grade)) grade"
  }

  /// Chinese sentence length in characters, by the criteria of Wang et al. (2020): more than 10
  /// sentences per 100 characters (under 10 characters a sentence) simple, 6-10 (10 to 16.7
  /// characters) primary, fewer than 6 intermediate or difficult; and over 30 characters
  /// difficult, since the CLDC (this length plus difficult words per 100 characters) is then
  /// over 30 whatever the words.
  static func chineseSentenceLength(_ value: Double) -> String {
    let sentencesPer100Characters = 100 / value
    if sentencesPer100Characters > 10 { return "simple" }
    if sentencesPer100Characters >= 6 { return "primary" }
    if value > 30 { return "difficult" }
    return "intermediate or difficult"
  }
}
