import Foundation

/// File- and key-safe identifiers made from text people wrote (headings, terms).
enum Slug {
  /// ASCII kebab-case: "Before your scan" → "before-your-scan", "Qué esperar" →
  /// "que-esperar", "检查前" → "jian-cha-qian". Letters of other scripts go through ICU's
  /// `Any-Latin; Latin-ASCII` transliteration (through Foundation), so a heading in any
  /// language gives a readable identifier. At most `maximumLength` characters, cut at a
  /// hyphen; empty when nothing usable remains.
  static func make(_ text: String, maximumLength: Int = 40) -> String {
    let latin =
      text.applyingTransform(StringTransform("Any-Latin; Latin-ASCII; Lower"), reverse: false) ?? text.lowercased()
    var words: [String] = []
    var current = ""
    for scalar in latin.unicodeScalars {
      if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
        current.unicodeScalars.append(scalar)
      } else if scalar == "'" || scalar == "\u{2019}" {
        continue  // "don't" → "dont", not "don-t"
      } else if !current.isEmpty {
        words.append(current)
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    var slug = ""
    for word in words {
      let next = slug.isEmpty ? word : slug + "-" + word
      if next.count > maximumLength {
        if slug.isEmpty { slug = String(word.prefix(maximumLength)) }
        break
      }
      slug = next
    }
    return slug
  }

  /// Whether `id` is a valid document, section, term or abbreviation id: `[a-z0-9-]+`.
  static func isValidID(_ id: String) -> Bool {
    !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
  }
}
