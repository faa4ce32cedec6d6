import NetexportModel

/// Gives every message of a draft its key and every section its id: afresh on a first
/// import, and on a re-import by matching the previous import, as msgmerge matches a new
/// template against a translated catalog.
///
/// Keys are `<section-id>.<role>-<n>` (`before-your-scan.item-3`), `<section-id>.heading`,
/// `<item-key>.detail`, `references.item-<n>`, `related.heading`, `related.item-<n>`, and fixed document keys (`document.title`,
/// `term.<id>`, `abbr.<id>.expansion`, ...). On a re-import, in this order:
/// 1. Fixed keys stay what they are; a term or abbreviation whose id was derived from its
///    text takes the id of the previous one it resembles (similarity ≥ the threshold), so a
///    corrected spelling keeps its key.
/// 2. Sections: a section keeps the id (and heading key) of the previous section with the
///    same heading; failing that, of the previous section whose content it mostly shares
///    (at least half of the larger section's texts have a counterpart of the same role at
///    similarity ≥ the threshold), which is how a renamed heading keeps its keys.
/// 3. Exact matches: a message whose text equals a previous message's keeps that key,
///    preferring the same section and role and the nearest position (a moved block keeps
///    its key wherever it goes).
/// 4. Fuzzy matches: the remaining messages and previous messages of the same role in the
///    same (matched) section pair up best first by `Similarity.ratio` (msgmerge's measure),
///    when it reaches `Similarity.threshold`: these are the edited blocks.
/// 5. Everything else gets a new key never used before: not in the previous import, not in
///    `reservedKeys` (which the caller fills with the keys of every catalog's obsolete
///    entries), not given in this import.
struct KeyAssigner {
  /// Section ids that would collide with document-level or shared keys.
  static let reservedSectionIDs: Set<String> = [
    "document", "references", "related", "term", "abbr", "export", "audio",
  ]

  struct Result {
    var keys: [String]
    var sectionIDs: [String]
    var draft: Draft
  }

  /// A message of the previous import.
  private struct OldMessage {
    var key: String
    var text: String
    var role: Draft.Role
    var section: Int?
    var position: Int
  }

  private struct OldSection {
    var id: String
    var heading: Int?
    var content: [Int]
  }

  private var draft: Draft
  private var old: [OldMessage] = []
  private var oldSections: [OldSection] = []
  private var oldTermIDs: [String] = []
  private var oldAbbreviationIDs: [String] = []
  /// Keys the import may not give to a new message.
  private var retired: Set<String>
  private var keys: [String?]
  private var claimed = Set<Int>()
  private var given = Set<String>()
  /// For each new section, the previous section it continues.
  private var sectionMatch: [Int?]
  private var sectionIDs: [String?]

  static func assign(_ draft: Draft, previous: PreviousImport?, reservedKeys: Set<String>) -> Result {
    var assigner = KeyAssigner(draft: draft, previous: previous, reservedKeys: reservedKeys)
    return assigner.run()
  }

  private init(draft: Draft, previous: PreviousImport?, reservedKeys: Set<String>) {
    self.draft = draft
    keys = Array(repeating: nil, count: draft.messages.count)
    sectionMatch = Array(repeating: nil, count: draft.sections.count)
    sectionIDs = Array(repeating: nil, count: draft.sections.count)
    retired = reservedKeys
    if let previous { readPrevious(previous) }
    retired.formUnion(old.map(\.key))
    if let previous { retired.formUnion(previous.document.textRefs.map(\.key)) }
  }

  // MARK: The previous import

