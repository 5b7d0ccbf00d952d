import Foundation
import NewsSearchTestSupport
import Testing

@testable import NewsSearch

/// Phrase counts kept per state of the index: a long-running searcher ranks exactly as a new one does,
/// before and after the index changes.
@Suite struct DocumentFrequenciesTests {
    @Test func onlyPhrasesNotYetKnownAreCounted() {
        let kept = DocumentFrequencies()
        var asked: [[Int]] = []
        let count = { (phrases: [Int]) -> [Int64] in
            asked.append(phrases)
            return phrases.map { Int64(10 + $0) }
        }
        #expect(kept.counts(of: [#""nato""#, #""rutte""#], count: count) == [10, 11])
        #expect(kept.counts(of: [#""budget""#, #""nato""#, #""rutte""#], count: count) == [10, 10, 11])
        #expect(kept.counts(of: [#""rutte""#, #""nato""#], count: count) == [11, 10])
        #expect(asked == [[0, 1], [0]])
    }

    @Test func aLongRunningSearcherRanksAsANewOneAfterTheIndexChanges() throws {
        let corpus = try CorpusFixture()
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        let searcher = Searcher(store: store)
        let request = SearchRequest(text: "defense budget")
        let before = try searcher.search(request)
        #expect(try searcher.search(request).hits.map(\.score) == before.hits.map(\.score))

        // More articles with "budget" lower its IDF: every score with it must move.
        for index in 0..<3 {
            try corpus.write(
                #"{"id": "b\#(index)", "title": "Budget day \#(index)", "body": "The budget passed.", "source": "Alpha Wire"}"#,
                to: "news/wire/budget\(index).jsonl")
        }
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        let after = try searcher.search(request)
        let fresh = try Searcher(store: store).search(request)
        #expect(after.hits.map(\.id) == fresh.hits.map(\.id))
        #expect(after.hits.map(\.score) == fresh.hits.map(\.score))
        let budgetHit = try #require(before.hits.first { $0.id == "a3" })
        #expect(after.hits.first { $0.id == "a3" }?.score != budgetHit.score)
    }
}
