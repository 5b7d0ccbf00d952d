import Testing

@testable import NewsQuery

/// The recency prior's promises: bounded, monotone, and never lifting a partial match over an exact one.
@Suite struct RecencyPriorTests {
    let prior = RecencyPrior(halfLifeDays: 30, maximumBoost: 0.2)

    @Test(arguments: [-400.0, 0, 1, 29, 30, 365, 100_000])
    func theFactorStaysWithinItsBound(_ age: Double) {
        let factor = prior.factor(ageDays: age)
        #expect(factor >= 1 && factor <= 1.2)
    }

    @Test func theBoostHalvesEveryHalfLife() {
        #expect(abs(prior.factor(ageDays: 0) - 1.2) < 1e-12)
        #expect(abs(prior.factor(ageDays: 30) - 1.1) < 1e-12)
        #expect(abs(prior.factor(ageDays: 60) - 1.05) < 1e-12)
    }

    @Test func newerNeverScoresLessThanOlder() {
        let ages = stride(from: 0.0, through: 2000, by: 7).map { prior.factor(ageDays: $0) }
        #expect(zip(ages, ages.dropFirst()).allSatisfy { $0 >= $1 })
    }

    @Test func undatedArticlesAndFutureDatesGetNothingExtra() {
        #expect(prior.factor(ageDays: nil) == 1)
        #expect(prior.factor(ageDays: -50) == prior.factor(ageDays: 0))
    }

    /// An old document with every term, which relevance alone ranks at or above a recent partial match,
    /// stays there: the partial match is never boosted, the exact one only upwards.
    @Test func anOldExactMatchStillOutranksARecentPartialMatch() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<10_000 {
            let partial = Double.random(in: 0.01...50, using: &generator)
            let exact = partial * Double.random(in: 1...3, using: &generator)
            let oldAge = Double.random(in: 0...100_000, using: &generator)
            let boostedExact = prior.boosted(exact, ageDays: oldAge, hasEveryClause: true)
            let boostedPartial = prior.boosted(partial, ageDays: 0, hasEveryClause: false)
            #expect(boostedExact >= boostedPartial)
        }
        #expect(prior.boosted(3, ageDays: 0, hasEveryClause: false) == 3)
    }

    /// Between two exact matches recency decides only when their relevance is within the bound.
    @Test func recencyReordersOnlyScoresWithinTheBound() {
        let old = prior.boosted(10, ageDays: 5000, hasEveryClause: true)
        #expect(prior.boosted(9, ageDays: 0, hasEveryClause: true) > old)
        #expect(prior.boosted(10 / 1.21, ageDays: 0, hasEveryClause: true) < old)
    }

    @Test func agesCountBackFromTheNewestDay() {
        let ages = RecencyPrior.ages(ofFirstDays: ["2024-02-28", "2024-03-01", "2023-03-01", "not a day"])
        #expect(ages == [2, 0, 366, nil])
        #expect(RecencyPrior.ages(ofFirstDays: []).isEmpty)
    }

    @Test(arguments: [("30d", 30.0), ("6w", 42), ("1y", 365.25), ("3m", 91.3125), ("90", 90), (" 2D ", 2), ("1.5y", 547.875)])
    func halfLivesParse(_ text: String, _ days: Double) {
        #expect(RecencyPrior.halfLifeDays(parsing: text) == days)
    }

    @Test(arguments: ["", "d", "0d", "-3d", "3x", "abc", "nan", "infd"])
    func badHalfLivesDoNotParse(_ text: String) {
        #expect(RecencyPrior.halfLifeDays(parsing: text) == nil)
    }
}
