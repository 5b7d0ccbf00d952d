import GRDB

/// Another outlet's copy of an article (issue 19): listed under a folded hit and by `search show`.
public struct ArticleCopy: Sendable, Equatable {
    public var id: String
    public var source: String
    /// `2025-04-10`, `2025-04`, `2025`, or nil when unknown.
    public var date: String?
    /// The copy's body length in characters; filled for `search show` only (nil on hits).
    public var characters: Int?
}

extension ArticleCopy {
    /// The copies of the documents `ids` (internal ids), listed by date then id, each without itself.
    static func of(_ ids: [Int64], groups: CopyGroups, lengths: Bool, in db: Database) throws -> [Int64: [ArticleCopy]] {
        var wanted: [Int64: [Int64]] = [:]
        for id in ids {
            let others = groups.members(of: id).filter { $0 != id }
            if !others.isEmpty { wanted[id] = others }
        }
        guard !wanted.isEmpty else { return [:] }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT d.id, d.external_id, d.date, \(lengths ? "length(d.body)" : "NULL") AS characters, s.name AS source
                FROM documents d JOIN sources s ON s.id = d.source_id
                WHERE d.id IN (SELECT value FROM json_each(?))
                """,
            arguments: [IDList.json(Set(wanted.values.joined()))])
        let byID = Dictionary(uniqueKeysWithValues: rows.map {
            ($0["id"] as Int64, ArticleCopy(id: $0["external_id"], source: $0["source"], date: $0["date"], characters: $0["characters"]))
        })
        return wanted.mapValues { others in
            others.compactMap { byID[$0] }.sorted { ($0.date ?? "", $0.id) < ($1.date ?? "", $1.id) }
        }
    }
}
