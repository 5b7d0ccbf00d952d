import GRDB
import Synchronization

/// Keeps ``FacetColumns`` in step with the index. Writers count their changes in `meta.generation`;
/// at the end of a run, after its last commit, the indexer writes the columns file beside the index
/// (`INDEX.columns`, replaced atomically) stamped with that generation and the index's id; readers map
/// the file and keep it until the generation moves.
///
/// A run killed between its commit and the file, a file from another index (a rebuild, a copied
/// file) or a damaged header: the stamp or the layout disagrees, and readers build the columns from
/// the tables instead, so an answer is never stale, only slower until the next `search index`.
final class FacetColumnStore: Sendable {
    /// The columns file; nil for an index with no folder of its own (in memory).
    let path: String?
    private let cached = Mutex<FacetColumns?>(nil)
    /// Held while new columns are made.
    private let making = Mutex(())

    init(indexPath: String) {
        path = Self.path(forIndex: indexPath)
    }

    static func path(forIndex indexPath: String) -> String? {
        indexPath.isEmpty || indexPath == ":memory:" ? nil : indexPath + ".columns"
    }

    /// The columns for what `db` sees now: kept, else the file's, else the kept ones brought forward
    /// by the change log (an indexer is committing), else built from the tables. One caller at a time
    /// makes new ones; the others wait for them rather than each building the same.
    func columns(in db: Database) throws -> FacetColumns {
        try columnsAndOrigin(in: db, stamp: Self.stamp(in: db)).columns
    }

    /// ``columns(in:)`` for `stamp`, read in the same transaction, and how this call had them (`kept`
    /// also when another caller made them meanwhile).
    func columnsAndOrigin(in db: Database, stamp: ColumnFile.Stamp) throws -> (columns: FacetColumns, origin: SearchTrace.Columns) {
        if let current = cached.withLock({ $0 }), current.stamp == stamp { return (current, .kept) }
        return try making.withLock { _ in
            let current = cached.withLock { $0 }
            if let current, current.stamp == stamp { return (current, .kept) }
            var origin = SearchTrace.Columns.mapped
            var made = Self.mapped(path, stamp: stamp)
            if made == nil, let base = Self.forwardBase(current, path: path, stamp: stamp) {
                origin = .forward
                made = try base.forward(to: stamp, in: db)
            }
            if made == nil { origin = .built }
            let columns = try made ?? FacetColumns.build(in: db, stamp: stamp)
            // A reader still on an older snapshot does not set the kept columns back.
            cached.withLock { kept in
                if kept.map({ $0.stamp.indexID != stamp.indexID || $0.stamp.generation <= stamp.generation }) ?? true { kept = columns }
            }
            return (columns, origin)
        }
    }

    /// What columns for `stamp` are brought forward from: the kept ones or the file's, whichever is
    /// newer. The index's first file forgets the whole change log (``save(for:)``), so a server that
    /// kept columns from before it starts from the file.
    private static func forwardBase(_ kept: FacetColumns?, path: String?, stamp: ColumnFile.Stamp) -> FacetColumns? {
        let file = path.flatMap { ColumnBytes.mapping(path: $0) }.flatMap { FacetColumns($0) }
        return [kept, file].compactMap { $0 }
            .filter { $0.stamp.indexID == stamp.indexID && $0.stamp.generation < stamp.generation }
            .max { $0.stamp.generation < $1.stamp.generation }
    }

    /// The file at `path` if it describes the index as of `stamp`.
    static func mapped(_ path: String?, stamp: ColumnFile.Stamp) -> FacetColumns? {
        guard stamp.indexID != 0, let path, let bytes = ColumnBytes.mapping(path: path),
            let columns = FacetColumns(bytes), columns.stamp == stamp
        else { return nil }
        return columns
    }

    static func stamp(in db: Database) throws -> ColumnFile.Stamp {
        let values = try MetaTable.values(["generation", "index_id"], in: db)
        return ColumnFile.Stamp(
            indexID: values["index_id"].flatMap { Int64($0) } ?? 0, generation: values["generation"].flatMap { Int64($0) } ?? 0)
    }

    static func generation(in db: Database) throws -> Int64 {
        try MetaTable.values(["generation"], in: db)["generation"].flatMap { Int64($0) } ?? 0
    }

    /// Called by writers inside the transaction that changed documents or their actors.
    static func markChanged(in db: Database) throws {
        try db.execute(sql: "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")
    }

    /// In a run's last transaction: gives the index its id (once per index file), and empties the
    /// `facet_columns` table where builds before the columns file kept a copy.
    static func prepare(in db: Database) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO meta(key, value) VALUES ('index_id', ?)", arguments: [Int64.random(in: 1...Int64.max)])
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM facet_columns)") == true {
            try db.execute(sql: "DELETE FROM facet_columns")
        }
    }

    /// After a run's last commit: writes the columns file unless it already describes the index, then
    /// forgets the logged changes the file it replaced covered, so readers holding columns of that file
    /// or later can still bring theirs forward. The index's first file replaces none and covers the
    /// whole log: after a fresh run that was every article's id once more in the index (11 bytes an
    /// article on realistic news); readers holding columns from before it start from the file instead.
    static func save(for store: IndexStore) throws {
        guard let path = path(forIndex: store.path) else { return }
        let covered = try store.pool.read { db -> ColumnFile.Stamp? in
            let stamp = try stamp(in: db)
            // A current file is kept unless its arrays no longer hold what was written (damaged) or it
            // predates the copy sections or their external ids (then a no-op run adds them).
            if stamp.indexID == 0 { return nil }
            let previous = ColumnBytes.mapping(path: path).flatMap { FacetColumns($0)?.stamp }
            if let current = mapped(path, stamp: stamp), current.copies?.externalIDs != nil,
                ColumnFile.checksumHolds(current.storage.bytes, header: current.header)
            {
                return nil
            }
            let columns = try FacetColumns.build(in: db, stamp: stamp)
            // Written from where the columns lie (a copy of them was the file twice over at the end of a run).
            try withExtendedLifetime(columns) { try ColumnBytes.write(columns.storage.bytes, to: path) }
            return previous?.indexID == stamp.indexID ? previous : stamp
        }
        if let covered { try store.pool.write { db in try ColumnChanges.forget(upTo: covered.generation, in: db) } }
    }

    /// For `stats --verify`: a columns file that describes the index must hold what it was written
    /// with and equal the columns built from the tables. Nil when it does, and when there is no such
    /// file (missing, older than the index after a run killed before writing it, another index's):
    /// queries do not use one then, so the index is sound, only slower until the next run writes it.
    static func verify(in db: Database, indexPath: String) throws -> String? {
        guard let path = path(forIndex: indexPath) else { return nil }
        let stamp = try stamp(in: db)
        guard let bytes = ColumnBytes.mapping(path: path), let saved = FacetColumns(bytes), saved.stamp == stamp else {
            return nil
        }
        guard ColumnFile.checksumHolds(bytes.bytes, header: saved.header) else {
            return "columns file \(path): damaged; run search index to write it again"
        }
        let built = try FacetColumns.build(
            in: db, stamp: stamp, copies: saved.copies != nil, copyIDs: saved.copies?.externalIDs != nil)
        let same = saved.header == built.header
            && Array(saved.storage.bytes) == Array(built.storage.bytes)
        return same ? nil : "columns file \(path): differs from the tables; run search reindex to write it again"
    }
}
