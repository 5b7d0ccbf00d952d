import GRDB

/// Which files hold each document (issue 14): the file its text was read from (`documents.file_id`)
/// and, in `document_files`, any other file with the same id. Until schema 9 that table also named
/// every document's own file: a row and an index entry per article (20 bytes an article, two B-tree
/// inserts for the writer) that said what `documents.file_id` says.
enum HolderFiles {
    static let table = "document_files"

    /// The documents `fileID` holds, as (id, external_id, file_id) rows: those read from it (through
    /// the `documents_file` index) and those it holds as another file.
    static func documents(heldBy fileID: Int64, in db: Database) throws -> [Row] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT id, external_id, file_id FROM documents WHERE file_id = ?1
                UNION
                SELECT d.id, d.external_id, d.file_id FROM \(table) h JOIN documents d ON d.id = h.document_id
                WHERE h.file_id = ?1
                """,
            arguments: [fileID])
    }

    /// The content hashes of the documents `fileID` holds.
    static func contentHashes(heldBy fileID: Int64, in db: Database) throws -> Set<String> {
        try Set(String.fetchAll(
            db,
            sql: """
                SELECT content_hash FROM documents WHERE file_id = ?1
                UNION ALL
                SELECT d.content_hash FROM \(table) h JOIN documents d ON d.id = h.document_id WHERE h.file_id = ?1
                """,
            arguments: [fileID]))
    }

    /// The document's text now comes from `fileID`, which holds it as its own file: no row for it.
    static func textRead(_ documentID: Int64, from fileID: Int64, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM \(table) WHERE document_id = ? AND file_id = ?")
            .execute(arguments: [documentID, fileID])
    }

    /// Schema 9: the rows that name a document's own file go (the file holds it as `documents.file_id`).
    static func dropOwnFiles(in db: Database) throws {
        try db.execute(
            sql: """
                DELETE FROM \(table) WHERE EXISTS (
                    SELECT 1 FROM documents d WHERE d.id = \(table).document_id AND d.file_id = \(table).file_id)
                """)
    }

    /// For `stats --verify`: rows naming a document or a file the index no longer has.
    static func danglingRows(in db: Database) throws -> Int {
        try Int.fetchOne(
            db,
            sql: """
                SELECT COUNT(*) FROM \(table) h
                WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = h.document_id)
                   OR NOT EXISTS (SELECT 1 FROM files f WHERE f.id = h.file_id)
                """) ?? 0
    }
}
