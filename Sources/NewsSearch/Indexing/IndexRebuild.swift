import Foundation
import GRDB

/// Builds a new index file beside the old one and swaps it in when complete, so queries keep
/// answering from the old index until the new one is whole, and a failed build changes nothing.
public struct IndexRebuild {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public func run<T>(_ build: (IndexStore) throws -> T) throws -> T {
        // Checked before the build, so another program's file is neither locked beside nor replaced.
        try IndexFileCheck.requireIndexOrEmpty(at: path)
        // The old index's lock: no incremental run may write to it while its replacement is built.
        let lock = try WriterLock(indexPath: path)
        defer { withExtendedLifetime(lock) {} }
        let temporary = path + ".rebuild"
        for suffix in ["", "-wal", "-shm", ".columns"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
        let result: T
        do {
            let store = try IndexStore(path: temporary, access: .readWrite)
            result = try build(store)
            try store.pool.close()
            // One self-contained file: nothing of it may live in a -wal beside a name it is about to leave.
            // (A pool's readers would keep the journal mode from changing, hence a lone connection.)
            let queue = try DatabaseQueue(path: temporary)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
            }
            try queue.close()
        } catch {
            for suffix in ["", "-wal", "-shm", ".columns"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
            throw error
        }
        try retireOldIndex()
        guard rename(temporary, path) == 0 else {
            throw IndexError.database("could not move the rebuilt index into place: \(String(cString: strerror(errno)))")
        }
        // Readers still holding the old file keep it open; new ones find the new file and no stale journal.
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        // The new index's columns file follows it. Were this step lost, readers would find the old
        // file's index id unlike the new index's and build the columns from the tables instead.
        _ = rename(temporary + ".columns", path + ".columns")
        return result
    }

    /// Folds the old index's write-ahead log into its main file, so no stale log outlives the swap.
    private func retireOldIndex() throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        try queue.close()
    }
}
