import Dispatch
public import NetexportICU
public import NetexportModel
import NetexportResolution

/// Checks catalogs against the source catalog and what its messages are used for.
///
/// Built once per run from a source catalog and its uses (a document, or the labels), what
/// it learns about each source message is shared; then asked about each locale's catalog of
/// the same file; safe to use from several threads at once.
public struct Validator: Sendable {
  /// What the source catalog's messages are used for.
  public let uses: MessageUses
  public let source: Catalog
  /// The source locale's glossary (other forms of its terms).
  public let sourceGlossary: [GlossaryEntry]
  public let sourceLocale: LanguageTag
  private let sourceInfo: [String: SourceMessage]
  /// The uses of each message key, with the values it formats.
  private let refsByKey: [String: [TextRef]]
  /// Glossary terms and abbreviations: their catalog key, their glossary entry, and the
  /// source forms that show the term is used (lowercased).
  private let terms: [(key: String, glossaryKey: String, forms: [String])]

  /// What the validator knows about one source message.
  struct SourceMessage: Sendable {
    var entry: CatalogEntry
    var structure: MessageStructure?
    var numbers: [String]
    var urls: [String]
    var doNotTranslate: [String]
    var termKeys: [String]
    var unbalanced: String?
    var literalHashes: Int
  }

  /// A validator for a catalog holding every message of `document` (labels included), with
  /// its glossary inside: one catalog per locale, as fixtures and single-file tools have it.
  public init(document: Document, source: Catalog, sourceLocale: LanguageTag) {
    var uses = document.uses
    uses.refs = document.textRefs
    self.init(uses: uses, source: source, sourceGlossary: source.glossary, sourceLocale: sourceLocale)
  }

  /// - Parameters:
  ///   - uses: What the source catalog's messages are used for.
  ///   - source: The source catalog.
  ///   - sourceGlossary: The source locale's glossary.
  ///   - sourceLocale: The source locale.
  public init(uses: MessageUses, source: Catalog, sourceGlossary: [GlossaryEntry], sourceLocale: LanguageTag) {
    self.uses = uses
    self.source = source
    self.sourceGlossary = sourceGlossary
    self.sourceLocale = sourceLocale
    let terms: [(key: String, glossaryKey: String, forms: [String])] = uses.terms.compactMap { term in
      guard let entry = source[term.key], !entry.text.isEmpty else { return nil }
      let forms = [entry.text] + (sourceGlossary.first { $0.key == term.glossaryKey }?.forms ?? [])
      return (term.key, term.glossaryKey, forms.map { $0.lowercased() })
    }
    self.terms = terms
    // What each source message holds is worked out once, on every core: a large source
    // catalog would otherwise keep one core busy while the others wait.
    let entries = source.entries
    let doNotTranslate = uses.doNotTranslate
    let messages = ResultSlots<SourceMessage>(count: entries.count)
    let chunk = 256
    DispatchQueue.concurrentPerform(iterations: (entries.count + chunk - 1) / chunk) { part in
      for index in (part * chunk)..<min(entries.count, (part + 1) * chunk) {
        let entry = entries[index]
        let structure = try? MessageStructure(entry.text)
        let literal = structure?.literalText ?? entry.text
        let lowered = literal.lowercased()
        messages[index] = SourceMessage(
          entry: entry, structure: structure, numbers: TextChecks.numbers(in: literal),
          urls: TextChecks.urls(in: literal),
          doNotTranslate: doNotTranslate.filter { TextChecks.contains($0, in: literal) },
          termKeys: terms.filter { term in
            term.key != entry.key && term.forms.contains { Self.containsWord($0, in: lowered) }
          }.map(\.key),
          unbalanced: TextChecks.unbalanced(in: literal), literalHashes: TextChecks.hashSigns(in: literal))
      }
    }
    var info: [String: SourceMessage] = [:]
    for message in messages.values where info[message.entry.key] == nil { info[message.entry.key] = message }
    sourceInfo = info
    refsByKey = Dictionary(grouping: uses.refs, by: \.key)
  }

  // MARK: The source catalog

