import Foundation
import GRDBSQLite

/// What the loadable extension (product `NewsSearchSQLite`, libNewsSearchSQLite) installs on a
/// connection that loads it: the `newssearch` tokenizer and the `newsrank` rank function, so that
/// `sqlite3`, Python or Datasette can run `MATCH` and `ORDER BY rank` on an index file.
///
/// Called by the extension's entry point with the connection's `fts5_api` and a ``SQLiteRoutines``
/// table built from the loader's `sqlite3_api_routines`; the engine itself never calls it.
package enum LoadableExtension {
    /// Registers both; returns an SQLite result code.
    ///
    /// - Parameters:
    ///   - fts5: the connection's `fts5_api *` (from `SELECT fts5(?1)`).
    ///   - routines: how to reach the loader's SQLite; kept for the life of the process.
    package static func install(fts5: UnsafeMutableRawPointer, routines: SQLiteRoutines) -> Int32 {
        let api = fts5.assumingMemoryBound(to: fts5_api.self)
        let code = FTS5LoadableTokenizer.register(in: api)
        guard code == SQLITE_OK else { return code }
        return FTS5RankFunction.register(in: api, routines: shared(routines))
    }

    /// One user-data table per process: each `load_extension` hands the same routines (a process has
    /// one loader), so a second load reuses the first table rather than leaking another.
    private static func shared(_ routines: SQLiteRoutines) -> UnsafeMutableRawPointer {
        lock.lock()
        defer { lock.unlock() }
        if let table { return table }
        let made = routines.retainedForever()
        table = made
        return made
    }

    nonisolated(unsafe) private static var table: UnsafeMutableRawPointer?
    private static let lock = NSLock()
}
