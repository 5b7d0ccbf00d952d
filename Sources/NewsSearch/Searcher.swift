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
    /// Kept across queries: a long-running process reads the facet columns once per index change.
    let facetColumns = FacetColumnStore()

    public init(store: IndexStore) {
        self.store = store
    }

    public func search(_ request: SearchRequest) throws -> SearchResults {
        let started = DispatchTime.now()
        let query = QueryParser().parse(request.text)
        let filters = query.filters.merging(request.filters)
        var warnings = query.warnings.map(\.message)
        do {
            return try store.pool.read { db in
                let resolved = try FilterResolver(db: db).resolve(filters, warnings: &warnings)
                let columns = try facetColumns.columns(in: db)
                let filter = DocumentFilter(resolved, columns: columns)
                let clauses = query.positiveClauses
                let anyExpression = MatchExpression(query, mode: .any, analyzer: analyzer)
                let allExpression = MatchExpression(query, mode: .all, analyzer: analyzer)
                // `-china` alone: every article but those, listed by date.
                let exclusion = anyExpression == nil && query.isExclusionOnly
                    ? MatchExpression.exclusion(of: query, analyzer: analyzer) : nil
                if query.root != nil && anyExpression == nil && exclusion == nil {
                    warnings.append("nothing to search for in '\(request.text)'; showing articles by date")
                }
                // Partial matches only make sense ranked by relevance; sorted by date, the hits are the counted set.
                let byDate = request.sort != .relevance || anyExpression == nil
                var scan = MatchScan(
                    columns: columns, filter: filter, facets: request.facets, hits: request.offset + max(request.limit, 0))
                scan.order = byDate ? .date(newestFirst: request.sort != .oldest) : .relevance
                var counted = SearchResults.Counted.any
                var passExpression = anyExpression
                var allMatches: (set: [Bool], anyPasses: Bool)?
                if clauses.count <= 1 {
                    counted = .all
                } else if request.match == .all {
                    counted = .all
                    passExpression = allExpression ?? anyExpression
                } else if request.match == .auto, let allExpression {
                    let all = try MatchScan.matches(of: allExpression.text, columns: columns, filter: filter, in: db)
                    allMatches = all
                    if all.anyPasses {
                        counted = .all
                        scan.counted = all.set
                        if byDate { scan.hitsFrom = all.set }
                    }
                }
                if !byDate, passExpression == anyExpression, let anyExpression, let feedback = request.feedback,
                    let expansion = try QueryExpansion.make(
                        query: query, expression: anyExpression, feedback: feedback, columns: columns, filter: filter,
                        analyzer: analyzer, in: db)
                {
                    passExpression = expansion.expression
                    scan.hitsFrom = expansion.originalMatches
                    if scan.counted == nil { scan.counted = expansion.originalMatches }
                }
                if let prior = request.recency, !byDate {
                    scan.recency = try RecencyBoost.make(
                        prior, columns: columns, filter: filter,
                        allExpression: clauses.count > 1 && passExpression != allExpression ? allExpression : nil,
                        known: allMatches, in: db)
                }
                if let passExpression {
                    let rankCall = Self.rankCall(for: passExpression)
                    try scan.scan(
                        "SELECT rowid, rank FROM documents_fts WHERE documents_fts MATCH ? AND rank MATCH ?",
                        arguments: [passExpression.text, rankCall], in: db)
                } else if let exclusion {
                    scan.scanAll(excluding: try MatchScan.matches(of: exclusion.text, columns: columns, filter: filter, in: db).set)
                } else {
                    scan.scanAll()
                }
                let facets = try scan.tally.counts(
                    columns: columns, limit: max(request.facetLimit, 0), bucket: request.dateBucket, in: db)
                let entries = Array(scan.top.sorted().dropFirst(request.offset))
                var page = entries.map { (id: $0.id, score: $0.key) }
                if byDate {
                    let scoring = counted == .all ? allExpression ?? anyExpression : anyExpression
                    let scores = try scoring.map { try self.scores(of: entries.map(\.id), expression: $0, in: db) } ?? [:]
                    page = entries.map { ($0.id, scores[$0.id] ?? 0) }
                }
                let hits = try HitBuilder(db: db, query: query, expression: anyExpression, analyzer: analyzer).build(page, offset: request.offset)
                if anyExpression != nil, scan.total == 0, !resolved.isEmpty, scan.matched > 0 {
                    warnings.append(Self.emptyingFilters(scan, resolved, filters))
                }
                let suggestions = anyExpression != nil && scan.matched == 0
                    ? try SpellingHelp(db: db, analyzer: analyzer).suggestions(for: request.text, query: query) : []
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
                return SearchResults(
                    query: request.text, total: scan.total, counted: counted, tookMilliseconds: elapsed, hits: hits,
                    facets: facets, facetsCounted: request.facets, warnings: warnings, suggestions: suggestions)
            }
        } catch let error as DatabaseError {
            throw IndexStore.translate(error, path: store.path)
        }
    }

    /// Says which filter left nothing of the matches: the ones that alone keep none, else all together.
    static func emptyingFilters(_ scan: MatchScan, _ resolved: ResolvedFilters, _ filters: QueryFilters) -> String {
        var culprits: [String] = []
        if resolved.sourceIDs != nil, scan.keptBy(.source) == 0 {
            culprits.append("source " + filters.sources.map { "'\($0)'" }.joined(separator: " or "))
        }
        if resolved.actorDocuments != nil, scan.keptBy(.actor) == 0 {
            culprits.append("actor " + filters.actors.map { "'\($0)'" }.joined(separator: " or "))
        }
        if resolved.firstDay != nil || resolved.lastDay != nil, scan.keptBy(.date) == 0 {
            culprits.append("date \(resolved.firstDay ?? "…")..\(resolved.lastDay ?? "…")")
        }
        let noun = scan.matched == 1 ? "article matches" : "articles match"
        return culprits.isEmpty
            ? "\(scan.matched) \(noun) the words, but none passes all the filters together"
            : "\(scan.matched) \(noun) the words; the \(culprits.joined(separator: " and the ")) filter removed them all"
    }

    /// The rank function's argument: which query clause each FTS5 phrase belongs to, so coverage counts
    /// the user's clauses, not the excluded phrases the expression also holds, and each phrase's weight
    /// (``MatchExpression/rankArgument``: only digits, spaces, `-`, `.` and `:`, safe inside the rank expression).
    static func rankCall(for expression: MatchExpression) -> String {
        "\(FTS5RankFunction.name)('\(expression.rankArgument)')"
    }

    /// Scores of a page sorted by date, asked of FTS5 for those documents only.
    func scores(of ids: [Int64], expression: MatchExpression, in db: Database) throws -> [Int64: Double] {
        guard !ids.isEmpty else { return [:] }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT rowid, rank FROM documents_fts
                WHERE documents_fts MATCH ? AND rank MATCH ? AND rowid IN (SELECT value FROM json_each(?))
                """,
            arguments: [expression.text, Self.rankCall(for: expression), IDList.json(ids)])
        return Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as Int64, -($0[1] as Double)) })
    }
}

/// Id lists cross into SQL as one JSON array parameter, read with `json_each`.
enum IDList {
    static func json<S: Sequence<Int64>>(_ ids: S) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}
