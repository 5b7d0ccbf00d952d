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

    @Test func aRequestAskedWhileItsAnswerIsComputedWaitsForThatAnswer() async throws {
        let corpus = try CorpusFixture()
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        let answer = try Searcher(store: store).search(SearchRequest(text: "defense"))
        let cache = ResultCache(capacity: 4)
        let request = SearchRequest(text: "defense")
        let stamp = ColumnFile.Stamp(indexID: 7, generation: 3)

        guard case .compute(let flight) = cache.claim(request, stamp: stamp) else { Issue.record("nothing to compute"); return }
        guard case .wait(let same) = cache.claim(request, stamp: stamp) else { Issue.record("computed twice"); return }
        #expect(same === flight)
        // Another state of the index is another answer: its own computation.
        guard case .compute(let newer) = cache.claim(request, stamp: ColumnFile.Stamp(indexID: 7, generation: 4)) else {
            Issue.record("waited for another state's answer")
            return
        }
        let waited = Task.detached { same.wait()?.hits.map(\.id) }
        cache.finish(flight, for: request, with: answer)
        #expect(await waited.value == answer.hits.map(\.id))
        #expect(cache.waits == 1)

        // A failed computation hands its waiters nothing, and the next request computes again.
        cache.finish(newer, for: request, with: nil)
        #expect(newer.wait() == nil)
        guard case .compute = cache.claim(request, stamp: ColumnFile.Stamp(indexID: 7, generation: 4)) else {
            Issue.record("a failed answer was kept")
            return
        }
    }

    @Test func anAnswerFromAnOlderStateDoesNotEmptyANewerOnes() throws {
        let corpus = try CorpusFixture()
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        let answer = try Searcher(store: store).search(SearchRequest(text: "defense"))
        let cache = ResultCache(capacity: 4)
        let (old, new) = (ColumnFile.Stamp(indexID: 7, generation: 3), ColumnFile.Stamp(indexID: 7, generation: 4))
        guard case .compute(let slow) = cache.claim(SearchRequest(text: "slow"), stamp: old),
            case .compute(let quick) = cache.claim(SearchRequest(text: "quick"), stamp: new)
        else {
            Issue.record("nothing to compute")
            return
        }
        cache.finish(quick, for: SearchRequest(text: "quick"), with: answer)
        cache.finish(slow, for: SearchRequest(text: "slow"), with: answer)
        guard case .kept = cache.claim(SearchRequest(text: "quick"), stamp: new) else {
            Issue.record("the newer answer was dropped")
            return
        }
        #expect(cache.count == 1)
    }

    @Test func noCacheUnlessAsked() throws {
        let corpus = try CorpusFixture()
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        #expect(Searcher(store: store).cache == nil)
    }
}
