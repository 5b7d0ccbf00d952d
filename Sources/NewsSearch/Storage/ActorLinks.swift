import Foundation
import GRDB

/// One actor an article names, and how often.
struct ActorLink: Equatable, Sendable {
    var actor: Int64
    var mentions: Int64
}

/// Which actors each article names (`document_links`): one row per article, its links packed in a
/// BLOB as varint pairs (the gap from the previous actor id, the mentions), actor ids ascending.
/// Articles that name no actor have no row.
///
/// A row per link plus an `(actor_id, document_id)` index was half of what made the index larger than
/// the plain FTS5 load (3.77 of 7.27 MB at 10,000 realistic articles) and a sixth of the writer's time
/// (about 16 links an article, two B-tree inserts each). The look-ups from an actor to its articles
/// read the facet columns, which hold every link per document.
enum ActorLinks {
    static let table = "document_links"

    // MARK: Packing

    /// The links packed: duplicates of one actor summed, actor ids ascending.
    static func pack(_ links: [ActorLink]) -> [UInt8] {
        let sorted = links.sorted { $0.actor < $1.actor }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(sorted.count * 4)
        var previous: Int64 = 0
        var index = 0
        while index < sorted.count {
            var link = sorted[index]
            index += 1
            while index < sorted.count && sorted[index].actor == link.actor {
                link.mentions += sorted[index].mentions
                index += 1
            }
            Varint.append(UInt64(bitPattern: link.actor &- previous), to: &bytes)
            Varint.append(UInt64(bitPattern: link.mentions), to: &bytes)
            previous = link.actor
        }
        return bytes
    }

    /// Calls `body` with each link of a packed BLOB; a truncated BLOB (a damaged file) ends early.
    static func unpack(_ bytes: UnsafeRawBufferPointer, _ body: (ActorLink) -> Void) {
        var offset = 0
        var actor: Int64 = 0
        while let gap = Varint.read(bytes, at: &offset), let mentions = Varint.read(bytes, at: &offset) {
            actor &+= Int64(bitPattern: gap)
            body(ActorLink(actor: actor, mentions: Int64(bitPattern: mentions)))
        }
    }

    static func unpack(_ data: Data?) -> [ActorLink] {
        var links: [ActorLink] = []
        data?.withUnsafeBytes { unpack($0) { links.append($0) } }
        return links
    }

    // MARK: Reading

    /// The packed links of these documents, by document id (documents without links are absent).
    static func packed(of documents: some Sequence<Int64>, in db: Database) throws -> [Int64: Data] {
        var result: [Int64: Data] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT document_id, links FROM \(table) WHERE document_id IN (SELECT value FROM json_each(?))",
            arguments: [IDList.json(documents)])
        while let row = try rows.next() { result[row[0]] = row[1] }
        return result
    }

    /// The links of these documents, by document id (documents without links are absent).
    static func links(of documents: some Sequence<Int64>, in db: Database) throws -> [Int64: [ActorLink]] {
        try packed(of: documents, in: db).mapValues { unpack($0) }
    }

    /// An actor as an article's links name it.
    struct NamedLink {
        var name: String
        var type: String
        var mentions: Int64
    }

    /// The actors of these documents, most mentioned first and ties by name in SQLite's (byte) order,
    /// by document id; links to an actor that is not stored are left out.
    static func namedLinks(of documents: some Sequence<Int64>, in db: Database) throws -> [Int64: [NamedLink]] {
        let links = try links(of: documents, in: db)
        let actorIDs = Set(links.values.joined().map(\.actor))
        var actors: [Int64: (name: String, type: String)] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT id, name, type FROM actors WHERE id IN (SELECT value FROM json_each(?))",
            arguments: [IDList.json(actorIDs)])
        while let row = try rows.next() { actors[row[0]] = (row[1], row[2]) }
        return links.mapValues { links in
            links.compactMap { link in actors[link.actor].map { NamedLink(name: $0.name, type: $0.type, mentions: link.mentions) } }
                .sorted { $0.mentions != $1.mentions ? $0.mentions > $1.mentions : $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        }
    }

    /// Calls `body` with every document's id and packed links, in document order: one pass over the
    /// table (building the facet columns, counting or moving every link).
    static func forEachDocument(in db: Database, _ body: (Int64, UnsafeRawBufferPointer) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT document_id, links FROM \(table) ORDER BY document_id")
        while let row = try rows.next() {
            let id: Int64 = row[0]
            try row.withUnsafeData(atIndex: 1) { data in try (data ?? Data()).withUnsafeBytes { try body(id, $0) } }
        }
    }

    /// How many articles name each actor, by actor id (0 for ids no article names). An array, not a
    /// dictionary: this counts every link of the index (16 million at 1,000,000 realistic articles).
    static func articleCounts(in db: Database) throws -> [Int] {
        let limit = Int(try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM actors") ?? 0) + 1
        var counts = [Int](repeating: 0, count: limit)
        try forEachDocument(in: db) { _, bytes in
            unpack(bytes) { link in
                if link.actor >= 0 && link.actor < Int64(limit) { counts[Int(link.actor)] += 1 }
            }
        }
        return counts
    }

    // MARK: Writing

    /// Moves every link to an actor of `replacements` onto the actor it maps to (mentions summed where
    /// the article names both); returns the documents whose links changed.
    static func replace(_ replacements: [Int64: Int64], in db: Database) throws -> Set<Int64> {
        guard !replacements.isEmpty else { return [] }
        var rewritten: [(Int64, [UInt8])] = []
        try forEachDocument(in: db) { id, bytes in
            var links: [ActorLink] = []
            var touched = false
            unpack(bytes) { link in
                var link = link
                if let target = replacements[link.actor] {
                    link.actor = target
                    touched = true
                }
                links.append(link)
            }
            if touched { rewritten.append((id, pack(links))) }
        }
        let update = try db.cachedStatement(sql: "UPDATE \(table) SET links = ? WHERE document_id = ?")
        for (id, bytes) in rewritten { try update.execute(arguments: [Data(bytes), id]) }
        return Set(rewritten.map(\.0))
    }

    /// Drops actors (and their aliases) that no article names any more, so facets and lists stay truthful.
    static func pruneUnnamedActors(in db: Database) throws {
        let counts = try articleCounts(in: db)
        let unnamed = { (sql: String) in
            try Int64.fetchAll(db, sql: sql).filter { $0 < 0 || $0 >= Int64(counts.count) || counts[Int($0)] == 0 }
        }
        let aliased = try unnamed("SELECT DISTINCT actor_id FROM actor_aliases")
        if !aliased.isEmpty {
            try db.execute(
                sql: "DELETE FROM actor_aliases WHERE actor_id IN (SELECT value FROM json_each(?))", arguments: [IDList.json(aliased)])
        }
        let actors = try unnamed("SELECT id FROM actors")
        if !actors.isEmpty {
            try db.execute(sql: "DELETE FROM actors WHERE id IN (SELECT value FROM json_each(?))", arguments: [IDList.json(actors)])
        }
    }
}
