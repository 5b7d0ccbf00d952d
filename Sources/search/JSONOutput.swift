import Foundation
import NewsSearch

/// The JSON wire format (DESIGN §3). Every field is always present; unknown values are `null`.
enum JSONOutput {
    /// `search QUERY --json`.
    struct Results: Encodable {
        /// The query as typed.
        var query: String
        /// Articles matching (all terms when `counted` is "all", else any), after filters.
        var total: Int
        /// "all" or "any": which match set `total` and the facets describe.
        var counted: String
        var took_ms: Double
        var hits: [Hit]
        /// Only the facets asked for; each one counted without its own filter.
        var facets: [String: [FacetValue]]
        /// What the parser or the filters worked around.
        var warnings: [String]
        /// Corrected queries from the index's own vocabulary, when nothing matched.
        var suggestions: [String]

        init(_ results: SearchResults) {
            query = results.query
            total = results.total
            counted = results.counted.rawValue
            took_ms = (results.tookMilliseconds * 100).rounded() / 100
            hits = results.hits.map(Hit.init)
            facets = [:]
            if results.facetsCounted.contains(.date) { facets["date"] = results.facets.date.map(FacetValue.init) }
            if results.facetsCounted.contains(.source) { facets["source"] = results.facets.source.map(FacetValue.init) }
            if results.facetsCounted.contains(.actor) { facets["actor"] = results.facets.actor.map(FacetValue.init) }
            warnings = results.warnings
            suggestions = results.suggestions
        }
    }

    struct Hit: Encodable {
        var id: String
        /// 1-based, counting from the first result (offset included).
        var rank: Int
        /// Higher is better; comparable within one query only.
        var score: Double
        var title: String
        /// `2025-04-10`, `2025-04`, `2025`, or null.
        var date: String?
        var source: String
        var url: String?
        var path: String?
        var actors: [String]
        /// Plain text, no markup.
        var snippet: String
        /// `[start, end)` in Unicode scalars into `snippet`.
        var highlights: [[Int]]
        /// Query words or phrases this article lacks.
        var missing: [String]

        init(_ hit: SearchHit) {
            id = hit.id
            rank = hit.rank
            score = (hit.score * 10000).rounded() / 10000
            title = hit.title
            date = hit.date
            source = hit.source
            url = hit.url
            path = hit.path
            actors = hit.actors
            snippet = hit.snippet.text
            highlights = hit.snippet.highlights.map { [$0.lowerBound, $0.upperBound] }
            missing = hit.missing
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(rank, forKey: .rank)
            try c.encode(score, forKey: .score)
            try c.encode(title, forKey: .title)
            try c.encode(date, forKey: .date)  // null, not absent, when unknown
            try c.encode(source, forKey: .source)
            try c.encode(url, forKey: .url)
            try c.encode(path, forKey: .path)
            try c.encode(actors, forKey: .actors)
            try c.encode(snippet, forKey: .snippet)
            try c.encode(highlights, forKey: .highlights)
            try c.encode(missing, forKey: .missing)
        }

        enum CodingKeys: String, CodingKey {
            case id, rank, score, title, date, source, url, path, actors, snippet, highlights, missing
        }
    }

    struct FacetValue: Encodable {
        var value: String
        /// Only for actors: person, organization, country.
        var type: String?
        var count: Int

        init(_ value: FacetCounts.Value) {
            self.value = value.value
            self.type = value.type?.rawValue
            self.count = value.count
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(value, forKey: .value)
            try c.encodeIfPresent(type, forKey: .type)
            try c.encode(count, forKey: .count)
        }

        enum CodingKeys: String, CodingKey { case value, type, count }
    }

    static func write(_ value: some Encodable, to out: inout some TextOutputStream) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]  // stable output for diffs and tests
        out.write(String(decoding: try encoder.encode(value), as: UTF8.self) + "\n")
    }
}
