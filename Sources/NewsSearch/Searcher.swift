import Foundation
import GRDB
import NewsActors
import NewsAnalysis
import NewsQuery

/// Answers queries: ranked hits with snippets, and disjunctive facet counts over every match.
///
/// ```swift
/// let results = try Searcher(store: store).search(SearchRequest(text: "defense industrial"))
/// ```
public final class Searcher: Sendable {
    let store: IndexStore
    let analyzer = Analyzer()

    public init(store: IndexStore) {
        self.store = store
    }

    /// A matching document with what the filters and facets look at.
    struct Candidate {
        var id: Int64
        var sourceID: Int64
        var date: String?
        var dateFirst: String?
    }

    public func search(_ request: SearchRequest) throws -> SearchResults {
        let started = DispatchTime.now()
        let query = QueryParser().parse(request.text)
        let filters = query.filters.merging(request.filters)
        var warnings = query.warnings.map(\.message)
        do {
            return try store.pool.read { db in
                let resolved = try FilterResolver(db: db).resolve(filters, warnings: &warnings)
                let clauses = query.positiveClauses
                let anyExpression = MatchExpression(query, mode: .any, analyzer: analyzer)
                let allExpression = MatchExpression(query, mode: .all, analyzer: analyzer)
                // `-china` alone: every article but those, listed by date.
                let exclusion = anyExpression == nil && query.isExclusionOnly
                    ? MatchExpression.exclusion(of: query, analyzer: analyzer) : nil
                if query.root != nil && anyExpression == nil && exclusion == nil {
                    warnings.append("nothing to search for in '\(request.text)'; showing articles by date")
                }
                let anyMatches = try candidates(matching: anyExpression, excluding: exclusion, in: db)
                var counted = SearchResults.Counted.any
                var countSet = anyMatches
                var hitExpression = anyExpression
                switch request.match {
                case .any:
                    break
                case .all:
                    counted = .all
                    countSet = clauses.count > 1 ? try candidates(matching: allExpression, in: db) : anyMatches
                    hitExpression = allExpression
                case .auto:
                    if clauses.count > 1 {
                        let allMatches = try candidates(matching: allExpression, in: db)
                        if allMatches.contains(where: { resolved.accepts($0) }) {
                            counted = .all
                            countSet = allMatches
                        }
                    } else {
                        counted = .all
                    }
                }
                if clauses.count <= 1 { counted = .all }
                let total = countSet.reduce(0) { $0 + (resolved.accepts($1) ? 1 : 0) }
                let facets = try FacetCounter(db: db, request: request, resolved: resolved).count(countSet)
                // Partial matches only make sense ranked by relevance; sorted by date, the list is the counted set.
                let byDate = request.sort != .relevance
                let hitSet = request.match == .all || byDate ? countSet : anyMatches
                if byDate && counted == .all { hitExpression = allExpression ?? anyExpression }
                let page = try rankedPage(
                    of: hitSet, expression: hitExpression, request: request, resolved: resolved, in: db)
                let hits = try HitBuilder(db: db, query: query, expression: anyExpression, analyzer: analyzer).build(page, offset: request.offset)
                if anyExpression != nil, total == 0, !resolved.isEmpty, !anyMatches.isEmpty {
                    warnings.append(Self.emptyingFilters(anyMatches, resolved, filters))
                }
                let suggestions = anyExpression != nil && anyMatches.isEmpty
                    ? try SpellingHelp(db: db, analyzer: analyzer).suggestions(for: request.text, query: query) : []
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
                return SearchResults(
                    query: request.text, total: total, counted: counted, tookMilliseconds: elapsed, hits: hits,
                    facets: facets, facetsCounted: request.facets, warnings: warnings, suggestions: suggestions)
            }
        } catch let error as DatabaseError {
            throw IndexStore.translate(error, path: store.path)
        }
    }

