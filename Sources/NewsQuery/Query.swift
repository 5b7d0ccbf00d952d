import NewsDates

/// A field a term can be restricted to with `title:word`.
public enum QueryField: String, Sendable, Hashable, CaseIterable {
    case title, body
}

/// The text part of a query as a tree: what the user asked to match.
public indirect enum QueryNode: Sendable, Hashable {
    /// A word as typed; `prefix` when it ended in `*`.
    case term(String, prefix: Bool = false, field: QueryField? = nil)
    /// A quoted phrase as typed.
    case phrase(String, field: QueryField? = nil)
    case and([QueryNode])
    case or([QueryNode])
    /// Excluded: `-word`, `-"phrase"`, `NOT word`.
    case not(QueryNode)
}

/// Facet filters, from the query text (`source:`, `actor:`, `date:`, `after:`, `before:`) or from flags.
///
/// Values of one facet are OR-ed; different facets are AND-ed.
public struct QueryFilters: Sendable, Hashable {
    public var sources: [String]
    public var actors: [String]
    /// Inclusive: articles dated on or after the first day of `since`.
    public var since: ArticleDate?
    /// Inclusive: articles dated on or before the last day of `until`.
    public var until: ArticleDate?

    public init(sources: [String] = [], actors: [String] = [], since: ArticleDate? = nil, until: ArticleDate? = nil) {
        self.sources = sources
        self.actors = actors
        self.since = since
        self.until = until
    }

    public var isEmpty: Bool { sources.isEmpty && actors.isEmpty && since == nil && until == nil }

    /// Combines filters from two places (query text and flags) the same way: lists join, dates narrow.
    ///
    /// Narrowing compares the days a bound covers: the later first day wins for `since`, the earlier
    /// last day for `until` (so `until: 2025` and `until: 2025-06` keep `2025-06`).
    public func merging(_ other: QueryFilters) -> QueryFilters {
        var merged = self
        merged.sources += other.sources.filter { !sources.contains($0) }
        merged.actors += other.actors.filter { !actors.contains($0) }
        merged.narrow(since: other.since)
        merged.narrow(until: other.until)
        return merged
    }

    /// Keeps the later of the current lower bound and `date` (by first day covered).
    public mutating func narrow(since date: ArticleDate?) {
        guard let date else { return }
        if let current = since, current.firstDay >= date.firstDay { return }
        since = date
    }

    /// Keeps the earlier of the current upper bound and `date` (by last day covered).
    public mutating func narrow(until date: ArticleDate?) {
        guard let date else { return }
        if let current = until, current.lastDay <= date.lastDay { return }
        until = date
    }
}

/// Something the lenient parser noticed and worked around; shown to the user, never fatal.
public struct QueryWarning: Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, for code that reacts to a kind rather than to a message.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case unbalancedQuote, unbalancedParenthesis, loneOperator, noSearchableText, unsupportedSyntax
        case negatedFilter, filterInGroup, exclusionInOr, emptyFilter, invalidDate, tooDeep, tooManyClauses, tooLong
        case shortPrefix, tooManyPrefixes
        case other
    }

    public var kind: Kind
    public var message: String
    public init(_ message: String) { self.init(.other, message) }
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
    public var description: String { message }
}

/// A parsed query: the match tree (nil when only filters were given), the filters, and warnings.
public struct Query: Sendable, Hashable {
    public var root: QueryNode?
    public var filters: QueryFilters
    public var warnings: [QueryWarning]

    public init(root: QueryNode?, filters: QueryFilters = QueryFilters(), warnings: [QueryWarning] = []) {
        self.root = root
        self.filters = filters
        self.warnings = warnings
    }

    /// The top-level exclusions (`-china`, `NOT "trade war"`), without their `.not`: what
    /// ``MatchExpression/exclusion(of:analyzer:)`` compiles for a purely negative query.
    public var exclusions: [QueryNode] {
        func excluded(_ node: QueryNode) -> [QueryNode] {
            switch node {
            case .not(let inner): [inner]
            case .and(let children): children.flatMap { child in
                if case .not = child { return excluded(child) }
                if case .and = child, child.isExclusionOnly { return excluded(child) }
                return []
            }
            default: []
            }
        }
        return root.map(excluded) ?? []
    }

    /// True when the query excludes words but asks for none (`-china`): FTS5 cannot express it alone.
    public var isExclusionOnly: Bool { root?.isExclusionOnly ?? false }

    /// The positive words and phrases the user asked for, as typed, in order and without repeats:
    /// what coverage counts and what `missing` names.
    ///
    /// Repeats are found in the list itself (at most ``QueryParser/maximumClauses``), not a `Set`: a
    /// cold process's first set of nodes cost more than a rare word's whole parse (a scan of the
    /// binary's conformance records, BENCHMARKS.md issue 17).
    public var positiveClauses: [QueryNode] {
        var result: [QueryNode] = []
        func walk(_ node: QueryNode) {
            switch node {
            case .term, .phrase:
                if !result.contains(node) { result.append(node) }
            case .and(let children), .or(let children):
                children.forEach(walk)
            case .not:
                break
            }
        }
        if let root { walk(root) }
        return result
    }
}

extension QueryNode {
    /// The words as a user reads them: `industrial`, `"defense industrial"`, `nato*`.
    public var displayText: String {
        switch self {
        case .term(let text, let prefix, let field): (field.map { "\($0.rawValue):" } ?? "") + text + (prefix ? "*" : "")
        case .phrase(let text, let field): (field.map { "\($0.rawValue):" } ?? "") + "\"\(text)\""
        case .and(let children):
            // OR binds tighter than the implicit AND, so only a nested AND needs parentheses.
            children.map { if case .and = $0 { "(\($0.displayText))" } else { $0.displayText } }.joined(separator: " ")
        case .or(let children):
            children.map { if case .and = $0 { "(\($0.displayText))" } else { $0.displayText } }.joined(separator: " OR ")
        case .not(let child):
            switch child {
            case .and, .or: "-(" + child.displayText + ")"
            // `--x` reads as the word "--x", so a word that starts with '-' is excluded with NOT.
            default: (child.displayText.hasPrefix("-") ? "NOT " : "-") + child.displayText
            }
        }
    }
}
