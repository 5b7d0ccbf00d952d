import NewsActors
import NewsQuery

/// The answer to a ``SearchRequest``: ranked hits and facet counts over every match.
public struct SearchResults: Sendable {
    /// Whether `total` and the facets count the documents with all query terms or with some.
    public enum Counted: String, Sendable { case all, any }

    public var query: String
    public var total: Int
    /// How many stories `total` holds: each cluster of copies counts once (issue 19).
    public var totalClusters: Int
    public var counted: Counted
    public var tookMilliseconds: Double
    public var hits: [SearchHit]
    public var facets: FacetCounts
    /// The facets that were asked for (and so counted).
    public var facetsCounted: Set<SearchRequest.Facet>
    /// What the parser or the filters worked around, for the user to read.
    public var warnings: [String]
    /// Spellings from the index's own vocabulary when nothing matched.
    public var suggestions: [String]
    /// How many matches the pass ranked (for `bench-query` and tests): partial matches that could not
    /// reach the page, and matches the filters reject, are not.
    package var rankedMatches = 0
}

/// One ranked article.
public struct SearchHit: Sendable {
    public var id: String
    public var rank: Int
    public var score: Double
    public var title: String
    /// `2025-04-10`, `2025-04`, `2025`, or nil when unknown.
    public var date: String?
    public var source: String
    public var url: String?
    public var path: String?
    /// The article's most-mentioned actors, most first.
    public var actors: [String]
    public var snippet: Snippet
    /// Query words or phrases this article lacks, as the user typed them.
    public var missing: [String]
    /// Why the score is what it is, when the request asked (`--explain`); the root's value is `score`.
    public var explanation: Explanation?
    /// The other members of this article's cluster of copies (folded hits only), by date.
    public var copies: [ArticleCopy] = []
}

/// Counts by facet value over all matches; each facet ignores its own filter (disjunctive facets).
public struct FacetCounts: Sendable, Equatable {
    public struct Value: Sendable, Equatable {
        public var value: String
        public var count: Int
        /// The actor's type, for actor values.
        public var type: ActorType?
    }

    public var date: [Value] = []
    public var source: [Value] = []
    public var actor: [Value] = []
    /// The bucket the date histogram uses (`year`, `month` or `day`).
    public var dateBucket: SearchRequest.Bucket = .month
}
