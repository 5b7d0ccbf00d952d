/// The counts co-occurrence answers are read from, gathered in passes over the actor lists of
/// ``FacetColumns`` (the actor facet's own arrays) for the articles of a selection: array reads and
/// increments, no SQL per article.
struct CooccurrenceCounts {
    let columns: FacetColumns
    let selection: ArticleSelection

    /// Per actor id, the articles of the selection naming it.
    func perActor() -> [Int32] {
        var counts = [Int32](repeating: 0, count: columns.actorLimit)
        counts.withUnsafeMutableBufferPointer { counts in
            let limit = counts.count
            forEachSelected(in: 0..<columns.idLimit) { actors in
                // A damaged columns file may hold any value: out-of-range ids are not counted.
                for actor in actors where actor >= 0 && Int(actor) < limit { counts[Int(actor)] &+= 1 }
            }
        }
        return counts
    }

    /// For the articles of the selection among `documents`: how many there are, and per actor id how
    /// many of them name it.
    func perActor(within documents: [Int64]) -> (articles: Int, counts: [Int32]) {
        var counts = [Int32](repeating: 0, count: columns.actorLimit)
        var articles = 0
        counts.withUnsafeMutableBufferPointer { counts in
            for document in documents where document >= 0 && document < Int64(columns.idLimit) {
                let id = Int(document)
                guard selection.contains[id] else { continue }
                articles += 1
                for index in columns.actors(of: id) {
                    let actor = Int(columns.actorIDs[index])
                    if actor >= 0 && actor < counts.count { counts[actor] &+= 1 }
                }
            }
        }
        return (articles, counts)
    }

    /// For each pair of `nodes` (actor ids), the articles of the selection naming both: entry
    /// `i * nodes.count + j` for positions `i < j`.
    func pairs(among nodes: [Int32]) -> [Int32] {
        let size = nodes.count
        var position = [Int32](repeating: -1, count: columns.actorLimit)
        for (index, actor) in nodes.enumerated() where actor >= 0 && Int(actor) < position.count {
            position[Int(actor)] = Int32(index)
        }
        var together = [Int32](repeating: 0, count: size * size)
        var present: [Int] = []
        together.withUnsafeMutableBufferPointer { together in
            forEachSelected(in: 0..<columns.idLimit) { actors in
                present.removeAll(keepingCapacity: true)
                for actor in actors where actor >= 0 && Int(actor) < position.count && position[Int(actor)] >= 0 {
                    present.append(Int(position[Int(actor)]))
                }
                guard present.count > 1 else { return }
                for a in 0..<present.count {
                    for b in (a + 1)..<present.count {
                        let (i, j) = present[a] < present[b] ? (present[a], present[b]) : (present[b], present[a])
                        together[i * size + j] &+= 1
                    }
                }
            }
        }
        return together
    }

    /// Calls `body` with the actor ids of each selected article with an id in `ids`.
    @inline(__always)
    private func forEachSelected(in ids: Range<Int>, _ body: (Slice<Column<Int32>>) -> Void) {
        let actors = columns.actorIDs, contains = selection.contains
        for id in ids where contains[id] {
            let range = columns.actors(of: id)
            if !range.isEmpty { body(actors[range]) }
        }
    }
}
