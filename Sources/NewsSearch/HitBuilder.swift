import GRDB
import NewsAnalysis
import NewsQuery

/// Turns a page of ranked ids into hits: stored fields, top actors, snippet, and missing terms.
struct HitBuilder {
    let db: Database
    let query: Query
    let analyzer: Analyzer
    /// How many actors a hit lists: enough to say who the article is about.
    static let actorsPerHit = 4

    func build(_ page: [(id: Int64, score: Double)], offset: Int) throws -> [SearchHit] {
        guard !page.isEmpty else { return [] }
        let ids = page.map(\.id)
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT d.id, d.external_id, d.title, d.body, d.date, d.url, d.path, s.name AS source
                FROM documents d JOIN sources s ON s.id = d.source_id
                WHERE d.id IN (SELECT value FROM json_each(?))
                """,
            arguments: [IDList.json(ids)])
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as Int64, $0) })
        let actorRows = try Row.fetchAll(
            db,
            sql: """
                SELECT da.document_id, a.name FROM document_actors da JOIN actors a ON a.id = da.actor_id
                WHERE da.document_id IN (SELECT value FROM json_each(?)) AND a.type != 'location'
                ORDER BY da.document_id, da.mentions DESC, a.name
                """,
            arguments: [IDList.json(ids)])
        var actors: [Int64: [String]] = [:]
        for row in actorRows {
            let id: Int64 = row[0]
            if actors[id, default: []].count < Self.actorsPerHit { actors[id, default: []].append(row[1]) }
        }
        let missing = try missingClauses(for: ids)
        let selector = SnippetSelector(matcher: TermMatcher(query: query, analyzer: analyzer), analyzer: analyzer)
        return page.enumerated().compactMap { index, entry in
            guard let row = byID[entry.id] else { return nil }
            let body: String = row["body"]
            return SearchHit(
                id: row["external_id"], rank: offset + index + 1, score: entry.score, title: row["title"],
                date: row["date"], source: row["source"], url: row["url"], path: row["path"],
                actors: actors[entry.id] ?? [], snippet: selector.snippet(of: body),
                missing: missing[entry.id] ?? [])
        }
    }

    /// For each hit, the positive clauses it lacks, asked of FTS5 itself so stemming and phrases agree.
    func missingClauses(for ids: [Int64]) throws -> [Int64: [String]] {
        let clauses = query.positiveClauses
        guard clauses.count > 1 else { return [:] }
        var missing: [Int64: [String]] = [:]
        for clause in clauses {
            guard let expression = MatchExpression(clause: clause, analyzer: analyzer) else { continue }
            let having = Set(try Int64.fetchAll(
                db,
                sql: "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))",
                arguments: [expression.text, IDList.json(ids)]))
            for id in ids where !having.contains(id) { missing[id, default: []].append(clause.displayText) }
        }
        return missing
    }
}
