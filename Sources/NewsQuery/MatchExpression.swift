import NewsAnalysis

/// How a multi-word query matches: every clause (`all`) or any clause (`any`, ranked by coverage).
public enum MatchMode: String, Sendable, Hashable, CaseIterable {
    case all, any
}

/// A valid FTS5 MATCH expression compiled from a ``Query``. Every user word is a quoted FTS5
/// string, so no user text is ever read as FTS5 syntax.
///
/// ```swift
/// MatchExpression(query, mode: .all)?.text  // "\"defense\" AND \"industrial\""
/// ```
public struct MatchExpression: Sendable, Hashable, CustomStringConvertible {
    public let text: String

    /// `nil` when the query has nothing to match (only filters, or only words that make no tokens).
    public init?(_ query: Query, mode: MatchMode, analyzer: Analyzer = Analyzer()) {
        guard let root = query.root, let text = Self.compile(root, mode: mode, analyzer: analyzer, top: true) else {
            return nil
        }
        self.text = text
    }

    /// One clause alone (a word or phrase): used to test which clauses a document has.
    public init?(clause: QueryNode, analyzer: Analyzer = Analyzer()) {
        guard let text = Self.compile(clause, mode: .all, analyzer: analyzer, top: true) else { return nil }
        self.text = text
    }

    public var description: String { text }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func compile(_ node: QueryNode, mode: MatchMode, analyzer: Analyzer, top: Bool) -> String? {
        func column(_ field: QueryField?, _ body: String) -> String {
            field.map { "\($0.rawValue) : \(body)" } ?? body
        }
        switch node {
        case .term(let text, let prefix, let field):
            guard !analyzer.tokens(in: text, mode: prefix ? .prefixQuery : .query).isEmpty else { return nil }
            return column(field, quoted(text) + (prefix ? " *" : ""))
        case .phrase(let text, let field):
            guard !analyzer.tokens(in: text, mode: .query).isEmpty else { return nil }
            return column(field, quoted(text))
        case .or(let children):
            let parts = children.compactMap { compile($0, mode: mode, analyzer: analyzer, top: false) }
            guard !parts.isEmpty else { return nil }
            return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " OR ") + ")"
        case .not:
            return nil  // only meaningful beside positive clauses; see .and
        case .and(let children):
            let positive = children.filter { if case .not = $0 { false } else { true } }
                .compactMap { compile($0, mode: mode, analyzer: analyzer, top: false) }
            let negative = children.compactMap { child -> String? in
                guard case .not(let inner) = child else { return nil }
                return compile(inner, mode: .all, analyzer: analyzer, top: false)
            }
            guard !positive.isEmpty else { return nil }
            var text = positive.count == 1 ? positive[0] : positive.joined(separator: mode == .all ? " AND " : " OR ")
            if positive.count > 1 { text = "(" + text + ")" }
            for excluded in negative { text += " NOT " + excluded }
            return text
        }
    }
}
