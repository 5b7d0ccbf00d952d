import Foundation
import GRDB
import NewsAnalysis
import Synchronization

/// One index file: opens it, checks its versions, and hands out connections on which the
/// `newssearch` tokenizer is registered.
///
/// ```swift
/// let store = try IndexStore(path: "index/search.sqlite", access: .readWrite)
/// ```
public final class IndexStore: Sendable {
    public enum Access: Sendable {
        /// Reads through a pool: a connection per concurrent reader (`search serve`, tools).
        case readOnly
        /// Reads through one read-only connection: a process that answers once and exits. A pool
        /// would open a second connection and parse the schema twice (a fifth of a rare word's query).
        case singleReader
        case readWrite
    }

    public let path: String
    let connections: Connections
    /// Kept to open a connection beside the single reader (``readBeside(_:)``).
    let configuration: Configuration
    /// Pool readers taken through ``read(_:)`` and reserved by ``reserveReaders(upTo:)``. A split pass
    /// holds its request's reader while its other ranges wait for more; with every reader held by such
    /// a request, each waited for the others forever (`search serve` under eight connections hung). So
    /// a pass takes only readers that are free, and runs on its own reader when none are.
    private let readersInUse = Mutex(0)
    /// Address space, not memory: pages are loaded on demand and shared with the OS cache.
    static let mappedBytes = 1 << 34
    /// Pages of a new index file. An article row (1–2 KB) left a fifth of each 4 KB page unused;
    /// 16 KB pages made a 40,000-article index 10.6% smaller with no measurable change in query time.
    static let pageSize = 16_384

