import GRDB
import NewsAnalysis
import NewsQuery

/// Runs a ``QueryPlan`` on one read transaction: resolves the filters, makes the one pass over the
/// matches (after the feedback and recency stages the plan asks for), and builds the page of hits.
struct QueryExecutor {
    let db: Database
    let store: IndexStore
    let columns: FacetColumns
    let analyzer: Analyzer
    let parallelism: (parts: Int, threshold: Int)

    /// The answer, but for the time it took (the caller's clock covers the planning too).
    func run(_ plan: QueryPlan) throws -> SearchResults {
        var warnings = plan.warnings
        let resolved = try FilterResolver(db: db).resolve(plan.filters, warnings: &warnings)
        warnings += plan.notes
        let filter = DocumentFilter(resolved, columns: columns)
        var sets = MatchSets(columns: columns, filter: filter, db: db)
        var scan = MatchScan(columns: columns, filter: filter, facets: plan.facets, hits: plan.pageEnd)
        scan.order = plan.order

        var counted = SearchResults.Counted.any
        switch plan.counting {
        case .visited(let label):
            counted = label
        case .allTermsWhenAny(let all):
            let matches = try sets.matches(of: all)
            if matches.anyPasses {
                counted = .all
                scan.counted = matches.set
                if plan.hitsAreCounted { scan.hitsFrom = matches.set }
            }
        }
        var ranked: MatchExpression?
        if case .ranked(let expression) = plan.source { ranked = expression }
        if let expression = ranked, let feedback = plan.feedback,
            let expansion = try QueryExpansion.make(
                query: plan.query, expression: expression, feedback: feedback, columns: columns, filter: filter,
                analyzer: analyzer, parallelism: parallelism, store: store, in: db)
        {
            ranked = expansion.expression
            scan.hitsFrom = expansion.originalMatches
            if scan.counted == nil { scan.counted = expansion.originalMatches }
        }
        if let stage = plan.recency {
            let every = stage.everyClause.flatMap { $0 == ranked ? nil : $0 }
            scan.recency = RecencyBoost(
                prior: stage.prior, columns: columns, everyClause: try every.flatMap { try sets.matches(of: $0).passingSet })
        }
        if let ranked {
            try scan.run(RankCall(ranked), parts: parallelism.parts, threshold: parallelism.threshold, store: store, in: db)
        } else if case .allExcept(let exclusion) = plan.source {
            scan.scanAll(excluding: try sets.matches(of: exclusion).set)
        } else {
            scan.scanAll()
        }

        let facets = try scan.tally.counts(columns: columns, limit: plan.facetLimit, bucket: plan.dateBucket, in: db)
        let page = scan.top.sorted().dropFirst(max(plan.offset, 0)).map { (id: $0.id, score: $0.score) }
        var explanations: [Int64: Explanation] = [:]
        if plan.explain {
            let ids = page.map(\.id)
            explanations = try ranked.map {
                try HitExplainer(db: db, call: RankCall($0), lengths: columns.tokenLengths, recency: scan.recency).explain(ids)
            } ?? Dictionary(uniqueKeysWithValues: ids.map { ($0, HitExplainer.unranked) })
        }
        let hits = try HitBuilder(db: db, query: plan.query, expression: plan.hitExpression, analyzer: analyzer)
            .build(page, offset: plan.offset, explanations: explanations)
        if plan.hitExpression != nil, scan.total == 0, !resolved.isEmpty, scan.matched > 0 {
            warnings.append(Searcher.emptyingFilters(scan, resolved, plan.filters))
        }
        let suggestions = plan.hitExpression != nil && scan.matched == 0
            ? try SpellingHelp(db: db, analyzer: analyzer).suggestions(for: plan.text, query: plan.query) : []
        return SearchResults(
            query: plan.text, total: scan.total, counted: counted, tookMilliseconds: 0, hits: hits,
            facets: facets, facetsCounted: plan.facets, warnings: warnings, suggestions: suggestions)
    }
}
