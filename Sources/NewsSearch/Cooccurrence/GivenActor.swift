import GRDB
import NewsActors
import NewsQuery

/// The actor a co-occurrence question names, resolved as `--actor` resolves a filter (folded name,
/// without a leading "The", whole words such as a surname, then the aliases), with the articles naming
/// it, from the facet columns (locations from their own section there).
struct GivenActor {
    struct Named {
        var id: Int64
        var name: String
        var type: ActorType
    }

    let ids: Set<Int64>
    let actors: [Named]
    /// Ascending document ids naming any of ``ids``.
    let documents: [Int64]
    /// (document id, actor id) for each link, to count each matched actor within a selection.
    private let links: [(document: Int64, actor: Int64)]

    init(named value: String, columns: FacetColumns, in db: Database) throws {
        let resolver = FilterResolver(db: db)
        var ids = try resolver.matchActor(value)
        if ids.isEmpty {
            ids = Set(try Int64.fetchAll(
                db, sql: "SELECT actor_id FROM actor_aliases WHERE alias = ?", arguments: [NameFolding.fold(value)]))
        }
        guard !ids.isEmpty else {
            throw CooccurrenceError.unknownActor(value, closest: try Self.closest(to: value, in: db))
        }
        let list = IDList.json(ids)
        self.ids = ids
        actors = try Row.fetchAll(
            db, sql: "SELECT id, name, type FROM actors WHERE id IN (SELECT value FROM json_each(?)) ORDER BY name",
            arguments: [list]
        ).map { Named(id: $0[0], name: $0[1], type: ActorType(rawValue: $0[2]) ?? .person) }
        // An alias left pointing at an actor that is gone names nobody.
        guard !actors.isEmpty else { throw CooccurrenceError.unknownActor(value, closest: try Self.closest(to: value, in: db)) }
        links = columns.links(
            to: Set(actors.filter { $0.type != .location }.map(\.id)),
            locations: Set(actors.filter { $0.type == .location }.map(\.id)))
        var documents: [Int64] = []
        for link in links where documents.last != link.document { documents.append(link.document) }
        self.documents = documents
    }

    /// The matched actors, most articles of `selection` first, ties by name.
    func byFrequency(in selection: ArticleSelection) -> [Named] {
        var counts: [Int64: Int] = [:]
        for link in links where link.document >= 0 && link.document < Int64(selection.contains.count) {
            if selection.contains[Int(link.document)] { counts[link.actor, default: 0] += 1 }
        }
        return actors.sorted { (counts[$0.id] ?? 0, $1.name) > (counts[$1.id] ?? 0, $0.name) }
    }

    /// The three names nearest to `value` in edit distance over folded names: the hint of the error.
    static func closest(to value: String, in db: Database) throws -> [String] {
        let wanted = Array(NameFolding.fold(value).unicodeScalars)
        let names = try Row.fetchAll(db, sql: "SELECT name, folded FROM actors").map { ($0[0] as String, $0[1] as String) }
        let scored = names.map { name, folded -> (name: String, distance: Int) in
            let scalars = Array(folded.unicodeScalars)
            return (name, SpellingSuggester.distance(scalars, wanted, atMost: max(scalars.count, wanted.count)) ?? .max)
        }
        return scored.sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }.prefix(3).map(\.name)
    }
}
