import NetexportICU
import NetexportResolution
import Testing

@Suite struct InlineMarkupTests {
  @Test func readsOnlyTheFourFormsAsTags() {
    #expect(
      InlineMarkup.tokens("Take <b>2</b> < 5 mg <i>x</i> <link1>here</link1> <link0>no</link0>")
        == [
          .text("Take "), .open(.bold), .text("2"), .close(.bold), .text(" < 5 mg <i>x</i> "), .open(.link(1)),
          .text("here"), .close(.link(1)), .text(" <link0>no</link0>"),
        ])
  }

  @Test func findsUnbalancedTags() {
    #expect(InlineMarkup.problem(in: "<b>bold</b> and <link1>a <b>link</b></link1>") == nil)
    #expect(InlineMarkup.problem(in: "<b>bold") == "<b> is not closed")
    #expect(InlineMarkup.problem(in: "bold</b>") == "</b> closes a tag that is not open")
    #expect(InlineMarkup.problem(in: "<b><link1>x</b></link1>") == "</b> closes <link1> out of order")
    #expect(InlineMarkup.problem(in: "<b><b>x</b></b>") == "<b> is opened again inside itself")
  }

  @Test func makesRunsWithTheContentModelsAddresses() {
    #expect(
      InlineMarkup.runs("Call <link1>our <b>nurse</b> line</link1> today.", links: ["tel:+15550100"])
        == [
          TextRun("Call "), TextRun("our ", link: "tel:+15550100"), TextRun("nurse", bold: true, link: "tel:+15550100"),
          TextRun(" line", link: "tel:+15550100"), TextRun(" today."),
        ])
    // Out of balance, or a link with no address: the words stay, as written.
    #expect(InlineMarkup.runs("<b>bold", links: []) == [TextRun("<b>bold")])
    #expect(InlineMarkup.runs("<link2>x</link2>", links: ["https://a.example"]) == [TextRun("<link2>x</link2>")])
    #expect(InlineMarkup.plain("Do <b>not</b> eat <link1>now</link1>.") == "Do not eat now.")
  }

  /// Issue 14: `<lang-TAG>` marks a passage in another language; a tag that is not a
  /// language is text.
  @Test func readsPassagesInAnotherLanguage() throws {
    let english = try #require(LanguageTag("en"))
    #expect(
      InlineMarkup.tokens("على <lang-en>Mayo</lang-en> <lang-!!>x</lang-!!> <lang->y")
        == [
          .text("على "), .open(.language(english)), .text("Mayo"), .close(.language(english)),
          .text(" <lang-!!>x</lang-!!> <lang->y"),
        ])
    // One language whatever the case of its tag.
    #expect(InlineMarkup.problem(in: "<lang-EN>x</lang-en>") == nil)
    #expect(InlineMarkup.problem(in: "<lang-en>x</lang-fr>") == "</lang-fr> closes <lang-en> out of order")
    #expect(
      InlineMarkup.runs("Par <lang-en>Mayo <b>Clinic</b></lang-en>.", links: [])
        == [
          TextRun("Par "), TextRun("Mayo ", language: english), TextRun("Clinic", bold: true, language: english),
          TextRun("."),
        ])
    #expect(InlineMarkup.plain("Par <lang-en>Mayo Clinic</lang-en>.") == "Par Mayo Clinic.")
  }
}
