import GRDB
import GRDBSQLite

/// A statement the writer runs once or more per article, bound and stepped through SQLite's C API.
///
/// GRDB's `Statement.execute(arguments:)` looks the SQL up in a dictionary keyed by its text, boxes
/// every argument as a `DatabaseValue`, and tells the observation broker before and after each run:
/// on the single writer thread, with five to twenty such statements per article, that was 8.6% of its
/// samples on real news text (perf, 20,000 realistic articles; 2.0% after). The statement itself is still
/// GRDB's (prepared and finalized by its cache), so it must not outlive the transaction it was taken in:
/// ``WriterStatements`` drops them when the transaction ends.
struct DirectStatement {
    private let statement: Statement
    private var handle: SQLiteStatement { statement.sqliteStatement }

    init(_ sql: String, in db: Database) throws {
        statement = try db.cachedStatement(sql: sql)
    }

    /// Binds `values` to the parameters in order; `nil` binds SQL NULL.
    func bind(_ values: [DirectValue]) throws {
        sqlite3_reset(handle)
        for (offset, value) in values.enumerated() {
            let index = CInt(offset + 1)
            let code: CInt
            switch value {
            case .null: code = sqlite3_bind_null(handle, index)
            case .integer(let number): code = sqlite3_bind_int64(handle, index, number)
            case .text(let text): code = Self.bind(text, at: index, of: handle)
            case .blob(let bytes):
                code = bytes.withUnsafeBytes { raw in
                    // SQLite takes a NULL pointer as SQL NULL; an empty blob still gets an address.
                    sqlite3_bind_blob(handle, index, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1), CInt(raw.count), Self.transient)
                }
            }
            if code != SQLITE_OK { throw error(code) }
        }
    }

    /// Runs the statement to completion.
    func execute(_ values: [DirectValue]) throws {
        try bind(values)
        defer { sqlite3_reset(handle) }
        var code = sqlite3_step(handle)
        while code == SQLITE_ROW { code = sqlite3_step(handle) }
        if code != SQLITE_DONE { throw error(code) }
    }

    /// Runs an `INSERT … ON CONFLICT DO NOTHING` and returns the new row's id, nil when it inserted nothing.
    ///
    /// Not `RETURNING`: a statement with it runs in a statement transaction, and opening one makes FTS5
    /// write out its pending terms as a segment (its savepoint method flushes), so every new actor
    /// cost a segment: on 20,000 realistic articles the writer thread used 6.3–6.9 s instead of 4.9–5.8 s.
    func insertedRowID(_ values: [DirectValue]) throws -> Int64? {
        let connection = sqlite3_db_handle(handle)
        let before = sqlite3_total_changes64(connection)
        try execute(values)
        return sqlite3_total_changes64(connection) == before ? nil : sqlite3_last_insert_rowid(connection)
    }

    /// Runs a query and reads its first row, if any, with `read`.
    func first<T>(_ values: [DirectValue], _ read: (Row) -> T) throws -> T? {
        try bind(values)
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        if code == SQLITE_DONE { return nil }
        if code != SQLITE_ROW { throw error(code) }
        return read(Row(handle))
    }

    /// Columns of the current row.
    struct Row {
        let handle: SQLiteStatement
        init(_ handle: SQLiteStatement) { self.handle = handle }

        func integer(_ column: CInt) -> Int64? {
            sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, column)
        }

        func text(_ column: CInt) -> String? {
            guard let bytes = sqlite3_column_text(handle, column) else { return nil }
            let count = Int(sqlite3_column_bytes(handle, column))
            return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
        }
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    private static let empty: StaticString = ""

    private static func bind(_ text: String, at index: CInt, of handle: SQLiteStatement) -> CInt {
        var text = text
        return text.withUTF8 { bytes in
            // An empty buffer may have no address, and a NULL pointer would bind SQL NULL, not ''.
            guard let base = bytes.baseAddress, !bytes.isEmpty else {
                return empty.withUTF8Buffer { empty in
                    sqlite3_bind_text(handle, index, UnsafeRawPointer(empty.baseAddress!).assumingMemoryBound(to: CChar.self), 0, transient)
                }
            }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text(handle, index, $0, CInt(bytes.count), transient)
            }
        }
    }

    private func error(_ code: CInt) -> DatabaseError {
        let connection = sqlite3_db_handle(handle)
        return DatabaseError(
            resultCode: ResultCode(rawValue: sqlite3_extended_errcode(connection)),
            message: String(cString: sqlite3_errmsg(connection)), sql: statement.sql)
    }
}

/// A value bound to a ``DirectStatement`` parameter.
enum DirectValue {
    case null
    case integer(Int64)
    case text(String)
    case blob([UInt8])

    init(_ text: String?) { self = text.map { .text($0) } ?? .null }
    init(_ number: Int64?) { self = number.map { .integer($0) } ?? .null }
}