  private mutating func readPrevious(_ previous: PreviousImport) {
    var seen = Set<String>()
    func add(_ ref: TextRef?, _ role: Draft.Role, section: Int?, position: Int) -> Int? {
      guard let ref, let text = previous.texts[ref.key], seen.insert(ref.key).inserted else { return nil }
      old.append(OldMessage(key: ref.key, text: text, role: role, section: section, position: position))
      return old.count - 1
    }
    let document = previous.document
    _ = add(document.metadata.title, .title, section: nil, position: 0)
    _ = add(document.metadata.subtitle, .subtitle, section: nil, position: 0)
    for (sectionIndex, section) in document.sections.enumerated() {
      var position = 0
      func next() -> Int {
        position += 1
        return position
      }
      let heading = add(section.heading, .heading, section: sectionIndex, position: 0)
      var content: [Int] = []
      func collect(_ ref: TextRef?, _ role: Draft.Role) {
        if let index = add(ref, role, section: sectionIndex, position: next()) { content.append(index) }
      }
      for block in section.blocks {
        switch block {
        case .heading(let ref): collect(ref, .subheading)
        case .paragraph(let ref): collect(ref, .paragraph)
        case .list(let list):
          collect(list.leadIn, .leadIn)
          for item in list.items {
            collect(item.text, .item)
            collect(item.detail, .detail)
          }
        case .callout(let callout):
          collect(callout.title, .calloutTitle)
          for ref in callout.body { collect(ref, .callout) }
        }
      }
      oldSections.append(OldSection(id: section.id, heading: heading, content: content))
    }
    _ = add(document.metadata.byline, .byline, section: nil, position: 0)
    _ = add(document.metadata.reviewed, .reviewed, section: nil, position: 0)
    for (number, ref) in document.references.items.enumerated() {
      _ = add(ref, .reference, section: nil, position: number + 1)
    }
    var relatedPosition = 0
    for (number, group) in document.related.enumerated() {
      _ = add(group.heading, .relatedHeading, section: nil, position: number + 1)
      for ref in group.items {
        relatedPosition += 1
        _ = add(ref, .relatedItem, section: nil, position: relatedPosition)
      }
    }
    for term in document.terms {
      _ = add(term.name, .term, section: nil, position: 0)
      _ = add(term.definition, .termDefinition, section: nil, position: 0)
    }
    for abbreviation in document.abbreviations {
      _ = add(abbreviation.short, .abbreviation, section: nil, position: 0)
      _ = add(abbreviation.expansion, .abbreviationExpansion, section: nil, position: 0)
    }
    oldTermIDs = document.terms.map(\.id)
    oldAbbreviationIDs = document.abbreviations.map(\.id)
  }

  // MARK: Assigning

  private mutating func run() -> Result {
    adoptConceptIDs()
    assignFixedKeys()
    matchSections()
    matchExactly()
    matchFuzzily()
    assignNewKeys()
    return Result(keys: keys.map { $0 ?? "" }, sectionIDs: sectionIDs.map { $0 ?? "" }, draft: draft)
  }

  private func text(_ index: Int) -> String { draft.messages[index].content.text }

  private mutating func give(_ key: String, to index: Int) {
    keys[index] = key
    given.insert(key)
  }

  private mutating func claim(_ oldIndex: Int, for index: Int) {
    claimed.insert(oldIndex)
    give(old[oldIndex].key, to: index)
  }

  /// Step 1: derived term and abbreviation ids follow the previous ones they resemble.
  private mutating func adoptConceptIDs() {
    func adopt(ids: [String], explicit: [Bool], names: [String], oldIDs: [String], oldPrefix: String) -> [String] {
      var ids = ids
      var free = oldIDs.filter { !ids.contains($0) }
      for index in ids.indices where !explicit[index] && !oldIDs.contains(ids[index]) {
        let candidates = free.compactMap { id -> (String, Double)? in
          guard let oldText = old.first(where: { $0.key == "\(oldPrefix).\(id)" })?.text else { return nil }
          let ratio = Similarity.ratio(oldText, names[index])
          return ratio >= Similarity.threshold ? (id, ratio) : nil
        }
        if let best = candidates.max(by: { $0.1 < $1.1 }) {
          ids[index] = best.0
          free.removeAll { $0 == best.0 }
        }
      }
      return ids
    }
    let termIDs = adopt(
      ids: draft.terms.map(\.id), explicit: draft.terms.map(\.explicitID), names: draft.terms.map { text($0.name) },
      oldIDs: oldTermIDs, oldPrefix: "term")
    for index in draft.terms.indices { draft.terms[index].id = termIDs[index] }
    let abbreviationIDs = adopt(
      ids: draft.abbreviations.map(\.id), explicit: draft.abbreviations.map(\.explicitID),
      names: draft.abbreviations.map { text($0.short) }, oldIDs: oldAbbreviationIDs, oldPrefix: "abbr")
    for index in draft.abbreviations.indices { draft.abbreviations[index].id = abbreviationIDs[index] }
  }

