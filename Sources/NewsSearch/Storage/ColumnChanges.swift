import GRDB

/// Which documents each committed change touched, by generation (`column_changes`): what lets a reader
/// that holds the facet columns of an earlier generation bring them forward by reading those documents
/// alone (``FacetColumns/forward(to:in:)``), instead of every row of the tables, while an indexer commits.
///
/// Written in the transaction that moves `meta.generation`, so a reader's snapshot has the log of every
/// change it sees. A change written without it (an older build; a rebuild) leaves a generation with no
/// rows, and readers then build the columns whole, as before the log existed.
enum ColumnChanges {
    static let table = "column_changes"

    /// Moves the generation and records `documents` under the new one. Called inside the writing transaction.
    static func record(_ documents: some Collection<Int64>, in db: Database) throws {
        try FacetColumnStore.markChanged(in: db)
        let generation = try FacetColumnStore.generation(in: db)
        try db.execute(
            sql: "INSERT OR IGNORE INTO \(table)(generation, document_id) SELECT ?, value FROM json_each(?)",
            arguments: [generation, IDList.json(documents)])
    }

    /// The documents changed after generation `old` up to `new`, or nil when some generation in between
    /// has no record.
    static func documents(after old: Int64, upTo new: Int64, in db: Database) throws -> Set<Int64>? {
        guard new > old else { return nil }
        var generations = Set<Int64>()
        var documents = Set<Int64>()
        let rows = try Row.fetchCursor(
            db, sql: "SELECT generation, document_id FROM \(table) WHERE generation > ? AND generation <= ?", arguments: [old, new])
        while let row = try rows.next() {
            generations.insert(row[0])
            documents.insert(row[1])
        }
        return generations.count == Int(new - old) ? documents : nil
    }

    /// Forgets the changes up to `generation`, once a columns file covers them. After a run that is the
    /// whole log, emptied without visiting its rows (SQLite's truncate optimisation needs a DELETE with
    /// no WHERE clause): a fresh run of 1,000,000 articles logs a million.
    static func forget(upTo generation: Int64, in db: Database) throws {
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE generation > ?)", arguments: [generation]) == true {
            try db.execute(sql: "DELETE FROM \(table) WHERE generation <= ?", arguments: [generation])
        } else {
            try db.execute(sql: "DELETE FROM \(table)")
        }
    }
}
