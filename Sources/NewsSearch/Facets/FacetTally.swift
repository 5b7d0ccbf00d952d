import GRDB
import HeapModule
import NewsActors

/// Facet counts gathered during the pass over the matches. Each facet counts the documents that pass
/// every filter but its own (disjunctive facets), so a user can see what widening a selection brings.
struct FacetTally: Sendable {
    let facets: Set<SearchRequest.Facet>
    var sources: [Int]
    var dates: [Int]
    var undated = 0
    var actors: [Int32]
    /// The match whose actors are counted next, one match behind: its actor list (a new cache line of
    /// the columns file for nearly every match of a broad word, the largest part of the pass's own
    /// time) is asked for when the match is counted and read when the next one is, after FTS5 and
    /// `newsrank` have had the next row. -1: none.
    private var heldActors = -1

    init(facets: Set<SearchRequest.Facet>, columns: FacetColumns) {
        self.facets = facets
        sources = facets.contains(.source) ? [Int](repeating: 0, count: columns.sourceLimit) : []
        dates = facets.contains(.date) ? [Int](repeating: 0, count: columns.dates.count) : []
        actors = facets.contains(.actor) ? [Int32](repeating: 0, count: columns.actorLimit) : []
    }

    @inline(__always)
    mutating func count(_ id: Int, passes: DocumentFilter.Passes, columns: FacetColumns) {
        if !sources.isEmpty, passes.isSuperset(of: [.date, .actor]) {
            sources[Int(columns.source[id])] += 1
        }
        if !dates.isEmpty, passes.isSuperset(of: [.source, .actor]) {
            let code = columns.date(of: id)
            if code < 0 { undated += 1 } else { dates[code] += 1 }
        }
        if !actors.isEmpty, passes.isSuperset(of: [.source, .date]) {
            let list = columns.actors(of: id)
            columns.actorIDs.prefetch(list.lowerBound)
            columns.actorIDs.prefetch(list.upperBound - 1)
            countActors(of: heldActors, columns: columns)
            heldActors = id
        }
    }

    /// Counts the match held back by ``count(_:passes:columns:)``: called when a pass ends, before
    /// its counts are read or merged.
    mutating func finish(columns: FacetColumns) {
        countActors(of: heldActors, columns: columns)
        heldActors = -1
    }

    @inline(__always)
    private mutating func countActors(of id: Int, columns: FacetColumns) {
        guard id >= 0 else { return }
        for index in columns.actors(of: id) {
            let actor = Int(columns.actorIDs[index])
            if actor >= 0 && actor < actors.count { actors[actor] &+= 1 }
        }
    }

    mutating func merge(_ other: FacetTally) {
        precondition(heldActors < 0 && other.heldActors < 0, "a pass's tally merged before it finished")
        for index in sources.indices { sources[index] += other.sources[index] }
        for index in dates.indices { dates[index] += other.dates[index] }
        undated += other.undated
        for index in actors.indices { actors[index] &+= other.actors[index] }
    }

    /// The counts with names: most frequent first, ties in name order, `limit` values per facet.
    func counts(
        columns: FacetColumns, limit: Int, bucket: SearchRequest.Bucket, in db: Database
    ) throws -> FacetCounts {
        precondition(heldActors < 0, "a pass's tally read before it finished")
        var result = FacetCounts()
        if facets.contains(.source) {
            result.source = try topSources(limit: limit, in: db)
        }
        if facets.contains(.date) {
            let histogram = columns.dateLabels.histogram(dates, unknown: undated, bucket: bucket, texts: columns.dates)
            result.dateBucket = histogram.bucket
            result.date = histogram.counts.map { FacetCounts.Value(value: $0.label, count: $0.count, type: nil) }
        }
        if facets.contains(.actor), limit > 0 {
            result.actor = try topActors(limit: limit, in: db)
        }
        return result
    }

    /// Names are read only for the sources that can make the list, as for actors: a cold process read
    /// all 400 of a 200,000-article index's names through rows (3.5% of a rare word's instructions).
    private func topSources(limit: Int, in db: Database) throws -> [FacetCounts.Value] {
        let contenders = Self.contenders(sources, limit: limit)
        guard !contenders.isEmpty else { return [] }
        let rows = try Row.fetchAll(
            db, sql: "SELECT id, name FROM sources WHERE id IN (SELECT value FROM json_each(?))",
            arguments: [IDList.json(contenders.map(Int64.init))])
        let names = Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as Int, $0[1] as String) })
        let named = contenders.map { (names[$0] ?? "unknown", sources[$0]) }
        return Self.top(named, limit: limit).map { FacetCounts.Value(value: $0.0, count: $0.1, type: nil) }
    }

    /// Names are read only for the actors that can make the list: those counted at least as often as
    /// the `limit`-th, ties included, so name order among equals is exact.
    private func topActors(limit: Int, in db: Database) throws -> [FacetCounts.Value] {
        let contenders = Self.contenders(actors, limit: limit)
        guard !contenders.isEmpty else { return [] }
        let rows = try Row.fetchAll(
            db, sql: "SELECT id, name, type FROM actors WHERE id IN (SELECT value FROM json_each(?))",
            arguments: [IDList.json(contenders.map(Int64.init))])
        let named = rows.map { (id: $0[0] as Int, name: $0[1] as String, type: $0[2] as String) }
        return named.sorted { actors[$0.id] == actors[$1.id] ? $0.name < $1.name : actors[$0.id] > actors[$1.id] }
            .prefix(limit)
            .map { FacetCounts.Value(value: $0.name, count: Int(actors[$0.id]), type: ActorType(rawValue: $0.type)) }
    }

    /// The ids (indices) counted at least as often as the `limit`-th most counted, ties included, most
    /// counted first (ties in id order). The `limit`-th count comes from a heap of the `limit` largest:
    /// sorting every counted id (most of a broad word's 36,000 actors at 200,000 articles) was 5% of a
    /// profile of broad words, an eighth of their queries' samples.
    static func contenders<Count: BinaryInteger>(_ counts: [Count], limit: Int) -> [Int] {
        guard limit > 0 else { return [] }
        var largest = Heap<Count>()
        for count in counts where count > 0 {
            if largest.count < limit {
                largest.insert(count)
            } else if let least = largest.min, count > least {
                largest.replaceMin(with: count)
            }
        }
        guard let threshold = largest.min else { return [] }
        return counts.indices.filter { counts[$0] >= threshold }
            .sorted { counts[$0] == counts[$1] ? $0 < $1 : counts[$0] > counts[$1] }
    }

    /// Most frequent first; ties in name order so output is stable.
    static func top(_ counts: [(String, Int)], limit: Int) -> [(String, Int)] {
        Array(counts.sorted { $0.1 == $1.1 ? $0.0 < $1.0 : $0.1 > $1.1 }.prefix(limit))
    }
}
