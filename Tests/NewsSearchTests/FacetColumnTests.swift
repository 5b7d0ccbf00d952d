import Foundation
import GRDB
import NewsSearchTestSupport
import Synchronization
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

    var columnsPath: String { corpus.indexPath + ".columns" }

    func stamp() throws -> ColumnFile.Stamp { try store.pool.read(FacetColumnStore.stamp) }

    func built() throws -> FacetColumns { try store.pool.read { db in try FacetColumns.build(in: db, stamp: FacetColumnStore.stamp(in: db)) } }

    /// Overwrites `count` bytes of the columns file at `offset`.
    func damage(at offset: Int, with bytes: [UInt8]) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: columnsPath))
        try handle.seek(toOffset: UInt64(offset))
        try handle.write(contentsOf: Data(bytes))
        try handle.close()
    }

    @Test func anIndexRunWritesTheFileForTheIndexAsCommitted() throws {
        let stamp = try stamp()
        #expect(stamp.generation > 1)
        #expect(stamp.indexID != 0)
        let saved = try #require(FacetColumnStore.mapped(columnsPath, stamp: stamp))
        let built = try built()
        #expect(Array(saved.storage.bytes) == Array(built.storage.bytes))
        #expect(saved.actorIDs.isEmpty == false)
        #expect(saved.documentCount == 7)
        #expect(Array(saved.dates) == ["2023-02-01", "2024-11", "2025-04-10", "2025-04-22", "2025-05-05", "2025-06-30"])
        #expect(Array(saved.firstDays) == ["2023-02-01", "2024-11-01", "2025-04-10", "2025-04-22", "2025-05-05", "2025-06-30"])
    }

    @Test func aNoOpRunLeavesTheGenerationAndTheFileAlone() throws {
        let before = try stamp()
        let modified = try FileManager.default.attributesOfItem(atPath: columnsPath)[.modificationDate] as? Date
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        #expect(try stamp() == before)
        #expect(try FileManager.default.attributesOfItem(atPath: columnsPath)[.modificationDate] as? Date == modified)
    }

    /// A run killed after committing documents but before writing the file: readers build the columns
    /// from the tables, and the next run writes the file again.
    @Test func aFileOlderThanTheIndexIsNotTrusted() throws {
        let searcher = Searcher(store: store)
        #expect(try sourceCounts(searcher) == ["Alpha Wire": 2, "Beta Review": 1, "Gamma Notes": 1])
        try store.pool.write { db in
            try db.execute(sql: """
                UPDATE documents SET source_id = (SELECT id FROM sources WHERE name = 'Alpha Wire')
                WHERE source_id = (SELECT id FROM sources WHERE name = 'Gamma Notes')
                """)
            try FacetColumnStore.markChanged(in: db)
        }
        #expect(FacetColumnStore.mapped(columnsPath, stamp: try stamp()) == nil)
        #expect(try sourceCounts(searcher) == ["Alpha Wire": 3, "Beta Review": 1])
        #expect(try sourceCounts(Searcher(store: store)) == ["Alpha Wire": 3, "Beta Review": 1])
        #expect(try IndexCatalog(store: store).verify().isEmpty, "sound, only slower: CrashSafetyTests relies on it")
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        #expect(FacetColumnStore.mapped(columnsPath, stamp: try stamp()) != nil)
        #expect(try IndexCatalog(store: store).verify().isEmpty)
    }

    /// Generations start over in a new index file, so the file also names the index it describes.
    @Test func aFileOfAnotherIndexIsNotTrusted() throws {
        let stamp = try stamp()
        try store.pool.write { db in
            try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'index_id'", arguments: [stamp.indexID &+ 1])
        }
        #expect(FacetColumnStore.mapped(columnsPath, stamp: try self.stamp()) == nil)
        #expect(try sourceCounts(Searcher(store: store)) == ["Alpha Wire": 2, "Beta Review": 1, "Gamma Notes": 1])
    }

    @Test func aMissingFileIsBuiltInMemoryAndWrittenByTheNextRun() throws {
        try FileManager.default.removeItem(atPath: columnsPath)
        #expect(try sourceCounts(Searcher(store: store)) == ["Alpha Wire": 2, "Beta Review": 1, "Gamma Notes": 1])
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        #expect(FacetColumnStore.mapped(columnsPath, stamp: try stamp()) != nil)
    }

    @Test func aTruncatedFileIsNotTrusted() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: columnsPath))
        try bytes.prefix(bytes.count - 8).write(to: URL(fileURLWithPath: columnsPath))
        #expect(FacetColumnStore.mapped(columnsPath, stamp: try stamp()) == nil)
        #expect(try sourceCounts(Searcher(store: store)) == ["Alpha Wire": 2, "Beta Review": 1, "Gamma Notes": 1])
    }

    /// Damage inside the arrays is not looked for on the query path (that would read the whole file):
    /// queries must stay within bounds, `stats --verify` finds it, and an index run writes the file again.
    @Test func damagedArraysAreReadSafelyAndReportedByVerify() throws {
        let saved = try #require(FacetColumnStore.mapped(columnsPath, stamp: try stamp()))
        let sections = try #require(ColumnFile.parse(saved.storage.bytes)).sections
        for section in [ColumnFile.Section.actorIDs, .actorStart, .dateCode, .source] {
            let range = try #require(sections[section])
            try damage(at: range.lowerBound, with: [UInt8](repeating: 0x7F, count: min(range.count, 8)))
        }
        for text in ["defense industrial", "japan OR nato OR tokyo OR rutte", "-zzzz"] {
            for sort in SearchRequest.Sort.allCases {
                var request = SearchRequest(text: text)
                request.sort = sort
                _ = try Searcher(store: store).search(request)
            }
        }
        #expect(try IndexCatalog(store: store).verify() == ["columns file \(columnsPath): damaged; run search index to write it again"])
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        #expect(try IndexCatalog(store: store).verify().isEmpty, "an index run writes a damaged file again")
    }

    @Test func verifyComparesTheFileWithTheTables() throws {
        #expect(try IndexCatalog(store: store).verify().isEmpty)
        // A file that holds its checksum but not what the tables say: written wrong, not damaged since.
        let built = try built()
        var header = built.header
        header.sourceLimit += 1
        let ranges = try #require(ColumnFile.parse(built.storage.bytes)).sections
        let wrong = ColumnFile.encode(header, sections: ColumnFile.Section.allCases
            .compactMap { section in ranges[section].map { (section: section, range: $0) } }
            .sorted { $0.range.lowerBound < $1.range.lowerBound }
            .map { ($0.section, Array(built.storage.bytes[$0.range])) })
        try ColumnBytes.write(wrong, to: columnsPath)
        #expect(try IndexCatalog(store: store).verify() == [
            "columns file \(columnsPath): differs from the tables; run search reindex to write it again",
        ])
        try Reindexer(store: store).run()
        #expect(try IndexCatalog(store: store).verify().isEmpty)
    }

    @Test func reindexWritesTheFile() throws {
        try Reindexer(store: store).run()
        #expect(FacetColumnStore.mapped(columnsPath, stamp: try stamp()) != nil)
        #expect(try sourceCounts(Searcher(store: store)) == ["Alpha Wire": 2, "Beta Review": 1, "Gamma Notes": 1])
    }

    /// Builds before the columns file kept a copy in the `facet_columns` table; a run empties it.
    @Test func aRunEmptiesTheOldTableCopy() throws {
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM facet_columns") } == 0)
    }

    @Test func aRebuildMovesItsFileWithIt() throws {
        let before = try stamp()
        try store.pool.close()
        _ = try IndexRebuild(path: corpus.indexPath).run { store in
            try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        }
        #expect(!FileManager.default.fileExists(atPath: corpus.indexPath + ".rebuild.columns"))
        let rebuilt = try IndexStore(path: corpus.indexPath, access: .readOnly)
        let after = try rebuilt.pool.read(FacetColumnStore.stamp)
        #expect(after.indexID != before.indexID)
        #expect(FacetColumnStore.mapped(columnsPath, stamp: after) != nil)
    }

    /// The columns hold every link, locations in their own section (the actors facet does not count
    /// them): an actor's articles looked up there are the ones reading every row of the links table finds.
    @Test func eachActorsArticlesInTheColumnsAreTheLinkTablesOnes() throws {
        try store.pool.read { db in
            let columns = try FacetColumns.build(in: db, stamp: FacetColumnStore.stamp(in: db))
            var scanned: [Int64: [Int64]] = [:]
            try ActorLinks.forEachDocument(in: db) { id, bytes in ActorLinks.unpack(bytes) { scanned[$0.actor, default: []].append(id) } }
            let types = try Row.fetchAll(db, sql: "SELECT id, type FROM actors").map { ($0[0] as Int64, $0[1] as String) }
            #expect(types.contains { $0.1 == "location" })
            for (actor, type) in types {
                let links = type == "location" ? columns.links(to: [], locations: [actor]) : columns.links(to: [actor], locations: [])
                #expect(links.map(\.document) == scanned[actor] ?? [], "\(actor) \(type)")
                #expect(links.allSatisfy { $0.actor == actor })
            }
        }
    }

    /// A location filter keeps exactly the matches whose links name the location.
    @Test func aLocationFilterKeepsTheArticlesNamingIt() throws {
        let searcher = Searcher(store: store)
        var all = SearchRequest(text: "defense OR japan OR tokyo OR nato")
        all.limit = 100
        var filtered = all
        filtered.filters.actors = ["Tokyo"]
        let naming = try store.pool.read { db -> Set<String> in
            let tokyo = try #require(try Int64.fetchOne(db, sql: "SELECT id FROM actors WHERE name = 'Tokyo' AND type = 'location'"))
            var found: [Int64] = []
            try ActorLinks.forEachDocument(in: db) { id, bytes in ActorLinks.unpack(bytes) { if $0.actor == tokyo { found.append(id) } } }
            return Set(try String.fetchAll(
                db, sql: "SELECT external_id FROM documents WHERE id IN (SELECT value FROM json_each(?))", arguments: [IDList.json(found)]))
        }
        let kept = try searcher.search(filtered).hits.map(\.id)
        let expected = try searcher.search(all).hits.filter { naming.contains($0.id) }.map(\.id)
        #expect(!kept.isEmpty)
        #expect(Set(kept) == Set(expected))
    }

    /// The actors facet counts every match's actors, the last match of each pass's id range too (the
    /// pass reads a match's actors one match late, after asking for them).
    @Test(arguments: ["defense industrial", "rutte", "japan OR nato OR tokyo", "budget"])
    func theActorsFacetCountsEveryMatchsActors(_ text: String) throws {
        for parts in [1, 3] {
            let searcher = Searcher(store: store, parallelism: (parts, 0))
            var request = SearchRequest(text: text)
            request.limit = 1_000
            request.fold = false
            request.facetLimit = 1_000
            request.match = .all
            let results = try searcher.search(request)
            #expect(results.total > 0 && results.hits.count == results.total, "\(text)")
            let expected = try store.pool.read { db -> [String: Int] in
                let names = Dictionary(uniqueKeysWithValues: try Row.fetchAll(
                    db, sql: "SELECT id, name || '/' || type FROM actors WHERE type != 'location'").map { ($0[0] as Int64, $0[1] as String) })
                let ids = try Int64.fetchAll(
                    db, sql: "SELECT id FROM documents WHERE external_id IN (SELECT value FROM json_each(?))",
                    arguments: [String(decoding: try JSONEncoder().encode(results.hits.map(\.id)), as: UTF8.self)])
                var counts: [String: Int] = [:]
                for (_, links) in try ActorLinks.packed(of: ids, in: db) {
                    links.withUnsafeBytes { bytes in
                        ActorLinks.unpack(bytes) { link in if let name = names[link.actor] { counts[name, default: 0] += 1 } }
                    }
                }
                return counts
            }
            let counted = Dictionary(
                uniqueKeysWithValues: results.facets.actor.map { ("\($0.value)/\($0.type?.rawValue ?? "")", $0.count) })
            #expect(!counted.isEmpty)
            #expect(counted == expected, "\(text), \(parts) parts")
        }
    }

    @Test func aStrangeFileIsNotAColumnsFile() throws {
        #expect(ColumnFile.parse(UnsafeRawBufferPointer(start: nil, count: 0))?.header == nil)
        let noise = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        noise.withUnsafeBytes { #expect(ColumnFile.parse($0)?.header == nil) }
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

/// Requests at once on one store, each splitting its pass: a request held its reader while its other
/// ranges waited for more, and with every reader held so, all waited forever (`search serve` hung).
@Suite struct ConcurrentSplitPassTests {
    @Test func manyRequestsAtOnceAllAnswer() throws {
        let corpus = try CorpusFixture()
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        let searcher = Searcher(store: store, parallelism: (8, 0))
        let expected = try Searcher(store: store, parallelism: (1, 0)).search(SearchRequest(text: "japan OR nato")).total
        let answered = Mutex([Int]())
        // Threads of their own, as a server's request threads are (a dispatch pool would run two at a time here).
        let done = DispatchGroup()
        for _ in 0..<16 {
            done.enter()
            Thread {
                for _ in 0..<5 {
                    let total = (try? searcher.search(SearchRequest(text: "japan OR nato")).total) ?? -1
                    answered.withLock { $0.append(total) }
                }
                done.leave()
            }.start()
        }
        // Bounded: the old code never returned; the test then fails instead of hanging the run.
        #expect(done.wait(timeout: .now() + 60) == .success, "requests still waiting for readers")
        #expect(answered.withLock { $0 } == Array(repeating: expected, count: 80))
    }
}