  /// Step 1: keys that do not depend on position.
  private mutating func assignFixedKeys() {
    var fixed: [(Int, String)] = [
      (draft.title, "document.title"), (draft.byline, "document.byline"), (draft.reviewed, "document.reviewed"),
    ]
    if let subtitle = draft.subtitle { fixed.append((subtitle, "document.subtitle")) }
    for term in draft.terms {
      fixed.append((term.name, "term.\(term.id)"))
      if let definition = term.definition { fixed.append((definition, "term.\(term.id).definition")) }
    }
    for abbreviation in draft.abbreviations {
      fixed += [
        (abbreviation.short, "abbr.\(abbreviation.id)"), (abbreviation.expansion, "abbr.\(abbreviation.id).expansion"),
      ]
    }
    for (index, key) in fixed {
      give(key, to: index)
      if let oldIndex = old.firstIndex(where: { $0.key == key }) { claimed.insert(oldIndex) }
    }
  }

  /// The messages of a new section after its heading, in reading order.
  private func content(ofSection index: Int) -> [Int] { Array(draft.messageIndices(ofSection: index).dropFirst()) }

  /// Step 2: which previous section each new section continues.
  private mutating func matchSections() {
    var taken = Set<Int>()
    // Same heading text, in order.
    for index in draft.sections.indices {
      let heading = text(draft.sections[index].heading)
      if let match = oldSections.indices.first(where: { oldIndex in
        !taken.contains(oldIndex) && oldSections[oldIndex].heading.map { old[$0].text } == heading
      }) {
        sectionMatch[index] = match
        taken.insert(match)
      }
    }
    // Mostly the same content: best first.
    var candidates: [(new: Int, old: Int, score: Double, heading: Double)] = []
    for index in draft.sections.indices where sectionMatch[index] == nil {
      let newContent = content(ofSection: index)
      for oldIndex in oldSections.indices where !taken.contains(oldIndex) {
        let oldContent = oldSections[oldIndex].content
        let larger = max(newContent.count, oldContent.count)
        guard larger > 0 else { continue }
        let shared = newContent.filter { message in
          oldContent.contains { oldMessage in
            old[oldMessage].text == text(message)
              || (old[oldMessage].role == draft.messages[message].role
                && Similarity.ratio(old[oldMessage].text, text(message)) >= Similarity.threshold)
          }
        }.count
        let score = Double(shared) / Double(larger)
        if score >= 0.5 {
          let headingRatio = oldSections[oldIndex].heading.map {
            Similarity.ratio(old[$0].text, text(draft.sections[index].heading))
          }
          candidates.append((index, oldIndex, score, headingRatio ?? 0))
        }
      }
    }
    candidates.sort {
      ($0.score, $0.heading, -abs($0.new - $0.old), -$0.new) > ($1.score, $1.heading, -abs($1.new - $1.old), -$1.new)
    }
    for candidate in candidates where sectionMatch[candidate.new] == nil && !taken.contains(candidate.old) {
      sectionMatch[candidate.new] = candidate.old
      taken.insert(candidate.old)
    }
    // A matched section keeps its id and its heading's key.
    for index in draft.sections.indices {
      guard let match = sectionMatch[index] else { continue }
      sectionIDs[index] = oldSections[match].id
      if let heading = oldSections[match].heading, !claimed.contains(heading), !given.contains(old[heading].key) {
        claim(heading, for: draft.sections[index].heading)
      }
    }
    // Other sections get an id from their heading that no earlier section had.
    var usedIDs = Set(oldSections.map(\.id)).union(sectionIDs.compactMap { $0 })
    for index in draft.sections.indices where sectionIDs[index] == nil {
      var base = Slug.make(draft.messages[draft.sections[index].heading].content.plain)
      if base.isEmpty { base = "section" }
      if let first = base.unicodeScalars.first, !("a"..."z").contains(first) { base = "section-" + base }
      if Self.reservedSectionIDs.contains(base) { base += "-section" }
      var candidate = base
      var number = 1
      while usedIDs.contains(candidate) || isTaken("\(candidate).heading") {
        number += 1
        candidate = "\(base)-\(number)"
      }
      usedIDs.insert(candidate)
      sectionIDs[index] = candidate
    }
  }

  private func isTaken(_ key: String) -> Bool { retired.contains(key) || given.contains(key) }