  /// Checks the source catalog: every message in use is there and formats with the values
  /// given it, and every message is well formed.
  public func validateSource() -> [Diagnostic] {
    var findings = source.problems
    var reported = Set<String>()
    // Messages ICU cannot format although MessagePattern reads them (checkFormatting says why).
    var unformattable = Set<String>()
    let unreadableKeys = Self.unreadableKeys(of: source)
    let table = MessageTable([source])
    for ref in uses.refs {
      do {
        _ = try Resolver.format(ref, in: table, locale: sourceLocale)
      } catch let error as DiagnosticError {
        for diagnostic in error.diagnostics where reported.insert("\(diagnostic.code) \(ref.key)").inserted {
          var finding = diagnostic
          finding.key = ref.key
          // Syntax errors are reported below with their exact position: by checkSyntax when
          // MessagePattern finds them, otherwise (an unknown type, a bad skeleton) by
          // checkFormatting.
          if finding.code == "message-syntax" {
            unformattable.insert(ref.key)
          } else if !(finding.code == "missing-key" && unreadableKeys.contains(ref.key)) {
            findings.append(finding)
          }
        }
      } catch {
        findings.append(
          Diagnostic(code: "message-arguments", at: source[ref.key]?.textLocation, "\(error)", key: ref.key))
      }
    }
    let rules = PluralRulesCache(locale: sourceLocale)
    let rightToLeft = sourceLocale.isRightToLeft
    let script = sourceLocale.likelyScript
    for entry in source.entries {
      var entryFindings: [Diagnostic] = []
      let structure = checkSyntax(entry, in: source, into: &entryFindings)
      if let structure {
        checkDateSkeletons(structure, entry: entry, in: source, into: &entryFindings)
        if unformattable.contains(entry.key) {
          checkFormatting(structure, entry: entry, in: source, locale: sourceLocale, into: &entryFindings)
        }
        checkPlurals(structure, entry: entry, in: source, rules: rules, into: &entryFindings)
      }
      checkHygiene(
        entry, in: source, locale: sourceLocale, rightToLeft: rightToLeft, script: script, into: &entryFindings)
      if TextChecks.hasDoubledSpace(entry.text) {
        entryFindings.append(
          finding("doubled-space", entry.textLocation, "'\(entry.key)' has two spaces in a row", key: entry.key))
      }
      if let mark = sourceInfo[entry.key]?.unbalanced {
        entryFindings.append(
          finding(
            "unbalanced-brackets", entry.textLocation, "'\(entry.key)' has a '\(mark)' without its partner",
            key: entry.key))
      }
      findings += applyAllow(entryFindings, entry: entry)
    }
    checkGlossaryKeys(of: source, into: &findings)
    return Self.ordered(findings.map { withLocale($0, source.locale) })
  }

  // MARK: Target catalogs

  /// Checks a target catalog against the source catalog, with the glossary it holds.
  public func validate(_ catalog: Catalog, locale: LanguageTag) -> [Diagnostic] {
    validate(catalog, glossary: catalog.glossary, locale: locale)
  }

