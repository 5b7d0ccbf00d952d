import Foundation
import NewsQuery

/// Decides, match by match inside the pass (`newsvisit`), whether the pass needs a match's score:
/// documents a filter rejects, in date order documents that cannot enter the page, and in relevance
/// order partial matches that cannot outscore a full page (``partialBound``), are never ranked.
final class HitAdmission: @unchecked Sendable {
    /// The type tag SQLite checks when the pointer argument is read; must outlive every statement.
    nonisolated(unsafe) static let pointerType: UnsafePointer<CChar> = UnsafePointer(strdup("newssearch.hit-admission")!)

    let filter: DocumentFilter
    let hitsFrom: [Bool]?
    let order: MatchScan.Order
    /// The documents known to have every query clause, indexed by id (the all-terms matches a
    /// `--match auto` pass counts); nil: unknown, every match is ranked.
    let complete: [Bool]?
    /// What a score may be multiplied by after ranking (`--recency`'s largest factor), so that the
    /// bound compared with the page's scores is the boosted one.
    let boostLimit: Double
    /// Whether `newsrank` may refuse a row from the phrases it has (``PresenceBound``) once the page
    /// is full; off only to test that this changes no answer.
    let boundsRows: Bool
    /// The entry a newcomer must beat once the page is full; nil until then. Only the thread running
    /// the statement touches it.
    var threshold: TopHits.Entry?
    /// The highest score a match outside ``complete`` can reach (``BM25FModel/partialMatchBound(_:)``),
    /// left here by `newsrank` on its first row, when it computes the query's statistics; nil before.
    var partialBound: Double?
    /// The model and the query's statistics (no row's hits), left with ``partialBound``: what a
    /// later pass's guard is chosen from (``MatchScan/runGuarded(_:complete:query:analyzer:parallelism:store:in:)``).
    var ranking: (model: BM25FModel, statistics: MatchStatistics)?

    init(
        filter: DocumentFilter, hitsFrom: [Bool]?, order: MatchScan.Order, complete: [Bool]? = nil, boostLimit: Double = 1,
        boundsRows: Bool = true
    ) {
        self.filter = filter
        self.hitsFrom = hitsFrom
        self.order = order
        self.complete = complete
        self.boostLimit = boostLimit
        self.boundsRows = boundsRows
    }

    /// In relevance order, the score (before any recency boost) a match must reach to enter the page;
    /// nil while any score would do.
    var scoreFloor: Double? {
        guard case .relevance = order, let threshold else { return nil }
        return threshold.key / boostLimit
    }

    /// Also the first sight of the row: its columns are asked for here, so that they are on their way
    /// while the row is ranked and are there when the pass counts it.
    func admits(_ id: Int64) -> Bool {
        filter.columns.prefetch(Int(truncatingIfNeeded: id))
        guard filter.columns.contains(id) else { return false }
        let index = Int(id)
        guard filter.passes(index) == .all else { return false }
        if let hitsFrom, index >= hitsFrom.count || !hitsFrom[index] { return false }
        guard let threshold else { return true }
        switch order {
        case .date(let newestFirst):
            return threshold < MatchScan.dateEntry(index, newestFirst: newestFirst, columns: filter.columns)
        case .relevance:
            // Exact: a skipped match scores at most the bound, below the page's worst, which only rises.
            guard let complete, let partialBound, index < complete.count, !complete[index] else { return true }
            return !(partialBound * boostLimit < threshold.key)
        }
    }

    /// Called by `newsrank` once per statement, when it has the query's statistics.
    func learn(_ model: BM25FModel, _ statistics: MatchStatistics) {
        partialBound = model.partialMatchBound(statistics)
        ranking = (model, statistics)
    }
}
