extension MatchExpression {
    /// The clause of a phrase added by relevance feedback: it scores, but it is not a clause the user
    /// typed, so it counts neither for coverage nor in `missing`.
    public static let expansionClause = -2

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
        guard !terms.isEmpty else {
            return MatchExpression(text: text, phraseClauses: phraseClauses, phraseWeights: weights, phraseTexts: phraseTexts,
                phraseLiterals: phraseLiterals)
        }
        let added = terms.map { MatchExpression.quoted($0.text) }.joined(separator: " OR ")
        return MatchExpression(
            text: "(" + text + ") OR " + added,
            phraseClauses: phraseClauses + terms.map { _ in Self.expansionClause },
            phraseWeights: weights + terms.map(\.weight), phraseTexts: phraseTexts + terms.map(\.text),
            phraseLiterals: phraseLiterals + terms.map { MatchExpression.quoted($0.text) })
    }
}