    /// - Parameter requireCurrentTokenizer: `false` only for `reindex`, which exists to fix a mismatch.
    public init(path: String, access: Access, requireCurrentTokenizer: Bool = true) throws {
        self.path = path
        if access == .readWrite {
            try IndexFileCheck.requireIndexOrEmpty(at: path)
        } else {
            try IndexFileCheck.requireSQLiteOrEmpty(at: path)
        }
        // An empty file is a new index (it gets the new-file settings below); a readable one is ours.
        // `stat`, not `attributesOfItem`: Foundation also looks up the owner's user and group names
        // (reading /etc/passwd and /etc/group), in every process before its first answer.
        var status = stat()
        let exists = stat(path, &status) == 0 && status.st_size > 0
        if access != .readWrite && !exists { throw IndexError.indexNotFound(path: path) }
        if !exists {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
        }
        var configuration = Configuration()
        configuration.readonly = access != .readWrite
        if access == .readOnly { configuration.maximumReaderCount = Self.servingReaders }
        configuration.busyMode = .timeout(10)
        // Foreign keys guard writes; a reader's connection need not run the pragma.
        configuration.foreignKeysEnabled = access == .readWrite
        configuration.prepareDatabase { db in
            // Every connection, readers included, needs the tokenizer: FTS5 tokenizes queries too.
            SQLiteExtensions.install(in: db)
            // Readers read straight from the mapped file: a broad query touches most of the index's
            // pages, and copying each one through read() into SQLite's cache cost a fifth of the query.
            // Not the writer: a bulk load would count every page it touched in its resident memory.
            if access != .readWrite { try db.execute(sql: "PRAGMA mmap_size = \(Self.mappedBytes)") }
            // Only a new file takes it (SQLite fixes the page size when the first table is written).
            if !exists && !db.configuration.readonly {
                try db.execute(sql: "PRAGMA page_size = \(Self.pageSize)")
                // Lets a run hand back the pages FTS5's last merges freed (see ``releaseFreePages()``).
                try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
            }
        }
        self.configuration = configuration
        do {
            connections = access == .singleReader
                ? .single(try DatabaseQueue(path: path, configuration: configuration))
                : .pool(try DatabasePool(path: path, configuration: configuration))
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
        do {
            if access == .readWrite {
                try pool.write { db in try db.execute(sql: "PRAGMA foreign_keys = ON") }
                let upgrading = try pool.read { db in
                    try db.tableExists("meta") && !Schema.migrator.hasCompletedMigrations(db)
                }
                try Schema.migrator.migrate(pool)
                // An upgraded index gets its facet columns now, not at its next index run.
                if upgrading {
                    try pool.write { db in try FacetColumnStore.prepare(in: db) }
                    try FacetColumnStore.save(for: self)
                }
            }
            try checkVersions(requireCurrentTokenizer: requireCurrentTokenizer)
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }

    /// How a store reaches its file.
    enum Connections: Sendable {
        /// A writer and readers opened on demand: indexing, serving, anything that reads concurrently.
        case pool(DatabasePool)
        /// One read-only connection (``Access/singleReader``).
        case single(DatabaseQueue)
    }

    /// The pool of a store opened `.readWrite` or `.readOnly`: what indexing and serving use.
    var pool: DatabasePool {
        guard case .pool(let pool) = connections else { preconditionFailure("a single-reader store has no pool") }
        return pool
    }

    /// Readers of a pool opened `.readOnly` (a server): one per request answered at once (`search serve`
    /// answers up to 32), opened when first needed. Every request holds a reader while it looks its
    /// answer up, and one being computed keeps it until done: with GRDB's 5, after an indexer's commit
    /// the answers the cache still had waited 0.5-0.7 s for a reader (`search serve --trace`, issue 18).
    static let servingReaders = 40

    /// Runs `body` in a read transaction (one snapshot of the index).
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        switch connections {
        case .pool(let pool):
            readersInUse.withLock { $0 += 1 }
            defer { readersInUse.withLock { $0 -= 1 } }
            return try pool.read(body)
        case .single(let queue):
            return try queue.read(body)
        }
    }

    /// Up to `count` more readers for the other ranges of a split pass, as many as the pool has free
    /// now (none when it is busy); give them back with ``releaseReaders(_:)``. A single-reader store
    /// opens its own connections beside, so it grants all.
    func reserveReaders(upTo count: Int) -> Int {
        guard case .pool(let pool) = connections else { return count }
        let limit = pool.configuration.maximumReaderCount
        return readersInUse.withLock { used in
            let granted = max(0, min(count, limit - used))
            used += granted
            return granted
        }
    }

    func releaseReaders(_ count: Int) {
        guard case .pool = connections, count > 0 else { return }
        readersInUse.withLock { $0 -= count }
    }

    /// Runs `body` on a connection other than one the caller may be reading on (the other id ranges
    /// of a split pass, each with a reader reserved by ``reserveReaders(upTo:)``): the pool's next
    /// reader, or a read-only connection opened for it and closed after.
    func readBeside<T>(_ body: (Database) throws -> T) throws -> T {
        switch connections {
        case .pool(let pool):
            return try pool.read(body)
        case .single:
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read(body)
        }
    }

    /// FTS5's in-memory buffer of new terms before it writes a segment (SQLite's default is 1 MB).
    /// Fewer, larger level-0 segments mean less merging: 100,000 synthetic articles built in 14-17%
    /// less time and CPU. It is a setting stored with the table and affects writes only.
    static let fts5HashBytes = 16 << 20

    /// Settings for a writing run: FTS5's buffer size (kept in its config table, so set once and again
    /// harmlessly).
    func prepareForWriting(in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO documents_fts(documents_fts, rank) VALUES('hashsize', ?)", arguments: [Self.fts5HashBytes])
    }

    /// The writer's page cache (SQLite's default is 2 MB). With the default, the pages of the
    /// secondary indexes and FTS5's segments were evicted and read back through `pread` over and over:
    /// on 200,000 articles 64 MB cut the writer thread's CPU by 12% (29.2 and 31.1 s → 25.6 and 27.2 s),
    /// and 256 MB did no better. A cap, not an allocation: small runs never fill it.
    static let writerCacheKiB = 64 << 10

    /// The writer of an index run reads through SQLite's page cache rather than the map: FTS5's merges
    /// read most of the full-text index, and mapped pages stayed resident in the process (100,000
    /// articles: 551 MB peak RSS mapped, 379 MB not, the same build time).
    static func unmapWriter(_ db: Database) throws {
        try db.execute(sql: "PRAGMA mmap_size = 0")
        try db.execute(sql: "PRAGMA cache_size = -\(writerCacheKiB)")
    }

    /// Returns to the file system the pages FTS5's merges freed at the end of a run; a no-op for files
    /// made before incremental vacuum was turned on (they reuse free pages instead).
    func releaseFreePages() throws {
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA incremental_vacuum") }
    }

    /// Refuses an index made by another schema or tokenizer: its terms would not match ours. An older
    /// schema is upgraded in place by opening the index for writing (``Schema`` migrations only add).
    func checkVersions(requireCurrentTokenizer: Bool) throws {
        let meta: [String: String] = try read { db in
            // One row of `sqlite_master`: GRDB's `tableExists` reads the whole schema into Swift values
            // first (6% of a rare word's process).
            let hasMeta = try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta')")
            guard hasMeta == true else { return [:] }
            // Only these keys: `meta` also holds the learned boilerplate model (5 MB at 200,000 articles).
            return try MetaTable.values(["schema_version", "tokenizer_version"], in: db)
        }
        guard let schema = meta["schema_version"].flatMap(Int.init) else { throw IndexError.notAnIndex(path: path) }
        if schema != Schema.version { throw IndexError.schemaVersionMismatch(found: schema, expected: Schema.version) }
        let tokenizer = meta["tokenizer_version"].flatMap(Int.init) ?? 0
        if requireCurrentTokenizer && tokenizer != Analyzer.version {
            throw IndexError.tokenizerVersionMismatch(found: tokenizer, expected: Analyzer.version)
        }
    }

    /// `otherwise`, unless the index is there in a folder where its `-shm` file cannot be made: SQLite
    /// then says it cannot open the file (a read-only mount) or that it is read-only (a folder of
    /// another user's), and neither is the reason. `access` tells, even to root on a read-only mount.
    static func unopenable(_ path: String, otherwise: IndexError) -> IndexError {
        var status = stat()
        guard stat(path, &status) == 0 else { return otherwise }
        let folder = (path as NSString).deletingLastPathComponent
        return access(folder.isEmpty ? "." : folder, W_OK) != 0 ? .folderNotWritable(path: path) : otherwise
    }

    /// SQLite's messages are for us; users get one line that says what to do.
    static func translate(_ error: DatabaseError, path: String) -> IndexError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path: path)
        case .SQLITE_FULL: return .diskFull(path: path)
        // A write refused by the system (no space, a file size limit, a failing disk) ends the run like a full disk.
        case .SQLITE_IOERR where error.extendedResultCode == .SQLITE_IOERR_WRITE || error.extendedResultCode == .SQLITE_IOERR_FSYNC:
            return .diskFull(path: path)
        case .SQLITE_READONLY, .SQLITE_PERM: return unopenable(path, otherwise: .readOnly(path: path))
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .notAnIndex(path: path)
        case .SQLITE_CANTOPEN: return unopenable(path, otherwise: .indexNotFound(path: path))
        default: return .database(error.message ?? "\(error.resultCode)")
        }
    }
}
