import Foundation
import GRDB
import NewsAnalysis

/// Keeps the index's copy clusters (issue 19) in step with its documents, inside the writer's
/// transactions: `document_signatures` holds each article's ``MinHashSignature``, `document_copies`
/// the members of every cluster of two or more.
///
/// The clusters live in memory as ``CopyClusters``, read from the tables the first time a run adds or
/// removes an article (a run that changes nothing never reads them); each commit writes back the
/// clusters that changed.
final class CopyIndex {
    private var clusters: CopyClusters?

    /// A fresh index's clusters (reindex, migration), so nothing is read back.
    static func empty() -> CopyIndex {
        let index = CopyIndex()
        index.clusters = CopyClusters()
        return index
    }

    /// Records an article's new text: out of its old cluster, into the one its signature finds.
    func record(_ documentID: Int64, signature: MinHashSignature?, in db: Database) throws {
        var clusters = try loaded(in: db)
        // Held once, not twice: a second reference would make every change copy all the clusters.
        self.clusters = nil
        defer { self.clusters = clusters }
        if let signature {
            // Bound directly (``DirectStatement``): the writer runs it for nearly every article.
            try signatureInsert(db).execute([.integer(documentID), .blob(signature.bytes)])
            clusters.add(documentID, signature)
        } else {
            try db.cachedStatement(sql: "DELETE FROM document_signatures WHERE document_id = ?").execute(arguments: [documentID])
            clusters.remove(documentID)
        }
    }

    private var insertStatement: (connection: OpaquePointer?, statement: DirectStatement)?

    /// Taken from GRDB's cache once per transaction: a ``DirectStatement`` must not outlive it.
    private func signatureInsert(_ db: Database) throws -> DirectStatement {
        if let insertStatement, insertStatement.connection == db.sqliteConnection { return insertStatement.statement }
        let statement = try DirectStatement(
            "INSERT OR REPLACE INTO document_signatures(document_id, signature) VALUES (?, ?)", in: db)
        insertStatement = (db.sqliteConnection, statement)
        return statement
    }

    /// Lets go of the statement before the connection may close (see ``DocumentWriter/transactionEnded()``).
    func transactionEnded() {
        insertStatement = nil
    }

    func remove(_ documentID: Int64, in db: Database) throws {
        try record(documentID, signature: nil, in: db)
    }

    /// Writes the clusters changed since the last save; called before each commit.
    func save(in db: Database) throws {
        guard var clusters else { return }
        self.clusters = nil
        for change in clusters.takeChanges() {
            try db.cachedStatement(sql: "DELETE FROM document_copies WHERE cluster_id = ?").execute(arguments: [change.cluster])
            for member in change.members {
                try db.cachedStatement(sql: "INSERT OR REPLACE INTO document_copies(document_id, cluster_id) VALUES (?, ?)")
                    .execute(arguments: [member, change.cluster])
            }
        }
        self.clusters = clusters
    }

    private func loaded(in db: Database) throws -> CopyClusters {
        if let clusters { return clusters }
        var clusters = CopyClusters()
        let clusterOf = try Dictionary(
            uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT document_id, cluster_id FROM document_copies").map {
                ($0[0] as Int64, $0[1] as Int64)
            })
        let rows = try Row.fetchCursor(db, sql: "SELECT document_id, signature FROM document_signatures ORDER BY document_id")
        while let row = try rows.next() {
            let id: Int64 = row[0]
            guard let signature = MinHashSignature(bytes: [UInt8](row[1] as Data)) else { continue }
            clusters.restore(id, signature, cluster: clusterOf[id])
        }
        return clusters
    }

    /// Signs and clusters every stored document from its stored body, in id order: `reindex` after
    /// clearing the tables, and the migration that added them.
    static func rebuild(in db: Database) throws {
        try db.execute(sql: "DELETE FROM document_signatures; DELETE FROM document_copies;")
        let index = CopyIndex.empty()
        let rows = try Row.fetchCursor(db, sql: "SELECT id, body FROM documents ORDER BY id")
        var signed: [(Int64, MinHashSignature?)] = []
        while let row = try rows.next() { signed.append((row[0], MinHashSignature(of: row[1]))) }
        for (id, signature) in signed where signature != nil { try index.record(id, signature: signature, in: db) }
        try index.save(in: db)
    }
}
