import GRDB
import NewsAnalysis
import NewsQuery

/// The pass over a `--match auto` query's matches in two parts, so that FTS5 hands over only the
/// partial matches that could reach the page. A common word in the query makes most matches partial
/// (`opec production quota` at 200,000 articles: 721 full matches, 57,941 in all), and FTS5 cannot be
/// told that a term is optional, so skipping the rank call (``HitAdmission``) still pays FTS5's walk
/// over every partial match.
///
/// First the full matches (`ranked AND complete`), which `total` and the facets count anyway: the
/// page they fill says what a partial match must beat. From the query's statistics,
/// ``BM25FModel/essentialPhrases(_:below:)`` then picks the phrases (rarest first) that a partial
/// match must have one of to beat it, and the second part visits only
/// `(ranked AND (one of them)) NOT complete`. Exact: a partial match without any of them
/// scores below the page's worst, so it could be neither a hit nor (lacking a clause) counted; the
/// first part's page only grows better. Scores do not change: the rank function scores the ranked
/// expression's phrases alone (``RankInput/phraseCount``) and sees their hits as in the plain pass.
extension MatchScan {
    /// Runs the pass over `ranked`'s matches on this fresh scan, given `complete`, the all-terms
    /// expression whose matches ``complete`` holds.
    mutating func runGuarded(
        _ ranked: MatchExpression, complete expression: MatchExpression, query: Query, analyzer: Analyzer,
        parallelism: (parts: Int, threshold: Int), store: IndexStore, in db: Database
    ) throws {
        guard fillsPage(self.complete) else {
            // Too few full matches to say what the page needs: one pass, as unguarded.
            try run(RankCall(ranked), parts: parallelism.parts, threshold: parallelism.threshold, store: store, in: db)
            return
        }
        let blank = self
        try run(
            RankCall(ranked, matching: ranked.restricted(within: [expression.text], excluding: nil)),
            parts: parallelism.parts, threshold: parallelism.threshold, store: store, in: db)
        var page = self
        page.copies.release(into: &page.top)
        var rest = blank
        var guards: [String] = []
        if let floor = page.top.worstIfFull, let ranking {
            rest.floor = floor
            if let essential = ranking.model.essentialPhrases(ranking.statistics, below: floor.key / boostLimit) {
                guard !essential.isEmpty else { return }
                let clauses = Set(essential.map { ranked.phraseClauses[$0] }.filter { $0 >= 0 })
                // Worth it only when the guard is selective: FTS5 still walks the other phrases' doclists.
                if let text = MatchExpression.anyOf(clauses: clauses.sorted(), in: query, analyzer: analyzer),
                    try Self.matches(text, fewerThan: columns.documentCount / Self.selectiveShare, in: db)
                {
                    guards.append(text)
                }
            }
        }
        try rest.run(
            RankCall(ranked, matching: ranked.restricted(within: guards, excluding: expression.text)),
            parts: parallelism.parts, threshold: parallelism.threshold, store: store, in: db)
        merge(rest)
    }

    /// A guard matching more than this share of the documents (1 / n) is not used.
    static let selectiveShare = 8

    /// Whether at least a page of the documents in `set` (indexed by id) may be hits.
    private func fillsPage(_ set: [Bool]?) -> Bool {
        guard let set, top.capacity > 0 else { return false }
        var found = 0
        for id in set.indices where set[id] && filter.passes(id) == .all {
            if let hitsFrom, id >= hitsFrom.count || !hitsFrom[id] { continue }
            found += 1
            if found >= top.capacity { return true }
        }
        return false
    }
}
