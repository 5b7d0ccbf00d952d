import GRDB

/// The statements ``DocumentWriter`` runs for every article, looked up once per transaction.
struct WriterStatements {
    let connection: OpaquePointer?
    let lookup: DirectStatement
    let insert: DirectStatement
    let update: DirectStatement
    let insertFTS: DirectStatement
    /// An article's actor links, packed (``ActorLinks``).
    let link: DirectStatement
    /// A new actor; nothing when the name is an actor already (an earlier run's).
    let insertActor: DirectStatement
    let actorByName: DirectStatement

    init(_ db: Database) throws {
        connection = db.sqliteConnection
        lookup = try DirectStatement("SELECT id, content_hash, file_id FROM documents WHERE external_id = ?", in: db)
        insert = try DirectStatement(
            """
            INSERT INTO documents(external_id, file_id, path, title, body, url, date,
                source_id, content_hash, authors, given_actors, metadata, removed, removed_omitted)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, in: db)
        update = try DirectStatement(
            """
            UPDATE documents SET external_id = ?, file_id = ?, path = ?, title = ?, body = ?, url = ?,
                date = ?, date_first = NULL, date_last = NULL, source_id = ?, content_hash = ?, authors = ?,
                given_actors = ?, metadata = ?, removed = ?, removed_omitted = ?
            WHERE id = ?
            """, in: db)
        insertFTS = try DirectStatement("INSERT INTO documents_fts(rowid, title, body) VALUES (?, ?, ?)", in: db)
        link = try DirectStatement("INSERT INTO \(ActorLinks.table)(document_id, links) VALUES (?, ?)", in: db)
        insertActor = try DirectStatement(
            "INSERT INTO actors(name, type, folded) VALUES (?, ?, ?) ON CONFLICT(name) DO NOTHING", in: db)
        actorByName = try DirectStatement("SELECT id FROM actors WHERE name = ?", in: db)
    }
}
