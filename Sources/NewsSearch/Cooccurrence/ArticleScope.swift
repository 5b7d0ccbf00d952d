import NewsQuery

/// Which articles a co-occurrence question is about: those a search with this text, these filters and
/// this match mode counts in its `total` (every article when there is neither text nor filter).
///
/// ```swift
/// var scope = ArticleScope(text: "defense industrial")
/// scope.filters.since = ArticleDate(parsing: "2025")
/// ```
public struct ArticleScope: Sendable, Equatable {
    /// Query text with the query syntax (`source:`, `actor:`, `date:` included).
    public var text: String
    /// Filters from flags; the text may add its own.
    public var filters: QueryFilters
    public var match: SearchRequest.Match

    public init(text: String = "", filters: QueryFilters = QueryFilters(), match: SearchRequest.Match = .auto) {
        self.text = text
        self.filters = filters
        self.match = match
    }

    /// The search whose counted articles are the scope: ranking, facets and feedback play no part.
    var searchRequest: SearchRequest {
        var request = SearchRequest(text: text)
        request.filters = filters
        request.match = match
        request.facets = []
        request.feedback = nil
        return request
    }
}
