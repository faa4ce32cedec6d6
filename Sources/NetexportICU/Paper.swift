internal import CNetexportICU

/// A sheet of paper a handout is printed on.
///
/// CLDR knows two paper sizes: US Letter (the United States, Canada, Mexico, Chile, Colombia,
/// the Philippines and a few more) and A4 (everywhere else).
public enum Paper: String, CaseIterable, Sendable {
  case letter
  case a4

  /// The paper customary where the locale is used: its region's, or for a tag without a
  /// region its likely region (CLDR likely subtags: `es` is Spain's Spanish, so A4; `en` is
  /// the United States' English, so Letter; `es-MX` and `fr-CA` are Letter).
  ///
  /// - Throws: `ICUError` when ICU has no data for the locale.
  public static func customary(for locale: LanguageTag) throws(ICUError) -> Paper {
    var height: Int32 = 0
    var width: Int32 = 0
    try checked("find the paper size of '\(locale)'") { status in
      netx_locale_paper_size(locale.localeID, &height, &width, &status)
    }
    // ICU gives US Letter as 279 x 216 mm and A4 as 297 x 210 mm.
    return (height, width) == (279, 216) ? .letter : .a4
  }

  /// The size's name in CSS (`@page { size: … }`).
  public var cssName: String {
    switch self {
    case .letter: "letter"
    case .a4: "A4"
    }
  }

  /// Width and height in PostScript points (1/72 inch), as a PDF's MediaBox gives them.
  public var points: (width: Double, height: Double) {
    switch self {
    case .letter: (612, 792)
    case .a4: (595.276, 841.89)
    }
  }
}
