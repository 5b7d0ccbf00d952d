import Foundation
import NewsSearchTestSupport
import Testing

@testable import NewsSearch

/// The searcher's cache of answers (`search serve`): a repeated request is answered from it, and any
/// change to the index empties it, so an answer is never stale.
@Suite struct ResultCacheTests {
    @Test func aRepeatedRequestIsAnsweredFromTheCacheUntilTheIndexChanges() throws {
        let corpus = try CorpusFixture()
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        let searcher = Searcher(store: store, cachedResults: 4)
        let cache = try #require(searcher.cache)

        let first = try searcher.search(SearchRequest(text: "defense"))
        #expect(cache.hits == 0)
        let again = try searcher.search(SearchRequest(text: "defense"))
        #expect(cache.hits == 1)
        #expect(again.hits.map(\.id) == first.hits.map(\.id) && again.total == first.total)
        var other = SearchRequest(text: "defense")
        other.limit = 2
        #expect(try searcher.search(other).hits.count == 2)
        #expect(cache.hits == 1)

        try corpus.write(
            #"{"id": "late", "title": "A late defense story", "body": "Defense ministers met again.", "source": "Alpha Wire"}"#,
            to: "news/wire/late.jsonl")
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        let after = try searcher.search(SearchRequest(text: "defense"))
        #expect(cache.hits == 1)
        #expect(after.total == first.total + 1)
        #expect(after.hits.contains { $0.id == "late" })
    }

    @Test func theLeastRecentlyUsedAnswerLeavesFirst() throws {
        let corpus = try CorpusFixture()
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        let searcher = Searcher(store: store, cachedResults: 2)
        let cache = try #require(searcher.cache)
        for text in ["defense", "rutte", "defense", "budget"] { _ = try searcher.search(SearchRequest(text: text)) }
        #expect(cache.count == 2)
        let hitsBefore = cache.hits
        _ = try searcher.search(SearchRequest(text: "defense"))
        #expect(cache.hits == hitsBefore + 1)
        _ = try searcher.search(SearchRequest(text: "rutte"))
        #expect(cache.hits == hitsBefore + 1)
    }

    @Test func noCacheUnlessAsked() throws {
        let corpus = try CorpusFixture()
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        #expect(Searcher(store: store).cache == nil)
    }
}
