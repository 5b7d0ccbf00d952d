import NewsAnalysis

/// Decides which words of a text are the query's, so snippets highlight exactly what FTS5 matched.
///
/// A clause of one token marks that term wherever it stands (a prefix clause: any term starting with
/// its analysed prefix). A clause of several tokens (a phrase, `e-mail`, a synonym's other form)
/// marks its terms only where they stand at consecutive positions, as FTS5 matched them: the phrase
/// `"crude oil prices"` marks no lone "price" elsewhere in the passage.
public struct TermMatcher: Sendable {
    /// For each term (or prefix), the index of the clause it came from: distinct clauses count for coverage.
    private var exact: [String: Int] = [:]
    private var prefixes: [(String, Int)] = []
    /// The clauses of several tokens, keyed by their first term.
    private var sequences: [String: [TermSequence]] = [:]

    struct TermSequence: Sendable {
        var terms: [String]
        /// The last term is a prefix (`"e-mai"*`).
        var prefixLast: Bool
        var clause: Int
    }

    public init(query: Query, analyzer: Analyzer = Analyzer()) {
        let pairs = SynonymPairs.alternatives(in: query.root, analyzer: analyzer)
        for (index, clause) in query.positiveClauses.enumerated() {
            switch clause {
            case .term(let text, let prefix, _):
                add(analyzer.tokens(in: text, mode: prefix ? .prefixQuery : .query), prefixLast: prefix, clause: index)
            case .phrase(let text, _):
                add(analyzer.tokens(in: text, mode: .query), prefixLast: false, clause: index)
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
                add(analyzer.tokens(in: alternative, mode: .query), prefixLast: false, clause: index)
            }
        }
    }

    private mutating func add(_ tokens: [Token], prefixLast: Bool, clause: Int) {
        guard let first = tokens.first else { return }
        if tokens.count > 1 {
            sequences[first.term, default: []].append(
                TermSequence(terms: tokens.map(\.term), prefixLast: prefixLast, clause: clause))
        } else if prefixLast {
            prefixes.append((first.term, clause))
        } else if exact[first.term] == nil {
            exact[first.term] = clause
        }
    }

    public var isEmpty: Bool { exact.isEmpty && prefixes.isEmpty && sequences.isEmpty }

    /// The clause a term standing alone belongs to, if any (a clause of several tokens needs the
    /// term's neighbours: see ``marks(_:)``).
    public func termIndex(of term: String) -> Int? {
        if let index = exact[term] { return index }
        return prefixes.first { term.hasPrefix($0.0) }?.1
    }

    /// A marked position: the clause that marks it and which of the position's terms matched (0: the
    /// token's own term; above: a colocated variant, whose bytes may reach over more words).
    public struct Mark: Sendable, Equatable {
        public var clause: Int
        public var term: Int
    }

    /// For each position of a text, given the terms standing there (the token's own first, then its
    /// colocated variants), its mark or nil. Sequences first, so that a phrase's own words are marked
    /// by their own bytes ("United", "States") before a variant reaching over both (`us`); a sequence
    /// is tried only where its first term stands.
    public func marks(_ positions: [[String]]) -> [Mark?] {
        var result = [Mark?](repeating: nil, count: positions.count)
        for start in positions.indices where !sequences.isEmpty {
            for term in positions[start] {
                for sequence in sequences[term] ?? [] where start + sequence.terms.count <= positions.count {
                    var slots: [Int] = []
                    for (offset, wanted) in sequence.terms.enumerated() {
                        let last = sequence.prefixLast && offset == sequence.terms.count - 1
                        guard let slot = positions[start + offset].firstIndex(where: { last ? $0.hasPrefix(wanted) : $0 == wanted })
                        else { break }
                        slots.append(slot)
                    }
                    guard slots.count == sequence.terms.count else { continue }
                    for (offset, slot) in slots.enumerated() where result[start + offset] == nil {
                        result[start + offset] = Mark(clause: sequence.clause, term: slot)
                    }
                }
            }
        }
        for (position, terms) in positions.enumerated() where result[position] == nil {
            for (slot, term) in terms.enumerated() {
                if let clause = termIndex(of: term) {
                    result[position] = Mark(clause: clause, term: slot)
                    break
                }
            }
        }
        return result
    }
}
