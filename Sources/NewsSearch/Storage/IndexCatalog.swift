import Foundation
import GRDB
import NewsActors

/// One stored article, as `search show` prints it.
public struct StoredArticle: Sendable {
    public var id: String
    public var title: String
    public var body: String
    public var date: String?
    public var source: String
    public var url: String?
    public var path: String?
    public var authors: [String]
    public var actors: [ActorCount]
    public var metadata: [String: String]
    /// What cleaning removed at index time; nil when the article was indexed before the index kept it.
    public var removed: StoredRemovals?
    /// Other outlets' copies of this story (issue 19), by date, each with its body's length.
    public var copies: [ArticleCopy] = []
}

/// An actor with the number of documents naming it (or its mentions in one document).
public struct ActorCount: Sendable, Equatable {
    public var name: String
    public var type: ActorType
    public var count: Int
}

/// What an index holds, for `search stats`.
public struct IndexStatistics: Sendable {
    public var documents: Int
    public var sources: Int
    public var actors: Int
    public var firstDate: String?
    public var lastDate: String?
    public var undated: Int
    public var fileBytes: Int
    public var textBytes: Int
    public var schemaVersion: Int
    public var tokenizerVersion: Int
    public var tokenizer: String
    public var path: String
}

/// Read-only questions about an index that are not searches.
public struct IndexCatalog: Sendable {
    let store: IndexStore

    public init(store: IndexStore) {
        self.store = store
    }

    /// The article with this id; else, when `id` is a web address, the first article saved from it (an
    /// analyst has the address, not the file name the page was saved under). That look-up reads every
    /// article's address, so it runs only when no id matches.
    public func article(id: String) throws -> StoredArticle {
        try read { db in
            let columns = """
                SELECT d.id AS rowid, d.external_id, d.title, d.body, d.date, d.url, COALESCE(d.path, f.path) AS path,
                       d.authors, d.metadata, d.removed, d.removed_omitted, s.name AS source
                FROM documents d JOIN sources s ON s.id = d.source_id LEFT JOIN files f ON f.id = d.file_id
                """
            var found = try Row.fetchOne(db, sql: columns + " WHERE d.external_id = ?", arguments: [id])
            if found == nil, WebAddress.isWebAddress(id) {
                let other = id.hasSuffix("/") ? String(id.dropLast()) : id + "/"
                found = try Row.fetchOne(
                    db, sql: columns + " WHERE d.url IN (?, ?) ORDER BY d.id LIMIT 1", arguments: [id, other])
            }
            guard let row = found else { throw IndexError.documentNotFound(id: id) }
            let documentID: Int64 = row["rowid"]
            let actors = (try ActorLinks.namedLinks(of: [documentID], in: db)[documentID] ?? []).map {
                ActorCount(name: $0.name, type: ActorType(rawValue: $0.type) ?? .person, count: Int($0.mentions))
            }
            let copies = try ArticleCopy.of(documentID: row["rowid"], in: db)
            let decode = { (text: String) in Data(text.utf8) }
            return StoredArticle(
                id: row["external_id"], title: row["title"], body: row["body"], date: row["date"],
                source: row["source"], url: row["url"], path: row["path"],
                authors: (try? JSONDecoder().decode([String].self, from: decode(row["authors"]))) ?? [],
                actors: actors,
                metadata: StoredMetadata.decode(row["metadata"], names: try StoredMetadata.names(in: db)) ?? [:],
                removed: StoredRemovals.decode(json: row["removed"], omitted: row["removed_omitted"]),
                copies: copies)
        }
    }

    public func actors(type: ActorType? = nil, limit: Int = 50) throws -> [ActorCount] {
        try read { db in
            let counts = try ActorLinks.articleCounts(in: db)
            var actors: [ActorCount] = []
            let rows = try Row.fetchCursor(
                db, sql: "SELECT id, name, type FROM actors" + (type == nil ? "" : " WHERE type = ?"),
                arguments: StatementArguments(type.map { [$0.rawValue] } ?? []))
            while let row = try rows.next() {
                let id: Int64 = row[0]
                guard id >= 0 && id < Int64(counts.count) && counts[Int(id)] > 0 else { continue }
                let count = counts[Int(id)]
                actors.append(ActorCount(name: row[1], type: ActorType(rawValue: row[2]) ?? .person, count: count))
            }
            // Most articles first, ties by name in SQLite's (byte) order.
            actors.sort { $0.count != $1.count ? $0.count > $1.count : $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
            return limit < 0 ? actors : Array(actors.prefix(limit))  // SQLite's LIMIT: negative means none
        }
    }

    public func statistics() throws -> IndexStatistics {
        let fileBytes = ["", "-wal"].reduce(0) { total, suffix in
            total + ((try? FileManager.default.attributesOfItem(atPath: store.path + suffix)[.size] as? NSNumber)??.intValue ?? 0)
        }
        return try read { db in
            let counts = try Row.fetchOne(
                db,
                sql: """
                    SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM sources),
                           (SELECT COUNT(*) FROM actors), (SELECT MIN(date) FROM documents),
                           (SELECT MAX(date) FROM documents), (SELECT COUNT(*) FROM documents WHERE date IS NULL),
                           (SELECT COALESCE(SUM(LENGTH(CAST(title AS BLOB)) + LENGTH(CAST(body AS BLOB))), 0) FROM documents)
                    """)!
            // Not the whole table: it also holds the learned boilerplate model (megabytes).
            let meta = try MetaTable.values(["schema_version", "tokenizer_version"], in: db)
            return IndexStatistics(
                documents: counts[0], sources: counts[1], actors: counts[2], firstDate: counts[3], lastDate: counts[4],
                undated: counts[5], fileBytes: fileBytes, textBytes: counts[6],
                schemaVersion: Int(meta["schema_version"] ?? "") ?? 0,
                tokenizerVersion: Int(meta["tokenizer_version"] ?? "") ?? 0,
                tokenizer: FTS5TokenizerBridge.name, path: store.path)
        }
    }

    /// Runs SQLite's `integrity_check` and FTS5's `integrity-check` (with the content comparison), and
    /// checks the columns file against the tables; returns the problems found, none when the
    /// index is sound.
    public func verify() throws -> [String] {
        do {
            return try store.pool.writeWithoutTransaction { db in
                var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
                do {
                    try db.execute(sql: "INSERT INTO documents_fts(documents_fts, rank) VALUES('integrity-check', 1)")
                } catch let error as DatabaseError {
                    problems.append("full-text index: \(error.message ?? "\(error.resultCode)")")
                }
                if let columns = try FacetColumnStore.verify(in: db, indexPath: store.path) { problems.append(columns) }
                let unreadable = try StoredMetadata.unreadableRows(in: db)
                if unreadable > 0 { problems.append("metadata of \(unreadable) articles cannot be read; run search index --rebuild") }
                let dangling = try HolderFiles.danglingRows(in: db)
                if dangling > 0 {
                    problems.append("which files hold which articles: \(dangling) of its records name a missing article or file; run search index --rebuild")
                }
                return problems
            }
        } catch let error as DatabaseError {
            throw IndexStore.translate(error, path: store.path)
        }
    }

    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try store.read(body)
        } catch let error as DatabaseError {
            throw IndexStore.translate(error, path: store.path)
        }
    }
}
