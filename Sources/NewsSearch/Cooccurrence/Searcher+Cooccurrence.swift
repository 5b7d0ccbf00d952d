import Foundation
import GRDB
import NewsActors
import NewsQuery

/// Who appears with whom: answered from the stored actor links in the facet columns the searcher
/// already holds, for the articles a search with the same text and filters would count.
extension Searcher {
    /// The actors named in the same articles as `request.actor`, most associated first.
    ///
    /// Throws ``CooccurrenceError/unknownActor(_:closest:)`` when no actor has the name.
    public func associations(_ request: AssociationRequest) throws -> ActorAssociations {
        let started = DispatchTime.now()
        let wanted = request.actor.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !wanted.isEmpty else { throw CooccurrenceError.emptyActorName }
        let plan = QueryPlan(request.scope.searchRequest, analyzer: analyzer)
        var result = try reading { db in
            let columns = try facetColumns.columns(in: db)
            let given = try GivenActor(named: wanted, columns: columns, in: db)
            let selection = try ArticleSelection(plan, columns: columns, in: db)
            let counts = CooccurrenceCounts(columns: columns, selection: selection)
            let within = counts.perActor(within: given.documents)
            let everywhere = counts.perActor()
            var candidates: [Int32] = []
            for actor in within.counts.indices where within.counts[actor] >= max(request.minimumCount, 1) {
                if !given.ids.contains(Int64(actor)) { candidates.append(Int32(actor)) }
            }
            if let type = request.type { candidates = try Self.keeping(candidates, of: type, in: db) }
            let pair = { (actor: Int32) in
                Cooccurrence(
                    together: Int(within.counts[Int(actor)]), first: within.articles,
                    second: Int(everywhere[Int(actor)]), total: selection.count)
            }
            let scored = candidates.map { (actor: $0, counts: pair($0)) }
            let associates = try Self.best(scored, limit: max(request.limit, 0), in: db)
            let matched = given.byFrequency(in: selection)
            var warnings = selection.warnings
            if matched.count > 1 {
                warnings.append(
                    "actor '\(wanted)' matches \(matched.count) actors (\(matched.prefix(5).map(\.name).joined(separator: ", "))); they are counted as one")
            }
            let first = matched[0]
            return ActorAssociations(
                actor: ActorCount(name: first.name, type: first.type, count: within.articles), matched: matched.map(\.name),
                selected: selection.count, counted: selection.counted, associates: associates, warnings: warnings,
                tookMilliseconds: 0)
        }
        result.tookMilliseconds = Self.milliseconds(since: started)
        return result
    }

    /// The co-occurrence network of the articles of `request.scope`.
    public func actorGraph(_ request: ActorGraphRequest) throws -> ActorGraph {
        let started = DispatchTime.now()
        let plan = QueryPlan(request.scope.searchRequest, analyzer: analyzer)
        let maximumNodes = min(max(request.maximumNodes, 0), ActorGraphRequest.nodeCeiling)
        var graph = try reading { db in
            let columns = try facetColumns.columns(in: db)
            let selection = try ArticleSelection(plan, columns: columns, in: db)
            let counts = CooccurrenceCounts(columns: columns, selection: selection)
            let everywhere = counts.perActor()
            var counted = everywhere.indices.filter { everywhere[$0] > 0 }.map(Int32.init)
            if let type = request.type { counted = try Self.keeping(counted, of: type, in: db) }
            let nodes = try Self.mostFrequent(counted, counts: everywhere, limit: maximumNodes, in: db)
            let together = counts.pairs(among: nodes.map { Int32($0.id) })
            var edges: [ActorGraph.Edge] = []
            for i in nodes.indices {
                for j in (i + 1)..<nodes.count {
                    let weight = Int(together[i * nodes.count + j])
                    guard weight >= max(request.minimumEdgeCount, 1) else { continue }
                    edges.append(ActorGraph.Edge(
                        source: i, target: j,
                        counts: Cooccurrence(together: weight, first: nodes[i].count, second: nodes[j].count, total: selection.count)))
                }
            }
            edges.sort { ($0.counts.together, $1.source, $1.target) > ($1.counts.together, $0.source, $0.target) }
            return ActorGraph(
                nodes: nodes, edges: edges, selected: selection.count, counted: selection.counted,
                warnings: selection.warnings, tookMilliseconds: 0)
        }
        graph.tookMilliseconds = Self.milliseconds(since: started)
        return graph
    }

