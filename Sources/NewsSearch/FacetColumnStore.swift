import Foundation
import GRDB
import Synchronization

/// Keeps ``FacetColumns`` in step with the index: writers count their changes in `meta.generation`,
/// the indexer saves fresh columns at the end of a run, and readers keep the columns in memory until
/// the generation moves.
///
/// A run killed before it saved leaves a saved copy older than the index; readers notice the
/// generation mismatch and build the columns from the tables, so an answer is never stale.
final class FacetColumnStore: Sendable {
    /// The byte layout of the saved arrays (host byte order); a copy of another layout is rebuilt.
    static let layout = 2
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
        if let saved, saved[0] as Int == layout, saved[1] as Int64 == generation { return }
        let columns = try FacetColumns.build(in: db, generation: generation)
        let dates = try JSONEncoder().encode(zip(columns.dates, columns.firstDays).map { [$0, $1] })
        try db.execute(sql: "DELETE FROM facet_columns")
        try db.execute(
            sql: """
                INSERT INTO facet_columns(layout, generation, sources, date_codes, dates, actor_starts, actor_ids, token_lengths)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                layout, generation, Self.bytes(columns.source), Self.bytes(columns.dateCode),
                String(decoding: dates, as: UTF8.self), Self.bytes(columns.actorStart), Self.bytes(columns.actorIDs),
                Self.bytes(columns.tokenLengths.values),
            ])
    }

    /// The saved columns if they describe this generation.
    static func loadSaved(in db: Database, generation: Int64) throws -> FacetColumns? {
        guard let row = try Row.fetchOne(
            db,
            sql: """
                SELECT sources, date_codes, dates, actor_starts, actor_ids, token_lengths FROM facet_columns
                WHERE layout = ? AND generation = ?
                """,
            arguments: [layout, generation])
        else { return nil }
        let pairs = try JSONDecoder().decode([[String]].self, from: Data((row[2] as String).utf8))
        let columns = FacetColumns(
            generation: generation, source: array(row[0]), dateCode: array(row[1]),
            dates: pairs.map { $0[0] }, firstDays: pairs.map { $0[1] }, actorStart: array(row[3]), actorIDs: array(row[4]),
            tokenLengths: TokenLengths(values: array(row[5])))
        // A copy whose arrays disagree in length is damaged: build afresh rather than trust it.
        guard columns.dateCode.count == columns.source.count, columns.actorStart.count == columns.source.count + 1,
            Int(columns.actorStart.last ?? 0) == columns.actorIDs.count,
            columns.tokenLengths.values.count == columns.source.count * TokenLengths.columns,
            columns.dateCode.allSatisfy({ $0 < Int32(pairs.count) }), pairs.allSatisfy({ $0.count == 2 })
        else { return nil }
        return columns
    }

    private static func bytes<T: FixedWidthInteger>(_ values: [T]) -> Data {
        values.withUnsafeBytes { Data($0) }
    }

    private static func array<T: FixedWidthInteger>(_ data: Data?) -> [T] {
        guard let data else { return [] }
        let count = data.count / MemoryLayout<T>.stride
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = data.copyBytes(to: buffer)
            initialized = count
        }
    }
}
