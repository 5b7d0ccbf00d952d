import NewsQuery

/// ``RecencyPrior`` applied during the one pass over the matches: ages come from the in-memory date
/// column, so every match gets its exact boosted score and nothing depends on a candidate pool.
struct RecencyBoost: Sendable {
    let prior: RecencyPrior
    /// Age in days per date code (``FacetColumns/dateCode``); nil for a code whose day does not parse.
    let ageByCode: [Double?]
    let dateCode: Column<Int32>
    /// The documents with every query clause, indexed by id; nil when each match may be boosted (a
    /// one-clause query, `--match all`, or no document that passes the filters has every clause).
    let everyClause: [Bool]?

    init(prior: RecencyPrior, columns: FacetColumns, everyClause: [Bool]?) {
        self.prior = prior
        ageByCode = RecencyPrior.ages(ofFirstDays: Array(columns.firstDays))
        dateCode = columns.dateCode
        self.everyClause = everyClause
    }

    /// `relevance` (the explanation of an unboosted score) times this document's factor.
    func explain(_ relevance: Explanation, id: Int) -> Explanation {
        let code = id < dateCode.count ? Int(dateCode[id]) : -1
        let age = code >= 0 && code < ageByCode.count ? ageByCode[code] : nil
        let every = everyClause.map { id < $0.count && $0[id] } ?? true
        let factor = every ? prior.factor(ageDays: age) : 1
        let why: String
        if !every {
            why = "recency: none, the article lacks a query clause that other matches have"
        } else if let age {
            why = "recency, computed as 1 + \(prior.maximumBoost) × 2^(−age / half-life), age \(Int(age)) days, "
                + "half-life \(prior.halfLifeDays) days"
        } else {
            why = "recency: none, the article is undated"
        }
        return Explanation(apply(relevance.value, id: id), "score with recency, product of:", [relevance, Explanation(factor, why)])
    }

    @inline(__always)
    func apply(_ score: Double, id: Int) -> Double {
        let code = id < dateCode.count ? Int(dateCode[id]) : -1
        let age = code >= 0 && code < ageByCode.count ? ageByCode[code] : nil
        let every = everyClause.map { id < $0.count && $0[id] } ?? true
        return prior.boosted(score, ageDays: age, hasEveryClause: every)
    }
}
