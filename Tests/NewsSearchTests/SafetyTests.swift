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

    @Test func aReadOnlyIndexSaysSo() throws {
        do {
            let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
            _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
            try store.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        }
        let folder = (corpus.indexPath as NSString).deletingLastPathComponent
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: corpus.indexPath)
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
            try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: corpus.indexPath)
        }
        // Root ignores permissions; the check only means something for an ordinary user.
        guard getuid() != 0 else { return }
        #expect(throws: IndexError.self) {
            let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
            _ = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path]))
        }
    }
}
