import NewsAnalysis

extension Query {
    /// Whether a document has each positive clause exactly when it has one of that clause's phrases:
    /// no clause is an AND group. Only then do the rank function's coverage (which counts a clause
    /// present when one of its phrases has a hit) and the all-terms expression agree on which matches
    /// lack a clause, which bounds on partial matches rely on.
    public var clausesAreAlternatives: Bool {
        positiveClauses.allSatisfy(\.isAlternatives)
    }
}

extension QueryNode {
    /// A word, a phrase, or an OR of them.
    var isAlternatives: Bool {
        switch self {
        case .term, .phrase: true
        case .or(let children): children.allSatisfy(\.isAlternatives)
        case .and, .not: false
        }
    }
}

extension MatchExpression {
    /// FTS5 text matching the documents that have one of the query's positive clauses `clauses`
    /// (indexes into ``Query/positiveClauses``), each compiled as it is inside the query's own
    /// expression; nil when nothing is left to match.
    public static func anyOf(clauses: [Int], in query: Query, analyzer: Analyzer = Analyzer()) -> String? {
        let positive = query.positiveClauses
        var compiler = MatchCompiler(
            analyzer: analyzer, clauses: positive, pairs: SynonymPairs.alternatives(in: query.root, analyzer: analyzer))
        let parts = clauses.filter { positive.indices.contains($0) }.compactMap {
            compiler.compile(positive[$0], excluded: false, top: false)
        }
        return parts.isEmpty ? nil : parts.joined(separator: " OR ")
    }

    /// FTS5 text for this expression's matches that also match every expression of `within` and no
    /// match of `excluding`. Its phrases keep their numbers (the others come after them), so a rank
    /// function told to score only this expression's phrases ranks each document as this expression
    /// would.
    public func restricted(within: [String], excluding: String?) -> String {
        let kept = ([text] + within).map { "(" + $0 + ")" }.joined(separator: " AND ")
        guard let excluding else { return kept }
        return "(" + kept + ") NOT (" + excluding + ")"
    }
}
