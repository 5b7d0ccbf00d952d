import Foundation
import GRDB
import NewsSearchTestSupport
import Testing

/// An index written by the previous schema keeps working: a query upgrades it in place (the
/// migrations only add), says so on standard error, and answers as a fresh index would.
@Suite struct SchemaUpgradeTests {
    @Test func aQueryUpgradesASchemaOneIndex() throws {
        let binary = try SearchBinary()
        let corpus = try CorpusFixture()
        let indexed = try binary.run(["index", "--quiet", "--index", corpus.indexPath, corpus.root.path])
        #expect(indexed.status == 0, "\(indexed.stderr)")
        let fresh = try binary.run(["defense industrial", "--json", "--index", corpus.indexPath])

        // What schema 1 looked like: no facet columns or their index, no generation counter, no
        // removed lines, a row per actor link.
        let queue = try DatabaseQueue(path: corpus.indexPath)
        try queue.write { db in
            try Self.unpackActorLinks(in: db)
            try db.execute(
                sql: """
                    DROP TABLE facet_columns;
                    DROP TABLE document_files;
                    DROP TABLE document_signatures;
                    DROP TABLE document_copies;
                    DROP TABLE metadata_keys;
                    UPDATE documents SET metadata = '{}' WHERE metadata = X'';
                    UPDATE documents SET path = (SELECT path FROM files WHERE files.id = documents.file_id) WHERE path IS NULL;
                    DROP INDEX documents_facets;
                    ALTER TABLE documents DROP COLUMN removed;
                    ALTER TABLE documents DROP COLUMN removed_omitted;
                    CREATE INDEX documents_source ON documents(source_id);
                    CREATE INDEX documents_date ON documents(date_first);
                    DELETE FROM meta WHERE key = 'generation';
                    UPDATE meta SET value = '1' WHERE key = 'schema_version';
                    DELETE FROM grdb_migrations WHERE identifier IN ('v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8', 'v9');
                    """)
        }
        try queue.close()

        // `extract` reads the index's configuration, so it upgrades it as a query does.
        let extracted = try binary.run(["extract", "--json", "--index", corpus.indexPath, corpus.root.appendingPathComponent("beta/rutte-tokyo.md").path])
        #expect(extracted.status == 0, "\(extracted.stderr)")
        #expect(extracted.stderr.contains("upgrading the index"))

        let upgraded = try binary.run(["defense industrial", "--json", "--index", corpus.indexPath])
        #expect(upgraded.status == 0, "\(upgraded.stderr)")
        #expect(!upgraded.stderr.contains("upgrading the index"))
        let before = try JSONSerialization.jsonObject(with: fresh.stdoutData) as? [String: Any]
        let after = try JSONSerialization.jsonObject(with: upgraded.stdoutData) as? [String: Any]
        #expect(after?["total"] as? Int == before?["total"] as? Int)
        #expect((after?["facets"] as? NSDictionary) == (before?["facets"] as? NSDictionary))

        let again = try binary.run(["defense industrial", "--json", "--index", corpus.indexPath])
        #expect(!again.stderr.contains("upgrading"))
        let stats = try binary.run(["stats", "--json", "--index", corpus.indexPath])
        let decoded = try JSONSerialization.jsonObject(with: stats.stdoutData) as? [String: Any]
        #expect(decoded?["schema_version"] as? Int == 9)
        // The upgrade writes the columns file for the upgraded index; the old table copy stays empty.
        let saved = try DatabaseQueue(path: corpus.indexPath).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM facet_columns")
        }
        #expect(saved == 0)
        let verified = try binary.run(["stats", "--verify", "--index", corpus.indexPath])
        #expect(verified.status == 0, "\(verified.stdout) \(verified.stderr)")
        let indexes = try DatabaseQueue(path: corpus.indexPath).read { db in try db.indexes(on: "documents").map(\.name) }
        #expect(!indexes.contains("documents_date"))
        #expect(indexes.contains("documents_facets"))
    }

    /// Schema 7's packed links (per article, varint pairs: the gap from the previous actor id, the
    /// mentions) written back as the row per link that schemas 1–6 kept, read here independently of
    /// the engine's own decoder.
    static func unpackActorLinks(in db: Database) throws {
        try db.execute(sql: SchemaSixLinks.createTable)
        for row in try Row.fetchAll(db, sql: "SELECT document_id, links FROM document_links") {
            var numbers: [Int64] = []
            var value: Int64 = 0, shift: Int64 = 0
            for byte in row[1] as Data {
                value |= Int64(byte & 0x7F) << shift
                shift += 7
                if byte < 0x80 { numbers.append(value); value = 0; shift = 0 }
            }
            var actor: Int64 = 0
            for pair in stride(from: 0, to: numbers.count - 1, by: 2) {
                actor += numbers[pair]
                try db.execute(sql: SchemaSixLinks.insert, arguments: [row[0] as Int64, actor, numbers[pair + 1]])
            }
        }
        try db.execute(sql: "DROP TABLE document_links; DROP TABLE column_changes")
    }
}
