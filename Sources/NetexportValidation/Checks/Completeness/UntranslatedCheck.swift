import NetexportModel

/// A translation identical to the source text (`untranslated`, an error): a handout in the
/// locale would show the source language there, as a CAT tool's "copy source to target"
/// leaves it. Not reported in a catalog of the source's language (`en-GB`), for a text
/// without letters, for a text that is a do-not-translate item as a whole, or for an entry
/// still marked `new` or `needs-review` (work still to do is pending, not a mistake); an
/// entry's `allow: [untranslated]` accepts it (a name that stays the same). Language tags
/// are left out of the comparison, and a translation whose every word lies in passages
/// marked as the source's language (`<lang-en>…</lang-en>`) keeps the English on purpose.
struct UntranslatedCheck: EntryCheck {
  func check(_ entry: EntryContext, _ findings: inout EntryFindings) {
    let text = entry.entry.text
    // The conditions in the order that settles most entries soonest (nearly every
    // translation differs from its source); none has a side effect, so the order changes
    // nothing else. Texts are compared as `String ==` does (canonical equivalence), with a
    // byte comparison first that settles most pairs (`TextChecks.canonicallyEqual`).
    guard !entry.catalog.sameLanguage,
      entry.entry.state != .new, entry.entry.state != .needsReview,
      TextChecks.canonicallyEqual(
        LanguageMarkupCheck.withoutLanguageTags(text), LanguageMarkupCheck.withoutLanguageTags(entry.sourceText)),
      TextChecks.hasLetters(text),
      !entry.catalog.validator.uses.doNotTranslate.contains(where: { TextChecks.canonicallyEqual($0, text) }),
      !LanguageMarkupCheck.keepsTheSource(text, sourceLanguage: entry.catalog.validator.sourceLocale)
    else { return }
    findings.add(
      .untranslated, at: entry.entry.textLocation,
      "'\(entry.key)' is the same as the source text \(TextChecks.quote(entry.sourceText)), so the handout would show it untranslated; translate it, or add allow: [untranslated] to the entry if it is right as it is (a name, for example)"
    )
  }
}
