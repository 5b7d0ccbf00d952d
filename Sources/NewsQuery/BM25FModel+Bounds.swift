import Foundation

extension BM25FModel {
    /// The highest score a document lacking at least one query clause can get, from the query's
    /// statistics alone (``MatchStatistics/hits`` and the column lengths are not read): the largest
    /// ``bound(_:absent:)`` over the clauses it may lack. Nil when the query has fewer than two clauses
    /// (every match has them all).
    ///
    /// A pass that already holds a page of hits all scoring above this bound need not rank the
    /// documents it knows to be partial matches (MaxScore-style pruning, exact: the skipped could not
    /// have entered the page).
    public func partialMatchBound(_ statistics: MatchStatistics) -> Double? {
        guard statistics.clauseCount > 1 else { return nil }
        return lackingSomeClauseBound(statistics, absent: [Bool](repeating: false, count: statistics.idf.count))
    }

    /// The highest score a document can get when it has none of the phrases marked in `absent`
    /// (indexed by phrase): each present phrase's BM25 part is below `weight × idf × (k1 + 1 + delta)`
    /// however often it occurs, the coverage factor is at most that of a document with every clause
    /// that keeps a phrase, and the proximity bonus is below `proximity × mean idf`. Slightly raised
    /// so that rounding in ``score(_:)`` can never exceed it.
    public func bound(_ statistics: MatchStatistics, absent: [Bool]) -> Double {
        let clauses = max(statistics.clauseCount, 1)
        var bm25 = 0.0
        var kept = [Bool](repeating: false, count: clauses)
        for phrase in statistics.idf.indices where !(phrase < absent.count && absent[phrase]) {
            bm25 += phraseBound(phrase, statistics)
            let clause = self.clause(of: phrase, statistics)
            if clause >= 0, clause < clauses { kept[clause] = true }
        }
        let best = statistics.clauseIDF(clauses: clauses)
        let total = statistics.fullCoverageWeight > 0 ? statistics.fullCoverageWeight : statistics.clauseWeight(clauses: clauses)
        var have = 0.0
        for clause in 0..<clauses where kept[clause] { have += best[clause] }
        let coverage = total > 0 ? min(have / total, 1) : 1
        let strength = parameters.coverage * min(1, 16 / Double(clauses * clauses))
        let factor = coverage >= 1 || strength <= 0 ? 1 : pow(coverage, strength)
        return (bm25 * factor + proximityBound(statistics)) * (1 + 1e-9) + 1e-12
    }

    /// ``bound(_:absent:)`` for a document known to lack some clause besides: the largest over the
    /// clause it lacks.
    func lackingSomeClauseBound(_ statistics: MatchStatistics, absent: [Bool]) -> Double {
        var bound = 0.0
        for lacking in 0..<max(statistics.clauseCount, 1) {
            var without = absent
            for phrase in statistics.idf.indices where clause(of: phrase, statistics) == lacking { without[phrase] = true }
            bound = max(bound, self.bound(statistics, absent: without))
        }
        return bound
    }

    /// The fewest phrases a partial match must have one of to score `threshold` or more: phrases are
    /// taken a clause at a time (a feedback term on its own), the largest possible contribution first,
    /// until a partial match with none of them is bound to score below `threshold`. Nil when only all
    /// of them would do (every match has one); empty when no partial match can reach `threshold` at all.
    /// Excluded phrases (clause -1) are taken to be absent: a match of the query has none.
    ///
    /// A pass may then visit only the partial matches that have one of these phrases (MaxScore's
    /// essential terms): the rest could not have entered a page whose worst score is `threshold`.
    public func essentialPhrases(_ statistics: MatchStatistics, below threshold: Double) -> [Int]? {
        let phrases = statistics.idf.count
        var absent = (0..<phrases).map { clause(of: $0, statistics) == -1 }
        if lackingSomeClauseBound(statistics, absent: absent) < threshold { return [] }
        // A unit is a clause's phrases, or one feedback phrase.
        var units: [Int: [Int]] = [:]
        for phrase in 0..<phrases where !absent[phrase] {
            let clause = self.clause(of: phrase, statistics)
            units[clause >= 0 ? clause : -1 - phrase, default: []].append(phrase)
        }
        var ordered: [(members: [Int], bound: Double)] = []
        for members in units.values {
            var bound = 0.0
            for phrase in members { bound += phraseBound(phrase, statistics) }
            ordered.append((members, bound))
        }
        ordered.sort { $0.bound == $1.bound ? $0.members[0] < $1.members[0] : $0.bound > $1.bound }
        var essential: [Int] = []
        // Every unit would be every match: no restriction.
        for (members, _) in ordered.dropLast() {
            essential += members
            for phrase in members { absent[phrase] = true }
            if lackingSomeClauseBound(statistics, absent: absent) < threshold { return essential.sorted() }
        }
        return nil
    }

    /// Above any phrase's part of the BM25 sum.
    func phraseBound(_ phrase: Int, _ statistics: MatchStatistics) -> Double {
        let weight = phrase < statistics.phraseWeight.count ? statistics.phraseWeight[phrase] : 1
        return max(weight, 0) * statistics.idf[phrase] * (parameters.k1 + 1 + max(parameters.delta, 0))
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
