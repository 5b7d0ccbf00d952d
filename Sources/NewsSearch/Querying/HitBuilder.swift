import GRDB
import NewsActors
import NewsAnalysis
import NewsQuery

/// Turns a page of ranked ids into hits: stored fields, top actors, snippet, and missing terms.
struct HitBuilder {
    let db: Database
    let query: Query
    /// The query's any-term expression, as the searcher compiled it.
    let expression: MatchExpression?
    let analyzer: Analyzer
    /// The clusters of copies, when hits list theirs (folded results).
    var copies: CopyGroups?
    /// The columns the query was answered from: they list the copies when they hold their external ids.
    var columns: FacetColumns?
    /// How many actors a hit lists: enough to say who the article is about.
    static let actorsPerHit = 4

    func build(
        _ page: [(id: Int64, score: Double)], offset: Int, explanations: [Int64: Explanation] = [:]
    ) throws -> [SearchHit] {
        guard !page.isEmpty else { return [] }
        let ids = page.map(\.id)
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT d.id, d.external_id, d.title, d.body, d.date, d.url, COALESCE(d.path, f.path) AS path, s.name AS source
                FROM documents d JOIN sources s ON s.id = d.source_id LEFT JOIN files f ON f.id = d.file_id
                WHERE d.id IN (SELECT value FROM json_each(?))
                """,
            arguments: [IDList.json(ids)])
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as Int64, $0) })
        let actors = try ActorLinks.namedLinks(of: ids, in: db).mapValues { links in
            links.filter { $0.type != ActorType.location.rawValue }.prefix(Self.actorsPerHit).map(\.name)
        }
        let missing = try missingClauses(for: ids)
        let copiesOf = try copies.map { groups in
            try columns.flatMap { try ArticleCopy.listed(ids, columns: $0, in: db) }
                ?? ArticleCopy.of(ids, groups: groups, lengths: false, in: db)
        } ?? [:]
        let selector = SnippetSelector(matcher: TermMatcher(query: query, analyzer: analyzer), analyzer: analyzer)
        return page.enumerated().compactMap { index, entry in
            guard let row = byID[entry.id] else { return nil }
            let body: String = row["body"]
            return SearchHit(
                id: row["external_id"], rank: Int.max - offset > index ? offset + index + 1 : Int.max, score: entry.score, title: row["title"],
                date: row["date"], source: row["source"], url: row["url"], path: row["path"],
                actors: actors[entry.id] ?? [], snippet: selector.snippet(of: body),
                missing: missing[entry.id] ?? [], explanation: explanations[entry.id], copies: copiesOf[entry.id] ?? [])
        }
    }

    /// For each hit, the positive clauses it lacks, asked of FTS5 itself (one pass with
    /// `newsclauses`), so stemming, phrases and synonym alternatives agree with the match.
    func missingClauses(for ids: [Int64]) throws -> [Int64: [String]] {
        let clauses = query.positiveClauses
        guard clauses.count > 1, let expression else { return [:] }
        let call = RankCall(expression)
        let statement = try db.makeStatement(sql: """
            SELECT rowid, \(FTS5RankFunction.clausesName)(documents_fts, :input) FROM documents_fts
            WHERE documents_fts MATCH :expression AND rowid IN (SELECT value FROM json_each(:ids))
            """)
        try statement.setArguments(["input": nil, "expression": expression.text, "ids": IDList.json(ids)])
        call.bindInputs(statement, lengths: nil)
        let rows = try withExtendedLifetime(call) { try Row.fetchAll(statement) }
        var having: [Int64: Set<Int>] = [:]
        for row in rows {
            having[row[0]] = Set((row[1] as String? ?? "").split(separator: " ").compactMap { Int($0) })
        }
        var missing: [Int64: [String]] = [:]
        for id in ids {
            let found = having[id] ?? []
            let lacking = clauses.indices.filter { !found.contains($0) }.map { clauses[$0].displayText }
            if !lacking.isEmpty { missing[id] = lacking }
        }
        return missing
    }
}
