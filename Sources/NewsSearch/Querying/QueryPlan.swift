import NewsAnalysis
import NewsQuery

/// What a query will do, decided from the parsed query and the request alone, before the index is
/// touched: which expression the pass ranks, which documents `total` and the facets describe, which
/// may be hits, in what order, and which stages (feedback, recency) apply. ``QueryExecutor`` runs it.
///
/// ```swift
/// let plan = QueryPlan(SearchRequest(text: "defense industrial"))
/// plan.source    // .ranked("defense" OR "industrial")
/// plan.counting  // .allTermsWhenAny("defense" AND "industrial")
/// ```
struct QueryPlan: Sendable {
    /// The documents the pass visits.
    enum Source: Sendable, Equatable {
        /// The matches of an expression, each ranked by `newsrank` (unless admission skips it).
        case ranked(MatchExpression)
        /// Every document but the matches of the expression (a query of exclusions only: `-china`).
        case allExcept(MatchExpression)
        /// Every document (a query of filters only, or of words that make no tokens).
        case everything
    }

    /// Which documents `total` and the facets count.
    enum Counting: Sendable, Equatable {
        /// Every document the pass visits, labelled as the result's `counted`.
        case visited(SearchResults.Counted)
        /// The matches of the all-terms expression when one of them passes the filters (`"all"`), else
        /// every document visited (`"any"`): `--match auto` on a query of several clauses.
        case allTermsWhenAny(MatchExpression)
    }

    /// `--recency`: the prior, and the expression whose matches alone are boosted (nil: every match).
    struct RecencyStage: Sendable, Equatable {
        let prior: RecencyPrior
        /// The all-terms expression of a query of several clauses: a partial match is never lifted over
        /// an exact one. Skipped when it is the expression ranked, whose matches all have every clause.
        let everyClause: MatchExpression?
    }

    /// The query as typed.
    let text: String
    let query: Query
    /// The request's filters and the query's own (`source:`, `date:`).
    let filters: QueryFilters
    /// The parser's warnings; ``notes`` follow the filters' own.
    let warnings: [String]
    let notes: [String]
    let source: Source
    let order: MatchScan.Order
    let counting: Counting
    /// Sorted by date under `--match auto`: the hits are the counted documents, as partial matches only
    /// make sense ranked by relevance.
    let hitsAreCounted: Bool
    /// Pseudo-relevance feedback, when it may apply: a long query ranked by relevance on its any-term
    /// expression (``QueryExpansion`` decides on the index whether it does).
    let feedback: RelevanceFeedback?
    let recency: RecencyStage?
    /// The any-term expression: snippets, `missing` and spelling help describe the words typed, whatever
    /// the pass ranks.
    let hitExpression: MatchExpression?
    let facets: Set<SearchRequest.Facet>
    let facetLimit: Int
    let dateBucket: SearchRequest.Bucket
    /// As given: the page skips `max(offset, 0)`, and hits are numbered from it.
    let offset: Int
    /// How many of the best documents the pass keeps: offset + limit.
    let pageEnd: Int
    /// Explain the page's hits, once they are known.
    let explain: Bool
    /// Fold copies into their best-ranked member (issue 19); false for `--no-fold`.
    let folds: Bool

    init(_ request: SearchRequest, analyzer: Analyzer = Analyzer()) {
        let query = QueryParser().parse(request.text)
        self.query = query
        text = request.text
        filters = query.filters.merging(request.filters)
        warnings = query.warnings.map(\.message)
        let clauses = query.positiveClauses
        let any = MatchExpression(query, mode: .any, analyzer: analyzer)
        let all = MatchExpression(query, mode: .all, analyzer: analyzer)
        let exclusion = any == nil && query.isExclusionOnly ? MatchExpression.exclusion(of: query, analyzer: analyzer) : nil
        var notes = query.root != nil && any == nil && exclusion == nil
            ? ["nothing to search for in '\(request.text)'; showing articles by date"] : []
        // `after:` later than `before:` (a typo, or bounds from the query and the flags that disagree)
        // matches nothing; saying so beats a bare "0 articles".
        if let since = filters.since, let until = filters.until, since.firstDay > until.lastDay {
            notes.append("no date is both from \(since) and up to \(until): the range is empty (are the dates the wrong way round?)")
        }
        // A pasted address is searched as its words, which no article's text holds.
        let pasted = request.text.trimmingCharacters(in: .whitespaces)
        if WebAddress.isWebAddress(pasted), !pasted.contains(" ") {
            notes.append("a web address is not searched as text: `search show \(pasted)` finds the article saved from it")
        }
        self.notes = notes

        let byDate = request.sort != .relevance || any == nil
        order = byDate ? .date(newestFirst: request.sort != .oldest) : .relevance
        var ranked = any
        var countsAllTerms = false
        if clauses.count <= 1 {
            counting = .visited(.all)
        } else if request.match == .all {
            counting = .visited(.all)
            ranked = all ?? any
        } else if request.match == .auto, let all {
            counting = .allTermsWhenAny(all)
            countsAllTerms = true
        } else {
            counting = .visited(.any)
        }
        hitsAreCounted = byDate && countsAllTerms
        source = ranked.map(Source.ranked) ?? exclusion.map(Source.allExcept) ?? .everything
        feedback = !byDate && ranked == any ? request.feedback : nil
        recency = byDate ? nil : request.recency.map { RecencyStage(prior: $0, everyClause: clauses.count > 1 ? all : nil) }
        hitExpression = any
        facets = request.facets
        facetLimit = max(request.facetLimit, 0)
        dateBucket = request.dateBucket
        offset = request.offset
        pageEnd = request.pageEnd
        explain = request.explain
        folds = request.fold
    }
}