  /// Checks a target catalog against the source catalog.
  ///
  /// What keeps an entry from being used yet (not translated, waiting for review, made from
  /// English that changed) is *pending*, as the judge every command shares says
  /// (`Usability`); mistakes are errors and warnings.
  ///
  /// - Parameter glossary: The target locale's glossary.
  public func validate(_ catalog: Catalog, glossary: [GlossaryEntry], locale: LanguageTag) -> [Diagnostic] {
    var findings = catalog.problems
    let rules = PluralRulesCache(locale: locale)
    let sameLanguage =
      locale.canonical.split(separator: "-").first == sourceLocale.canonical.split(separator: "-").first
    let agreedForms = agreedTerms(in: catalog, glossary: glossary)
    let rightToLeft = locale.isRightToLeft
    let script = locale.likelyScript
    let obsoleteKeys = Set(catalog.obsolete.map(\.key))
    let unreadableKeys = Self.unreadableKeys(of: catalog)

    for sourceEntry in source.entries {
      let key = sourceEntry.key
      guard let info = sourceInfo[key] else { continue }
      let entry = catalog[key]
      if entry == nil && unreadableKeys.contains(key) { continue }
      // Completeness and staleness, as the judge sees them.
      var completeness = Usability.problems(
        key: key, entry: entry, sourceText: sourceEntry.text, isSource: false, file: catalog.file,
        entriesLocation: catalog.entriesLocation)
      if entry == nil && obsoleteKeys.contains(key), let index = completeness.indices.first {
        completeness[index].message =
          "no entry '\(key)' (source: \(TextChecks.quote(sourceEntry.text))) in 'entries': it is in 'obsolete'; run 'netexport update' to bring it back"
      }
      guard let entry else {
        findings += completeness
        continue
      }
      var entryFindings: [Diagnostic] = completeness
      defer { findings += applyAllow(entryFindings, entry: entry) }
      func add(_ code: String, _ location: SourceLocation?, _ message: String) {
        entryFindings.append(finding(code, location, message, key: key))
      }
      if entry.source == nil && !entry.text.isEmpty {
        add(
          "missing-source", entry.location,
          "'\(key)' does not record the source text it translates, so a change in the source cannot be noticed; run 'netexport update' to add it"
        )
      }
      if entry.text.isEmpty { continue }
      if !sameLanguage && entry.text == sourceEntry.text && TextChecks.hasLetters(entry.text)
        && !uses.doNotTranslate.contains(entry.text)
      {
        add(
          "untranslated", entry.textLocation,
          "'\(key)' is the same as the source text \(TextChecks.quote(sourceEntry.text)); translate it, or add allow: [untranslated] to the entry if it is right as it is (a name, for example)"
        )
      }

      // ICU MessageFormat.
      guard let structure = checkSyntax(entry, in: catalog, into: &entryFindings) else { continue }
      checkDateSkeletons(structure, entry: entry, in: catalog, into: &entryFindings)
      if let sourceStructure = info.structure {
        checkArguments(structure, against: sourceStructure, entry: entry, in: catalog, into: &entryFindings)
      }
      if !entryFindings.contains(where: { $0.code.hasPrefix("argument-") && $0.severity == .error }) {
        checkFormatting(structure, entry: entry, in: catalog, locale: locale, into: &entryFindings)
      }
      checkPlurals(structure, entry: entry, in: catalog, rules: rules, into: &entryFindings)
      let literal = structure.literalText
      if TextChecks.hashSigns(in: literal) > info.literalHashes {
        add(
          "hash-outside-plural", entry.textLocation,
          "'\(key)' has a '#' outside a plural branch; there it prints as '#' and does not stand for the number")
      }

      // Text hygiene.
      checkHygiene(entry, in: catalog, locale: locale, rightToLeft: rightToLeft, script: script, into: &entryFindings)
      if TextChecks.leadingWhitespace(entry.text) != TextChecks.leadingWhitespace(sourceEntry.text)
        || TextChecks.trailingWhitespace(entry.text) != TextChecks.trailingWhitespace(sourceEntry.text)
      {
        add(
          "whitespace-mismatch", entry.textLocation,
          "'\(key)' starts or ends with other whitespace than the source text; match the source's spaces and line breaks at the ends"
        )
      }
      if TextChecks.hasDoubledSpace(entry.text) && !TextChecks.hasDoubledSpace(sourceEntry.text) {
        add("doubled-space", entry.textLocation, "'\(key)' has two spaces in a row")
      }
      if let mark = TextChecks.unbalanced(in: literal), info.unbalanced == nil {
        add("unbalanced-brackets", entry.textLocation, "'\(key)' has a '\(mark)' without its partner")
      }
      // Numbers are compared as multisets: "2 or 2" translated as "2" loses one.
      let numbers = TextChecks.numbers(in: literal)
      let sourceCounts = Dictionary(info.numbers.map { ($0, 1) }, uniquingKeysWith: +)
      let counts = Dictionary(numbers.map { ($0, 1) }, uniquingKeysWith: +)
      let missingNumbers = Self.unique(info.numbers.filter { counts[$0, default: 0] < sourceCounts[$0, default: 0] })
      if !missingNumbers.isEmpty {
        add(
          "number-missing", entry.textLocation,
          "'\(key)' lacks the number\(missingNumbers.count == 1 ? "" : "s") \(Self.list(missingNumbers)) of the source text \(TextChecks.quote(sourceEntry.text)); a changed number can mislead a patient"
        )
      }
      let addedNumbers = Self.unique(numbers.filter { counts[$0, default: 0] > sourceCounts[$0, default: 0] })
      if !addedNumbers.isEmpty {
        add(
          "number-added", entry.textLocation,
          "'\(key)' has the number\(addedNumbers.count == 1 ? "" : "s") \(Self.list(addedNumbers)), which the source text does not have"
        )
      }
      let urls = TextChecks.urls(in: literal)
      var addedURLs = urls.filter { !info.urls.contains($0) }
      for url in info.urls where !urls.contains(url) {
        // An address in place of the source's is taken to be the source's, altered.
        let replacement = addedURLs.isEmpty ? "" : "; it has \(addedURLs.removeFirst()) instead"
        add(
          "url-changed", entry.textLocation,
          "'\(key)' must keep the web address \(url) exactly as the source has it\(replacement)")
      }
      for url in addedURLs {
        add("url-added", entry.textLocation, "'\(key)' has the web address \(url), which the source text does not have")
      }

      // Terminology.
      for item in info.doNotTranslate where !TextChecks.contains(item, in: literal) {
        add(
          "do-not-translate", entry.textLocation,
          "'\(key)' must keep \"\(item)\" exactly as it is (it is on the document's do-not-translate list)")
      }
      // Lowered only for a text whose source uses a term: most use none.
      let lowered = info.termKeys.isEmpty ? "" : Self.matchable(literal)
      for termKey in info.termKeys {
        guard let agreed = agreedForms[termKey],
          !agreed.matchable.contains(where: { TextChecks.contains($0, in: lowered) })
        else { continue }
        let forms = agreed.written
        let others = forms.dropFirst()
        let otherForms = others.isEmpty ? "" : " or its forms \(Self.list(Array(others)))"
        add(
          "glossary-term", entry.textLocation,
          "'\(key)' translates a text that uses the glossary term \(TextChecks.quote(source[termKey]?.text ?? termKey)), but not the agreed term \(TextChecks.quote(forms[0]))\(otherForms); use it, or add the form used here to glossary '\(termKey)' forms"
        )
      }
    }

    for entry in catalog.entries where sourceInfo[entry.key] == nil {
      findings.append(
        finding(
          "obsolete-key", entry.location,
          "the source no longer has '\(entry.key)'; run 'netexport update' to move it to 'obsolete' (its text is kept there)",
          key: entry.key))
    }
    checkGlossaryKeys(of: catalog, into: &findings)
    return Self.ordered(findings.map { withLocale($0, locale.canonical) })
  }

  // MARK: Checks

  private func checkSyntax(
    _ entry: CatalogEntry, in catalog: Catalog, into findings: inout [Diagnostic]
  ) -> MessageStructure? {
    do {
      return try MessageStructure(entry.text)
    } catch {
      let location = error.utf16Offset.map { catalog.location(in: entry, utf16Offset: $0) } ?? entry.textLocation
      if error.limit != nil {
        findings.append(
          finding(
            "message-syntax", location, "'\(entry.key)' is too complex for netexport: \(error); simplify it",
            key: entry.key))
      } else if error.name == "U_DEFAULT_KEYWORD_MISSING" {
        findings.append(
          finding(
            "other-branch-missing", location,
            "'\(entry.key)' has a plural, selectordinal or select without an 'other' branch; ICU needs one for every value the other branches do not match",
            key: entry.key))
      } else {
        findings.append(
          finding(
            "message-syntax", location,
            "'\(entry.key)' is not a valid ICU message: \(error). Braces must pair up, and a literal { or } is written '{' or '}'",
            key: entry.key))
      }
      return nil
    }
  }

