import Foundation
import GRDB
import GRDBSQLite

/// One read-only connection to an index through SQLite's C API, for a process that reads a few rows
/// and exits: `search extract` reads one value of `meta` and the actors filed under a few keys.
///
/// ``IndexStore`` opens GRDB's `DatabaseQueue`: its set-up (functions, collations, an authorizer, a
/// dispatch queue) and its closing cost an 85 KB page's `extract` 5.4 M of ~70 M instructions, and
/// each first use of one of GRDB's generic types a scan of the runtime's conformance records. The
/// checks are the store's: a file that is not SQLite, a database without our `meta` table and an
/// index of another schema are refused with the same ``IndexError``s, SQLite's codes translated alike.
///
/// ```swift
/// let index = try IndexFileReader(path: "index/search.sqlite")
/// try index.rows("SELECT name FROM actors WHERE name LIKE ?", ["% rutte"]) { print($0.text(0) ?? "") }
/// ```
final class IndexFileReader {
    let path: String
    private let connection: OpaquePointer

    init(path: String) throws {
        self.path = path
        guard try IndexFileCheck.requireSQLiteOrEmpty(at: path) else { throw IndexError.indexNotFound(path: path) }
        var opened: OpaquePointer?
        let code = sqlite3_open_v2(path, &opened, SQLITE_OPEN_READONLY, nil)
        guard let opened else { throw IndexError.database("out of memory opening \(path)") }
        connection = opened
        if code != SQLITE_OK { throw failure(code) }
        // As the store's readers wait for a writer's lock.
        sqlite3_busy_timeout(connection, 10_000)
        try checkSchema()
    }

    deinit {
        sqlite3_close_v2(connection)
    }

    /// One row of a statement, read by column number.
    struct Row {
        fileprivate let statement: OpaquePointer

        /// The column's text as GRDB reads it (up to a NUL, invalid UTF-8 repaired); nil for NULL.
        func text(_ column: Int32) -> String? {
            sqlite3_column_text(statement, column).map { String(cString: $0) }
        }

        /// The column's UTF-8 bytes up to a NUL, as SQLite's text functions read them, valid until the
        /// next row; nil for NULL. No `String` is made: most rows of a scan are looked at and passed.
        func utf8(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
            sqlite3_column_text(statement, column).map { UnsafeBufferPointer(start: $0, count: strlen($0)) }
        }
    }

    /// Runs `sql` with `arguments` bound as text, calling `row` for each result row.
    func rows(_ sql: String, _ arguments: [String], _ row: (Row) throws -> Void) throws {
        var prepared: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, sql, -1, &prepared, nil)
        guard code == SQLITE_OK, let statement = prepared else { throw failure(code) }
        defer { sqlite3_finalize(statement) }
        // SQLITE_TRANSIENT (-1 as a destructor) does not import into Swift: SQLite copies the text.
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (offset, argument) in arguments.enumerated() {
            let bound = sqlite3_bind_text(statement, Int32(offset + 1), argument, -1, transient)
            if bound != SQLITE_OK { throw failure(bound) }
        }
        while true {
            let step = sqlite3_step(statement)
            if step == SQLITE_DONE { return }
            guard step == SQLITE_ROW else { throw failure(step) }
            try row(Row(statement: statement))
        }
    }

    /// ``IndexStore/checkVersions(requireCurrentTokenizer:)`` without the tokenizer: `extract` tokenizes nothing.
    private func checkSchema() throws {
        var hasMeta = false
        try rows("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta')", []) {
            hasMeta = $0.text(0) == "1"
        }
        var schema: Int?
        // `+key`: a scan that reads no large value it passes (``MetaTable``).
        if hasMeta {
            try rows("SELECT value FROM meta WHERE +key IN (?)", ["schema_version"]) { schema = $0.text(0).flatMap { Int($0) } }
        }
        guard let schema else { throw IndexError.notAnIndex(path: path) }
        if schema != Schema.version { throw IndexError.schemaVersionMismatch(found: schema, expected: Schema.version) }
    }

    /// SQLite's code as the store reports it (``IndexStore/translate(_:path:)``).
    private func failure(_ code: Int32) -> IndexError {
        let message = sqlite3_errmsg(connection).map { String(cString: $0) }
        let error = DatabaseError(
            resultCode: ResultCode(rawValue: sqlite3_extended_errcode(connection)), message: message)
        return IndexStore.translate(error, path: path)
    }
}
