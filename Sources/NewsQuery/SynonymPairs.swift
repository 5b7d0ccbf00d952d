import NewsAnalysis

/// Bare consecutive words that spell a multi-word synonym (`united states`, `north korea`), found in
/// a query tree so that the compiler and the highlighter treat them as a quoted phrase's words are:
/// each word also matches the short form (`us`, `dprk`).
///
/// Documents colocate the short form with the long one, but "U.S." has no `united` or `states`, so
/// without this `united states officials` misses "U.S. officials". Each word stays its own clause
/// (`("united" OR "us") AND ("states" OR "us")`): a document with both words apart still matches,
/// and one with "U.S." has both clauses, so `missing` and coverage stay right.
enum SynonymPairs {
    /// For each bare word that forms a pair with its neighbour in an AND list, the short form.
    static func alternatives(in root: QueryNode?, analyzer: Analyzer) -> [QueryNode: String] {
        var result: [QueryNode: String] = [:]
        func walk(_ node: QueryNode) {
            switch node {
            case .and(let children):
                for (first, second) in zip(children, children.dropFirst()) {
                    if let canonical = canonical(first, second, analyzer: analyzer) {
                        result[first] = canonical
                        result[second] = canonical
                    }
                }
                children.forEach(walk)
            case .or(let children):
                children.forEach(walk)
            case .not(let inner):
                walk(inner)
            case .term, .phrase:
                break
            }
        }
        if let root { walk(root) }
        return result
    }

    /// The short form when `first second` is a multi-word synonym of two plain words in one field.
    static func canonical(_ first: QueryNode, _ second: QueryNode, analyzer: Analyzer) -> String? {
        guard case .term(let a, false, let fieldA) = first, case .term(let b, false, let fieldB) = second,
            fieldA == fieldB, analyzer.tokens(in: a, mode: .query).count == 1,
            analyzer.tokens(in: b, mode: .query).count == 1,
            let alternative = analyzer.synonymAlternatives(for: a + " " + b).first,
            analyzer.tokens(in: alternative, mode: .query).count == 1
        else { return nil }
        return alternative
    }
}