  private func checkArguments(
    _ structure: MessageStructure, against sourceStructure: MessageStructure, entry: CatalogEntry,
    in catalog: Catalog, into findings: inout [Diagnostic]
  ) {
    // In the order the messages use them, so the findings come out the same every run.
    let sourceArguments = Self.firstTypes(sourceStructure)
    let arguments = Self.firstTypes(structure)
    let sourceTypes = Dictionary(uniqueKeysWithValues: sourceArguments.map { ($0.name, $0.type) })
    let types = Dictionary(uniqueKeysWithValues: arguments.map { ($0.name, $0.type) })
    for (name, type) in sourceArguments where types[name] == nil {
      findings.append(
        finding(
          "argument-missing", entry.textLocation,
          "'\(entry.key)' does not use {\(name)} (a \(type) in the source message); every value the source shows must appear in the translation",
          key: entry.key))
    }
    for (name, _) in arguments where sourceTypes[name] == nil {
      findings.append(
        finding(
          "argument-unknown", entry.textLocation,
          "'\(entry.key)' uses {\(name)}, which the source message does not have (it has \(sourceArguments.isEmpty ? "no arguments" : sourceArguments.map { "{\($0.name)}" }.joined(separator: ", "))); check the spelling",
          key: entry.key))
    }
    for (name, type) in arguments {
      guard let sourceType = sourceTypes[name], sourceType != type else { continue }
      findings.append(
        finding(
          "argument-type", entry.textLocation,
          "'\(entry.key)' uses {\(name)} as a \(type), but the source message uses it as a \(sourceType)",
          key: entry.key))
    }
    // A date's style is a skeleton ICU adapts to each locale, so it rarely needs to change;
    // a stray character in it (a no-break space before "::") silently turns it into a
    // pattern that prints "::2023juin23".
    let sourceStyles = Dictionary(
      sourceStructure.arguments.filter { ["date", "time"].contains($0.typeName.lowercased()) }.map {
        ($0.name, Self.style(of: $0))
      }, uniquingKeysWith: { first, _ in first })
    var reported = Set<String>()
    for argument in structure.arguments
    where ["date", "time"].contains(argument.typeName.lowercased()) && Self.unreadableDateSkeleton(argument) == nil {
      let style = Self.style(of: argument)
      guard let sourceStyle = sourceStyles[argument.name], style != sourceStyle, reported.insert(argument.name).inserted
      else { continue }
      findings.append(
        finding(
          "argument-style", entry.textLocation,
          "'\(entry.key)' formats {\(argument.name)} with the style \"\(style)\", but the source message uses \"\(sourceStyle)\"; copy the whole {...} from source unless the other style is meant (then add allow: [argument-style])",
          key: entry.key))
    }
    // ICU subtracts a plural's offset from the number before '#' shows it and before the
    // plural rules pick a branch: another offset than the source's prints another number.
    let plurals: [MessageStructure.Argument.Kind] = [.plural, .selectordinal]
    let sourceOffsets = Dictionary(
      sourceStructure.arguments.filter { plurals.contains($0.kind) }.map { ($0.name, ($0.kind, $0.pluralOffset)) },
      uniquingKeysWith: { first, _ in first })
    reported = []
    for argument in structure.arguments where plurals.contains(argument.kind) {
      guard let (kind, sourceOffset) = sourceOffsets[argument.name], kind == argument.kind,
        argument.pluralOffset != sourceOffset, reported.insert(argument.name).inserted
      else { continue }
      let has =
        argument.pluralOffset == 0
        ? "has no offset, but the source message has offset:\(Self.offsetText(sourceOffset))"
        : sourceOffset == 0
          ? "has offset:\(Self.offsetText(argument.pluralOffset)), which the source message does not have"
          : "has offset:\(Self.offsetText(argument.pluralOffset)), but the source message has offset:\(Self.offsetText(sourceOffset))"
      let fix = sourceOffset == 0 ? "remove it" : "use offset:\(Self.offsetText(sourceOffset)) as the source does"
      findings.append(
        finding(
          "plural-offset", catalog.location(in: entry, utf16Offset: argument.utf16Offset),
          "'\(entry.key)': the \(argument.kind.rawValue) {\(argument.name)} \(has); ICU subtracts the offset from the number before '#' shows it and before a branch is chosen, so the reader would see another number; \(fix)",
          key: entry.key))
    }
  }

  /// Date and time skeletons ICU cannot read, reported at the character it cannot read.
  private func checkDateSkeletons(
    _ structure: MessageStructure, entry: CatalogEntry, in catalog: Catalog, into findings: inout [Diagnostic]
  ) {
    for argument in structure.arguments {
      guard let (skeleton, utf16Offset, character) = Self.unreadableDateSkeleton(argument) else { continue }
      let type = argument.style.lowercased()
      let problem =
        character.map {
          "the \(type) skeleton \"\(skeleton)\", in which \(TextChecks.quote(String($0))) is not a date field letter ICU knows (ICU ignores it, and prints what the other letters mean)"
        } ?? "an empty \(type) skeleton, which prints nothing"
      findings.append(
        finding(
          "message-syntax", catalog.location(in: entry, utf16Offset: utf16Offset),
          "'\(entry.key)' formats {\(argument.name)} with \(problem); write only field letters after '::', such as ::yMMMMd (y year, MMMM month, d day, EEEE weekday)",
          key: entry.key))
    }
  }

