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
    /// The copies of one document, with their lengths (in Unicode scalars, as SQLite's `length()` counts).
    static func of(documentID: Int64, in db: Database) throws -> [ArticleCopy] {
        let members = try Int64.fetchAll(
            db,
            sql: """
                SELECT other.document_id FROM document_copies own
                JOIN document_copies other ON other.cluster_id = own.cluster_id
                WHERE own.document_id = ? ORDER BY other.document_id
                """,
            arguments: [documentID])
        guard members.count > 1 else { return [] }
        return try fetch(members.filter { $0 != documentID }, lengths: true, in: db)
    }

    /// Articles by internal id, by date then id.
    static func fetch(_ ids: [Int64], lengths: Bool, in db: Database) throws -> [ArticleCopy] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT d.external_id, d.date, \(lengths ? "length(d.body)" : "NULL") AS characters, s.name AS source
                FROM documents d JOIN sources s ON s.id = d.source_id
                WHERE d.id IN (SELECT value FROM json_each(?))
                """,
            arguments: [IDList.json(ids)]
        ).map { ArticleCopy(id: $0["external_id"], source: $0["source"], date: $0["date"], characters: $0["characters"]) }
            .sorted { ($0.date ?? "", $0.id) < ($1.date ?? "", $1.id) }
    }

    /// ``of(_:groups:lengths:in:)`` without lengths, from the columns alone: each cluster's external ids
    /// lie together in the columns file, and sources and dates are columns, so listing a hit's copies
    /// reads a few pages instead of a `documents` row per copy (at 1,000,000 realistic articles, ten
    /// hits of a word in 458 articles list 435 copies). Nil when the file does not hold the external ids.
    static func listed(_ ids: [Int64], columns: FacetColumns, in db: Database) throws -> [Int64: [ArticleCopy]]? {
        guard let groups = columns.copies, groups.externalIDs != nil else { return nil }
        var wanted: [Int64: [(id: Int64, externalID: String)]] = [:]
        for id in ids {
            let others = (groups.namedMembers(of: id) ?? []).filter { $0.id != id && columns.contains($0.id) }
            if !others.isEmpty { wanted[id] = others }
        }
        guard !wanted.isEmpty else { return [:] }
        let sourceIDs = Set(wanted.values.joined().map { Int64(columns.source[Int($0.id)]) })
        let names = Dictionary(uniqueKeysWithValues: try Row.fetchAll(
            db, sql: "SELECT id, name FROM sources WHERE id IN (SELECT value FROM json_each(?))",
            arguments: [IDList.json(Array(sourceIDs))]
        ).map { ($0[0] as Int64, $0[1] as String) })
        return wanted.mapValues { others in
            others.compactMap { member -> ArticleCopy? in
                // As the table's join: a copy whose source has no row is not listed.
                guard let source = names[Int64(columns.source[Int(member.id)])] else { return nil }
                let code = columns.date(of: Int(member.id))
                return ArticleCopy(id: member.externalID, source: source, date: code < 0 ? nil : columns.dates[code])
            }.sorted { ($0.date ?? "", $0.id) < ($1.date ?? "", $1.id) }
        }
    }

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
