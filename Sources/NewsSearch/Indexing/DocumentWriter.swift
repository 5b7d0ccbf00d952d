import Foundation
import GRDB
import NewsActors
import NewsIngest

/// Writes prepared documents inside the indexer's transaction: the row, its FTS5 entry, its source
/// and its actor links, so that a commit always leaves all of them in agreement.
final class DocumentWriter {
    enum Outcome: Equatable {
        case added, updated, unchanged
        /// The id is another file's article already: this file is recorded as holding it too, and the
        /// article keeps the text it has (read from the file at `heldBy`).
        case duplicate(heldBy: String)
        /// The same file gave this id to an earlier record in this run; this later record replaced it.
        case repeated
    }

    /// Rows added in this run have ids above this (SQLite numbers a new row one past the largest);
    /// `.max` outside an indexing run, so nothing is taken for a repeat.
    var lastRowIDBeforeRun: Int64 = .max
    /// Off while files are read a second time in one run (``Indexer``'s re-reads), whose records were
    /// written once already by design.
    var detectsRepeats = true
    /// Rows from before this run that it rewrote: a second record with their id is a repeat too.
    private var rewritten: Set<Int64> = []

    private var sourceIDs: [String: Int64] = [:]
    /// Row ids by ``CanonicalActor/number`` (0: not looked up yet): the numbers are dense, so an array
    /// replaces a dictionary keyed by the name, one hash of every actor of every article fewer.
    /// Valid for the one registry whose numbers this writer is given.
    private var actorIDs: [Int64] = []
    /// Files leaving the index in this run: an id they hold that another file now has has moved, not doubled.
    var leaving: Set<Int64> = []
    /// Documents whose row or actor links changed since the last ``recordChanges(in:)``.
    private var changed: Set<Int64> = []
    /// Copy clusters (issue 19), kept with the documents; nil only when measuring what they cost.
    var copies: CopyIndex? = CopyIndex()

    /// Counts this transaction's changes in `meta.generation`, which tells readers their facet columns are old.
    /// Called once per transaction, just before it commits: one row update, however many documents.
    func recordChanges(in db: Database) throws {
        guard !changed.isEmpty else { return }
        try copies?.save(in: db)
        try ColumnChanges.record(changed, in: db)
        changed = []
    }

    /// Inserts or replaces a document by its external id, linked to `actors` (its actors under their
    /// corpus-wide names); unchanged content is left alone.
    func upsert(_ document: PreparedDocument, actors: [CanonicalActor], fileID: Int64?, in db: Database) throws -> Outcome {
        let statements = try statements(db)
        let existing = try statements.lookup.first([.text(document.externalID)]) { row in
            (id: row.integer(0)!, contentHash: row.text(1) ?? "", fileID: row.integer(2))
        }
        // The file its text was read from holds it (``HolderFiles``) unless that file is leaving.
        if let existing, let fileID, let holder = existing.fileID, holder != fileID, !leaving.contains(holder) {
            try hold(existing.id, by: fileID, in: db)
            let path = try String.fetchOne(db, sql: "SELECT path FROM files WHERE id = ?", arguments: [holder])
            return .duplicate(heldBy: path ?? "another file")
        }
        let repeated = existing.map { existing in
            detectsRepeats && existing.fileID == fileID
                && (existing.id > lastRowIDBeforeRun || rewritten.contains(existing.id))
        } ?? false
        if let existing, existing.contentHash == document.contentHash {
            if existing.fileID != fileID {
                try db.execute(sql: "UPDATE documents SET file_id = ?, path = ? WHERE id = ?",
                    arguments: [fileID, try storedPath(document.path, fileID: fileID, in: db), existing.id])
                if let fileID { try HolderFiles.textRead(existing.id, from: fileID, in: db) }
            }
            return repeated ? .repeated : .unchanged
        }
        let article = document.article
        let sourceID = try sourceID(named: document.source, in: db)
        let values: [DirectValue] = [
            .text(document.externalID), DirectValue(fileID), DirectValue(try storedPath(document.path, fileID: fileID, in: db)),
            .text(article.title), .text(article.body), DirectValue(article.url), DirectValue(article.date?.description),
            .integer(sourceID), .text(document.contentHash), .text(document.authorsJSON), .text(document.givenActorsJSON),
            .blob(try metadataKeys.pack(article.metadata, in: db)), .text(document.removedJSON),
            .integer(Int64(document.removedOmitted)),
        ]
        let rowID: Int64
        if let existing {
            rowID = existing.id
            try deleteIndexEntries(of: rowID, in: db)
            try statements.update.execute(values + [.integer(rowID)])
            if let fileID, existing.fileID != fileID { try HolderFiles.textRead(rowID, from: fileID, in: db) }
        } else {
            try statements.insert.execute(values)
            rowID = db.lastInsertedRowID
        }
        changed.insert(rowID)
        FTS5TokenizerBridge.replay(document.tokens, on: db)
        try statements.insertFTS.execute([.integer(rowID), .text(article.title), .text(article.body)])
        try link(actors, to: rowID, in: db)
        try copies?.record(rowID, signature: document.signature, in: db)
        guard let existing else { return .added }
        if existing.id <= lastRowIDBeforeRun { rewritten.insert(existing.id) }
        return repeated ? .repeated : .updated
    }

