import Foundation
import NewsQuery
import Testing

/// The association measures of `search actors --with`, against values worked out by hand
/// (G² = 2 Σ O ln(O/E) over the 2×2 table; PMI = log2(O11 / E11)).
@Suite struct CooccurrenceTests {
    @Test(arguments: [
        // together, first, second, total, G², PMI
        (4, 5, 6, 44, 14.2697, 2.5525),
        (7, 10, 8, 40, 19.0462, 1.8074),
        (1, 10, 1, 40, 2.8509, 2.0),
    ])
    func measuresMatchTheirDefinitions(_ counts: (Int, Int, Int, Int, Double, Double)) {
        let pair = Cooccurrence(together: counts.0, first: counts.1, second: counts.2, total: counts.3)
        #expect(abs(pair.logLikelihood - counts.4) < 1e-4)
        #expect(abs((pair.pmi ?? .nan) - counts.5) < 1e-4)
    }

    @Test func anActorInEveryArticleIsNotAssociated() {
        let everywhere = Cooccurrence(together: 10, first: 10, second: 40, total: 40)
        #expect(everywhere.logLikelihood == 0)
        #expect(everywhere.pmi == 0)
        #expect(everywhere.expected == 10)
    }

    @Test func avoidanceScoresBelowZero() {
        // Never together although chance would put them in 5 articles together.
        let apart = Cooccurrence(together: 0, first: 10, second: 20, total: 40)
        #expect(abs(apart.logLikelihood + 17.2609) < 1e-4)
        #expect(apart.pmi == nil)
        let fewer = Cooccurrence(together: 3, first: 10, second: 20, total: 40)
        #expect(fewer.logLikelihood < 0)
    }

    /// The point of G² over PMI: one shared article gives the highest PMI there is, yet less evidence
    /// than a pair seen together seven times out of eight.
    @Test func evidenceOutweighsRarity() {
        let once = Cooccurrence(together: 1, first: 10, second: 1, total: 40)
        let often = Cooccurrence(together: 7, first: 10, second: 8, total: 40)
        #expect(once.pmi! > often.pmi!)
        #expect(often.logLikelihood > once.logLikelihood)
    }

    @Test func impossibleCountsAreClampedIntoATable() {
        let pair = Cooccurrence(together: 9, first: 5, second: 50, total: 40)
        #expect(pair.second == 40 && pair.together == 5)
        #expect(pair.logLikelihood == 0)
        let empty = Cooccurrence(together: 0, first: 0, second: 0, total: 0)
        #expect(empty.logLikelihood == 0 && empty.expected == 0 && empty.pmi == nil)
        // first + second > total forces some articles to name both.
        #expect(Cooccurrence(together: 0, first: 30, second: 30, total: 40).together == 20)
    }
}
