import Foundation
import GRDB
import NewsSearchTestSupport
import Testing

@testable import NewsSearch

/// What must never happen to a committed index: a second writer, a full disk, a read-only file.
@Suite struct SafetyTests {
    let corpus: CorpusFixture

    init() throws {
        corpus = try CorpusFixture()
    }

    @Test func aSecondIndexerIsToldTheIndexIsBusy() throws {
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        do {
            let held = try WriterLock(indexPath: corpus.indexPath)
            #expect(throws: IndexError.locked(path: corpus.indexPath)) {
                _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
            }
            withExtendedLifetime(held) {}
        }
        let summary = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        #expect(summary.added == 7)
        #expect(IndexError.locked(path: "x").description.contains("being updated by another process"))
    }

    @Test func aFullDiskLosesNothingCommitted() throws {
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.appendingPathComponent("beta").path]))
        let pages = try store.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
        // SQLite's own way to make the disk "full" for this connection: no page beyond the current ones.
        try store.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = \(pages)") }
        let big = (0..<400).map { #"{"id": "big\#($0)", "title": "Bulk \#($0)", "body": "\#(String(repeating: "lorem ipsum dolor \($0) ", count: 200))"}"# }
        try corpus.write(big.joined(separator: "\n"), to: "news/bulk.jsonl")
        #expect(throws: IndexError.diskFull(path: corpus.indexPath)) {
            _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        }
        let reopened = try IndexStore(path: corpus.indexPath, access: .readOnly)
        let results = try Searcher(store: reopened).search(SearchRequest(text: "budget"))
        #expect(results.total == 1)
        let check = try reopened.pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(check == "ok")
    }

    @Test func aReadOnlyIndexSaysSoAndKeepsItsContent() throws {
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.appendingPathComponent("beta").path]))
        // What SQLite reports for a file it may not write (tests run as root, so permissions would not bite).
        try store.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA query_only = 1") }
        #expect(throws: IndexError.readOnly(path: corpus.indexPath)) {
            _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        }
        #expect(try IndexCatalog(store: store).statistics().documents == 2)
    }
}
