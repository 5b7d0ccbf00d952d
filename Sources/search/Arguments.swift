import ArgumentParser
import Foundation
import NewsDates
import NewsIngest
import NewsQuery
import NewsSearch

/// A date given on the command line: `2025`, `2025-04` or `2025-04-10`.
struct DateArgument: ExpressibleByArgument {
    var date: ArticleDate

    init?(argument: String) {
        guard let date = ArticleDate(parsing: argument) else { return nil }
        self.date = date
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

/// `--facets date,source,actor`.
struct FacetList: ExpressibleByArgument {
    var facets: Set<SearchRequest.Facet>

    init?(argument: String) {
        var facets: Set<SearchRequest.Facet> = []
        for name in argument.split(separator: ",") {
            guard let facet = SearchRequest.Facet(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased())
            else { return nil }
            facets.insert(facet)
        }
        self.facets = facets
    }
}

/// `--recency-half-life 30d`: days, weeks, months or years.
struct HalfLifeArgument: ExpressibleByArgument {
    var days: Double

    init?(argument: String) {
        guard let days = RecencyPrior.halfLifeDays(parsing: argument) else { return nil }
        self.days = days
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

extension SearchRequest.Sort: ExpressibleByArgument {}
extension SearchRequest.Match: ExpressibleByArgument {}
extension SearchRequest.Bucket: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}