    /// `actors` that are of `type`.
    private static func keeping(_ actors: [Int32], of type: ActorType, in db: Database) throws -> [Int32] {
        let ofType = Set(try Int32.fetchAll(
            db, sql: "SELECT id FROM actors WHERE type = ? AND id IN (SELECT value FROM json_each(?))",
            arguments: [type.rawValue, IDList.json(actors.map(Int64.init))]))
        return actors.filter(ofType.contains)
    }

    /// The `limit` most associated, named. Names are read only for the pairs that can make the list
    /// (those scoring at least as high as the `limit`-th, ties included), so name order among equals
    /// is exact and an actor in thousands of articles does not read thousands of names.
    private static func best(
        _ scored: [(actor: Int32, counts: Cooccurrence)], limit: Int, in db: Database
    ) throws -> [ActorAssociation] {
        guard limit > 0, !scored.isEmpty else { return [] }
        let key = { (pair: Cooccurrence) in (pair.logLikelihood, pair.together) }
        let ordered = scored.sorted { key($0.counts) > key($1.counts) }
        let last = key(ordered[min(limit, ordered.count) - 1].counts)
        let contenders = ordered.prefix { key($0.counts) >= last }
        let names = try named(contenders.map(\.actor), in: db)
        var associations: [ActorAssociation] = []
        for entry in contenders {
            guard let (name, type) = names[entry.actor] else { continue }
            associations.append(ActorAssociation(name: name, type: type, counts: entry.counts))
        }
        associations.sort { a, b in
            let (x, y) = (key(a.counts), key(b.counts))
            return x == y ? a.name < b.name : x > y
        }
        return Array(associations.prefix(limit))
    }

    /// The `limit` actors of `actors` named in the most articles, ties by name, as graph nodes.
    private static func mostFrequent(
        _ actors: [Int32], counts: [Int32], limit: Int, in db: Database
    ) throws -> [ActorGraph.Node] {
        guard limit > 0, !actors.isEmpty else { return [] }
        let ordered = actors.sorted { counts[Int($0)] > counts[Int($1)] }
        let threshold = counts[Int(ordered[min(limit, ordered.count) - 1])]
        let contenders = ordered.prefix { counts[Int($0)] >= threshold }
        let names = try named(Array(contenders), in: db)
        var nodes: [ActorGraph.Node] = []
        for actor in contenders {
            guard let (name, type) = names[actor] else { continue }
            nodes.append(ActorGraph.Node(id: Int64(actor), name: name, type: type, count: Int(counts[Int(actor)])))
        }
        nodes.sort { ($0.count, $1.name) > ($1.count, $0.name) }
        return Array(nodes.prefix(limit))
    }

    private static func named(_ actors: [Int32], in db: Database) throws -> [Int32: (name: String, type: ActorType)] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT id, name, type FROM actors WHERE id IN (SELECT value FROM json_each(?))",
            arguments: [IDList.json(actors.map(Int64.init))])
        var names: [Int32: (name: String, type: ActorType)] = [:]
        for row in rows {
            names[Int32(truncatingIfNeeded: row[0] as Int64)] = (row[1], ActorType(rawValue: row[2]) ?? .person)
        }
        return names
    }

    private func reading<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try store.read(body)
        } catch let error as DatabaseError {
            throw IndexStore.translate(error, path: store.path)
        }
    }

    private static func milliseconds(since started: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
    }
}
