import Foundation

extension BM25FModel {
    /// The highest score a document lacking at least one query clause can get, from the query's
    /// statistics alone (``MatchStatistics/hits`` and the column lengths are not read): each phrase's
    /// BM25 part is below `weight × idf × (k1 + 1 + delta)` however often it occurs, the coverage factor
    /// of a document without clause `c` is at most that of one with every other clause, and the
    /// proximity bonus is below `proximity × mean idf`. Nil when the query has fewer than two clauses
    /// (every match has them all).
    ///
    /// A pass that already holds a page of hits all scoring above this bound need not rank the
    /// documents it knows to be partial matches (MaxScore-style pruning, exact: the skipped could not
    /// have entered the page). Slightly raised so that rounding in ``score(_:)`` can never exceed it.
    public func partialMatchBound(_ statistics: MatchStatistics) -> Double? {
        let clauses = statistics.clauseCount
        guard clauses > 1 else { return nil }
        let phrases = statistics.idf.count
        var best = [Double](repeating: 0, count: clauses)
        var phraseBound = [Double](repeating: 0, count: phrases)
        for phrase in 0..<phrases {
            let weight = phrase < statistics.phraseWeight.count ? statistics.phraseWeight[phrase] : 1
            phraseBound[phrase] = max(weight, 0) * statistics.idf[phrase] * (parameters.k1 + 1 + max(parameters.delta, 0))
            let clause = self.clause(of: phrase, statistics)
            if clause >= 0, clause < clauses { best[clause] = max(best[clause], statistics.idf[phrase] + 1e-9) }
        }
        let total = statistics.fullCoverageWeight > 0 ? statistics.fullCoverageWeight : statistics.clauseWeight(clauses: clauses)
        let strength = parameters.coverage * min(1, 16 / Double(clauses * clauses))
        var bound = 0.0
        for lacking in 0..<clauses {
            var bm25 = 0.0
            for phrase in 0..<phrases where self.clause(of: phrase, statistics) != lacking { bm25 += phraseBound[phrase] }
            let coverage = total > 0 ? min(max(total - best[lacking], 0) / total, 1) : 1
            let factor = coverage >= 1 || strength <= 0 ? 1 : pow(coverage, strength)
            bound = max(bound, bm25 * factor)
        }
        return (bound + proximityBound(statistics)) * (1 + 1e-9) + 1e-12
    }

    /// Above any ``proximityBonus(_:matched:)``: its saturating factor `closeness / (1 + closeness)` is below 1.
    func proximityBound(_ statistics: MatchStatistics) -> Double {
        guard parameters.proximity > 0 else { return 0 }
        var idfSum = 0.0, counted = 0
        for phrase in statistics.idf.indices where clause(of: phrase, statistics) != MatchExpression.expansionClause {
            idfSum += statistics.idf[phrase]
            counted += 1
        }
        return parameters.proximity * idfSum / Double(max(counted, 1))
    }
}
