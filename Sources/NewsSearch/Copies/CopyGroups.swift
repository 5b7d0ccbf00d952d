import GRDB
import GRDBSQLite
import Synchronization

/// The copy clusters as queries read them (`document_copies`): for each document id, its cluster's
/// number, and each cluster's members. Read in one statement and kept until the index's generation
/// moves. A cold process pays the read before its first answer, so it goes through SQLite's C API
/// into flat arrays: on 200,000 realistic articles (126,621 in 15,761 clusters) the first version,
/// GRDB rows and a dictionary of cluster numbers, was three quarters of a rare word's search time.
struct CopyGroups: Sendable {
    let generation: Int64
    /// Document id → cluster number (index into `groupStart`); -1 for an article with no copy.
    private let groupOf: [Int32]
    /// The members of cluster `g` are `memberIDs[groupStart[g]..<groupStart[g + 1]]`.
    private let memberIDs: [Int64]
    private let groupStart: [Int32]

    static let none = CopyGroups(generation: -1, groupOf: [], memberIDs: [], groupStart: [0])

    @inline(__always)
    func group(of id: Int) -> Int32 {
        id >= 0 && id < groupOf.count ? groupOf[id] : -1
    }

    /// The document's cluster, itself included; empty when it has no copy.
    func members(of id: Int64) -> [Int64] {
        let group = Int(group(of: Int(id)))
        guard group >= 0 else { return [] }
        return Array(memberIDs[Int(groupStart[group])..<Int(groupStart[group + 1])])
    }

    static func load(in db: Database, generation: Int64) throws -> CopyGroups {
        let largest = try Int64.fetchOne(db, sql: "SELECT MAX(document_id) FROM document_copies") ?? -1
        // Ids past Int32's range cannot be array indexes here; such an index has no clusters to fold.
        guard largest >= 0, largest < Int64(Int32.max) else { return CopyGroups(generation: generation, groupOf: [], memberIDs: [], groupStart: [0]) }
        var groupOf = [Int32](repeating: -1, count: Int(largest) + 1)
        var memberIDs: [Int64] = []
        var groupStart: [Int32] = []
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
            let next = sqlite3_column_int64(handle, 1)
            if next != cluster {
                groupStart.append(Int32(memberIDs.count))
                cluster = next
            }
            memberIDs.append(id)
            if id >= 0 && id < Int64(groupOf.count) { groupOf[Int(id)] = Int32(groupStart.count - 1) }
        }
        groupStart.append(Int32(memberIDs.count))
        return CopyGroups(generation: generation, groupOf: groupOf, memberIDs: memberIDs, groupStart: groupStart)
    }
}

/// Keeps one ``CopyGroups`` across queries, read again when the index's generation moves.
final class CopyGroupStore: Sendable {
    private let cached = Mutex<CopyGroups?>(nil)

    func groups(in db: Database, generation: Int64) throws -> CopyGroups {
        if let current = cached.withLock({ $0 }), current.generation == generation { return current }
        let groups = try CopyGroups.load(in: db, generation: generation)
        cached.withLock { $0 = groups }
        return groups
    }
}
