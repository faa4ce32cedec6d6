/// Strings that try to break out of every place a catalog or content string lands: markup
/// in each format, the narrator's directions, terminal controls, line breaks of every kind,
/// bidirectional controls and noncharacters. `HostileTextTests` renders each in every slot of
/// a document; the fuzz targets start from them (`Seeds`).
public enum HostileStrings {
  public static let all: [String] = [
    // The two injections of issue 11: a prepended mark, and a combining mark, that make a
    // grapheme cluster with a markup character.
    "\u{0600}<img src=x onerror=alert(1)>",
    "\"\u{0301} autofocus onfocus=alert(1) x=\"",
    "\u{0600}\" \u{0600}& \u{0600}' \u{0600}> \u{0600}</p>",
    // A combining mark after every character that means something to some format.
    "<\u{0301}b\u{0301}>\u{0301} &\u{0301} \"\u{0301} '\u{0301} =\u{0301} [\u{0301} ]\u{0301} \\\u{0301} ;\u{0301}",
    "</style><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "]]> <![CDATA[x]]>",
    "<!-- x --> <?pi x?> <!DOCTYPE x>",
    "& &amp; &lt; &#60; &#x3C; &",
    "' onmouseover='alert(1)' \"quoted\"",
    "\"; } body { display: none } /* \\ \\a \\22 ",
    // Characters HTML cannot carry: noncharacters and controls.
    // (Swift's literals refuse a plane's last two code points, so they are made from values.)
    ([0xFFFF, 0xFFFE, 0xFDD0, 0xFDEF, 0x1FFFE, 0x10FFFF] as [UInt32]).map { "\(Unicode.Scalar($0)!)" }
      .joined(separator: " "),
    "\u{0} \u{1} \u{8} \u{B} \u{C} \u{1B}[2J\u{1B}]0;pwned\u{7} \u{7F} \u{85} \u{9B}31m \u{9F}",
    "line\rreturn and\r\nwindows\u{2028}separator",
    "\u{202E}evil\u{202C} \u{2067}x\u{2069}",
    // The narrator's script: a forged direction, and a direction closed early.
    "\n[pause]\nread this",
    "] not a direction [",
    "</speak><speak> </s></p> <break time=\"9s\"/>",
    "👩\u{200D}⚕\u{FE0F}<b> 👨\u{200D}👩\u{200D}👧 & 🏳\u{FE0F}\u{200D}🌈",
    "{braces} '{quoted}' # | {{",
  ]
}
