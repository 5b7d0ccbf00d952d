import Foundation
import GRDB
import NewsSearchTestSupport
import Testing

@testable import NewsSearch

/// An index made before copy clusters (schema 5) is upgraded in place: the migration signs every
/// stored body and clusters the copies, so folding works at once, without `reindex`.
@Suite struct SchemaV6MigrationTests {
    static let story = """
        The harbour authority approved a new container terminal on Tuesday after two years of hearings, \
        saying the project would double the port's capacity and create several hundred jobs by the end of the decade. \
        Environmental groups said they would appeal the decision, arguing that dredging the channel would \
        harm the seagrass beds that shelter young fish along the northern shore.
        """

    @Test func aSchemaFiveIndexGetsItsClusters() throws {
        let corpus = try CorpusFixture()
        try corpus.write("Terminal approved\n\n" + Self.story, to: "news/wire/terminal.txt")
        try corpus.write("Harbour terminal wins approval\n\n" + Self.story + "\n\nShare this story.", to: "news/beta/terminal-copy.txt")
        let old = try IndexStore(path: corpus.indexPath, access: .readWrite)
        _ = try Indexer(store: old).run(IndexJob(paths: [corpus.root.path], jobs: 2))
        let clustered = try old.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document_copies") }
        #expect(clustered == 2)
        try old.pool.write { db in
            try SchemaV7MigrationTests.unpackLinks(in: db)
            try db.execute(
                sql: """
                    DROP TABLE document_signatures;
                    DROP TABLE document_copies;
                    DELETE FROM grdb_migrations WHERE identifier = 'v6';
                    UPDATE meta SET value = '5' WHERE key = 'schema_version';
                    """)
        }
        try old.pool.close()

        let store = try IndexStore(path: corpus.indexPath, access: .readWrite)
        #expect(try IndexCatalog(store: store).statistics().schemaVersion == Schema.version)
        let results = try Searcher(store: store).search(SearchRequest(text: "container terminal seagrass"))
        #expect(results.total == 2)
        #expect(results.totalClusters == 1)
        #expect(results.hits.count == 1)
        #expect(results.hits.first?.copies.count == 1)
    }
}
