import Testing

@testable import NewsQuery

/// Which clauses of a query select candidates and which only score (``CommonTerms``).
@Suite struct CommonTermsTests {
    /// Articles per term in an index of 300: `the` and `said` are common (over 100), `bank` is at the cut-off.
    static let frequencies = ["the": 298, "said": 250, "bank": 100, "central": 40, "zinc": 3]

    static func plan(_ text: String) -> CommonTerms? {
        CommonTerms(QueryParser().parse(text), documentCount: 300) { frequencies[$0] }
    }

    @Test func wordsInMoreThanAThirdOnlyScore() throws {
        let terms = try #require(Self.plan("the central bank said"))
        #expect(terms.selecting == [1, 2])
        #expect(terms.common == [0, 3])
        #expect(terms.commonWords == ["the", "said"])
        #expect(terms.note.contains("(the, said) only scored"))
    }

    @Test func aWordAtTheCutOffSelects() throws {
        let terms = try #require(Self.plan("the bank"))
        #expect(terms.selecting == [1])
        #expect(terms.common == [0])
    }

    @Test func onlyCommonWordsOrOneClauseRunAsBefore() {
        #expect(Self.plan("the said") == nil)
        #expect(Self.plan("the") == nil)
        #expect(Self.plan("central zinc") == nil)
        #expect(Self.plan("the -zinc") == nil)
    }

    @Test func phrasesPrefixesAndFieldsAlwaysSelect() {
        #expect(Self.plan("\"the\" zinc") == nil)
        #expect(Self.plan("the* zinc") == nil)
        #expect(Self.plan("title:the zinc") == nil)
    }

    @Test func anUnknownWordSelects() throws {
        let terms = try #require(Self.plan("the unheard"))
        #expect(terms.selecting == [1])
    }
}
