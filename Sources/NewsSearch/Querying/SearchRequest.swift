import NewsQuery

/// Everything a query asks for, resolved from the command line or built by a program.
///
/// ```swift
/// var request = SearchRequest(text: "defense industrial")
/// request.filters.actors = ["Mark Rutte"]
/// let results = try Searcher(store: store).search(request)
/// ```
public struct SearchRequest: Sendable, Hashable {
    public enum Sort: String, Sendable, CaseIterable { case relevance, newest, oldest }
    public enum Facet: String, Sendable, CaseIterable { case date, source, actor }
    public enum Bucket: String, Sendable, CaseIterable { case auto, year, month, day }
    /// `auto` ranks documents with any term but counts those with all terms when there are some.
    public enum Match: String, Sendable, CaseIterable { case auto, all, any }

    public var text: String
    /// Filters from flags; the query text may add its own (`source:`, `actor:`, `date:`).
    public var filters = QueryFilters()
    public var limit = 10
    public var offset = 0

    /// How many of the best matches the page needs: offset + limit, saturating, as both come from the
    /// command line and `--offset 9223372036854775807` must page past the end, not trap.
    public var pageEnd: Int {
        let (sum, overflow) = max(offset, 0).addingReportingOverflow(max(limit, 0))
        return overflow ? Int.max : sum
    }
    public var sort = Sort.relevance
    public var match = Match.auto
    public var facets: Set<Facet> = Set(Facet.allCases)
    public var facetLimit = 10
    public var dateBucket = Bucket.auto
    /// A bounded boost for recent articles in relevance order; nil (the default) ranks by relevance alone.
    /// Applies to relevance order only; `--sort newest` is the sort by date.
    public var recency: RecencyPrior?
    /// Pseudo-relevance feedback for long queries (six words or more by default); nil turns it off.
    public var feedback: RelevanceFeedback? = .default
    /// Each hit's score as a tree (``SearchHit/explanation``), computed for the page's hits only.
    public var explain = false
    /// Fold each cluster of copies (the same story from several outlets) into its best-ranked member,
    /// which lists the others as ``SearchHit/copies``; false shows every copy as a hit of its own.
    public var fold = true

    public init(text: String) {
        self.text = text
    }
}
