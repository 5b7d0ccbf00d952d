import Foundation
import GRDB
import NewsSearchTestSupport
import Testing

@testable import NewsSearch

/// An index made before `document_files` (schema 3) is upgraded in place: every document is held by
/// the file it was read from, so incremental runs keep removing exactly what vanished.
@Suite struct SchemaV4MigrationTests {
    @Test func aSchemaThreeIndexGetsItsHoldersAndKeepsWorking() throws {
        let corpus = try CorpusFixture()
        let old = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: old).run(IndexJob(paths: [corpus.root.path], jobs: 2))
        try old.pool.write { db in
            try SchemaV7MigrationTests.unpackLinks(in: db)
            try db.execute(
                sql: """
                    DROP TABLE document_files;
                    ALTER TABLE documents DROP COLUMN removed;
                    ALTER TABLE documents DROP COLUMN removed_omitted;
                    DROP TABLE document_signatures;
                    DROP TABLE document_copies;
                    DELETE FROM grdb_migrations WHERE identifier IN ('v4', 'v5', 'v6');
                    UPDATE meta SET value = '3' WHERE key = 'schema_version';
                    """)
        }
        try old.pool.close()

        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        // v4 gave every document a row naming its file; v9 drops them again, as `documents.file_id` names it.
        let held = try store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document_files") ?? -1
        }
        #expect(held == 0)
        try corpus.remove("news/wire/alpha.jsonl")
        let summary = try Indexer(store: store).run(IndexJob(paths: [corpus.root.path], jobs: 2))
        #expect(summary.removed == 4)
        #expect(summary.unchanged == 3)
        #expect(try IndexCatalog(store: store).statistics().schemaVersion == Schema.version)
    }
}
