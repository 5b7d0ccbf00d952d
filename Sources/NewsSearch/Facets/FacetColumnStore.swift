import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// Keeps ``FacetColumns`` in step with the index: writers count their changes in `meta.generation`,
/// the indexer saves fresh columns at the end of a run, and readers keep the columns in memory until
/// the generation moves.
///
/// A run killed before it saved leaves a saved copy older than the index; readers notice the
/// generation mismatch and build the columns from the tables, so an answer is never stale.
final class FacetColumnStore: Sendable {
    /// The byte layout of the saved arrays (host byte order); a copy of another layout is rebuilt.
    /// 3: the dates as lines (`date`, then its first day), read by splitting bytes; 2: the dates as a
    /// JSON array of pairs, whose decoding took 8–11 ms of every cold query at ~8,400 distinct dates.
    /// Layout 2 is still read, so an index saved before answers as fast as it did until its next run.
    static let layout = 3
    static let readableLayouts = [2, 3]
    private let cached = Mutex<FacetColumns?>(nil)

    /// The columns for what `db` sees now.
    func columns(in db: Database) throws -> FacetColumns {
        let generation = try Self.generation(in: db)
        if let current = cached.withLock({ $0 }), current.generation == generation { return current }
        let columns = try Self.loadSaved(in: db, generation: generation)
            ?? FacetColumns.build(in: db, generation: generation)
        cached.withLock { $0 = columns }
        return columns
    }

    static func generation(in db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'") ?? 0
    }

    /// Called by writers inside the transaction that changed documents or their actors.
    static func markChanged(in db: Database) throws {
        try db.execute(sql: "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")
    }