    /// A file other than the one its text was read from holds the document too.
    private func hold(_ documentID: Int64, by fileID: Int64, in db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO \(HolderFiles.table)(document_id, file_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
            .execute(arguments: [documentID, fileID])
    }

    /// The per-article statements, taken from GRDB's cache once per transaction (see ``DirectStatement``).
    private var cachedStatements: WriterStatements?

    private func statements(_ db: Database) throws -> WriterStatements {
        if let cachedStatements, cachedStatements.connection == db.sqliteConnection { return cachedStatements }
        let statements = try WriterStatements(db)
        cachedStatements = statements
        return statements
    }

    /// Lets go of the statements before the connection may close; the indexer calls it as each transaction ends.
    func transactionEnded() {
        cachedStatements = nil
        copies?.transactionEnded()
        metadataKeys.forget()
        filePaths = [:]
    }

    /// Numbers for the metadata field names (``StoredMetadata``).
    private let metadataKeys = MetadataKeyNumbers()
    /// Paths of the files written in this transaction, by id.
    private var filePaths: [Int64: String] = [:]

    /// The path a row stores: NULL when it is its file's path (readers take the file's), which saves a
    /// dump's path on every one of its rows (at 1,000,000 articles, 44 MB).
    private func storedPath(_ path: String?, fileID: Int64?, in db: Database) throws -> String? {
        guard let path, let fileID else { return path }
        if filePaths[fileID] == nil {
            filePaths[fileID] = try String.fetchOne(db, sql: "SELECT path FROM files WHERE id = ?", arguments: [fileID])
        }
        return filePaths[fileID] == path ? nil : path
    }

    /// What letting go of a file's documents did: documents no file holds any more were removed, and
    /// documents whose text came from it now belong to another holder, which must be read again.
    struct Release {
        var removed = 0
        var reread: Set<Int64> = []
    }

    /// The file no longer holds these documents (all of them, or all but `kept`): each leaves the
    /// index only when no other file holds it.
    func release(fileID: Int64, except kept: Set<String>? = nil, in db: Database) throws -> Release {
        var release = Release()
        let held = try HolderFiles.documents(heldBy: fileID, in: db)
        for row in held where !(kept?.contains(row["external_id"] as String) ?? false) {
            let documentID: Int64 = row["id"]
            try db.execute(
                sql: "DELETE FROM \(HolderFiles.table) WHERE document_id = ? AND file_id = ?", arguments: [documentID, fileID])
            // Held by the file its text came from, which stays.
            guard (row["file_id"] as Int64?) == fileID else { continue }
            let other = try Int64.fetchOne(
                db, sql: "SELECT file_id FROM \(HolderFiles.table) WHERE document_id = ? ORDER BY file_id LIMIT 1",
                arguments: [documentID])
            if let other {
                try db.execute(
                    sql: "UPDATE documents SET file_id = ?, path = NULL WHERE id = ?", arguments: [other, documentID])
                try HolderFiles.textRead(documentID, from: other, in: db)
                // Its row matches no file until it is read again, so a run killed first still reads it next time.
                try db.execute(sql: "UPDATE files SET size = -1, hash = '' WHERE id = ?", arguments: [other])
                release.reread.insert(other)
            } else {
                try delete(documentID: documentID, in: db)
                release.removed += 1
            }
        }
        return release
    }

    /// Records which actors a document names and how often, creating actors not seen before: one
    /// packed row (``ActorLinks``), none for an article that names nobody.
    func link(_ actors: [CanonicalActor], to documentID: Int64, in db: Database) throws {
        changed.insert(documentID)
        guard !actors.isEmpty else { return }
        var links: [ActorLink] = []
        links.reserveCapacity(actors.count)
        for actor in actors {
            links.append(ActorLink(actor: try actorID(for: actor, in: db), mentions: Int64(max(actor.mentionCount, 1))))
        }
        try statements(db).link.execute([.integer(documentID), .blob(ActorLinks.pack(links))])
    }

    /// Removes a document, its FTS5 entry and its actor links.
    func delete(documentID: Int64, in db: Database) throws {
        changed.insert(documentID)
        try deleteIndexEntries(of: documentID, in: db)
        try copies?.remove(documentID, in: db)
        try db.cachedStatement(sql: "DELETE FROM \(HolderFiles.table) WHERE document_id = ?").execute(arguments: [documentID])
        try db.cachedStatement(sql: "DELETE FROM documents WHERE id = ?").execute(arguments: [documentID])
    }

    /// External-content FTS5 tables forget a row only when told the exact text it was indexed with.
    private func deleteIndexEntries(of documentID: Int64, in db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO documents_fts(documents_fts, rowid, title, body)
                SELECT 'delete', id, title, body FROM documents WHERE id = ?
                """
        ).execute(arguments: [documentID])
        try db.cachedStatement(sql: "DELETE FROM \(ActorLinks.table) WHERE document_id = ?").execute(arguments: [documentID])
    }

    private func sourceID(named name: String, in db: Database) throws -> Int64 {
        if let id = sourceIDs[name] { return id }
        try db.cachedStatement(sql: "INSERT INTO sources(name) VALUES (?) ON CONFLICT(name) DO NOTHING")
            .execute(arguments: [name])
        let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM sources WHERE name = ?"), arguments: [name])!
        sourceIDs[name] = id
        return id
    }

    /// The actor's id, inserting it when new. One statement for a new actor (its id is the row id SQLite
    /// just gave), a look-up only for a name an earlier run stored: realistic news names about two new
    /// actors per article, and the insert plus a look-up through GRDB was a tenth of the writer's time.
    private func actorID(for actor: CanonicalActor, in db: Database) throws -> Int64 {
        if actor.number < actorIDs.count, actorIDs[actor.number] != 0 { return actorIDs[actor.number] }
        let statements = try statements(db)
        let name = DirectValue.text(actor.name)
        var id = try statements.insertActor.insertedRowID([name, .text(actor.type.rawValue), .text(NameFolding.fold(actor.name))])
        if id == nil { id = try statements.actorByName.first([name]) { $0.integer(0) } ?? nil }
        guard let id else {
            throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "actor '\(actor.name)' was neither inserted nor found")
        }
        if actor.number >= actorIDs.count { actorIDs += repeatElement(0, count: actor.number + 1 - actorIDs.count) }
        actorIDs[actor.number] = id
        return id
    }

    /// Drops actors and sources no document refers to any more, so facets and lists stay truthful.
    static func pruneOrphans(in db: Database) throws {
        try ActorLinks.pruneUnnamedActors(in: db)
        try db.execute(sql: "DELETE FROM sources WHERE id NOT IN (SELECT DISTINCT source_id FROM documents)")
    }
}

extension JSONEncoder {
    /// Stable output, so equal metadata always stores equal text.
    static let sorted: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}

/// How names are compared when a user types them: case and accents do not matter.
enum NameFolding {
    static func fold(_ name: String) -> String {
        if let folded = asciiFold(name) { return folded }
        return foundationFold(name)
    }

    /// The general path: Foundation's folding, then white space collapsed to single spaces.
    static func foundationFold(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Printable ASCII, single-spaced and trimmed, folds to its lowercase: nothing else in it has a
    /// case, an accent or a width to fold. The writer folds every new actor's name, and Foundation's
    /// folding plus the split cost it about 5% of its time on real news text (many distinct names).
    static func asciiFold(_ name: String) -> String? {
        var previous: UInt8 = 0x20
        var hasUpper = false
        for byte in name.utf8 {
            if byte < 0x20 || byte > 0x7E || byte == 0x20 && previous == 0x20 { return nil }
            if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
            previous = byte
        }
        if previous == 0x20 { return name.isEmpty ? "" : nil }
        guard hasUpper else { return name }
        return String(decoding: name.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
