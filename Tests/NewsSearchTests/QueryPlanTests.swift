import NewsDates
import NewsQuery
import Testing

@testable import NewsSearch

/// The plan is decided from the query and the request alone: these run without an index.
@Suite struct QueryPlanTests {
    func plan(_ text: String, _ change: (inout SearchRequest) -> Void = { _ in }) -> QueryPlan {
        var request = SearchRequest(text: text)
        change(&request)
        return QueryPlan(request)
    }

    func expression(_ text: String, _ mode: MatchMode) -> MatchExpression? {
        MatchExpression(QueryParser().parse(text), mode: mode)
    }

    @Test func severalWordsRankAnyAndCountAllUnderAuto() throws {
        let plan = plan("defense industrial")
        #expect(plan.source == .ranked(try #require(expression("defense industrial", .any))))
        #expect(plan.counting == .allTermsWhenAny(try #require(expression("defense industrial", .all))))
        #expect(plan.order == .relevance)
        #expect(!plan.hitsAreCounted)
        #expect(plan.feedback == nil || !plan.feedback!.applies(toClauses: 2))
    }

    /// A reversed pair of bounds matches nothing; the plan says why instead of leaving a bare 0.
    @Test func anEmptyDateRangeIsNoted() {
        #expect(plan("port after:2023-11-01 before:2023-01").notes == [
            "no date is both from 2023-11-01 and up to 2023-01: the range is empty (are the dates the wrong way round?)",
        ])
        #expect(plan("port after:2023-01-01 before:2023-01-01").notes.isEmpty)
        #expect(plan("port date:2023-11..2023-01").notes.isEmpty)  // a range is read the right way round
        #expect(plan("port before:2023-01") { $0.filters.since = ArticleDate(parsing: "2024") }.notes.count == 1)
    }

    /// A pasted address matches nothing as text; the note says where to look instead.
    @Test func aPastedWebAddressIsNoted() {
        #expect(plan(" https://harbour-ledger.example/2025/03/14/strike ").notes == [
            "a web address is not searched as text: `search show https://harbour-ledger.example/2025/03/14/strike` finds the article saved from it",
        ])
        #expect(plan("strike https://harbour-ledger.example/a").notes.isEmpty)
        #expect(plan("http").notes.isEmpty)
    }

    @Test func oneWordCountsWhatItMatches() {
        #expect(plan("defense").counting == .visited(.all))
    }

    @Test func matchAllRanksTheAllTermsExpression() throws {
        let plan = plan("defense industrial") { $0.match = .all }
        #expect(plan.source == .ranked(try #require(expression("defense industrial", .all))))
        #expect(plan.counting == .visited(.all))
        #expect(plan.feedback == nil)
    }

    @Test func matchAnyCountsEveryMatch() {
        #expect(plan("defense industrial") { $0.match = .any }.counting == .visited(.any))
    }

    @Test func byDateUnderAutoTheHitsAreTheCountedDocuments() {
        let plan = plan("defense industrial") { $0.sort = .oldest }
        #expect(plan.order == .date(newestFirst: false))
        #expect(plan.hitsAreCounted)
        #expect(plan.feedback == nil)
    }

    @Test func exclusionsAloneVisitEverythingElseByDate() throws {
        let plan = plan("-china")
        #expect(plan.source == .allExcept(try #require(MatchExpression.exclusion(of: QueryParser().parse("-china")))))
        #expect(plan.order == .date(newestFirst: true))
        #expect(plan.notes.isEmpty)
    }

    @Test func filtersAloneVisitEverything() {
        let plan = plan("source:\"Alpha Wire\"")
        #expect(plan.source == .everything)
        #expect(plan.filters.sources == ["Alpha Wire"])
        #expect(plan.hitExpression == nil)
    }

    @Test func textWithoutWordsListsByDate() {
        let plan = plan("…")
        #expect(plan.source == .everything)
        #expect(plan.order == .date(newestFirst: true))
        #expect(plan.hitExpression == nil)
        #expect(!plan.warnings.isEmpty)
    }

    @Test func longQueriesPlanFeedbackOnlyInRelevanceOrder() {
        let text = "what are the allies doing about shell production"
        #expect(plan(text).feedback == .default)
        #expect(plan(text) { $0.feedback = nil }.feedback == nil)
        #expect(plan(text) { $0.sort = .newest }.feedback == nil)
        #expect(plan(text) { $0.match = .all }.feedback == nil)
    }

    @Test func recencyBoostsOnlyTheAllTermsMatchesOfSeveralClauses() throws {
        let prior = RecencyPrior()
        let several = plan("defense industrial") { $0.recency = prior }
        #expect(several.recency == .init(prior: prior, everyClause: try #require(expression("defense industrial", .all))))
        #expect(plan("defense") { $0.recency = prior }.recency == .init(prior: prior, everyClause: nil))
        #expect(plan("defense") { $0.recency = prior; $0.sort = .newest }.recency == nil)
    }

    @Test func thePageAndFacetsComeFromTheRequest() {
        let plan = plan("japan") {
            $0.offset = 20
            $0.limit = 5
            $0.facets = [.source]
            $0.facetLimit = -3
        }
        #expect(plan.pageEnd == 25)
        #expect(plan.offset == 20)
        #expect(plan.facets == [.source])
        #expect(plan.facetLimit == 0)
    }

    @Test func parserWarningsComeFirst() {
        #expect(plan("\"unbalanced").warnings == QueryParser().parse("\"unbalanced").warnings.map(\.message))
    }
}
