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

    /// Layout 3 keeps the dates as lines; a copy saved as layout 2 (JSON) by an older build still reads.
    @Test func datesReadFromBothLayouts() throws {
        let generation = try store.pool.read(FacetColumnStore.generation)
        let built = try store.pool.read { db in try FacetColumns.build(in: db, generation: generation) }
        let saved = try store.pool.read { db in
            (try String.fetchOne(db, sql: "SELECT dates FROM facet_columns"), try Int.fetchOne(db, sql: "SELECT layout FROM facet_columns"))
        }
        #expect(saved.1 == 3)
        #expect(saved.0 == zip(built.dates, built.firstDays).map { $0 + "\n" + $1 }.joined(separator: "\n"))
        let json = String(decoding: try JSONEncoder().encode(zip(built.dates, built.firstDays).map { [$0, $1] }), as: UTF8.self)
        try store.pool.write { db in try db.execute(sql: "UPDATE facet_columns SET layout = 2, dates = ?", arguments: [json]) }
        let old = try store.pool.read { db in try FacetColumnStore.loadSaved(in: db, generation: generation) }
        #expect(old?.dates == built.dates)
        #expect(old?.firstDays == built.firstDays)
        try store.pool.write { db in try db.execute(sql: "UPDATE facet_columns SET layout = 3, dates = 'odd'") }
        #expect(try store.pool.read { db in try FacetColumnStore.loadSaved(in: db, generation: generation) } == nil)
    }

    @Test func verifyComparesTheSavedCopyWithTheTables() throws {
        #expect(try IndexCatalog(store: store).verify().isEmpty)
        try store.pool.write { db in try db.execute(sql: "UPDATE facet_columns SET dates = 'odd'") }
        #expect(try IndexCatalog(store: store).verify() == ["saved facet columns: damaged; run search index to save them again"])
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        #expect(try IndexCatalog(store: store).verify().isEmpty, "an index run saves a damaged copy again")
        try store.pool.write { db in try db.execute(sql: "UPDATE facet_columns SET sources = zeroblob(length(sources))") }
        #expect(try IndexCatalog(store: store).verify() == ["saved facet columns: differ from the tables; run search reindex to save them again"])
        try Reindexer(store: store).run()
        #expect(try IndexCatalog(store: store).verify().isEmpty)
    }

    @Test func reindexRefreshesTheColumns() throws {
        try Reindexer(store: store).run()
        let generation = try store.pool.read(FacetColumnStore.generation)
        let saved = try store.pool.read { db in try FacetColumnStore.loadSaved(in: db, generation: generation) }
        #expect(saved != nil)
        #expect(try sourceCounts(Searcher(store: store)) == ["Alpha Wire": 2, "Beta Review": 1, "Gamma Notes": 1])
    }
}

/// Splitting the pass over id ranges on several connections must not change a single count or hit.
@Suite struct ParallelPassTests {
    @Test(arguments: [
        "defense industrial", "rutte", "japan OR nato", "\"defense industrial\" -ishiba", "defence",
        "defense industrial source:\"Alpha Wire\"", "tokyo actor:Rutte", "japan date:2025-04",
    ])
    func aSplitPassAnswersLikeOne(_ text: String) throws {
        let corpus = try CorpusFixture()
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        let single = Searcher(store: store, parallelism: (1, 0))
        for parts in [2, 3, 7] {
            let split = Searcher(store: store, parallelism: (parts, 0))
            for sort in SearchRequest.Sort.allCases {
                var request = SearchRequest(text: text)
                request.sort = sort
                request.limit = 3
                let a = try single.search(request), b = try split.search(request)
                #expect(a.total == b.total)
                #expect(a.counted == b.counted)
                #expect(a.facets == b.facets)
                #expect(a.hits.map(\.id) == b.hits.map(\.id))
                #expect(a.hits.map(\.score) == b.hits.map(\.score))
            }
        }
    }

    /// In date order only documents that can still enter the page are ranked: a short page must be the
    /// start of a long one, with the same scores.
    @Test(arguments: [SearchRequest.Sort.newest, .oldest, .relevance])
    func aShortPageIsTheStartOfALongOne(_ sort: SearchRequest.Sort) throws {
        let corpus = try CorpusFixture()
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        let searcher = Searcher(store: store, parallelism: (1, 0))
        for text in ["japan OR nato OR defense OR tokyo", "defense industrial", "japan OR rutte source:\"Alpha Wire\""] {
            var long = SearchRequest(text: text)
            long.sort = sort
            long.limit = 100
            let all = try searcher.search(long).hits
            #expect(all.count >= 2, "\(text)")
            for limit in 1...2 {
                var short = long
                short.limit = limit
                let page = try searcher.search(short).hits
                #expect(page.map(\.id) == all.prefix(limit).map(\.id))
                #expect(page.map(\.score) == all.prefix(limit).map(\.score))
            }
        }
    }
}
