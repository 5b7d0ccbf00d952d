import GRDB
import NewsActors

/// Counts facet values over all matches. Each facet is counted with every other facet's filter
/// applied but not its own, so a user can see what widening a selection would bring.
struct FacetCounter {
    let db: Database
    let request: SearchRequest
    let resolved: ResolvedFilters

    func count(_ candidates: [Searcher.Candidate]) throws -> FacetCounts {
        var facets = FacetCounts()
        let limit = max(request.facetLimit, 0)
        if request.facets.contains(.source) {
            var counts: [Int64: Int] = [:]
            for c in candidates where resolved.acceptsDate(c) && resolved.acceptsActor(c) { counts[c.sourceID, default: 0] += 1 }
            let names = try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, name FROM sources").map { ($0[0] as Int64, $0[1] as String) })
            facets.source = Self.top(counts.map { (names[$0.key] ?? "unknown", $0.value) }, limit: limit)
                .map { FacetCounts.Value(value: $0.0, count: $0.1, type: nil) }
        }
        if request.facets.contains(.date) {
            let dated = candidates.filter { resolved.acceptsSource($0) && resolved.acceptsActor($0) }
            let histogram = DateHistogram(dates: dated.map(\.date), bucket: request.dateBucket)
            facets.dateBucket = histogram.bucket
            facets.date = histogram.counts.map { FacetCounts.Value(value: $0.label, count: $0.count, type: nil) }
        }
        if request.facets.contains(.actor) {
            let ids = candidates.lazy.filter { resolved.acceptsSource($0) && resolved.acceptsDate($0) }.map(\.id)
            let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT a.name, a.type, COUNT(*) AS n FROM document_actors da JOIN actors a ON a.id = da.actor_id
                        WHERE da.document_id IN (SELECT value FROM json_each(?)) AND a.type != 'location'
                        GROUP BY da.actor_id ORDER BY n DESC, a.name LIMIT ?
                        """,
                    arguments: [IDList.json(ids), limit])
            facets.actor = rows.map {
                FacetCounts.Value(value: $0["name"], count: $0["n"], type: ActorType(rawValue: $0["type"]))
            }
        }
        return facets
    }

    /// Most frequent first; ties in name order so output is stable.
    static func top(_ counts: [(String, Int)], limit: Int) -> [(String, Int)] {
        Array(counts.sorted { $0.1 == $1.1 ? $0.0 < $1.0 : $0.1 > $1.1 }.prefix(limit))
    }
}
