import Foundation
import GRDB
import NewsAnalysis

/// The tables of an index file (DESIGN §8) and their versions.
///
/// Documents own the text; `documents_fts` is an external-content FTS5 table over their title and
/// body, written by the indexer in the same transaction as the row, so the two never disagree.
enum Schema {
    /// Bumped when the tables change shape; an older index is upgraded in place by the migrations below.
    static let version = 9

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
                    CREATE TABLE sources(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
                    -- One row per input file: what incremental indexing compares against.
                    CREATE TABLE files(
                        id INTEGER PRIMARY KEY,
                        path TEXT NOT NULL UNIQUE,
                        size INTEGER NOT NULL,
                        mtime REAL NOT NULL,
                        hash TEXT NOT NULL,
                        root TEXT NOT NULL);
                    CREATE TABLE documents(
                        id INTEGER PRIMARY KEY,
                        external_id TEXT NOT NULL UNIQUE,
                        file_id INTEGER REFERENCES files(id),
                        path TEXT,
                        title TEXT NOT NULL,
                        body TEXT NOT NULL,
                        url TEXT,
                        date TEXT,
                        date_first TEXT,
                        date_last TEXT,
                        source_id INTEGER NOT NULL REFERENCES sources(id),
                        content_hash TEXT NOT NULL,
                        authors TEXT NOT NULL DEFAULT '[]',
                        -- Actors the input itself named; kept so `reindex` can add them again.
                        given_actors TEXT NOT NULL DEFAULT '[]',
                        metadata TEXT NOT NULL DEFAULT '{}');
                    CREATE INDEX documents_file ON documents(file_id);
                    CREATE INDEX documents_date ON documents(date_first);
                    CREATE INDEX documents_source ON documents(source_id);
                    CREATE TABLE actors(
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE,
                        type TEXT NOT NULL,
                        folded TEXT NOT NULL);
                    CREATE INDEX actors_folded ON actors(folded);
                    CREATE TABLE actor_aliases(
                        alias TEXT NOT NULL,
                        actor_id INTEGER NOT NULL REFERENCES actors(id),
                        PRIMARY KEY(alias, actor_id)) WITHOUT ROWID;
                    CREATE TABLE document_actors(
                        document_id INTEGER NOT NULL,
                        actor_id INTEGER NOT NULL,
                        mentions INTEGER NOT NULL,
                        PRIMARY KEY(document_id, actor_id)) WITHOUT ROWID;
                    CREATE INDEX document_actors_actor ON document_actors(actor_id, document_id);
                    CREATE VIRTUAL TABLE documents_fts USING fts5(
                        title, body,
                        content='documents', content_rowid='id',
                        tokenize='\(FTS5TokenizerBridge.name)');
                    -- The index's own vocabulary, for "did you mean" when nothing matches.
                    CREATE VIRTUAL TABLE documents_vocab USING fts5vocab(documents_fts, row);
                    """)
            // Our ranking is the table's default `rank`, so ad-hoc SQL and tools that order by it rank as
            // search does (the searcher itself ranks in one pass over the matches, `MatchScan`).
            try db.execute(
                sql: "INSERT INTO documents_fts(documents_fts, rank) VALUES('rank', ?)",
                arguments: ["\(FTS5RankFunction.name)()"])
            try db.execute(
                sql: "INSERT INTO meta(key, value) VALUES ('schema_version', ?), ('tokenizer_version', ?)",
                arguments: [1, Analyzer.version])
        }
        // v2: facet columns saved by the indexer and the change counter they are checked against. The
        // columns now live in `INDEX.columns` (``FacetColumnStore``); the table stays, emptied by each run.
        migrator.registerMigration("v2") { db in
            try db.execute(
                sql: """
                    CREATE TABLE facet_columns(
                        layout INTEGER NOT NULL,
                        generation INTEGER NOT NULL,
                        sources BLOB NOT NULL,
                        date_codes BLOB NOT NULL,
                        dates TEXT NOT NULL,
                        actor_starts BLOB NOT NULL,
                        actor_ids BLOB NOT NULL,
                        token_lengths BLOB NOT NULL);
                    -- Covers what the facet columns read, so building them does not read every article's text.
                    CREATE INDEX documents_facets ON documents(source_id, date);
                    DROP INDEX documents_source;
                    INSERT INTO meta(key, value) VALUES ('generation', '1');
                    UPDATE meta SET value = '2' WHERE key = 'schema_version';
                    """)
        }
        // v3: no index on `date_first`. Dates are filtered, sorted and counted from the facet columns,
        // so no query read it; at 1M articles it took 20.8 MB of the file and a B-tree insert per article.
        migrator.registerMigration("v3") { db in
            try db.execute(
                sql: """
                    DROP INDEX IF EXISTS documents_date;
                    UPDATE meta SET value = '3' WHERE key = 'schema_version';
                    """)
        }
        // v4: which files hold each document. An id found in two files is one article, kept while
        // either holds it (issue 14); `documents.file_id` stays the file its text was read from.
        migrator.registerMigration("v4") { db in
            try db.execute(
                sql: """
                    CREATE TABLE document_files(
                        document_id INTEGER NOT NULL,
                        file_id INTEGER NOT NULL,
                        PRIMARY KEY(document_id, file_id)) WITHOUT ROWID;
                    CREATE INDEX document_files_file ON document_files(file_id);
                    INSERT INTO document_files(document_id, file_id) SELECT id, file_id FROM documents WHERE file_id IS NOT NULL;
                    UPDATE meta SET value = '4' WHERE key = 'schema_version';
                    """)
        }
        // v5: what cleaning removed from each article (``StoredRemovals``), for `search show --removed`
        // and the web page's article view. Articles indexed before keep NULL: "not recorded", which
        // is not the same as "nothing removed" ('[]'); `search index --rebuild` records them.
        migrator.registerMigration("v5") { db in
            try db.execute(
                sql: """
                    ALTER TABLE documents ADD COLUMN removed TEXT;
                    ALTER TABLE documents ADD COLUMN removed_omitted INTEGER NOT NULL DEFAULT 0;
                    UPDATE meta SET value = '5' WHERE key = 'schema_version';
                    """)
        }
        // v6: copy clusters (issue 19): each article's MinHash signature and the clusters of two or
        // more, computed here from the stored bodies so an upgraded index folds copies at once.
        migrator.registerMigration("v6") { db in
            try CopySchema.create(in: db)
            try CopyIndex.rebuild(in: db)
            try db.execute(sql: "UPDATE meta SET value = '6' WHERE key = 'schema_version'")
        }
        // v7: actor links packed, one row per article (``ActorLinks``), and the change log of the facet
        // columns (``ColumnChanges``) made part of the schema instead of created by every commit that
        // writes to it (older indexes may have it already).
        migrator.registerMigration("v7") { db in
            try db.execute(
                sql: """
                    CREATE TABLE \(ActorLinks.table)(document_id INTEGER PRIMARY KEY, links BLOB NOT NULL);
                    CREATE TABLE IF NOT EXISTS \(ColumnChanges.table)(
                        generation INTEGER NOT NULL, document_id INTEGER NOT NULL,
                        PRIMARY KEY(generation, document_id)) WITHOUT ROWID;
                    """)
            try packLinks(in: db)
            try db.execute(
                sql: """
                    DROP TABLE document_actors;
                    UPDATE meta SET value = '7' WHERE key = 'schema_version';
                    """)
        }
        // v8: metadata field names stored once (``StoredMetadata``). Rows written from now on also leave
        // `date_first`/`date_last` NULL (nothing reads them: dates are read from `date`) and `path` NULL
        // where it is their file's path (a dump's path was on every one of its rows); readers take
        // `COALESCE(d.path, files.path)`. Older rows keep their values, which read the same, so the
        // upgrade rewrites nothing.
        migrator.registerMigration("v8") { db in
            try db.execute(
                sql: """
                    CREATE TABLE \(StoredMetadata.keysTable)(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
                    UPDATE meta SET value = '8' WHERE key = 'schema_version';
                    """)
        }
        // v9: `document_files` names only the files that hold a document besides the one its text was
        // read from (``HolderFiles``); the rows naming that file go.
        migrator.registerMigration("v9") { db in
            try HolderFiles.dropOwnFiles(in: db)
            try db.execute(sql: "UPDATE meta SET value = '9' WHERE key = 'schema_version'")
        }
        return migrator
    }

    /// Schema 6's link rows, one per (document, actor), packed into one ``ActorLinks`` row per document.
    private static func packLinks(in db: Database) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT document_id, actor_id, mentions FROM document_actors ORDER BY document_id")
        let insert = try db.makeStatement(sql: "INSERT INTO \(ActorLinks.table)(document_id, links) VALUES (?, ?)")
        var document: Int64?
        var links: [ActorLink] = []
        let flush = {
            if let document, !links.isEmpty { try insert.execute(arguments: [document, Data(ActorLinks.pack(links))]) }
        }
        while let row = try rows.next() {
            let id: Int64 = row[0]
            if id != document {
                try flush()
                document = id
                links = []
            }
            links.append(ActorLink(actor: row[1], mentions: row[2]))
        }
        try flush()
    }
}
