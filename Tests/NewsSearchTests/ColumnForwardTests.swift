import Dispatch
import Foundation
import GRDB
import NewsSearchTestSupport
import Synchronization
import Testing

@testable import NewsSearch

/// A long-running reader (`search serve`) brings its facet columns forward from the change log while an
/// indexer commits, instead of building them from every row of the tables after each commit; the
/// result must be what building them would give, and no answer may mix two states of the index.
@Suite struct ColumnForwardTests {
    static func article(_ index: Int, word: String = "harbor", day: Int? = nil, source: String? = nil) -> String {
        let date = String(format: "2024-%02d-%02d", 1 + index % 12, day ?? 1 + index % 28)
        let actor = ["Prime Minister Mark Rutte said", "Secretary General Jens Stoltenberg said", "Japan said"][index % 3]
        // Every fourth names a city, for the columns' location lists.
        let place = index % 4 == 0 ? " in Tokyo" : ""
        return #"{"id": "a\#(index)", "title": "\#(word) report \#(index)", "body": "\#(actor)\#(place) the \#(word) plan was ready.", "date": "\#(date)", "source": "\#(source ?? ["North Desk", "South Desk"][index % 2])"}"#
    }

    /// One wire story run by several outlets: a copy cluster, whose members' external ids the columns hold.
    static func copy(_ id: String, source: String) -> String {
        let story = "The harbor authority approved a new container terminal on Tuesday after two years of hearings, "
            + "saying the project would double the port's capacity and create several hundred jobs by the end of the decade. "
            + "Environmental groups said they would appeal, arguing that dredging the channel would harm the seagrass beds."
        return #"{"id": "\#(id)", "title": "Terminal approved", "body": "\#(story)", "date": "2024-05-02", "source": "\#(source)"}"#
    }

    /// `records` as `news/a.jsonl`, indexed, and a searcher that has answered once (so it holds the columns).
    static func indexed(_ records: [String], in folder: TemporaryDirectory) throws -> (IndexStore, IndexJob, Searcher) {
        _ = try folder.write(records.joined(separator: "\n"), to: "news/a.jsonl")
        let store = try IndexStore(path: folder.url.appendingPathComponent("index.sqlite").path, access: .readWrite)
        let job = IndexJob(paths: [folder.url.appendingPathComponent("news").path])
        _ = try Indexer(store: store).run(job)
        let searcher = Searcher(store: store)
        _ = try searcher.search(SearchRequest(text: "harbor"))
        return (store, job, searcher)
    }

    /// Adds, changes and removes articles after the columns were made; the columns brought forward
    /// equal the ones built from the tables byte for byte, and a searcher holding the old ones answers
    /// as a new one does.
    @Test func columnsBroughtForwardEqualBuiltOnes() throws {
        let folder = try TemporaryDirectory("forward")
        let first = (0..<40).map { Self.article($0) } + [Self.copy("c1", source: "North Desk"), Self.copy("c2", source: "South Desk")]
        let (store, job, searcher) = try Self.indexed(first, in: folder)
        let old = try store.pool.read { db in try searcher.facetColumns.columns(in: db) }

        // a3 changes its date and source, a7 its words; a5 and a6 leave; a new file brings new dates,
        // a new source and new ids.
        var changed = first
        changed[3] = Self.article(3, day: 30, source: "West Desk")
        changed[7] = Self.article(7, word: "canal")
        changed.removeSubrange(5...6)
        _ = try folder.write(changed.joined(separator: "\n"), to: "news/a.jsonl")
        _ = try folder.write(
            ((40..<55).map { Self.article($0, day: 29, source: "East Desk") } + [Self.copy("c3", source: "East Desk")])
                .joined(separator: "\n"), to: "news/b.jsonl")
        _ = try Indexer(store: store).run(job)

        try store.pool.read { db in
            let stamp = try FacetColumnStore.stamp(in: db)
            #expect(stamp.generation > old.generation)
            let forwarded = try #require(try old.forward(to: stamp, in: db))
            let built = try FacetColumns.build(in: db, stamp: stamp)
            #expect(built.locationIDs.count > 0)
            // The cluster gained a member after the columns were made.
            #expect(old.copies?.namedMembers(of: 41)?.map(\.externalID) == ["c1", "c2"])
            let members = try #require(forwarded.copies?.namedMembers(of: 41))
            #expect(Set(members.map(\.externalID)) == ["c1", "c2", "c3"])
            #expect(forwarded.header == built.header)
            #expect(Array(forwarded.storage.bytes) == Array(built.storage.bytes))
        }
        // Without the file the searcher must use the log: same answers as a new searcher's.
        try FileManager.default.removeItem(atPath: store.path + ".columns")
        for text in ["harbor", "canal", "rutte", "harbor source:\"East Desk\"", "plan date:2024-03"] {
            let a = try searcher.search(SearchRequest(text: text))
            let b = try Searcher(store: store).search(SearchRequest(text: text))
            #expect(a.total == b.total && a.facets == b.facets && a.hits.map(\.id) == b.hits.map(\.id), "\(text)")
        }
    }

