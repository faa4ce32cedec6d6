import Foundation
import NetexportICU
import NetexportValidation

/// An inline SVG bar chart of one formula's score per section, with the target drawn as a
/// line: what `readability --report html` shows for each document and locale.
///
/// The chart is an image to assistive technology (`role="img"`, named by its `<title>` and
/// described by its `<desc>`, which gives every value); the page puts the same numbers in a
/// table after it. It is drawn left to right on a fixed 360-unit grid that scales with the
/// page, section names above their bars (in the section's language and direction), so it
/// fits a 320 px screen. Written by hand: the chart is a few rectangles, lines and labels,
/// and no Swift SVG library is worth a dependency for that.
struct ReadabilityChart {
  struct Bar {
    /// The section's title, in the document's locale.
    var label: String
    var value: Double?
  }

  /// A target value with its kind: at most (`max`) or at least.
  struct Line {
    var value: Double
    var isMaximum: Bool
  }

  var id: String
  /// Plain text: "Szigriszt-Pazos by section".
  var title: String
  /// Plain text: every value, the target and which way is easier.
  var description: String
  /// The locale of the section titles.
  var locale: String
  var bars: [Bar]
  var targets: [Line]

  static let width = 300.0
  static let margin = 4.0
  static let rowHeight = 42.0
  static let labelSize = 14.0
  /// Section titles longer than this are cut (with "…") in the chart; the table has them whole.
  static let labelLength = 36

  /// The domain of the x axis: every value, every target and zero, widened to round steps.
  func scale() -> (low: Double, high: Double, step: Double) {
    let values = bars.compactMap(\.value) + targets.map(\.value) + [0]
    var low = values.min() ?? 0
    var high = values.max() ?? 1
    if high - low < 1 { high = low + 1 }
    let span = high - low
    let step = [0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000].first { span / $0 <= 5 } ?? span / 5
    low = (low / step).rounded(.down) * step
    high = (high / step).rounded(.up) * step
    return (low, high, step)
  }