  /// For a date or time argument with a `::` skeleton that ICU cannot read, the skeleton, the
  /// UTF-16 offset in the pattern of its first unreadable character, and that character
  /// (`nil` for a skeleton with no field at all, whose offset is that of the `::`).
  private static func unreadableDateSkeleton(_ argument: MessageStructure.Argument) -> (String, Int, Character?)? {
    guard argument.kind == .simple, ["date", "time"].contains(argument.style.lowercased()),
      let range = argument.styleUTF16Range
    else { return nil }
    let style = Self.style(of: argument)
    guard style.hasPrefix("::") else { return nil }
    let skeleton = String(style.dropFirst(2))
    guard let offset = Formatting.unreadableSkeletonOffset(in: skeleton) else { return nil }
    // The style as ICU reads it starts after the white space it trims (see style(of:)).
    let leading = argument.styleText.utf16.prefix { [9, 10, 13, 32].contains($0) }.count
    guard !skeleton.utf16.allSatisfy({ [9, 10, 13, 32].contains($0) }) else {
      return (skeleton, range.lowerBound + leading, nil)
    }
    let index = String.Index(utf16Offset: offset, in: skeleton)
    return (skeleton, range.lowerBound + leading + 2 + offset, skeleton[index])
  }

  /// A plural's `offset:` as a translator writes it.
  private static func offsetText(_ offset: Double) -> String {
    offset == offset.rounded() && abs(offset) < 1e15 ? String(Int(offset)) : String(offset)
  }

  /// The style of a simple argument as written (`::yMMMMd` in `{d, date, ::yMMMMd}`), without
  /// the spaces ICU ignores around it (ASCII spaces, tabs, line breaks); a no-break space is
  /// kept, as ICU keeps it.
  private static func style(of argument: MessageStructure.Argument) -> String {
    let space: Set<Character> = [" ", "\t", "\n", "\r"]
    var slice = Substring(argument.styleText)
    while let first = slice.first, space.contains(first) { slice.removeFirst() }
    while let last = slice.last, space.contains(last) { slice.removeLast() }
    return String(slice)
  }

  /// Keys of entries the loader left out, having reported why (an entry without text, a
  /// control character in its text): they are not reported as missing too.
  private static func unreadableKeys(of catalog: Catalog) -> Set<String> {
    Set(catalog.problems.filter { ["invalid-entry", "control-character"].contains($0.code) }.compactMap(\.key))
  }

  /// Each argument once, with the type of its first use, in the order the message uses them.
  /// ICU reads type names without regard to case (`{d, Date}` is a date).
  private static func firstTypes(_ structure: MessageStructure) -> [(name: String, type: String)] {
    var seen = Set<String>()
    return structure.arguments.filter { seen.insert($0.name).inserted }.map {
      // A spellout argument is a number: print shows its digits, speech says it with the
      // rule set the translation names (an ordinal, a feminine form).
      let type = $0.typeName.lowercased()
      return ($0.name, type == "spellout" ? "number" : type)
    }
  }

  /// Formats a message with the values the document gives it, as an export will.
  ///
  /// `MessagePattern` accepts some messages that ICU cannot format: an unknown argument type
  /// (`{n, numbr}`) or a number skeleton with a typo (`{n, number, ::group-of}`). Those are
  /// reported at the argument; other failures at the start of the text.
  private func checkFormatting(
    _ structure: MessageStructure, entry: CatalogEntry, in catalog: Catalog, locale: LanguageTag,
    into findings: inout [Diagnostic]
  ) {
    func report(_ code: String, _ location: SourceLocation, _ message: String) {
      findings.append(finding(code, location, message, key: entry.key))
    }
    if let unknown = structure.arguments.first(where: {
      $0.kind == .simple && !Self.argumentTypes.contains($0.style.lowercased())
    }) {
      report(
        "message-syntax", catalog.location(in: entry, utf16Offset: unknown.utf16Offset),
        "'\(entry.key)' uses {\(unknown.name), \(unknown.style)}, but ICU knows no argument type '\(unknown.style)'; use one of \(Self.argumentTypes.sorted().joined(separator: ", "))"
      )
      return
    }
    for ref in refsByKey[entry.key] ?? [] {
      if let mismatch = Resolver.valueMismatch(in: structure, arguments: ref.arguments) {
        // The source message has it too (the arguments' types match the source's): it is
        // reported once, on the source catalog, not on every translation.
        if let sourceStructure = sourceInfo[entry.key]?.structure, catalog.file != source.file,
          Resolver.valueMismatch(in: sourceStructure, arguments: ref.arguments) != nil
        {
          continue
        }
        report("message-arguments", entry.textLocation, "'\(entry.key)' \(mismatch)")
        return
      }
      do {
        _ = try Formatting.message(entry.text, arguments: ref.arguments.mapValues(\.messageArgument), locale: locale)
      } catch let error as MessageSyntaxError {
        if let (argument, text) = Self.unreadableSkeleton(in: structure, of: entry.text, locale: locale) {
          report(
            "message-syntax", catalog.location(in: entry, utf16Offset: argument.utf16Offset),
            "'\(entry.key)' has a number skeleton ICU cannot read: \(text); check the words after '::' (for example ::integer, ::percent, ::group-off)"
          )
        } else {
          report("message-syntax", entry.textLocation, "'\(entry.key)' is not a valid ICU message: \(error)")
        }
        return
      } catch {
        let given = ref.arguments.keys.sorted().map { "{\($0)}" }.joined(separator: ", ")
        report(
          "message-arguments", entry.textLocation,
          "'\(entry.key)' cannot be formatted with the values the document gives (\(given.isEmpty ? "none" : given)): \((error as? ICUError)?.name ?? "\(error)")"
        )
        return
      }
    }
  }

