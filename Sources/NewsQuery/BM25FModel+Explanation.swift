import Foundation

extension BM25FModel {
    /// ``score(_:)`` as a tree: each phrase's BM25F part per field, the coverage factor and the
    /// proximity bonus. `phraseTexts[phrase]` names each phrase (``MatchExpression/phraseTexts``).
    /// Follows ``score(_:)`` step by step; the root's value is that score.
    public func explain(_ statistics: MatchStatistics, phraseTexts: [String]) -> Explanation {
        let score = score(statistics)
        let phrases = statistics.idf.count
        var fieldParts = [[Explanation]](repeating: [], count: phrases)
        var weighted = [Double](repeating: 0, count: phrases)
        for column in Set(statistics.hits.map(\.column)).sorted() {
            let norm = lengthNorm(column, statistics)
            for phrase in 0..<phrases {
                let count = statistics.hits.lazy.filter { $0.phrase == phrase && $0.column == column }.count
                guard count > 0 else { continue }
                let part = Double(count) * fieldWeight(column) / norm
                let length = column < statistics.columnLength.count ? statistics.columnLength[column] : 0
                let average = column < statistics.averageLength.count ? statistics.averageLength[column] : 0
                fieldParts[phrase].append(Explanation(
                    part,
                    "\(Self.fieldName(column)): \(count) \(count == 1 ? "hit" : "hits") × field weight "
                        + "\(Self.format(fieldWeight(column))) / length norm \(Self.format(norm)) (length \(length), "
                        + "average \(Self.format(average)), b \(Self.format(column == 0 ? parameters.titleB : parameters.bodyB)))"))
            }
        }
        // Summed hit by hit, as score(_:) does, so the parts add up to its value to the last bit.
        for hit in statistics.hits where hit.phrase < phrases {
            weighted[hit.phrase] += fieldWeight(hit.column) / lengthNorm(hit.column, statistics)
        }
        var terms: [Explanation] = []
        var bm25 = 0.0
        for phrase in 0..<phrases where weighted[phrase] > 0 {
            let tf = weighted[phrase]
            let weight = phrase < statistics.phraseWeight.count ? statistics.phraseWeight[phrase] : 1
            let saturated = tf * (parameters.k1 + 1) / (parameters.k1 + tf) + parameters.delta
            let part = weight * statistics.idf[phrase] * saturated
            bm25 += part
            let clause = clause(of: phrase, statistics)
            let name = phrase < phraseTexts.count ? "'\(phraseTexts[phrase])'" : "phrase \(phrase)"
            terms.append(Explanation(part, "\(name) (\(Self.clauseName(clause))), product of:", [
                Explanation(weight, Self.weightName(clause: clause, weight: weight)),
                Explanation(statistics.idf[phrase], "idf, computed as log(1 + (N − n + 0.5) / (n + 0.5))"),
                Explanation(
                    saturated,
                    "term frequency saturated, computed as tf × (k1 + 1) / (k1 + tf)"
                        + (parameters.delta != 0 ? " + δ \(Self.format(parameters.delta))" : "")
                        + " with k1 = \(Self.format(parameters.k1)) from:",
                    [Explanation(tf, "tf, the fields' weighted hits, sum of:", fieldParts[phrase])]),
            ]))
        }
        let coverage = coverageFactor(statistics, weighted: weighted)
        var details = [
            Explanation(bm25 * coverage.factor, "BM25F × coverage, product of:", [
                Explanation(bm25, "BM25F, sum of:", terms),
                coverage.explanation,
            ])
        ]
        let proximity = bm25 > 0 ? proximityBonus(statistics, matched: coverage.matched) : 0
        if parameters.proximity > 0 {
            details.append(Explanation(
                proximity, "proximity bonus for query words close together, computed as "
                    + "\(Self.format(parameters.proximity)) × mean idf × closeness / (1 + closeness)"))
        }
        return Explanation(score, "score, sum of:", details)
    }

    /// The coverage factor as ``score(_:)`` computes it, with its explanation.
    func coverageFactor(_ statistics: MatchStatistics, weighted: [Double]) -> (factor: Double, matched: Int, explanation: Explanation) {
        let clauses = max(statistics.clauseCount, 1)
        var best = [Double](repeating: 0, count: clauses)
        for phrase in weighted.indices where weighted[phrase] > 0 {
            let clause = clause(of: phrase, statistics)
            guard clause >= 0, clause < clauses else { continue }
            best[clause] = max(best[clause], statistics.idf[phrase] + 1e-9)
        }
        let have = best.reduce(0, +)
        let matched = best.filter { $0 > 0 }.count
        let total = statistics.fullCoverageWeight > 0 ? statistics.fullCoverageWeight : statistics.clauseWeight(clauses: clauses)
        let share = total > 0 ? min(have / total, 1) : 1
        let strength = parameters.coverage * min(1, 16 / Double(clauses * clauses))
        let factor = share >= 1 ? 1 : pow(share, strength)
        return (factor, matched, Explanation(
            factor, "coverage: \(matched) of \(clauses) query clauses, computed as share^strength, "
                + "share = their idf / all clauses' idf, strength \(Self.format(strength)) from:",
            [Explanation(share, "share of the query's idf present")]))
    }

    static func fieldName(_ column: Int) -> String {
        column == 0 ? "title" : column == 1 ? "body" : "field \(column)"
    }

    static func clauseName(_ clause: Int) -> String {
        clause == MatchExpression.expansionClause ? "added by relevance feedback" : clause >= 0 ? "clause \(clause + 1)" : "excluded"
    }

    static func weightName(clause: Int, weight: Double) -> String {
        if clause == MatchExpression.expansionClause { return "weight from relevance feedback" }
        return weight == 1 ? "weight" : "weight of a query word (function word or relevance feedback)"
    }

    static func format(_ value: Double) -> String {
        String(format: "%.4g", value)
    }
}
