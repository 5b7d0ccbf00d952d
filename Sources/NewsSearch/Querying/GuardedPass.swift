import GRDB
import NewsAnalysis
import NewsQuery

/// The pass over a `--match auto` query's matches in two parts, so that FTS5 hands over only the
/// partial matches that could reach the page. A long question's function words match nearly every
/// article ("what did the central bank say about interest rates": 16 full matches, 201,523 partial
/// ones at 200,000 articles), and FTS5 cannot be told that a term is optional, so skipping the rank
/// call (``HitAdmission``) still pays FTS5's walk over every partial match.
///
/// First the full matches (`ranked AND complete`), which `total` and the facets count anyway: the
/// page they fill says what a partial match must beat. From the query's statistics,
/// ``BM25FModel/essentialPhrases(_:below:)`` then picks the phrases (rarest first) that a partial
/// match must have one of to beat it, and the second part visits only
/// `(ranked AND within AND (one of them)) NOT complete`. Exact: a partial match without any of them
/// scores below the page's worst, so it could be neither a hit nor (lacking a clause) counted; the
/// first part's page only grows better. Scores do not change: the rank function scores the ranked
/// expression's phrases alone (``RankInput/phraseCount``) and sees their hits as in the plain pass.
extension MatchScan {
    /// Runs the pass over `ranked`'s matches on this fresh scan, given `complete`, the all-terms
    /// expression whose matches ``complete`` holds. `within`, when given, is an expression every
    /// candidate hit matches (feedback's original query: its expanded one matches more).
    mutating func runGuarded(
        _ ranked: MatchExpression, complete expression: MatchExpression, within: MatchExpression?, query: Query,
        analyzer: Analyzer, parallelism: (parts: Int, threshold: Int), store: IndexStore, in db: Database
    ) throws {
        guard fillsPage(self.complete) else {
            // Too few full matches to say what the page needs: one pass, as unguarded.
            let text = within.map { ranked.restricted(within: [$0.text], excluding: nil) } ?? ranked.text
            try run(RankCall(ranked, matching: text), parts: parallelism.parts, threshold: parallelism.threshold, store: store, in: db)
            return
        }
        let blank = self
        try run(
            RankCall(ranked, matching: ranked.restricted(within: [expression.text], excluding: nil)),
            parts: parallelism.parts, threshold: parallelism.threshold, store: store, in: db)
        var page = self
        page.copies.release(into: &page.top)
        var rest = blank
        var guards = within.map { [$0.text] } ?? []
        if let floor = page.top.worstIfFull, let ranking {
            rest.floor = floor
            if let essential = ranking.model.essentialPhrases(ranking.statistics, below: floor.key / boostLimit) {
                guard !essential.isEmpty else { return }
                let clauses = Set(essential.map { ranked.phraseClauses[$0] }.filter { $0 >= 0 })
                let words = essential.filter { ranked.phraseClauses[$0] == MatchExpression.expansionClause }.map { ranked.phraseTexts[$0] }
                if let text = MatchExpression.anyOf(clauses: clauses.sorted(), words: words, in: query, analyzer: analyzer) { guards.append(text) }
            }
        }
        try rest.run(
            RankCall(ranked, matching: ranked.restricted(within: guards, excluding: expression.text)),
            parts: parallelism.parts, threshold: parallelism.threshold, store: store, in: db)
        merge(rest)
    }

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
