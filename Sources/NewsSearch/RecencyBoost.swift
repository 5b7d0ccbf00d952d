import GRDB
import NewsQuery

/// ``RecencyPrior`` applied during the one pass over the matches: ages come from the in-memory date
/// column, so every match gets its exact boosted score and nothing depends on a candidate pool.
struct RecencyBoost: Sendable {
    let prior: RecencyPrior
    /// Age in days per date code (``FacetColumns/dateCode``); nil for a code whose day does not parse.
    let ageByCode: [Double?]
    let dateCode: [Int32]
    /// The documents with every query clause, indexed by id; nil when each match may be boosted (a
    /// one-clause query, `--match all`, or no document that passes the filters has every clause).
    let everyClause: [Bool]?

    init(prior: RecencyPrior, columns: FacetColumns, everyClause: [Bool]?) {
        self.prior = prior
        ageByCode = RecencyPrior.ages(ofFirstDays: columns.firstDays)
        dateCode = columns.dateCode
        self.everyClause = everyClause
    }

    /// For a pass over the matches of `passExpression`: finds the documents with every clause unless
    /// the caller already knows them (`known`, as ``MatchScan/matches(of:columns:filter:in:)`` returns).
    static func make(
        _ prior: RecencyPrior, columns: FacetColumns, filter: DocumentFilter, allExpression: MatchExpression?,
        known: (set: [Bool], anyPasses: Bool)?, in db: Database
    ) throws -> RecencyBoost {
        var all = known
        if all == nil, let allExpression {
            all = try MatchScan.matches(of: allExpression.text, columns: columns, filter: filter, in: db)
        }
        return RecencyBoost(prior: prior, columns: columns, everyClause: all?.anyPasses == true ? all?.set : nil)
    }

    @inline(__always)
    func apply(_ score: Double, id: Int) -> Double {
        let code = id < dateCode.count ? Int(dateCode[id]) : -1
        let age = code >= 0 && code < ageByCode.count ? ageByCode[code] : nil
        let every = everyClause.map { id < $0.count && $0[id] } ?? true
        return prior.boosted(score, ageDays: age, hasEveryClause: every)
    }
}
