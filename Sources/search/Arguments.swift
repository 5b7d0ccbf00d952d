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

    /// For `@Option(transform:)`: ArgumentParser's own message for a bad value ("The value 'x' is
    /// invalid for '--since <since>'") did not say what a date looks like.
    static func parse(_ text: String) throws -> DateArgument {
        guard let argument = DateArgument(argument: text) else {
            throw ValidationError("not a date: use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-04")
        }
        return argument
    }
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

    /// What a bad list is told: the facets there are.
    static func parse(_ text: String) throws -> FacetList {
        guard let list = FacetList(argument: text) else {
            throw ValidationError("facets are date, source and actor, comma-separated")
        }
        return list
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
