import GRDB
import Synchronization

/// The copy clusters as queries read them (`document_copies`): for each document id, its cluster's
/// number, and each cluster's members. Only articles with copies have a cluster, a small share of
/// an index, so this is read in one statement and kept until the index's generation moves.
struct CopyGroups: Sendable {
    let generation: Int64
    /// Document id → cluster number (index into `groups`); -1 for an article with no copy.
    private let groupOf: [Int32]
    private let groups: [[Int64]]

    static let none = CopyGroups(generation: -1, groupOf: [], groups: [])

    @inline(__always)
    func group(of id: Int) -> Int32 {
        id < groupOf.count ? groupOf[id] : -1
    }

    /// The document's cluster, itself included; empty when it has no copy.
    func members(of id: Int64) -> [Int64] {
        let group = group(of: Int(id))
        return group < 0 ? [] : groups[Int(group)]
    }

    static func load(in db: Database, generation: Int64) throws -> CopyGroups {
        var number: [Int64: Int32] = [:]
        var groups: [[Int64]] = []
        var groupOf: [Int32] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT document_id, cluster_id FROM document_copies ORDER BY cluster_id, document_id")
        while let row = try rows.next() {
            let id: Int64 = row[0]
            let cluster: Int64 = row[1]
            let group = number[cluster] ?? {
                groups.append([])
                number[cluster] = Int32(groups.count - 1)
                return Int32(groups.count - 1)
            }()
            groups[Int(group)].append(id)
            if id >= groupOf.count { groupOf += [Int32](repeating: -1, count: Int(id) + 1 - groupOf.count) }
            groupOf[Int(id)] = group
        }
        return CopyGroups(generation: generation, groupOf: groupOf, groups: groups)
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
