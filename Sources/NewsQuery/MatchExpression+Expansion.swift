import Foundation

extension MatchExpression {
    /// The clause of a phrase added by relevance feedback: it scores, but it is not a clause the user
    /// typed, so it counts neither for coverage nor in `missing`.
    public static let expansionClause = -2

    /// The rank function's description of the phrases: each one's clause, and its weight when that is
    /// not 1, as `"0 1 1:1.3500 -1 -2:0.4200"`. Only digits, `-`, `.`, `:` and spaces, so it is safe
    /// inside an SQL string literal.
    public var rankArgument: String {
        phraseClauses.indices.map { phrase in
            let weight = phrase < phraseWeights.count ? phraseWeights[phrase] : 1
            guard weight != 1, weight.isFinite, weight >= 0 else { return String(phraseClauses[phrase]) }
            return "\(phraseClauses[phrase]):" + String(format: "%.4f", weight)
        }.joined(separator: " ")
    }

    /// Reads ``rankArgument``: the clause and weight of every phrase. A token that does not parse keeps
    /// its place (clause -1, weight 1), so the phrases after it keep their numbers.
    public static func parseRankArgument(_ text: String) -> (clauses: [Int], weights: [Double]) {
        var clauses: [Int] = [], weights: [Double] = []
        for token in text.split(separator: " ") {
            let parts = token.split(separator: ":", maxSplits: 1)
            clauses.append(parts.first.flatMap { Int($0) } ?? -1)
            weights.append(parts.count == 2 ? Double(parts[1]).flatMap { $0.isFinite && $0 >= 0 ? $0 : nil } ?? 1 : 1)
        }
        return (clauses, weights)
    }

    /// This expression with `terms` added as OR-ed phrases of ``expansionClause``, each with its weight,
    /// and the phrases of the clauses in `clauseWeights` reweighted. The original phrases keep their
    /// numbers (the new ones come after them). The result matches documents that have only expansion
    /// terms, and ones this expression excludes: whoever uses it must keep to this expression's matches.
    /// Each term's text must be one word the analyzer makes exactly one token of.
    public func expanded(with terms: [(text: String, weight: Double)], clauseWeights: [Int: Double]) -> MatchExpression {
        var weights = phraseClauses.indices.map { phrase in
            phrase < phraseWeights.count ? phraseWeights[phrase] : 1
        }
        for (phrase, clause) in phraseClauses.enumerated() {
            if let weight = clauseWeights[clause] { weights[phrase] = weight }
        }
        guard !terms.isEmpty else { return MatchExpression(text: text, phraseClauses: phraseClauses, phraseWeights: weights) }
        let added = terms.map { MatchExpression.quoted($0.text) }.joined(separator: " OR ")
        return MatchExpression(
            text: "(" + text + ") OR " + added,
            phraseClauses: phraseClauses + terms.map { _ in Self.expansionClause },
            phraseWeights: weights + terms.map(\.weight))
    }
}
