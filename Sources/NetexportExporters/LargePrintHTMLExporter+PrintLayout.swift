import NetexportICU
import NetexportResolution

extension LargePrintHTMLExporter.PrintLayout {
  /// The `@page` rule: the paper size set explicitly (a handout is never shrunk to fit, so
  /// 18 pt text prints at 18 pt), and the running header and footer in the page's margin
  /// boxes, at the body's size and on the side where the locale's lines start.
  func pageRules(_ document: ResolvedDocument, paper: Paper) throws -> String {
    let rightToLeft = document.locale.isRightToLeft
    let (start, end) = rightToLeft ? ("right", "left") : ("left", "right")
    let margins = Self.margins
    let box =
      "font-family: \(LargePrintHTMLExporter.fonts); font-size: 18pt; font-weight: normal; line-height: 1.2; color: #000; direction: \(rightToLeft ? "rtl" : "ltr"); white-space: pre-line;"
    // The title and the review date on every page; at the foot, the notice of a machine's
    // translation not all reviewed, the organization and its contact line, when given, and
    // the page number.
    let header = HTML.cssString(document.title.text + "\n" + document.reviewed.text)
    var rules = [
      "@top-\(start) { content: \(header); \(box) text-align: \(start); vertical-align: bottom; padding-bottom: 0.3cm; width: 100%; }"
    ]
    let notice = document.machineTranslationNotice?.text
    let foot = ([notice] + [organization, contact]).compactMap { $0 }.filter { !$0.isEmpty }
    if !foot.isEmpty {
      rules.append(
        "@bottom-\(start) { content: \(HTML.cssString(foot.joined(separator: "\n"))); \(box) text-align: \(start); vertical-align: top; padding-top: 0.3cm; padding-\(end): 0.5cm; width: 65%; }"
      )
    }
    rules.append(
      "@bottom-\(end) { content: \(try LargePrintHTMLExporter.pageCounter(document)); \(box) text-align: \(end); vertical-align: top; padding-top: 0.3cm; }"
    )
    let bottom = notice.map { Self.bottomMargin(notice: $0, lines: foot.count - 1) } ?? margins.bottom
    return
      "@page { size: \(paper.cssName); margin: \(margins.top)cm \(margins.side)cm \(bottom)cm; \(rules.joined(separator: " ")) }"
  }

  /// The bottom margin, in centimetres, that holds the machine-translation notice at the
  /// body's size (18 pt) above `lines` more lines (the organization and its contact), in a
  /// box two thirds of the page's text width: about 30 characters a line on either
  /// paper, counted generously (a wide Chinese character as two), plus the 0.3 cm above it.
  /// Text is never made smaller to fit: large print stays 18 pt.
  static func bottomMargin(notice: String, lines: Int = 0) -> Double {
    let columns = notice.unicodeScalars.reduce(0) { $0 + ($1.properties.isIdeographic ? 2 : 1) }
    let noticeLines = max(1, (columns + 29) / 30)
    let height = 0.3 + Double(noticeLines + lines) * 0.8 + 0.4
    return max(margins.bottom, (height * 10).rounded(.up) / 10)
  }

  /// Rules that keep the printed handout together.
  func layoutRules(_ document: ResolvedDocument) -> String {
    var rules = [
      // A list's lead-in never ends a page with fewer than two of its items after it: no
      // break after the lead-in nor after the first item (items never break inside).
      ".lead-in { break-after: avoid; }",
      "li:first-child { break-after: avoid; }",
      // No page holding a list's last item alone (a single reference on the last page).
      "li:last-child:not(:first-child) { break-before: avoid; }",
      // Never a lone line at the foot or head of a page; headings stay whole.
      "p, li { orphans: 2; widows: 2; }",
      "h1, h2, h3 { break-inside: avoid; }",
      // The byline and the review date stay together.
      "footer > p:first-child { break-after: avoid; }",
    ]
    // Chinese, Japanese and Korean headings need a face that has a bold weight: WenQuanYi Zen
    // Hei has none, and neither browsers nor WeasyPrint make one up, so headings would print
    // in regular weight. Noto Sans CJK (Debian's fonts-noto-cjk) and Source Han Sans have one.
    let cjkRegions = ["Hans": "SC", "Hant": "TC", "Jpan": "JP", "Kore": "KR"]
    if let region = document.locale.likelyScript.flatMap({ cjkRegions[$0] }) {
      rules.append(
        "h1, h2, h3, .subtitle { font-family: \"Noto Sans CJK \(region)\", \"Source Han Sans \(region)\", \(LargePrintHTMLExporter.fonts); }"
      )
    }
    return "\n" + rules.joined(separator: "\n")
  }
}
