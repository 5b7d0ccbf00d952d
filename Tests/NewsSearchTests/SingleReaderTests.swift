import Foundation
import NewsSearchTestSupport
import Testing

@testable import NewsSearch

/// A one-query process reads through one read-only connection (`IndexStore.Access.singleReader`):
/// it must answer as the pool does, split passes included, and stay correct while an indexer writes
/// the same file in WAL mode.
@Suite struct SingleReaderTests {
    static let queries = ["defense industrial", "\"defense industrial\"", "nato -budget", "rutte", "zzzqqq", "defnse"]

    @Test func aSingleReaderAnswersAsAPoolDoes() throws {
        let corpus = try CorpusFixture()
        _ = try Indexer(store: try IndexStore(path: corpus.indexPath, access: .readWrite)).run(IndexJob(paths: [corpus.root.path]))
        let pooled = Searcher(store: try IndexStore(path: corpus.indexPath, access: .readOnly))
        let single = try IndexStore(path: corpus.indexPath, access: .singleReader)
        // Threshold 0 splits every pass: the other ranges read on connections opened beside the single one.
        for searcher in [Searcher(store: single), Searcher(store: single, parallelism: (parts: 2, threshold: 0))] {
            for text in Self.queries {
                let expected = try pooled.search(SearchRequest(text: text))
                let answer = try searcher.search(SearchRequest(text: text))
                #expect(answer.hits.map(\.id) == expected.hits.map(\.id), "\(text)")
                #expect(answer.hits.map(\.score) == expected.hits.map(\.score), "\(text)")
                #expect(answer.total == expected.total && answer.facets == expected.facets, "\(text)")
                #expect(answer.suggestions == expected.suggestions, "\(text)")
            }
        }
    }

    @Test func aSingleReaderSeesCommittedArticlesOnlyWhileAnIndexerWrites() throws {
        let corpus = try CorpusFixture()
        let writer = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: writer).run(IndexJob(paths: [corpus.root.path]))

        // A second run commits while the writer's connection stays open: the new article is in the WAL.
        try corpus.write(
            #"{"id": "late", "title": "Fisheries quotas agreed", "body": "Quotas for the season were agreed.", "source": "Alpha Wire"}"#,
            to: "news/wire/late.jsonl")
        _ = try Indexer(store: writer).run(IndexJob(paths: [corpus.root.path]))
        let walBytes = try FileManager.default.attributesOfItem(atPath: corpus.indexPath + "-wal")[.size] as? Int
        #expect((walBytes ?? 0) > 0)
        let committed = try Searcher(store: try IndexStore(path: corpus.indexPath, access: .singleReader))
            .search(SearchRequest(text: "fisheries"))
        #expect(Set(committed.hits.map(\.id)) == ["a4", "late"])

        // A write in progress is neither waited for nor seen.
        try writer.pool.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "UPDATE documents SET title = 'Rewritten' WHERE external_id = 'late'")
            let during = try Searcher(store: try IndexStore(path: corpus.indexPath, access: .singleReader))
                .search(SearchRequest(text: "fisheries"))
            try db.execute(sql: "ROLLBACK")
            #expect(during.hits.first { $0.id == "late" }?.title == "Fisheries quotas agreed")
            #expect(during.total == committed.total)
        }
    }

    @Test func aSingleReaderNeverWritesTheIndex() throws {
        let corpus = try CorpusFixture()
        _ = try Indexer(store: try IndexStore(path: corpus.indexPath, access: .readWrite)).run(IndexJob(paths: [corpus.root.path]))
        let before = try Data(contentsOf: URL(fileURLWithPath: corpus.indexPath))
        let store = try IndexStore(path: corpus.indexPath, access: .singleReader)
        _ = try Searcher(store: store).search(SearchRequest(text: "defense"))
        #expect(throws: (any Error).self) {
            try store.read { db in try db.execute(sql: "DELETE FROM sources") }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: corpus.indexPath)) == before)
    }
}
