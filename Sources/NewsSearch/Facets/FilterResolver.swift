import GRDB
import NewsQuery

/// Filters turned into what the index stores: source ids, the documents naming an actor, date keys;
/// ``DocumentFilter`` applies them.
struct ResolvedFilters {
    /// nil when the facet is not filtered.
    var sourceIDs: Set<Int64>?
    /// The actors an actor filter names; nil when actors are not filtered. ``DocumentFilter`` finds
    /// their documents in the columns file.
    var actorIDs: Set<Int64>?
    /// Those of ``actorIDs`` that are locations, which the columns file keeps apart.
    var locationIDs: Set<Int64> = []
    var firstDay: String?
    var lastDay: String?

    var isEmpty: Bool { sourceIDs == nil && actorIDs == nil && firstDay == nil && lastDay == nil }
}

/// Resolves the names a user typed (any case, any accents, a surname, a shortened source) to the index's.
struct FilterResolver {
    let db: Database
    /// Values per facet beyond this are ignored with a warning: each is matched loosely against every
    /// name in the index (5,000 `actor:` filters took 4.5 s).
    static let maximumValues = 32

    func resolve(_ given: QueryFilters, warnings: inout [String]) throws -> ResolvedFilters {
        var filters = given
        for (name, count) in [("source", filters.sources.count), ("actor", filters.actors.count)] where count > Self.maximumValues {
            warnings.append("only the first \(Self.maximumValues) of \(count) \(name) filters are used")
        }
        filters.sources = Array(filters.sources.prefix(Self.maximumValues))
        filters.actors = Array(filters.actors.prefix(Self.maximumValues))
        var resolved = ResolvedFilters()
        if !filters.sources.isEmpty {
            let sources = try Row.fetchAll(db, sql: "SELECT id, name FROM sources").map { ($0[0] as Int64, $0[1] as String) }
            var ids: Set<Int64> = []
            for value in filters.sources {
                let matches = Self.match(value, among: sources)
                if matches.isEmpty {
                    warnings.append(Self.unknown("source", value, among: sources.map(\.1)))
                }
                ids.formUnion(matches)
            }
            resolved.sourceIDs = ids
        }
        if !filters.actors.isEmpty {
            var actorIDs: Set<Int64> = []
            for value in filters.actors {
                var matches = try matchActor(value)
                if matches.isEmpty {
                    matches = Set(try Int64.fetchAll(
                        db, sql: "SELECT actor_id FROM actor_aliases WHERE alias = ?", arguments: [NameFolding.fold(value)]))
                }
                if matches.isEmpty {
                    let names = try String.fetchAll(db, sql: "SELECT name FROM actors")
                    warnings.append(Self.unknown("actor", value, among: names))
                } else if matches.count > 1 {
                    let names = try String.fetchAll(
                        db, sql: "SELECT name FROM actors WHERE id IN (SELECT value FROM json_each(?)) ORDER BY name",
                        arguments: [IDList.json(matches)])
                    warnings.append("actor '\(value)' matches \(names.count) actors (\(names.prefix(5).joined(separator: ", "))); all are included")
                }
                actorIDs.formUnion(matches)
            }
            resolved.actorIDs = actorIDs
            resolved.locationIDs = Set(try Int64.fetchAll(
                db, sql: "SELECT id FROM actors WHERE id IN (SELECT value FROM json_each(?)) AND type = 'location'",
                arguments: [IDList.json(actorIDs)]))
        }
        resolved.firstDay = filters.since?.firstDay
        resolved.lastDay = filters.until?.lastDay
        return resolved
    }

    /// ``match(_:among:)`` for actors, on the folded names the index stores: an index of 40,000 actors
    /// folded every name again for each query (about 100 ms of an actor-filtered search).
    func matchActor(_ value: String) throws -> Set<Int64> {
        let wanted = NameFolding.fold(value)
        guard !wanted.isEmpty else { return [] }
        let exact = try Int64.fetchAll(db, sql: "SELECT id FROM actors WHERE folded = ?", arguments: [wanted])
        if !exact.isEmpty { return Set(exact) }
        let bare = wanted.hasPrefix("the ") ? String(wanted.dropFirst(4)) : wanted
        let withoutArticle = try Int64.fetchAll(
            db, sql: "SELECT id FROM actors WHERE folded IN (?, ?)", arguments: [bare, "the " + bare])
        if !withoutArticle.isEmpty { return Set(withoutArticle) }
        return Set(try Int64.fetchAll(
            db, sql: "SELECT id FROM actors WHERE instr(' ' || folded || ' ', ?) > 0", arguments: [" " + wanted + " "]))
    }

    /// Exact (folded) name first; else names without a leading "The"; else whole words of the name
    /// (a surname, "Japan Times"). A fragment of a word matches nothing: "Alpha Wir" is a typo to
    /// report, not a filter to guess.
    static func match(_ value: String, among names: [(Int64, String)]) -> Set<Int64> {
        let wanted = NameFolding.fold(value)
        guard !wanted.isEmpty else { return [] }
        let folded = names.map { ($0.0, NameFolding.fold($0.1)) }
        let exact = folded.filter { $0.1 == wanted }
        if !exact.isEmpty { return Set(exact.map(\.0)) }
        let bare = { (name: String) in name.hasPrefix("the ") ? String(name.dropFirst(4)) : name }
        let withoutArticle = folded.filter { bare($0.1) == bare(wanted) }
        if !withoutArticle.isEmpty { return Set(withoutArticle.map(\.0)) }
        let words = folded.filter { (" " + $0.1 + " ").contains(" " + wanted + " ") }
        return Set(words.map(\.0))
    }

    static func unknown(_ facet: String, _ value: String, among names: [String]) -> String {
        let wanted = NameFolding.fold(value)
        let scored: [(name: String, distance: Int)] = names.map { name in
            let folded = Array(NameFolding.fold(name).unicodeScalars), target = Array(wanted.unicodeScalars)
            return (name, SpellingSuggester.distance(folded, target, atMost: max(folded.count, target.count)) ?? .max)
        }
        let closest = scored.sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }.prefix(3).map(\.name)
        let hint = closest.isEmpty ? "" : "; closest: " + closest.joined(separator: ", ")
        return "no \(facet) matches '\(value)'\(hint)"
    }
}
