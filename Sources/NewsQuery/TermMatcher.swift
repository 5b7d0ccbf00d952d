import NewsAnalysis

/// Decides which analysed terms are the query's, so snippets highlight exactly what FTS5 matched.
///
/// Each positive clause of the query contributes its analysed terms; a prefix clause matches any term
/// that starts with its analysed prefix.
public struct TermMatcher: Sendable {
    /// For each term (or prefix), the index of the clause it came from: distinct clauses count for coverage.
    private var exact: [String: Int] = [:]
    private var prefixes: [(String, Int)] = []

    public init(query: Query, analyzer: Analyzer = Analyzer()) {
        let pairs = SynonymPairs.alternatives(in: query.root, analyzer: analyzer)
        for (index, clause) in query.positiveClauses.enumerated() {
            switch clause {
            case .term(let text, let prefix, _):
                let tokens = analyzer.tokens(in: text, mode: prefix ? .prefixQuery : .query)
                for (n, token) in tokens.enumerated() {
                    if prefix && n == tokens.count - 1 { prefixes.append((token.term, index)) }
                    else if exact[token.term] == nil { exact[token.term] = index }
                }
            case .phrase(let text, _):
                for token in analyzer.tokens(in: text, mode: .query) where exact[token.term] == nil {
                    exact[token.term] = index
                }
            default:
                break
            }
            // The forms the compiler ORs in match too, so "U.S." is marked for `united states` and
            // "email" for `e-mail`.
            let alternatives: [String]
            switch clause {
            case .term(let text, false, _), .phrase(let text, _):
                alternatives = MatchCompiler.alternatives(of: clause, text: text, pairs: pairs, analyzer: analyzer)
            default:
                alternatives = pairs[clause].map { [$0] } ?? []
            }
            for alternative in alternatives {
                for token in analyzer.tokens(in: alternative, mode: .query) where exact[token.term] == nil {
                    exact[token.term] = index
                }
            }
        }
    }

    public var isEmpty: Bool { exact.isEmpty && prefixes.isEmpty }

    /// The clause a document term belongs to, if any.
    public func termIndex(of term: String) -> Int? {
        if let index = exact[term] { return index }
        return prefixes.first { term.hasPrefix($0.0) }?.1
    }
}
