/// Seeded random Markdown handouts and the edits an author makes to them (insert, delete,
/// edit, rewrite and move blocks, add and remove list items and sections, rename headings),
/// for the re-import property tests. Every text has an identity, so a test knows which block
/// each message is; every text is new, so no two blocks ever read the same.
public enum RandomHandout {
  /// One text of the handout, with the identity it keeps through edits.
  public struct Unit: Sendable {
    public var id: Int
    public var text: String
  }

  public enum Block: Sendable {
    case paragraph(Unit)
    case list(leadIn: Unit, items: [(text: Unit, detail: Unit?)], ordered: Bool)
    case callout(title: Unit?, body: [Unit])
    /// A subheading with the paragraph under it (a subheading cannot stand alone).
    case subheading(Unit, Unit)

    public var units: [Unit] {
      switch self {
      case .paragraph(let unit): [unit]
      case .list(let leadIn, let items, _): [leadIn] + items.flatMap { [$0.text] + ($0.detail.map { [$0] } ?? []) }
      case .callout(let title, let body): (title.map { [$0] } ?? []) + body
      case .subheading(let heading, let paragraph): [heading, paragraph]
      }
    }
  }

  public struct Section: Sendable {
    public var heading: Unit
    public var blocks: [Block]
  }

  /// Makes handouts and edits them, with fresh, distinct texts.
  public struct Author {
    public var random: SeededGenerator
    var nextID = 0
    var used = Set<String>()

    public init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    public mutating func word() -> String {
      let letters = Array("abcdefghijklmnopqrstuvwxyz")
      return String((0..<Int.random(in: 3...8, using: &random)).map { _ in letters.randomElement(using: &random)! })
    }

    public mutating func words(_ count: ClosedRange<Int>, ending: String) -> String {
      while true {
        let text = (0..<Int.random(in: count, using: &random)).map { _ in word() }.joined(separator: " ") + ending
        if used.insert(text).inserted { return text }
      }
    }

    public mutating func unit(_ count: ClosedRange<Int>, ending: String) -> Unit {
      nextID += 1
      return Unit(id: nextID, text: words(count, ending: ending))
    }

    public mutating func block() -> Block {
      switch Int.random(in: 0..<10, using: &random) {
      case 0..<4: return .paragraph(unit(5...12, ending: "."))
      case 4..<7:
        let items = (0..<Int.random(in: 1...4, using: &random)).map { _ in
          (text: unit(2...5, ending: ""), detail: Bool.random(using: &random) ? nil : unit(4...8, ending: "."))
        }
        return .list(leadIn: unit(3...6, ending: ":"), items: items, ordered: Bool.random(using: &random))
      case 7..<9:
        return .callout(
          title: Bool.random(using: &random) ? unit(2...4, ending: "") : nil,
          body: (0..<Int.random(in: 1...2, using: &random)).map { _ in unit(5...10, ending: ".") })
      default: return .subheading(unit(2...4, ending: ""), unit(5...12, ending: "."))
      }
    }

    public mutating func section() -> Section {
      Section(
        heading: unit(2...4, ending: ""), blocks: (0..<Int.random(in: 1...4, using: &random)).map { _ in block() })
    }

    /// The same unit with one word changed: an edit that keeps the block.
    public mutating func edit(_ unit: Unit) -> Unit {
      let ending = unit.text.last.map { ".:".contains($0) ? String($0) : "" } ?? ""
      var words = unit.text.dropLast(ending.count).split(separator: " ").map(String.init)
      while true {
        words[Int.random(in: words.indices, using: &random)] = word()
        let text = words.joined(separator: " ") + ending
        if used.insert(text).inserted { return Unit(id: unit.id, text: text) }
      }
    }

