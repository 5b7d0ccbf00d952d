import Foundation
import GRDB
import NewsSearchTestSupport
import Testing

@testable import NewsSearch

/// Before issue 14 was fixed, a dump killed mid-stream was recorded with its real size and time and an
/// empty hash, and every later run took it as done. Such an index is repaired by its next run.
@Suite struct IncompleteDumpRepairTests {
    @Test func aDumpRecordedWithoutItsHashIsReadAgain() throws {
        let corpus = try CorpusFixture()
        let lines = (1...400).map { #"{"title": "Report \#($0)", "body": "Cargo volume figures \#($0)."}"# }
        try corpus.write(lines.joined(separator: "\n") + "\n", to: "dump/big.jsonl")
        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        let folder = corpus.folder.appendingPathComponent("dump").path
        _ = try Indexer(store: store).run(IndexJob(paths: [folder], jobs: 2, dumpChunkBytes: 4_000))
        // What the old code left after a kill: the rest of the dump never committed, the file looking done.
        let writer = DocumentWriter()
        try store.pool.write { db in
            try db.execute(sql: "UPDATE files SET hash = ''")
            for id in try Int64.fetchAll(db, sql: "SELECT id FROM documents ORDER BY id LIMIT -1 OFFSET 150") {
                try writer.delete(documentID: id, in: db)
            }
        }
        let summary = try Indexer(store: store).run(IndexJob(paths: [folder], jobs: 2, dumpChunkBytes: 4_000))
        #expect(summary.added == 250)
        #expect(summary.unchanged == 150)
        #expect(try IndexCatalog(store: store).statistics().documents == 400)
    }
}
