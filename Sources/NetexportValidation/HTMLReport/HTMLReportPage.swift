import NetexportICU
import NetexportModel

/// The page every HTML report of netexport is: one self-contained file a coordinator opens in
/// a browser, with no script, no font, no image and nothing else fetched from anywhere.
///
/// Its Content-Security-Policy (`default-src 'none'`; inline styles and `data:` images only)
/// makes a browser refuse any request the page might make, should a string ever get past the
/// escaping. The page is in English (`lang="en"`), the language of netexport's messages; the
/// catalogs' texts inside it carry their own `lang` and `dir`. Text is black on white or on
/// light tints, every colour at least 7:1 (WCAG 1.4.6, as the handouts); tables too wide for a
/// phone scroll inside their own focusable region, so the page itself never scrolls sideways at
/// 320 CSS px (WCAG 1.4.10). The page is laid out left to right, so the style sheet uses
/// physical properties (`margin-left`), which the Nu HTML Checker's CSS validator knows.
public struct HTMLReportPage: Sendable {
  /// The page's title, as plain text.
  public var title: String
  /// The body's HTML: a `header` and a `main`, already escaped.
  public var body: String

  public init(title: String, body: String) {
    self.title = title
    self.body = body
  }

  /// The whole page.
  public func render() -> String {
    """
    <!DOCTYPE html>
    <html lang="en" dir="ltr">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta http-equiv="Content-Security-Policy" content="\(Self.contentSecurityPolicy)">
    <title>\(HTMLReportText.escape(title))</title>
    <style>
    \(Self.styleSheet)
    </style>
    </head>
    <body>
    \(body)
    </body>
    </html>

    """
  }

  /// Nothing may be fetched: no script, font, frame, form target or connection; styles only
  /// from the page itself, images only as `data:` URLs (the reports have none).
  public static let contentSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

  /// Plain faces installed with the system; CJK and Arabic faces before the generic fallback,
  /// so catalog texts in those scripts show without a web font.
  static let fonts =
    "Arial, \"Liberation Sans\", \"DejaVu Sans\", \"Noto Sans\", \"Noto Sans Arabic\", \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", \"PingFang SC\", \"WenQuanYi Zen Hei\", sans-serif"

  static let monospace = "\"DejaVu Sans Mono\", \"Liberation Mono\", Consolas, monospace"

