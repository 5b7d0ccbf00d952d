import Foundation
import GRDB
import NewsSearchTestSupport
import Testing

@testable import NewsSearch

/// The facet columns the searcher reads instead of joining row by row must always describe the index
/// as committed: saved at the end of a run, rebuilt when a run died before saving, refreshed in a
/// long-running process when another run changes the index.
@Suite struct FacetColumnTests {
    let corpus: CorpusFixture
    let store: IndexStore

    init() throws {
        corpus = try CorpusFixture()
        store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
    }

    func sourceCounts(_ searcher: Searcher, _ text: String = "defense industrial") throws -> [String: Int] {
        let results = try searcher.search(SearchRequest(text: text))
        return Dictionary(uniqueKeysWithValues: results.facets.source.map { ($0.value, $0.count) })
    }

    @Test func anIndexRunSavesColumnsForItsGeneration() throws {
        let (generation, saved) = try store.pool.read { db in
            (try FacetColumnStore.generation(in: db), try FacetColumnStore.loadSaved(in: db, generation: FacetColumnStore.generation(in: db)))
        }
        #expect(generation > 1)
        let built = try store.pool.read { db in try FacetColumns.build(in: db, generation: generation) }
        #expect(saved?.source == built.source)
        #expect(saved?.dateCode == built.dateCode)
        #expect(saved?.dates == built.dates)
        #expect(saved?.actorStart == built.actorStart)
        #expect(saved?.actorIDs == built.actorIDs)
        #expect(built.actorIDs.isEmpty == false)
    }

    @Test func aNoOpRunLeavesTheGenerationAlone() throws {
        let before = try store.pool.read(FacetColumnStore.generation)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        #expect(try store.pool.read(FacetColumnStore.generation) == before)
    }

    /// A run killed after committing documents but before saving columns: readers build them afresh.
    @Test func staleSavedColumnsAreNotTrusted() throws {
        let searcher = Searcher(store: store)
        #expect(try sourceCounts(searcher) == ["Alpha Wire": 2, "Beta Review": 1, "Gamma Notes": 1])
        try store.pool.write { db in
            try db.execute(sql: """
                UPDATE documents SET source_id = (SELECT id FROM sources WHERE name = 'Alpha Wire')
                WHERE source_id = (SELECT id FROM sources WHERE name = 'Gamma Notes')
                """)
            try FacetColumnStore.markChanged(in: db)
        }
        #expect(try sourceCounts(searcher) == ["Alpha Wire": 3, "Beta Review": 1])
        #expect(try sourceCounts(Searcher(store: store)) == ["Alpha Wire": 3, "Beta Review": 1])
    }

    @Test func damagedSavedColumnsAreRebuilt() throws {
        try store.pool.write { db in try db.execute(sql: "UPDATE facet_columns SET actor_ids = x'0100'") }
        let generation = try store.pool.read(FacetColumnStore.generation)
        #expect(try store.pool.read { db in try FacetColumnStore.loadSaved(in: db, generation: generation) } == nil)
        #expect(try sourceCounts(Searcher(store: store)) == ["Alpha Wire": 2, "Beta Review": 1, "Gamma Notes": 1])
    }

    @Test func aLongRunningSearcherSeesLaterRuns() throws {
        let searcher = Searcher(store: store)
        #expect(try searcher.search(SearchRequest(text: "shipbuilding subsidies")).total == 0)
        _ = try corpus.write(
            """
            ---
            title: Shipbuilding subsidies return
            source: Delta Post
            date: 2025-06-01
            ---
            Shipbuilding subsidies are back on the table in Seoul and Tokyo.
            """, to: "news/delta/subsidies.md")
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        let results = try searcher.search(SearchRequest(text: "shipbuilding subsidies"))
        #expect(results.total == 1)
        #expect(results.facets.source.map(\.value) == ["Delta Post"])
        try corpus.remove("news/delta/subsidies.md")
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        #expect(try searcher.search(SearchRequest(text: "shipbuilding subsidies")).total == 0)
    }

    @Test func reindexRefreshesTheColumns() throws {
        try Reindexer(store: store).run()
        let generation = try store.pool.read(FacetColumnStore.generation)
        let saved = try store.pool.read { db in try FacetColumnStore.loadSaved(in: db, generation: generation) }
        #expect(saved != nil)
        #expect(try sourceCounts(Searcher(store: store)) == ["Alpha Wire": 2, "Beta Review": 1, "Gamma Notes": 1])
    }
}
