import Foundation
import NewsSearchTestSupport
import Testing

@testable import NewsSearch

/// The searcher's cache of answers (`search serve`): a repeated request is answered from it; after a
/// change to the index, a kept answer is given only while the new state's is computed, within a bound.
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

    @Test func anEarlierStatesAnswerIsGivenOnlyWhileTheNewOneIsComputedAndWithinTheBound() throws {
        let corpus = try CorpusFixture()
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        let answer = try Searcher(store: store).search(SearchRequest(text: "defense"))
        let cache = ResultCache(capacity: 4, previousFor: 1_000)
        let (old, new) = (ColumnFile.Stamp(indexID: 7, generation: 3), ColumnFile.Stamp(indexID: 7, generation: 4))
        let (first, second) = (SearchRequest(text: "defense"), SearchRequest(text: "budget"))
        for request in [first, second] {
            guard case .compute(let flight) = cache.claim(request, stamp: old, now: 0) else { Issue.record("kept too soon"); return }
            cache.finish(flight, for: request, with: answer)
        }

        // The first new-state answer is computed by the request that asks it; asked again meanwhile,
        // it is the earlier state's, until the bound.
        guard case .compute(let renewed) = cache.claim(first, stamp: new, now: 10_000) else {
            Issue.record("the first new-state answer was not computed by its request")
            return
        }
        guard case .previous(let earlier) = cache.claim(first, stamp: new, now: 11_000) else {
            Issue.record("waited though an earlier state's answer was kept")
            return
        }
        #expect(earlier.stamp == old && earlier.results.hits.map(\.id) == answer.hits.map(\.id))
        guard case .wait = cache.claim(first, stamp: new, now: 11_001) else {
            Issue.record("an earlier state's answer past the bound")
            return
        }
        // Another request of the new state while one is computed: renewed elsewhere, the earlier answer given.
        guard case .renew(let elsewhere, let given) = cache.claim(second, stamp: new, now: 10_500) else {
            Issue.record("a second new-state answer was computed by its request")
            return
        }
        #expect(given.stamp == old)
        // An answer of an index that was rebuilt is never given.
        guard case .compute = cache.claim(second, stamp: ColumnFile.Stamp(indexID: 8, generation: 9), now: 10_600) else {
            Issue.record("another index's answer given")
            return
        }

        cache.finish(renewed, for: first, with: answer)
        cache.finish(elsewhere, for: second, with: answer, stamp: ColumnFile.Stamp(indexID: 7, generation: 5))
        guard case .kept = cache.claim(first, stamp: new, now: 20_000) else { Issue.record("the new answer not kept"); return }
        // A renewal that saw a later commit keeps its answer under that state.
        guard case .kept = cache.claim(second, stamp: ColumnFile.Stamp(indexID: 7, generation: 5), now: 20_000) else {
            Issue.record("the later state's answer not kept")
            return
        }
        #expect(cache.previousAnswers == 2)
    }

    /// While another new-state answer is computed, a request with a kept answer gets it at once, its
    /// own is computed in the background, and the new article shows up once that is done.
    @Test func aCommitDoesNotStopRequestsThatHaveAnEarlierAnswer() throws {
        let corpus = try CorpusFixture()
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        let searcher = Searcher(store: store, cachedResults: 8)
        let cache = try #require(searcher.cache)
        let request = SearchRequest(text: "defense")
        let before = try searcher.search(request)
        _ = try searcher.search(SearchRequest(text: "budget"))

        try corpus.write(
            #"{"id": "late", "title": "A late defense story", "body": "Defense ministers met again.", "source": "Alpha Wire"}"#,
            to: "news/wire/late.jsonl")
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        let stamp = try store.read { db in try FacetColumnStore.stamp(in: db) }
        // Another request of the new state is being computed (as by a request that saw the commit first).
        guard case .compute(let other) = cache.claim(SearchRequest(text: "budget"), stamp: stamp) else {
            Issue.record("nothing to compute")
            return
        }
        var trace: SearchTrace? = SearchTrace()
        let meanwhile = try searcher.search(request, trace: &trace)
        #expect(trace?.answer == .previous)
        #expect(trace?.columns == .unread)
        #expect(trace?.generation == stamp.generation && trace?.answerGeneration == stamp.generation - 1)
        #expect(meanwhile.total == before.total && meanwhile.hits.map(\.id) == before.hits.map(\.id))

        var after = meanwhile
        for _ in 0..<1_000 where !after.hits.contains(where: { $0.id == "late" }) {
            Thread.sleep(forTimeInterval: 0.01)
            after = try searcher.search(request)
        }
        #expect(after.total == before.total + 1)
        #expect(after.hits.contains { $0.id == "late" })
        cache.finish(other, for: SearchRequest(text: "budget"), with: nil)
    }

    @Test func noCacheUnlessAsked() throws {
        let corpus = try CorpusFixture()
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        #expect(Searcher(store: store).cache == nil)
    }
}
