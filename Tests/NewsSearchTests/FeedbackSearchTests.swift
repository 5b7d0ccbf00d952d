import Foundation
import NewsIngest
import NewsQuery
import NewsSearchTestSupport
import Testing

@testable import NewsSearch
import NewsDates

/// Relevance feedback through the engine: it changes the scores of long queries only, and the
/// expanded query never brings in a hit without a query word nor changes what is counted.
@Suite struct FeedbackSearchTests {
    let corpus: CorpusFixture
    let searcher: Searcher

    init() throws {
        corpus = try CorpusFixture()
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        searcher = Searcher(store: store)
    }

    func search(_ text: String, feedback: Bool, match: SearchRequest.Match = .auto) throws -> SearchResults {
        var request = SearchRequest(text: text)
        request.feedback = feedback ? .default : nil
        request.match = match
        return try searcher.search(request)
    }

    static let question = "what did rutte say in tokyo about defense industrial ties"

    @Test func aLongQuestionIsRescoredButKeepsItsMatches() throws {
        for match in [SearchRequest.Match.auto, .any] {
            let plain = try search(Self.question, feedback: false, match: match)
            let expanded = try search(Self.question, feedback: true, match: match)
            #expect(expanded.total == plain.total)
            #expect(expanded.counted == plain.counted)
            #expect(Set(expanded.hits.map(\.id)) == Set(plain.hits.map(\.id)))
            let clauses = QueryParser().parse(Self.question).positiveClauses.count
            #expect(expanded.hits.allSatisfy { $0.missing.count < clauses })
            let before = Dictionary(uniqueKeysWithValues: plain.hits.map { ($0.id, $0.score) })
            #expect(expanded.hits.contains { abs($0.score - before[$0.id]!) > 1e-6 })
        }
    }

    @Test func shortQueriesAreLeftAlone() throws {
        for text in ["defense industrial", "rutte tokyo nato", "defense -industrial", "japan nato defense industrial cooperation"] {
            let plain = try search(text, feedback: false)
            let expanded = try search(text, feedback: true)
            #expect(expanded.hits.map(\.id) == plain.hits.map(\.id))
            #expect(expanded.hits.map(\.score) == plain.hits.map(\.score))
        }
    }

    @Test func anExpandedQueryStillHonoursExclusions() throws {
        let text = "what did rutte say in tokyo about defense ties -industrial"
        let expanded = try search(text, feedback: true)
        let plain = try search(text, feedback: false)
        #expect(Set(expanded.hits.map(\.id)) == Set(plain.hits.map(\.id)))
        #expect(!expanded.hits.contains { ["a1", "a2", "m1", "t1"].contains($0.id) })
    }

    @Test func whenFiltersLeaveNothingTheWarningStillNamesThem() throws {
        var request = SearchRequest(text: Self.question)
        request.filters.sources = ["Beta Review"]
        request.filters.since = ArticleDate(parsing: "2026")
        let results = try searcher.search(request)
        #expect(results.total == 0)
        #expect(results.warnings.contains { $0.hasPrefix("6 articles match the words; the date") })
    }
}
