import Dispatch
import Foundation
import GRDB
import Synchronization

/// The pass over a query's matches split by document id range across cores, each range on its own
/// reader connection, then merged: counts add up, and the best hits of each range compete for the top.
/// Scores do not depend on the split: the rank function's collection statistics are table-wide.
extension MatchScan {
    /// Runs `pass` over every document, in `parts` id ranges at once when the index has at least
    /// `threshold` document ids and the expression matches at least ``fewMatches`` of them (below
    /// either, one thread answers before others could start and merge). A threshold of 0 splits every
    /// pass, so tests can compare split answers with single ones on small indexes.
    /// `db` answers the first range; if another connection sees a different index generation (a
    /// writer committed in between), the whole pass is redone on `db` alone, so counts never mix states.
    mutating func run(
        _ pass: RankCall, parts requested: Int, threshold: Int, store: IndexStore, in db: Database
    ) throws {
        let limit = columns.idLimit
        var parts = limit >= threshold ? max(1, min(requested, 8, limit)) : 1
        if parts > 1, threshold > 0, try Self.matches(pass.matchText, fewerThan: Self.fewMatches, in: db) {
            parts = 1
        }
        // Only readers free now: under load every core is busy anyway, and waiting for one could deadlock.
        let reserved = parts > 1 ? store.reserveReaders(upTo: parts - 1) : 0
        defer { store.releaseReaders(reserved) }
        parts = 1 + reserved
        let bounds = (0...parts).map { limit * $0 / parts }
        guard parts > 1 else {
            try scan(pass, ids: 0..<limit, in: db)
            return
        }
        let template = self
        let outcomes = Mutex<[Int: Result<MatchScan, any Error>]>([:])
        let group = DispatchGroup()
        for part in 1..<parts {
            let ids = bounds[part]..<(part + 1 == parts ? limit : bounds[part + 1])
            DispatchQueue.global(qos: .userInitiated).async(group: group) {
                let outcome = Result {
                    try store.readBeside { db -> MatchScan in
                        guard try FacetColumnStore.generation(in: db) == template.columns.generation else {
                            throw GenerationMoved()
                        }
                        var partial = template
                        try partial.scan(pass, ids: ids, in: db)
                        return partial
                    }
                }
                outcomes.withLock { $0[part] = outcome }
            }
        }
        var first = template
        let firstOutcome = Result { try first.scan(pass, ids: 0..<bounds[1], in: db) }
        group.wait()
        do {
            try firstOutcome.get()
            for part in 1..<parts { try first.merge(outcomes.withLock { $0[part]! }.get()) }
            self = first
        } catch is GenerationMoved {
            try scan(pass, ids: 0..<limit, in: db)
        }
    }

    private struct GenerationMoved: Error {}

    /// Below this many matches a pass is not split. Another range means another reader connection, and
    /// a new process opens it from nothing (the file, the schema, the functions) for every query: in a
    /// profile of a cold `search` for a word in 453 of 200,000 articles, the second range's thread took
    /// 8.2% of the process's samples, a quarter of them in its half of the pass.
    static let fewMatches = 2_000

    /// Whether `expression` matches fewer than `count` documents, counting no further than `count`:
    /// the rowids alone, without ranking, so at most `count` steps through the doclists.
    static func matches(_ expression: String, fewerThan count: Int, in db: Database) throws -> Bool {
        let found = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM (SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? LIMIT ?)",
            arguments: [expression, count]) ?? 0
        return found < count
    }

    /// Adds another range's pass to this one.
    mutating func merge(_ other: MatchScan) {
        total += other.total
        matched += other.matched
        ranked += other.ranked
        if ranking == nil { ranking = other.ranking }
        for index in passing.indices { passing[index] += other.passing[index] }
        tally.merge(other.tally)
        copies.merge(other.copies)
        for entry in other.top.sorted() { top.offer(entry) }
        if let theirs = other.matchSet, matchSet != nil {
            for id in theirs.indices where theirs[id] { matchSet![id] = true }
        }
    }
}
