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

    static let none = CopyGroups(Arrays(groupOf: [], groupStart: [0], memberIDs: []))

    /// The sections as read from a mapped file; the caller has checked `groupOf` covers every id.
    init(groupOf: Column<Int32>, groupStart: Column<UInt32>, memberIDs: Column<Int32>) {
        self.groupOf = groupOf
        self.groupStart = groupStart
        self.memberIDs = memberIDs
    }

    init(_ arrays: Arrays) {
        self.init(
            groupOf: Column(copying: arrays.groupOf), groupStart: Column(copying: arrays.groupStart),
            memberIDs: Column(copying: arrays.memberIDs))
    }

    /// How many clusters there are: cluster numbers run from 0 below it.
    var clusterCount: Int { max(groupStart.count - 1, 0) }

    @inline(__always)
    func group(of id: Int) -> Int32 {
        id >= 0 && id < groupOf.count ? groupOf[id] : -1
    }

    /// The document's cluster, itself included; empty when it has no copy. Bounds from a damaged file
    /// are clamped, never followed past the end.
    func members(of id: Int64) -> [Int64] {
        let group = Int(group(of: Int(id)))
        guard group >= 0, group + 1 < groupStart.count else { return [] }
        let start = min(Int(groupStart[group]), memberIDs.count)
        let end = min(max(Int(groupStart[group + 1]), start), memberIDs.count)
        return (start..<end).map { Int64(memberIDs[$0]) }
    }

    /// The sections' contents, as the columns file stores them.
    struct Arrays {
        var groupOf: [Int32]
        var groupStart: [UInt32]
        var memberIDs: [Int32]
    }

    /// Reads `document_copies` for the ids below `limit` (one past the largest document id) through
    /// SQLite's C API: the table has a row per clustered article, and GRDB rows cost more than the read.
    static func read(in db: Database, limit: Int) throws -> Arrays {
        var arrays = Arrays(groupOf: [Int32](repeating: -1, count: limit), groupStart: [], memberIDs: [])
        var cluster = Int64.min
        let statement = try db.makeStatement(
            sql: "SELECT document_id, cluster_id FROM document_copies ORDER BY cluster_id, document_id")
        let handle = statement.sqliteStatement
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            let id = sqlite3_column_int64(handle, 0)
            // A link to an id past the documents (none should exist) has no document to fold.
            guard id >= 0, id < Int64(limit) else { continue }
            let next = sqlite3_column_int64(handle, 1)
            if next != cluster {
                arrays.groupStart.append(UInt32(arrays.memberIDs.count))
                cluster = next
            }
            arrays.groupOf[Int(id)] = Int32(arrays.groupStart.count - 1)
            arrays.memberIDs.append(Int32(id))
        }
        arrays.groupStart.append(UInt32(arrays.memberIDs.count))
        return arrays
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