  /// The colours, each at least 7:1 against the backgrounds it is used on (checked by axe's
  /// color-contrast-enhanced rule in the real-tool tests): black text; error #8b0000 on #fff4f4
  /// (9.3:1), warning #5c3d00 on #fff8e6 (9.3:1), pending #003d73 on #f2f6fb (10.1:1);
  /// borders and bars #444444 and #1f4e79 (9.7:1 and 8.7:1 on white).
  static let styleSheet = """
    html { background: #fff; color: #000; }
    body { font-family: \(fonts); font-size: 1rem; line-height: 1.5; margin: 0 auto; max-width: 72rem; padding: 1rem; overflow-wrap: anywhere; }
    h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 .5rem; }
    h2 { font-size: 1.4rem; line-height: 1.3; margin: 2.5rem 0 .75rem; padding-top: .75rem; border-top: 3px solid #000; }
    h3 { font-size: 1.2rem; line-height: 1.3; margin: 1.75rem 0 .5rem; }
    h4 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
    p { margin: .25rem 0 .5rem; }
    a { color: #003d73; }
    :focus-visible { outline: 3px solid #000; outline-offset: 2px; }
    code, .path { font-family: \(monospace); font-size: .95em; }
    .meta { color: #333; }
    .table-scroll { overflow-x: auto; max-width: 100%; margin: .5rem 0 1rem; }
    table { border-collapse: collapse; }
    caption { text-align: start; font-weight: bold; padding: .25rem 0; }
    th, td { border: 1px solid #444; padding: .35rem .6rem; text-align: start; vertical-align: top; }
    caption, th, td { overflow-wrap: normal; }
    thead th { background: #f4f4f4; }
    td.number { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
    progress { appearance: none; -webkit-appearance: none; display: block; width: 9rem; max-width: 100%; height: .9rem; border: 1px solid #444; background: #fff; margin: .2rem 0; }
    progress::-webkit-progress-bar { background: #fff; }
    progress::-webkit-progress-value { background: #1f4e79; }
    progress::-moz-progress-bar { background: #1f4e79; }
    .status { display: inline-block; white-space: nowrap; font-size: .85rem; font-weight: bold; border: 1px solid #000; border-radius: .25rem; padding: 0 .35rem; margin-left: .35rem; vertical-align: middle; }
    .verdict-passed, .met { color: #0b5a1e; font-weight: bold; }
    .verdict-failed, .missed { color: #8b0000; font-weight: bold; }
    ol.findings, ol.sentences { padding: 0; margin: 0; list-style: none; }
    .finding { border: 1px solid #444; border-left-width: .5rem; padding: .5rem .75rem; margin: .75rem 0; }
    .finding.error { border-color: #8b0000; background: #fff4f4; }
    .finding.warning { border-color: #5c3d00; background: #fff8e6; }
    .finding.pending { border-color: #003d73; background: #f2f6fb; }
    .severity { font-weight: bold; }
    .error .severity { color: #8b0000; }
    .warning .severity { color: #5c3d00; }
    .pending .severity { color: #003d73; }
    .message { margin: .35rem 0; }
    dl.pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr)); gap: .5rem; margin: .5rem 0 .25rem; }
    dl.pair > div { background: #fff; border: 1px solid #444; padding: .4rem .6rem; min-width: 0; }
    dl.pair dt { font-size: .9rem; font-weight: bold; }
    dl.pair dd { margin: .25rem 0 0; white-space: pre-wrap; font-size: 1.1rem; }
    .empty { font-style: italic; }
    details { margin: .5rem 0; }
    summary { cursor: pointer; font-weight: bold; padding: .25rem 0; }
    figure { margin: 1rem 0; }
    figure svg { display: block; width: 100%; max-width: 30rem; height: auto; }
    figcaption { font-size: .95rem; }
    .sentence { font-size: 1.1rem; margin: .25rem 0; }
    ol.sentences > li { border-top: 1px solid #444; padding: .5rem 0; }
    @media print { .table-scroll { overflow: visible; } h2 { break-before: auto; } .finding, dl.pair > div { break-inside: avoid; } }
    """
}

/// Escaping for the HTML reports.
///
/// Everything shown comes from files anyone can write (catalogs, content models, paths), so
/// every string is escaped one Unicode scalar at a time with the exports' escaper (`XMLText`,
/// `&#39;` for the apostrophe as in the handouts): markup characters show as text even when a
/// combining or prepended mark shares a grapheme with them, and controls and noncharacters
/// become U+FFFD.
public enum HTMLReportText {
  /// Text content or a double-quoted attribute value.
  public static func escape(_ text: String) -> String {
    XMLText.escape(text, quotes: true, apostrophe: "&#39;")
  }

  /// netexport's own words about a file (a finding's message, a key, a path, a location):
  /// the characters that reorder or break a line (bidirectional controls, line and paragraph
  /// separators, line breaks) written visibly as in the text report (`\u{202E}`, `\n`), then
  /// escaped. A catalog's own texts are shown as they are instead (`escape`), each in an
  /// element of its own whose `dir` keeps its direction from leaking into the page.
  public static func label(_ text: String) -> String {
    escape(PrintableText.escape(text))
  }

  /// `lang` and `dir` attributes for a text in `locale`.
  public static func languageAttributes(_ locale: String) -> String {
    guard let tag = LanguageTag(locale) else { return "dir=\"auto\"" }
    return "lang=\"\(escape(tag.canonical))\" dir=\"\(tag.isRightToLeft ? "rtl" : "ltr")\""
  }

  /// A locale as people name it, in English: "Spanish (es)".
  public static func localeName(_ locale: String) -> String {
    guard let tag = LanguageTag(locale), let english = LanguageTag("en") else { return locale }
    let name = tag.displayName(in: english)
    return name == tag.canonical ? tag.canonical : "\(name) (\(tag.canonical))"
  }

  /// "1 error", "2 errors".
  public static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
  }
}
