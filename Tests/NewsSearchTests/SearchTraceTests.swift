import NewsSearchTestSupport
import Testing

@testable import NewsSearch

/// A traced search (`search serve --trace`) says how it had its answer and its state's columns, and
/// answers exactly as an untraced one.
@Suite struct SearchTraceTests {
    @Test func aTraceSaysHowTheAnswerWasHad() throws {
        let corpus = try CorpusFixture()
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        let searcher = Searcher(store: store, cachedResults: 4)
        let request = SearchRequest(text: "defense")

        var first: SearchTrace? = SearchTrace()
        let computed = try searcher.search(request, trace: &first)
        #expect(first?.answer == .computed)
        #expect(first?.columns == .mapped)
        #expect(first?.attempts == 1)
        #expect((first?.answerNanoseconds ?? 0) > 0)

        var second: SearchTrace? = SearchTrace()
        let kept = try searcher.search(request, trace: &second)
        #expect(second?.answer == .kept)
        #expect(second?.columns == .unread)
        #expect(second?.generation == first?.generation)
        #expect(second?.computeCPUNanoseconds == 0)
        #expect(kept.hits.map(\.id) == computed.hits.map(\.id) && kept.total == computed.total)

        try corpus.write(
            #"{"id": "late", "title": "A late defense story", "body": "Defense ministers met again.", "source": "Alpha Wire"}"#,
            to: "news/wire/late.jsonl")
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        var third: SearchTrace? = SearchTrace()
        let after = try searcher.search(request, trace: &third)
        #expect(third?.answer == .computed)
        #expect((third?.generation ?? 0) > (first?.generation ?? 0))
        #expect(after.hits.contains { $0.id == "late" })
    }

    @Test func aSearcherWithoutACacheComputesAndTracesTheSameAnswer() throws {
        let corpus = try CorpusFixture()
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        let searcher = Searcher(store: store)
        let request = SearchRequest(text: "defense industrial")
        var trace: SearchTrace? = SearchTrace()
        let traced = try searcher.search(request, trace: &trace)
        let untraced = try searcher.search(request)
        #expect(trace?.answer == .uncached)
        #expect(traced.hits.map(\.id) == untraced.hits.map(\.id))
        #expect(traced.hits.map(\.score) == untraced.hits.map(\.score))
        #expect(traced.total == untraced.total)
    }
}
