import GRDB

/// The tables of copy clusters (issue 19), added to an index by schema version 5.
enum CopySchema {
    static func create(in db: Database) throws {
        try db.execute(
            sql: """
                -- 64 MinHash slots of 2 bytes (little-endian); articles too short to sign have no row.
                CREATE TABLE document_signatures(
                    document_id INTEGER PRIMARY KEY,
                    signature BLOB NOT NULL);
                -- Members of the clusters of two or more; an article with no copy has no row.
                CREATE TABLE document_copies(
                    document_id INTEGER PRIMARY KEY,
                    cluster_id INTEGER NOT NULL);
                CREATE INDEX document_copies_cluster ON document_copies(cluster_id);
                """)
    }
}