  /// The argument types ICU's MessageFormat knows.
  private static let argumentTypes: Set<String> = ["number", "date", "time", "spellout", "ordinal", "duration"]

  /// The first `{name, number, ::skeleton}` argument whose skeleton ICU rejects, with its text.
  private static func unreadableSkeleton(
    in structure: MessageStructure, of pattern: String, locale: LanguageTag
  ) -> (MessageStructure.Argument, String)? {
    let pattern16 = Array(pattern.utf16)
    for argument in structure.arguments where argument.kind == .simple && argument.style.lowercased() == "number" {
      // A simple argument holds no braces, so it ends at the first '}'.
      guard argument.utf16Offset < pattern16.count,
        let close = pattern16[argument.utf16Offset...].firstIndex(of: UInt16(UInt8(ascii: "}")))
      else { continue }
      let text = String(decoding: pattern16[argument.utf16Offset...close], as: UTF16.self)
      guard text.contains("::") else { continue }
      if (try? Formatting.message(text, arguments: [argument.name: .number(1)], locale: locale)) == nil {
        return (argument, text)
      }
    }
    return nil
  }

  /// What changed between two versions of a source text, for a message.
  static func change(from old: String, to new: String) -> String {
    guard let diff = WordDiff.describe(from: old, to: new) else {
      return "only the spaces or line breaks of the source changed"
    }
    return "the source changed to \"\(diff)\""
  }

  /// Plural and selectordinal branches against the locale's CLDR categories.
  ///
  /// A missing category is an error, except one that holds only numbers of a million or more
  /// (`many` in Spanish, French, Italian and Portuguese: "1 000 000 de réponses"): ICU then
  /// uses `other`, whose wording is at worst slightly off for exact millions, so it is a
  /// warning. A category that explicit `=N` branches cover entirely (Arabic `zero` by `=0`)
  /// needs no branch of its own.
  private func checkPlurals(
    _ structure: MessageStructure, entry: CatalogEntry, in catalog: Catalog, rules: PluralRulesCache,
    into findings: inout [Diagnostic]
  ) {
    for argument in structure.arguments where argument.kind == .plural || argument.kind == .selectordinal {
      let type: PluralRules.RuleType = argument.kind == .plural ? .cardinal : .ordinal
      guard let required = rules.categories(type) else { continue }
      // Found only when there is something to report: most plurals are fine.
      var cachedLocation: SourceLocation?
      func location() -> SourceLocation {
        if let cachedLocation { return cachedLocation }
        let found = catalog.location(in: entry, utf16Offset: argument.utf16Offset)
        cachedLocation = found
        return found
      }
      let keywords = argument.selectors.filter { !$0.hasPrefix("=") }
      let explicit = Set(argument.selectors.filter { $0.hasPrefix("=") }.compactMap { Double($0.dropFirst()) })
      let kind = argument.kind == .plural ? "plural" : "selectordinal"
      for category in required where !keywords.contains(category) {
        let samples = rules.samples(category, type)
        let integers = samples.filter { $0 == $0.rounded() }
        if !integers.isEmpty && integers.allSatisfy(explicit.contains) && samples.allSatisfy(explicit.contains) {
          continue
        }
        let onlyMillions = !integers.isEmpty && integers.allSatisfy { $0 >= 1_000_000 }
        findings.append(
          finding(
            "plural-category-missing", location(),
            onlyMillions
              ? "'\(entry.key)': the \(kind) {\(argument.name)} has no '\(category)' branch, which \(catalog.locale) uses for exact millions (1000000, 2000000, ...); 'other' is used instead"
              : "'\(entry.key)': the \(kind) {\(argument.name)} has no '\(category)' branch; \(catalog.locale) needs \(required.joined(separator: ", ")) (CLDR plural rules), e.g. \(Self.sampleText(samples))",
            key: entry.key, severity: onlyMillions ? .warning : .error))
      }
      for keyword in keywords where !required.contains(keyword) {
        findings.append(
          finding(
            "plural-category-unused", location(),
            "'\(entry.key)': the \(kind) {\(argument.name)} has a '\(keyword)' branch, which \(catalog.locale) never uses (it uses \(required.joined(separator: ", "))); remove it",
            key: entry.key))
      }
    }
  }

  private static func sampleText(_ samples: [Double]) -> String {
    let integers = samples.filter { $0 == $0.rounded() && abs($0) < 1e15 }.prefix(4).map { String(Int($0)) }
    return integers.isEmpty ? "for fractions" : "for \(integers.joined(separator: ", "))"
  }

