import ArgumentParser
import Foundation
import NewsQuery
import NewsSearch

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Search the index (the default command): ranked articles, snippets and facet counts.",
        usage: "search [query] [<options>] <words> ...",
        discussion: QuerySyntax.help)

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "How many articles to show.") var limit = 10
    @Option(help: "How many of the best articles to skip (for paging).") var offset = 0
    @Option(help: "relevance, newest or oldest.") var sort = SearchRequest.Sort.relevance
    @Option(help: "auto (rank any-term matches, count all-term ones when there are some), all, or any.")
    var match = SearchRequest.Match.auto
    @Option(help: "Only articles from this source (repeatable: any of them).") var source: [String] = []
    @Option(help: "Only articles naming this actor (repeatable: any of them).") var actor: [String] = []
    @Option(help: "Only articles dated on or after this (YYYY, YYYY-MM or YYYY-MM-DD).", transform: DateArgument.parse) var since: DateArgument?
    @Option(help: "Only articles dated on or before this (YYYY, YYYY-MM or YYYY-MM-DD).", transform: DateArgument.parse) var until: DateArgument?
    @Option(help: "Which facets to count: a comma-separated list of date, source, actor.", transform: FacetList.parse) var facets: FacetList?
    @Flag(help: "Count no facets.") var noFacets = false
    @Option(help: "How many values each facet lists.") var facetLimit = 10
    @Option(help: "Date histogram buckets: auto, year, month or day.") var dateBucket = SearchRequest.Bucket.auto
    @Flag(help: "Prefer recent articles a little in relevance order (see RANKING).") var recency = false
    @Option(help: ArgumentHelp("The recency boost's half-life: 30d, 6w, 3m, 1y (implies --recency).", valueName: "span"))
    var recencyHalfLife: HalfLifeArgument?
    @Flag(help: "Do not expand long queries with words from their best matches (see RANKING).") var noFeedback = false
    @Flag(help: "Show each hit's score as a tree: every word's part per field, coverage, proximity, recency.")
    var explain = false
    @Flag(help: "Show every copy of a syndicated story as its own hit (default: copies fold into the best-ranked one).")
    var noFold = false

    @Argument(parsing: .allUnrecognized, help: "The query (see QUERY SYNTAX).")
    var words: [String] = []

    mutating func validate() throws {
        if let unknown = words.first(where: { $0.hasPrefix("--") && $0 != "--" }) {
            throw ValidationError("unknown option '\(unknown)'")
        }
        words.removeAll { $0 == "--" }
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more (got \(limit))") }
        guard offset >= 0 else { throw ValidationError("--offset must be 0 or more (got \(offset))") }
        guard facetLimit >= 0 else { throw ValidationError("--facet-limit must be 0 or more (got \(facetLimit))") }
        if noFacets && facets != nil { throw ValidationError("'--facets' and '--no-facets' cannot be used together") }
        if recency || recencyHalfLife != nil, sort != .relevance {
            let flag = recencyHalfLife != nil ? "--recency-half-life" : "--recency"
            throw ValidationError("'\(flag)' changes relevance order only; it cannot be used with '--sort \(sort.rawValue)'")
        }
        if let since, let until, since.date.firstDay > until.date.lastDay {
            throw ValidationError("--since \(since.date) is after --until \(until.date)")
        }
    }

    func run() throws {
        try Self.answer(makeRequest(), from: indexOptions.location, json: output.json, color: output.color)
    }

    /// Runs `request` on the index and prints the answer: the whole of a query once its options are read.
    ///
    /// It ends the process with the answer written, its read-only connection left open: closing it
    /// (GRDB's observers removed, SQLite's cache freed page by page) was 5% of a rare word's whole
    /// process (callgrind, BENCHMARKS.md issue 17) and changes nothing in a file opened read-only.
    static func answer(_ request: SearchRequest, from location: IndexLocation, json: Bool, color: ColorChoice) throws -> Never {
        let searcher = try Searcher(store: location.openForReading(.singleReader))
        let results = try searcher.search(request)
        var out = StandardOutput()
        if json {
            out.writeJSON(JSONOutput.Results(results).json)
        } else {
            TextRenderer(style: Style(enabled: color.enabled)).render(results, request: request, to: &out)
        }
        withExtendedLifetime(searcher) { Foundation.exit(0) }
    }

    /// The options as the engine's request; `search serve` parses its query parameters into this
    /// command and calls the same, so the API and `--json` answer the same options alike.
    func makeRequest() -> SearchRequest {
        var request = SearchRequest(text: words.joined(separator: " "))
        request.limit = limit
        request.offset = offset
        request.sort = sort
        request.match = match
        request.filters = QueryFilters(sources: source, actors: actor, since: since?.date, until: until?.date)
        request.facets = noFacets ? [] : facets?.facets ?? Set(SearchRequest.Facet.allCases)
        request.facetLimit = facetLimit
        request.dateBucket = dateBucket
        if noFeedback { request.feedback = nil }
        request.explain = explain
        request.fold = !noFold
        if recency || recencyHalfLife != nil {
            request.recency = RecencyPrior(halfLifeDays: recencyHalfLife?.days ?? RecencyPrior.defaultHalfLifeDays)
        }
        return request
    }
}
