import GRDB

/// Reads the small values of the `meta` table (versions, generation, index id) without paying for the
/// large one beside them.
///
/// `meta` is a WITHOUT ROWID table keyed by text, and it also holds the learned boilerplate model (5.1 MB
/// at 200,000 realistic articles, on some 300 overflow pages). A lookup by key compares the wanted key
/// with the cells it passes, and SQLite assembles the whole payload of an overflowing cell to compare
/// it: looking up `generation` read the whole model, 7.8 ms and 2,650 page faults (measured with the
/// sqlite3 shell), several times in every `search` process. A scan of the table (`+key` keeps SQLite
/// from seeking) reads each row's key from its first page and the value only of the rows asked for.
enum MetaTable {
    /// The values of `keys` present in the table.
    static func values(_ keys: [String], in db: Database) throws -> [String: String] {
        let placeholders = Array(repeating: "?", count: keys.count).joined(separator: ", ")
        var values: [String: String] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT key, value FROM meta WHERE +key IN (\(placeholders))", arguments: StatementArguments(keys))
        {
            values[row[0]] = row[1]
        }
        return values
    }
}
