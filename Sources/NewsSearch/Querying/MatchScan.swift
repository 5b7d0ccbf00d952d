import GRDB
import GRDBSQLite
import NewsQuery

/// One pass over every document a query matches, gathering at once what the answer needs: the total,
/// the facet counts and the best hits. Filters and facet values come from the mapped ``FacetColumns``;
/// a document's score is computed only when it passes every filter, so a filtered broad query does not
/// pay to rank what it throws away.
struct MatchScan: Sendable {
    enum Order: Sendable, Equatable {
        case relevance
        case date(newestFirst: Bool)
    }

    let columns: FacetColumns
    let filter: DocumentFilter
    /// The documents `total` and the facets describe (the all-terms matches, indexed by id); nil: every one.
    var counted: [Bool]?
    /// The documents that may be hits; nil: every one.
    var hitsFrom: [Bool]?
    /// The documents known to have every query clause, indexed by id; nil: unknown. Partial matches
    /// are ranked only while they could still make the page (``HitAdmission``).
    var complete: [Bool]?
    var order: Order = .relevance
    /// Whether ranking may skip matches whose phrases cannot reach the page (``PresenceBound``); off only
    /// to test that this changes no answer.
    var boundsRows = true
    /// `--recency`: applied to each relevance score before it competes for the top hits.
    var recency: RecencyBoost?
    /// Copies folded into their best-ranked member, and the clusters `total` holds (issue 19).
    var copies = CopyFolding(groups: .none, folds: false)

    var tally: FacetTally
    var top: TopHits
    var total = 0
    /// Over every document of the pass, whatever the scope: for saying which filter emptied the results.
    var matched = 0
    var passing = [Int](repeating: 0, count: 8)
    /// How many matches were ranked.
    var ranked = 0
    /// A page's worst entry already known to be beaten (by a pass over other documents of the same
    /// query), so that admission prunes from the first row; nil: none.
    var floor: TopHits.Entry?
    /// The model and query statistics `newsrank` used, once it has ranked a row.
    var ranking: (model: BM25FModel, statistics: MatchStatistics)?
    /// Every document of the pass, indexed by id, when asked for (``recordingMatches()``): the feedback
    /// stage needs the first pass's matches, and keeping them saves FTS5 a second pass.
    var matchSet: [Bool]?

    init(columns: FacetColumns, filter: DocumentFilter, facets: Set<SearchRequest.Facet>, hits: Int) {
        self.columns = columns
        self.filter = filter
        tally = FacetTally(facets: facets, columns: columns)
        top = TopHits(capacity: hits)
    }