    /// One random edit somewhere in the handout.
    public mutating func change(_ sections: inout [Section]) {
      let s = Int.random(in: sections.indices, using: &random)
      switch Int.random(in: 0..<10, using: &random) {
      case 0:  // insert a block
        sections[s].blocks.insert(block(), at: Int.random(in: 0...sections[s].blocks.count, using: &random))
      case 1 where sections[s].blocks.count > 1:  // delete a block
        sections[s].blocks.remove(at: Int.random(in: sections[s].blocks.indices, using: &random))
      case 2 where sections[s].blocks.count > 1:  // move a block, maybe to another section
        let moved = sections[s].blocks.remove(at: Int.random(in: sections[s].blocks.indices, using: &random))
        let t = Int.random(in: sections.indices, using: &random)
        sections[t].blocks.insert(moved, at: Int.random(in: 0...sections[t].blocks.count, using: &random))
      case 3:  // rename a heading
        sections[s].heading = edit(sections[s].heading)
      case 4:  // insert a section
        sections.insert(section(), at: Int.random(in: 0...sections.count, using: &random))
      case 5 where sections.count > 1:  // delete a section
        sections.remove(at: s)
      case 7:  // rewrite a paragraph: a new block where one was
        guard let b = sections[s].blocks.indices.randomElement(using: &random),
          case .paragraph = sections[s].blocks[b]
        else { fallthrough }
        sections[s].blocks[b] = .paragraph(unit(5...12, ending: "."))
      case 6:  // add or remove a list item
        guard let b = sections[s].blocks.indices.randomElement(using: &random),
          case .list(let leadIn, var items, let ordered) = sections[s].blocks[b]
        else { fallthrough }
        if items.count > 1 && Bool.random(using: &random) {
          items.remove(at: Int.random(in: items.indices, using: &random))
        } else {
          items.insert((unit(2...5, ending: ""), nil), at: Int.random(in: 0...items.count, using: &random))
        }
        sections[s].blocks[b] = .list(leadIn: leadIn, items: items, ordered: ordered)
      default:  // edit one text
        let b = Int.random(in: sections[s].blocks.indices, using: &random)
        let units = sections[s].blocks[b].units
        let target = units[Int.random(in: units.indices, using: &random)].id
        sections[s].blocks[b] = map(sections[s].blocks[b]) { $0.id == target ? edit($0) : $0 }
      }
    }

    public func map(_ block: Block, _ transform: (Unit) -> Unit) -> Block {
      switch block {
      case .paragraph(let unit): .paragraph(transform(unit))
      case .list(let leadIn, let items, let ordered):
        .list(
          leadIn: transform(leadIn), items: items.map { (transform($0.text), $0.detail.map(transform)) },
          ordered: ordered)
      case .callout(let title, let body): .callout(title: title.map(transform), body: body.map(transform))
      case .subheading(let heading, let paragraph): .subheading(transform(heading), transform(paragraph))
      }
    }
  }

  public static func markdown(_ sections: [Section]) -> String {
    var text = "---\ntitle: Random handout\nbyline: B\npublisher: P\nreviewed: 2025-01-01\n---\n"
    for section in sections {
      text += "\n## \(section.heading.text)\n"
      for block in section.blocks {
        switch block {
        case .paragraph(let unit): text += "\n\(unit.text)\n"
        case .list(let leadIn, let items, let ordered):
          text += "\n\(leadIn.text)\n\n"
          for (number, item) in items.enumerated() {
            text += "\(ordered ? "\(number + 1)." : "-") \(item.text.text)\n"
            if let detail = item.detail { text += "\n   \(detail.text)\n\n" }
          }
        case .callout(let title, let body):
          text +=
            "\n"
            + ((title.map { ["**\($0.text)**"] } ?? []) + body.map(\.text)).map { "> \($0)" }.joined(separator: "\n>\n")
            + "\n"
        case .subheading(let heading, let paragraph): text += "\n### \(heading.text)\n\n\(paragraph.text)\n"
        }
      }
    }
    return text
  }
}

/// A small deterministic generator (SplitMix64), so that random tests repeat exactly.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