    /// Saves fresh columns when the saved ones are older than the index. Run by the indexer at the end.
    static func refresh(in db: Database) throws {
        let generation = try generation(in: db)
        let saved = try Row.fetchOne(db, sql: "SELECT layout, generation FROM facet_columns")
        // A current copy is kept unless it no longer loads (damaged): then it is saved again.
        if let saved, saved[0] as Int == layout, saved[1] as Int64 == generation,
            try loadSaved(in: db, generation: generation) != nil
        { return }
        let columns = try FacetColumns.build(in: db, generation: generation)
        // A stored date with a line break (none that ingestion writes) keeps the JSON of layout 2.
        let asLines = !columns.dates.contains { $0.contains("\n") }
        let dates = asLines
            ? zip(columns.dates, columns.firstDays).map { $0 + "\n" + $1 }.joined(separator: "\n")
            : String(decoding: try JSONEncoder().encode(zip(columns.dates, columns.firstDays).map { [$0, $1] }), as: UTF8.self)
        try db.execute(sql: "DELETE FROM facet_columns")
        try db.execute(
            sql: """
                INSERT INTO facet_columns(layout, generation, sources, date_codes, dates, actor_starts, actor_ids, token_lengths)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                asLines ? layout : 2, generation, Self.bytes(columns.source), Self.bytes(columns.dateCode),
                dates, Self.bytes(columns.actorStart), Self.bytes(columns.actorIDs),
                Self.bytes(columns.tokenLengths.values),
            ])
    }

    /// The saved columns if they describe this generation. The arrays are read with SQLite's blob API
    /// straight into their storage: one copy of some 60 MB at a million articles, not two.
    static func loadSaved(in db: Database, generation: Int64) throws -> FacetColumns? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT rowid, dates, layout FROM facet_columns WHERE layout IN (2, 3) AND generation = ?",
            arguments: [generation])
        else { return nil }
        let rowid: Int64 = row[0]
        guard let pairs = try datePairs(row[1], layout: row[2]),
            let source: [Int32] = try array(of: "sources", rowid: rowid, in: db),
            let dateCode: [Int32] = try array(of: "date_codes", rowid: rowid, in: db),
            let actorStart: [UInt32] = try array(of: "actor_starts", rowid: rowid, in: db),
            let actorIDs: [Int32] = try array(of: "actor_ids", rowid: rowid, in: db),
            let lengths: [UInt32] = try array(of: "token_lengths", rowid: rowid, in: db)
        else { return nil }
        // A damaged copy (lengths that disagree, ranges that run backwards, codes out of range) is
        // rebuilt rather than trusted: the pass indexes arrays with these values.
        guard dateCode.count == source.count, actorStart.count == source.count + 1,
            Int(actorStart.last ?? 0) == actorIDs.count, lengths.count == source.count * TokenLengths.columns,
            dateCode.allSatisfy({ $0 < Int32(pairs.count) }), actorIDs.allSatisfy({ $0 >= 0 }),
            zip(actorStart, actorStart.dropFirst()).allSatisfy({ $0 <= $1 })
        else { return nil }
        return FacetColumns(
            generation: generation, source: source, dateCode: dateCode, dates: pairs.map { $0[0] },
            firstDays: pairs.map { $0[1] }, actorStart: actorStart, actorIDs: actorIDs,
            tokenLengths: TokenLengths(values: lengths))
    }

    /// For `stats --verify`: a saved copy for the current generation must load and equal the columns
    /// built from the tables (a damaged one is only rebuilt per process, silently and slowly). Nil when
    /// it does, or when there is no current copy (a run that died before saving).
    static func verifySaved(in db: Database) throws -> String? {
        let generation = try generation(in: db)
        let current = try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM facet_columns WHERE layout IN (2, 3) AND generation = ?", arguments: [generation]) ?? 0
        guard current > 0 else { return nil }
        guard let saved = try loadSaved(in: db, generation: generation) else {
            return "saved facet columns: damaged; run search index to save them again"
        }
        let built = try FacetColumns.build(in: db, generation: generation)
        let same = saved.source == built.source && saved.dateCode == built.dateCode && saved.dates == built.dates
            && saved.firstDays == built.firstDays && saved.actorStart == built.actorStart && saved.actorIDs == built.actorIDs
            && saved.tokenLengths.values == built.tokenLengths.values
        return same ? nil : "saved facet columns: differ from the tables; run search reindex to save them again"
    }

    /// `[date, first day]` for each date code, from either readable layout; nil when damaged.
    private static func datePairs(_ text: String, layout: Int) throws -> [[String]]? {
        guard layout == 3 else {
            let pairs = try JSONDecoder().decode([[String]].self, from: Data(text.utf8))
            return pairs.allSatisfy({ $0.count == 2 }) ? pairs : nil
        }
        guard !text.isEmpty else { return [] }
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard lines.count % 2 == 0 else { return nil }
        return stride(from: 0, to: lines.count, by: 2).map {
            [String(decoding: lines[$0], as: UTF8.self), String(decoding: lines[$0 + 1], as: UTF8.self)]
        }
    }

    private static func array<T: FixedWidthInteger>(of column: String, rowid: Int64, in db: Database) throws -> [T]? {
        var blob: OpaquePointer?
        guard sqlite3_blob_open(db.sqliteConnection, "main", "facet_columns", column, rowid, 0, &blob) == SQLITE_OK,
            let blob
        else {
            sqlite3_blob_close(blob)
            return nil
        }
        defer { sqlite3_blob_close(blob) }
        let bytes = Int(sqlite3_blob_bytes(blob))
        guard bytes % MemoryLayout<T>.stride == 0 else { return nil }
        let count = bytes / MemoryLayout<T>.stride
        var status = SQLITE_OK
        let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            if bytes > 0 { status = sqlite3_blob_read(blob, buffer.baseAddress, Int32(bytes), 0) }
            initialized = count
        }
        return status == SQLITE_OK ? values : nil
    }

    private static func bytes<T: FixedWidthInteger>(_ values: [T]) -> Data {
        values.withUnsafeBytes { Data($0) }
    }
}
