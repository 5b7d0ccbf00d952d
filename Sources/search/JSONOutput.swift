import Foundation
import NewsQuery
import NewsSearch

/// The JSON wire format (DESIGN §3). Every field is always present; unknown values are `null`.
enum JSONOutput {
    /// `search QUERY --json`.
    struct Results: Encodable {
        /// The query as typed.
        var query: String
        /// Articles matching (all terms when `counted` is "all", else any), after filters.
        var total: Int
        /// How many stories `total` holds: a cluster of copies (one story from several outlets) counts once.
        var total_clusters: Int
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
            total_clusters = results.totalClusters
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
        var date: OrNull<String>
        var source: String
        var url: OrNull<String>
        var path: OrNull<String>
        var actors: [String]
        /// Plain text, no markup.
        var snippet: String
        /// `[start, end)` in Unicode scalars into `snippet`.
        var highlights: [[Int]]
        /// Query words or phrases this article lacks.
        var missing: [String]
        /// With `--explain` only: the score as a tree whose root's value is `score`.
        var explain: ExplainNode?
        /// The other outlets' copies of this story, folded into this hit (empty with `--no-fold`), by date.
        var copies: [Copy]

        init(_ hit: SearchHit) {
            id = hit.id
            rank = hit.rank
            score = (hit.score * 10000).rounded() / 10000
            title = hit.title
            date = OrNull(hit.date)
            source = hit.source
            url = OrNull(hit.url)
            path = OrNull(hit.path)
            actors = hit.actors
            snippet = hit.snippet.text
            highlights = hit.snippet.highlights.map { [$0.lowerBound, $0.upperBound] }
            missing = hit.missing
            explain = hit.explanation.map(ExplainNode.init)
            copies = hit.copies.map(Copy.init)
        }
    }

    /// A copy of a hit's story: another article's id, its source and date.
    struct Copy: Encodable {
        var id: String
        var source: String
        var date: OrNull<String>

        init(_ copy: ArticleCopy) {
            id = copy.id
            source = copy.source
            date = OrNull(copy.date)
        }
    }

    /// A node of `"explain"`, Lucene's and Elasticsearch's shape: `value` is the sum of the details'
    /// values unless `description` says how they combine ("product of:", "computed as …").
    struct ExplainNode: Encodable {
        var value: Double
        var description: String
        var details: [ExplainNode]

        /// Values rounded as `score` is, so the root's value is the hit's `score`.
        init(_ explanation: Explanation) {
            value = (explanation.value * 10000).rounded() / 10000
            description = explanation.description
            details = explanation.details.map(ExplainNode.init)
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
    }

    /// An optional that encodes as `null` where synthesized `Encodable` would leave the key out:
    /// the contract says unknown values are `null`, not absent.
    struct OrNull<Wrapped: Encodable>: Encodable {
        var value: Wrapped?

        init(_ value: Wrapped?) { self.value = value }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            if let value { try container.encode(value) } else { try container.encodeNil() }
        }
    }

    static func write(_ value: some Encodable, to out: inout StandardOutput) throws {
        out.writeJSON(try encode(value))
    }

    /// The one encoding of the wire format, shared by `--json` and `search serve`'s API, so the two
    /// cannot drift apart.
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]  // stable output for diffs and tests
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