  /// Normalization, bidirectional controls and invisible characters.
  private func checkHygiene(
    _ entry: CatalogEntry, in catalog: Catalog, locale: LanguageTag, rightToLeft rtl: Bool, script: String?,
    into findings: inout [Diagnostic]
  ) {
    if !Normalization.isNFC(entry.text) {
      findings.append(
        finding(
          "not-nfc", entry.textLocation,
          "'\(entry.key)' is not in Unicode NFC: some accented letters are written as a letter plus a combining mark; save it with composed characters (NFC)",
          key: entry.key))
    }
    var utf16Offset = 0
    var open: [(scalar: Unicode.Scalar, offset: Int)] = []
    var reportedInvisible = false
    for scalar in entry.text.unicodeScalars {
      defer { utf16Offset += UTF16.width(scalar) }
      let value = scalar.value
      if value < 0xAD { continue }  // no control below the soft hyphen is invisible or bidi
      let isEmbedding = (0x202A...0x202E).contains(value)
      let isIsolate = (0x2066...0x2069).contains(value)
      if isEmbedding || isIsolate {
        let location = catalog.location(in: entry, utf16Offset: utf16Offset)
        if !rtl {
          findings.append(
            finding(
              "bidi-control", location,
              "'\(entry.key)' contains \(TextChecks.describe(scalar)), which a left-to-right language does not need; it can change the order in which characters are shown, so remove it",
              key: entry.key))
          return
        }
        if value == 0x202D || value == 0x202E {
          findings.append(
            finding(
              "bidi-control", location,
              "'\(entry.key)' contains \(TextChecks.describe(scalar)), which forces characters into another order (it can make '50' show as '05'); use an isolate (U+2067 ... U+2069) or the marks U+200F/U+200E instead",
              key: entry.key))
          return
        }
        if value == 0x202C || value == 0x2069 {
          let opener: (UInt32) -> Bool =
            value == 0x202C ? { (0x202A...0x202B).contains($0) } : { (0x2066...0x2068).contains($0) }
          guard let last = open.last, opener(last.scalar.value) else {
            findings.append(
              finding(
                "bidi-control", location,
                "'\(entry.key)' contains \(TextChecks.describe(scalar)) with nothing to close; remove it",
                key: entry.key))
            return
          }
          open.removeLast()
        } else {
          open.append((scalar, utf16Offset))
        }
        continue
      }
      if TextChecks.isFormat(scalar) && !reportedInvisible
        && !Self.allowedInvisible(scalar, rightToLeft: rtl, script: script)
      {
        reportedInvisible = true
        findings.append(
          finding(
            "invisible-character", catalog.location(in: entry, utf16Offset: utf16Offset),
            "'\(entry.key)' contains the invisible character \(TextChecks.describe(scalar)); remove it unless the text needs it",
            key: entry.key))
      }
    }
    if let unclosed = open.first {
      findings.append(
        finding(
          "bidi-control", catalog.location(in: entry, utf16Offset: unclosed.offset),
          "'\(entry.key)' opens \(TextChecks.describe(unclosed.scalar)) but never closes it; close it with \(unclosed.scalar.value >= 0x2066 ? "U+2069 POP DIRECTIONAL ISOLATE" : "U+202C POP DIRECTIONAL FORMATTING") so the text after it is not affected",
          key: entry.key))
    }
  }

  /// Format characters a language legitimately needs: direction marks in right-to-left
  /// text, and zero-width (non-)joiners in scripts that join letters.
  private static func allowedInvisible(_ scalar: Unicode.Scalar, rightToLeft: Bool, script: String?) -> Bool {
    switch scalar.value {
    case 0x200E, 0x200F, 0x061C: rightToLeft
    case 0x200C, 0x200D: !["Latn", "Cyrl", "Grek"].contains(script ?? "Latn")
    default: false
    }
  }

  /// A glossary kept inside the catalog (one catalog per locale): its entries must name
  /// the uses' terms. (A project's shared glossary file is checked against every document.)
  private func checkGlossaryKeys(of catalog: Catalog, into findings: inout [Diagnostic]) {
    findings += SpokenFormCheck.findings(
      catalog.glossary, language: LanguageTag(catalog.locale)?.language ?? catalog.locale)
    let known = Set(uses.terms.map(\.glossaryKey))
    for entry in catalog.glossary where !known.contains(entry.key) {
      findings.append(
        finding(
          "glossary-unknown-key", entry.location,
          "glossary entry '\(entry.key)' names no term or abbreviation of the document (known: \(known.sorted().joined(separator: ", ")))",
          key: entry.key))
    }
  }

  /// The locale's agreed forms of each term: the term's own translation, then the glossary's
  /// forms, as written and as matched (`matchable`, made once per catalog rather than once
  /// per text). Matched as substrings, ignoring case, so inflected endings and scripts
  /// without spaces between words work.
  private func agreedTerms(in catalog: Catalog, glossary: [GlossaryEntry]) -> [String: (
    written: [String], matchable: [String]
  )] {
    var agreed: [String: (written: [String], matchable: [String])] = [:]
    for term in terms {
      var forms = glossary.first { $0.key == term.glossaryKey }?.forms ?? []
      if let entry = catalog[term.key], !entry.text.isEmpty, entry.state != .new { forms.insert(entry.text, at: 0) }
      if !forms.isEmpty { agreed[term.key] = (forms, forms.map(Self.matchable)) }
    }
    return agreed
  }

