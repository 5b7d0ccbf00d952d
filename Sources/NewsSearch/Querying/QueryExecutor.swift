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
    let copies: CopyGroups
    let parallelism: (parts: Int, threshold: Int)
    /// Skip ranking partial matches that cannot reach the page (exact; off only to test that it is).
    var prunes = true

    /// The answer, but for the time it took (the caller's clock covers the planning too).
    func run(_ plan: QueryPlan) throws -> SearchResults {
        var warnings = plan.warnings
        let resolved = try FilterResolver(db: db).resolve(plan.filters, warnings: &warnings)
        warnings += plan.notes
        let filter = DocumentFilter(resolved, columns: columns)
        var sets = MatchSets(columns: columns, filter: filter, db: db)
        var scan = MatchScan(columns: columns, filter: filter, facets: plan.facets, hits: plan.pageEnd)
        scan.order = plan.order
        scan.boundsRows = prunes
        scan.copies = CopyFolding(groups: copies, folds: plan.folds)

        let counted = try count(plan, into: &scan, sets: &sets)
        let guarded = guardedBy(plan, scan)
        let ranked = try stages(plan, into: &scan, sets: &sets, filter: filter)
        if let ranked, let guarded, case .ranked(ranked) = plan.source {
            try scan.runGuarded(ranked, complete: guarded, query: plan.query, analyzer: analyzer, parallelism: parallelism, store: store, in: db)
        } else if let ranked {
            try scan.run(RankCall(ranked), parts: parallelism.parts, threshold: parallelism.threshold, store: store, in: db)
        } else if case .allExcept(let exclusion) = plan.source {
            scan.scanAll(excluding: try sets.matches(of: exclusion).set)
        } else {
            scan.scanAll()
        }

        scan.copies.release(into: &scan.top)
        let facets = try scan.tally.counts(columns: columns, limit: plan.facetLimit, bucket: plan.dateBucket, in: db)
        let page = scan.top.sorted().dropFirst(max(plan.offset, 0)).map { (id: $0.id, score: $0.score) }
        let explanations = plan.explain ? try explain(page.map(\.id), ranked: ranked, recency: scan.recency) : [:]
        let hits = try HitBuilder(
            db: db, query: plan.query, expression: plan.hitExpression, analyzer: analyzer, copies: plan.folds ? copies : nil,
            columns: columns)
            .build(page, offset: plan.offset, explanations: explanations)
        if plan.hitExpression != nil, scan.total == 0, !resolved.isEmpty, scan.matched > 0 {
            warnings.append(Searcher.emptyingFilters(scan, resolved, plan.filters))
        }
        let suggestions = plan.hitExpression != nil && scan.matched == 0
            ? try SpellingHelp(db: db, analyzer: analyzer).suggestions(for: plan.text, query: plan.query) : []
        return SearchResults(
            query: plan.text, total: scan.total, totalClusters: scan.copies.clusters, counted: counted, tookMilliseconds: 0, hits: hits,
            facets: facets, facetsCounted: plan.facets, warnings: warnings, suggestions: suggestions, rankedMatches: scan.ranked)
    }

    /// Scopes what `scan` counts (and, sorted by date under `--match auto`, what may be a hit).
    private func count(_ plan: QueryPlan, into scan: inout MatchScan, sets: inout MatchSets) throws -> SearchResults.Counted {
        switch plan.counting {
        case .visited(let label):
            return label
        case .allTermsWhenAny(let all):
            let matches = try sets.matches(of: all)
            guard matches.anyPasses else { return .any }
            scan.counted = matches.set
            if prunes, plan.query.clausesAreAlternatives { scan.complete = matches.set }
            if plan.hitsAreCounted { scan.hitsFrom = matches.set }
            return .all
        }
    }

    /// The all-terms expression when the pass may visit only the partial matches that could reach the
    /// page (``MatchScan/runGuarded(_:complete:query:analyzer:parallelism:store:in:)``): ranked by
    /// relevance, its full matches known and counted. Not after feedback: its added terms weigh as much
    /// as the question (RM3), so a partial match's bound needs nearly every phrase, and the guarded
    /// pass cost more than the plain one (a 10-word question at 200,000 articles, BENCHMARKS.md).
    private func guardedBy(_ plan: QueryPlan, _ scan: MatchScan) -> MatchExpression? {
        guard scan.complete != nil, plan.order == .relevance, case .allTermsWhenAny(let all) = plan.counting else { return nil }
        return all
    }

    /// Runs the feedback stage and sets up the recency stage; returns the expression to rank, nil when
    /// the pass ranks nothing.
    private func stages(
        _ plan: QueryPlan, into scan: inout MatchScan, sets: inout MatchSets, filter: DocumentFilter
    ) throws -> MatchExpression? {
        guard case .ranked(var ranked) = plan.source else { return nil }
        if let feedback = plan.feedback,
            let expansion = try QueryExpansion.make(
                query: plan.query, expression: ranked, feedback: feedback, columns: columns, filter: filter,
                analyzer: analyzer, parallelism: parallelism, boundsRows: prunes, store: store, in: db)
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
        return ranked
    }

    private func explain(_ ids: [Int64], ranked: MatchExpression?, recency: RecencyBoost?) throws -> [Int64: Explanation] {
        guard let ranked else { return Dictionary(uniqueKeysWithValues: ids.map { ($0, HitExplainer.unranked) }) }
        return try HitExplainer(db: db, call: RankCall(ranked), lengths: columns.tokenLengths, recency: recency).explain(ids)
    }
}
