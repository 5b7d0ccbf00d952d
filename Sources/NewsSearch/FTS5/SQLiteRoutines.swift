import GRDBSQLite

/// The few SQLite entry points our FTS5 functions call on their own (results and pointer arguments),
/// as a table handed to FTS5 as each function's user data.
///
/// The engine's connections use ``linked``, the SQLite this package links. A loadable extension
/// (libNewsSearchSQLite) is given the `sqlite3_api_routines` of the process that loads it, which may
/// be another copy of SQLite; a context from one copy must not be handed to the other's functions,
/// so the extension builds its own table from those routines. Everything else the functions call
/// comes through `Fts5ExtensionApi`, which FTS5 itself supplies.
///
/// Related SQLite documentation: <https://sqlite.org/loadext.html>
package struct SQLiteRoutines: Sendable {
    package typealias ResultDouble = @convention(c) (OpaquePointer?, Double) -> Void
    package typealias ResultErrorCode = @convention(c) (OpaquePointer?, Int32) -> Void
    package typealias ResultNull = @convention(c) (OpaquePointer?) -> Void
    /// Sets a text result that SQLite copies (`SQLITE_TRANSIENT`).
    package typealias ResultText = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> Void
    package typealias ValuePointer = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> UnsafeMutableRawPointer?

    let resultDouble: ResultDouble
    let resultErrorCode: ResultErrorCode
    let resultNull: ResultNull
    let resultText: ResultText
    let valuePointer: ValuePointer

    package init(
        resultDouble: ResultDouble, resultErrorCode: ResultErrorCode, resultNull: ResultNull,
        resultText: ResultText, valuePointer: ValuePointer
    ) {
        self.resultDouble = resultDouble
        self.resultErrorCode = resultErrorCode
        self.resultNull = resultNull
        self.resultText = resultText
        self.valuePointer = valuePointer
    }

    /// The SQLite this package links, for the engine's own connections.
    static let linked = SQLiteRoutines(
        resultDouble: { sqlite3_result_double($0, $1) },
        resultErrorCode: { sqlite3_result_error_code($0, $1) },
        resultNull: { sqlite3_result_null($0) },
        // SQLITE_TRANSIENT (-1 as a destructor) does not import into Swift: SQLite copies the text.
        resultText: { sqlite3_result_text($0, $1, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self)) },
        valuePointer: { sqlite3_value_pointer($0, $1) })

    /// A copy that lives as long as the process, to be FTS5 user data (functions are never unregistered).
    func retainedForever() -> UnsafeMutableRawPointer {
        let pointer = UnsafeMutablePointer<SQLiteRoutines>.allocate(capacity: 1)
        pointer.initialize(to: self)
        return UnsafeMutableRawPointer(pointer)
    }

    /// The table a function was registered with (`xUserData`).
    static func of(_ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer) -> SQLiteRoutines {
        guard let data = api.pointee.xUserData(fts) else { return linked }
        return data.assumingMemoryBound(to: SQLiteRoutines.self).pointee
    }
}