  func render() -> String {
    typealias Text = HTMLReportText
    let (low, high, step) = scale()
    let left = Self.margin
    let right = Self.width - Self.margin
    func x(_ value: Double) -> Double { left + (value - low) / (high - low) * (right - left) }
    // Room above the bars for each target's label.
    let top = targets.isEmpty ? 6 : 8 + 16 * Double(targets.count)
    let bottom = top + Self.rowHeight * Double(bars.count)
    let height = bottom + 26
    let direction = LanguageTag(locale)?.isRightToLeft == true ? "rtl" : "ltr"
    // Shapes first, then the labels over them; a value next to its bar gets a white ground,
    // so that a target line crossing it does not run through its digits.
    var shapes: [String] = []
    var labels: [String] = []
    let black = "fill=\"#000\""
    for (index, bar) in bars.enumerated() {
      let y = top + Self.rowHeight * Double(index)
      // In a right-to-left title, the end of the text is its left edge: anchored there, it
      // lines up with the left-to-right titles.
      let anchor = direction == "rtl" ? "end" : "start"
      labels.append(
        "<text x=\"\(Self.number(left))\" y=\"\(Self.number(y + 14))\" font-size=\"\(Self.number(Self.labelSize))\" \(black) text-anchor=\"\(anchor)\" direction=\"\(direction)\" lang=\"\(Text.escape(LanguageTag(locale)?.canonical ?? locale))\">\(Text.escape(Self.shortened(bar.label)))</text>"
      )
      guard let value = bar.value else {
        labels.append(
          "<text x=\"\(Self.number(x(0) + 4))\" y=\"\(Self.number(y + 32))\" font-size=\"12\" \(black)>no score</text>")
        continue
      }
      let start = min(x(0), x(value))
      let end = max(x(0), x(value))
      shapes.append(
        "<rect x=\"\(Self.number(start))\" y=\"\(Self.number(y + 21))\" width=\"\(Self.number(max(end - start, 1)))\" height=\"14\" fill=\"#1f4e79\"/>"
      )
      // The value after the bar's end, or inside it, in white (8.7:1), when there is no room.
      let shown = String(format: "%.1f", value)
      let outside = value >= 0 ? end + 4 + 40 <= right : start - 4 - 40 >= left
      let valueX = value >= 0 ? (outside ? end + 4 : end - 4) : (outside ? start - 4 : start + 4)
      let valueAnchor = (value >= 0) == outside ? "start" : "end"
      if outside {
        // About 7 units a digit at this size, in the fonts charts use.
        let width = 7.0 * Double(shown.count) + 2
        labels.append(
          "<rect x=\"\(Self.number(valueAnchor == "start" ? valueX - 1 : valueX - width + 1))\" y=\"\(Self.number(y + 21))\" width=\"\(Self.number(width))\" height=\"14\" fill=\"#fff\"/>"
        )
      }
      labels.append(
        "<text x=\"\(Self.number(valueX))\" y=\"\(Self.number(y + 32.5))\" font-size=\"12\" font-weight=\"bold\" text-anchor=\"\(valueAnchor)\" fill=\"\(outside ? "#000" : "#fff")\">\(shown)</text>"
      )
    }
    // The axis: zero, and round values under it.
    shapes.append(
      "<line x1=\"\(Self.number(left))\" y1=\"\(Self.number(bottom + 2))\" x2=\"\(Self.number(right))\" y2=\"\(Self.number(bottom + 2))\" stroke=\"#444\" stroke-width=\"1\"/>"
    )
    if low < 0 {
      shapes.append(
        "<line x1=\"\(Self.number(x(0)))\" y1=\"\(Self.number(top))\" x2=\"\(Self.number(x(0)))\" y2=\"\(Self.number(bottom + 2))\" stroke=\"#444\" stroke-width=\"1\"/>"
      )
    }
    var tick = low
    while tick <= high + step / 1000 {
      let anchor = tick == low ? "start" : tick + step > high + step / 1000 ? "end" : "middle"
      shapes.append(
        "<line x1=\"\(Self.number(x(tick)))\" y1=\"\(Self.number(bottom + 2))\" x2=\"\(Self.number(x(tick)))\" y2=\"\(Self.number(bottom + 7))\" stroke=\"#444\" stroke-width=\"1\"/>"
      )
      labels.append(
        "<text x=\"\(Self.number(x(tick)))\" y=\"\(Self.number(bottom + 20))\" font-size=\"11\" fill=\"#000\" text-anchor=\"\(anchor)\">\(Self.number(tick))</text>"
      )
      tick += step
    }
    // The targets: a dashed line across every bar, labelled above them.
    for (index, target) in targets.enumerated() {
      let position = x(target.value)
      let labelY = 14 + 16 * Double(index)
      let anchor = position > Self.width * 0.6 ? "end" : "start"
      let labelX = anchor == "end" ? position - 3 : position + 3
      // Drawn through the bars only, leaving the section titles above them clear.
      let spans =
        [(labelY + 3, top)]
        + bars.indices.map { (top + Self.rowHeight * Double($0) + 19, top + Self.rowHeight * Double($0 + 1)) }
      for (from, to) in spans where to > from {
        // Black dashes on a white line, which keeps them visible over the dark bars.
        let line =
          "x1=\"\(Self.number(position))\" y1=\"\(Self.number(from))\" x2=\"\(Self.number(position))\" y2=\"\(Self.number(to))\""
        shapes.append("<line \(line) stroke=\"#fff\" stroke-width=\"5\"/>")
        shapes.append("<line \(line) stroke=\"#000\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>")
      }
      labels.append(
        "<text x=\"\(Self.number(labelX))\" y=\"\(Self.number(labelY))\" font-size=\"12\" font-weight=\"bold\" \(black) text-anchor=\"\(anchor)\">target \(target.isMaximum ? "≤" : "≥") \(Self.number(target.value))</text>"
      )
    }
    var parts = [
      "<svg role=\"img\" aria-labelledby=\"\(id)-title\" aria-describedby=\"\(id)-desc\" viewBox=\"0 0 \(Self.number(Self.width)) \(Self.number(height))\" width=\"\(Self.number(Self.width))\" height=\"\(Self.number(height))\" font-family=\"Arial, 'Liberation Sans', 'DejaVu Sans', 'Noto Sans CJK SC', 'WenQuanYi Zen Hei', sans-serif\">",
      "<title id=\"\(id)-title\">\(Text.label(title))</title>",
      "<desc id=\"\(id)-desc\">\(Text.label(description))</desc>",
      "<rect x=\"0\" y=\"0\" width=\"\(Self.number(Self.width))\" height=\"\(Self.number(height))\" fill=\"#fff\"/>",
    ]
    parts += shapes + labels
    parts.append("</svg>")
    return parts.joined(separator: "\n")
  }

  /// An axis or target value: whole numbers without a trailing ".0", others with one decimal.
  static func number(_ value: Double) -> String {
    if value == value.rounded() && abs(value) < 1e9 { return String(Int(value)) }
    return String(format: "%.1f", value)
  }

  static func shortened(_ label: String) -> String {
    label.count <= labelLength ? label : String(label.prefix(labelLength - 1)) + "…"
  }
}
