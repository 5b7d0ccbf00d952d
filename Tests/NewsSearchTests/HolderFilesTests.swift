import Foundation
import GRDB
import NewsSearchTestSupport
import Testing

@testable import NewsSearch

/// Schema 9: `document_files` names only the files that hold an article besides the one its text was
/// read from; what holds what, and what leaves when a file goes, stays as before.
@Suite struct HolderFilesTests {
    static func record(_ id: String, _ title: String) -> String {
        #"{"id": "\#(id)", "title": "\#(title)", "body": "The harbour text of \#(title)."}"#
    }

    static func rows(_ store: IndexStore) throws -> [String] {
        try store.pool.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT d.external_id || ' ' || f.path FROM document_files h
                    JOIN documents d ON d.id = h.document_id JOIN files f ON f.id = h.file_id ORDER BY 1
                    """)
        }
    }

    @Test func onlyASecondFileGetsARowAndTakesOverWhenTheFirstGoes() throws {
        let folder = try TemporaryDirectory("holders")
        let a = try folder.write([Self.record("dup", "First"), Self.record("one", "One")].joined(separator: "\n"), to: "d/a.jsonl").path
        let b = try folder.write([Self.record("dup", "Second"), Self.record("two", "Two")].joined(separator: "\n"), to: "d/b.jsonl").path
        let store = try IndexStore(path: folder.url.appendingPathComponent("index.sqlite").path, access: .readWrite)
        let job = IndexJob(paths: [folder.url.appendingPathComponent("d").path])
        let first = try Indexer(store: store).run(job)
        #expect(first.added == 3)
        #expect(try Self.rows(store) == ["dup \(b)"])
        #expect(try IndexCatalog(store: store).verify().isEmpty)
        // A fresh index's first columns file covers the whole change log.
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM column_changes") } == 0)

        try FileManager.default.removeItem(atPath: a)
        let second = try Indexer(store: store).run(job)
        #expect(second.removed == 1)
        #expect(try IndexCatalog(store: store).article(id: "dup").title == "Second")
        #expect(try Self.rows(store).isEmpty)

        _ = try folder.write(Self.record("two", "Two"), to: "d/b.jsonl")
        let third = try Indexer(store: store).run(job)
        #expect(third.removed == 1)
        #expect(try IndexCatalog(store: store).statistics().documents == 1)
    }

    /// An index written by schema 8 (a row for every article's own file) loses those rows and no other.
    @Test func aSchemaEightIndexDropsTheRowsNamingAnArticlesOwnFile() throws {
        let folder = try TemporaryDirectory("holders-v8")
        _ = try folder.write([Self.record("dup", "First"), Self.record("one", "One")].joined(separator: "\n"), to: "d/a.jsonl").path
        let b = try folder.write([Self.record("dup", "Second"), Self.record("two", "Two")].joined(separator: "\n"), to: "d/b.jsonl").path
        let path = folder.url.appendingPathComponent("index.sqlite").path
        let old = try IndexStore(path: path, access: .readWrite)
        _ = try Indexer(store: old).run(IndexJob(paths: [folder.url.appendingPathComponent("d").path]))
        try old.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO document_files(document_id, file_id) SELECT id, file_id FROM documents;
                    DELETE FROM grdb_migrations WHERE identifier = 'v9';
                    UPDATE meta SET value = '8' WHERE key = 'schema_version';
                    """)
        }
        #expect(try Self.rows(old).count == 4)
        try old.pool.close()

        let store = try IndexStore(path: path, access: .readWrite)
        #expect(try IndexCatalog(store: store).statistics().schemaVersion == Schema.version)
        #expect(try Self.rows(store) == ["dup \(b)"])
        #expect(try IndexCatalog(store: store).verify().isEmpty)
    }

    @Test func verifyNamesRowsOfMissingArticles() throws {
        let folder = try TemporaryDirectory("holders-verify")
        _ = try folder.write(Self.record("one", "One"), to: "d/a.jsonl")
        let store = try IndexStore(path: folder.url.appendingPathComponent("index.sqlite").path, access: .readWrite)
        _ = try Indexer(store: store).run(IndexJob(paths: [folder.url.appendingPathComponent("d").path]))
        try store.pool.write { db in
            try db.execute(sql: "INSERT INTO document_files(document_id, file_id) SELECT 999, MIN(id) FROM files")
        }
        #expect(
            try IndexCatalog(store: store).verify()
                == ["which files hold which articles: 1 of its records name a missing article or file; run search index --rebuild"])
    }
}
