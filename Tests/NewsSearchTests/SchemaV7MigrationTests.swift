import Foundation
import GRDB
import NewsSearchTestSupport
import Testing

@testable import NewsSearch

/// An index made with a row per actor link (schema 6) is upgraded in place: its links are packed one
/// row per article, and every answer that reads them stays the same.
@Suite struct SchemaV7MigrationTests {
    /// Turns this build's links back into schema 6's `document_actors` and forgets the v7 migration
    /// (and schema 8's forms, which come after it).
    static func unpackLinks(in db: Database) throws {
        try StoredMetadataTests.undoSchemaEight(in: db)
        try db.execute(sql: SchemaSixLinks.createTable)
        for (document, links) in try ActorLinks.links(of: try Int64.fetchAll(db, sql: "SELECT id FROM documents"), in: db) {
            for link in links {
                try db.execute(sql: SchemaSixLinks.insert, arguments: [document, link.actor, link.mentions])
            }
        }
        try db.execute(
            sql: """
                DROP TABLE document_links;
                DROP TABLE column_changes;
                DELETE FROM grdb_migrations WHERE identifier = 'v7';
                UPDATE meta SET value = '6' WHERE key = 'schema_version';
                """)
    }

    struct Answers: Equatable {
        var actors: [ActorCount]
        var shown: [[ActorCount]]
        var hits: [[String]]
        var filtered: Int
    }

    static func answers(_ store: IndexStore) throws -> Answers {
        let catalog = IndexCatalog(store: store)
        let searcher = Searcher(store: store)
        return Answers(
            actors: try catalog.actors(limit: 100),
            shown: try ["a1", "a2", "a3", "a4"].map { try catalog.article(id: $0).actors },
            hits: try searcher.search(SearchRequest(text: "defense")).hits.map(\.actors),
            filtered: try searcher.search(SearchRequest(text: "defense actor:\"Mark Rutte\"")).total)
    }

    @Test func aSchemaSixIndexGetsPackedLinksAndTheSameAnswers() throws {
        let corpus = try CorpusFixture()
        let old = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: old).run(IndexJob(paths: [corpus.root.path], jobs: 2))
        let before = try Self.answers(old)
        #expect(before.actors.contains { $0.name == "Mark Rutte" && $0.count == 3 })
        #expect(before.filtered == 3)
        try old.pool.write { db in try Self.unpackLinks(in: db) }
        let rows = try old.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document_actors") }
        #expect(rows ?? 0 > 7)
        try old.pool.close()

        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        #expect(try IndexCatalog(store: store).statistics().schemaVersion == Schema.version)
        let tables = try store.pool.read { db in
            (try db.tableExists("document_actors"), try db.tableExists("document_links"), try db.tableExists("column_changes"))
        }
        #expect(tables == (false, true, true))
        #expect(try Self.answers(store) == before)
    }
}
