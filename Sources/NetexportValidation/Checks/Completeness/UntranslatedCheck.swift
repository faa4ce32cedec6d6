import NetexportModel

/// A translation identical to the source text (`untranslated`), except in a catalog of the
/// source's language (`en-GB`), for a text without letters, or for a text that is a
/// do-not-translate item as a whole.
struct UntranslatedCheck: EntryCheck {
  func check(_ entry: EntryContext, _ findings: inout EntryFindings) {
    let text = entry.entry.text
    guard !entry.catalog.sameLanguage, text == entry.sourceText, TextChecks.hasLetters(text),
      !entry.catalog.validator.uses.doNotTranslate.contains(text)
    else { return }
    findings.add(
      .untranslated, at: entry.entry.textLocation,
      "'\(entry.key)' is the same as the source text \(TextChecks.quote(entry.sourceText)); translate it, or add allow: [untranslated] to the entry if it is right as it is (a name, for example)"
    )
  }
}
