import Foundation
import GRDB

/// Tells a NewsSearch index (or a file that may become one) from another program's file, before
/// anything opens it for writing: opening in WAL mode, migrating or swapping in a rebuilt index would
/// each change a file that is not ours.
enum IndexFileCheck {
    /// A missing or empty file may become an index, and so may an SQLite file with no tables (nothing
    /// in it to lose); anything else must hold our `meta` table with a schema version.
    /// GRDB creates its empty `grdb_migrations` table outside the first migration's transaction, so a
    /// first run killed at that instant leaves a file holding only that table: it counts as empty, or
    /// the next run would refuse the user's own new index.
    static func requireIndexOrEmpty(at path: String) throws {
        guard try requireSQLiteOrEmpty(at: path) else { return }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            let ours = try queue.read { db -> Bool in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                if tables.isEmpty { return true }
                if tables == ["grdb_migrations"] {
                    return try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations") == 0
                }
                guard tables.contains("meta") else { return false }
                return try MetaTable.values(["schema_version"], in: db)["schema_version"] != nil
            }
            if !ours { throw IndexError.notAnIndex(path: path) }
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED { throw IndexError.locked(path: path) }
            if error.resultCode == .SQLITE_CANTOPEN || error.resultCode == .SQLITE_READONLY {
                throw IndexStore.translate(error, path: path)
            }
            throw IndexError.notAnIndex(path: path)
        }
    }

    /// The part of the check that opens no connection, for readers: a missing or empty file, or one
    /// that starts like an SQLite database. A reader's own connection then refuses a database without
    /// our `meta` table (``IndexStore``'s version check), so a query opens one connection fewer.
    /// Returns whether the file has contents to look into.
    @discardableResult
    static func requireSQLiteOrEmpty(at path: String) throws -> Bool {
        // `stat`, not `attributesOfItem`, which also reads the user and group databases.
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        if status.st_mode & S_IFMT == S_IFDIR { throw IndexError.notAnIndex(path: path) }
        if status.st_size == 0 { return false }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw IndexError.readOnly(path: path) }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        // Compared byte by byte: building a `Data` from the text asked the Swift runtime for a
        // conformance, a scan of every record in the binary (1% of a rare word's process).
        guard header.elementsEqual("SQLite format 3\u{0}".utf8) else { throw IndexError.notAnIndex(path: path) }
        return true
    }
}
