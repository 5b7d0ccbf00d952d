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
    /// How many id ranges a pass over the matches is split into, from how many document ids on.
    let parallelism: (parts: Int, threshold: Int)

    public convenience init(store: IndexStore) {
        self.init(store: store, parallelism: (ProcessInfo.processInfo.activeProcessorCount, 50_000))
    }

    init(store: IndexStore, parallelism: (parts: Int, threshold: Int)) {
        self.store = store
        self.parallelism = parallelism
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
                    columns: columns, filter: filter, facets: request.facets, hits: request.pageEnd)
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
                        analyzer: analyzer, parallelism: parallelism, store: store, in: db)
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
                    let pass = MatchScan.RankedPass(clauseMap: Self.clauseMap(of: passExpression), expression: passExpression.text)
                    try scan.run(pass, parts: parallelism.parts, threshold: parallelism.threshold, store: store, in: db)
                } else if let exclusion {
                    scan.scanAll(excluding: try MatchScan.matches(of: exclusion.text, columns: columns, filter: filter, in: db).set)
                } else {
                    scan.scanAll()
                }
                let facets = try scan.tally.counts(
                    columns: columns, limit: max(request.facetLimit, 0), bucket: request.dateBucket, in: db)
                let page = scan.top.sorted().dropFirst(max(request.offset, 0)).map { (id: $0.id, score: $0.score) }
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

    /// The rank function's first argument: which query clause each FTS5 phrase belongs to, so coverage
    /// counts the user's clauses, not the excluded phrases the expression also holds, and each phrase's
    /// weight (``MatchExpression/rankArgument``).
    static func clauseMap(of expression: MatchExpression) -> String {
        expression.rankArgument
    }

    /// `newsrank` with the default parameters, the clause map as parameter 1 and the document lengths
    /// as parameter 2 (a pointer bound by ``MatchScan``).
    static let rankWithLengths: String = {
        let defaults = Array(repeating: "NULL", count: Int(FTS5RankFunction.lengthsArgument) - 1).joined(separator: ", ")
        return "\(FTS5RankFunction.name)(documents_fts, ?, \(defaults), ?)"
    }()
}

/// Id lists cross into SQL as one JSON array parameter, read with `json_each`.
enum IDList {
    static func json<S: Sequence<Int64>>(_ ids: S) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}