    /// The index's first columns file forgets the whole change log: a reader still holding columns from
    /// before that file brings them forward from the file, not from the tables.
    @Test func columnsOlderThanTheFirstFileAreBroughtForwardFromIt() throws {
        let folder = try TemporaryDirectory("forward-first")
        let (store, job, searcher) = try Self.indexed((0..<10).map { Self.article($0) }, in: folder)
        // Without its file the next run writes the index's first file again, and forgets the whole log.
        try FileManager.default.removeItem(atPath: store.path + ".columns")
        _ = try folder.write((0..<12).map { Self.article($0) }.joined(separator: "\n"), to: "news/a.jsonl")
        _ = try Indexer(store: store).run(job)
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM column_changes") } == 0)
        // An indexer's next commit.
        try store.pool.write { db in
            let id = try #require(try Int64.fetchOne(db, sql: "SELECT id FROM documents WHERE external_id = 'a1'"))
            try db.execute(sql: "UPDATE documents SET source_id = (SELECT MIN(id) FROM sources) WHERE id = ?", arguments: [id])
            try ColumnChanges.record([id], in: db)
        }
        try store.pool.read { db in
            let stamp = try FacetColumnStore.stamp(in: db)
            let (columns, origin) = try searcher.facetColumns.columnsAndOrigin(in: db, stamp: stamp)
            #expect(origin == .forward)
            let built = try FacetColumns.build(in: db, stamp: stamp)
            #expect(Array(columns.storage.bytes) == Array(built.storage.bytes))
        }
    }

    /// A change written without the log (an older build) leaves a generation with no record: the
    /// columns are then built from the tables.
    @Test func aGenerationWithoutRecordIsNotBroughtForward() throws {
        let folder = try TemporaryDirectory("forward-gap")
        _ = try folder.write((0..<10).map { Self.article($0) }.joined(separator: "\n"), to: "news/a.jsonl")
        let store = try IndexStore(path: folder.url.appendingPathComponent("index.sqlite").path, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [folder.url.appendingPathComponent("news").path]))
        let old = try store.pool.read { db in try FacetColumns.build(in: db, stamp: FacetColumnStore.stamp(in: db)) }
        try store.pool.write { db in
            try db.execute(sql: "UPDATE documents SET source_id = (SELECT MIN(id) FROM sources)")
            try FacetColumnStore.markChanged(in: db)
        }
        let forwarded = try store.pool.read { db in try old.forward(to: FacetColumnStore.stamp(in: db), in: db) }
        #expect(forwarded == nil)
    }

    /// Queries answered while an indexer commits batch after batch: every answer describes one
    /// committed state (its total is a batch boundary, its facets add up to it) and totals never go back.
    @Test func answersWhileIndexingDescribeOneCommittedState() throws {
        let folder = try TemporaryDirectory("forward-serve")
        let files = 2 * Indexer.batchFiles + 40
        for index in 0..<files {
            _ = try folder.write(Self.article(index), to: "news/\(index).jsonl")
        }
        let indexPath = folder.url.appendingPathComponent("index.sqlite").path
        _ = try folder.write(Self.article(files), to: "seed/seed.jsonl")
        let writer = try IndexStore(path: indexPath, access: .readWrite)
        _ = try Indexer(store: writer).run(IndexJob(paths: [folder.url.appendingPathComponent("seed").path]))
        let reader = try IndexStore(path: indexPath, access: .readWrite)
        let searcher = Searcher(store: reader, cachedResults: 8)
        let outcome = Mutex<Result<Void, any Error>?>(nil)
        let news = folder.url.appendingPathComponent("news").path
        DispatchQueue.global().async {
            let result = Result { _ = try Indexer(store: writer).run(IndexJob(paths: [news])) }
            outcome.withLock { $0 = result }
        }
        // The seed, then each batch of files committed in turn.
        let boundaries: Set<Int> = [1, 1 + Indexer.batchFiles, 1 + 2 * Indexer.batchFiles, 1 + files]
        var last = 0
        var seen = Set<Int>()
        while outcome.withLock({ $0 }) == nil || last < 1 + files {
            let results = try searcher.search(SearchRequest(text: "harbor"))
            #expect(boundaries.contains(results.total), "\(results.total)")
            #expect(results.total >= last)
            #expect(results.facets.source.reduce(0) { $0 + $1.count } == results.total)
            #expect(results.facets.date.reduce(0) { $0 + $1.count } == results.total)
            last = results.total
            seen.insert(results.total)
            if outcome.withLock({ $0 }) != nil, last < 1 + files { break }
        }
        try outcome.withLock { $0 }?.get()
        #expect(try searcher.search(SearchRequest(text: "harbor")).total == 1 + files)
        #expect(seen.count >= 2)
    }
}
