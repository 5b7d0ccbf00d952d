import Foundation
import NewsSearchTestSupport
import Testing

@testable import NewsSearch

/// Multi-word synonyms apply to bare consecutive words as they do to quoted phrases: `united states
/// officials` finds "U.S. officials", and the hit lacks nothing and marks "U.S.".
@Suite struct SynonymQueryTests {
    static let articles = """
        {"id": "us-short", "title": "Briefing", "body": "U.S. officials met their counterparts in Tokyo.", "source": "S"}
        {"id": "us-long", "title": "Briefing two", "body": "United States officials met their counterparts in Seoul.", "source": "S"}
        {"id": "ai", "title": "Labs", "body": "Spending on AI research rose again.", "source": "S"}
        {"id": "dprk", "title": "Launch", "body": "The DPRK fired a missile on Sunday.", "source": "S"}
        {"id": "uk", "title": "Talks", "body": "The UK and Japan signed a pact.", "source": "S"}
        {"id": "other", "title": "Weather", "body": "Rain is expected in the north.", "source": "S"}

        """

    let searcher: Searcher

    init() throws {
        let corpus = try CorpusFixture()
        try corpus.write(Self.articles, to: "synonyms/feed.jsonl")
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.folder.appendingPathComponent("synonyms").path]))
        searcher = Searcher(store: store)
    }

    static func marked(_ hit: SearchHit) -> [String] {
        let scalars = Array(hit.snippet.text.unicodeScalars)
        return hit.snippet.highlights.map { String(String.UnicodeScalarView(scalars[$0])) }
    }

    @Test(arguments: [
        ("united states officials", ["us-long", "us-short"], ["United", "States", "officials"], ["U.S.", "officials"]),
        ("\"united states\" officials", ["us-long", "us-short"], ["United", "States", "officials"], ["U.S.", "officials"]),
        ("artificial intelligence research", ["ai"], [], ["AI", "research"]),
        ("north korea missile", ["dprk"], [], ["DPRK", "missile"]),
        ("united kingdom pact", ["uk"], [], ["UK", "pact"]),
    ])
    func bareWordsFindTheShortForm(_ text: String, _ ids: [String], _ longMarks: [String], _ shortMarks: [String]) throws {
        let results = try searcher.search(SearchRequest(text: text))
        #expect(results.counted == .all, "\(text)")
        #expect(results.total == ids.count, "\(text)")
        #expect(results.hits.prefix(ids.count).map(\.id).sorted() == ids.sorted(), "\(text)")
        for hit in results.hits.prefix(ids.count) {
            #expect(hit.missing.isEmpty, "\(text): \(hit.id) lacks \(hit.missing)")
            let expected = hit.id == "us-long" ? longMarks : shortMarks
            #expect(Self.marked(hit) == expected, "\(text): \(hit.id) marks \(Self.marked(hit))")
        }
    }

    /// The words still count on their own: `states` alone is no synonym, and `united` beside an
    /// unrelated word stays a plain word.
    @Test func onlyAdjacentPairsAreRewritten() throws {
        let results = try searcher.search(SearchRequest(text: "states officials"))
        #expect(results.total == 1 && results.hits.first?.id == "us-long")
        let north = try searcher.search(SearchRequest(text: "north rain"))
        #expect(north.total == 1 && north.hits.first?.id == "other")
    }
}