    /// Passes over the matches of `call` with ids in `ids`, ranking those a fresh ``HitAdmission``
    /// admits (the rest are counted with no score). The statement visits every match itself
    /// (``MatchVisitor``) and selects none: this steps it once.
    mutating func scan(_ call: RankCall, ids: Range<Int>, in db: Database) throws {
        let lengths = columns.tokenLengths, frequencies = columns.documentFrequencies
        let admission = HitAdmission(
            filter: filter, hitsFrom: hitsFrom, order: order, complete: complete, boostLimit: boostLimit,
            boundsRows: boundsRows)
        admission.threshold = floor
        defer { if ranking == nil { ranking = admission.ranking } }
        try withUnsafeMutablePointer(to: &self) { scan in
            let visitor = MatchVisitor(scan: scan, admission: admission)
            let statement = try call.passStatement(
                ids: ids, lengths: lengths, admission: admission, frequencies: frequencies, visitor: visitor, in: db)
            let handle = statement.sqliteStatement
            defer { sqlite3_reset(handle) }
            let code = withExtendedLifetime((lengths, admission, call, visitor)) { sqlite3_step(handle) }
            guard code == SQLITE_DONE else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                    sql: RankCall.passSQL)
            }
        }
        tally.finish(columns: columns)
    }

    /// One match of ``scan(_:ids:in:)``'s pass, as FTS5 hands it over (`score` nil: the match was not
    /// ranked); then `admission` learns the score the next match must beat.
    @inline(__always)
    mutating func take(_ id: Int, score: Double?, admission: HitAdmission) {
        guard columns.contains(Int64(id)) else { return }
        matchSet?[id] = true
        if score != nil { ranked += 1 }
        visit(id, score: score)
        let worst = top.worstIfFull
        admission.threshold = floor.map { floor in worst.map { max($0, floor) } ?? floor } ?? worst
    }

    /// What a score may be multiplied by after ranking (`--recency`'s largest factor).
    var boostLimit: Double { recency.map { 1 + max($0.prior.maximumBoost, 0) } ?? 1 }

    /// Makes the pass keep ``matchSet``.
    mutating func recordingMatches() {
        matchSet = [Bool](repeating: false, count: columns.idLimit)
    }

    /// Passes over every document but those in `excluded` (indexed by id), as a query with no words does.
    mutating func scanAll(excluding excluded: [Bool]? = nil) {
        for id in 0..<columns.idLimit where columns.contains(Int64(id)) {
            if let excluded, id < excluded.count, excluded[id] { continue }
            visit(id, score: 0)
        }
        tally.finish(columns: columns)
    }

    /// `score` is nil for a match the pass chose not to rank: it cannot be a hit.
    @inline(__always)
    private mutating func visit(_ id: Int, score: Double?) {
        let passes = filter.passes(id)
        matched += 1
        passing[Int(passes.rawValue)] += 1
        if Self.contains(counted, id) {
            if passes == .all {
                total += 1
                copies.count(id)
            }
            tally.count(id, passes: passes, columns: columns)
        }
        guard passes == .all, Self.contains(hitsFrom, id), let score else { return }
        switch order {
        case .relevance:
            let boosted = recency?.apply(score, id: id) ?? score
            let entry = TopHits.Entry(key: boosted, tiebreak: -Int64(id), id: Int64(id), score: boosted)
            if !copies.holdBack(entry) { top.offer(entry) }
        case .date(let newestFirst):
            var entry = Self.dateEntry(id, newestFirst: newestFirst, columns: columns)
            entry.score = score
            if !copies.holdBack(entry) { top.offer(entry) }
        }
    }

    /// Undated articles come last in either order; among equal days the later-indexed first.
    @inline(__always)
    static func dateEntry(_ id: Int, newestFirst: Bool, columns: FacetColumns) -> TopHits.Entry {
        let code = columns.date(of: id)
        let key: Double = code < 0 ? -.infinity : Double(newestFirst ? columns.dayRank[code] : -columns.dayRank[code])
        return TopHits.Entry(key: key, tiebreak: Int64(id), id: Int64(id))
    }

    @inline(__always)
    private static func contains(_ set: [Bool]?, _ id: Int) -> Bool {
        guard let set else { return true }
        return id < set.count && set[id]
    }

    /// How many of the pass's documents each filter would keep on its own.
    func keptBy(_ passes: DocumentFilter.Passes) -> Int {
        passing.indices.reduce(0) { $0 + (DocumentFilter.Passes(rawValue: UInt8($1)).isSuperset(of: passes) ? passing[$1] : 0) }
    }
}

extension MatchScan {
    /// The documents an FTS5 expression matches, as a set indexed by id, and whether any passes `filter`.
    static func matches(
        of expression: String, columns: FacetColumns, filter: DocumentFilter, in db: Database
    ) throws -> (set: [Bool], anyPasses: Bool) {
        var set = [Bool](repeating: false, count: columns.idLimit)
        var anyPasses = false
        let rows = try Int64.fetchCursor(
            db, sql: "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?", arguments: [expression])
        while let id = try rows.next() {
            guard columns.contains(id) else { continue }
            set[Int(id)] = true
            if !anyPasses, filter.passes(Int(id)) == .all { anyPasses = true }
        }
        return (set, anyPasses)
    }
}
