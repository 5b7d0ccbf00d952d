import GRDB
import GRDBSQLite
import Synchronization

/// The copy clusters as queries read them (`document_copies`): for each document id, its cluster's
/// number, and each cluster's members.
///
/// They are three sections of the columns file (``ColumnFile``), read in place like the facet columns,
/// so a new process pays nothing for them until a match touches a page. Read whole from the table
/// instead, on 200,000 realistic articles (126,621 in 15,761 clusters), they were first three quarters
/// of a rare word's search time (GRDB rows into a dictionary), then still a quarter of a cold process's
/// CPU for it (flat arrays through SQLite's C API). The table is read only to write the file, and for a file written
/// before these sections existed.
struct CopyGroups: Sendable {
    /// Document id → cluster number (index into `groupStart`); -1 for an article with no copy.
    private let groupOf: Column<Int32>
    /// The members of cluster `g` are `memberIDs[groupStart[g]..<groupStart[g + 1]]`, in id order.
    private let groupStart: Column<UInt32>
    private let memberIDs: Column<Int32>
    /// The external id of each entry of `memberIDs`; nil when the file does not hold them.
    let externalIDs: TextColumn?

    static let none = CopyGroups(Arrays(groupOf: [], groupStart: [0], memberIDs: []))

    /// The sections as read from a mapped file; the caller has checked `groupOf` covers every id and
    /// `externalIDs` every member.
    init(groupOf: Column<Int32>, groupStart: Column<UInt32>, memberIDs: Column<Int32>, externalIDs: TextColumn? = nil) {
        self.groupOf = groupOf
        self.groupStart = groupStart
        self.memberIDs = memberIDs
        self.externalIDs = externalIDs
    }

    init(_ arrays: Arrays) {
        let names = arrays.externalIDs.map(TextColumn.encode)
        self.init(
            groupOf: Column(copying: arrays.groupOf), groupStart: Column(copying: arrays.groupStart),
            memberIDs: Column(copying: arrays.memberIDs),
            externalIDs: names.map { TextColumn(offsets: Column(copying: $0.offsets), text: Column(copying: $0.text)) })
    }

    /// How many clusters there are: cluster numbers run from 0 below it.
    var clusterCount: Int { max(groupStart.count - 1, 0) }

    @inline(__always)
    func group(of id: Int) -> Int32 {
        id >= 0 && id < groupOf.count ? groupOf[id] : -1
    }

    /// Starts loading the cluster of document `id` without waiting (``FacetColumns/prefetch(_:)``).
    @inline(__always)
    func prefetch(_ id: Int) { groupOf.prefetch(id) }

    /// The document's cluster, itself included; empty when it has no copy. Bounds from a damaged file
    /// are clamped, never followed past the end.
    func members(of id: Int64) -> [Int64] {
        memberPositions(of: id).map { Int64(memberIDs[$0]) }
    }

    /// The document's cluster, itself included, with each member's external id; nil when the file does
    /// not hold them.
    func namedMembers(of id: Int64) -> [(id: Int64, externalID: String)]? {
        guard let externalIDs else { return nil }
        return memberPositions(of: id).map { (Int64(memberIDs[$0]), $0 < externalIDs.count ? externalIDs[$0] : "") }
    }

    /// Where the document's cluster lies in `memberIDs`.
    private func memberPositions(of id: Int64) -> Range<Int> {
        let group = Int(group(of: Int(id)))
        guard group >= 0, group + 1 < groupStart.count else { return 0..<0 }
        let start = min(Int(groupStart[group]), memberIDs.count)
        return start..<min(max(Int(groupStart[group + 1]), start), memberIDs.count)
    }

    /// The sections' contents, as the columns file stores them.
    struct Arrays {
        var groupOf: [Int32]
        var groupStart: [UInt32]
        var memberIDs: [Int32]
        /// The external id of each of `memberIDs`.
        var externalIDs: [String]? = nil
    }

    /// Reads `document_copies` for the ids below `limit` (one past the largest document id) through
    /// SQLite's C API: the table has a row per clustered article, and GRDB rows cost more than the read.
    static func read(in db: Database, limit: Int) throws -> Arrays {
        var arrays = Arrays(groupOf: [Int32](repeating: -1, count: limit), groupStart: [], memberIDs: [])
        var cluster = Int64.min
        try forEachRow("SELECT document_id, cluster_id FROM document_copies ORDER BY cluster_id, document_id", in: db) { handle in
            let id = sqlite3_column_int64(handle, 0)
            // A link to an id past the documents (none should exist) has no document to fold.
            guard id >= 0, id < Int64(limit) else { return }
            let next = sqlite3_column_int64(handle, 1)
            if next != cluster {
                arrays.groupStart.append(UInt32(arrays.memberIDs.count))
                cluster = next
            }
            arrays.groupOf[Int(id)] = Int32(arrays.groupStart.count - 1)
            arrays.memberIDs.append(Int32(id))
        }
        arrays.groupStart.append(UInt32(arrays.memberIDs.count))
        arrays.externalIDs = try externalIDs(of: arrays.memberIDs, in: db, limit: limit)
        return arrays
    }

    /// The external ids of `members`, from one pass over the `external_id` index (1.6% of the pages of
    /// `documents` at 1,000,000 articles): looking each up by id read a `documents` row per member.
    static func externalIDs(of members: [Int32], in db: Database, limit: Int) throws -> [String] {
        guard !members.isEmpty else { return [] }
        var wanted = [Bool](repeating: false, count: limit)
        for id in members { wanted[Int(id)] = true }
        var names = [String?](repeating: nil, count: limit)
        // SQLite reads the pairs from the index on `external_id` (it holds the id too), not the articles.
        try forEachRow("SELECT id, external_id FROM documents", in: db) { handle in
            let id = Int(sqlite3_column_int64(handle, 0))
            guard id >= 0, id < limit, wanted[id], let text = sqlite3_column_text(handle, 1) else { return }
            names[id] = String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, 1))), as: UTF8.self)
        }
        return members.map { names[Int($0)] ?? "" }
    }

    /// Steps `sql` through SQLite's C API (GRDB rows cost more than the read), calling `body` per row.
    private static func forEachRow(_ sql: String, in db: Database, _ body: (OpaquePointer) -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        let handle = statement.sqliteStatement
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            body(handle)
        }
    }
}

/// The clusters of an index whose columns file predates the copy sections: read from the table once
/// per generation, until the next `search index` run writes the file again.
final class CopyGroupStore: Sendable {
    private let cached = Mutex<(generation: Int64, groups: CopyGroups)?>(nil)

    func groups(in db: Database, columns: FacetColumns) throws -> CopyGroups {
        if let groups = columns.copies { return groups }
        if let current = cached.withLock({ $0 }), current.generation == columns.generation { return current.groups }
        let groups = CopyGroups(try CopyGroups.read(in: db, limit: columns.idLimit))
        cached.withLock { $0 = (columns.generation, groups) }
        return groups
    }
}