  /// Codes that are errors by default but warnings in some cases (a plural category used
  /// only for exact millions), which an entry's `allow` may then accept.
  static let downgradable: Set<String> = ["plural-category-missing"]

  /// Text as terms are matched: lowercased, without invisible format characters (the
  /// isolates and marks right-to-left text may carry around a term).
  static func matchable(_ text: String) -> String {
    // ASCII has no format characters, and most texts have none: they need only lowercasing.
    guard text.unicodeScalars.contains(where: TextChecks.isFormat) else { return text.lowercased() }
    var scalars = String.UnicodeScalarView()
    scalars.append(contentsOf: text.unicodeScalars.filter { !TextChecks.isFormat($0) })
    return String(scalars).lowercased()
  }

  static func unique(_ items: [String]) -> [String] {
    var seen = Set<String>()
    return items.filter { seen.insert($0).inserted }
  }

  /// Whether `word` occurs in `text` as a whole word (both lowercased).
  static func containsWord(_ word: String, in text: String) -> Bool {
    guard !word.isEmpty else { return false }
    let wordLength = word.utf8.count
    var from = 0
    while let offset = TextChecks.firstOffset(of: word, in: text, from: from) {
      // UTF-8 is self-synchronizing: a match of whole scalars starts and ends on scalar
      // boundaries, so the neighbours can be read as scalars.
      let utf8 = text.utf8
      let start = utf8.index(utf8.startIndex, offsetBy: offset)
      let end = utf8.index(start, offsetBy: wordLength)
      let scalars = text.unicodeScalars
      let before = start == scalars.startIndex ? nil : scalars[scalars.index(before: start)]
      let after = end == scalars.endIndex ? nil : scalars[end]
      if !isWordScalar(before) && !isWordScalar(after) { return true }
      from = offset + 1
    }
    return false
  }

  private static func isWordScalar(_ scalar: Unicode.Scalar?) -> Bool {
    guard let scalar else { return false }
    if scalar.isASCII {
      let value = scalar.value
      return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
    }
    return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }

  private func applyAllow(_ findings: [Diagnostic], entry: CatalogEntry) -> [Diagnostic] {
    guard !entry.allow.isEmpty else { return findings }
    var kept = findings.filter { !($0.severity == .warning && entry.allow.contains($0.code)) }
    for code in entry.allow {
      guard let rule = Rule.named(code) else {
        kept.append(
          finding(
            "invalid-allow", entry.location, "'\(entry.key)' allows '\(code)', which is not a finding code",
            key: entry.key))
        continue
      }
      if rule.severity == .error && !Self.downgradable.contains(code) {
        kept.append(
          finding(
            "invalid-allow", entry.location,
            "'\(entry.key)' allows '\(code)', but errors cannot be allowed; fix the entry instead", key: entry.key))
      } else if rule.severity == .pending {
        kept.append(
          finding(
            "invalid-allow", entry.location,
            "'\(entry.key)' allows '\(code)', but that is work still to do, not a warning; translate or review the entry instead",
            key: entry.key))
      }
    }
    return kept
  }

  private func finding(
    _ code: String, _ location: SourceLocation?, _ message: String, key: String?,
    severity: Diagnostic.Severity? = nil
  ) -> Diagnostic {
    Diagnostic(severity ?? Rule.named(code)?.severity ?? .error, code: code, at: location, message, key: key)
  }

  private func withLocale(_ diagnostic: Diagnostic, _ locale: String) -> Diagnostic {
    var copy = diagnostic
    copy.locale = locale
    return copy
  }

  private static func list(_ items: [String]) -> String {
    items.map { "\"\($0)\"" }.joined(separator: ", ")
  }

  /// Findings in file order; those without a line first.
  static func ordered(_ findings: [Diagnostic]) -> [Diagnostic] {
    findings.enumerated().sorted { lhs, rhs in
      let left = (lhs.element.location?.line ?? 0, lhs.element.location?.column ?? 0, lhs.offset)
      let right = (rhs.element.location?.line ?? 0, rhs.element.location?.column ?? 0, rhs.offset)
      return left < right
    }.map(\.element)
  }
}

/// A locale's plural rules, opened once per catalog.
final class PluralRulesCache {
  private let locale: LanguageTag
  private var rules: [PluralRules.RuleType: PluralRules] = [:]
  private var categoryCache: [PluralRules.RuleType: [String]] = [:]
  private var sampleCache: [String: [Double]] = [:]

  init(locale: LanguageTag) { self.locale = locale }

  private func rules(_ type: PluralRules.RuleType) -> PluralRules? {
    if let cached = rules[type] { return cached }
    let opened = try? PluralRules(locale: locale, type: type)
    rules[type] = opened
    return opened
  }

  func categories(_ type: PluralRules.RuleType) -> [String]? {
    if let cached = categoryCache[type] { return cached }
    let categories = try? rules(type)?.categories()
    categoryCache[type] = categories
    return categories
  }

  func samples(_ category: String, _ type: PluralRules.RuleType) -> [Double] {
    let cacheKey = "\(type.rawValue) \(category)"
    if let cached = sampleCache[cacheKey] { return cached }
    let samples = (try? rules(type)?.samples(of: category)) ?? []
    sampleCache[cacheKey] = samples
    return samples
  }
}