  /// The position of each new message within its section (heading 0), or within the
  /// references (from 1).
  private lazy var positions: [Int: Int] = {
    var positions: [Int: Int] = [:]
    for index in draft.sections.indices {
      for (position, message) in draft.messageIndices(ofSection: index).enumerated() { positions[message] = position }
    }
    for (number, message) in draft.references.enumerated() { positions[message] = number + 1 }
    var relatedPosition = 0
    for (number, group) in draft.related.enumerated() {
      positions[group.heading] = number + 1
      for message in group.items {
        relatedPosition += 1
        positions[message] = relatedPosition
      }
    }
    return positions
  }()

  /// Whether a previous message sits where a new message does: the previous section the new
  /// one continues, or both outside sections.
  private func sameSection(_ index: Int, _ oldIndex: Int) -> Bool {
    guard let section = draft.messages[index].section else { return old[oldIndex].section == nil }
    guard let match = sectionMatch[section] else { return false }
    return old[oldIndex].section == match
  }

  /// Step 3: unchanged texts keep their keys, wherever they moved.
  private mutating func matchExactly() {
    var byText: [String: [Int]] = [:]
    for (oldIndex, message) in old.enumerated() where !claimed.contains(oldIndex) {
      byText[message.text, default: []].append(oldIndex)
    }
    for index in draft.readingOrder where keys[index] == nil {
      let role = draft.messages[index].role
      let position = positions[index] ?? 0
      let candidates = (byText[text(index)] ?? []).filter { !claimed.contains($0) && !given.contains(old[$0].key) }
      let best = candidates.min { first, second in
        func rank(_ oldIndex: Int) -> (Int, Int, Int) {
          let sameRole = old[oldIndex].role == role
          let tier = sameSection(index, oldIndex) && sameRole ? 0 : sameRole ? 1 : 2
          return (tier, abs(old[oldIndex].position - position), oldIndex)
        }
        return rank(first) < rank(second)
      }
      if let best { claim(best, for: index) }
    }
  }

  /// Step 4: edited texts keep their keys when they still resemble the previous text.
  private mutating func matchFuzzily() {
    var pairs: [(new: Int, old: Int, ratio: Double, distance: Int)] = []
    let open = old.indices.filter { !claimed.contains($0) && !given.contains(old[$0].key) }
    for index in draft.readingOrder where keys[index] == nil {
      let role = draft.messages[index].role
      for oldIndex in open where old[oldIndex].role == role && sameSection(index, oldIndex) {
        let ratio = Similarity.ratio(old[oldIndex].text, text(index))
        if ratio >= Similarity.threshold {
          pairs.append((index, oldIndex, ratio, abs(old[oldIndex].position - (positions[index] ?? 0))))
        }
      }
    }
    pairs.sort { ($0.ratio, -$0.distance, -$0.new) > ($1.ratio, -$1.distance, -$1.new) }
    for pair in pairs where keys[pair.new] == nil && !claimed.contains(pair.old) {
      claim(pair.old, for: pair.new)
    }
  }

  /// Step 5: new keys, never used before.
  private mutating func assignNewKeys() {
    var ordinals: [String: Int] = [:]
    for index in draft.readingOrder {
      let message = draft.messages[index]
      let prefix: String
      switch (message.role, message.section) {
      case (.reference, _): prefix = "references.item"
      case (.relatedHeading, _): prefix = "related.heading"
      case (.relatedItem, _): prefix = "related.item"
      case (.detail, _): prefix = (message.parent.flatMap { keys[$0] } ?? "detail") + ".detail"
      case (.heading, let section?): prefix = "\(sectionIDs[section] ?? "section").heading"
      case (let role, let section?): prefix = "\(sectionIDs[section] ?? "section").\(role.rawValue)"
      case (let role, nil): prefix = "document.\(role.rawValue)"
      }
      let ordinal = (ordinals[prefix] ?? 0) + 1
      ordinals[prefix] = ordinal
      guard keys[index] == nil else { continue }
      // Headings and details come one to a section or item: no number unless taken.
      let unnumbered = message.role == .heading || message.role == .detail || message.role == .relatedHeading
      var number = unnumbered ? 1 : ordinal
      var key = unnumbered ? prefix : "\(prefix)-\(number)"
      while isTaken(key) {
        number += 1
        key = "\(prefix)-\(number)"
      }
      give(key, to: index)
    }
  }
}