    /// Says which filter left nothing of the matches: the ones that alone keep none, else all together.
    static func emptyingFilters(_ matches: [Candidate], _ resolved: ResolvedFilters, _ filters: QueryFilters) -> String {
        var culprits: [String] = []
        if resolved.sourceIDs != nil, !matches.contains(where: resolved.acceptsSource) {
            culprits.append("source " + filters.sources.map { "'\($0)'" }.joined(separator: " or "))
        }
        if resolved.actorDocuments != nil, !matches.contains(where: resolved.acceptsActor) {
            culprits.append("actor " + filters.actors.map { "'\($0)'" }.joined(separator: " or "))
        }
        if resolved.firstDay != nil || resolved.lastDay != nil, !matches.contains(where: resolved.acceptsDate) {
            culprits.append("date \(resolved.firstDay ?? "…")..\(resolved.lastDay ?? "…")")
        }
        let noun = matches.count == 1 ? "article matches" : "articles match"
        return culprits.isEmpty
            ? "\(matches.count) \(noun) the words, but none passes all the filters together"
            : "\(matches.count) \(noun) the words; the \(culprits.joined(separator: " and the ")) filter removed them all"
    }

    /// Every document the expression matches (every document when there is none), with its facet fields.
    func candidates(
        matching expression: MatchExpression?, excluding exclusion: MatchExpression? = nil, in db: Database
    ) throws -> [Candidate] {
        var result: [Candidate] = []
        let sql: String
        let arguments: StatementArguments
        if let expression {
            sql = """
                SELECT d.id, d.source_id, d.date, d.date_first FROM documents d
                WHERE d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)
                """
            arguments = [expression.text]
        } else if let exclusion {
            sql = """
                SELECT id, source_id, date, date_first FROM documents
                WHERE id NOT IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)
                """
            arguments = [exclusion.text]
        } else {
            sql = "SELECT id, source_id, date, date_first FROM documents"
            arguments = []
        }
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            result.append(Candidate(id: row[0], sourceID: row[1], date: row[2], dateFirst: row[3]))
        }
        return result
    }

    /// The requested page of hits, best first (or by date), as document ids with their scores.
    func rankedPage(
        of set: [Candidate], expression: MatchExpression?, request: SearchRequest,
        resolved: ResolvedFilters, in db: Database
    ) throws -> [(id: Int64, score: Double)] {
        // Only digits, spaces and a minus sign: safe inside the rank expression.
        let clauseMap = expression?.phraseClauses.map(String.init).joined(separator: " ") ?? ""
        let rankCall = "\(FTS5RankFunction.name)('\(clauseMap)')"
        let accepted = resolved.isEmpty ? set : set.filter { resolved.accepts($0) }
        guard let expression else {
            return Self.byDate(accepted, newestFirst: request.sort != .oldest).dropFirst(request.offset)
                .prefix(request.limit).map { ($0.id, 0) }
        }
        if request.sort != .relevance {
            let page = Self.byDate(accepted, newestFirst: request.sort == .newest)
                .dropFirst(request.offset).prefix(request.limit).map(\.id)
            let scores = try self.scores(of: page, expression: expression, rankCall: rankCall, in: db)
            return page.map { ($0, scores[$0] ?? 0) }
        }
        // Coverage counts the user's clauses, not the excluded phrases the expression also holds.
        var sql = "SELECT rowid, rank FROM documents_fts WHERE documents_fts MATCH ? AND rank MATCH ?"
        var arguments: StatementArguments = [expression.text, rankCall]
        if accepted.count != set.count {
            sql += " AND rowid IN (SELECT value FROM json_each(?))"
            arguments += [IDList.json(accepted.map(\.id))]
        }
        sql += " ORDER BY rank LIMIT ? OFFSET ?"
        arguments += [request.limit, request.offset]
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { ($0[0], -($0[1] as Double)) }
    }

    func scores(of ids: [Int64], expression: MatchExpression, rankCall: String, in db: Database) throws -> [Int64: Double] {
        guard !ids.isEmpty else { return [:] }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT rowid, rank FROM documents_fts
                WHERE documents_fts MATCH ? AND rank MATCH ? AND rowid IN (SELECT value FROM json_each(?))
                """,
            arguments: [expression.text, rankCall, IDList.json(ids)])
        return Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as Int64, -($0[1] as Double)) })
    }

    static func byDate(_ candidates: [Candidate], newestFirst: Bool) -> [Candidate] {
        candidates.sorted { a, b in
            switch (a.dateFirst, b.dateFirst) {
            case (nil, nil): return a.id > b.id
            case (nil, _): return false  // undated articles come last either way
            case (_, nil): return true
            case (let x?, let y?): return x == y ? a.id > b.id : (newestFirst ? x > y : x < y)
            }
        }
    }
}

/// Id lists cross into SQL as one JSON array parameter, read with `json_each`.
enum IDList {
    static func json<S: Sequence<Int64>>(_ ids: S) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}
